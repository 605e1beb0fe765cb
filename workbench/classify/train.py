"""Training: build labelled texts (IPC definitions, real records, rule terms, attorneys'
annotations), fit one pruned linear scorer per label, scale, calibrate the field
likelihood on the calibration split, choose default thresholds, evaluate on the test
split, and write the model + card. Deterministic: fixed seeds, fixed split."""

from __future__ import annotations

import json
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from workbench.classify import data as D
from workbench.classify import fields as F
from workbench.classify.evaluate import choose_thresholds, evaluate
from workbench.classify.features import FEATURE_PARAMS, Featurizer
from workbench.classify.model import Calibrator, IpcModel, SensitivityHead
from workbench.classify.targets import entry_parts, rule_targets, target_contains
from workbench.messages import Message, msg, to_stored
from workbench.messages import model as MD

SEED = 20240501
KEEP_PER_LABEL = 1500  # non-zero weights kept per label (pruning keeps the file small)
SGD_PARAMS = {"loss": "log_loss", "alpha": 1e-5, "max_iter": 5, "tol": None, "random_state": SEED}
WEIGHTS = {"definition": 1.0, "record": 1.0, "term": 3.0, "annotation": 4.0}
HEAD_PARAMS = {"C": 1.0, "class_weight": "balanced", "max_iter": 2000}  # C chosen over 0.1-30 on the calibration split


@dataclass
class Example:
    text: str
    labels: frozenset[str]
    kind: str  # definition | record | term | annotation


@dataclass
class TrainingSet:
    examples: list[Example] = field(default_factory=list)

    def add(self, text: str, labels, kind: str) -> None:
        labels = frozenset(x for x in labels if x)
        if text.strip() and labels:
            self.examples.append(Example(text, labels, kind))


def labels_for_codes(codes, subclasses: set[str], targets) -> set[str]:
    out = {c[:4] for c in codes if c[:4] in subclasses}
    for t in targets:
        if any(target_contains(t.label, c) for c in codes if " " in c):
            out.add(t.label)
    return out


def field_labels(field_rule, subclasses: set[str], targets) -> set[str]:
    """The labels a field's own codes stand for: its group-level symbols and the
    subclasses it names (class-level combination parts such as "F41" are too broad)."""
    out = set()
    for entry in field_rule.ipc:
        for part in entry_parts(entry):
            for sym in part:
                if "/" in sym:
                    out.add(sym)
                elif sym in subclasses:
                    out.add(sym)
    return out


def field_label(fid: int) -> str:
    return f"field:{int(fid)}"


def code_fields(rs, codes) -> set[str]:
    """Field labels for a set of codes (additional requirements taken as met)."""
    try:
        return {field_label(m.field_id) for m in rs.match(list(codes), answers=F.YES) if m.status != "no" and m.codes}
    except Exception:  # noqa: BLE001 - a code the IPC parser refuses gives no field
        return set()


def example_counts(counts: dict[str, int]) -> tuple[Message, ...]:
    """'definitions 8809', 'records 4009', … (the kinds as words: passing the kind's code as a plain
    argument printed 'I464 8809')."""
    return tuple(msg(MD.I463, kind=msg(MD.EXAMPLE_KINDS[k]) if k in MD.EXAMPLE_KINDS else k, n=n) for k, n in counts.items())


def build_training_set(titles: dict[str, str], records, rs, targets, annotations=()) -> TrainingSet:
    """Labelled texts. Labels: IPC subclasses, the rule set's group-level symbols, and one
    "field:N" label per field (its whole code set, so a field learns from all its codes'
    texts at once)."""
    subclasses = {k for k in titles if len(k) == 4}
    ts = TrainingSet()
    # 1. IPC definitions: one text per subclass, one per main group (with its subgroups)
    subs_of = D.subgroups_by_main_group(titles)
    target_mgs = {D.parent_main_group(t.code) for t in targets}
    for code in sorted(titles):
        if len(code) == 4:
            ts.add(D.title_chain(code, titles), {code}, "definition")
        elif " " in code and code.endswith("/00"):
            body = " ; ".join(D.clean_title(titles[s]) for s in subs_of.get(code, ()))
            text = (D.title_chain(code, titles) + " ; " + body)[:1200]
            labs = labels_for_codes([code], subclasses, targets)
            ts.add(text, labs | (code_fields(rs, [code]) if len(labs) > 1 else set()), "definition")
            # generous for the groups the rules name: every subgroup is its own example
            if code in target_mgs:
                for s in subs_of.get(code, ()):
                    labs = labels_for_codes([s], subclasses, targets)
                    ts.add(D.title_chain(s, titles), labs | (code_fields(rs, [s]) if len(labs) > 1 else set()), "definition")
    # 2. real records (training split only)
    for r in records:
        if r.split == "train":
            fl = {field_label(f) for f in sensitive_fields(rs, r.codes, r.text)}
            ts.add(r.text, labels_for_codes(r.codes, subclasses, targets) | fl, "record")
    # 3. the rules' evidence terms and field names, EN and JA, labelled with the field's codes
    for f in rs.fields:
        labs = field_labels(f, subclasses, targets) | {field_label(f.id)}
        terms_en = list(getattr(f, "terms_en", ()) or ())
        terms_ja = list(getattr(f, "terms_ja", ()) or ())
        for t in terms_en + terms_ja + [f.name_en, f.name_ja]:
            ts.add(str(t), labs, "term")
        ts.add(" ; ".join([f.name_en] + [str(t) for t in terms_en]), labs, "term")
        ts.add("。".join([f.name_ja] + [str(t) for t in terms_ja]), labs, "term")
    # 4. attorneys' annotations
    for a in annotations:
        labs = set()
        corrected = getattr(a, "corrected_ipc", None)
        if corrected:
            c = D.normalise_code(str(corrected)) or str(corrected)
            labs |= labels_for_codes([c], subclasses, targets)
        fid = getattr(a, "field_id", None)
        if getattr(a, "verdict", "") == "agree" and fid is not None:
            try:
                labs |= field_labels(rs.field(int(fid)), subclasses, targets) | {field_label(int(fid))}
            except Exception:  # noqa: BLE001 - a field no longer in the rule set
                pass
        ts.add(str(getattr(a, "claim_text", "") or getattr(a, "text", "")), labs, "annotation")
    return ts


def fit_scorers(X: sp.csr_matrix, Y: list[frozenset[str]], labels: list[str], weights: np.ndarray, log=print):
    """One binary linear model per label, pruned to KEEP_PER_LABEL weights."""
    from sklearn.linear_model import SGDClassifier

    n, d = X.shape
    rows, cols, vals = [], [], []
    intercept = np.zeros(len(labels), dtype=np.float32)
    X64 = X.astype(np.float64)
    t0 = time.time()
    for j, lab in enumerate(labels):
        y = np.fromiter((lab in ys for ys in Y), dtype=np.int8, count=n)
        if y.sum() == 0:
            intercept[j] = -10.0
            continue
        clf = SGDClassifier(**SGD_PARAMS)
        clf.fit(X64, y, sample_weight=weights)
        w = clf.coef_.ravel()
        keep = np.argpartition(-np.abs(w), KEEP_PER_LABEL)[:KEEP_PER_LABEL] if d > KEEP_PER_LABEL else np.arange(d)
        keep = keep[w[keep] != 0]
        rows.append(np.full(len(keep), j, dtype=np.int32))
        cols.append(keep.astype(np.int32))
        vals.append(w[keep].astype(np.float32))
        intercept[j] = clf.intercept_[0]
        if j and j % 100 == 0:
            log(msg(MD.I460, done=j, total=len(labels), s=time.time() - t0))
    coef = sp.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(len(labels), d), dtype=np.float32
    )
    coef.sort_indices()
    return coef, intercept


def _platt(dec: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    if y.sum() == 0 or y.sum() == len(y):
        return 1.0, 0.0
    lr = LogisticRegression(C=100.0, max_iter=500)
    lr.fit(dec.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def sensitive_fields(rs, codes, text: str, language=None) -> set[int]:
    """The fields a record's office-assigned codes put it in (additional requirements
    taken as met; limitations such as uranium/plutonium terms checked on the text)."""
    if not codes:
        return set()
    terms = [(int(h.field_id), h.term) for h in rs.find_terms(text, language)]
    return {m.field_id for m in rs.match(list(codes), terms=terms, answers=F.YES) if m.status != "no" and m.codes}


def train(
    data_dir: Path,
    rs,
    *,
    annotations=(),
    log=print,
    version: str | None = None,
) -> tuple[IpcModel, dict]:
    """Fit everything; returns (model, report) - nothing is written here."""
    t_start = time.time()
    data_dir = Path(data_dir)
    titles = D.load_title_table(data_dir)
    subclasses = sorted(k for k in titles if len(k) == 4)
    records = D.load_records(data_dir, set(subclasses))
    targets = rule_targets(rs)
    labels = subclasses + [t.label for t in targets if t.label not in subclasses]
    kinds = ["subclass"] * len(subclasses) + ["target"] * (len(labels) - len(subclasses))
    label_titles = []
    for lab, kind in zip(labels, kinds):
        label_titles.append(D.clean_title(titles.get(lab if kind == "subclass" else lab.split("-")[0].strip(), "")))
    for f in rs.fields:
        labels.append(field_label(f.id))
        kinds.append("field")
        label_titles.append(f.name_en)
    log(msg(MD.I461, subclasses=len(subclasses), groups=len(labels) - len(subclasses), records=len(records)))

    ts = build_training_set(titles, records, rs, targets, annotations)
    counts = {}
    for e in ts.examples:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    log(msg(MD.I462, counts=example_counts(counts)))
    feat = Featurizer(**FEATURE_PARAMS)
    X = feat.transform([e.text for e in ts.examples])
    W = np.array([WEIGHTS[e.kind] for e in ts.examples], dtype=np.float64)
    coef, intercept = fit_scorers(X, [e.labels for e in ts.examples], labels, W, log=log)
    model = IpcModel(
        labels=tuple(labels),
        kinds=tuple(kinds),
        titles=tuple(label_titles),
        coef=coef,
        intercept=intercept,
        scale=np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(labels), 1)),
        feature_params=dict(FEATURE_PARAMS),
    )
    model.head = fit_head(feat, [r for r in records if r.split == "train"], rs, log=log)
    # Platt scaling per kind, on the calibration split
    calib = [r for r in records if r.split == "calib"]
    dec = model.decision([r.text for r in calib])
    gold = [labels_for_codes(r.codes, set(subclasses), targets) | {field_label(f) for f in sensitive_fields(rs, r.codes, r.text)} for r in calib]
    Ycal = np.array([[lab in g for lab in labels] for g in gold], dtype=np.int8)
    scale = model.scale.copy()
    for kind in ("subclass", "target", "field"):
        cols = [j for j, k in enumerate(kinds) if k == kind]
        if not cols:
            continue
        src = [i for i, r in enumerate(calib) if kind != "target" or any(" " in c for c in r.codes)]
        a, b = _platt(dec[np.ix_(src, cols)].ravel(), Ycal[np.ix_(src, cols)].ravel())
        scale[cols] = (a, b)
    model.scale = scale.astype(np.float32)

    # the subclass suggestions' second opinion: centroids of the same examples; its weight and
    # shown confidence from the calibration split (each source counted alike)
    from workbench.classify.suggest import fit_suggester

    sub_cols = np.array([j for j, k in enumerate(kinds) if k == "subclass"])
    sub_set = set(subclasses)
    model.suggester, sug_report = fit_suggester(
        [e.text for e in ts.examples], [set(e.labels) & sub_set for e in ts.examples], subclasses,
        [r.text for r in calib], [set(r.subclasses) for r in calib],
        model.probabilities([r.text for r in calib])[:, sub_cols], [r.source for r in calib])
    for src, (t1, t3) in sug_report["calib"].items():
        b1, b3 = sug_report["calib_scorers_alone"][src]
        log(msg(MD.I482, weight=model.suggester.weight, source=src, top1=t1, top3=t3, base1=b1, base3=b3))

    # field-likelihood calibrator on the calibration split
    from workbench.classify.engine import Engine
    from workbench.domain import Thresholds

    engine = Engine(rs, model, Thresholds())
    model.calibrator = fit_calibrator(engine, rs, calib, log=log)
    if model.head is not None:  # for text the head never learnt from (Japanese)
        model.calibrator_base = fit_calibrator(engine, rs, calib, log=log, use_head=False)
    rec_thresholds, thr_report = choose_thresholds(engine, rs, calib)
    log(msg(MD.I468, review=rec_thresholds.review, likely=rec_thresholds.likely))
    engine.thresholds = rec_thresholds
    test = [r for r in records if r.split == "test"]
    scores = evaluate(engine, rs, test)

    # the draft-level score, trained, calibrated and measured on full drafts (what users screen)
    from workbench.classify import draft_train as DT
    from workbench.classify.fulltext import load_fulltext, load_grants

    fulltext = load_fulltext(data_dir)
    model.draft, draft_info, p_oof, train_d, t_oof = DT.fit_draft_scorer(model, engine, rs, titles, targets, records, fulltext, feat, log=log)
    # the heads learnt from the training and calibration drafts: thresholds and their figures come
    # from those drafts' out-of-fold values
    dthr, dthr_report = DT.choose_draft_thresholds(p_oof, train_d, t_oof)
    calib_fig = DT.draft_figures(p_oof, train_d, dthr, t_oof)
    thresholds = Thresholds(review=dthr["review"], likely=dthr["likely"])
    engine.thresholds = thresholds
    log(msg(MD.I469, review=thresholds.review, likely=thresholds.likely, figures=str(calib_fig)))
    test_d = [d for d in fulltext if d.split == "test"] + load_grants(data_dir)
    fz_test = DT.Featurised(feat, test_d, engine)
    scores["drafts"] = DT.draft_figures(DT.draft_probabilities(model.draft, fz_test), test_d, dthr, fz_test.n_terms)
    cut_d = DT.Featurised(feat, test_d, engine, cut=15_000)
    scores["drafts_cut15k"] = DT.draft_figures(DT.draft_probabilities(model.draft, cut_d), test_d, dthr, cut_d.n_terms)
    log(msg(MD.I470, figures=str(scores["drafts"]), cut=str(scores["drafts_cut15k"])))
    pts = [{**o, "flag_rate": o["flag_rate_at_1pct"]} for o in dthr_report["operating_points"]]
    report = {
        "labels": {"subclasses": len(subclasses), "rule_groups": len(labels) - len(subclasses)},
        "examples": counts,
        "suggester": sug_report,
        "records": {s: sum(1 for r in records if r.split == s) for s in ("train", "calib", "test")},
        "drafts": {s: sum(1 for d in fulltext if d.split == s) for s in ("train", "calib", "test")} | draft_info,
        "thresholds": {
            "review": thresholds.review,
            "likely": thresholds.likely,
            **dthr_report,
            "operating_points": pts,
            "calib_recall": calib_fig["recall"],
            "calib_flag_rate": round(0.01 * calib_fig["recall"] + 0.99 * calib_fig["negatives_flag_rate"], 4),  # at 1 % prevalence
            "calib_clear_portfolio": calib_fig["portfolio_clear"],
            "calib_clear_hard_negatives": calib_fig["hard_negatives_clear"],
            "calib_likely_sensitive": calib_fig["likely_sensitive"],
            "records": {"review": rec_thresholds.review, "likely": rec_thresholds.likely, "chosen_on": "calibration split of the short records", **thr_report},
        },
        "held_out": scores,
        "train_seconds": round(time.time() - t_start, 1),
    }
    model.meta = {
        "version": version or time.strftime("%Y%m%d.%H%M%S", time.gmtime()),
        "ruleset_version": str(getattr(rs, "version", "")),
        "ruleset_checksum": str(getattr(rs, "checksum", "")),
        "thresholds": {"review": thresholds.review, "likely": thresholds.likely},
    }
    return model, report


def fit_head(feat: Featurizer, records, rs, log=print) -> SensitivityHead | None:
    """The sensitivity head: class-balanced logistic regression on the training records'
    "in any specified field" label (their office codes through the rule set)."""
    from sklearn.linear_model import LogisticRegression

    y = np.array([bool(sensitive_fields(rs, r.codes, r.text)) for r in records], dtype=np.int8)
    if y.sum() == 0 or y.sum() == len(y):
        log(msg(MD.I471))
        return None
    lr = LogisticRegression(**HEAD_PARAMS)
    lr.fit(feat.transform([r.text for r in records]).astype(np.float64), y)
    w = lr.coef_[0].astype(np.float32)
    log(msg(MD.I472, sensitive=int(y.sum()), total=len(y), weights=int(np.count_nonzero(w))))
    return SensitivityHead(w, float(lr.intercept_[0]))


def fit_calibrator(engine, rs, records, log=print, use_head: bool = True) -> Calibrator:
    from sklearn.linear_model import LogisticRegression

    names = F.CALIBRATOR_FEATURES if (use_head and engine.model.head is not None) else tuple(n for n in F.CALIBRATOR_FEATURES if n != "sensitive_head")
    texts = [r.text for r in records]
    probs, sens = engine.text_scores(texts)
    hits = [tuple(rs.find_terms(t, None)) for t in texts]
    n_terms = np.stack([engine._term_counts(h) for h in hits])
    cs = F.code_scores(engine._plans, probs)
    feats = F.calibrator_features(
        cs, n_terms, F.subclass_scores(engine._plans, probs), F.head_scores(engine._plans, probs), sens, names=names
    ).reshape(-1, len(names))
    fids = [p.field_id for p in engine._plans]
    y = np.array([[fid in sensitive_fields(rs, r.codes, r.text) for fid in fids] for r in records], dtype=np.int8).ravel()
    if y.sum() == 0:
        log(msg(MD.I473))
        return Calibrator(np.array([1.0] + [0.0] * (len(names) - 1)), 0.0, names)
    lr = LogisticRegression(C=1.0, max_iter=1000)
    lr.fit(feats, y)
    log(msg(MD.I474, coef=str(np.round(lr.coef_[0], 3).tolist()), intercept=float(lr.intercept_[0]), positives=int(y.sum()), total=len(y)))
    return Calibrator(lr.coef_[0].astype(np.float64), float(lr.intercept_[0]), names)


def environment() -> dict:
    import joblib
    import scipy
    import sklearn

    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "joblib": joblib.__version__,
    }


CARD_NOTES = MD.CARD_NOTES  # the card's notes, coded (workbench/messages/model.py): 'model info' shows them in the reader's language


def build_card(model: IpcModel, model_sha: str, model_path: Path, data_dir: Path, rs, report: dict, command: str, annotations: int) -> dict:
    from workbench.classify import draft_train as DT
    from workbench.classify.draft import BASE_FEATURES, FRONT_CHARS, FRONT_CLAIMS_CHARS, PLAIN_FEATURES, STAGE2_FEATURES, TA_CHARS
    from workbench.classify.fulltext import FULLTEXT_FILES

    files = []
    for rel in D.DATA_FILES + FULLTEXT_FILES:
        p = Path(data_dir) / rel
        files.append({"file": rel, "sha256": D.sha256_file(p), "bytes": p.stat().st_size})
    return {
        "name": "ipc_model",
        "version": model.version,
        "created_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": command,
        "model_file": model_path.name,
        "model_sha256": model_sha,
        "model_bytes": model_path.stat().st_size,
        "data": files,
        "annotations_used": annotations,
        "rules": {"name": getattr(rs, "name", ""), "version": str(getattr(rs, "version", "")), "checksum": str(getattr(rs, "checksum", ""))},
        "environment": environment(),
        "method": {
            "features": {"hashing": "normalised text (NFKC, line/hyphen wraps joined, white space collapsed); word 1-2-grams + "
                         "char_wb 2-4-grams over the Japanese runs only (char_scope cjk), lowercase, log tf, l2", **{k: list(v) if isinstance(v, tuple) else v for k, v in FEATURE_PARAMS.items()}},
            "classifier": {"type": "one-vs-rest SGDClassifier per label", **SGD_PARAMS, "kept_weights_per_label": KEEP_PER_LABEL, "dtype": "float32"},
            "example_weights": WEIGHTS,
            "seed": SEED,
            "sensitivity_head": {
                "type": "LogisticRegression on the hashed features",
                **HEAD_PARAMS,
                "label": "record in any specified field (office codes through the rule set)",
                "trained_on": "training split of the real records",
                "kept_weights": int(np.count_nonzero(model.head.coef)) if model.head is not None else 0,
                "dtype": "float32",
            },
            "draft_scorer": {
                "head": {"type": "LogisticRegression on the hashed features (whole head and front head)", "C": DT.HEAD_C,
                         "class_weight": "positives weigh as much as negatives", "reads": "the whole normalised draft",
                         "kept_weights": int(np.count_nonzero(model.draft.coef)) if model.draft is not None else 0},
                "passage_chars": model.draft.passage_chars if model.draft is not None else None,
                "stage2": dict(zip(STAGE2_FEATURES, [round(float(x), 4) for x in model.draft.stage2])) if model.draft is not None else None,
                "front_head": {"reads": f"the first {FRONT_CHARS} characters of the normalised draft and its claims (up to {FRONT_CLAIMS_CHARS})",
                               "short_example_weight": DT.SHORT_WEIGHT, "kept_weights": int(np.count_nonzero(model.draft.front_coef)) if model.draft is not None else 0},
                "title_abstract_head": {"reads": f"the draft's title and abstract as the section finder finds them (up to {TA_CHARS} characters); "
                                        "drafts only, no short records",
                                        "why": "the likely level: precision at the top (out of fold, docs/quality.md)",
                                        "kept_weights": int(np.count_nonzero(model.draft.ta_coef)) if model.draft is not None else 0},
                "plain_stage2": {"for": "a text without an abstract found (titles, pasted claims, bare descriptions)",
                                 **(dict(zip(PLAIN_FEATURES, [round(float(x), 4) for x in model.draft.plain])) if model.draft is not None else {})},
                "base_stage": dict(zip(BASE_FEATURES, [round(float(x), 4) for x in model.draft.base])) if model.draft is not None else None,
                "folds": DT.FOLDS,
                "labels": "reviewer's labels (fulltext/us_grants_reviewed review.fields non-empty), not office codes",
            },
            "ipc_suggester": {
                "type": "subclass centroids in a hashed TF-IDF word space (log tf, idf, l2), cosine to the whole text",
                "params": {k: list(v) if isinstance(v, tuple) else v for k, v in (model.suggester.params if model.suggester else {}).items()},
                "ranks_by": "scorer probability of the whole text + weight * cosine; shown: a logistic fit of that value",
                "trained_on": "the same definitions and training records as the scorers",
                "weight_chosen_on": "calibration split of the records, top-1 + top-3 averaged over the sources (drone titles, first claims)",
                **report.get("suggester", {}),
            },
            "calibration": "Platt scaling per label kind, then a logistic calibrator over "
            + ", ".join(model.calibrator.feature_names if model.calibrator is not None else F.CALIBRATOR_FEATURES)
            + " per (record, field), both fit on the calibration split",
        },
        "training": {k: report[k] for k in ("labels", "examples", "records", "drafts", "train_seconds")},
        "thresholds": report["thresholds"],
        "held_out": report["held_out"],
        "targets": {"drafts": {"recall": 0.97, "portfolio_clear": 0.9, "likely_sensitive": 0.6, "likely_precision": 0.8,
                               "hard_negatives_clear": 0.6, "grants_clear": 0.9},
                    "records": {"recall": 0.97, "flag_rate_max": "2 x true sensitive share"}},
        "notes": [to_stored(msg(note_code)) for note_code in CARD_NOTES],
    }


def compare(old: dict | None, new: dict) -> tuple[bool, Message]:
    """Is ``new`` at least as good as ``old`` on the held-out split? Recall may not drop by
    more than one sensitive record (with ~60 positives a single record is 1.7 points),
    top-3 subclass accuracy by no more than half a point."""
    if not old:
        return True, msg(MD.I477)
    o, n = old.get("all", {}), new.get("all", {})
    positives = n.get("positives") or o.get("positives") or 0
    allowed = {"recall": (1.0 / positives + 0.001) if positives else 0.005, "top3": 0.005}  # +0.001: scores are stored rounded
    worse = []
    for key in ("recall", "top3"):
        ov, nv = o.get(key), n.get(key)
        if isinstance(ov, (int, float)) and isinstance(nv, (int, float)) and ov == ov and nv == nv and nv < ov - allowed[key]:
            worse.append(msg(MD.I479, key=key, old=f"{ov:.3f}", new=f"{nv:.3f}"))
    # full drafts (what users screen): recall may not drop by more than one positive, the
    # clear rates of the portfolio and of the hard negatives by no more than 2 points
    od, nd = old.get("drafts") or {}, new.get("drafts") or {}
    dpos = nd.get("positives") or od.get("positives") or 0
    for key, allow in (("recall", (1.0 / dpos + 0.001) if dpos else 0.005), ("portfolio_clear", 0.02), ("hard_negatives_clear", 0.02)):
        ov, nv = od.get(key), nd.get(key)
        if isinstance(ov, (int, float)) and isinstance(nv, (int, float)) and ov == ov and nv == nv and nv < ov - allow:
            worse.append(msg(MD.I480, key=key, old=f"{ov:.3f}", new=f"{nv:.3f}"))
    if worse:
        return False, msg(MD.I481, changes=tuple(worse))
    return True, msg(MD.I478, changes=tuple(msg(MD.I479, key=k, old=str(o.get(k)), new=str(n.get(k))) for k in ("recall", "top3")))


def rebuild(
    data_dir: Path,
    out_dir: Path,
    rs,
    *,
    annotations=(),
    guard: bool = False,
    command: str = "workbench model train --data ../shared/data",
    log=print,
) -> dict:
    """Train and write ``out_dir/ipc_model.joblib`` + card (replacing the old ones).
    With ``guard`` (training with annotations), refuse (E405) to replace a model whose
    held-out scores the new one does not match."""
    from workbench.classify.model import CARD_FILE, MODEL_FILE, read_card
    from workbench.errors import E405, ModelError

    out_dir = Path(out_dir)
    old_scores = None
    if (out_dir / CARD_FILE).is_file():
        try:
            old_scores = read_card(out_dir).get("held_out")
        except ModelError:
            old_scores = None
    model, report = train(data_dir, rs, annotations=annotations, log=log)
    ok, why = compare(old_scores, report["held_out"])
    report["before"] = old_scores
    report["comparison"] = why
    if guard and not ok:
        raise ModelError(E405, path=out_dir / MODEL_FILE, detail=why)
    path = out_dir / MODEL_FILE
    sha = model.save(path)
    card = build_card(model, sha, path, data_dir, rs, report, command, len(annotations))
    tmp = out_dir / (CARD_FILE + ".tmp")
    tmp.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(out_dir / CARD_FILE)
    report["card"] = card
    return report
