"""Forms of the project dashboards and team page."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from core.access import is_manager
from core.forms import DatePartsField, FastSelect, PlainMessagesMixin, PlainModelForm
from projects.logframe import Level
from projects.models import IndicatorValue, ProjectMembership, ReportingPeriod, ValueSplit
from projects.periods import period_for

# The names of the team page's buttons, which say what a POST asks for.
ADD_MEMBER = "add"
SET_ROLE = "set_role"
REMOVE_MEMBER = "remove"


class LogframeLevelsField(forms.MultipleChoiceField):
    """The chain of levels a project's logframe uses, ticked top to bottom."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("logframe levels"))
        kwargs.setdefault("help_text", _("The levels its logframe uses, top to bottom."))
        super().__init__(choices=Level.choices, widget=forms.CheckboxSelectMultiple, **kwargs)


class IndicatorValueForm(PlainMessagesMixin, forms.ModelForm):
    """A measurement of one indicator, split by sex where known; it joins the reporting period
    holding its date (made, for that calendar year, if the project has none there)."""

    message_names = {
        "women": _("value for women"),
        "men": _("value for men"),
        "sex_not_recorded": _("value whose sex is not recorded"),
    }

    class Meta:
        model = IndicatorValue
        fields = ["date", "value", "women", "men", "sex_not_recorded", "note", "activity"]
        field_classes = {"date": DatePartsField}
        help_texts = {
            "activity": _("The activity that produced this value, if any."),
            "women": _("Of the value, where known; the three parts never exceed it."),
        }

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
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "date",
            "value",
            Row(
                Column("women", css_class="col-md-4"),
                Column("men", css_class="col-md-4"),
                Column("sex_not_recorded", css_class="col-md-4"),
            ),
            "note",
            "activity",
        )

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        if day:
            project_id = self.instance.indicator.objective.project_id
            self.instance.period = (
                ReportingPeriod.objects.filter(project_id=project_id).containing(day).first()
            )
        return cleaned

    def save(self, commit=True):
        if self.instance.period_id is None:
            self.instance.period = period_for(
                self.instance.indicator.objective.project_id, self.instance.date
            )
        return super().save(commit)


class SplitFormSet(BaseInlineFormSet):
    """A value's parts by age group and by country; each kind's parts never exceed the value."""

    def __init__(self, *args, total=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.total = total

    def clean(self):
        super().clean()
        sums = {"age": Decimal(0), "country": Decimal(0)}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("amount") is None:
                continue
            if bool(data.get("age_group")) == bool(data.get("country")):
                raise ValidationError(_("Give each part either an age group or a country."))
            sums["age" if data.get("age_group") else "country"] += data["amount"]
        if self.total is not None:
            for kind, label in (("age", _("age groups")), ("country", _("countries"))):
                if sums[kind] > self.total:
                    raise ValidationError(
                        _(
                            "The parts by %(kind)s (%(sum)s) cannot be more than the value "
                            "(%(total)s)."
                        )
                        % {"kind": label, "sum": sums[kind], "total": self.total}
                    )


SplitFormSetFactory = forms.inlineformset_factory(
    IndicatorValue,
    ValueSplit,
    form=PlainModelForm,
    formset=SplitFormSet,
    fields=["age_group", "country", "amount"],
    extra=3,
    can_delete=True,
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


def person(user):
    """A user as the team forms list them: "Vesna Martin (vmartin)"."""
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


class MembershipAddForm(forms.Form):
    """Put someone who has an account on the team (others are invited: projects.invitations)."""

    member = forms.ModelChoiceField(
        label=_("Person"),
        queryset=get_user_model().objects.none(),
        widget=FastSelect,
        help_text=_(
            "People with an account who are not on the team yet. Someone without an account: "
            "invite them by email below."
        ),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ProjectMembership.Role.choices,
        initial=ProjectMembership.Role.OFFICER,
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        member = self.fields["member"]
        member.queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(memberships__project=project)
            .order_by("first_name", "last_name", "username")
        )
        member.label_from_instance = person
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(Column("member", css_class="col-md-7"), Column("role", css_class="col-md-3")),
            Submit(ADD_MEMBER, _("Add to the team")),
        )


class MemberForm(forms.Form):
    """A change to one team member: another role, or off the team.

    A project manager cannot change their own role or take themselves off the team (a
    manager can), so that no one locks themselves out of the team by mistake.
    """

    membership = forms.ModelChoiceField(
        queryset=ProjectMembership.objects.none(), widget=forms.HiddenInput
    )
    role = forms.ChoiceField(label=_("Role"), choices=ProjectMembership.Role.choices)

    def __init__(self, *args, project, user, removing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["membership"].queryset = project.memberships.select_related("user")
        self.fields["role"].required = not removing

    def clean_membership(self):
        membership = self.cleaned_data["membership"]
        if membership.user_id == self.user.pk and not is_manager(self.user):
            raise forms.ValidationError(
                _("You cannot change your own role or leave the team yourself: ask a manager.")
            )
        return membership


class SectorFormSet(BaseInlineFormSet):
    """A project's sectors: their percentages add up to 100 (IATI rule 3.x: strict sum)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        shares = [
            form.cleaned_data["percentage"]
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        if shares and sum(shares) != Decimal(100):
            raise ValidationError(
                _("The sectors' percentages add up to %(total)s; make them add up to 100.")
                % {"total": f"{sum(shares).normalize():f}"}
            )
