"""Form pieces every app's forms use: ids from requests, widgets, buttons."""

from html import escape
from itertools import groupby

from crispy_forms.layout import HTML, Column, Row, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.languages import translated_fields

# The largest id PostgreSQL's bigint (and SQLite's integer) can hold.
MAX_ID = 2**63 - 1


def as_id(value):
    """A submitted record id (or a record) as an int, or None when it cannot be one."""
    text = str(getattr(value, "pk", value) or "").strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    return int(text) if text.isdecimal() and int(text) <= MAX_ID else None


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO 8601 whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class FastSelect(forms.Select):
    """A select rendered in one pass: Django renders each option through a template include.

    Same markup as forms.Select, without option groups; for selects of hundreds of options.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        # The standard library's escape: Django's (lazy-aware) one costs more than the markup.
        options = "".join(
            f'<option value="{escape(str(option["value"]))}"'
            f"{' selected' if option['selected'] else ''}>{escape(str(option['label']))}</option>"
            for _group, options, _index in widget["optgroups"]
            for option in options
        )
        options = mark_safe(options)  # noqa: S308 (every value and label escaped above)
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options
        )


def grouped_choices(field, objects, group_label):
    """Choices for `field` grouped under headings, e.g. institutions by country."""
    iterator = field.iterator(field)
    return [
        (heading, [iterator.choice(obj) for obj in members])
        for heading, members in groupby(objects, key=group_label)
    ]


class IdsField(forms.ModelMultipleChoiceField):
    """Checkboxes of records: an id beyond the database's integer range is an invalid choice.

    Django passes such ids to an `IN (...)` query, where SQLite raises OverflowError (a 500).
    """

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if text.lstrip("-").isdecimal() and abs(int(text)) > MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class RecordForm(forms.ModelForm):
    """A model form whose cleaned values a service saves (`services.<entity>_create(**...)`).

    A text with a column per language (core.languages) is edited side by side: the field named
    as the model's (`title`) holds the English text, `title_fr` beside it the French one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in translated_fields(self._meta.model):
            if name not in self.fields:
                continue
            label = self.fields[name].label
            self.fields[name].label = format_lazy(_("{label} (English)"), label=label)
            french = f"{name}_fr"
            if french in self.fields:
                self.fields[french].label = format_lazy(_("{label} (French)"), label=label)
                self.fields[french].help_text = _(
                    "Optional: left empty, the English text is shown."
                )
            if self.instance.pk and name not in kwargs.get("initial", {}):
                # The model's own value follows the page's language; this box is the English one.
                self.initial[name] = getattr(self.instance, f"{name}_en")

    def side_by_side(self, name, css_class="col-md-6"):
        """A row with the English and the French box of a translated text."""
        return Row(Column(name, css_class=css_class), Column(f"{name}_fr", css_class=css_class))

    def record_data(self):
        """The cleaned values that belong on the record (not the form's own controls)."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def https_urls(db_field, **kwargs):
    """A model form's `formfield_callback`: addresses typed without a scheme are https ones."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class SecondarySubmit(Submit):
    field_classes = "btn btn-outline-primary"


class DangerSubmit(Submit):
    field_classes = "btn btn-danger"


def cancel_link(url):
    return HTML(format_html('<a class="btn btn-link" href="{}">{}</a>', url, _("Cancel")))
