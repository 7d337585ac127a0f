"""Form pieces every app's forms use: ids from requests, widgets, messages, buttons."""

from datetime import date
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

from core import dates
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


# A select's empty choice says what to do (Django's is "---------"; the filters say "Any").
CHOOSE = _("Choose…")


class DatePartsWidget(forms.MultiWidget):
    """GOV.UK's date input: day, month and year boxes, in that order in English and French.

    A date known to the month or the year (core.dates) shows only those boxes filled. A post
    that gives the date whole (`start_date=2024-03-10`, a script's) is read as well.
    """

    template_name = "core/widgets/date_parts.html"
    PARTS = (("day", _("Day"), 2), ("month", _("Month"), 2), ("year", _("Year"), 4))

    def __init__(self, attrs=None):
        widgets = {
            part: forms.TextInput(attrs={"inputmode": "numeric", "maxlength": size})
            for part, _label, size in self.PARTS
        }
        super().__init__(widgets, attrs)
        self.precision = dates.Precision.DAY

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if not value:
            return [None, None, None]
        return [
            value.day if self.precision == dates.Precision.DAY else None,
            value.month if self.precision != dates.Precision.YEAR else None,
            value.year,
        ]

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data[name]
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)

    def use_required_attribute(self, initial):
        return False  # a box may rightly be empty (a month and year); the form says what is missing

    @staticmethod
    def first_box_id(id_):
        """Where the error summary leads: the day box."""
        return f"{id_}_day"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        parts = []
        for subwidget, (part, label, _size) in zip(
            context["widget"]["subwidgets"], self.PARTS, strict=True
        ):
            if attrs and attrs.get("id"):  # id_start_date_day, as its name says
                subwidget["attrs"]["id"] = f"{attrs['id']}_{part}"
            parts.append((subwidget, label))
        context["widget"]["parts"] = parts
        return context


class KnownDate(date):
    """A date with how precisely it was entered: a year alone, a month and year, or a day."""

    precision = dates.Precision.DAY


class DatePartsField(forms.Field):
    """A date typed as day, month and year. Where the form keeps the date's precision (a
    `<name>_precision` field beside `<name>_date`), a month and year, or a year alone, stand
    for that period (PlainMessagesMixin sets it); elsewhere the three are needed."""

    widget = DatePartsWidget
    default_error_messages = {
        "invalid": _("Enter a real date, for example 27 3 2024."),
        "invalid_date": _("Enter a real date."),
        "incomplete": _("Enter the day, month and year."),
        "no_year": _("Enter the year."),
        "no_month": _("Enter the month as well as the day."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.pop("max_length", None)
        super().__init__(*args, **kwargs)
        self.precision_field = None  # the form's field that keeps the precision, if any

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:  # a date given whole (a spreadsheet's, a script's)
                message = self.error_messages["invalid_date"]
                raise ValidationError(message, code="invalid_date") from None
        day, month, year = (str(part or "").strip() for part in value)
        if not (day or month or year):
            return None
        if not all(part.isdecimal() for part in (day, month, year) if part):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if not year:
            raise ValidationError(self.error_messages["no_year"], code="no_year")
        if day and not month:
            raise ValidationError(self.error_messages["no_month"], code="no_month")
        if not (day and month) and self.precision_field is None:
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            known = KnownDate(int(year), int(month or 1), int(day or 1))
        except (ValueError, OverflowError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not day:
            known.precision = dates.Precision.MONTH if month else dates.Precision.YEAR
        return known

    def has_changed(self, initial, data):
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


def message_label(form, name, field):
    """The field as a message names it: the form's `message_names` for a name that would read
    badly ("the women must be 0 or more"), else the model's verbose name ("title"), else the
    label."""
    if name in getattr(form, "message_names", {}):
        return form.message_names[name]
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is not None:
        try:
            return model._meta.get_field(name).verbose_name
        except Exception:  # noqa: BLE001, S110 (a form's own field: its label below)
            pass
    label = str(field.label or name.replace("_", " "))
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def plain_messages(field, label):
    """error_messages that say what to do, named after the field (GOV.UK's pattern)."""
    choose = isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.BooleanField)
    messages = {
        "required": format_lazy(
            _("Choose the {label}.") if choose else _("Enter the {label}."), label=label
        ),
        "invalid_choice": format_lazy(
            _("Choose the {label} from the list (“%(value)s” is not in it)."), label=label
        ),
        "max_length": format_lazy(
            _("The {label} must be %(limit_value)s characters or fewer."), label=label
        ),
        "min_value": format_lazy(_("The {label} must be %(limit_value)s or more."), label=label),
        "max_value": format_lazy(_("The {label} must be %(limit_value)s or less."), label=label),
    }
    if isinstance(field, forms.DateField | DatePartsField):
        # The models' own bounds ("Enter a date between 1900 and 2100.") say it better.
        del messages["min_value"], messages["max_value"]
        messages["invalid_date"] = format_lazy(_("The {label} must be a real date."), label=label)
    if isinstance(field, forms.DateField):
        messages["invalid"] = messages["invalid_date"]
    elif isinstance(field, DatePartsField):
        messages["invalid"] = format_lazy(
            _("The {label} must be a real date, for example 27 3 2024."), label=label
        )
        messages["no_year"] = format_lazy(_("The {label} must include a year."), label=label)
        messages["no_month"] = format_lazy(
            _("The {label} must include a month as well as the day."), label=label
        )
        messages["incomplete"] = format_lazy(
            _("The {label} must include a day, a month and a year."), label=label
        )
    elif isinstance(field, forms.IntegerField | forms.DecimalField):
        messages["invalid"] = format_lazy(_("Enter the {label} as a number."), label=label)
    elif isinstance(field, forms.URLField):
        messages["invalid"] = format_lazy(
            _("Enter the {label} as a web address, like https://example.org."), label=label
        )
    elif isinstance(field, forms.EmailField):
        messages["invalid"] = format_lazy(
            _("Enter the {label} as an email address, like name@example.org."), label=label
        )
    field.error_messages.update(messages)


class PlainMessagesMixin:
    """Every portal form's messages and placeholders, set once from its fields (GOV.UK's
    pattern): "Enter the title." rather than "This field is required.", "Choose…" as a
    select's empty choice, and day / month / year dates that keep their precision."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.HiddenInput):
                continue
            plain_messages(field, message_label(self, name, field))
            if isinstance(field, forms.ModelChoiceField) and field.empty_label is not None:
                field.empty_label = CHOOSE
            elif isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.MultipleChoiceField | forms.ModelChoiceField
            ):
                choices = list(field.choices)
                if choices and choices[0][0] == "" and str(choices[0][1]).startswith("---"):
                    field.choices = [("", CHOOSE), *choices[1:]]
        for name, field in self.fields.items():
            if isinstance(field, DatePartsField):
                self.keep_precision(name, field)

    def keep_precision(self, name, field):
        """`start_date` beside `start_precision`: the boxes filled say the precision."""
        precision = name.removesuffix("_date") + "_precision"
        if precision == name + "_precision" or precision not in self.fields:
            return
        field.precision_field = precision
        self.fields[precision].required = False
        self.fields[precision].widget = forms.HiddenInput()
        initial = self.get_initial_for_field(self.fields[precision], precision)
        field.widget.precision = initial or dates.Precision.DAY

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if not isinstance(field, DatePartsField):
                continue
            value = cleaned_data.get(name)
            if isinstance(value, date):
                cleaned_data[name] = date(value.year, value.month, value.day)
            if field.precision_field:
                if isinstance(value, KnownDate):
                    cleaned_data[field.precision_field] = value.precision
                elif not cleaned_data.get(field.precision_field):
                    cleaned_data[field.precision_field] = dates.Precision.DAY
        return cleaned_data


class PlainModelForm(PlainMessagesMixin, forms.ModelForm):
    """A model form with the portal's messages, for formsets whose factory makes the form."""


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


class RecordForm(PlainMessagesMixin, forms.ModelForm):
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
