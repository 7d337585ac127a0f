"""The institution directory's filters."""

import string

import django_filters as filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import ANY, CleanInputFilterSet, FilterForm, TextFilter
from stakeholders.models import Country, Institution

LETTERS = list(string.ascii_uppercase)


class InstitutionFilter(CleanInputFilterSet):
    q = TextFilter(fields=["name", "acronym", "description"], label=_("Name"))
    kind = filters.ChoiceFilter(label=_("Kind"), choices=Institution.Kind.choices, empty_label=ANY)
    country = filters.ModelChoiceFilter(
        label=_("Country or territory"),
        queryset=Country.objects.filter(institutions__isnull=False).distinct(),
        to_field_name="code",
        empty_label=ANY,
    )
    letter = filters.ChoiceFilter(
        label=_("Initial"),
        choices=[(letter, letter) for letter in LETTERS],
        method="filter_letter",
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Institution
        fields = ["q", "kind", "country", "letter"]
        form = FilterForm

    def filter_letter(self, queryset, name, value):
        return queryset.filter(name__istartswith=value)
