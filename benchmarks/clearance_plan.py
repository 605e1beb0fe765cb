"""How long the clearance plan takes (workbench.filing.plan): a typical joint draft and a
portfolio's worst case (inventors in eleven countries, five filings with the PCT receiving
office and the EP office to choose). The previous release (0ec98ae) had no plan, so there
is nothing to compare side by side: the figures are absolute.

    nice -n 10 .venv/bin/python benchmarks/clearance_plan.py
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from workbench.filing.plan import Applicant, Facts, Filing, Inventor, clearance_plan

TODAY = date(2026, 12, 2)
FILINGS = (Filing("JP"), Filing("US"), Filing("CN"), Filing("EP", "ep"), Filing("PCT", "pct"))
CASES = {
    "JP+US joint, JP/US filings": Facts(inventors=(Inventor("A", "JP", made_in=("JP",)), Inventor("B", "US", made_in=("US",))),
                                       applicants=(Applicant("K", "JP"),), filings=(Filing("JP"), Filing("US")),
                                       jp_level="likely"),
    "5 countries, 5 filings": Facts(inventors=tuple(Inventor(c, c, made_in=(c,)) for c in ("JP", "US", "CN", "GB", "IN")),
                                   filings=FILINGS, jp_level="likely", defence_related=True),
    "11 countries, 5 filings": Facts(
        inventors=tuple(Inventor(c, c, made_in=(c,)) for c in ("JP", "US", "CN", "GB", "IN", "SG", "FR", "FI", "IL", "RU", "ES")),
        filings=FILINGS, jp_level="likely", defence_related=True),
}


def main() -> None:
    clearance_plan(CASES["JP+US joint, JP/US filings"], today=TODAY)  # load the rule data once
    print(f"{'case':<28} {'rules':>5} {'median s':>9} {'max s':>7}")
    for name, facts in CASES.items():
        times = []
        for _ in range(3):
            t = time.perf_counter()
            plan = clearance_plan(facts, today=TODAY)
            times.append(time.perf_counter() - t)
        print(f"{name:<28} {len(plan.rules):>5} {statistics.median(times):>9.3f} {max(times):>7.3f}")


if __name__ == "__main__":
    main()
