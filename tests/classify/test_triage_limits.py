"""Very long drafts: every unit the engine scores is bounded, so one runaway claim (a draft
whose description was pasted without a blank line after claim 1) cannot take minutes and
gigabytes of memory."""

from __future__ import annotations

from workbench import triage


def test_a_runaway_claim_is_scored_on_a_bounded_prefix(engine, monkeypatch):
    from workbench.ingest import draft_from_text

    filler = "Lorem ipsum dolor sit amet filler line here.\n" * 6000  # ~270,000 characters
    text = "What is claimed is:\n1. A guided missile comprising a stealth coating.\n" + filler
    seen = []
    real = engine.assess

    def spy(units, **kw):
        seen.extend(len(u) for u in units)
        return real(units, **kw)

    monkeypatch.setattr(engine, "assess", spy)
    v = triage.screen_draft(draft_from_text(text), engine=engine)
    assert len(v.claims.claims) == 1 and len(v.claims.claims[0].text) > triage.MAX_CLAIM_CHARS
    assert seen and max(seen) <= triage.MAX_CLAIM_CHARS
    # the start of the claim is still what is screened: its term is found where it is
    ev = [e for e in v.claim_verdicts[0].evidence if e.term.lower() == "stealth"]
    assert ev and v.claims.claims[0].text[ev[0].start : ev[0].end].lower() == "stealth"
