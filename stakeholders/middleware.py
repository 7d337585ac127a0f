"""Territory footnotes (Kosovo*), added once to every HTML page that names a footnoted territory."""

import re

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from stakeholders.models import Country

MARKER = b"<!--territory-footnotes-->"
# "Kosovo*": an asterisk right after a word, not a form's required-field "<span>*</span>".
NAMED_WITH_ASTERISK = re.compile(rb"[^\s>*]\*")
CACHE_KEY = "territory-footnotes"
CACHE_SECONDS = 300


def cache_key(language):
    return f"{CACHE_KEY}-{language}"


def footnoted_territories():
    """(code, name, footnote) of every footnoted territory in the active language; cached."""
    key = cache_key(get_language())
    territories = cache.get(key)
    if territories is None:
        territories = [
            (c.code, c.name, c.footnote)
            for c in Country.objects.exclude(footnote_en="").exclude(footnote_en=None)
        ]
        cache.set(key, territories, CACHE_SECONDS)
    return territories


@receiver([post_save, post_delete], sender=Country)
def forget_footnoted_territories(**kwargs):
    # Changes made outside a web process (a management command) expire after CACHE_SECONDS.
    cache.delete_many([cache_key(code) for code, _name in settings.LANGUAGES])


class TerritoryFootnoteMiddleware:
    """Fill the footer's marker with the footnote of each territory whose "name*" is on the page.

    Working on the finished response covers every template (titles, text fields, partials,
    other apps' pages) without each view having to know which countries it showed. The list of
    footnoted territories is cached and only looked at when a word on the page ends in "*".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or MARKER not in response.content
        ):
            return response
        response.content = with_footnotes(response.content)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


def with_footnotes(content):
    """The HTML `content` (bytes) with its MARKER replaced by the footnote of each territory it
    names with the asterisk (pages, and documents rendered from HTML such as the PDF report)."""
    notes = []
    if NAMED_WITH_ASTERISK.search(content):
        for code, name, footnote in footnoted_territories():
            named = f"{escape(name)}*".encode()
            already = escape(footnote).encode() in content.replace(MARKER, b"")
            if named in content and not already:
                notes.append((code.lower(), footnote))
    return content.replace(MARKER, render_footnotes(notes).encode(), 1)


def render_footnotes(notes):
    if not notes:
        return ""
    items = format_html_join("", '<p class="footnote mb-1" id="footnote-{}">* {}</p>', notes)
    return format_html(
        '<aside class="footnotes mb-3" aria-label="{}">{}</aside>', _("Footnotes"), items
    )
