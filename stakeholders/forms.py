"""Staff forms for the directory: a new institution (duplicates offered first), a new country."""

from crispy_forms.bootstrap import FormActions
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.forms import CHOOSE, RecordForm, cancel_link, https_urls
from stakeholders.countries import iso_choices, iso_name
from stakeholders.models import KOSOVO_FOOTNOTE, KOSOVO_FOOTNOTE_FR, Country, Institution

KOSOVO = "XK"


class InstitutionForm(RecordForm):
    """A new institution; one that looks like an existing one is saved only when confirmed.

    `similar` holds the institutions found with the same name or acronym (case, accents, spaces
    and punctuation aside), for the page to offer instead.
    """

    not_a_duplicate = forms.BooleanField(
        label=_("None of these: it is a different institution"),
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Institution
        fields = ["name", "name_fr", "acronym", "kind", "country", "website", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        # Typed addresses without a scheme are taken as https (as in the admin).
        formfield_callback = https_urls

    def __init__(self, *args, cancel_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.similar = []
        self.fields["country"].queryset = Country.objects.order_by("name")
        self.helper = FormHelper()
        self.helper.form_tag = False
        actions = [Submit("save", _("Add the institution"))]
        if cancel_url:
            actions.append(cancel_link(cancel_url))
        self.helper.layout = Layout(
            Row(
                Column("name", css_class="col-md-5"),
                Column("name_fr", css_class="col-md-4"),
                Column("acronym", css_class="col-md-3"),
            ),
            Row(Column("kind", css_class="col-md-6"), Column("country", css_class="col-md-6")),
            "website",
            "description",
            "not_a_duplicate",
            FormActions(*actions),
        )

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("name")
        if name:
            acronym = cleaned_data.get("acronym", "")
            self.similar = list(
                Institution.objects.similar_to(name, acronym)
                .select_related("country")
                .order_by("name", "pk")
            )
        if self.similar:
            self.fields["not_a_duplicate"].widget = forms.CheckboxInput()
            if not cleaned_data.get("not_a_duplicate"):
                self.add_error(
                    "not_a_duplicate",
                    _(
                        "The directory already has an institution of this name or acronym. "
                        "Choose it instead, or tick the box if yours is a different one."
                    ),
                )
        return cleaned_data


class CountryForm(RecordForm):
    """A country or territory from the ISO 3166 list; its names come from the list by default."""

    code = forms.ChoiceField(label=_("Country or territory"))

    class Meta:
        model = Country
        fields = ["code", "name_en", "name_fr", "footnote_en", "footnote_fr"]
        labels = {
            "name_en": _("name in English"),
            "name_fr": _("name in French"),
            "footnote_en": _("footnote in English"),
            "footnote_fr": _("footnote in French"),
        }
        help_texts = {
            "name_en": _("Left empty, the ISO 3166 list's English name is used."),
            "name_fr": _("Left empty, the ISO 3166 list's French name is filled in."),
            "footnote_en": _(
                "Optional. Kosovo (XK) takes the footnote on UN Security Council Resolution 1244 "
                "when this is left empty."
            ),
        }
        widgets = {
            "footnote_en": forms.Textarea(attrs={"rows": 3}),
            "footnote_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        recorded = set(Country.objects.values_list("code", flat=True))
        self.fields["code"].choices = [("", CHOOSE), *iso_choices(exclude=recorded)]
        self.fields["code"].help_text = _("Those already in the portal are not listed.")
        self.fields["name_en"].required = False
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "code",
            Row(Column("name_en", css_class="col-md-6"), Column("name_fr", css_class="col-md-6")),
            Row(
                Column("footnote_en", css_class="col-md-6"),
                Column("footnote_fr", css_class="col-md-6"),
            ),
            FormActions(
                Submit("save", _("Add the country or territory")),
                cancel_link(reverse("stakeholders:countries")),
            ),
        )

    def clean(self):
        cleaned_data = super().clean()
        code = cleaned_data.get("code")
        if code:
            cleaned_data["name_en"] = cleaned_data.get("name_en") or iso_name(code, "en")
            cleaned_data["name_fr"] = cleaned_data.get("name_fr") or iso_name(code, "fr")
            if code == KOSOVO and not cleaned_data.get("footnote_en"):
                cleaned_data["footnote_en"] = KOSOVO_FOOTNOTE
                cleaned_data["footnote_fr"] = cleaned_data.get("footnote_fr") or KOSOVO_FOOTNOTE_FR
        return cleaned_data
