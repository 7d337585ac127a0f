"""The project select of the activity and news forms and filters, whatever the portfolio's size.

A portal with a few dozen projects lists them all. One with hundreds lists the LISTED_PROJECTS
most recent (and the chosen one), and marks the select for static/js/forms.js, which adds a
search box finding any other through `projects:lookup`: a thousand options made every activity
and news page, and every cached copy of it, ten times longer.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.models import Project

LISTED_PROJECTS = 50


def project_options(projects, *, value="pk", chosen=None):
    """(value, title) pairs by title, and whether the list was cut to the most recent projects.

    Every project of `projects` when there are at most LISTED_PROJECTS; else the most recent
    ones (by start date) and the project whose `value` is `chosen`, if it is among `projects`.
    """
    by_title = projects.order_by("title", "pk").values_list(value, "title", "code", "start_date")
    options = labelled(by_title[: LISTED_PROJECTS + 1])
    if len(options) <= LISTED_PROJECTS:
        return options, False
    # Through a plain id list: `projects` may be DISTINCT (a team member's), which cannot be
    # ordered by a column it does not select.
    recent = Project.objects.filter(pk__in=projects.values("pk")).order_by("-start_date", "-pk")
    shown = Q(pk__in=recent.values("pk")[:LISTED_PROJECTS])
    if chosen not in (None, ""):
        shown |= Q(**{value: chosen})
    return labelled(by_title.filter(shown)), True


def labelled(rows):
    return Project.option_labels(rows)


def fill_project_select(field, projects, *, value="pk", chosen=None, editable=False):
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
