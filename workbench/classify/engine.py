"""The screening engine: a rule set + the IPC model + thresholds, with everything derived
from them computed once. :meth:`Engine.assess` scores texts; ``workbench.triage`` turns
the assessments into verdicts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from workbench.classify import fields as F
from workbench.classify.model import IpcModel
from workbench.domain import AdditionalAnswers, IpcScore, Level, RuleMatch, Thresholds
from workbench.rules.model import FieldRule, TermHit
from workbench.rules.ruleset import RuleSet

_PIECE = re.compile(r"(?<=[.;:。；：])\s*|,\s+|、|\n+")
CHUNK_MIN, CHUNK_MAX, CHUNK_FROM = 25, 110, 100
CODE_MIN = 0.5  # a predicted code counts as "assigned" for the rules engine from this probability
TOP_IPC = 8


@dataclass(frozen=True)
class FieldScore:
    field_id: int
    likelihood: float
    code_score: float
    match: RuleMatch
    excluded: bool  # additional requirement answered "no" twice
    model_codes: tuple[tuple[str, float], ...] = ()  # the labels behind the code score


@dataclass(frozen=True)
class Assessment:
    """What the engine found in one text."""

    fields: tuple[FieldScore, ...]
    ipc: tuple[IpcScore, ...]
    terms: tuple[TermHit, ...]  # (field_id, term, start, end) from the rule set
    max_likelihood: float


@dataclass
class Engine:
    ruleset: RuleSet  # what screen_draft's answers are matched against (RuleSet.match)
    model: IpcModel
    thresholds: Thresholds
    _plans: tuple = field(default=(), repr=False)
    _field_rules: dict[int, FieldRule] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._plans = F.build_plans(self.ruleset, self.model.labels, self.model.kinds)
        self._field_rules = {int(f.id): f for f in self.ruleset.fields}
        self._rep = [lab.split("-")[0].strip() for lab in self.model.labels]
        self._code_mask = np.array([k != "field" for k in self.model.kinds])
        sug = self.model.suggester
        index = {lab: i for i, lab in enumerate(self.model.labels)}
        # the scorers' column of each of the suggester's subclasses (None: no suggester)
        self._sug_cols = np.array([index[s] for s in sug.subclasses]) if sug is not None else None

    @property
    def model_version(self) -> str:
        return self.model.version

    def field_rule(self, field_id: int) -> FieldRule | None:
        return self._field_rules.get(int(field_id))

    # ------------------------------------------------------------------
    def likelihoods(self, probs: np.ndarray, n_terms: np.ndarray, sens: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(code scores, calibrated likelihoods), both (n_texts, n_fields); ``sens`` is the
        sensitivity head's value per text (see :meth:`text_scores`)."""
        cs = F.code_scores(self._plans, probs)
        cal = self.model.calibrator
        if cal is None:
            return cs, cs.copy()
        ss, hs = F.subclass_scores(self._plans, probs), F.head_scores(self._plans, probs)
        lk = cal.predict(F.calibrator_features(cs, n_terms, ss, hs, sens, names=cal.feature_names))
        base = self.model.calibrator_base
        if sens is not None and base is not None:
            no_head = np.isnan(np.asarray(sens, dtype=np.float64))
            if no_head.any():
                lk[no_head] = base.predict(F.calibrator_features(cs, n_terms, ss, hs, None, names=base.feature_names))[no_head]
        return cs, lk.astype(np.float32)

    def _term_counts(self, hits: Iterable[TermHit]) -> np.ndarray:
        counts = np.zeros(len(self._plans), dtype=np.float32)
        pos = {p.field_id: j for j, p in enumerate(self._plans)}
        seen = set()
        for h in hits:
            key = (int(h.field_id), h.term.lower())
            if key in seen or key[0] not in pos:
                continue
            seen.add(key)
            counts[pos[key[0]]] += 1
        return counts

    def text_probabilities(self, texts: list[str]) -> np.ndarray:
        return self.text_scores(texts)[0]

    def text_scores(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        probs, _, sens = self._text_scores(texts)
        return probs, sens

    def _text_scores(self, texts: list[str], words_out: list | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(label probabilities, sensitivity-head value) per text. The model learnt from
        short texts (titles, IPC titles, terms), so a long text is also read in pieces of
        about a sentence or a claim element, and each label keeps its best piece (the
        whole text counts too). The head reads the whole text only: it learnt from whole
        records, and the best of many pieces would rise with length alone (on the
        calibration split the whole-text head ranked better: AUC 0.821 vs 0.806). The head
        learnt from English records only, so for a Japanese text it gives no value (NaN) and
        the likelihood comes from the calibrator fit without it, as before the head existed."""
        pieces: list[str] = []
        owner: list[int] = []  # the text each piece is of
        for i, t in enumerate(texts):
            pieces.append(t)
            owner.append(i)
            if len(t) > CHUNK_FROM:
                for c in chunks(t):
                    pieces.append(c)
                    owner.append(i)
        X = self.model.featurizer.transform(pieces)
        probs = self.model._probabilities(X)
        sens = self.model.head.decision(X) if self.model.head is not None else np.zeros(len(pieces))
        if words_out is not None:  # the whole texts' word features, for the suggester
            first = [owner.index(i) for i in range(len(texts))]
            words_out.append(X[first][:, : 2 ** int(self.model.feature_params.get("word_bits", 17))])
        out = np.zeros((len(texts), probs.shape[1]), dtype=np.float32)
        whole = np.zeros_like(out)
        out_s = np.zeros(len(texts), dtype=np.float64)
        owner_of = np.asarray(owner)
        for i in range(len(texts)):
            mine = np.flatnonzero(owner_of == i)
            out[i] = probs[mine].max(axis=0)
            whole[i] = probs[mine[0]]  # the whole text
            out_s[i] = sens[mine[0]]
        if self.model.head is not None:
            from workbench.ingest.detect import language_of

            for i, t in enumerate(texts):
                if language_of(t) == "ja":
                    out_s[i] = np.nan
        return out, whole, out_s

    def assess(self, texts: list[str], language: str | None = None, answers: AdditionalAnswers = AdditionalAnswers()) -> list[Assessment]:
        if not texts:
            return []
        words: list = []
        probs, whole, sens = self._text_scores(texts, words)
        suggested = self._suggested(texts, whole, words[0] if words else None)
        all_hits = [tuple(self.ruleset.find_terms(t, language)) for t in texts]
        n_terms = np.stack([self._term_counts(h) for h in all_hits])
        cs, lk = self.likelihoods(probs, n_terms, sens)
        ss = F.subclass_scores(self._plans, probs)
        hs = F.head_scores(self._plans, probs)
        out = []
        for i, text in enumerate(texts):
            out.append(self._one(probs[i], cs[i], lk[i], all_hits[i], answers, ss[i], hs[i], float(sens[i]),
                                 None if suggested is None else suggested[i]))
        return out

    def _suggested(self, texts: list[str], whole: np.ndarray, words=None) -> np.ndarray | None:
        """Per text, the shown confidence of each of the suggester's subclasses: the scorers'
        probability of the whole text (not the best piece, which follows what a description
        dwells on) blended with the cosine to the subclass's centroid (suggest.py)."""
        sug = self.model.suggester
        if sug is None or self._sug_cols is None:
            return None
        if words is not None and sug.shares_features_with(self.model.feature_params):
            cos = sug.cosine_of_words(words)  # the scorers' hashed words: no second pass over the text
        else:
            cos = sug.cosine(texts)
        return sug.confidence(sug.blended(whole[:, self._sug_cols], cos))

    def _one(self, prow: np.ndarray, cs_row: np.ndarray, lk_row: np.ndarray, hits: tuple[TermHit, ...],
             answers: AdditionalAnswers, ss_row: np.ndarray, hs_row: np.ndarray, sens: float = 0.0,
             sug_row: np.ndarray | None = None) -> Assessment:
        term_pairs = [(int(h.field_id), h.term) for h in hits]
        # codes the rules engine sees: every label above CODE_MIN, plus the labels behind
        # each field's code score (so a combination is judged on the codes that made it)
        idx = set(np.flatnonzero((prow >= CODE_MIN) & self._code_mask).tolist())
        behind: dict[int, list[int]] = {}
        for j, plan in enumerate(self._plans):
            best, best_parts = 0.0, []
            for clause in plan.clauses:
                parts = [max(p, key=lambda i: prow[i]) for p in clause]
                score = min(prow[i] for i in parts)
                if score > best:
                    best, best_parts = score, parts
            behind[plan.field_id] = best_parts
        codes_now = [self._rep[i] for i in sorted(idx)]
        matches = {m.field_id: m for m in self.ruleset.match(codes_now, terms=term_pairs, answers=answers)}
        # does the rule set accept each field's best clause (limitations, combinations)?
        fscores = []
        for j, plan in enumerate(self._plans):
            fid = plan.field_id
            rule = self._field_rules[fid]
            lk = float(lk_row[j])
            parts = behind.get(fid, [])
            if parts and float(cs_row[j]) >= 0.01:
                check = self.ruleset.match([self._rep[i] for i in parts], terms=term_pairs, answers=F.YES)
                ok = any(m.field_id == fid and m.status != "no" and m.codes for m in check)
                if not ok:  # e.g. B01D 59 without a uranium/plutonium term: the codes alone do not make the field
                    n_terms = len({t.lower() for f_, t in term_pairs if f_ == fid})
                    lk = float(self._calibrated(0.0, n_terms, float(ss_row[j]), float(hs_row[j]), sens))
            excluded = F.requirement_excluded(rule, answers)
            if excluded:
                lk = 0.0
            m = matches.get(fid) or RuleMatch(field_id=fid, status="no")
            fscores.append(
                FieldScore(
                    fid,
                    lk,
                    float(cs_row[j]),
                    m,
                    excluded,
                    tuple((self.model.labels[i], float(prow[i])) for i in parts),
                )
            )
        cols = self._sug_cols
        if sug_row is None or cols is None:
            top = [t for t in self.model.top(prow, k=TOP_IPC + 30) if not t[0].startswith("field:")][:TOP_IPC]
        else:  # the rules' group codes as the scorers see them (they make the fields), the subclasses as suggested
            groups = [t for t in self.model.top(prow, k=TOP_IPC + 30, kind="target")][:TOP_IPC]
            order = np.argsort(-sug_row, kind="stable")[:TOP_IPC]
            subs = [(self.model.labels[cols[i]], float(sug_row[i]), self.model.titles[cols[i]]) for i in order]
            top = sorted(groups + subs, key=lambda t: -t[1])[:TOP_IPC]
        ipc = tuple(IpcScore(code=c, score=round(s, 4), title=t) for c, s, t in top)
        return Assessment(tuple(fscores), ipc, hits, max((f.likelihood for f in fscores), default=0.0))

    def _calibrated(self, code_score: float, n_terms: int, sub_score: float, head_score: float, sens: float = 0.0) -> float:
        cal = self.model.calibrator
        if cal is None:
            return code_score
        if sens != sens and self.model.calibrator_base is not None:  # NaN: the head did not read this text
            cal = self.model.calibrator_base
        feats = F.calibrator_features(
            np.array([code_score]), np.array([n_terms]), np.array([sub_score]), np.array([head_score]), np.array([sens]), names=cal.feature_names
        )
        return float(cal.predict(feats)[0])

    # ------------------------------------------------------------------
    def draft_inputs(self, text: str, language: str | None = None, claims: str = "", title_abstract: str = ""):
        """(normalised text, passage spans, features of [whole, front, title-abstract] + passages,
        is Japanese, the normalised title-abstract text)."""
        from workbench.classify.draft import front_text, passages
        from workbench.classify.features import normalise
        from workbench.ingest.detect import language_of

        t = normalise(text)
        scorer = self.model.draft
        spans = passages(t, scorer.passage_chars if scorer is not None else 1500)
        ta = normalise(title_abstract) if title_abstract.strip() else ""  # "": the plain second stage
        texts = [t, front_text(t, normalise(claims) if claims else ""), ta] + ([t[a:b] for a, b in spans] if len(spans) > 1 else [])
        X = self.model.featurizer.transform(texts, normalised=True) if self.model.feature_params.get("char_scope") == "cjk" else self.model.featurizer.transform(texts)
        ja = (language or language_of(t)) == "ja"
        return t, spans, X, ja, ta

    def term_count(self, hits: Iterable[TermHit]) -> int:
        """Distinct evidence terms of the best-supported field (what the second stage reads)."""
        counts = self._term_counts(hits)
        return int(counts.max()) if len(counts) else 0

    def base_inputs(self, t: str, probs_whole: np.ndarray, language: str | None = None, n_terms: int | None = None) -> np.ndarray:
        """What reads Japanese too: the most evidence terms of one field, the best field code
        score and field-label probability (the IPC model on the whole text)."""
        from workbench.classify.draft import base_inputs

        if n_terms is None:
            n_terms = self.term_count(self.ruleset.find_terms(t, language))
        cs = F.code_scores(self._plans, probs_whole)[0]
        hs = F.head_scores(self._plans, probs_whole)[0]
        return base_inputs(float(n_terms), float(cs.max()) if len(cs) else 0.0, float(hs.max()) if len(hs) else 0.0)

    def score_draft(self, text: str, language: str | None = None, *, claims: str = "", n_terms: int | None = None,
                    title_abstract: str = ""):
        """The draft-level score (workbench/classify/draft.py). ``claims``: the draft's claims (the front head reads them
        wherever they stand); ``n_terms``: distinct evidence terms of the best-supported field in
        ``text`` (found here when not given); ``title_abstract``: the draft's title and abstract
        (``draft.title_abstract_text``; "" without an abstract: the plain second stage). None when the model has no draft scorer."""
        from workbench.classify.draft import TOP_PASSAGES, DraftScore, _sigmoid

        scorer = self.model.draft
        if scorer is None:
            return None
        t, spans, X, ja, ta = self.draft_inputs(text, language, claims, title_abstract)
        if n_terms is None:
            n_terms = self.term_count(self.ruleset.find_terms(t, language))
        if ja:  # the IPC model's field scores on the whole text, for the base stage
            probs_whole = self.model._probabilities(X[0])
            z = float(scorer.base_logit(self.base_inputs(t, probs_whole, "ja", n_terms))[0])
            return DraftScore(float(_sigmoid(z)), float("nan"), (), len(spans), True, t, n_terms=n_terms)
        h = scorer.head(X[[0] + list(range(3, X.shape[0]))])
        front = float(scorer.front_head(X[1])[0])
        ta_value = float(scorer.ta_head(X[2])[0])
        ta_terms = self.term_count(self.ruleset.find_terms(ta, language)) if ta else 0
        vals = h[1:] if len(h) > 1 else h[:1]
        z = float(scorer.stage2_logit(scorer.stage2_inputs(float(h[0]), front, n_terms, ta_value, ta_terms), bool(ta))[0])
        order = np.argsort(-vals, kind="stable")[:TOP_PASSAGES]
        top = tuple((int(spans[i][0]), int(spans[i][1]), round(float(vals[i]), 3)) for i in order) if len(spans) > 1 else ((0, len(t), round(float(h[0]), 3)),)
        return DraftScore(float(_sigmoid(z)), float(h[0]), top, len(spans), False, t, front, n_terms, ta_value, ta_terms)

    def level(self, likelihood: float, thresholds: Thresholds | None = None) -> Level:
        t = thresholds or self.thresholds
        if likelihood >= t.likely:
            return "likely"
        if likelihood >= t.review:
            return "review"
        return "clear"


def chunks(text: str) -> list[str]:
    """Sentence / clause pieces of ``text``, merged to CHUNK_MIN..CHUNK_MAX characters."""
    out, cur = [], ""
    for piece in _PIECE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if len(cur) + len(piece) + 1 <= CHUNK_MAX or len(cur) < CHUNK_MIN:
            cur = (cur + " " + piece).strip() if cur else piece
        else:
            out.append(cur)
            cur = piece
        while len(cur) > 2 * CHUNK_MAX:  # a run with no separator: cut it
            out.append(cur[:CHUNK_MAX])
            cur = cur[CHUNK_MAX:]
    if cur:
        out.append(cur)
    return out if len(out) > 1 else []
