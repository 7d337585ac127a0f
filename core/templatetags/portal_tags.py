"""The template tags every page uses: breadcrumbs, the language switch, money, page links."""

from decimal import Decimal, InvalidOperation

from django import template
from django.urls import translate_url
from django.utils import formats, numberformat

from core.access import is_manager

register = template.Library()


@register.filter
def money(amount, currency=""):
    """`{{ project.budget|money:project.currency }}`: "900,000 EUR", in French "900 000 EUR".

    Grouped with the active language's thousand separator even though USE_THOUSAND_SEPARATOR
    is off; cents only when there are some; an em dash when the amount is not known.
    """
    if amount is None or amount == "":
        return "—"
    try:
        amount = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        return "—"
    places = 0 if amount == amount.to_integral_value() else 2
    number = numberformat.format(
        amount,
        formats.get_format("DECIMAL_SEPARATOR"),
        decimal_pos=places,
        grouping=formats.get_format("NUMBER_GROUPING"),
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    return f"{number} {currency}".strip()


@register.filter
def grouped(number):
    """An integer with the active language's thousand separator: 1,234 / 1 234."""
    return money(number)


@register.filter(name="is_manager")
def is_manager_filter(user):
    """`{% if user|is_manager %}`: managers (and admins) reach the portfolio dashboard."""
    return is_manager(user)


@register.simple_tag
def trail(*pairs):
    """Build breadcrumbs in a template: `{% trail label url label url ... as crumbs %}`.

    The last label is the current page; its url may be "".
    """
    return [(pairs[i], pairs[i + 1] if i + 1 < len(pairs) else "") for i in range(0, len(pairs), 2)]


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """This page's address in `language` ("/fr/projects/..."), query string kept.

    A plain link (not Django's POST set_language form) keeps visitor pages free of CSRF
    tokens, so they can be cached for everyone.
    """
    request = context["request"]
    path = translate_url(request.path, language)
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers to link around the current one, with None for each gap ("1 2 … 9 10")."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
