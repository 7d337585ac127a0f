"""The logframe editor: a project's chain of levels, components, lines and indicators.

Managers and the project's project managers change it (`Project.objects.managed_by`); the rest
of the team reads the logframe on the project page and the dashboard.
"""

from crispy_forms.helper import FormHelper
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from projects.dashboards import TeamProjectMixin
from projects.logframe_forms import ComponentFormSet, IndicatorFormSet, LevelsForm, LineFormSet
from projects.models import Project


def table_helper():
    helper = FormHelper()
    helper.form_tag = False
    helper.template = "bootstrap5/table_inline_formset.html"
    return helper


class LogframeView(TeamProjectMixin, TemplateView):
    template_name = "projects/logframe.html"

    def check_managed(self):
        if not Project.objects.managed_by(self.request.user).filter(pk=self.project.pk).exists():
            raise PermissionDenied

    def forms(self, data=None):
        project = self.project
        levels = LevelsForm(data, instance=project, prefix="levels")
        if data is not None and levels.is_valid():
            # The lines are checked against the chain being saved.
            project.logframe_levels = levels.cleaned_data["logframe_levels"]
        return {
            "levels_form": levels,
            "components": ComponentFormSet(data, instance=project, prefix="components"),
            "lines": LineFormSet(data, instance=project, prefix="lines"),
            "indicators": IndicatorFormSet(data, project=project, prefix="indicators"),
        }

    def get(self, request, *args, **kwargs):
        self.check_managed()
        return self.render_to_response(self.get_context_data(**self.forms()))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            project=self.project,
            table_helper=table_helper(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.check_managed()
        forms = self.forms(request.POST)
        if not all(form.is_valid() for form in forms.values()):
            return self.render_to_response(self.get_context_data(**forms))
        with transaction.atomic():
            self.project.save(update_fields=["logframe_levels", "updated_at"])
            forms["components"].save()
            forms["lines"].save()
            forms["indicators"].save()
        messages.success(request, _("The logframe is saved."))
        return HttpResponseRedirect(request.path)
