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



def _many_claims(n: int) -> str:
    lines = ["1. A drone comprising a rotor and a frame carrying the rotor."]
    lines += [f"{i}. The drone of claim {i - 1}, wherein the frame is light." for i in range(2, n + 1)]
    return "Drone\n\nClaims\n\n" + "\n".join(lines) + "\n"


def test_a_draft_with_thousands_of_claims_is_screened_on_the_first_n_and_says_so(engine, monkeypatch):
    """A 10,000-claim XML took 6-9 s CPU in screening (every claim analysed and scored); now
    the first MAX_CLAIMS are, and the verdict says so naming the file (never a silent drop)."""
    from workbench.claims import extract as X
    from workbench.ingest import draft_from_text
    from workbench.messages import code_of

    n = X.MAX_CLAIMS + 700
    seen = []
    real = engine.assess

    def spy(units, **kw):
        seen.append(len(units))
        return real(units, **kw)

    monkeypatch.setattr(engine, "assess", spy)
    v = triage.screen_draft(draft_from_text(_many_claims(n), source_path="/drafts/many.txt"), engine=engine)
    assert seen == [1 + X.MAX_CLAIMS]  # the whole + the first N claims, no more
    assert [cv.claim_number for cv in v.claim_verdicts] == list(range(1, X.MAX_CLAIMS + 1))
    codes = [code_of(m) for m in v.notes]
    assert codes.count("W480") == 1 and "W280" not in codes  # one note says it, the screening's
    w = next(m for m in v.notes if code_of(m) == "W480")
    assert (w.get("path"), w.get("screened"), w.get("total"), w.get("last")) == ("/drafts/many.txt", X.MAX_CLAIMS, n, X.MAX_CLAIMS)
    en, ja = w.render("en"), w.render("ja")
    assert "/drafts/many.txt" in en and f"{n} claims" in en and str(X.MAX_CLAIMS) in ja and "請求項" in ja
    assert v.level != "clear"  # a draft not screened whole is never cleared


def test_a_real_civilian_draft_cut_at_the_bound_is_not_cleared(engine, monkeypatch, shared_data):
    """A real grant (a shoe structure, 24 claims) is cleared when all
    its claims are read, kept at review when the bound stops before its last claims."""
    from workbench.claims import extract as X
    from workbench.ingest import read_draft
    from workbench.messages import code_of

    draft = read_draft(shared_data / "uspto-grants" / "US06836979.xml")
    whole = triage.screen_draft(draft, engine=engine)
    assert whole.level == "clear" and len(whole.claim_verdicts) == 24
    monkeypatch.setattr(X, "MAX_CLAIMS", 10)
    cut = triage.screen_draft(draft, engine=engine)
    assert len(cut.claim_verdicts) == 10 and cut.level == "review"
    assert [(m.get("screened"), m.get("total")) for m in cut.notes if code_of(m) == "W480"] == [(10, 24)]


def test_a_draft_within_the_bounds_gets_no_warning(engine):
    from workbench.ingest import draft_from_text
    from workbench.messages import code_of

    v = triage.screen_draft(draft_from_text(_many_claims(40)), engine=engine)
    assert len(v.claim_verdicts) == 40
    assert not [m for m in v.notes if code_of(m) in ("W280", "W480")]
