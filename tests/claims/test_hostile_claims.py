"""Claims of hostile drafts (issue 14): a chain of thousands of claims is drawn without
recursion and with capped indentation; the numbering search stays O(n log n)."""

from __future__ import annotations

import bisect
import random

from workbench.claims.splitter import _Remaining
from workbench.cli.main import main


def test_a_chain_of_3000_claims_is_drawn_without_recursion(tmp_path, capsys):
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
