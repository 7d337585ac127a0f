"""Forms of the project dashboards."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from projects.models import IndicatorValue


class IndicatorValueForm(forms.ModelForm):
    """A measurement of one indicator; the activity, if any, must be of the same project."""

    class Meta:
        model = IndicatorValue
        fields = ["date", "value", "note", "activity"]
        widgets = {"date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}
        help_texts = {"activity": _("The activity that produced this value, if any.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        project_id = self.instance.indicator.objective.project_id
        activity = self.fields["activity"]
        activity.queryset = (
            Activity.objects.editable_by(user)
            .filter(project_id=project_id)
            .order_by("-start_date", "-pk")
        )
        activity.label_from_instance = lambda a: f"{date_format(a.start_date)} · {a.title}"
        if not self.is_bound and not self.initial.get("date"):
            self.initial["date"] = timezone.localdate()
        if self.instance.indicator.unit:
            self.fields["value"].help_text = _("In %(unit)s.") % {
                "unit": self.instance.indicator.unit
            }
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "date", "value", "note", "activity", Submit("save", _("Record the value"))
        )


class PortfolioFilterFormHelper(FormHelper):
    """The portfolio filters as one row of selects, submitted with GET."""

    form_method = "get"
    form_tag = True
    disable_csrf = True

    def __init__(self, form=None):
        super().__init__(form)
        self.form_class = "row row-cols-lg-auto g-3 align-items-end mb-4"
        self.field_class = ""
        self.add_input(Submit("apply", _("Filter")))
