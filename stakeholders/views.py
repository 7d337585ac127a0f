"""The institution directory and institution pages."""

from django.contrib.auth.decorators import login_required
from django.db.models.functions import Substr, Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView

from activities.models import Activity
from core import lookups
from core.access import is_manager
from core.views import FilteredListView, ScopedDetailMixin
from projects.models import Funding, Project, ProjectPartner
from stakeholders.filters import LETTERS, InstitutionFilter
from stakeholders.models import Institution

ACTIVITIES_ON_INSTITUTION_PAGE = 50


def can_see_contacts(user):
    """Contacts are personal data: staff accounts, managers and project team members only."""
    return user.is_authenticated and (
        user.is_staff or is_manager(user) or user.memberships.exists()
    )


class InstitutionListView(FilteredListView):
    model = Institution
    filterset_class = InstitutionFilter
    # Institutions only: a change to one bumps core.cache.ALL.
    cache_scopes = ["institutions"]
    filter_heading = _("Filter institutions")
    select_related = ["country", "parent"]
    template_name = "stakeholders/institution_list.html"
    paginate_by = 50
    extra_context = {"breadcrumbs": [(_("Institutions"), "")]}

    def get_context_data(self, **kwargs):
        initials = set(
            Institution.objects.annotate(initial=Upper(Substr("name", 1, 1)))
            .order_by()  # the list's order would make each name distinct: 5,000 rows, not 26
            .values_list("initial", flat=True)
            .distinct()
        )
        user = self.request.user
        return super().get_context_data(
            may_add=Project.objects.editable_by(user).exists(),
            may_add_countries=is_manager(user),
            letters=[(letter, letter in initials) for letter in LETTERS],
            current_letter=self.filterset.form.cleaned_data.get("letter")
            if self.filterset.is_valid()
            else "",
            **kwargs,
        )


class InstitutionDetailView(ScopedDetailMixin, DetailView):
    template_name = "stakeholders/institution_detail.html"

    def cache_scopes(self, institution):
        # Its activities and links say when they change; the projects' titles on any change.
        return [f"institution:{institution.pk}", "projects"]

    def get_queryset(self):
        return Institution.objects.select_related("country", "parent__country")

    def get_context_data(self, **kwargs):
        institution = self.object
        user = self.request.user
        readable = Project.objects.for_user(user)
        activities = (
            Activity.objects.for_user(user)
            .filter(institutions=institution)
            .select_related("project")
            .order_by("-start_date", "-pk")
        )
        show_contacts = can_see_contacts(user)
        return super().get_context_data(
            breadcrumbs=[(_("Institutions"), reverse("stakeholders:list")), (str(institution), "")],
            units=institution.units.select_related("country"),
            fundings=Funding.objects.filter(funder=institution, project__in=readable)
            .select_related("project")
            .order_by("-project__start_date"),
            partnerships=ProjectPartner.objects.filter(
                institution=institution, project__in=readable
            )
            .select_related("project")
            .order_by("-project__start_date", "role"),
            activities=activities[:ACTIVITIES_ON_INSTITUTION_PAGE],
            activity_count=activities.count(),
            activities_shown=ACTIVITIES_ON_INSTITUTION_PAGE,
            show_contacts=show_contacts,
            contacts=institution.contacts.all() if show_contacts else [],
            **kwargs,
        )


@login_required
@require_GET
@lookups.json_lookup
def institution_lookup(request, text):
    """The institution picker of the activity form searches through this.

    ?q=words: institutions whose name, acronym or country holds every word.
    """
    found = Institution.objects.matching(text).select_related("country").order_by("name", "pk")
    return [picker_result(institution) for institution in found[: lookups.RESULTS]]


def picker_result(institution):
    """An institution as the activity form's picker lists it (static/js/forms.js)."""
    return {
        "id": institution.pk,
        "label": str(institution),
        "group": str(institution.country or _("International")),
    }
