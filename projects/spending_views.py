"""A project's spending page: budget, spent and remaining per year; the team records expenditure.

The team and managers only (`dashboards.TeamProjectMixin`: visitors to the sign-in page, readers
who are not on the team a 403, others a 404).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, UpdateView

from activities.forms import ConfirmDeleteForm
from core.once import OneTimeSubmitMixin
from projects import finance
from projects.dashboards import TeamProjectMixin
from projects.models import Expenditure
from projects.spending_forms import ExpenditureForm


class ProjectExpenditureMixin(TeamProjectMixin):
    model = Expenditure

    def get_queryset(self):
        return Expenditure.objects.filter(project=self.project)

    def get_success_url(self):
        return reverse("projects:expenditure", args=[self.project.slug])

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)


class ExpenditureView(ProjectExpenditureMixin, OneTimeSubmitMixin, CreateView):
    """The figures, every expenditure recorded, and the form to record one more."""

    form_class = ExpenditureForm
    template_name = "projects/expenditure.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Expenditure(project=self.project, recorded_by=self.request.user)
        return kwargs

    def get_context_data(self, **kwargs):
        years, total = finance.budget_and_spending(self.project)
        return super().get_context_data(
            years=years,
            total=total,
            expenditures=self.get_queryset().select_related("recorded_by"),
            **kwargs,
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Recorded %(amount)s %(currency)s spent on %(date)s.")
            % {
                "amount": form.instance.amount,
                "currency": self.project.currency,
                "date": date_format(form.instance.date),
            },
        )
        return response


class ExpenditureUpdateView(ProjectExpenditureMixin, UpdateView):
    form_class = ExpenditureForm
    template_name = "projects/expenditure_form.html"

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submit_label": _("Save")}

    def form_valid(self, form):
        messages.success(self.request, _("The expenditure was saved."))
        return super().form_valid(form)


class ExpenditureDeleteView(ProjectExpenditureMixin, DeleteView):
    form_class = ConfirmDeleteForm
    template_name = "projects/expenditure_confirm_delete.html"

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cancel_url": self.get_success_url()}

    def form_valid(self, form):
        messages.success(self.request, _("The expenditure was deleted."))
        return super().form_valid(form)
