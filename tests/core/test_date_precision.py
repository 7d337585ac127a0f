import datetime

import pytest
from django.utils import translation

from core.dates import Precision, format_period, period_end, period_start

D = datetime.date


@pytest.mark.parametrize(
    ("day", "precision", "start", "end"),
    [
        (D(2014, 3, 17), Precision.DAY, D(2014, 3, 17), D(2014, 3, 17)),
        (D(2014, 3, 17), Precision.MONTH, D(2014, 3, 1), D(2014, 3, 31)),
        (D(2016, 2, 10), Precision.MONTH, D(2016, 2, 1), D(2016, 2, 29)),
        (D(2015, 6, 30), Precision.YEAR, D(2015, 1, 1), D(2015, 12, 31)),
    ],
)
def test_a_start_is_the_first_day_and_an_end_the_last_day_of_its_period(day, precision, start, end):
    assert (period_start(day, precision), period_end(day, precision)) == (start, end)


@pytest.mark.parametrize(
    ("start", "start_precision", "end", "end_precision", "shown"),
    [
        (D(2014, 3, 1), Precision.MONTH, D(2014, 3, 31), Precision.MONTH, "March 2014"),
        (D(2015, 1, 1), Precision.YEAR, D(2018, 12, 31), Precision.YEAR, "2015–2018"),
        (D(2014, 3, 1), Precision.MONTH, D(2016, 6, 30), Precision.MONTH, "March 2014 – June 2016"),
        (
            D(2014, 3, 1),
            Precision.MONTH,
            D(2016, 6, 30),
            Precision.DAY,
            "March 2014 – 30 June 2016",
        ),
        (D(2024, 7, 1), Precision.DAY, D(2024, 7, 3), Precision.DAY, "1–3 July 2024"),
        (D(2015, 1, 1), Precision.YEAR, D(2015, 12, 31), Precision.YEAR, "2015"),
    ],
)
def test_a_period_is_shown_as_precisely_as_it_is_known(
    start, start_precision, end, end_precision, shown
):
    assert format_period(start, start_precision, end, end_precision) == shown


def test_a_month_reads_in_french_in_french():
    with translation.override("fr"):
        assert format_period(D(2014, 3, 1), Precision.MONTH, D(2014, 3, 31), Precision.MONTH) == (
            "mars 2014"
        )
