"""Key dates of Japan's non-disclosure procedure, computed from the JP filing date.

- primary review point: JP filing + 3 months (the JPO forwards specified-field
  applications to the Cabinet Office within 3 months; it tells the applicant that it will
  not, only on the applicant's request - 申出)
- the 10-month point (stored as ``foreign_filing_free``): JP filing + 10 months. Foreign
  filing is possible from then *if no security designation was made by then*; it is not an
  unconditional release (a designation in force bars foreign filing, Art. 78), and the exact
  statutory release events are unconfirmed in the reference.

Months are added calendar-wise and clamped to the month end, so Jan 31 + 1 month
is Feb 28 (Feb 29 in a leap year), Nov 30 + 3 months is Feb 28/29.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from workbench.errors import E508, StoreError
from workbench.messages import M, Message, msg

PRIMARY_REVIEW_MONTHS = 3
FOREIGN_FILING_FREE_MONTHS = 10  # "without designation": see the module doc


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months, clamped to the last day of the target month."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def parse_date(value: date | datetime | str | None, what: "str | Message | None" = None) -> date | None:
    """Accept a date, a datetime or an ISO 'YYYY-MM-DD' string; '' and None -> None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            text = value.strip()
            if len(text) == 10:
                return date.fromisoformat(text)
        except ValueError:
            pass
    raise StoreError(E508, value=value, what=what if what is not None else msg(M.D558), allowed=msg(M.D551))


def key_dates(jp_filing_date: date | str | None) -> tuple[str | None, str | None]:
    """(primary_review_due, foreign_filing_free) as ISO dates, or (None, None). The second is
    the 10-month point: foreign filing from then only if no designation was made by then."""
    d = parse_date(jp_filing_date, msg(M.D553))
    if d is None:
        return None, None
    return (
        add_months(d, PRIMARY_REVIEW_MONTHS).isoformat(),
        add_months(d, FOREIGN_FILING_FREE_MONTHS).isoformat(),
    )


def future_filing_date(jp_filing_date: date | str | None, today: date | None = None):
    """A coded warning (W704) when the JP filing date lies after ``today`` (default: today,
    local), else None. A future date is most often a typo (2062 for 2026) and every key date
    is counted from it: the CLI asks for ``--future-date-ok``, the Decision panel for a click."""
    d = parse_date(jp_filing_date, msg(M.D553))
    today = today or date.today()
    if d is None or d <= today:
        return None

    return msg(M.W704, date=d.isoformat(), today=today.isoformat())
