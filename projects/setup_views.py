"""Project set-up: managers create projects; managers and the team's project managers edit them."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.views import ManagersOnlyMixin
from projects.logframe_views import table_helper
from projects.models import Project
from projects.setup_forms import BudgetLineFormSet, FundingFormSet, PartnerFormSet, ProjectForm


class ProjectSetUpMixin:
    """One form and three formsets, saved together or not at all."""

    template_name = "projects/project_form.html"
    project = None

    def forms(self, data=None):
        project = self.project or Project()
        return {
            "form": ProjectForm(data, instance=project),
            "fundings": FundingFormSet(data, instance=project, prefix="fundings"),
            "partners": PartnerFormSet(data, instance=project, prefix="partners"),
            "budget_lines": BudgetLineFormSet(data, instance=project, prefix="budget_lines"),
        }

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(**self.forms()))

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, table_helper=table_helper(), **kwargs)

    def post(self, request, *args, **kwargs):
        forms = self.forms(request.POST)
        if not all(form.is_valid() for form in forms.values()):
            return self.render_to_response(self.get_context_data(**forms))
        with transaction.atomic():
            project = forms["form"].save()
            for name in ("fundings", "partners", "budget_lines"):
                forms[name].instance = project
                forms[name].save()
        messages.success(request, _("Project “%s” saved.") % project.title)
        return HttpResponseRedirect(project.get_absolute_url())


class ProjectCreateView(ManagersOnlyMixin, ProjectSetUpMixin, TemplateView):
    pass


class ProjectUpdateView(LoginRequiredMixin, ProjectSetUpMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        readable = Project.objects.for_user(request.user)
        self.project = get_object_or_404(readable, slug=kwargs["slug"])
        if not Project.objects.managed_by(request.user).filter(pk=self.project.pk).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
