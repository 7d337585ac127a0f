"""Dates known to a day, a month or a year: stored as the first day of the period for a start
and the last day for an end, shown as precisely as they are known ("March 2014", "2015–2018")."""

import calendar
from datetime import date

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def precision_field(verbose_name):
    return models.CharField(
        verbose_name,
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_("How precisely the date is known; a month or a year is kept whole."),
    )


def period_start(day, precision):
    """The first day of the month or year `day` falls in, when only that is known."""
    if day is not None and precision == Precision.MONTH:
        return day.replace(day=1)
    if day is not None and precision == Precision.YEAR:
        return date(day.year, 1, 1)
    return day


def period_end(day, precision):
    """The last day of the month or year `day` falls in, when only that is known."""
    if day is not None and precision == Precision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if day is not None and precision == Precision.YEAR:
        return date(day.year, 12, 31)
    return day


# The active language's one way to write a date (config/formats): "1 July 2024", "1 juillet 2024".
DAY_MONTH_YEAR = "DATE_FORMAT"


def date_range(start, end=None):
    """One day or a range, shortest form: "1–3 July 2024", "30 June – 2 July 2024"."""
    if start is None:
        return ""
    if not end or end == start:
        return date_format(start, DAY_MONTH_YEAR)
    if (start.year, start.month) == (end.year, end.month):
        first = date_format(start, "j")
        return f"{first}–{date_format(end, DAY_MONTH_YEAR)}"
    first = date_format(start, "MONTH_DAY_FORMAT" if start.year == end.year else DAY_MONTH_YEAR)
    return f"{first} – {date_format(end, DAY_MONTH_YEAR)}"


def format_date(day, precision):
    if precision == Precision.YEAR:
        return str(day.year)
    if precision == Precision.MONTH:
        return date_format(day, "YEAR_MONTH_FORMAT")
    return date_format(day, DAY_MONTH_YEAR)


def format_period(start, start_precision, end=None, end_precision=Precision.DAY):
    """As precisely as known: "2015–2018", "March 2014", "March 2014 – June 2016",
    "1–3 July 2024"."""
    if start is None:
        return ""
    if start_precision == end_precision == Precision.DAY:
        return date_range(start, end)
    first = format_date(start, start_precision)
    last = format_date(end, end_precision) if end else first
    if first == last:
        return first
    if start_precision == end_precision == Precision.YEAR:
        return f"{first}–{last}"
    return f"{first} – {last}"
