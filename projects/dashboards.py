"""Project and portfolio dashboards, and recording indicator values (issue 5)."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, ListView, TemplateView

from activities.models import Activity
from core import cache
from core.access import get_editable
from core.once import OneTimeSubmitMixin
from core.views import ManagersOnlyMixin
from projects import finance, maps, stats
from projects.dashboard_filters import PortfolioFilter
from projects.forms import IndicatorValueForm, PortfolioFilterFormHelper, SplitFormSetFactory
from projects.models import Indicator, IndicatorValue, Objective, Project
from projects.report_forms import PeriodForm
from stakeholders.models import Institution

STATUS_LABELS = dict(Activity.Status.choices)


def number(value):
    """A figure as JSON for Chart.js: Decimals as floats, nothing as null."""
    if isinstance(value, Decimal):
        return float(value)
    return value


# The colours of the status badges (Bootstrap's success, info and secondary).
STATUS_COLOURS = {
    Activity.Status.PLANNED: "#0dcaf0",
    Activity.Status.HELD: "#198754",
    Activity.Status.CANCELLED: "#6c757d",
}


def chart(title, label_header, labels, datasets, *, stacked=False, horizontal=False, counts=False):
    """A Chart.js bar chart and the same numbers as table rows, for `projects/_chart.html`.

    `datasets`: (name, values) or (name, values, colour); `counts`: whole-number ticks. A chart
    whose every figure is empty or zero has no rows (the page says "not known").
    """
    labels = [str(label) for label in labels]
    datasets = [(d[0], d[1], d[2] if len(d) > 2 else None) for d in datasets]
    value_axis, label_axis = ("x", "y") if horizontal else ("y", "x")
    scales = {value_axis: {"beginAtZero": True}, label_axis: {}}
    options = {"scales": scales}
    if horizontal:
        options["indexAxis"] = "y"
    if stacked:
        for axis in scales.values():
            axis["stacked"] = True
    if counts:
        scales[value_axis]["ticks"] = {"precision": 0}
    config = {
        "type": "bar",
        "data": {
            "labels": labels,
            "datasets": [
                {"label": str(name), "data": [number(v) for v in values]}
                | ({"backgroundColor": colour} if colour else {})
                for name, values, colour in datasets
            ],
        },
        "options": options,
    }
    known = any(value for _name, values, _colour in datasets for value in values)
    return {
        "title": title,
        "config": config,
        "headers": [label_header, *[name for name, _values, _colour in datasets]],
        "rows": [
            (label, [values[i] for _name, values, _colour in datasets])
            for i, label in enumerate(labels)
        ]
        if known
        else [],
    }


def status_datasets(rows):
    return [
        (STATUS_LABELS[status], [row[status] for row in rows], STATUS_COLOURS[status])
        for status in STATUS_LABELS
    ]


# The dashboards only read: outside a transaction, they save the BEGIN and COMMIT round trips
# (on PostgreSQL each query sees the data committed when it starts either way).
read_only = method_decorator(transaction.non_atomic_requests, name="dispatch")


class TeamProjectMixin(LoginRequiredMixin):
    """The project of the URL, for its team and managers (`self.project`).

    Visitors go to the login page; a signed-in user who may read the project but is not on its
    team gets a 403, one who may not read it a 404.
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        readable = Project.objects.for_user(request.user)
        self.project = get_editable(readable, request.user, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)


@read_only
class ProjectDashboardView(TeamProjectMixin, TemplateView):
    """The project's figures, over its whole life or a period (?start=&end=, either optional)."""

    template_name = "projects/dashboard.html"

    def get(self, request, *args, **kwargs):
        self.period_form = PeriodForm(
            request.GET if "start" in request.GET or "end" in request.GET else None
        )
        self.invalid = self.period_form.is_bound and not self.period_form.is_valid()
        self.start, self.end = (
            (None, None)
            if self.invalid or not self.period_form.is_bound
            else self.period_form.period()
        )
        response = super().get(request, *args, **kwargs)
        if self.invalid:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        # The same for the whole team: rendered once per content version, language, day and period.
        if self.invalid:
            figures = render_to_string(
                "projects/_dashboard_period.html", {"period_form": self.period_form}, self.request
            )
        else:
            figures = cache.kept(
                "project-dashboard", self.render_figures, self.project.pk, self.start, self.end
            )
        return super().get_context_data(project=self.project, figures=figures, **kwargs)

    def render_figures(self):
        context = {"project": self.project, "period_form": self.period_form, **self.figures()}
        return render_to_string("projects/_dashboard_figures.html", context, self.request)

    def figures(self):
        """Everything the dashboard shows, computed in the database."""
        project = self.project
        today = timezone.localdate()
        activities = Activity.objects.filter(project=project)
        if self.start:
            activities = activities.filter(start_date__gte=self.start)
        if self.end:
            activities = activities.filter(start_date__lte=self.end)
        # Fewest round trips: totals, kinds and months from one grouped query.
        totals, by_kind, by_month = stats.activity_breakdown(activities)
        by_month = stats.every_month(by_month, self.start, self.end)
        # The budget lines, spending and fundings from one query; the known funding summed here.
        money = finance.project_money(project, self.start, self.end)
        fundings = money.fundings
        known_funding = stats.sum_known(funding.amount for funding in fundings)
        institutions = stats.institutions_by_kind(project)
        kind_labels = dict(Activity.Kind.choices)
        institution_labels = dict(Institution.Kind.choices)
        for row in by_kind:
            row["label"] = kind_labels.get(row["kind"], row["kind"])
        for row in institutions:
            row["label"] = institution_labels.get(row["kind"], row["kind"])
        # Each objective's count and latest activities: a project may log hundreds.
        objectives = stats.with_latest_activities(
            Objective.objects.filter(project=project), only=stats.ACTIVITY_LINE_FIELDS
        ).prefetch_related(
            Prefetch("indicators", queryset=stats.indicators_with_progress(Indicator.objects.all()))
        )
        charts = {
            "kind": chart(
                _("Activities by kind"),
                _("Kind"),
                [row["label"] for row in by_kind],
                status_datasets(by_kind),
                stacked=True,
                horizontal=True,
                counts=True,
            ),
            "month": chart(
                _("Activities by month"),
                _("Month"),
                [date_format(row["month"], "YEAR_MONTH_FORMAT") for row in by_month],
                status_datasets(by_month),
                stacked=True,
                counts=True,
            ),
            "funding": chart(
                _("Known funding by funder"),
                _("Funder"),
                [funding.funder for funding in fundings],
                [
                    (
                        _("Amount (%(currency)s)") % {"currency": project.currency},
                        [funding.amount for funding in fundings],
                    )
                ],
                horizontal=True,
            ),
            "institutions": chart(
                _("Institutions engaged, by kind"),
                _("Kind"),
                [row["label"] for row in institutions],
                [(_("Institutions"), [row["count"] for row in institutions])],
                horizontal=True,
                counts=True,
            ),
        }
        years, total = finance.budget_and_spending(
            project, start=self.start, end=self.end, money=money
        )
        map_rows = maps.by_country(activities, Project.objects.filter(pk=project.pk))
        return dict(
            country_map={
                "title": _("Activities by country or territory"),
                "rows": map_rows,
                "data": maps.map_data(map_rows, _("Activities")),
            },
            start=self.start,
            end=self.end,
            today=today,
            years=years,
            total=total,
            time=stats.project_time(project, today),
            totals=totals,
            budget=project.budget,
            fundings=fundings,
            known_funding=known_funding,
            funding_percent=stats.percent(known_funding, project.budget),
            cost_percent=stats.percent(totals["cost_total"], project.budget),
            by_kind=by_kind,
            by_month=by_month,
            institutions=institutions,
            institutions_total=sum(row["count"] for row in institutions),
            objectives=objectives,
            **self.upcoming_and_recent(activities, today),
            charts=charts,
        )

    @staticmethod
    def upcoming_and_recent(activities, today, count=10):
        """The next `count` planned activities and the `count` last logged, in one query."""
        upcoming = activities.upcoming(today).values("pk")[:count]
        recent = activities.order_by("-created_at", "-pk").values("pk")[:count]
        both = list(
            activities.filter(Q(pk__in=upcoming) | Q(pk__in=recent))
            .select_related("created_by")
            .with_former_logger()
        )
        planned = [a for a in both if a.status == Activity.Status.PLANNED and a.end_date >= today]
        return {
            "upcoming": sorted(planned, key=lambda a: (a.start_date, a.pk))[:count],
            "recent": sorted(both, key=lambda a: (a.created_at, a.pk), reverse=True)[:count],
        }


@read_only
class PortfolioDashboardView(ManagersOnlyMixin, ListView):
    """Every project as a row, filtered by programme, country and funder; managers only.

    The rows come a page at a time (a portfolio runs to thousands of projects); the totals and
    charts cover every project the filters keep.
    """

    template_name = "projects/portfolio.html"
    context_object_name = "projects"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.filterset = PortfolioFilter(
            request.GET or None, queryset=Project.objects.for_user(request.user)
        )
        self.invalid = self.filterset.is_bound and not self.filterset.is_valid()
        # Every manager sees every project: one rendering per filter and page, for all of them.
        query = sorted(request.GET.lists())
        figures = cache.kept("portfolio", self.render_figures, query, self.invalid)
        context = {"view": self, "figures": figures}
        return TemplateResponse(
            request, self.template_name, context, status=400 if self.invalid else 200
        )

    def render_figures(self):
        self.object_list = self.get_queryset()
        context = self.get_context_data()
        return render_to_string("projects/_portfolio_figures.html", context, self.request)

    def projects(self):
        return Project.objects.none() if self.invalid else self.filterset.qs

    def get_queryset(self):
        return (
            stats.with_portfolio_figures(self.projects(), *self.filterset.period())
            .annotate(country_names=stats.country_names())
            .select_related("programme")
            .order_by("start_date", "title", "pk")
        )

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        paginator.count = self.totals["totals"]["projects"]  # known: no COUNT query
        return paginator

    def get_context_data(self, **kwargs):
        self.totals = self.figures()
        context = super().get_context_data(**kwargs)
        return {
            **context,
            **self.totals,
            "filter": self.filterset,
            "filter_helper": PortfolioFilterFormHelper(),
            "timeline": timeline(context["projects"]),
        }

    def figures(self):
        """The portfolio's totals and charts, computed in the database."""
        projects = self.projects()
        by_country = stats.totals_by_country(projects)
        by_funder = stats.totals_by_funder(projects)
        start, end = self.filterset.period()
        by_year = stats.every_year(
            stats.totals_by_year(projects, start, end),
            start and start.year,
            end and end.year,
        )
        charts = {
            "country": chart(
                _("Budget by country or territory"),
                _("Country or territory"),
                [
                    f"{row['name']}{'*' if row['footnote'] else ''} ({row['projects__currency']})"
                    for row in by_country
                ],
                [(_("Budget"), [row["budget"] or 0 for row in by_country])],
                horizontal=True,
            ),
            "funder": chart(
                _("Known funding by funder"),
                _("Funder"),
                [
                    f"{row['funder__acronym'] or row['funder_name']} ({row['project__currency']})"
                    for row in by_funder
                ],
                [(_("Amount"), [row["amount"] for row in by_funder])],
                horizontal=True,
            ),
            "year": chart(
                _("Activities by year"),
                _("Year"),
                [row["year"] for row in by_year],
                status_datasets(by_year),
                stacked=True,
                counts=True,
            ),
        }
        map_rows = maps.by_country(
            stats.in_period(Activity.objects.filter(project__in=projects.values("pk")), start, end),
            projects,
        )
        country_map = {
            "title": _("Activities and projects by country or territory"),
            "rows": map_rows,
            "data": maps.map_data(map_rows, _("Activities")),
        }
        return dict(
            country_map=country_map,
            totals=stats.portfolio_totals(projects, by_year),
            by_country=by_country,
            footnotes=sorted({row["footnote"] for row in by_country if row["footnote"]}),
            by_funder=by_funder,
            by_year=by_year,
            charts=charts,
            today=timezone.localdate(),
        )


def timeline(projects):
    """The projects' periods as a horizontal bar chart, with its table."""
    projects = list(projects)
    timeline = chart(
        _("Timeline of projects"),
        _("Project"),
        [project.title for project in projects],
        [(_("Period"), [[p.start_date.isoformat(), p.end_date.isoformat()] for p in projects])],
        horizontal=True,
    )
    timeline["config"]["portalTimeline"] = True
    timeline["headers"] = [_("Project"), _("Start"), _("End")]
    timeline["rows"] = [(p.title, [p.start_date, p.end_date]) for p in projects]
    return timeline


class IndicatorValueCreateView(TeamProjectMixin, OneTimeSubmitMixin, CreateView):
    """A team member records an indicator's value; back to the dashboard with a message."""

    model = IndicatorValue
    form_class = IndicatorValueForm

    def get_indicator(self):
        if not hasattr(self, "indicator"):
            # Computed indicators take their values from activities, never typed.
            self.indicator = get_object_or_404(
                Indicator.objects.filter(
                    objective__project=self.project, source=Indicator.Source.TYPED
                ).select_related("objective"),
                pk=self.kwargs["pk"],
            )
        return self.indicator

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = IndicatorValue(
            indicator=self.get_indicator(), recorded_by=self.request.user
        )
        return kwargs

    def get_initial(self):
        # From the results page: a value of that period, dated its last day (or today).
        day = timezone.localdate()
        pk = self.request.GET.get("period", "")
        period = self.project.reporting_periods.filter(pk=pk).first() if pk.isdigit() else None
        if period is not None and not period.contains(day):
            day = period.end
        return {"date": day}

    def get_splits(self, form):
        total = form.cleaned_data.get("value") if form.is_bound and form.is_valid() else None
        return SplitFormSetFactory(
            self.request.POST or None, instance=form.instance, total=total, prefix="splits"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            project=self.project, indicator=self.get_indicator(), **kwargs
        )
        context.setdefault("splits", self.get_splits(context["form"]))
        return context

    def form_valid(self, form):
        # A POST without the parts (a script, the permission table's) records the value alone.
        splits = self.get_splits(form) if "splits-TOTAL_FORMS" in self.request.POST else None
        if splits is not None and not splits.is_valid():
            return self.render_to_response(self.get_context_data(form=form, splits=splits))
        response = super().form_valid(form)
        if splits is not None:
            splits.instance = self.object
            splits.save()
        messages.success(
            self.request,
            gettext("Recorded %(value)s for “%(indicator)s” on %(date)s.")
            % {
                "value": form.instance.value,
                "indicator": self.indicator.name,
                "date": date_format(form.instance.date),
            },
        )
        return response

    def get_success_url(self):
        url = reverse("projects:dashboard", args=[self.project.slug])
        return f"{url}#indicator-{self.indicator.pk}"
