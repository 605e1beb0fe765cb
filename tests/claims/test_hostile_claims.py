"""Claims of hostile drafts (issue 14): a chain of thousands of claims is drawn without
recursion and with capped indentation; the numbering search stays O(n log n)."""

from __future__ import annotations

import bisect
import random

from workbench.claims.splitter import _Remaining
from workbench.cli.main import main


def test_a_chain_of_3000_claims_is_drawn_without_recursion(tmp_path, capsys, monkeypatch):
    from workbench.claims import extract

    monkeypatch.setattr(extract, "MAX_CLAIMS", 5000)  # past the extractor's bound, to draw the chain whole
    monkeypatch.setattr(extract, "MAX_CLAIMS_TEXT", {"en": 10_000_000, "ja": 10_000_000})
    body = "".join(f"{i}. The drone of claim {i - 1}, further comprising a part {i}.\n" for i in range(2, 3001))
    p = tmp_path / "chain.txt"
    p.write_text("Title: Drone\n\nWhat is claimed is:\n1. A drone comprising a rotor.\n" + body, encoding="utf-8")
    assert main(["claims", str(p)]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "3000 [" in out
    assert max(len(line) for line in out.splitlines()) < 400  # indentation capped: output linear in claims


def test_remaining_numbers_answer_as_the_sorted_list_did():
    rnd = random.Random(7)
    numbers = [rnd.randint(1, 60) for _ in range(400)]
    fast, slow = _Remaining(numbers), sorted(numbers)
    for n in rnd.sample(numbers, len(numbers)):
        fast.remove(n)
        del slow[bisect.bisect_left(slow, n)]
        for lo, hi in ((rnd.randint(0, 60), rnd.randint(0, 62)) for _ in range(5)):
            k = bisect.bisect_right(slow, lo)
            expected = not (k == len(slow) or slow[k] >= hi)
            assert fast.any_between(lo, hi) == expected, (lo, hi)


def _count_analysed(monkeypatch):
    from workbench.claims import extract

    calls = []
    real = extract.analyse

    def spy(nlp, text):
        calls.append(len(text))
        return real(nlp, text)

    monkeypatch.setattr(extract, "analyse", spy)
    return calls


def test_thousands_of_japanese_claims_are_read_up_to_the_bound(monkeypatch):
    """9,000 Japanese claims took 15 s CPU to split (every claim analysed): now the first
    claims up to the Japanese text bound are, and the coded note W280 names the file and the counts."""
    from workbench.claims import extract as X
    from workbench.domain import Draft
    from workbench.messages import code_of

    n = X.MAX_CLAIMS + 300
    body = "".join(f"【請求項{i}】\n請求項{max(1, i - 1)}に記載の無人航空機であって、前記フレームは炭素繊維の管と回転翼の腕と電動機の取付部とを備え、前記取付部はねじにより前記腕に固定される無人航空機。\n" for i in range(1, n + 1))
    calls = _count_analysed(monkeypatch)
    cs = X.extract_claims(Draft(source_path="/drafts/多数.txt", sha256="0" * 64, format="text", language="ja", text=body, claims_text=body))
    read = len(cs.claims)
    assert len(calls) == read < n and sum(calls[:-1]) < X.MAX_CLAIMS_TEXT["ja"] <= sum(calls)
    w = [m for m in cs.notes if code_of(m) == "W280"]
    assert len(w) == 1 and (w[0].get("read"), w[0].get("total"), w[0].get("path")) == (read, n, "/drafts/多数.txt")
    assert f"請求項{n}項" in w[0].render("ja") and f"{n} claims" in w[0].render("en")


def test_the_claims_text_analysed_in_all_is_bounded(monkeypatch):
    from workbench.claims import extract as X
    from workbench.messages import code_of

    long_claim = "A drone comprising a rotor, a frame and a camera mounted on the frame; " * 60  # ~4,300 characters
    n = X.MAX_CLAIMS_TEXT["en"] // len(long_claim) + 20
    calls = _count_analysed(monkeypatch)
    cs = X.split_claims("".join(f"{i}. {long_claim}\n" for i in range(1, n + 1)), "en", source="long.txt")
    assert sum(calls[:-1]) < X.MAX_CLAIMS_TEXT["en"] <= sum(calls)  # stops after the claim that reaches the bound
    assert [code_of(m) for m in cs.notes].count("W280") == 1 and len(cs.claims) < n


def test_the_claims_command_says_how_many_claims_it_read(tmp_path, capsys):
    from workbench.claims import extract as X

    n = X.MAX_CLAIMS + 20
    p = tmp_path / "many.txt"
    p.write_text("Title: Drone\n\nWhat is claimed is:\n1. A drone comprising a rotor.\n"
                 + "".join(f"{i}. The drone of claim {i - 1}.\n" for i in range(2, n + 1)), encoding="utf-8")
    assert main(["claims", str(p)]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert f"only the first {X.MAX_CLAIMS} of its {n} claims were read" in out + err and str(p) in out + err
