"""Forms of the results page: periods, and a reviewer's answer."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DatePartsField, PlainMessagesMixin
from projects.models import ReportingPeriod
from projects.periods import Frequency

GENERATE = "generate"
ADD_PERIOD = "add_period"


class GeneratePeriodsForm(PlainMessagesMixin, forms.Form):
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Frequency.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_class = "row row-cols-lg-auto g-3 align-items-end"
        self.helper.layout = Layout("frequency", Submit(GENERATE, _("Make the periods")))


class PeriodForm(PlainMessagesMixin, forms.ModelForm):
    """A custom period; it may not overlap another of the project's."""

    class Meta:
        model = ReportingPeriod
        fields = ["start", "end"]
        field_classes = {"start": DatePartsField, "end": DatePartsField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("start"), Column("end")), Submit(ADD_PERIOD, _("Add the period"))
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start <= end:
            overlapping = ReportingPeriod.objects.filter(
                project=self.instance.project, start__lte=end, end__gte=start
            ).first()
            if overlapping:
                raise forms.ValidationError(
                    _("The period overlaps another one (%(period)s).") % {"period": overlapping}
                )
        return cleaned


class ReturnForm(PlainMessagesMixin, forms.Form):
    """Returning values needs a reason the team reads."""

    message_names = {"reason": _("reason for returning them")}

    reason = forms.CharField(
        label=_("Why are they returned?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("The team reads this to correct the values."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout("reason")
