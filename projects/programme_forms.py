"""The programme set-up form and its formsets: phases, funder shares, envelopes."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from core.forms import PlainMessagesMixin, PlainModelForm
from projects.models import Envelope, Programme, ProgrammeFunder, ProgrammePhase


class ProgrammeForm(PlainMessagesMixin, forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Programme
        fields = ["name", "acronym", "description", "website", "budget", "currency", "themes"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(Column("name", css_class="col-md-8"), Column("acronym", css_class="col-md-4")),
            "description",
            "website",
            Row(Column("budget", css_class="col-md-6"), Column("currency", css_class="col-md-2")),
            "themes",
        )


class BaseFunderFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        total = sum(
            form.cleaned_data.get("share") or 0
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        )
        if total > 100:
            raise ValidationError(
                _("The shares of the funders add up to %(total)s%%, above 100%%.")
                % {"total": total}
            )


class BaseEnvelopeFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        phases = self.instance.phases.all() if self.instance.pk else ProgrammePhase.objects.none()
        form.fields["phase"].queryset = phases
        form.fields["phase"].help_text = _("Phases added now can be chosen once saved.")


class PhaseForm(PlainModelForm):
    message_names = {"start_year": _("first year"), "end_year": _("last year")}


PhaseFormSet = forms.inlineformset_factory(
    Programme,
    ProgrammePhase,
    form=PhaseForm,
    fields=["position", "name", "start_year", "end_year"],
    extra=2,
    can_delete=True,
)
FunderFormSet = forms.inlineformset_factory(
    Programme,
    ProgrammeFunder,
    form=PlainModelForm,
    formset=BaseFunderFormSet,
    fields=["funder", "share"],
    extra=2,
    can_delete=True,
)
EnvelopeFormSet = forms.inlineformset_factory(
    Programme,
    Envelope,
    form=PlainModelForm,
    formset=BaseEnvelopeFormSet,
    fields=["phase", "country", "actions", "amount"],
    extra=2,
    can_delete=True,
)
