"""The period report (issue 15, item 5): HTML, PDF and Excel, for the team and managers."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from activities.models import Activity
from projects.logframe import ValueStatus
from projects.models import Expenditure, ReportNarrative
from tests import factories
from tests.helpers import page, texts

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 6, 30)
QUERY = "?start=2024-01-01&end=2024-06-30"


@pytest.fixture
def reported(project):
    """A project with two activities in the first half of 2024 (one in Kosovo*) and one after,
    an indicator measured before, in and after the period, spending and a story."""
    project.title = "Prisons reform"
    project.start_date, project.end_date = datetime.date(2023, 1, 1), datetime.date(2025, 12, 31)
    project.save()
    factories.BudgetLineFactory(project=project, year=2024, amount=120_000)
    objective = factories.ObjectiveFactory(project=project, code="1", title="Staff trained")
    indicator = factories.IndicatorFactory(
        objective=objective, name="Prison staff trained", baseline=10, target=110
    )
    for day, value in [
        ("2023-12-01", 20),
        ("2024-03-01", 40),
        ("2024-06-01", 60),
        ("2024-09-01", 90),
    ]:
        factories.IndicatorValueFactory(
            indicator=indicator,
            date=datetime.date.fromisoformat(day),
            value=value,
            status=ValueStatus.APPROVED,
        )
    kosovo, serbia = factories.KosovoFactory(), factories.CountryFactory(code="RS", name="Serbia")
    ministry = factories.InstitutionFactory(name="Ministry of Justice")
    factories.ActivityFactory(
        project=project, title="Training of trainers", start_date=datetime.date(2024, 2, 5),
        participants_total=30, participants_women=18, participants_men=12,
        countries=[kosovo], institutions=[ministry], objectives=[objective],
    )  # fmt: skip
    factories.ActivityFactory(
        project=project, title="Round table", kind=Activity.Kind.MEETING,
        start_date=datetime.date(2024, 5, 10), participants_total=10, participants_women=4,
        participants_men=6, countries=[serbia, kosovo],
    )  # fmt: skip
    factories.ActivityFactory(project=project, title="Later", start_date=datetime.date(2024, 8, 1))
    Expenditure.objects.create(
        project=project, date=datetime.date(2024, 3, 3), amount=Decimal(30_000), category="events"
    )
    factories.NewsItemFactory(project=project, title="Trainers certified", published_on=START)
    return project, objective


def url(project, name="report"):
    return reverse(f"projects:{name}", args=[project.slug]) + QUERY


def test_the_report_gives_the_periods_figures_indicators_activities_and_news(
    client, team_member, reported
):
    project, _objective = reported
    client.force_login(team_member)

    doc = page(client.get(url(project)))

    figures = dict(zip(texts(doc, "//dl/dt"), texts(doc, "//dl/dd"), strict=True))
    assert figures["Activities"].startswith("2 (held: 2")
    assert figures["Participants in held activities"] == "40"
    assert figures["Women · men"] == "22 · 18 (55 % women)"
    assert figures["Institutions taking part"] == "1"
    assert figures["News published"] == "1"
    assert figures["Spent in the period"] == "30,000 EUR"
    # IPTT row: baseline, target, the period's latest value, cumulative, progress to target.
    assert texts(doc, "//table[contains(@class, 'iptt')]/tbody/tr/*") == [
        "Prison staff trained (people)", "10", "110", "60", "60", "50 %",
    ]  # fmt: skip
    assert texts(doc, "//table[@id='report-activity-list']//span[@class='activity-title']") == [
        "Training of trainers",
        "Round table",
    ]
    assert texts(doc, "//table[@id='report-participants-by-country']/tbody/tr/th") == [
        "Kosovo*",
        "Serbia",
    ]
    assert "Trainers certified" in texts(doc, "//section[@aria-labelledby='report-news']//a")
    assert texts(doc, "//table[@id='budget-spending']/tbody/tr[1]/*")[:4] == [
        "2024", "120,000", "30,000", "90,000",
    ]  # fmt: skip
    assert "United Nations Security Council Resolution 1244" in doc.text_content()


def test_a_cumulative_indicator_adds_its_values_up_to_the_periods_end_on_report_and_dashboard(
    client, team_member, reported
):
    project, objective = reported
    objective.indicators.update(cumulative=True)
    client.force_login(team_member)

    doc = page(client.get(url(project)))

    # 10 + 20 + 40 + 60 (the September value falls after the period): 130 of 110 is 120 %.
    assert texts(doc, "//table[contains(@class, 'iptt')]/tbody/tr/*") == [
        "Prison staff trained (people)", "10", "110", "60", "130", "120 %",
    ]  # fmt: skip
    dashboard = page(client.get(reverse("projects:dashboard", args=[project.slug])))
    row = texts(dashboard, f"//tr[@id='indicator-{objective.indicators.get().pk}']/td")
    assert row[:3] == ["10", "220 (1 September 2024)", "110"]  # 10 + 20 + 40 + 60 + 90


def test_the_team_writes_a_narrative_per_result_that_the_report_keeps_for_its_period(
    client, team_member, reported
):
    project, objective = reported
    client.force_login(team_member)

    response = client.post(url(project), {f"narrative-{objective.pk}": "Trainers now teach."})

    assert response.status_code == 302
    assert response["Location"] == url(project) + "#narratives"
    kept = ReportNarrative.objects.get()
    assert (kept.start, kept.end, kept.updated_by) == (START, END, team_member)
    assert "Trainers now teach." in client.get(url(project)).content.decode()
    other = reverse("projects:report", args=[project.slug]) + "?start=2024-01-01&end=2024-12-31"
    assert "Trainers now teach." not in client.get(other).content.decode()


def test_bad_periods_are_a_400_with_the_reason_and_visitors_are_sent_to_sign_in(
    client, team_member, reported
):
    project, _objective = reported
    base = reverse("projects:report", args=[project.slug])
    assert client.get(url(project))["Location"].startswith(reverse("login"))
    client.force_login(team_member)

    backwards = client.get(base + "?start=2024-06-30&end=2024-01-01")
    assert backwards.status_code == 400
    assert "The end of the period cannot be before its start." in backwards.content.decode()
    assert client.get(base + "?start=2024-13-01&end=2024-12-31").status_code == 400
    pdf = client.get(reverse("projects:report-pdf", args=[project.slug]) + "?start=x&end=")
    assert pdf.status_code == 400
    assert "Not a reporting period" in pdf.content.decode()


def test_the_pdf_and_the_workbook_hold_the_same_report(client, manager, reported):
    project, _objective = reported
    client.force_login(manager)

    pdf = client.get(url(project, "report-pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert len(pdf.content) > 5000

    response = client.get(url(project, "report-xlsx"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Indicators", "Activities", "Participants"]
    indicators = list(workbook["Indicators"].values)
    assert indicators[0][:8] == (
        "Objective", "Indicator", "Unit", "Baseline", "Target", "Period actual", "Cumulative",
        "Progress to target",
    )  # fmt: skip
    assert indicators[1][1] == "Prison staff trained"
    assert indicators[1][5:] == (60, 60, 50)
    activities = list(workbook["Activities"].values)
    assert [row[2] for row in activities[1:]] == ["Training of trainers", "Round table"]
    assert list(workbook["Participants"].values)[1:] == [
        ("Kosovo*", 2, 40, 22, 18),
        ("Serbia", 1, 10, 4, 6),
        ("All held activities", 2, 40, 22, 18),
    ]


def pdf_text(response):
    """The PDF's text, its pages one after another, each run of spaces and line breaks one space."""
    pages = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_the_pdf_lists_every_activity_of_the_period_with_its_figures(client, manager, reported):
    project, objective = reported
    for day in range(1, 41):
        factories.ActivityFactory(
            project=project, title=f"Workshop number {day}", start_date=datetime.date(2024, 3, 1),
            city="Pristina", participants_total=day, participants_women=day - 1,
            participants_men=1, objectives=[objective],
        )  # fmt: skip
    client.force_login(manager)

    text = pdf_text(client.get(url(project, "report-pdf")))

    # One paragraph per activity, over several pages: every one is there, in date order.
    assert "participants: 30 (women: 18, men: 12) · Ministry of Justice" in text
    assert "Round table · Meeting · Held" in text
    for day in range(1, 41):
        assert f"Workshop number {day} · Training · Held · Pristina · participants: {day} " in text
    assert text.index("Training of trainers") < text.index("Workshop number 1 ")
    assert text.index("Workshop number 40") < text.index("Round table")
    assert "Later" not in text
    assert "Prison staff trained" in text


def test_the_reports_queries_do_not_grow_with_its_activities(client, manager, reported):
    project, objective = reported
    client.force_login(manager)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url(project)).status_code == 200
        return len(context.captured_queries)

    queries()  # the first request reads what is then kept (permissions, footnotes)
    before = queries()
    for day in range(1, 11):
        factories.ActivityFactory(
            project=project, start_date=datetime.date(2024, 4, day),
            institutions=[factories.InstitutionFactory()], objectives=[objective],
        )  # fmt: skip
    assert queries() == before
