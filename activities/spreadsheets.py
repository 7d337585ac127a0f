"""Reading a spreadsheet of activities (the columns the exports write) and checking each row.

openpyxl reads .xlsx files (it already writes the export), the csv module .csv files; each row is
then checked by `ActivityRowForm`, which makes the activity form's own checks (model validation,
`ActivityRules`), so an imported activity passes exactly what a typed one must. Names in the
cells (project, countries, institutions, objectives) are looked up among what the user may use.

Untrusted files: the upload and its unzipped size are bounded, only the first sheet's first
MAX_COLUMNS columns are read, at most MAX_ROWS activities, formulas are refused (their value is
what the user means, and openpyxl does not compute it), and anything unreadable is a form error.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from activities.exports import COLUMNS
from activities.forms import ActivityForm, ActivityRules, project_period
from activities.models import Activity
from core.forms import RecordForm
from core.slugs import folded
from projects.models import Objective, Project
from stakeholders.models import Country, Institution

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
# Each row is checked by a model form and saved with its history: about 0.1 s a row in all.
MAX_ROWS = 200
MAX_COLUMNS = 40
LIST_SEPARATOR = ";"
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")
REQUIRED = ("project", "kind", "title", "start")
DATES = ("start", "end")
# The form field each imported column fills (ID and URL are read, not imported).
FIELDS = {
    "project": "project",
    "kind": "kind",
    "title": "title",
    "status": "status",
    "start": "start_date",
    "end": "end_date",
    "city": "city",
    "countries": "countries",
    "participants": "participants_total",
    "women": "participants_women",
    "men": "participants_men",
    "institutions": "institutions",
    "objectives": "objectives",
    "cost": "cost",
}
LABELS = dict(COLUMNS)


class SpreadsheetError(Exception):
    """What is wrong with the file as a whole, for the upload form to show."""


@dataclass
class Sheet:
    columns: list  # the column keys found, in file order
    ignored: list  # headers of columns that are not imported
    rows: list = field(default_factory=list)  # {"number", "cells": {key: text}, "formulas": [keys]}


# Reading -------------------------------------------------------------------------------------


def read(upload):
    """The rows of an uploaded .xlsx or .csv file; SpreadsheetError when it cannot be read."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise SpreadsheetError(
            _("The file is larger than %(size)s.") % {"size": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    content = upload.read()
    if content.startswith(b"PK\x03\x04"):
        lines = xlsx_lines(content)
    elif upload.name.lower().endswith(".csv") and b"\x00" not in content:
        lines = csv_lines(content)
    else:
        raise not_a_spreadsheet()
    return sheet_from(lines)


def not_a_spreadsheet():
    return SpreadsheetError(
        _(
            "This file is not a spreadsheet the portal reads: upload an .xlsx file (as the Excel "
            "export writes it) or a .csv file."
        )
    )


class Formula:
    """A cell holding a formula (its result is not stored in the file for us to trust)."""


def xlsx_lines(content):
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
            raise SpreadsheetError(_("The spreadsheet is too large once unpacked."))
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl and zipfile raise many kinds on a broken file
        raise not_a_spreadsheet() from error

    def lines():
        try:
            for row in sheet.iter_rows(max_col=MAX_COLUMNS):
                yield [Formula() if cell.data_type == "f" else cell.value for cell in row]
        except Exception as error:  # a sheet broken past its first rows
            raise not_a_spreadsheet() from error
        finally:
            workbook.close()

    return lines()


def csv_lines(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for row in csv.reader(io.StringIO(text), dialect):
        yield row[:MAX_COLUMNS]


def header_keys():
    """{folded header: column key} for the headers the export writes, in every language."""
    keys = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for key, label in COLUMNS:
                keys[folded(str(label))] = key
    return keys


def sheet_from(lines):
    keys = header_keys()
    lines = iter(lines)
    header = next((line for line in lines if any(not blank(value) for value in line)), None)
    if header is None:
        raise SpreadsheetError(_("The file is empty."))
    columns = [keys.get(folded(str(value or ""))) for value in header]
    missing = [str(LABELS[key]) for key in REQUIRED if key not in columns]
    if missing:
        raise SpreadsheetError(
            _("These columns are missing: %(columns)s. Use the headers the Excel export writes.")
            % {"columns": ", ".join(missing)}
        )
    ignored = [
        str(value).strip()
        for value, key in zip(header, columns, strict=True)
        if key is None and not blank(value)
    ]
    sheet = Sheet(columns=[key for key in columns if key], ignored=ignored)
    for number, line in enumerate(lines, start=2):
        if all(blank(value) for value in line):
            continue
        if len(sheet.rows) == MAX_ROWS:
            raise SpreadsheetError(
                _(
                    "The file has more than %(max)d activities: split it into files of at most "
                    "%(max)d rows."
                )
                % {"max": MAX_ROWS}
            )
        cells, formulas = {}, []
        for key, value in zip(columns, line, strict=False):
            if key is None:
                continue
            if isinstance(value, Formula):
                formulas.append(key)
            else:
                cells[key] = cell_text(value, key)
        sheet.rows.append({"number": number, "cells": cells, "formulas": formulas})
    return sheet


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value, key):
    """A cell as text: dates as 2024-05-31 (Excel dates, or day numbers in a date column)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if key in DATES and 0 < value < 2958466:  # Excel's day numbers, up to 9999-12-31
            return from_excel(value).date().isoformat()
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value).strip()


# Checking ------------------------------------------------------------------------------------


class ActivityRowForm(ActivityRules, RecordForm):
    """One row, checked as the activity form checks a typed activity."""

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
                for name in ("kind", "status"):
                    for value, label in Activity._meta.get_field(name).choices:
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
    # Not in the export: the model's defaults, as the activity form offers them.
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
    for name in ("kind", "status"):
        text = cells.get(name, "")
        if text:
            data[name] = names.choices[name].get(folded(text), text)
    for key in DATES:
        data[FIELDS[key]] = read_date(cells.get(key, ""))
    data["countries"] = [
        one(
            names.countries.get(folded(part)),
            part,
            errors,
            unknown=_("Countries: “%(name)s” is not a country or territory of the portal."),
            several=_("Countries: “%(name)s” names several countries."),
        )
        for part in parts(cells.get("countries", ""))
    ]
    data["institutions"] = [
        one(
            names.institutions.get(folded(part)),
            part,
            errors,
            unknown=_("Institutions: “%(name)s” is not in the directory; add it there first."),
            several=_(
                "Institutions: several institutions are called “%(name)s”; add the "
                "acronym in brackets."
            ),
        )
        for part in parts(cells.get("institutions", ""))
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
