from datetime import date

import pytest

from workbench.errors import StoreError
from workbench.store.dates import add_months, key_dates, parse_date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),  # month end clamps
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 2, 29), 3, date(2024, 5, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 5, 31), 10, date(2025, 3, 31)),
        (date(2024, 4, 30), 10, date(2025, 2, 28)),
        (date(2027, 4, 30), 10, date(2028, 2, 29)),
        (date(2025, 10, 15), 3, date(2026, 1, 15)),  # year rollover
        (date(2025, 3, 1), 10, date(2026, 1, 1)),
        (date(1900, 1, 31), 1, date(1900, 2, 28)),  # 1900 is not a leap year
        (date(2000, 1, 31), 1, date(2000, 2, 29)),  # 2000 is
    ],
)
def test_add_months_is_month_end_and_leap_year_safe(start, months, expected):
    assert add_months(start, months) == expected


def test_key_dates_are_three_and_ten_months_after_jp_filing():
    assert key_dates("2024-01-31") == ("2024-04-30", "2024-11-30")
    assert key_dates(date(2024, 5, 31)) == ("2024-08-31", "2025-03-31")
    assert key_dates(None) == (None, None)
    assert key_dates("") == (None, None)


@pytest.mark.parametrize("bad", ["2024-02-30", "31/01/2024", "tomorrow", "2024-13-01", 20240101])
def test_bad_dates_are_a_coded_error(bad):
    with pytest.raises(StoreError) as err:
        parse_date(bad)
    assert err.value.code == "E508"
