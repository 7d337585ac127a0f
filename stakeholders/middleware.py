"""Territory footnotes (Kosovo*), added once to every HTML page that names a footnoted territory."""

from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _

from stakeholders.models import Country

MARKER = b"<!--territory-footnotes-->"


class TerritoryFootnoteMiddleware:
    """Fill the footer's marker with the footnote of each territory whose "name*" is on the page.

    Working on the finished response covers every template (titles, text fields, partials,
    other apps' pages) without each view having to know which countries it showed. The page
    pays one small query, and only when it contains an asterisk.
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
        content = response.content
        notes = []
        if b"*" in content:
            for country in Country.objects.exclude(footnote="").only("code", "name", "footnote"):
                named = f"{escape(country.name)}*".encode()
                already = escape(country.footnote).encode() in content.replace(MARKER, b"")
                if named in content and not already:
                    notes.append((country.code.lower(), country.footnote))
        response.content = content.replace(MARKER, self.render(notes).encode(), 1)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response

    @staticmethod
    def render(notes):
        if not notes:
            return ""
        items = format_html_join("", '<p class="footnote mb-1" id="footnote-{}">* {}</p>', notes)
        return format_html(
            '<aside class="footnotes mb-3" aria-label="{}">{}</aside>', _("Footnotes"), items
        )
