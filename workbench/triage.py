"""The screening pipeline the CLI and the GUI share: path -> Draft -> claims -> verdicts.

    v = screen_file("draft.pdf", answers=AdditionalAnswers(defence_use=False))
    v.level, v.top_field, v.claim_verdicts

The engine (rule set + IPC model + default thresholds from the model card) loads lazily,
once (:func:`get_engine`); screening many drafts reuses it. A draft without a claims
section is screened as one whole text, with a note saying so.

Levels (on the draft's highest field likelihood ``p``): ``likely`` when
``p >= thresholds.likely``, ``review`` when ``p >= thresholds.review`` - or when the
rules engine reports a field as "hit" on the confidently predicted codes - else
``clear``. Answering both additional-requirement questions "no" removes the fields that
have an additional requirement (likelihood 0); an unanswered question never does.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from workbench.classify.draft import FRONT_CLAIMS_CHARS
from workbench.classify.engine import Assessment, Engine, FieldScore
from workbench.domain import (
    AdditionalAnswers,
    ClaimSet,
    ClaimVerdict,
    Draft,
    DraftVerdict,
    Evidence,
    FieldVerdict,
    RuleMatch,
    Status,
    Thresholds,
)
from workbench.rules.model import FieldRule
from workbench.text import reader_line
from workbench.messages import M, msg
from workbench.errors import Cancelled, ClaimsError, WorkbenchError
from workbench.messages import Message, Text, code_of, error_message, msg
from workbench.messages import ingest as I
from workbench.messages import rules as R
from workbench.messages import claims as CL
from workbench.messages import screening as S

MAX_DRAFT_CHARS = 40_000  # the draft-level text (title, abstract, field, claims) is cut here
MAX_FULL_CHARS = 400_000  # the draft-level score reads the whole text up to here (bounded time)
SHORT_CHARS = 600  # a text shorter than this (a title, a sentence or two) is never cleared by the model alone
MAX_CLAIM_CHARS = 100_000  # one claim's text is scored on this prefix (as the claim splitter analyses it)
CLAIM_FIELD_MIN = 0.01  # per-claim field verdicts below this likelihood (and status "no") are left out
NO_CLAIMS_NOTE = msg(S.N401)  # the whole text was screened as one unit
SEVERITY: dict[Status, int] = {"no": 0, "possible": 1, "hit": 2}

_lock = threading.Lock()
_engines: dict[tuple, Engine] = {}


def get_engine(*, rules_dir: str | Path | None = None, model_dir: str | Path | None = None) -> Engine:
    """The engine, built lazily and once per (user rules folder, model folder).
    ``rules_dir`` is the user rules folder that overrides/adds fields."""
    from workbench.classify.model import get_model
    from workbench.rules import get_ruleset

    key = (str(rules_dir or ""), str(model_dir or ""))
    with _lock:
        eng = _engines.get(key)
        if eng is None:
            model = get_model(Path(model_dir) if model_dir else None)
            rs = get_ruleset(user_dir=rules_dir)
            eng = Engine(rs, model, default_thresholds(model))
            _engines[key] = eng
        return eng


def default_thresholds(model) -> Thresholds:
    """The defaults chosen on held-out data and stored with the model (card/meta)."""
    t = (model.meta or {}).get("thresholds") or {}
    try:
        return Thresholds(review=float(t["review"]), likely=float(t["likely"]))
    except (KeyError, TypeError, ValueError):
        return Thresholds()


def reset_engines() -> None:
    with _lock:
        _engines.clear()


# ---------------------------------------------------------------------------
def screen_file(
    path: str | Path,
    *,
    answers: AdditionalAnswers = AdditionalAnswers(),
    thresholds: Thresholds | None = None,
    password: str | None = None,
    engine: Engine | None = None,
    ipc_codes: Iterable[str] = (),
) -> DraftVerdict:
    from workbench.ingest import read_draft

    draft = read_draft(path, password=password)
    return screen_draft(draft, answers=answers, thresholds=thresholds, engine=engine, ipc_codes=ipc_codes)


def screen_text(
    text: str,
    *,
    answers: AdditionalAnswers = AdditionalAnswers(),
    thresholds: Thresholds | None = None,
    engine: Engine | None = None,
    source_path: str = "<text>",
    ipc_codes: Iterable[str] = (),
) -> DraftVerdict:
    from workbench.ingest import draft_from_text

    draft = draft_from_text(text, source_path=source_path)
    return screen_draft(draft, answers=answers, thresholds=thresholds, engine=engine, ipc_codes=ipc_codes)


def screen_files(
    paths: Iterable[str | Path],
    *,
    answers: AdditionalAnswers = AdditionalAnswers(),
    thresholds: Thresholds | None = None,
    password: str | None = None,
    engine: Engine | None = None,
    on_result: Callable[[str, DraftVerdict | WorkbenchError], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    ipc_codes: Iterable[str] = (),
) -> Iterator[tuple[str, DraftVerdict | WorkbenchError]]:
    """Screen many files with one engine. A file that fails yields its coded error and the
    batch goes on. ``should_cancel`` is asked before each file; when it says yes the
    batch stops (raises Cancelled) - files already yielded keep their results."""
    eng = engine or get_engine()
    codes = tuple(ipc_codes)
    for p in paths:
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        try:
            result: DraftVerdict | WorkbenchError = screen_file(
                p, answers=answers, thresholds=thresholds, password=password, engine=eng, ipc_codes=codes
            )
        except WorkbenchError as exc:
            result = exc
        if on_result is not None:
            on_result(str(p), result)
        yield str(p), result


# ---------------------------------------------------------------------------
def screen_draft(
    draft: Draft,
    *,
    answers: AdditionalAnswers = AdditionalAnswers(),
    thresholds: Thresholds | None = None,
    engine: Engine | None = None,
    ipc_codes: Iterable[str] = (),
) -> DraftVerdict:
    """Screen one Draft. ``ipc_codes`` are codes the user knows for the draft (typed in);
    together with the codes printed in the document (``draft.ipc_codes``) they are
    matched against the rules as facts, not predictions: a field they meet gets
    likelihood 1 and their reason. A malformed typed code raises IpcError (E301); a
    malformed printed one is skipped with a note."""
    eng = engine or get_engine()
    thr = thresholds or eng.thresholds
    notes: list[Text] = list(draft.notes)
    known, typed, known_notes = _known_codes(draft, ipc_codes)
    notes.extend(known_notes)
    try:
        from workbench.claims import extract_claims

        claims = extract_claims(draft)
    except ClaimsError as exc:
        claims = ClaimSet(claims=(), language=draft.language)
        notes.append(NO_CLAIMS_NOTE if exc.code == "E201" else msg(S.N402, error=error_message(exc)))
    notes.extend(n for n in claims.notes if n not in notes)
    partial = _claims_read_in_part(draft, notes)
    if not claims.claims:  # one note says it, not the reader's, the splitter's and ours
        notes = [n for n in notes if code_of(n) != I.N103]

    sections = [(name, getattr(draft, name)) for name in ("title", "abstract", "technical_field") if getattr(draft, name).strip()]
    if claims.claims:
        body = "\n".join([s for _, s in sections] + [c.text for c in claims.claims])
    else:
        body = draft.text
    units = [body[:MAX_DRAFT_CHARS]] + [c.text[:MAX_CLAIM_CHARS] for c in claims.claims]
    assessed = eng.assess(units, language=draft.language, answers=answers)
    whole, per_claim = assessed[0], assessed[1:]

    claim_verdicts = tuple(_claim_verdict(eng, c, a, thr) for c, a in zip(claims.claims, per_claim))
    section_evidence = []
    shown = set()  # (field, rule term) already shown as evidence
    for name, text in sections:
        hits = eng.ruleset.find_terms(text, draft.language)
        section_evidence += [_evidence(h, text, name) for h in hits]
        shown |= {(int(h.field_id), h.term.lower()) for h in hits}
    if not claims.claims:
        section_evidence += [_evidence(h, draft.text, "description") for h in whole.terms]
        shown |= {(int(h.field_id), h.term.lower()) for h in whole.terms}

    known_matches = {}
    if known:
        for m in eng.ruleset.match(known, text=body[:MAX_DRAFT_CHARS], answers=answers):
            if m.status != "no" and m.codes:  # met by the codes themselves, not by terms alone
                origin = R.R330 if set(m.codes) & typed else R.R331  # entered for the draft / printed in it
                reasons = tuple(msg(origin, reason=r) for r in m.reasons)
                known_matches[m.field_id] = replace(m, reasons=reasons)
    # evidence terms anywhere in the draft (the description too): the draft-level score counts
    # them, and a draft with one is never cleared by the model alone; each term found only in the
    # description is shown once, where it first occurs
    full_text = draft.text[:MAX_FULL_CHARS]
    full_hits = _full_text_hits(eng, draft, full_text, whole, bool(claims.claims))
    shown |= {(int(h.field_id), h.term.lower()) for a in per_claim for h in a.terms}
    for h in full_hits:
        key = (int(h.field_id), h.term.lower())
        if key not in shown:
            shown.add(key)
            section_evidence.append(_evidence(h, full_text, "description"))
    # the draft-level score (full drafts: length- and wrapping-invariant, see classify/draft.py);
    # the fields share it in proportion to their own likelihoods (the nearest field gets it all)
    claims_text = "\n".join(c.text[:FRONT_CLAIMS_CHARS] for c in claims.claims)[:FRONT_CLAIMS_CHARS]
    from workbench.classify.draft import title_abstract_text

    ds = eng.score_draft(full_text, draft.language, claims=claims_text, n_terms=eng.term_count(full_hits),
                         title_abstract=title_abstract_text(draft.title, draft.abstract))
    raw = [0.0 if fs.excluded else max(f.likelihood for f in [fs] + [a.fields[j] for a in per_claim]) for j, fs in enumerate(whole.fields)]
    top_raw = max(raw, default=0.0)

    def scaled(x: float) -> float:
        if ds is None:
            return x
        return ds.probability * (x / top_raw if top_raw > 0 else 1.0)

    fields = []
    for j, fs in enumerate(whole.fields):
        units_scores = [fs] + [a.fields[j] for a in per_claim]
        best = max(units_scores, key=lambda f: f.likelihood)
        best = replace(best, likelihood=0.0 if fs.excluded else scaled(best.likelihood))
        status = max((f.match.status for f in units_scores), key=SEVERITY.__getitem__)
        if fs.excluded:
            status = "no"
        evidence = [e for e in section_evidence if e.field_id == fs.field_id]
        for cv in claim_verdicts:
            evidence += [e for e in cv.evidence if e.field_id == fs.field_id]
        evidence += [Evidence(fs.field_id, code, "ipc", weight=round(p, 4)) for code, p in best.model_codes if p >= 0.01]
        matches = [f.match for f in units_scores]
        km = known_matches.get(fs.field_id)
        if km is not None and not fs.excluded:
            status = max(status, km.status, key=SEVERITY.__getitem__)
            best = replace(best, likelihood=1.0)
            matches = [km] + matches
            evidence = [Evidence(fs.field_id, c, "ipc", weight=1.0) for c in km.codes] + evidence
        raised = km is None and not fs.excluded and _answered_yes(eng.field_rule(fs.field_id), answers) and any(
            e.source != "ipc" for e in evidence)
        if raised:  # "yes" to the field's additional requirement, with its technical evidence in the text
            best = replace(best, likelihood=max(best.likelihood, thr.likely))
        fv = _field_verdict(eng, fs.field_id, best, status, thr, tuple(evidence), answers, matches)
        if raised:
            fv = replace(fv, reasons=fv.reasons + (msg(M.R414),))
        fields.append(fv)

    top = max((f.likelihood for f in fields), default=0.0)
    level = eng.level(top, thr)
    if ds is None:  # a model without a draft scorer: the previous rule
        if level == "clear" and any(f.status == "hit" for f in fields):
            level = "review"
    else:
        fields, level = _draft_level(eng, ds, fields, level, thr, known, known_matches, notes)
        fields = _unflag_shares(fields, thr, known_matches)
    if partial and level == "clear":  # the claims past the extractor's bound were not screened (W480)
        level = "review"
    # IPC suggestions from what states the invention (title, abstract, field and claims, or the
    # opening of a draft without claims): read from the whole description they drift to what
    # the description dwells on (measured on the 140 office-coded grants: benchmarks/quality_drafts)
    ipc = whole.ipc
    rs = eng.ruleset
    return DraftVerdict(
        draft=draft,
        claims=claims,
        level=level,
        fields=tuple(fields),
        ipc=ipc,
        claim_verdicts=claim_verdicts,
        answers=answers,
        thresholds=thr,
        ruleset_version=str(getattr(rs, "version", "")),
        ruleset_checksum=str(getattr(rs, "checksum", "")),
        model_version=eng.model_version,
        notes=tuple(notes),
        entered_ipc_codes=tuple(c for c in known if c in typed),
    )


def _claims_read_in_part(draft: Draft, notes: list) -> bool:
    """The extractor reads at most claims.extract.MAX_CLAIMS claims (bounded time; note W280):
    the verdict then says it rests on the first N (W480, in place of W280) and is never clear."""
    at = next((i for i, n in enumerate(notes) if code_of(n) == CL.W280), None)
    if at is None:
        return False
    cut = notes[at]
    notes[at] = msg(S.W480, path=str(draft.source_path), screened=cut.get("read"), total=cut.get("total"),
                                  last=cut.get("last"), max_claims=cut.get("max_claims"), max_chars=cut.get("max_chars"))
    return True


def _full_text_hits(eng: Engine, draft: Draft, full_text: str, whole: Assessment, has_claims: bool):
    """Evidence terms in the whole text. A draft without claims was read as one unit of its first
    MAX_DRAFT_CHARS characters, whose terms are known already: only the rest is searched (from a
    little before the cut, so a term across it is found once)."""
    if has_claims:
        return eng.ruleset.find_terms(full_text, draft.language)
    hits = list(whole.terms)
    if len(full_text) > MAX_DRAFT_CHARS:
        at = MAX_DRAFT_CHARS - 200
        seen = {(h.start, h.field_id) for h in hits}
        for h in eng.ruleset.find_terms(full_text[at:], draft.language):
            moved = replace(h, start=h.start + at, end=h.end + at)
            if (moved.start, moved.field_id) not in seen:
                hits.append(moved)
    return hits


def _answered_yes(rule: FieldRule | None, answers: AdditionalAnswers) -> bool:
    req = getattr(rule, "additional_requirement", None)
    return bool(req is not None and getattr(req, "applies", False) and (answers.defence_use or answers.state_commissioned))


def _draft_level(eng: Engine, ds, fields: list[FieldVerdict], level: str, thr: Thresholds, known, known_matches, notes: list):
    """The level from the draft-level score, then what the known codes and the text's length
    say. Returns (fields, level); adds its notes to ``notes``."""
    has_terms = ds.n_terms > 0 or any(e.source != "ipc" for f in fields for e in f.evidence)
    if ds.base:
        notes.append(msg(M.N411))
    if known and not known_matches:  # codes known for the draft, none in a field
        codes = tuple(known)
        if not has_terms and level != "likely":
            notes.append(msg(M.N413, codes=codes))
            level = "clear"
        elif level == "likely":
            notes.append(msg(M.N412, codes=codes, score=float(ds.probability)))
            level = "review"
    elif len(ds.text) < SHORT_CHARS:  # said whatever the score, so the reader knows how little was read
        if level == "clear":  # kept at review: N410 says why
            notes.append(msg(M.N410, chars=len(ds.text)))
            level = "review"
        else:  # review or likely on its few words: N417 says how little was read
            notes.append(msg(M.N417, chars=len(ds.text)))
    termed = None  # the field whose evidence terms keep the draft from being cleared
    if level == "clear" and has_terms:
        level = "review"
        by_field: dict[int, dict[str, None]] = {}
        for fv in fields:
            for e in fv.evidence:
                if e.source != "ipc":
                    by_field.setdefault(fv.field_id, {})[e.term] = None
        if by_field:
            termed = max(by_field, key=lambda k: len(by_field[k]))
    if not fields:
        return fields, level
    top = max(range(len(fields)), key=lambda i: fields[i].likelihood)
    f = fields[top]
    extra = []
    if ds.base:
        extra.append(msg(M.R415, score=float(ds.probability)))
    elif ds.passages:
        a, b, v = ds.passages[0]
        # the heads' raw values mean nothing to a reader (R410 of stored verdicts showed them): the
        # score and where the draft reads most like a field
        extra.append(msg(M.R417, score=float(ds.probability), start=a, end=b, passages=ds.n_passages))
    if level == "clear" and f.field_id not in known_matches:
        terms = tuple(dict.fromkeys(e.term for e in f.evidence if e.source != "ipc"))
        why = msg(M.R413, terms=terms) if terms else msg(M.R412)
        extra.append(msg(M.R411, score=float(ds.probability), review=float(thr.review), why=why))
    fields[top] = replace(f, reasons=tuple(f.reasons) + tuple(extra))
    if termed is not None:
        i = next(i for i, x in enumerate(fields) if x.field_id == termed)
        terms = tuple(dict.fromkeys(e.term for e in fields[i].evidence if e.source != "ipc"))
        x = fields[i]
        fields[i] = replace(x, status="possible" if x.status == "no" else x.status,
                            reasons=tuple(x.reasons) + (msg(M.R416, terms=terms, score=float(ds.probability), review=float(thr.review)),))
    if level == "clear":  # a rule "hit" on predicted codes alone does not stand against the draft-level score
        fields = [replace(x, status="possible") if x.status == "hit" and x.field_id not in known_matches else x for x in fields]
    return fields, level


def _unflag_shares(fields: list[FieldVerdict], thr: Thresholds, known_matches) -> list[FieldVerdict]:
    """A field other than the top one reaches the review threshold through its share of the
    draft-level score (the fields share it in proportion to their own likelihoods): with no evidence
    term of its own and no known code, that share is the predicted IPC codes' alone, and it does not
    flag the field by itself - its status stays "rule not met" and R418 says why (its likelihood is
    kept, and shown). Measured on the 83 sensitive reviewed drafts of the training and calibration
    splits: of 193 such fields at or above review, 15 were among the reviewer's fields (8 %); of 39
    with a term of their own, 20 (51 %). The Japanese IR seeker's field 17 (quantum-dot detectors,
    H01L 31/0352 at 3 %) stood at 25 % "rule partly met" beside its guided-weapon field. The level
    is the top field's and does not change."""
    if not fields:
        return fields
    top = max(range(len(fields)), key=lambda i: fields[i].likelihood)
    out = []
    for i, f in enumerate(fields):
        share_only = (i != top and f.status == "possible" and f.field_id not in known_matches
                      and any(code_of(r) == S.R402 for r in f.reasons) and not any(e.source != "ipc" for e in f.evidence))
        if share_only:
            f = replace(f, status="no", reasons=tuple(msg(S.R418, likelihood=float(f.likelihood)) if code_of(r) == S.R402 else r
                                                      for r in f.reasons))
        out.append(f)
    return out


def _known_codes(draft: Draft, typed: Iterable[str]) -> tuple[tuple[str, ...], set[str], list[Text]]:
    """The IPC codes known for a draft: typed by the user (must parse: E301) and printed
    in the document (skipped with a note when they are not IPC, e.g. CPC-only)."""
    from workbench.ipc import parse_ipc
    from workbench.ipc.code import try_parse_ipc

    codes: list[str] = list(dict.fromkeys(str(parse_ipc(c)) for c in typed))
    entered = set(codes)
    notes: list[Text] = []
    for raw in draft.ipc_codes:
        code = try_parse_ipc(raw)
        if code is None:
            notes.append(msg(S.N403, symbol=raw))
        elif str(code) not in codes:
            codes.append(str(code))
    return tuple(codes), entered, notes


def _evidence(hit, text: str, source: str, claim_number: int | None = None) -> Evidence:
    # the term as it stands in the text (plural, case) so text[start:end] == term
    # the term as a reader sees it ("unmanned underwater vehicle", not a PDF's line break inside it);
    # start/end still index the stored text
    term = reader_line(text[hit.start : hit.end])
    return Evidence(int(hit.field_id), term, source, int(hit.start), int(hit.end), 1.0, claim_number)


def _claim_verdict(eng: Engine, claim, a: Assessment, thr: Thresholds) -> ClaimVerdict:
    evidence = tuple(_evidence(h, claim.text, "claim", claim.number) for h in a.terms)
    fields = []
    for fs in a.fields:
        status = "no" if fs.excluded else fs.match.status
        if fs.likelihood < CLAIM_FIELD_MIN and status == "no":
            continue
        ev = tuple(e for e in evidence if e.field_id == fs.field_id)
        ev += tuple(Evidence(fs.field_id, code, "ipc", weight=round(p, 4), claim_number=claim.number) for code, p in fs.model_codes if p >= 0.01)
        fields.append(_field_verdict(eng, fs.field_id, fs, status, thr, ev, None, [fs.match]))
    fields.sort(key=lambda f: -f.likelihood)
    return ClaimVerdict(claim_number=claim.number, fields=tuple(fields), ipc=a.ipc, evidence=evidence)


def _answers_reason(rule: FieldRule | None, answers: AdditionalAnswers | None) -> Message | None:
    from workbench.rules.engine import answers_message

    req = getattr(rule, "additional_requirement", None)
    if req is None or not getattr(req, "applies", False):
        return None
    if answers is None:
        return msg(R.R324)
    return msg(R.R323, answers=answers_message(answers))


def _is_requirement(reason) -> bool:
    """Does this reason explain the additional requirement (directly or as a known code's)?"""
    if code_of(reason) in R.KNOWN_CODE_CODES:
        reason = reason.get("reason")
    return code_of(reason) in R.REQUIREMENT_CODES


def _field_verdict(eng: Engine, fid: int, fs: FieldScore, status: Status, thr: Thresholds, evidence: tuple[Evidence, ...],
                   answers: AdditionalAnswers | None, matches: list[RuleMatch]) -> FieldVerdict:
    rule = eng.field_rule(fid)
    reasons: list = []
    terms: dict[str, None] = {}  # evidence terms of all units, said once, in order of appearance
    terms_at = -1
    for m in matches:  # the draft as a whole first, then its claims
        for r in m.reasons:
            if isinstance(r, Message) and r.code == R.R310:
                if terms_at < 0:
                    terms_at = len(reasons)
                    reasons.append(r)  # replaced below by the union
                terms.update(dict.fromkeys(t.strip() for t in r.get("terms", ()) if t.strip()))
                continue
            if r in reasons or (_is_requirement(r) and any(_is_requirement(x) for x in reasons)):
                continue  # the additional requirement is explained once (the first unit's wording)
            reasons.append(r)
    if terms_at >= 0:
        reasons[terms_at] = msg(R.R310, terms=tuple(terms))
    if fs.model_codes and fs.code_score >= 0.01:
        codes = tuple(msg(S.I431, symbol=c, p=float(p)) for c, p in fs.model_codes)
        reasons.append(msg(S.R401, codes=codes, likelihood=float(fs.likelihood)))
    if status == "no" and fs.likelihood >= thr.review and not fs.excluded:
        status = "possible"
        reasons.append(msg(S.R402, likelihood=float(fs.likelihood), review=float(thr.review)))
    ans = _answers_reason(rule, answers)
    if ans and not any(_is_requirement(r) for r in reasons):  # unless the rule match said it
        reasons.append(ans)
    if fs.excluded:
        reasons.append(msg(S.R403))
    verified = any(m.verified for m in matches if m.status != "no") if status != "no" else bool(getattr(rule, "verified", False))
    return FieldVerdict(
        field_id=fid,
        status=status,
        likelihood=round(float(fs.likelihood), 4),
        name_en=getattr(rule, "name_en", ""),
        name_ja=getattr(rule, "name_ja", ""),
        reasons=tuple(reasons),
        evidence=tuple(evidence),
        verified=verified,
    )
