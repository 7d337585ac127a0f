"""The portfolio dashboard's filters: programme, country and funder, and a period."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from core.filters import CleanInputFilterSet
from core.forms import DateInput
from projects.models import Programme, Project
from stakeholders.models import Country, Institution


class PortfolioFilter(CleanInputFilterSet):
    """Apply to an already scoped queryset: `PortfolioFilter(data, queryset=qs)`."""

    programme = filters.ModelChoiceFilter(
        label=_("Programme"), queryset=Programme.objects.all(), to_field_name="slug"
    )
    country = filters.ModelChoiceFilter(
        label=_("Country or territory"),
        field_name="countries",
        queryset=Country.objects.all(),
        to_field_name="code",
        distinct=True,
    )
    funder = filters.ModelChoiceFilter(
        label=_("Funder"),
        field_name="fundings__funder",
        queryset=Institution.objects.funders().order_by("name"),
        to_field_name="slug",
        distinct=True,
    )

    # The period narrows the activities counted, not the projects listed (PortfolioDashboardView).
    start = filters.DateFilter(label=_("From"), method="keep", widget=DateInput())
    end = filters.DateFilter(label=_("To"), method="keep", widget=DateInput())

    class Meta:
        model = Project
        fields = ["programme", "country", "funder", "start", "end"]

    def keep(self, queryset, name, value):
        return queryset

    def period(self):
        """(start, end) of the activities to count, either None when left out."""
        if not self.is_bound or not self.is_valid():
            return None, None
        return self.form.cleaned_data.get("start"), self.form.cleaned_data.get("end")
