"""The project set-up form and its inline formsets (fundings, partners, yearly budgets)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from core.forms import DatePartsField, PlainMessagesMixin
from projects.models import BudgetLine, Funding, Programme, Project, ProjectPartner
from stakeholders.models import Country

TEXT = forms.Textarea(attrs={"rows": 3})


class FundingInlineFormSet(BaseInlineFormSet):
    """Check known amounts against the budget typed in the project form, not the saved one."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.instance.pk:
            # Funding.clean reads the budget through `project`: hand it the project being edited.
            form.instance.project = self.instance
        return form

    def clean(self):
        super().clean()
        budget = self.instance.budget
        if budget is None or any(self.errors):
            return
        total = sum(
            form.cleaned_data.get("amount") or 0
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        )
        if total > budget:
            # Funding.clean's message: one rule, one wording, also when several rows change at once.
            raise ValidationError(
                _("Known funding would total %(total)s, above the budget of %(budget)s.")
                % {"total": total, "budget": budget}
            )


class ProjectForm(PlainMessagesMixin, forms.ModelForm):
    class Meta:
        model = Project
        fields = [
            "title",
            "code",
            "programme",
            "phase",
            "predecessor",
            "summary",
            "description",
            "countries",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "planned_activities",
            "budget",
            "currency",
            "target_groups",
            "end_beneficiaries",
            "key_standards",
            "is_published",
        ]
        field_classes = {"start_date": DatePartsField, "end_date": DatePartsField}
        widgets = {
            "countries": forms.CheckboxSelectMultiple,
            "summary": TEXT,
            "description": TEXT,
            "target_groups": TEXT,
            "end_beneficiaries": TEXT,
            "key_standards": TEXT,
        }
        help_texts = {
            "code": _("Left empty, one is made from the programme's acronym and a number."),
            "is_published": _("A draft is seen by its team and the managers only."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.all()
        self.fields["countries"].queryset = Country.objects.all()
        self.fields["predecessor"].queryset = Project.objects.exclude(pk=self.instance.pk)
        self.fields["predecessor"].label_from_instance = lambda p: f"{p.title} ({p.code or p.slug})"
        if self.instance.code_is_frozen:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _(
                "Kept since the project was first published: its IATI identifier is built from it."
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("The project"),
                "title",
                Row(Column("code", css_class="col-md-4"), Column("phase", css_class="col-md-4")),
                Row(
                    Column("programme", css_class="col-md-6"),
                    Column("predecessor", css_class="col-md-6"),
                ),
                "summary",
                "description",
                "countries",
            ),
            Fieldset(
                _("Period and budget"),
                Row(
                    Column("start_date", "start_precision", css_class="col-md-6"),
                    Column("end_date", "end_precision", css_class="col-md-6"),
                ),
                Row(
                    Column("budget", css_class="col-md-4"),
                    Column("currency", css_class="col-md-2"),
                    Column("planned_activities", css_class="col-md-4"),
                ),
            ),
            Fieldset(_("Who it serves"), "target_groups", "end_beneficiaries", "key_standards"),
            "is_published",
        )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if self.instance.code_is_frozen:
            return self.instance.code
        return code

    def _post_clean(self):
        # The code is required: one is made when left empty, before the model's checks.
        if not self.cleaned_data.get("code") and "code" not in self.errors:
            self.instance.programme = self.cleaned_data.get("programme")
            self.cleaned_data["code"] = self.instance.next_code()
        super()._post_clean()


class FundingForm(PlainMessagesMixin, forms.ModelForm):
    class Meta:
        model = Funding
        fields = ["funder", "kind", "amount", "share", "note", "internal_note"]
        widgets = {"internal_note": forms.TextInput}


class PartnerForm(PlainMessagesMixin, forms.ModelForm):
    class Meta:
        model = ProjectPartner
        fields = ["institution", "role", "note", "internal_note"]
        widgets = {"internal_note": forms.TextInput}


class BudgetLineForm(PlainMessagesMixin, forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["year", "amount"]


FundingFormSet = forms.inlineformset_factory(
    Project, Funding, form=FundingForm, formset=FundingInlineFormSet, extra=2, can_delete=True
)
PartnerFormSet = forms.inlineformset_factory(
    Project, ProjectPartner, form=PartnerForm, extra=2, can_delete=True
)
BudgetLineFormSet = forms.inlineformset_factory(
    Project, BudgetLine, form=BudgetLineForm, extra=2, can_delete=True
)
