"""The period report's forms: the period (from the query string) and the narratives."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from core.models import bounded_date_validators


class PeriodForm(forms.Form):
    """?start=YYYY-MM-DD&end=YYYY-MM-DD: a period (the dashboards'; either end may be left out)."""

    start = forms.DateField(
        label=_("From"), widget=DateInput(), validators=bounded_date_validators(), required=False
    )
    end = forms.DateField(
        label=_("To"), widget=DateInput(), validators=bounded_date_validators(), required=False
    )
    submit_label = _("Show this period")

    def __init__(self, data=None):
        super().__init__(data)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.form_class = "d-print-none"
        self.helper.layout = Layout(
            Row(
                Column("start", css_class="col-sm-4 col-lg-3"),
                Column("end", css_class="col-sm-4 col-lg-3"),
                Column(
                    Submit("apply", self.submit_label, css_class="mt-sm-4"), css_class="col-sm-4"
                ),
            )
        )

    def period(self):
        """(start, end) of a valid form, either None when left out."""
        return self.cleaned_data.get("start"), self.cleaned_data.get("end")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period cannot be before its start."))
        return cleaned


class ReportPeriodForm(PeriodForm):
    """The report's period; the project's period up to today when both ends are left out."""

    submit_label = _("Show the report")

    def __init__(self, data, *, project):
        if not data.get("start") and not data.get("end"):
            end = min(max(timezone.localdate(), project.start_date), project.end_date)
            data = {"start": project.start_date.isoformat(), "end": end.isoformat()}
        super().__init__(data)
        for field in self.fields.values():
            field.required = True

    def query(self):
        start, end = self.cleaned_data["start"], self.cleaned_data["end"]
        return f"start={start.isoformat()}&end={end.isoformat()}"


class NarrativeForm(forms.Form):
    """One text per logframe line, kept for the period."""

    def __init__(self, *args, objectives, texts, **kwargs):
        super().__init__(*args, **kwargs)
        self.objectives = list(objectives)
        for objective in self.objectives:
            self.fields[self.field_name(objective)] = forms.CharField(
                label=f"{objective.get_level_display()} {objective}",
                required=False,
                initial=texts.get(objective.pk, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *self.fields, Submit("save_narratives", _("Save the narratives"))
        )

    @staticmethod
    def field_name(objective):
        return f"narrative-{objective.pk}"

    def texts(self):
        """(objective, text) of each line."""
        return [
            (objective, self.cleaned_data[self.field_name(objective)].strip())
            for objective in self.objectives
        ]
