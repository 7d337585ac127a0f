"""Display helpers for the dashboards: percentages and figures that may be unknown."""

from datetime import date
from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from core.templatetags.portal_tags import figure

register = template.Library()


@register.filter
def pct(value, digits=0):
    """A percentage rounded to `digits`; an em dash when it cannot be computed."""
    if value is None:
        return "—"
    return f"{number_format(round(float(value), int(digits)), int(digits))} %"


@register.filter
def bounded(value, top=100):
    """Clamp a percentage to 0..top, for a <progress> bar."""
    if value is None:
        return 0
    return max(0, min(float(value), float(top)))


@register.filter
def recorded(value):
    """A participant count, or "not recorded" when the activity has none."""
    if value is None:
        return _("not recorded")
    return figure(value)


@register.filter
def cell(value):
    """A chart table cell: dates formatted, numbers grouped, nothing as an em dash."""
    if value is None:
        return "—"
    if isinstance(value, date):
        return date_format(value)
    if isinstance(value, Decimal | int | float):
        return figure(value)
    return value
