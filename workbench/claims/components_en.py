"""spaCy rule components for English claims (registered by versioned names).

Each runs on one claim's Doc from a blank English pipeline and writes into its
:class:`ClaimAnalysis`. Token patterns and lexicons come from ``patterns/en.json``.

- ``workbench_claim_transition_v1``: preamble / transitional phrase / body elements.
  The transition is the phrase after the preamble: a candidate preceded by a
  preposition or article ("A method *for including*...") is part of the
  preamble's purpose clause, and "..., the method comprising" (the claimed
  subject restated) wins over anything earlier.
- ``workbench_claim_references_v1``: claim references anywhere in the claim.
- ``workbench_claim_category_v1``: category from the preamble's head noun.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from workbench.claims.analysis import analysis_of, note_dependencies, references_of, text_of
from workbench.claims.patterns import get_patterns

_LEADING_CONJ = re.compile(r"(?:and|or|and/or)\s+", re.IGNORECASE)


def head_phrase(doc: Doc, end_token: int | None = None) -> list:
    """The tokens of the claim's leading noun phrase ("non-transitory computer-readable medium")."""
    return head_phrase_span(doc, end_token)[0]


def head_phrase_span(doc: Doc, end_token: int | None = None) -> tuple[list, int]:
    """The leading noun phrase and the index of the token that ends it."""
    cat = get_patterns("en").raw["category"]
    stops = set(cat["head_stop"])
    dets = set(cat["determiners"])
    end_token = len(doc) if end_token is None else end_token
    i = 0
    if len(doc) and doc[0].lower_ == "in":  # "In a bridge ..., a method for ...": the claimed subject follows the comma
        comma = next((t.i for t in doc[:end_token] if t.text == "," and t.i + 1 < end_token and doc[t.i + 1].lower_ in dets), None)
        if comma is not None:
            i = comma + 1
    while i < end_token and (doc[i].lower_ in dets or doc[i].is_punct or doc[i].like_num):
        i += 1
    phrase = []
    depth = 0
    while i < end_token:
        tok = doc[i]
        if tok.text == "(" and phrase:
            depth += 1  # "A radio-frequency (RF) amplifier": skip the parenthesis
        elif tok.text == ")" and depth:
            depth -= 1
        elif depth:
            pass
        elif tok.i > 0 and doc[tok.i - 1].text == "-" and not tok.is_punct:
            phrase.append(tok)  # "computer-implemented", "as-a-service": part of a compound modifier
        elif tok.lower_ in stops or (tok.is_punct and tok.text != "-") or tok.like_num:
            break
        else:
            phrase.append(tok)
        i += 1
    return phrase, i


def _context_clause_end(doc: Doc) -> int:
    """For "In a device comprising X, a agent ...", the index after the comma that
    ends the context clause (0 when the claim does not open that way)."""
    if not len(doc) or doc[0].lower_ != "in":
        return 0
    dets = set(get_patterns("en").raw["category"]["determiners"])
    for t in doc:
        if t.text == "," and t.i + 1 < len(doc):
            nxt = _next(doc, t.i)
            if nxt is not None and doc[nxt].lower_ in dets:
                return nxt
    return 0


def _prev(doc: Doc, i: int) -> int | None:
    """Index of the token before ``i`` that is not whitespace (line breaks are tokens)."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i if i >= 0 else None


def _next(doc: Doc, i: int) -> int | None:
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i if i < len(doc) else None


def _spaced(pattern: list[dict]) -> list[dict]:
    """A token pattern that also matches across line breaks ("consisting\nof")."""
    out: list[dict] = []
    for k, tok in enumerate(pattern):
        if k:
            out.append({"IS_SPACE": True, "OP": "*"})
        out.append(tok)
    return out


class TransitionFinder:
    def __init__(self, nlp: Language) -> None:
        tr = get_patterns("en").raw["transitions"]
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("JEPSON", [_spaced(p) for p in tr["jepson"]])
        self.matcher.add("STRONG", [_spaced(p) for p in tr["strong"]])
        self.matcher.add("WEAK", [_spaced(p) for p in tr["weak"]])
        self.not_after = set(tr["not_after"])
        self.jepson_id = nlp.vocab.strings["JEPSON"]
        self.weak_id = nlp.vocab.strings["WEAK"]

    def _candidates(self, doc: Doc) -> list[tuple[int, int, bool | None]]:
        by_start: dict[int, tuple[int, int, bool]] = {}
        matches = self.matcher(doc)
        jepson = [(s, e) for m, s, e in matches if m == self.jepson_id]
        if jepson:  # "In a ..., the improvement comprising": Jepson form, nothing else is the transition
            s, e = max(jepson, key=lambda x: x[1] - x[0])
            return [(s, e, None)]
        context_end = _context_clause_end(doc)
        for match_id, start, end in matches:
            if start < context_end:
                continue  # "In a device comprising X, a agent ...": inside the context clause
            prev = _prev(doc, start)
            if prev is not None and doc[prev].lower_ in self.not_after:
                continue  # "for including", "of comprising": inside the preamble's purpose clause
            strong = match_id != self.weak_id
            seen = by_start.get(start)
            if seen is None or (end - start) > (seen[1] - seen[0]):
                by_start[start] = (start, end, strong)
        return [by_start[k] for k in sorted(by_start)]

    def _restates_subject(self, doc: Doc, start: int, head: str) -> bool:
        """"..., the method comprising" or "..., wherein the steering wheel comprises:" where
        "method" / "steering wheel" is the claimed subject."""
        j = _prev(doc, start)
        if not head or j is None or doc[j].lower_ not in (head, head + "s"):
            return False
        for _ in range(3):
            j = _prev(doc, j)
            if j is None:
                return False
            if doc[j].lower_ in ("the", "said", "this"):
                k = _prev(doc, j)
                return k is not None and (doc[k].text == "," or doc[k].lower_ in ("wherein", "whereby", "which"))
        return False

    def _reference_end(self, doc: Doc) -> int | None:
        """Token index after a claim reference in the claim's first clause ("A steering wheel
        having an airbag apparatus according to claim 1, wherein ..."), else None."""
        text = text_of(doc)
        for start, end, _nums, _prec in references_of(doc, get_patterns("en")):
            if any(ch in text[:start] for ch in ",;:"):
                return None
            for tok in doc:
                if tok.idx >= end:
                    return tok.i
            return len(doc)
        return None

    def choose(self, doc: Doc) -> tuple[int, int] | None:
        """The transitional phrase, by precedence:

        1. the Jepson form ("the improvement comprising");
        2. the claimed subject restated before a strong transition, unless a
           colon-marked candidate comes first ("A method for including X, the
           method comprising", "A razor comprising the handle of claim 27, the
           razor further comprising");
        3. a candidate right after the claimed subject ("A lamp comprising",
           "A device having");
        4. the earliest strong transition, or weak one ("including", "having")
           set off by a comma or a colon ("A method for X, including: ...");
        5. otherwise the first candidate.

        Rule 4 takes the *earliest*, so a "comprises:" deep in the body cannot
        pull a body reference ("the method of claim 3 is not required") into
        the preamble.
        """
        cands = self._candidates(doc)
        if not cands:
            return None
        if cands[0][2] is None:
            return cands[0][0], cands[0][1]
        ref_end = self._reference_end(doc)
        if ref_end is not None:
            # "A steering wheel having an airbag apparatus according to claim 1, wherein": a weak
            # "having"/"including" before the reference names the subject, it does not open the body
            later = [c for c in cands if not (c[2] is False and c[0] < ref_end)]
            if later:
                cands = later

        def colon_after(end: int) -> bool:
            after = _next(doc, end - 1)
            return after is not None and doc[after].text == ":"

        phrase, stop = head_phrase_span(doc)
        words = [t.lower_ for t in phrase if t.is_alpha]
        head = words[-1] if words else ""
        for start, end, strong in cands:
            if strong and self._restates_subject(doc, start, head):
                return start, end
            if colon_after(end):
                break
        while stop < len(doc) and (doc[stop].is_space or doc[stop].text == ","):
            stop += 1
        for start, end, _strong in cands:
            if start == stop:
                return start, end
        for start, end, strong in cands:
            prev = _prev(doc, start)
            if strong or (prev is not None and doc[prev].text == ",") or colon_after(end):
                return start, end
        return cands[0][0], cands[0][1]

    def __call__(self, doc: Doc) -> Doc:
        a = analysis_of(doc)
        text = text_of(doc)
        chosen = self.choose(doc)
        if chosen is None:
            refs = [(s, e) for s, e, _n, _p in references_of(doc, get_patterns("en"))]
            cut = next((i for i, ch in enumerate(text) if ch in ",;:" and not any(s <= i < e for s, e in refs)), len(text))
            a.preamble = (0, _rstrip(text, 0, cut))
            a.transition = None
            body_start = cut
        else:
            t_start, t_end = doc[chosen[0]].idx, doc[chosen[1] - 1].idx + len(doc[chosen[1] - 1])
            a.preamble = (0, _rstrip(text, 0, t_start))
            a.transition = (t_start, t_end)
            body_start = t_end
        a.parts = []
        if a.preamble[1] > 0:
            a.parts.append(("preamble", *a.preamble))
        if a.transition:
            a.parts.append(("transition", *a.transition))
        for start, end in _elements(text, body_start):
            a.parts.append(("element", start, end))
        return doc


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return end


def _elements(text: str, start: int) -> list[tuple[int, int]]:
    """Body elements: the body split at semicolons (top level, outside brackets)."""
    out: list[tuple[int, int]] = []
    depth = 0
    seg = start
    for i in range(start, len(text) + 1):
        ch = text[i] if i < len(text) else ";"
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == ";" and (depth == 0 or i == len(text)):
            s, e = seg, i
            while s < e and (text[s].isspace() or text[s] in ",:;"):
                s += 1
            m = _LEADING_CONJ.match(text, s, e)
            if m and m.end() < e:
                s = m.end()  # "...; and rendering the page": the element is "rendering the page"
            while e > s and (text[e - 1].isspace() or text[e - 1] in ".;"):
                e -= 1
            if e > s:
                out.append((s, e))
            seg = i + 1
    return out


@Language.factory("workbench_claim_transition_v1")
def make_transition_finder(nlp: Language, name: str) -> TransitionFinder:
    return TransitionFinder(nlp)


@Language.component("workbench_claim_references_v1")
def claim_references(doc: Doc) -> Doc:
    """Claim references anywhere in the claim: at the start ("The device of claim 1"), in the
    body ("comprising the formulation of claim 3") or at the end ("..., as in claim 2").
    A claim that names another claim depends on it, as the office's own markup has it."""
    return note_dependencies(doc, get_patterns("en"))


@lru_cache(maxsize=None)
def _category_lexicon() -> tuple[dict[str, str], frozenset[str]]:
    cat = get_patterns("en").raw["category"]
    lexicon: dict[str, str] = {}
    for category in ("apparatus", "composition", "system", "use", "program", "method"):
        for w in cat["words"][category]:
            lexicon[w] = category  # later categories win on shared words
    return lexicon, frozenset(cat["generic"])


@Language.component("workbench_claim_category_v1")
def claim_category(doc: Doc) -> Doc:
    """Category from the head noun of the preamble ("A ... *method* for" -> method)."""
    a = analysis_of(doc)
    lexicon, generic = _category_lexicon()
    end_token = len(doc)
    for tok in doc:
        if tok.idx >= a.preamble[1]:
            end_token = tok.i
            break
    phrase = [t.lower_ for t in head_phrase(doc, end_token) if t.is_alpha]
    if not phrase:
        return doc
    head = phrase[-1]
    chosen = None
    for w in [head, *reversed(phrase[:-1])]:
        word = w if w in lexicon else (w[:-1] if w.endswith("s") and w[:-1] in lexicon else None)
        if word is None:
            continue
        if chosen is None or word not in generic:
            chosen = word
        if word not in generic:
            break
    a.head = chosen or head
    if chosen:
        a.category = lexicon[chosen]
        a.category_from = "lexicon"
        return doc
    cat = get_patterns("en").raw["category"]
    for category, suffixes in cat["suffix_rules"].items():
        if any(head.endswith(suf) and len(head) > len(suf) + 2 for suf in suffixes):
            a.category = category
            a.category_from = "suffix"
            return doc
    if not a.references and not a.any_preceding:
        a.category = cat["default_independent_product"]
        a.category_from = "default"
    return doc
