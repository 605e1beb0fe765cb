"""Field likelihood: predicted IPC probabilities x the rule set x evidence terms.

For each field the rule set names IPC entries; an entry is one code/group/range or a
combination (all parts needed). The code score of a field is
``max over entries (min over parts (max probability of a label inside the part))``;
the rules engine then confirms it (combinations, limitations such as "only with
uranium/plutonium terms", additional requirements) on the codes actually predicted.
A small logistic calibrator (fit on the calibration split of real records) turns the
code score and the evidence-term count into a probability.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.classify.targets import entry_parts, representative, target_contains
from workbench.domain import AdditionalAnswers
from workbench.rules.model import FieldRule

CALIBRATOR_FEATURES = ("logit_code_score", "logit_subclass_score", "logit_field_score", "log_terms", "has_terms", "sensitive_head")
SENS_CLIP = 9.21  # the same range as _logit's clip, so one outlying text cannot dominate
YES = AdditionalAnswers(defence_use=True, state_commissioned=True)


@dataclass(frozen=True)
class FieldPlan:
    """A field's entries as label-index clauses: field hits if ALL parts of ANY clause do."""

    field_id: int
    clauses: tuple[tuple[tuple[int, ...], ...], ...]  # clause -> parts -> label indices
    subclasses: tuple[int, ...] = ()  # subclass labels holding the field's symbols
    head: int | None = None  # the "field:N" label (the field's whole code set), if the model has one


def _labels_in_symbol(sym: str, labels: tuple[str, ...], kinds: tuple[str, ...]) -> list[int]:
    out = []
    for i, lab in enumerate(labels):
        if kinds[i] == "field":
            continue
        code = lab if kinds[i] == "subclass" else representative(lab)
        if lab == sym or target_contains(sym, code):
            out.append(i)
    return out


def build_plans(rs, labels: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[FieldPlan, ...]:
    plans = []
    for f in rs.fields:
        clauses = []
        for entry in f.ipc:
            idx = []
            for part in entry_parts(entry):
                got: list[int] = []
                for sym in part:
                    got += [i for i in _labels_in_symbol(sym, labels, kinds) if i not in got]
                idx.append(tuple(got))
            if idx and all(idx):  # a part no label can express (e.g. B64U, newer than the titles) drops the entry
                clauses.append(tuple(idx))
        subs = []
        for entry in f.ipc:
            for part in entry_parts(entry):
                for sym in part:
                    head = representative(sym).split(" ")[0]
                    subs += [i for i, lab in enumerate(labels) if kinds[i] == "subclass" and lab.startswith(head) and i not in subs]
        field_label = labels.index(f"field:{int(f.id)}") if f"field:{int(f.id)}" in labels else None
        plans.append(FieldPlan(int(f.id), tuple(clauses), tuple(subs), field_label))
    return tuple(plans)


def code_scores(plans: tuple[FieldPlan, ...], probs: np.ndarray) -> np.ndarray:
    """(n_texts, n_fields) code score per field, vectorised over texts."""
    probs = np.atleast_2d(probs)
    out = np.zeros((probs.shape[0], len(plans)), dtype=np.float32)
    for j, plan in enumerate(plans):
        best = np.zeros(probs.shape[0], dtype=np.float32)
        for clause in plan.clauses:
            parts = [probs[:, list(p)].max(axis=1) for p in clause]
            best = np.maximum(best, np.minimum.reduce(parts))
        out[:, j] = best
    return out


def subclass_scores(plans: tuple[FieldPlan, ...], probs: np.ndarray) -> np.ndarray:
    """(n_texts, n_fields): the best probability among the subclasses the field lives in."""
    probs = np.atleast_2d(probs)
    out = np.zeros((probs.shape[0], len(plans)), dtype=np.float32)
    for j, plan in enumerate(plans):
        if plan.subclasses:
            out[:, j] = probs[:, list(plan.subclasses)].max(axis=1)
    return out


def head_scores(plans: tuple[FieldPlan, ...], probs: np.ndarray) -> np.ndarray:
    """(n_texts, n_fields): the probability of the field's own label (0 if the model has none)."""
    probs = np.atleast_2d(probs)
    out = np.zeros((probs.shape[0], len(plans)), dtype=np.float32)
    for j, plan in enumerate(plans):
        if plan.head is not None:
            out[:, j] = probs[:, plan.head]
    return out


def _logit(x: np.ndarray) -> np.ndarray:
    x = np.clip(np.asarray(x, dtype=np.float64), 1e-4, 1 - 1e-4)
    return np.log(x / (1 - x))


def calibrator_features(code_score, n_terms, sub_score=None, head_score=None, sens=None, names=CALIBRATOR_FEATURES) -> np.ndarray:
    """(..., len(names)) calibrator inputs. ``sens`` is the sensitivity head's decision
    value per text (shape (n_texts,), broadcast over the fields; 0 without a head);
    ``names`` picks the columns a calibrator was fit on (older models have fewer)."""
    nt = np.asarray(n_terms, dtype=np.float64)
    ss = np.zeros_like(nt) if sub_score is None else np.asarray(sub_score, dtype=np.float64)
    hs = np.zeros_like(nt) if head_score is None else np.asarray(head_score, dtype=np.float64)
    sv = np.zeros_like(nt) if sens is None else np.asarray(sens, dtype=np.float64)
    if sv.ndim < nt.ndim:
        sv = sv.reshape(sv.shape + (1,) * (nt.ndim - sv.ndim))
    sv = np.clip(np.nan_to_num(np.broadcast_to(sv, nt.shape), nan=0.0), -SENS_CLIP, SENS_CLIP)  # NaN: no head reading
    cols = {
        "logit_code_score": _logit(code_score),
        "logit_subclass_score": _logit(ss),
        "logit_field_score": _logit(hs),
        "log_terms": np.log1p(nt),
        "has_terms": (nt > 0).astype(np.float64),
        "sensitive_head": sv,
    }
    return np.stack([cols[n] for n in names], axis=-1)


def requirement_excluded(field_rule: FieldRule | None, answers: AdditionalAnswers) -> bool:
    """True only when the field has an additional requirement and BOTH answers are an
    explicit no (an unanswered question never excludes a field)."""
    req = getattr(field_rule, "additional_requirement", None)
    applies = bool(getattr(req, "applies", False)) if req is not None else False
    return applies and answers.defence_use is False and answers.state_commissioned is False
