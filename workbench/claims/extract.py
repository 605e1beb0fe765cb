"""From a claims section to a :class:`ClaimSet`: split, analyse each claim, resolve the tree."""

from __future__ import annotations

from workbench.claims.analysis import analysis_of
from workbench.claims.patterns import get_patterns
from workbench.claims.pipeline import MAX_EN_CHARS, analyse, get_pipeline
from workbench.claims.splitter import find_claims
from workbench.domain import Claim, ClaimPart, ClaimSet, Draft
from workbench.errors import E201, ClaimsError
from workbench.messages import M, Message, msg
from workbench.messages import claims as N
from workbench.text import JA_LINE_WRAP


def unwrapped(text: str) -> tuple[str, list[int]]:
    """``text`` without the single line breaks a PDF puts inside Japanese sentences
    (「を特徴と\\nする」, 「請\\n求項１」), and for each of its positions the position in
    ``text``. A break next to no Japanese character (two English words) and a blank
    line stay."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in JA_LINE_WRAP.finditer(text):
        out.append(text[pos : m.start()])
        where.extend(range(pos, m.start()))
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(out), where


# Claims analysed per draft: the first MAX_CLAIMS, and no claim past MAX_CLAIMS_TEXT characters
# analysed in all (per language: Sudachi takes ~15x the time of the English tokenizer per character;
# each claim counts as analysed, at most MAX_EN_CHARS), so any draft is split and screened in bounded
# time: 9,000 Japanese claims took 15 s CPU, a 10,000-claim XML 6-9 s in the screening. Real drafts
# stay far below (../shared/data: at most 63 claims, 18,336 characters). The rest is never dropped
# silently: the coded note W280 says how many were read.
MAX_CLAIMS = 1000
MAX_CLAIMS_TEXT = {"en": 200_000, "ja": 50_000}

MAX_REFERENCE_GROUPS = 5  # lines naming a cited claim; the rest are counted on one more line
MAX_LISTED = 12  # citing claims listed per line (as ranges), then "…"


def ranges(numbers: list[int]) -> tuple[str, ...]:
    """[3, 4, 5, 9] -> ("3-5", "9") (at most MAX_LISTED parts, then "…"); the message joins
    them as its language joins lists."""
    parts: list[str] = []
    nums = sorted(set(numbers))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        parts.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    if len(parts) > MAX_LISTED:
        parts = parts[:MAX_LISTED] + ["…"]
    return tuple(parts)


def reference_notes(bad: list[tuple[int, int]]) -> list[Message]:
    """Coded notes (W201-W203) for the references to claims that do not precede the citing
    claim (E202): one per cited claim, the most cited first, at most MAX_REFERENCE_GROUPS,
    then one line counting the rest - a bounded list, whatever the draft."""
    by_target: dict[int, list[int]] = {}
    for number, target in bad:
        by_target.setdefault(target, [])
        if number not in by_target[target]:
            by_target[target].append(number)
    order = sorted(by_target, key=lambda t: (-len(by_target[t]), t))
    notes = []
    for target in order[:MAX_REFERENCE_GROUPS]:
        claims = by_target[target]
        code = M.W201 if len(claims) == 1 else M.W202
        notes.append(msg(code, claims=ranges(claims), target=target))
    rest = order[MAX_REFERENCE_GROUPS:]
    if rest:
        citing = [n for t in rest for n in by_target[t]]
        notes.append(msg(M.W203, count=sum(len(by_target[t]) for t in rest), claims=ranges(citing)))
    return notes


def split_claims(text: str, language: str = "en", *, source: str = "<text>") -> ClaimSet:
    """Split a claims section (``text``) into claims; never raises on odd text.

    At most MAX_CLAIMS claims (and MAX_CLAIMS_TEXT characters of them) are analysed; when
    there are more, the coded note W280 names ``source`` (the file) and says how many.

    Offsets of each claim are into ``text``. A reference to a claim that does
    not precede the referring one is ignored (E202) and noted, grouped by the cited
    claim in a bounded list of coded notes (W201-W203).
    """
    lang = "ja" if language == "ja" else "en"
    raws, notes = find_claims(text or "", get_patterns(lang))
    nlp = get_pipeline(lang) if raws else None
    claims: list[Claim] = []
    seen: dict[int, Claim] = {}
    bad_references: list[tuple[int, int]] = []
    read, budget = 0, MAX_CLAIMS_TEXT[lang]  # characters analysed so far, and at most
    for k, raw in enumerate(raws):
        if claims and (k >= MAX_CLAIMS or read >= budget):
            notes.append(msg(N.W280, path=source, read=len(claims), total=len(raws), last=claims[-1].number,
                             max_claims=MAX_CLAIMS, max_chars=budget))
            break
        claim_text = text[raw.start : raw.end]
        analysed, where = unwrapped(claim_text) if lang == "ja" else (claim_text, None)
        doc = analyse(nlp, analysed)
        read += min(len(analysed), MAX_EN_CHARS)
        a = analysis_of(doc)
        if doc.user_data.get("workbench.truncated"):
            notes.append(msg(N.N201, number=raw.number, length=len(claim_text), analysed=len(doc.text)))
        targets = list(a.references)
        if a.any_preceding:
            targets += [n for n in seen if n not in targets]
        depends_on: list[int] = []
        for target in targets:
            if target in seen and target < raw.number:
                if target not in depends_on:
                    depends_on.append(target)
            else:
                bad_references.append((raw.number, target))
        if a.any_preceding and raw.number == 1:
            notes.append(msg(N.N202))
        category = a.category
        if category == "other" and depends_on:
            category = seen[depends_on[0]].category  # "The assembly of claim 1": same kind as its parent
        def span(start: int, end: int) -> tuple[int, int]:
            """Offsets into the analysed text as offsets into claim_text."""
            if where is None:
                return start, end
            if start >= end:
                at = where[start] if start < len(where) else len(claim_text)
                return at, at
            return where[start], where[end - 1] + 1

        parts = tuple(ClaimPart(kind, claim_text[s:e], s, e) for kind, s, e in ((k, *span(s0, e0)) for k, s0, e0 in a.parts))
        p_start, p_end = span(*a.preamble)
        t_span = span(*a.transition) if a.transition else None
        claim = Claim(
            number=raw.number,
            text=claim_text,
            independent=not depends_on,
            depends_on=tuple(sorted(depends_on)),
            category=category,
            preamble=claim_text[p_start:p_end].strip(),
            transition=claim_text[t_span[0] : t_span[1]] if t_span else "",
            parts=parts,
            start=raw.start,
            end=raw.end,
        )
        claims.append(claim)
        seen[raw.number] = claim
    notes.extend(reference_notes(bad_references))
    return ClaimSet(claims=tuple(claims), language=lang, notes=tuple(notes))


def extract_claims(draft: Draft) -> ClaimSet:
    """The claims of ``draft`` (from ``draft.claims_text``, in ``draft.language``).

    Raises ``ClaimsError(E201)`` naming the file when the draft has no claims.
    """
    if not draft.claims_text.strip():
        raise ClaimsError(E201, path=draft.source_path)
    source = str(draft.source_path)
    claim_set = split_claims(draft.claims_text, draft.language, source=source)
    if not claim_set.claims:
        other = "en" if draft.language == "ja" else "ja"
        fallback = split_claims(draft.claims_text, other, source=source)
        if fallback.claims:
            note = msg(N.N204, other=msg(N.LANGUAGE_NAMES[other]), language=msg(N.LANGUAGE_NAMES[draft.language]))
            return ClaimSet(fallback.claims, fallback.language, (*fallback.notes, note))
        raise ClaimsError(E201, path=draft.source_path)
    return claim_set
