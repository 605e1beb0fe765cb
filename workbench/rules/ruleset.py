"""A loaded, validated rule set and its two questions: which fields do these codes,
terms and answers point to (``match``), and where are evidence terms in a text
(``find_terms``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from workbench.domain import AdditionalAnswers, RuleMatch
from workbench.errors import E303, RulesError
from workbench.ipc.code import IpcCode, IpcRange, parse_ipc
from workbench.rules.engine import match_field
from workbench.rules.model import FieldRule, RuleSetInfo, TermHit
from workbench.rules.terms import TermIndex
from workbench.messages import M, msg


class RuleSet:
    """Immutable once built (by :func:`workbench.rules.load_ruleset`)."""

    def __init__(
        self,
        name: str,
        version: str,
        checksum: str,
        fields: tuple[FieldRule, ...],
        effective_date: str = "",
        ipc_edition: str = "",
        sources: tuple[str, ...] = (),
        source_urls: tuple[str, ...] = (),
        notes: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.version = version
        self.checksum = checksum
        self.fields = tuple(sorted(fields, key=lambda f: f.id))
        self.effective_date = effective_date
        self.ipc_edition = ipc_edition
        self.sources = sources  # the files the rule set was built from
        self.source_urls = source_urls
        self.notes = notes
        self._by_id = {f.id: f for f in self.fields}
        # IPC sections each field's entries live in (a quick pre-check in match)
        self._sections = {
            f.id: {
                (a.start.section if isinstance(a, IpcRange) else a.section)
                for e in f.ipc for p in e.parts for a in p.alternatives
            }
            for f in self.fields
        }

    def __repr__(self) -> str:
        return f"RuleSet({self.name!r}, version={self.version!r}, fields={len(self.fields)}, checksum={self.checksum[:12]}…)"

    @property
    def info(self) -> RuleSetInfo:
        return RuleSetInfo(self.name, self.version, self.checksum, self.effective_date, self.ipc_edition, self.sources)

    def field(self, field_id: int) -> FieldRule:
        try:
            return self._by_id[int(field_id)]
        except (KeyError, ValueError, TypeError):
            raise RulesError(E303, detail=msg(M.D317, ruleset=self.name, field=repr(field_id))) from None

    @property
    def field_ids(self) -> tuple[int, ...]:
        return tuple(self._by_id)

    @cached_property
    def _terms(self) -> TermIndex:
        return TermIndex((f.id, f.terms_en, f.terms_ja, f.term_conditions) for f in self.fields)

    def find_terms(self, text: str, language: str | None = None) -> list[TermHit]:
        """Evidence-term spans in ``text``, ordered by position. ``language`` "en"
        searches English terms, "ja" Japanese and English (drafts mix them), None all."""
        return self._terms.find(text, language)

    def match(
        self,
        codes: Iterable[str | IpcCode],
        terms: Iterable[tuple[int, str]] | None = None,
        answers: AdditionalAnswers = AdditionalAnswers(),
        *,
        text: str | None = None,
        broader: bool = False,
    ) -> list[RuleMatch]:
        """One RuleMatch per field, in field order.

        ``codes``: the draft's IPC codes (strings are parsed; a malformed one raises
        IpcError E301). ``terms``: evidence terms found in the draft as (field_id,
        term), e.g. from :meth:`find_terms`. ``text``: optional draft text, searched
        for terms too (and for limitations such as uranium/plutonium).
        ``broader=True`` also reports a code coarser than a rule ("F41H" against
        "F41H 3/00") as "possible" — useful for codes typed by people; by default
        only codes inside a rule count.
        """
        parsed: list[IpcCode] = []
        for c in codes:
            code = parse_ipc(c)
            if code not in parsed:
                parsed.append(code)
        code_tuple = tuple(parsed)

        term_pairs: list[tuple[int, str]] = list(terms) if terms is not None else []
        if text:
            term_pairs.extend((h.field_id, h.term) for h in self.find_terms(text))
        evidence_given = terms is not None or text is not None
        by_field: dict[int, list[str]] = {}
        for fid, term in term_pairs:
            by_field.setdefault(int(fid), []).append(term)
        all_terms_text = "\n".join(t for _, t in term_pairs)

        sections = {c.section for c in code_tuple}
        out: list[RuleMatch] = []
        for rule in self.fields:
            if not (self._sections[rule.id] & sections) and rule.id not in by_field:
                out.append(RuleMatch(field_id=rule.id, status="no"))  # nothing can match: skip the work
                continue
            limitation_terms: tuple[str, ...] | None = None
            if rule.limitation is not None and evidence_given:
                haystack = all_terms_text + ("\n" + text if text else "")
                limitation_terms = tuple(self._terms.matches_any(haystack, rule.limitation.requires_terms))
            out.append(
                match_field(
                    rule, code_tuple, tuple(by_field.get(rule.id, ())), limitation_terms, answers, broader
                )
            )
        return out
