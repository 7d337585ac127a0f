"""Importing activities from a spreadsheet: upload, preview row by row, then all or nothing."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from activities import spreadsheets
from activities.exports import headers
from activities.forms import ActivityForm
from activities.models import Activity, ActivityImport
from tests import factories
from tests.helpers import messages_of, page, signed_in, texts

pytestmark = pytest.mark.django_db

IMPORT = reverse("activities:import")
HEADERS = ["ID", "Project", "Kind", "Title", "Status", "Start", "End", "City",
           "Countries and territories", "Participants", "Women", "Men", "Institutions",
           "Objectives", "Cost", "Title (French)", "Start known to the", "End known to the",
           "Duration (days)", "Format", "Scope", "Venue", "Participant count is", "Facilitators",
           "Objective titles", "Description", "Description (French)", "External reference",
           "URL"]  # fmt: skip


@pytest.fixture
def setting(project):
    """What the rows name: the project's objectives, two countries and two institutions."""
    factories.ObjectiveFactory(project=project, code="1", position=1)
    factories.ObjectiveFactory(project=project, code="2", position=2)
    serbia = factories.CountryFactory(code="RS")
    kosovo = factories.KosovoFactory()
    ministry = factories.InstitutionFactory(name="Ministry of Justice", acronym="MoJ")
    factories.InstitutionFactory(name="Ombudsperson Institution", country=kosovo)
    return {"serbia": serbia, "kosovo": kosovo, "ministry": ministry}


def xlsx(rows, header=HEADERS, name="activities.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(rows, header=HEADERS, name="activities.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode())


def row(project, **cells):
    """A row of the export's columns (by key), empty where not given."""
    keys = [key for key, _label in spreadsheets.COLUMNS]
    values = {"project": project.title, "kind": "Training", "title": "Training", **cells}
    return [values.get(key) for key in keys]


def upload(client, file, **data):
    return client.post(IMPORT, {"file": file, **data})


def preview(client, response):
    """The preview page the upload led to: (summary lines, {row number: check text})."""
    assert response.status_code == 302, response.content.decode()[:2000]
    doc = page(client.get(response["Location"]))
    checks = {}
    for tr in doc.xpath("//table[@id='import-rows']/tbody/tr"):
        cell = tr.xpath("td")[-1]
        lines = [item.text_content() for item in cell.xpath(".//li")] or [cell.text_content()]
        checks[int(tr.xpath("th")[0].text_content())] = " ".join(" ".join(lines).split())
    return texts(doc, "//ul[@id='import-summary']/li"), checks


def test_a_team_member_previews_the_rows_then_imports_them_all(team_member, project, setting):
    client = signed_in(team_member)
    start = project.start_date + datetime.timedelta(days=30)
    file = xlsx(
        [
            row(
                project,
                title="Training on CPT standards",
                status="Held",
                start=datetime.datetime.combine(start, datetime.time()),  # an Excel date
                end=datetime.datetime.combine(start, datetime.time()) + datetime.timedelta(1),
                city="Belgrade",
                countries="Serbia; Kosovo*",
                participants=25,
                women=15,
                men=10,
                institutions="Ministry of Justice (MoJ); ombudsperson institution",
                objectives="1; 2",
                cost=1200.5,
                url="https://elsewhere.example/activities/9/",
            ),
            [None] * len(HEADERS),  # empty rows are left out
            row(
                project, kind="Study visit", title="Visit to Oslo", start=start.strftime("%d/%m/%Y")
            ),
        ]
    )

    response = upload(client, file)
    summary, checks = preview(client, response)

    assert checks == {2: "Ready", 4: "Ready"}
    assert summary == ["2 activities ready to import", "0 rows with errors"]
    assert not Activity.objects.exists()

    confirmed = client.post(response["Location"], {"confirm": ""})

    assert confirmed.status_code == 302
    assert messages_of(confirmed) == ["2 activities imported from “activities.xlsx”."]
    training = Activity.objects.get(title="Training on CPT standards")
    assert (training.kind, training.status, training.start_date, training.end_date) == (
        "training",
        "held",
        start,
        start + datetime.timedelta(1),
    )
    assert (training.participants_total, training.participants_women, str(training.cost)) == (
        25,
        15,
        "1200.50",
    )
    assert sorted(training.countries.values_list("code", flat=True)) == ["RS", "XK"]
    assert training.institutions.count() == 2
    assert sorted(training.objectives.values_list("code", flat=True)) == ["1", "2"]
    visit = Activity.objects.get(title="Visit to Oslo")
    assert (visit.kind, visit.status, visit.start_date, visit.end_date) == (
        "study_visit",
        "planned",
        start,
        start,
    )
    entry = training.history.get()
    assert entry.history_user == team_member
    assert entry.history_change_reason == "import:activities.xlsx"
    record = ActivityImport.objects.get()
    assert record.user == team_member and record.imported_at is not None
    assert set(record.activities.all()) == {training, visit}
    assert record.sheet == {}
    history = client.get(reverse("activities:history", args=[training.pk])).content.decode()
    assert "imported from the spreadsheet “activities.xlsx”" in history


def test_one_wrong_row_and_nothing_is_imported(team_member, project, outsider, setting):
    client = signed_in(team_member)
    other = outsider.memberships.get().project
    start = project.start_date.isoformat()
    file = csv_file(
        [
            row(project, title="Fine", start=start),
            row(project, title="Wrong date", start="31 Febtember"),
            row(other, title="Not ours", start=start),
            row(project, title="Unknown names", start=start, countries="Atlantis",
                institutions="Ministry of Magic", objectives="9"),
            row(project, title="Too many women", start=start, participants=5, women=6),
            row(project, kind="Picnic", title="", start=start),
            row(project, title="Odd new cells", start=start, duration="2.3", format="By pigeon",
                participants_qualifier="roughly", start_precision="Week"),
        ]
    )  # fmt: skip

    response = upload(client, file)
    summary, checks = preview(client, response)

    assert summary == ["1 activity ready to import", "6 rows with errors"]
    assert checks[2] == "Ready"
    assert checks[3] == "Start: The start date must be a real date."
    assert checks[4] == f"Project: none of your projects is titled or coded “{other.title}”."
    assert checks[5] == (
        "Countries: “Atlantis” is not a country or territory of the portal. "
        "Institutions: “Ministry of Magic” is not in the directory; add it there first. "
        "Objectives: the project has no objective “9”."
    )
    assert checks[6] == "Women: Women (6) are more than the participants (5)."
    assert checks[7] == (
        "Kind: Choose the kind from the list (“Picnic” is not in it). Title: Enter the title."
    )
    assert checks[8] == (
        "Start known to the: Choose the precision of the start date from the list (“Week” is not "
        "in it). Format: Choose the format from the list (“By pigeon” is not in it). Participant "
        "count is: Choose the kind of count from the list (“roughly” is not in it). "
        "Duration (days): Ensure this value is a multiple of step size 0.5."
    )
    doc = page(client.get(response["Location"]))
    assert not doc.xpath("//button[@name='confirm']")

    refused = client.post(response["Location"], {"confirm": ""})

    assert refused.status_code == 200
    assert "Nothing was imported" in refused.content.decode()
    assert not Activity.objects.exists()


def test_a_change_between_preview_and_confirmation_saves_none_of_the_rows(
    team_member, project, setting
):
    client = signed_in(team_member)
    start = project.start_date.isoformat()
    file = xlsx([row(project, title="First", start=start),
                 row(project, title="Second", start=start, objectives="2")])  # fmt: skip
    response = upload(client, file)
    assert preview(client, response)[0][0] == "2 activities ready to import"
    project.objectives.get(code="2").delete()

    refused = client.post(response["Location"], {"confirm": ""})

    assert refused.status_code == 200
    assert "Objectives: the project has no objective “2”." in refused.content.decode()
    assert not Activity.objects.exists()


def test_a_manager_imports_for_any_project(manager, project):
    client = signed_in(manager)
    response = upload(client, xlsx([row(project, start=project.start_date.isoformat())]))

    client.post(response["Location"], {"confirm": ""})

    assert Activity.objects.get().project == project


def test_dates_outside_the_project_period_need_the_box_ticked(team_member, project):
    client = signed_in(team_member)
    early = (project.start_date - datetime.timedelta(days=400)).isoformat()

    refused = preview(client, upload(client, xlsx([row(project, start=early)])))
    accepted = upload(client, xlsx([row(project, start=early)]), accept_outside_period="on")

    assert refused[1][2].startswith("Start: The dates fall outside the project period")
    assert preview(client, accepted)[1] == {2: "Ready"}
    client.post(accepted["Location"], {"confirm": ""})
    assert Activity.objects.get().start_date.isoformat() == early


def test_rows_already_in_the_portal_are_left_as_they_are(team_member, project):
    """The export's own file: every ID is an activity of the portal, so nothing is added."""
    factories.ActivityFactory(project=project, title="Logged before")
    client = signed_in(team_member)
    exported = client.get(reverse("activities:export-xlsx"), {"project": project.slug})
    file = SimpleUploadedFile("export.xlsx", exported.content)

    summary, checks = preview(client, upload(client, file))

    assert summary == [
        "0 activities ready to import",
        "0 rows with errors",
        "1 row already in the portal, left as it is",
    ]
    assert list(checks.values()) == [
        f"Already in the portal (ID {Activity.objects.get().pk}): left as it is"
    ]
    assert Activity.objects.count() == 1


def test_an_unknown_id_is_an_error_not_a_new_activity(team_member, project, outsider):
    hidden = factories.ActivityFactory(project=factories.ProjectFactory(is_published=False))
    client = signed_in(team_member)
    start = project.start_date.isoformat()

    checks = preview(client, upload(client, xlsx([row(project, id=hidden.pk, start=start)])))[1]

    assert checks[2] == f"ID: no activity {hidden.pk}; leave the ID empty for a new activity."


def test_the_french_export_reads_back(team_member, project):
    """Headers and labels in French, as the export writes them on /fr/ pages."""
    with translation.override("fr"):
        french = headers()
    client = signed_in(team_member)
    start = project.start_date.isoformat()
    file = xlsx([row(project, kind="Visite d’étude", status="Réalisé", start=start)], header=french)
    response = upload(client, file)

    client.post(response["Location"], {"confirm": ""})

    visit = Activity.objects.get()
    assert (visit.kind, visit.status) == ("study_visit", "held")


def test_extra_columns_are_named_and_left_out(team_member, project):
    client = signed_in(team_member)
    file = xlsx(
        [[project.title, "Training", "Seminar", project.start_date.isoformat(), "mine"]],
        header=["Project", "Kind", "Title", "Start", "Notes to self"],
    )

    summary, checks = preview(client, upload(client, file))

    assert summary[-1] == "Columns not imported: Notes to self"
    assert checks == {2: "Ready"}


def test_formula_cells_are_refused_with_a_message(team_member, project):
    client = signed_in(team_member)
    file = xlsx([row(project, start=project.start_date.isoformat(), participants="=10+15")])

    checks = preview(client, upload(client, file))[1]

    assert checks[2] == "Participants: the cell holds a formula; type its value instead."


def test_excel_day_numbers_in_a_date_column_are_dates(team_member, project):
    """A date cell formatted as a number ("45000") is still the date it counts."""
    client = signed_in(team_member)
    day = project.start_date + datetime.timedelta(days=10)
    serial = (day - datetime.date(1899, 12, 30)).days

    response = upload(client, xlsx([row(project, start=serial)]))
    client.post(response["Location"], {"confirm": ""})

    assert Activity.objects.get().start_date == day


def form_errors(response):
    assert response.status_code == 200
    return response.context["form"].errors["file"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("notes.txt", b"Project,Kind,Title,Start"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("archive.xlsx", b"PK\x03\x04 not really a zip"),
        ("binary.csv", b"\x00\x01\x02"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_a_form_error(team_member, name, content):
    response = upload(signed_in(team_member), SimpleUploadedFile(name, content))

    assert form_errors(response) == [
        "This file is not a spreadsheet the portal reads: upload an .xlsx file (as the Excel "
        "export writes it) or a .csv file."
    ]
    assert not ActivityImport.objects.exists()


def test_a_zip_that_is_no_workbook_is_a_form_error(team_member):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    response = upload(signed_in(team_member), SimpleUploadedFile("a.xlsx", buffer.getvalue()))

    assert "not a spreadsheet" in form_errors(response)[0]


def test_ten_thousand_rows_get_the_limit_message(team_member, project):
    rows = [row(project, title=f"Training {n}", start="2024-01-01") for n in range(10_000)]

    response = upload(signed_in(team_member), csv_file(rows))

    assert form_errors(response) == [
        "The file has more than 200 activities: split it into files of at most 200 rows."
    ]


def test_missing_columns_and_empty_files_are_named(team_member):
    client = signed_in(team_member)

    missing = upload(client, xlsx([["x"]], header=["Title", "Kind", "Colour"]))
    empty = upload(client, xlsx([], header=[]))
    headers_only = upload(client, xlsx([]))

    assert form_errors(missing) == [
        "These columns are missing: Project, Start. Use the headers the Excel export writes."
    ]
    assert form_errors(empty) == ["The file is empty."]
    assert form_errors(headers_only) == ["The file has no activity below its headers."]


def test_size_limits_give_a_message(team_member, project, monkeypatch):
    client = signed_in(team_member)
    file = xlsx([row(project, start="2024-01-01")] * 50)
    monkeypatch.setattr(spreadsheets, "MAX_UPLOAD_BYTES", 1024)
    assert form_errors(upload(client, file)) == ["The file is larger than 1.0\xa0KB."]

    monkeypatch.setattr(spreadsheets, "MAX_UPLOAD_BYTES", 5 * 2**20)
    monkeypatch.setattr(spreadsheets, "MAX_UNZIPPED_BYTES", 2048)
    file.seek(0)
    assert form_errors(upload(client, file)) == ["The spreadsheet is too large once unpacked."]


def test_the_preview_belongs_to_whoever_uploaded_it(team_member, project, manager):
    client = signed_in(team_member)
    response = upload(client, xlsx([row(project, start=project.start_date.isoformat())]))
    url = response["Location"]
    colleague = factories.MembershipFactory(project=project).user

    assert signed_in(colleague).get(url).status_code == 404
    assert signed_in(manager).post(url, {"confirm": ""}).status_code == 404
    assert not Activity.objects.exists()
    client.post(url, {"confirm": ""})
    assert client.get(url).status_code == 404  # imported: it cannot be confirmed twice
    assert client.post(url, {"confirm": ""}).status_code == 404
    assert Activity.objects.count() == 1


def test_a_new_upload_replaces_the_one_waiting_and_cancel_drops_it(team_member, project):
    client = signed_in(team_member)
    file = xlsx([row(project, start=project.start_date.isoformat())])
    first = upload(client, file)
    file.seek(0)
    second = upload(client, file)

    assert client.get(first["Location"]).status_code == 404
    cancelled = client.post(second["Location"], {"cancel": ""})

    assert cancelled["Location"] == IMPORT
    assert messages_of(cancelled) == ["The import was cancelled: nothing was saved."]
    assert not ActivityImport.objects.exists()
    assert not Activity.objects.exists()


def test_my_work_links_to_the_import(team_member):
    html = signed_in(team_member).get(reverse("my-work")).content.decode()

    assert f'href="{IMPORT}"' in html


def test_a_workbook_the_export_wrote_is_read_with_its_types(team_member, project):
    """Dates come back as dates and numbers as numbers from the export's own workbook."""
    factories.ActivityFactory(project=project, participants_total=12, participants_women=5)
    exported = signed_in(team_member).get(reverse("activities:export-xlsx"))
    sheet = load_workbook(io.BytesIO(exported.content)).active
    sheet.delete_cols(1)  # no ID: read as new activities
    buffer = io.BytesIO()
    sheet.parent.save(buffer)

    read = spreadsheets.read(SimpleUploadedFile("again.xlsx", buffer.getvalue()))

    activity = Activity.objects.get()
    [only] = read.rows
    assert only["cells"]["start"] == activity.start_date.isoformat()
    assert (only["cells"]["participants"], only["cells"]["women"]) == ("12", "5")


ROUND_TRIP_FIELDS = [
    name
    for name in ActivityForm.Meta.fields
    if name not in ("countries", "objectives", "institutions")
]


def exported_values():
    """Every field the activity form sets, links included, per activity by English title."""
    return {
        activity.title_en: (
            {name: getattr(activity, name) for name in ROUND_TRIP_FIELDS}
            | {
                "title": activity.title_en,
                # An empty translated text is stored as "" or NULL: the same to a user.
                "title_fr": activity.title_fr or "",
                "description": activity.description_en or "",
                "description_fr": activity.description_fr or "",
                "countries": set(activity.countries.values_list("code", flat=True)),
                "objectives": set(activity.objectives.values_list("code", flat=True)),
                "institutions": set(activity.institutions.values_list("name", flat=True)),
            }
        )
        for activity in Activity.objects.all()
    }


def without_ids(exported, extension):
    """The export's file with its ID column emptied, footnote line kept: new activities."""
    if extension == "csv":
        header, *lines = csv.reader(io.StringIO(exported.decode()))
        buffer = io.StringIO()
        csv.writer(buffer).writerows(
            [header, *[["", *line[1:]] if len(line) > 1 else line for line in lines]]
        )
        return SimpleUploadedFile("again.csv", buffer.getvalue().encode())
    workbook = load_workbook(io.BytesIO(exported))
    sheet = workbook.active
    for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
        if isinstance(cell.value, int):
            cell.value = None
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("again.xlsx", buffer.getvalue())


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_an_export_imports_back_with_the_same_values(team_member, project, setting, extension):
    month = project.start_date.replace(day=1) + datetime.timedelta(days=62)
    factories.ActivityFactory(
        project=project,
        title="Training on CPT standards",
        title_fr="Formation aux normes du CPT",
        start_date=month,
        start_precision="month",
        end_date=month,
        end_precision="month",
        duration_days=Decimal("2.5"),
        format=Activity.Format.HYBRID,
        scope=Activity.Scope.NATIONAL,
        venue="Palace of Justice",
        city="Pristina",
        countries=[setting["kosovo"], setting["serbia"]],
        institutions=[setting["ministry"]],
        objectives=list(project.objectives.filter(code__in=["1", "2"])),
        participants_qualifier=Activity.Qualifier.ABOUT,
        participants_total=40,
        participants_women=25,
        description="Line 1\nLine 2; with “quotes”",
        description_fr="Ligne 1",
        facilitators="Two CPT experts",
        cost=Decimal("1200.50"),
        external_reference="HF-2024-17",
    )
    factories.ActivityFactory(
        project=project, title="=Planned visit", kind=Activity.Kind.STUDY_VISIT, status="planned"
    )
    before = exported_values()
    client = signed_in(team_member)
    response = client.get(reverse(f"activities:export-{extension}"))
    exported = b"".join(response.streaming_content) if response.streaming else response.content
    Activity.objects.all().delete()

    response = upload(client, without_ids(exported, extension), accept_outside_period="on")
    assert preview(client, response)[1] == {2: "Ready", 3: "Ready"}
    client.post(response["Location"], {"confirm": ""})

    assert exported_values() == before
