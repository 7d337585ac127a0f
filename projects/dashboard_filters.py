"""The portfolio dashboard's filters: programme, country and funder."""

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from core.filters import CleanInputFilterSet
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

    class Meta:
        model = Project
        fields = ["programme", "country", "funder"]
