"""Staff pages of the directory: add an institution (team members and managers), add a country
or territory (managers).

The institution form also opens inside the activity form's institution picker (static/js/forms.js
asks for ?picker=1): it then answers with the form alone, and with the new institution as JSON
(201) once saved, so that the picker ticks it.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, ListView

from activities.editing import OnATeamMixin
from core.access import is_manager
from core.once import OneTimeSubmitMixin
from core.views import ManagersOnlyMixin
from stakeholders import services
from stakeholders.forms import CountryForm, InstitutionForm
from stakeholders.models import Contact, Country
from stakeholders.views import picker_result

PICKER = "picker"


class InstitutionCreateView(OnATeamMixin, OneTimeSubmitMixin, CreateView):
    form_class = InstitutionForm

    @property
    def in_picker(self):
        return self.request.GET.get(PICKER) == "1"

    def get_template_names(self):
        if self.in_picker:
            return ["stakeholders/_institution_form.html"]
        return ["stakeholders/institution_form.html"]

    def get_form_kwargs(self):
        cancel_url = None if self.in_picker else reverse("stakeholders:list")
        # Ids of their own: in the picker the form shares its page with the activity form.
        return {**super().get_form_kwargs(), "cancel_url": cancel_url, "auto_id": "institution_%s"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            in_picker=self.in_picker,
            breadcrumbs=[
                (_("Institutions"), reverse("stakeholders:list")),
                (_("Add an institution"), ""),
            ],
            **kwargs,
        )

    def form_valid(self, form):
        self.object = services.institution_create(user=self.request.user, **form.record_data())
        if self.in_picker:
            return JsonResponse(picker_result(self.object), status=201)
        messages.success(self.request, _("“%s” is in the directory.") % self.object)
        return HttpResponseRedirect(self.object.get_absolute_url())


class CountryListView(ManagersOnlyMixin, ListView):
    """The countries and territories in the portal, with their names in both languages."""

    model = Country
    template_name = "stakeholders/country_list.html"
    context_object_name = "countries"
    extra_context = {"breadcrumbs": [(gettext_lazy("Countries and territories"), "")]}

    def get_queryset(self):
        return Country.objects.order_by("name")


class CountryCreateView(ManagersOnlyMixin, OneTimeSubmitMixin, CreateView):
    form_class = CountryForm
    template_name = "stakeholders/country_form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            breadcrumbs=[
                (_("Countries and territories"), reverse("stakeholders:countries")),
                (_("Add a country or territory"), ""),
            ],
            **kwargs,
        )

    def form_valid(self, form):
        country = services.country_create(user=self.request.user, **form.record_data())
        messages.success(self.request, _("%s added.") % country)
        return HttpResponseRedirect(reverse("stakeholders:countries"))


@require_POST
def contact_erase(request, pk):
    """Managers: erase a contact (personal data) with its history, on request of that person."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_manager(request.user):
        raise PermissionDenied
    contact = get_object_or_404(Contact.objects.select_related("institution"), pk=pk)
    institution = contact.institution
    services.contact_erase(contact, user=request.user)
    messages.success(request, _("The contact is erased, with its history."))
    return HttpResponseRedirect(institution.get_absolute_url())
