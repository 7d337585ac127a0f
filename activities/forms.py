"""Staff forms for activities and news: they validate and normalise; services.py saves."""

from crispy_forms.bootstrap import AppendedText, FormActions, InlineCheckboxes
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Fieldset, Layout, Row, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities.choices import fill_project_select
from activities.models import Activity, NewsItem
from core import dates
from core.forms import (
    CHOOSE,
    DangerSubmit,
    DatePartsField,
    FastSelect,
    IdsField,
    RecordForm,
    SecondarySubmit,
    as_id,
    cancel_link,
    grouped_choices,
)
from projects.models import Objective, Project
from stakeholders.models import Country, Institution

SAVE_AND_ADD_ANOTHER = "save_add_another"
FROM_THE_DATES = _("From the dates: held once past, planned before")
LATEST_ACTIVITIES = 20
PREVIEW = "preview"


class VersionedForm(RecordForm):
    """Carries the version a record was loaded with, so a save cannot overwrite a newer one."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
        self.version_layout = ["version"] if self.instance.pk else []

    def choose_project(self, projects, choices_url_name):
        """List the user's projects; a new record's form reloads its dependent choices on change.

        Returns the id of the project whose objectives or activities the form lists, or None
        before a choice: a saved record's own project; else the submitted or preselected one;
        else the user's only project, which is then preselected. The lists of every project at
        once would run to thousands of choices for a manager; static/js/forms.js reloads them
        when the choice changes (ProjectChoicesView).
        """
        field = self.fields["project"]
        field.queryset = projects
        if not field.disabled:
            field.widget.attrs["data-choices-url"] = reverse(choices_url_name)
        if self.is_bound and not field.disabled:
            requested = as_id(self.data.get(self.add_prefix("project")))
        else:  # a saved record's project, or the preselected one
            requested = as_id(self.get_initial_for_field(field, "project"))
        options = fill_project_select(field, projects, chosen=requested, editable=True)
        offered = [pk for pk, _title in options]
        if requested is not None and requested in offered:
            return requested
        if self.instance.pk:
            return self.instance.project_id
        # The user's only project is preselected, unless asked for none (ProjectChoicesView).
        if not self.is_bound and "project" not in self.initial and len(offered) == 1:
            self.initial["project"] = offered[0]
            return offered[0]
        return None


def project_period(project):
    return {"start": date_format(project.start_date), "end": date_format(project.end_date)}


class ActivityRules(forms.Form):
    """What an activity form checks beyond the model: the objectives are the project's, and
    dates outside the project period are saved only when confirmed (`confirm_outside_period`).

    Shared by the activity form and the spreadsheet import's row form; each says in
    `dates_outside_period(project, confirmed)` how it asks for the confirmation.
    """

    confirm_outside_period = forms.BooleanField(
        label=_("Save anyway — dates are outside the project period"),
        required=False,
        widget=forms.HiddenInput,
    )
    # Left out (a spreadsheet's columns, a scripted post), these keep the model's defaults.
    DEFAULTED = ("start_precision", "end_precision", "participants_qualifier")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.DEFAULTED:
            self.fields[name].required = False

    def clean(self):
        for name in self.DEFAULTED:
            if not self.cleaned_data.get(name):
                self.cleaned_data[name] = Activity._meta.get_field(name).default
        cleaned_data = super().clean()
        project = cleaned_data.get("project")
        objectives = cleaned_data.get("objectives")
        if project and objectives is not None:
            try:
                Activity(project=project).validate_objectives(objectives)
            except ValidationError as error:
                self.add_error(None, error)
        start_date = cleaned_data.get("start_date")
        end_date = cleaned_data.get("end_date") or start_date
        if project and start_date and end_date and end_date >= start_date:
            dated = Activity(
                project=project,
                start_date=start_date,
                end_date=end_date,
                start_precision=cleaned_data.get("start_precision") or dates.Precision.DAY,
                end_precision=cleaned_data.get("end_precision") or dates.Precision.DAY,
            )
            dated.normalise_dates()
            if dated.is_outside_project_period():
                confirmed = bool(cleaned_data.get("confirm_outside_period"))
                self.dates_outside_period(project, confirmed)
        return cleaned_data

    def dates_outside_period(self, project, confirmed):
        raise NotImplementedError


class ActivityForm(ActivityRules, VersionedForm):
    message_names = {
        "participants_qualifier": _("kind of count"),
        "participants_total": _("number of participants"),
        "participants_women": _("number of women"),
        "participants_men": _("number of men"),
    }

    class Meta:
        model = Activity
        fields = [
            "project",
            "kind",
            "title",
            "title_fr",
            "status",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "duration_days",
            "format",
            "scope",
            "venue",
            "city",
            "countries",
            "description",
            "description_fr",
            "objectives",
            "institutions",
            "participants_qualifier",
            "participants_total",
            "participants_women",
            "participants_men",
            "facilitators",
            "cost",
            "external_reference",
            "internal_note",
        ]
        field_classes = {
            "countries": IdsField,
            "objectives": IdsField,
            "institutions": IdsField,
            "start_date": DatePartsField,
            "end_date": DatePartsField,
        }
        widgets = {
            "project": FastSelect,
            "duration_days": forms.NumberInput(attrs={"step": "0.5", "min": "0.5"}),
            "countries": forms.CheckboxSelectMultiple,
            "objectives": forms.CheckboxSelectMultiple,
            "institutions": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "facilitators": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "objectives": _("Only the chosen project's objectives can be linked."),
            "institutions": _(
                "The project's partners are listed; search the directory for any other."
            ),
            "participants_women": _("Where known."),
            "participants_men": _("Where known."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        projects = Project.objects.editable_by(user)
        if self.instance.pk:
            # Moving an activity to another project would strand its objectives and news links.
            self.fields["project"].disabled = True
            self.fields["project"].help_text = _("An activity stays with its project.")
            projects = projects.filter(pk=self.instance.project_id)
        project_id = self.choose_project(projects, "activities:choices")
        self.fields["countries"].queryset = Country.objects.all()
        if not self.instance.pk:
            # Left to the dates: a past activity is saved as held (clean), unless chosen otherwise.
            status = self.fields["status"]
            status.required = False
            status.choices = [("", FROM_THE_DATES), *Activity.Status.choices]
            self.initial.setdefault("status", "")
        cost = self.currency_of(project_id)

        # Any of the user's objectives passes the field, so that one of another project gets the
        # model's own message (Activity.validate_objectives); only the chosen project's are shown.
        objectives = self.fields["objectives"]
        objectives.queryset = Objective.objects.filter(project__in=projects)
        shown = Objective.objects.filter(project_id=project_id).order_by("position", "code")
        objectives.widget.choices = [objectives.iterator(objectives).choice(o) for o in shown]
        if project_id is None:
            objectives.help_text = _("Choose the project first: its objectives are listed here.")

        # The directory runs to thousands: the form lists the project's usual ones; the picker
        # (forms.js) searches the rest (stakeholders:lookup). Any institution passes the field.
        institutions = self.fields["institutions"]
        institutions.queryset = Institution.objects.all()
        institutions.widget.choices = grouped_choices(
            institutions,
            self.listed_institutions(project_id),
            lambda i: str(i.country) if i.country_id else _("International"),
        )

        cancel_url = self.instance.get_absolute_url() if self.instance.pk else reverse("my-work")
        buttons = [Submit("save", _("Save"))]
        if not self.instance.pk:
            buttons.append(SecondarySubmit(SAVE_AND_ADD_ANOTHER, _("Save and add another")))
        self.helper = FormHelper()
        self.helper.form_tag = False  # the template's, so the fields can be cached without CSRF
        self.helper.layout = Layout(
            *self.version_layout,
            Fieldset(
                _("What"),
                Row(Column("project", css_class="col-md-8"), Column("kind", css_class="col-md-4")),
                self.side_by_side("title"),
                Row(
                    Column("status", css_class="col-md-4"),
                    Column("format", css_class="col-md-4"),
                    Column("scope", css_class="col-md-4"),
                ),
                self.side_by_side("description"),
                Div("objectives", css_class="js-project-options"),
            ),
            Fieldset(
                _("When and where"),
                Row(
                    Column("start_date", "start_precision", css_class="col-md-6"),
                    Column("end_date", "end_precision", css_class="col-md-6"),
                ),
                Row(Column("duration_days", css_class="col-md-4")),
                "confirm_outside_period",
                Row(Column("venue", css_class="col-md-6"), Column("city", css_class="col-md-6")),
                InlineCheckboxes("countries"),
            ),
            Fieldset(
                _("Who took part"),
                Div(
                    "institutions",
                    HTML(
                        format_html(
                            '<p class="form-text"><a class="js-add-institution" href="{}" '
                            'target="_blank" rel="noopener">{}</a> {}</p>',
                            reverse("stakeholders:create"),
                            _("Not in the directory? Add an institution"),
                            _("(opens in a new tab)"),
                        )
                    ),
                    css_class="js-institution-picker",
                    data_lookup_url=reverse("stakeholders:lookup"),
                    data_search_label=_("Search institutions by name, acronym or country"),
                    data_found_label=_("Found in the directory"),
                    data_count_label=_("Institutions found: %(count)s"),
                    data_close_label=_("Close"),
                    data_failed_label=_("The institution could not be added from here."),
                ),
                Row(
                    Column("participants_qualifier", css_class="col-md-3"),
                    Column("participants_total", css_class="col-md-3"),
                    Column("participants_women", css_class="col-md-3"),
                    Column("participants_men", css_class="col-md-3"),
                ),
                "facilitators",
                Row(
                    Column(cost, css_class="col-md-4"),
                    Column("external_reference", css_class="col-md-4"),
                ),
                "internal_note",
            ),
            FormActions(*buttons, cancel_link(cancel_url)),
        )

    def currency_of(self, project_id):
        """The cost box, with the chosen project's currency beside it once there is one."""
        project = None
        if project_id is not None:
            project = Project.objects.filter(pk=project_id).only("currency").first()
        if project is None:
            self.fields["cost"].help_text = _("In the chosen project's currency.")
            return "cost"
        self.fields["cost"].help_text = ""
        return AppendedText("cost", project.currency)

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk and not cleaned_data.get("status"):
            last_day = cleaned_data.get("end_date") or cleaned_data.get("start_date")
            past = last_day is not None and last_day < timezone.localdate()
            cleaned_data["status"] = Activity.Status.HELD if past else Activity.Status.PLANNED
        return cleaned_data

    def dates_outside_period(self, project, confirmed):
        self.fields["confirm_outside_period"].widget = forms.CheckboxInput()
        if not confirmed:
            self.add_error(
                "confirm_outside_period",
                _(
                    "These dates fall outside the project period (%(start)s – %(end)s). "
                    "Check them, or tick the box to save them as they are."
                )
                % project_period(project),
            )

    def listed_institutions(self, project_id):
        """The ones ticked, the project's partners and those of its latest activities."""
        if self.is_bound:
            name = self.add_prefix("institutions")
            widget = self.fields["institutions"].widget
            values = [str(v) for v in widget.value_from_datadict(self.data, self.files, name) or []]
            listed = Q(pk__in=[pk for pk in map(as_id, values) if pk is not None])
        elif self.instance.pk:
            listed = Q(pk__in=self.instance.institutions.values("pk"))
        else:  # a new one: those of the activity it is like, if any
            listed = Q(pk__in=self.initial.get("institutions", []))
        if project_id is not None:
            latest = Activity.objects.filter(project_id=project_id).order_by("-start_date", "-pk")
            listed |= Q(partnerships__project_id=project_id) | Q(
                activities__in=latest[:LATEST_ACTIVITIES].values("pk")
            )
        return (
            Institution.objects.filter(listed)
            .distinct()
            .select_related("country")
            .order_by("country__name", "name", "pk")
        )


class NewsItemForm(VersionedForm):
    class Meta:
        model = NewsItem
        field_classes = {"published_on": DatePartsField}
        fields = [
            "project",
            "activity",
            "title",
            "title_fr",
            "dateline",
            "published_on",
            "lead",
            "lead_fr",
            "body",
            "body_fr",
            "is_published",
        ]
        widgets = {
            "project": FastSelect,
            "lead": forms.Textarea(attrs={"rows": 3}),
            "lead_fr": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "body_fr": forms.Textarea(attrs={"rows": 14}),
            "is_published": forms.RadioSelect(
                choices=[
                    (False, _("Draft — only the project team and managers see it")),
                    (True, _("Published — visitors see it from the publication date")),
                ]
            ),
        }
        labels = {"is_published": _("Status")}
        help_texts = {
            "body": _(
                "Markdown: **bold**, *italic*, [link](https://…), lists with “- ”. "
                "Use Preview to check it."
            ),
            "activity": _("Optional: the activity this story is about, of the same project."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        projects = Project.objects.editable_by(user)
        project_id = self.choose_project(projects, "news:choices")

        # Any of the user's activities passes the field, so that one of another project gets the
        # model's own message; only the chosen project's are listed (thousands for a manager).
        activity = self.fields["activity"]
        activity.queryset = Activity.objects.filter(project__in=projects)
        activity.label_from_instance = lambda a: f"{a.title} ({date_format(a.start_date)})"
        shown = Activity.objects.filter(project_id=project_id).order_by("-start_date", "-pk")
        activity.widget.choices = [
            ("", CHOOSE),
            *(activity.iterator(activity).choice(a) for a in shown),
        ]

        cancel_url = self.instance.get_absolute_url() if self.instance.pk else reverse("my-work")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *self.version_layout,
            Row(
                Column("project", css_class="col-md-6"),
                Column("activity", css_class="col-md-6 js-project-options"),
            ),
            self.side_by_side("title"),
            Row(
                Column("dateline", css_class="col-md-6"),
                Column("published_on", css_class="col-md-3"),
            ),
            self.side_by_side("lead"),
            self.side_by_side("body"),
            "is_published",
            FormActions(
                Submit("save", _("Save")),
                SecondarySubmit(PREVIEW, _("Preview")),
                cancel_link(cancel_url),
            ),
        )


class ConfirmDeleteForm(forms.Form):
    """The delete button of a confirmation page (nothing to fill in)."""

    def __init__(self, *args, cancel_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            FormActions(
                DangerSubmit("delete", _("Yes, delete")),
                cancel_link(cancel_url),
            )
        )


class RestoreForm(forms.Form):
    """The restore button of a deleted activity's history page (nothing to fill in)."""

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.layout = Layout(FormActions(Submit("restore", _("Restore this activity"))))
