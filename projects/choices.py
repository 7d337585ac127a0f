"""The project select of staff forms and list filters, whatever the size of the portfolio.

A portal with a few dozen projects lists them all. One with hundreds lists the LISTED_PROJECTS
most recent (and the chosen one), and marks the select for static/js/forms.js, which adds a
search box finding any other through `projects:lookup`: a thousand options made every activity
and news page, and every cached copy of it, ten times longer.
"""

from html import escape

from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from projects.models import Project

LISTED_PROJECTS = 50
MAX_ID = 2**63 - 1


class ProjectSelect(forms.Select):
    """A select rendered in one pass: Django renders each option through a template include.

    Same markup as forms.Select, without option groups.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        # The standard library's escape: Django's (lazy-aware) one costs more than the markup.
        options = "".join(
            f'<option value="{escape(str(option["value"]))}"'
            f"{' selected' if option['selected'] else ''}>{escape(str(option['label']))}</option>"
            for _group, options, _index in widget["optgroups"]
            for option in options
        )
        options = mark_safe(options)  # noqa: S308 (every value and label escaped above)
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options
        )


def project_options(projects, *, value="pk", chosen=None):
    """(value, title) pairs by title, and whether the list was cut to the most recent projects.

    Every project of `projects` when there are at most LISTED_PROJECTS; else the most recent
    ones (by start date) and the project whose `value` is `chosen`, if it is among `projects`.
    """
    by_title = projects.order_by("title", "pk").values_list(value, "title")
    options = list(by_title[: LISTED_PROJECTS + 1])
    if len(options) <= LISTED_PROJECTS:
        return options, False
    # Through a plain id list: `projects` may be DISTINCT (a team member's), which cannot be
    # ordered by a column it does not select.
    recent = Project.objects.filter(pk__in=projects.values("pk")).order_by("-start_date", "-pk")
    shown = Q(pk__in=recent.values("pk")[:LISTED_PROJECTS])
    if chosen not in (None, ""):
        shown |= Q(**{value: chosen})
    return list(by_title.filter(shown)), True


def offer_projects(field, projects, *, value="pk", chosen=None, editable=False):
    """Put `projects` in `field`'s select, cut and searchable when there are many.

    `chosen` is the submitted or preselected value (pk or slug, as `value` says), kept in the
    list; `editable` makes the search find only projects the user may log records for.
    Returns the options listed.
    """
    options, cut = project_options(projects, value=value, chosen=chosen)
    field.widget.choices = [("", field.empty_label), *options]
    if cut:
        lookup = reverse("projects:lookup") + ("?editable=1" if editable else "")
        field.widget.attrs.update(
            {
                "data-lookup-url": lookup,
                "data-lookup-value": "id" if value == "pk" else value,
                "data-search-label": _("Search all projects by title or code"),
                "data-count-label": _("Projects found: %(count)s"),
            }
        )
        field.help_text = _("The %(count)d most recent projects are listed.") % {
            "count": LISTED_PROJECTS
        }
    return options


def as_id(value):
    """A submitted record id (or a record) as an int, or None when it cannot be one."""
    text = str(getattr(value, "pk", value) or "").strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    return int(text) if text.isdecimal() and int(text) <= MAX_ID else None
