"""The expenditure form of a project's spending page."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DatePartsField, PlainMessagesMixin
from projects.models import Expenditure


class ExpenditureForm(PlainMessagesMixin, forms.ModelForm):
    """An amount spent on a date, in a category; the project is the page's."""

    class Meta:
        model = Expenditure
        fields = ["date", "amount", "category", "note"]
        field_classes = {"date": DatePartsField}

    def __init__(self, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.pk and not self.initial.get("date"):
            self.initial["date"] = timezone.localdate()
        project = self.instance.project
        self.fields["amount"].help_text = _("In %(currency)s.") % {"currency": project.currency}
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(
                Column("date", css_class="col-md-3"),
                Column("amount", css_class="col-md-3"),
                Column("category", css_class="col-md-6"),
            ),
            "note",
            Submit("save", submit_label or _("Record the expenditure")),
        )
