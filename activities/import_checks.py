"""Checking the rows of a spreadsheet of activities (read by activities/spreadsheets.py).

Each row is checked by `ActivityRowForm`, which makes the activity form's own checks (model
validation, `ActivityRules`), so an imported activity passes exactly what a typed one must. The
names in the cells (project, countries, institutions, objectives) are looked up among what the
user may use, whatever the case, accents and spacing (core.slugs.folded).
"""

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.exports import CHOICE_COLUMNS
from activities.forms import ActivityForm, ActivityRules, project_period
from activities.models import Activity
from activities.spreadsheets import DATES, FIELDS, LABELS
from core.forms import RecordForm
from core.slugs import folded
from projects.models import Objective, Project
from stakeholders.models import Country, Institution

LIST_SEPARATOR = ";"
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")


class ActivityRowForm(ActivityRules, RecordForm):
    """One row, checked as the activity form checks a typed activity."""

    # The precision is a column of its own in a sheet (a hidden field in the form).
    message_names = {
        **ActivityForm.message_names,
        "start_precision": gettext_lazy("precision of the start date"),
        "end_precision": gettext_lazy("precision of the end date"),
    }

    class Meta:
        model = Activity
        fields = ActivityForm.Meta.fields
        field_classes = ActivityForm.Meta.field_classes

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects
        self.fields["objectives"].queryset = Objective.objects.filter(project__in=projects)
        self.fields["institutions"].queryset = Institution.objects.all()
        self.fields["countries"].queryset = Country.objects.all()

    def dates_outside_period(self, project, confirmed):
        if not confirmed:
            self.add_error(
                "start_date",
                _(
                    "The dates fall outside the project period (%(start)s – %(end)s); tick "
                    "“Accept dates outside the project period” to import them as they are."
                )
                % project_period(project),
            )


class Names:
    """What the cells may name, looked up by folded name among what `user` may use."""

    def __init__(self, user):
        self.projects = Project.objects.editable_by(user)
        self.project_keys = {}
        for pk, title, code in self.projects.values_list("pk", "title", "code"):
            self.project_keys.setdefault(folded(title), set()).add(pk)
            if code:
                self.project_keys.setdefault(folded(code), set()).add(pk)
        self.countries = {}
        for pk, code, name, name_fr in Country.objects.values_list("pk", "code", "name", "name_fr"):
            for text in (code, name, name_fr):
                if text:
                    self.countries.setdefault(folded(text), set()).add(pk)
        self.institutions = {}
        for pk, name, acronym in Institution.objects.values_list("pk", "name", "acronym"):
            texts = [name, f"{name} ({acronym})", acronym] if acronym else [name]
            for text in texts:
                self.institutions.setdefault(folded(text), set()).add(pk)
        choices = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for name in CHOICE_COLUMNS:
                    for value, label in Activity._meta.get_field(name).flatchoices:
                        choices.setdefault(name, {})[folded(str(label))] = value
                        choices[name][folded(value)] = value
        self.choices = choices
        self.objectives = {}

    def objective_keys(self, project_id):
        if project_id not in self.objectives:
            self.objectives[project_id] = {
                folded(code): pk
                for pk, code in Objective.objects.filter(project_id=project_id).values_list(
                    "pk", "code"
                )
            }
        return self.objectives[project_id]


def one(found, text, errors, *, unknown, several):
    """The one id `found` for `text`, or None with a message in `errors`."""
    if not found:
        errors.append(unknown % {"name": text})
    elif len(found) > 1:
        errors.append(several % {"name": text})
    else:
        return next(iter(found))
    return None


def parts(text):
    return [part.strip().rstrip("*").strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def form_data(cells, names, errors):
    """The activity form's data for a row's cells; what cannot be read goes to `errors`.

    Also returns the form fields already reported that way (the form would only repeat it).
    """
    data = {name: cells.get(key, "") for key, name in FIELDS.items()}
    # Left empty (or not in the file): the model's defaults, as the activity form offers them.
    data.update(format=Activity.Format.IN_PERSON, status=Activity.Status.PLANNED)
    project_text = cells.get("project", "")
    project_id = None
    if project_text:
        project_id = one(
            names.project_keys.get(folded(project_text)),
            project_text,
            errors,
            unknown=_("Project: none of your projects is titled or coded “%(name)s”."),
            several=_("Project: several of your projects are titled “%(name)s”; write its code."),
        )
    data["project"] = project_id or ""
    reported = {"project"} if project_text and not project_id else set()
    for name in CHOICE_COLUMNS:
        text = cells.get(name, "")
        if text:
            data[name] = names.choices[name].get(folded(text), text)
    for key in DATES:
        data[FIELDS[key]] = read_date(cells.get(key, ""))
    for key, index, unknown, several in [
        (
            "countries",
            names.countries,
            _("Countries: “%(name)s” is not a country or territory of the portal."),
            _("Countries: “%(name)s” names several countries."),
        ),
        (
            "institutions",
            names.institutions,
            _("Institutions: “%(name)s” is not in the directory; add it there first."),
            _(
                "Institutions: several institutions are called “%(name)s”; add the "
                "acronym in brackets."
            ),
        ),
    ]:
        data[key] = [
            one(index.get(folded(part)), part, errors, unknown=unknown, several=several)
            for part in parts(cells.get(key, ""))
        ]
    objective_codes = parts(cells.get("objectives", ""))
    if objective_codes and project_id:
        keys = names.objective_keys(project_id)
        data["objectives"] = [
            one(
                {keys[folded(code)]} if folded(code) in keys else set(),
                code,
                errors,
                unknown=_("Objectives: the project has no objective “%(name)s”."),
                several="",
            )
            for code in objective_codes
        ]
    for name in ("countries", "institutions", "objectives"):
        data[name] = [pk for pk in data.get(name, []) if pk is not None]
    return data, reported


def read_date(text):
    """An ISO date for the form; day first when written with slashes or dots (31/05/2024)."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date().isoformat()  # noqa: DTZ007
        except ValueError:
            continue
    return text  # the form says what is wrong with it


def check(rows, *, user, accept_outside_period):
    """Each row with its `errors` (labelled by column) or, when it has none, its valid `form`.

    A row whose ID is an activity already in the portal is `skipped`: the import adds new
    activities only. An ID the user cannot read is unknown.
    """
    names = Names(user)
    ids = {row["cells"].get("id", "") for row in rows} - {""}
    known = set(
        Activity.objects.for_user(user)
        .filter(pk__in=[int(i) for i in ids if i.isdecimal() and len(i) < 19])
        .values_list("pk", flat=True)
    )
    labels = {name: str(LABELS[key]) for key, name in FIELDS.items()}
    checked = []
    for row in rows:
        cells = row["cells"]
        result = {"number": row["number"], "cells": cells, "errors": [], "skipped": False}
        identifier = cells.get("id", "")
        if identifier:
            if identifier.isdecimal() and int(identifier) in known:
                result["skipped"] = True
                checked.append(result)
                continue
            result["errors"].append(
                _("ID: no activity %(id)s; leave the ID empty for a new activity.")
                % {"id": identifier}
            )
        for key in row["formulas"]:
            result["errors"].append(
                _("%(column)s: the cell holds a formula; type its value instead.")
                % {"column": LABELS[key]}
            )
        data, reported = form_data(cells, names, result["errors"])
        data["confirm_outside_period"] = accept_outside_period
        form = ActivityRowForm(data, projects=names.projects)
        if not form.is_valid():
            for name, messages in form.errors.items():
                if name in reported:
                    continue
                for message in messages:
                    column = labels.get(name)
                    result["errors"].append(f"{column}: {message}" if column else message)
        if not result["errors"]:
            result["form"] = form
        checked.append(result)
    return checked
