"""The template tags every page uses: breadcrumbs, the language switch, money, page links,
and the marks of content shown in English for want of a French text."""

import zlib
from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats, numberformat
from django.utils.html import format_html
from django.utils.translation import get_language

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
def figure(number):
    """A figure as people write it, with no spurious decimals: "39", "2.5", "1,234.75" (in
    French "1 234,75"); an em dash when it is not known."""
    if number is None or number == "":
        return "—"
    try:
        number = Decimal(str(number)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return number
    places = (
        0 if number == number.to_integral_value() else len(str(number).rstrip("0").split(".")[1])
    )
    return numberformat.format(
        number,
        formats.get_format("DECIMAL_SEPARATOR"),
        decimal_pos=places,
        grouping=formats.get_format("NUMBER_GROUPING"),
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


@register.filter
def grouped(number):
    """An integer with the active language's thousand separator: 1,234 / 1 234."""
    return figure(number)


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


# Content in two languages (django-modeltranslation): a field without French text is shown in
# English on a French page; its element says so with lang="en", and the page says it once.


def fell_back(record, field):
    """True when `field` of `record` shows its English text because the active language has none."""
    language = get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default or record is None:
        return False
    return not getattr(record, f"{field}_{language}", "") and bool(
        getattr(record, f"{field}_{default}", "")
    )


@register.simple_tag(takes_context=True)
def lang_of(context, record, field):
    """' lang="en"' for the element showing `field` when it falls back to English; else ''.

    Used as <h1{% lang_of project "title" %}>{{ project.title }}</h1>; the page's notice
    ({% english_only_notice %}) then appears once.
    """
    if not fell_back(record, field):
        return ""
    request = context.get("request")
    if request is not None:
        request.shows_english_fallback = True
    return format_html(' lang="{}"', settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


@register.inclusion_tag("includes/_english_only_notice.html", takes_context=True)
def english_only_notice(context):
    """The notice that some content is in English only, when a field on the page fell back."""
    request = context.get("request")
    return {"shown": bool(getattr(request, "shows_english_fallback", False))}


@register.filter
def error_anchor(bound_field):
    """The id an error summary's link leads to: the field's box, else its first box (a date's
    day, a list's first checkbox), else crispy's wrapper of the field."""
    first_box_id = getattr(bound_field.field.widget, "first_box_id", None)
    if first_box_id is not None:
        return first_box_id(bound_field.auto_id)
    if bound_field.id_for_label:
        return bound_field.id_for_label
    subwidgets = bound_field.subwidgets
    if subwidgets and subwidgets[0].id_for_label:
        return subwidgets[0].id_for_label
    return f"div_{bound_field.auto_id}"


@register.inclusion_tag("includes/_calendar_links.html", takes_context=True)
def calendar_links(context, url, label=""):
    """An iCalendar's download link, its webcal:// subscription link and its address to copy."""
    address = context["request"].build_absolute_uri(url)
    return {
        "url": url,
        "address": address,
        "webcal": "webcal://" + address.split("://", 1)[1],
        "label": label,
        "box_id": f"calendar-address-{zlib.crc32(url.encode())}",
    }
