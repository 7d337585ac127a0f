"""Reading a spreadsheet of activities: the columns the exports write, as text per row.

openpyxl reads .xlsx files (it already writes the export), the csv module .csv files;
activities/import_checks.py then checks each row.

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

from activities.exports import COLUMNS, FOOTNOTE_MARK, csv_uncell
from core.slugs import folded

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
# Each row is checked by a model form and saved with its history: about 0.1 s a row in all.
MAX_ROWS = 200
MAX_COLUMNS = 40
REQUIRED = ("project", "kind", "title", "start")
DATES = ("start", "end")
# The form field each imported column fills (ID, objective titles and URL are read, not
# imported: the codes name the objectives).
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
    "title_fr": "title_fr",
    "start_precision": "start_precision",
    "end_precision": "end_precision",
    "duration": "duration_days",
    "format": "format",
    "scope": "scope",
    "venue": "venue",
    "participants_qualifier": "participants_qualifier",
    "facilitators": "facilitators",
    "description": "description",
    "description_fr": "description_fr",
    "external_reference": "external_reference",
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
        yield [csv_uncell(cell) for cell in row[:MAX_COLUMNS]]


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
        if all(blank(value) for value in line) or is_footnote(line):
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


def is_footnote(line):
    """The export's footnote line (*All reference to Kosovo…): text in the first cell only."""
    first, *others = line or [None]
    return (
        isinstance(first, str)
        and first.startswith(FOOTNOTE_MARK)
        and all(blank(value) for value in others)
    )


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
