"""The portfolio's results (public): shared indicators summed through the programme hierarchy.

Project indicators that link to a shared definition ("people trained", in "people") and share its
unit add up per programme and in all; each counts its approved figure only (the latest approved
value, or their running total for a cumulative indicator).
"""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from projects import stats
from projects.models import Indicator, IndicatorDefinition, IndicatorValue, Project


def roll_up(projects):
    """[{definition, total, target, programmes: [{programme, total, target, projects: [...]}]}].

    Two queries, however many projects and indicators; indicators whose unit differs from their
    definition's are left out (and counted in `left_out`).
    """
    definitions = list(IndicatorDefinition.objects.order_by("name"))
    indicators = stats.indicators_with_progress(
        Indicator.objects.filter(
            definition__isnull=False, objective__project__in=projects
        ).select_related("objective__project__programme"),
        values=IndicatorValue.objects.approved(),
    ).order_by("objective__project__title", "pk")
    by_definition = defaultdict(list)
    for indicator in indicators:
        by_definition[indicator.definition_id].append(indicator)
    rows = []
    for definition in definitions:
        programmes, left_out = {}, 0
        for indicator in by_definition.get(definition.pk, []):
            if indicator.unit.strip().lower() != definition.unit.strip().lower():
                left_out += 1
                continue
            project = indicator.objective.project
            group = programmes.setdefault(
                project.programme_id,
                {"programme": project.programme, "projects": {}, "total": 0, "target": 0},
            )
            row = group["projects"].setdefault(
                project.pk, {"project": project, "total": 0, "target": 0}
            )
            for part in (row, group):
                part["total"] += indicator.achieved or 0
                part["target"] += indicator.target or 0
        groups = sorted(
            programmes.values(),
            key=lambda g: (g["programme"] is None, str(g["programme"] or "")),
        )
        for group in groups:
            group["projects"] = list(group["projects"].values())
        rows.append(
            {
                "definition": definition,
                "programmes": groups,
                "total": sum(g["total"] for g in groups),
                "target": sum(g["target"] for g in groups),
                "left_out": left_out,
            }
        )
    return rows


class PortfolioResultsView(TemplateView):
    template_name = "results/portfolio_results.html"
    extra_context = {"breadcrumbs": [(_("Results"), "")], "section": "results"}

    def get_context_data(self, **kwargs):
        projects = Project.objects.for_user(self.request.user)
        return super().get_context_data(rows=roll_up(projects), **kwargs)
