"""Display helpers for activities and news: date ranges and participant figures.

Territory footnotes (Kosovo*) are added to every page by stakeholders.middleware.
"""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import dates

register = template.Library()


@register.filter
def date_range(start, end=None):
    """One day or a range, shortest form: "1–3 July 2024", "30 June – 2 July 2024"."""
    return dates.date_range(start, end)


@register.filter
def activity_dates(activity):
    """`{{ activity|activity_dates }}`: the activity's day or days."""
    return dates.format_period(
        activity.start_date, activity.start_precision, activity.end_date, activity.end_precision
    )


@register.filter
def participants(activity):
    """ "30 (18 women, 12 men)", "about 40", or "" when nobody counted."""
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
    counted = activity.qualified_count(_number(total))
    if not breakdown:
        return counted
    return _("%(total)s (%(breakdown)s)") % {
        "total": counted,
        "breakdown": ", ".join(breakdown),
    }


def _number(value):
    return number_format(value, force_grouping=True)


@register.filter
def days(count):
    """ "1 day", "2.5 days" (halves as the language writes them: "2,5 jours")."""
    shown = number_format(count, decimal_pos=0 if count == int(count) else 1)
    return ngettext("%(count)s day", "%(count)s days", int(count)) % {"count": shown}
