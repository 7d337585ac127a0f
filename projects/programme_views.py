"""Programme pages: public list and page; managers create and edit programmes."""

from collections import defaultdict

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from core.views import ManagersOnlyMixin
from projects.logframe_views import table_helper
from projects.models import Programme, Project
from projects.programme_forms import EnvelopeFormSet, FunderFormSet, PhaseFormSet, ProgrammeForm


class ProgrammeListView(ListView):
    template_name = "projects/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        readable = Project.objects.for_user(self.request.user)
        return Programme.objects.prefetch_related("phases").annotate(
            projects_count=Count("projects", filter=Q(projects__in=readable), distinct=True)
        )


class ProgrammeDetailView(DetailView):
    template_name = "projects/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return Programme.objects.all()

    def get_context_data(self, **kwargs):
        programme = self.object
        projects = (
            Project.objects.for_user(self.request.user)
            .filter(programme=programme)
            .prefetch_related("countries")
            .order_by("start_date", "title")
        )
        # Projects grouped by phase, then by beneficiary (a project in several countries is
        # listed under each).
        groups = defaultdict(lambda: defaultdict(list))
        for project in projects:
            for country in project.countries.all() or [None]:
                groups[project.phase][country].append(project)
        phase_names = [phase.name for phase in programme.phases.all()]
        ordered = sorted(
            groups,
            key=lambda n: (
                n not in phase_names,
                phase_names.index(n) if n in phase_names else 0,
                n,
            ),
        )
        by_phase = [
            (
                name,
                sorted(
                    groups[name].items(), key=lambda item: (item[0] is None, str(item[0] or ""))
                ),
            )
            for name in ordered
        ]
        computed = projects.order_by().aggregate(total=Sum("budget"))["total"]
        envelopes = programme.envelopes.select_related("phase", "country")
        spent = {
            (row["phase"], row["countries"]): row["total"]
            for row in projects.order_by()
            .values("phase", "countries")
            .annotate(total=Sum("budget"))
        }
        envelope_rows = [
            {
                "envelope": envelope,
                "projects_budget": spent.get(
                    (envelope.phase.name if envelope.phase else "", envelope.country_id)
                ),
            }
            for envelope in envelopes
        ]
        return super().get_context_data(
            phases=programme.phases.all(),
            funders=programme.funders.select_related("funder"),
            envelope_rows=envelope_rows,
            by_phase=by_phase,
            projects_count=len(projects),
            projects_budget=computed,
            **kwargs,
        )


class ProgrammeSetUpView(ManagersOnlyMixin, TemplateView):
    """One form and three formsets, saved together or not at all."""

    template_name = "projects/programme_form.html"
    programme = None

    def dispatch(self, request, *args, **kwargs):
        if "slug" in kwargs:
            self.programme = get_object_or_404(Programme, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def forms(self, data=None):
        programme = self.programme or Programme()
        return {
            "form": ProgrammeForm(data, instance=programme),
            "phases": PhaseFormSet(data, instance=programme, prefix="phases"),
            "funders": FunderFormSet(data, instance=programme, prefix="funders"),
            "envelopes": EnvelopeFormSet(data, instance=programme, prefix="envelopes"),
        }

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(**self.forms()))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            programme=self.programme, table_helper=table_helper(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        forms = self.forms(request.POST)
        if not all(form.is_valid() for form in forms.values()):
            return self.render_to_response(self.get_context_data(**forms))
        with transaction.atomic():
            programme = forms["form"].save()
            for name in ("phases", "funders", "envelopes"):
                forms[name].instance = programme
                forms[name].save()
        messages.success(request, _("Programme “%s” saved.") % programme.name)
        return HttpResponseRedirect(programme.get_absolute_url())
