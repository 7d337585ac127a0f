"""A project's results page (team and managers): its periods, their values and the review loop.

The team records values and submits a period's; a manager or the project's project manager, other
than whoever submitted, approves them or returns them with a reason (`results.services`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from projects.dashboards import IndicatorValueCreateView, TeamProjectMixin
from projects.models import Indicator, IndicatorValue, PeriodTarget, Project, ReportingPeriod
from projects.periods import generate_periods
from results import services
from results.forms import ADD_PERIOD, GENERATE, GeneratePeriodsForm, PeriodForm, ReturnForm
from results.models import ValueReview


def results_url(project, period=None):
    url = reverse("results:project", args=[project.slug])
    return f"{url}#period-{period.pk}" if period else url


class ProjectResultsView(TeamProjectMixin, TemplateView):
    """GET: the periods with their values and review steps. POST: make or add periods
    (managers and the project's project managers)."""

    template_name = "results/project_results.html"

    def may_manage(self):
        return Project.objects.managed_by(self.request.user).filter(pk=self.project.pk).exists()

    def post(self, request, *args, **kwargs):
        if not self.may_manage():
            raise PermissionDenied
        if GENERATE in request.POST:
            form = GeneratePeriodsForm(request.POST)
            if form.is_valid():
                added = generate_periods(self.project, form.cleaned_data["frequency"])
                messages.success(request, _("%(count)s periods added.") % {"count": len(added)})
                return HttpResponseRedirect(results_url(self.project))
            return self.render_to_response(self.get_context_data(generate_form=form), status=400)
        form = PeriodForm(request.POST, instance=ReportingPeriod(project=self.project))
        if ADD_PERIOD in request.POST and form.is_valid():
            period = form.save()
            messages.success(request, _("Period %(period)s added.") % {"period": period})
            return HttpResponseRedirect(results_url(self.project, period))
        return self.render_to_response(self.get_context_data(period_form=form))

    def get_context_data(self, **kwargs):
        project, user = self.project, self.request.user
        may_manage = self.may_manage()
        indicators = list(
            Indicator.objects.filter(objective__project=project)
            .select_related("objective")
            .order_by("objective__position", "objective__code", "position", "pk")
        )
        periods = list(
            project.reporting_periods.prefetch_related(
                Prefetch(
                    "values",
                    queryset=IndicatorValue.objects.select_related("recorded_by").prefetch_related(
                        "splits__country"
                    ),
                ),
                Prefetch("targets", queryset=PeriodTarget.objects.all()),
                Prefetch(
                    "reviews",
                    queryset=ValueReview.objects.select_related("user").order_by("-at", "-pk"),
                ),
            )
        )
        return_form = kwargs.pop("return_form", None)
        for period in periods:
            by_indicator = {}
            for value in period.values.all():
                by_indicator.setdefault(value.indicator_id, []).append(value)
            targets = {t.indicator_id: t.target for t in period.targets.all()}
            period.rows = [
                (indicator, targets.get(indicator.pk), by_indicator.get(indicator.pk, []))
                for indicator in indicators
            ]
            values = [value for group in by_indicator.values() for value in group]
            period.steps = list(period.reviews.all())
            submission = next(
                (s for s in period.steps if s.action == ValueReview.Action.SUBMITTED), None
            )
            latest = period.steps[0] if period.steps else None
            period.returned = latest if latest and latest.action == "returned" else None
            period.may_submit = any(
                v.status in (IndicatorValue.Status.DRAFT, IndicatorValue.Status.RETURNED)
                for v in values
            )
            period.waiting = any(v.status == IndicatorValue.Status.SUBMITTED for v in values)
            period.may_review = (
                period.waiting
                and may_manage
                and (submission is None or submission.user_id != user.pk)
            )
            period.return_form = (
                return_form[1] if return_form and return_form[0] == period.pk else ReturnForm()
            )
        return super().get_context_data(
            project=project,
            periods=periods,
            indicators=indicators,
            may_manage=may_manage,
            generate_form=kwargs.pop("generate_form", GeneratePeriodsForm()),
            period_form=kwargs.pop(
                "period_form", PeriodForm(instance=ReportingPeriod(project=project))
            ),
            **kwargs,
        )


class PeriodActionView(TeamProjectMixin, View):
    """POST only: one step of the review loop on one period of the project."""

    http_method_names = ["post"]

    def get_period(self):
        return get_object_or_404(self.project.reporting_periods, pk=self.kwargs["pk"])


class PeriodSubmitView(PeriodActionView):
    def post(self, request, *args, **kwargs):
        period = self.get_period()
        try:
            services.submit(period, user=request.user)
        except services.ReviewRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request, _("Values of %(period)s submitted for review.") % {"period": period}
            )
        return HttpResponseRedirect(results_url(self.project, period))


class PeriodReviewView(PeriodActionView):
    """Approve (button `approve`) or return with a reason (button `return`)."""

    def post(self, request, *args, **kwargs):
        period = self.get_period()
        if not services.may_review(request.user, period):
            raise PermissionDenied
        try:
            if "approve" in request.POST:
                services.approve(period, user=request.user)
                messages.success(request, _("Values of %(period)s approved.") % {"period": period})
            else:
                form = ReturnForm(request.POST)
                if not form.is_valid():
                    view = ProjectResultsView(request=request, kwargs=kwargs, args=args)
                    view.project = self.project
                    context = view.get_context_data(return_form=(period.pk, form))
                    return view.render_to_response(context, status=400)
                services.send_back(period, user=request.user, reason=form.cleaned_data["reason"])
                messages.success(
                    request, _("Values of %(period)s returned to the team.") % {"period": period}
                )
        except services.ReviewRefused as refused:
            messages.error(request, str(refused))
        return HttpResponseRedirect(results_url(self.project, period))


class ValueUpdateView(IndicatorValueCreateView):
    """The team corrects a draft or returned value (typed ones: computed values follow their
    activities); it keeps its status until the period is submitted again."""

    def get_object(self):
        if not hasattr(self, "value"):
            self.value = get_object_or_404(
                IndicatorValue.objects.of_project(self.project)
                .open()
                .filter(computed=False)
                .select_related("indicator__objective"),
                pk=self.kwargs["pk"],
            )
        return self.value

    def get_indicator(self):
        self.indicator = self.get_object().indicator
        return self.indicator

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data())

    def get_initial(self):
        return {}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_object()  # CreateView's post forgets self.object
        return kwargs

    def form_valid(self, form):
        form.instance._change_reason = "Corrected"
        return super().form_valid(form)

    def get_success_url(self):
        return results_url(self.project, self.object.period)
