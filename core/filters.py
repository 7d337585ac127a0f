"""Filter pieces every list page uses (django-filter)."""

import django_filters as filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ANY = _("Any")


class FilterForm(forms.Form):
    """The form behind a FilterSet: rendered by crispy, sent by GET, so no CSRF token."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.attrs = {"role": "search"}
        self.helper.add_input(Submit("", _("Filter"), css_class="btn-primary"))
        for field in self.fields.values():
            if isinstance(field.widget, filters.widgets.RangeWidget):
                # Two inputs under one legend: each needs its own accessible name.
                field.widget.widgets[0].attrs["aria-label"] = _("From")
                field.widget.widgets[1].attrs["aria-label"] = _("To")


class CleanInputFilterSet(filters.FilterSet):
    """A FilterSet that drops NUL characters from the query string before validating it.

    Django's fields reject them, but the form would echo them back into the page.
    """

    def __init__(self, data=None, *args, **kwargs):
        if hasattr(data, "setlist"):  # a QueryDict: request.GET
            data = data.copy()
            for key in list(data):
                data.setlist(key, [value.replace("\x00", "") for value in data.getlist(key)])
        elif data is not None:
            data = {
                key: value.replace("\x00", "") if isinstance(value, str) else value
                for key, value in data.items()
            }
        super().__init__(data, *args, **kwargs)

    @property
    def invalid(self):
        """Bound to a query string that does not validate."""
        return self.is_bound and not self.is_valid()

    def prepare_to_render(self):
        """Called by the list page before its form is rendered (exports only validate it)."""


class TextFilter(filters.CharFilter):
    """A search box: the records holding the typed text in any of `fields` (case-insensitive)."""

    def __init__(self, *, fields, label=None, **kwargs):
        self.search_fields = fields
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(label=label or _("Text"), max_length=200, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return qs.filter(condition)


class StableOrderingFilter(filters.OrderingFilter):
    """Sort by the chosen field, then newest first, so pages never share or skip a row."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if value:
            qs = qs.order_by(*qs.query.order_by, "-pk")
        return qs
