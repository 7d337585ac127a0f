"""Display helpers for activities and news: date ranges and participant figures.

Territory footnotes (Kosovo*) are added to every page by stakeholders.middleware.
"""

from django import template
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

# Day-month-year reads right in British English and in French ("1 July 2024", "1 juillet 2024").
DAY_MONTH_YEAR = "j F Y"


@register.filter
def date_range(start, end=None):
    """One day or a range, shortest form: "1–3 July 2024", "30 June – 2 July 2024"."""
    if start is None:
        return ""
    if not end or end == start:
        return date_format(start, DAY_MONTH_YEAR)
    if (start.year, start.month) == (end.year, end.month):
        first = date_format(start, "j")
        return f"{first}–{date_format(end, DAY_MONTH_YEAR)}"
    first = date_format(start, "j F" if start.year == end.year else DAY_MONTH_YEAR)
    return f"{first} – {date_format(end, DAY_MONTH_YEAR)}"


@register.filter
def activity_dates(activity):
    """`{{ activity|activity_dates }}`: the activity's day or days."""
    return date_range(activity.start_date, activity.end_date)


@register.filter
def participants(activity):
    """ "30 (18 women, 12 men)", "30", or "" when nobody counted."""
    total = activity.participants_total
    if total is None:
        return ""
    breakdown = []
    women, men = activity.participants_women, activity.participants_men
    if women is not None:
        breakdown.append(
            ngettext("%(count)s woman", "%(count)s women", women) % {"count": _number(women)}
        )
    if men is not None:
        breakdown.append(ngettext("%(count)s man", "%(count)s men", men) % {"count": _number(men)})
    if not breakdown:
        return _number(total)
    return _("%(total)s (%(breakdown)s)") % {
        "total": _number(total),
        "breakdown": ", ".join(breakdown),
    }


def _number(value):
    return number_format(value, force_grouping=True)
