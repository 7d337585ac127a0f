import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from projects import iati
from projects.iati import rules
from projects.iati.export import country_percentages
from projects.logframe import ValueStatus
from projects.models import (
    Expenditure,
    Objective,
    PeriodTarget,
    ProjectPartner,
    ProjectSector,
    ReportingPeriod,
)
from tests import factories

APPROVED = ValueStatus.APPROVED

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(scope="module")
def schema():
    return iati.schema()


@pytest.fixture
def full_project(project):
    """Funders, partners, two countries (one Kosovo), a logframe with measured indicators."""
    project.code = "2203-HF"
    project.title = "Enhancing human rights protection for detained and sentenced persons"
    project.start_date = datetime.date(2019, 5, 24)
    project.end_date = datetime.date(2022, 12, 31)
    project.budget = Decimal("900000")
    project.save()
    project.countries.set([factories.CountryFactory(code="RS"), factories.KosovoFactory()])
    factories.eu_and_coe_funding(project, eu=810_000, coe=90_000)
    factories.PartnerFactory(
        project=project,
        institution__name="Ministry of Justice",
        role=ProjectPartner.Role.IMPLEMENTING,
    )
    factories.PartnerFactory(project=project, institution__name="Prison Administration")
    specific = factories.ObjectiveFactory(project=project, code="1", title="Safeguards")
    result = factories.ObjectiveFactory(
        project=project,
        code="1.1",
        title="Police trained",
        level=Objective.Level.RESULT,
        parent=specific,
    )
    staff = factories.IndicatorFactory(objective=result, name="Police officers trained", target=300)
    factories.IndicatorValueFactory(
        indicator=staff, date=datetime.date(2021, 6, 1), value=120, status=APPROVED
    )
    factories.IndicatorValueFactory(
        indicator=staff, date=datetime.date(2022, 6, 1), value=250, status=APPROVED
    )
    factories.IndicatorFactory(
        objective=specific, name="Complaints handled", unit="%", measure="2", target=80
    )
    return project


def get_document(client, project):
    response = client.get(reverse("projects:iati", args=[project.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def test_iati_export_validates_against_the_iati_203_schema(client, full_project, schema):
    document = get_document(client, full_project)
    schema.assertValid(document)


def test_iati_export_identifies_the_project_and_its_organisations(client, full_project):
    activity = get_document(client, full_project).find("iati-activity")
    assert activity.findtext("iati-identifier") == "XM-DAC-47138-2203-HF"
    assert activity.get("default-currency") == "EUR"
    assert activity.find("reporting-org").get("ref") == "XM-DAC-47138"
    assert activity.findtext("title/narrative") == full_project.title
    assert activity.findtext("description/narrative") == full_project.summary
    roles = [
        (org.get("role"), org.get("type"), org.findtext("narrative"))
        for org in activity.findall("participating-org")
    ]
    # Every partner with its role (beneficiary institutions too), each with a type.
    assert roles == [
        ("1", "40", "Council of Europe"),
        ("1", "90", "European Union"),  # a donor: no closer type
        ("2", "40", "Council of Europe"),
        ("4", "40", "Council of Europe"),
        ("4", "10", "Ministry of Justice"),
        ("4", "10", "Prison Administration"),
    ]


@pytest.mark.parametrize(
    ("role", "iati_role"),
    [
        (ProjectPartner.Role.COORDINATING, "2"),
        (ProjectPartner.Role.CO_ORGANISER, "4"),
        (ProjectPartner.Role.SPONSOR, "1"),
        (ProjectPartner.Role.CONTRACTING, "3"),
    ],
)
def test_iati_export_gives_each_partner_role_its_organisation_role(
    client, project, role, iati_role
):
    factories.PartnerFactory(project=project, institution__name="Partner body", role=role)

    activity = get_document(client, project).find("iati-activity")

    assert [
        org.get("role")
        for org in activity.findall("participating-org")
        if org.findtext("narrative") == "Partner body"
    ] == [iati_role]


def test_every_partner_role_maps_to_an_iati_organisation_role():
    assert set(ProjectPartner.IATI_ROLE) == set(ProjectPartner.Role)
    assert set(ProjectPartner.IATI_ROLE.values()) <= {"1", "2", "3", "4"}


def test_iati_export_states_status_dates_countries_and_budget(client, full_project):
    activity = get_document(client, full_project).find("iati-activity")
    # Ended more than a year ago: closed.
    assert activity.find("activity-status").get("code") == "4"
    dates = {d.get("type"): d.get("iso-date") for d in activity.findall("activity-date")}
    assert dates == {"1": "2019-05-24", "2": "2019-05-24", "3": "2022-12-31", "4": "2022-12-31"}
    countries = {
        c.get("code"): Decimal(c.get("percentage")) for c in activity.findall("recipient-country")
    }
    assert countries == {"RS": Decimal(50), "XK": Decimal(50)}
    # 900,000 over the 1,318 days from 24 May 2019 to 31 December 2022, split by days into
    # calendar years (222, 366, 365 and 365 days); the last year takes the rounding.
    budgets = [
        (
            b.get("status"),
            b.find("period-start").get("iso-date"),
            b.find("period-end").get("iso-date"),
            b.find("value").text,
            b.find("value").get("value-date"),
        )
        for b in activity.findall("budget")
    ]
    assert budgets == [
        ("1", "2019-05-24", "2019-12-31", "151593.32", "2019-05-24"),
        ("1", "2020-01-01", "2020-12-31", "249924.12", "2020-01-01"),
        ("1", "2021-01-01", "2021-12-31", "249241.27", "2021-01-01"),
        ("1", "2022-01-01", "2022-12-31", "249241.29", "2022-01-01"),
    ]


def test_iati_export_reports_results_with_baseline_target_and_latest_actual(client, full_project):
    activity = get_document(client, full_project).find("iati-activity")
    results = {r.findtext("title/narrative"): r for r in activity.findall("result")}
    assert set(results) == {"1. Safeguards", "1.1. Police trained"}
    assert results["1. Safeguards"].get("type") == "2"  # outcome
    output = results["1.1. Police trained"]
    assert output.get("type") == "1"
    indicator = output.find("indicator")
    assert indicator.get("measure") == "1"
    assert indicator.findtext("title/narrative") == "Police officers trained"
    assert indicator.find("baseline").get("value") == "0"
    assert indicator.find("period/target").get("value") == "300"
    assert indicator.find("period/actual").get("value") == "250"
    percentage = results["1. Safeguards"].find("indicator")
    assert percentage.get("measure") == "2"
    assert percentage.find("period/actual") is None


def test_ongoing_project_without_budget_or_results_still_validates(client, project, schema):
    project.budget = None
    project.save()
    document = get_document(client, project)
    schema.assertValid(document)
    activity = document.find("iati-activity")
    assert activity.find("activity-status").get("code") == "2"
    assert activity.find("budget") is None
    assert {d.get("type") for d in activity.findall("activity-date")} == {"1", "2", "3"}
    # A project with no code is identified by its id, never by its slug.
    assert activity.findtext("iati-identifier") == f"XM-DAC-47138-P{project.pk}"


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [(10, 400, "1"), (-400, -10, "3"), (-900, -400, "4")],
    ids=["pipeline", "finalisation", "closed"],
)
def test_activity_status_follows_the_dates(client, project, start, end, code):
    project.start_date = TODAY + datetime.timedelta(days=start)
    project.end_date = TODAY + datetime.timedelta(days=end)
    project.save()
    activity = get_document(client, project).find("iati-activity")
    assert activity.find("activity-status").get("code") == code


def test_country_percentages_always_sum_to_100():
    shares = country_percentages(["AL", "RS", "XK"])
    assert [code for code, _ in shares] == ["AL", "RS", "XK"]
    assert sum(share for _, share in shares) == 100
    assert country_percentages(["RS"]) == [("RS", Decimal(100))]
    assert country_percentages([]) == []


@pytest.mark.parametrize("persona", ["team_member", "manager"])
def test_team_and_managers_get_a_draft_projects_iati_export(client, project, persona, request):
    project.is_published = False
    project.save()
    client.force_login(request.getfixturevalue(persona))
    assert get_document(client, project).find("iati-activity") is not None


def test_iati_export_of_both_demo_projects_validates_against_the_schema(client, demo, schema):
    assert len(demo.projects) == 2
    for project in demo.projects.values():
        document = get_document(client, project)
        schema.assertValid(document)
        activity = document.find("iati-activity")
        assert activity.findtext("title/narrative") == project.title
        budgets = [Decimal(value.text) for value in activity.findall("budget/value")]
        assert sum(budgets) == project.budget
        countries = [c.get("code") for c in activity.findall("recipient-country")]
        assert countries == list(project.countries.values_list("code", flat=True))
        funders = {
            org.findtext("narrative")
            for org in activity.findall("participating-org")
            if org.get("role") == "1"
        }
        assert funders == {f.funder.name for f in project.fundings.select_related("funder")}


def test_iati_export_of_the_demo_predecessor_without_budget_validates(client, demo, schema):
    assert demo.predecessor.budget is None
    schema.assertValid(get_document(client, demo.predecessor))


def test_a_qualitative_indicator_is_exported_with_its_target_as_a_comment_and_no_value(
    client, project, schema
):
    purpose = factories.ObjectiveFactory(
        project=project, level="specific", parent=None, code="1", title="Strategy"
    )
    factories.IndicatorFactory(
        objective=purpose,
        name="National strategy",
        measure="5",
        baseline=None,
        baseline_year=2019,
        target=None,
        target_text="A strategy adopted by the government",
    )

    document = get_document(client, project)

    schema.assertValid(document)
    indicator = document.find("iati-activity/result/indicator")
    assert indicator.get("measure") == "5"
    assert indicator.get("ascending") is None
    assert indicator.find("baseline").attrib == {"year": "2019", "iso-date": "2019-01-01"}
    target = indicator.find("period/target")
    assert target.get("value") is None
    assert target.findtext("comment/narrative") == "A strategy adopted by the government"


def test_yearly_budget_lines_become_annual_budgets_within_the_project_period(
    client, project, schema
):
    project.start_date, project.end_date = datetime.date(2024, 3, 1), datetime.date(2025, 6, 30)
    project.save()
    factories.BudgetLineFactory(project=project, year=2024, amount=400_000)
    factories.BudgetLineFactory(project=project, year=2025, amount=250_000)

    document = get_document(client, project)

    schema.assertValid(document)
    budgets = [
        (
            b.find("period-start").get("iso-date"),
            b.find("period-end").get("iso-date"),
            b.findtext("value"),
        )
        for b in document.findall("iati-activity/budget")
    ]
    assert budgets == [
        ("2024-03-01", "2024-12-31", "400000"),
        ("2025-01-01", "2025-06-30", "250000"),
    ]


def test_a_funder_reads_each_reporting_periods_target_and_approved_actuals_by_sex_and_the_spending(
    client, project, schema
):
    project.start_date, project.end_date = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
    project.save()
    project.countries.set([factories.CountryFactory(code="RS")])
    ProjectSector.objects.create(project=project, code="15130", percentage=100)
    first = ReportingPeriod.objects.create(
        project=project, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 6, 30)
    )
    second = ReportingPeriod.objects.create(
        project=project, start=datetime.date(2024, 7, 1), end=datetime.date(2024, 12, 31)
    )
    trained = factories.IndicatorFactory(
        objective__project=project, name="Judges trained", target=100
    )
    PeriodTarget.objects.create(indicator=trained, period=first, target=40)
    PeriodTarget.objects.create(indicator=trained, period=second, target=60)
    for day, value, women, men, status in [
        (datetime.date(2024, 3, 1), 30, 18, 12, APPROVED),
        (datetime.date(2024, 5, 1), 5, 3, 2, APPROVED),
        (datetime.date(2024, 6, 1), 50, 25, 25, ValueStatus.DRAFT),
        (datetime.date(2024, 9, 1), 20, 10, 10, ValueStatus.SUBMITTED),
    ]:
        factories.IndicatorValueFactory(
            indicator=trained, date=day, value=value, women=women, men=men, status=status
        )
    for day, amount, category, note in [
        (datetime.date(2024, 3, 10), "1200.50", Expenditure.Category.TRAVEL, "Study visit"),
        (datetime.date(2024, 9, 1), "3000", Expenditure.Category.STAFF, ""),
        (TODAY + datetime.timedelta(days=30), "999", Expenditure.Category.OTHER, "Not yet"),
    ]:
        Expenditure.objects.create(project=project, date=day, amount=amount, category=category)
        Expenditure.objects.filter(date=day).update(note=note)

    document = get_document(client, project)

    schema.assertValid(document)
    assert [str(failure) for failure in rules.check(document)] == []
    activity = document.find("iati-activity")
    periods = [
        (
            p.find("period-start").get("iso-date"),
            p.find("period-end").get("iso-date"),
            [t.get("value") for t in p.findall("target")],
            [
                (a.get("value"), [(d.get("name"), d.get("value")) for d in a.findall("dimension")])
                for a in p.findall("actual")
            ],
        )
        for p in activity.findall("result/indicator/period")
    ]
    assert periods == [
        # The whole project: its overall target and latest approved value.
        ("2024-01-01", "2024-12-31", ["100"], [("5", [])]),
        # The first half: both approved values summed, the draft left out, split by sex.
        (
            "2024-01-01",
            "2024-06-30",
            ["40"],
            [("35", []), ("21", [("sex", "female")]), ("14", [("sex", "male")])],
        ),
        # The second half: its target; the submitted value is not approved yet.
        ("2024-07-01", "2024-12-31", ["60"], []),
    ]
    transactions = activity.findall("transaction")
    assert [t.find("transaction-type").get("code") for t in transactions] == ["4", "4"]
    assert [t.find("transaction-date").get("iso-date") for t in transactions] == [
        "2024-03-10",
        "2024-09-01",
    ]
    assert sum(Decimal(t.findtext("value")) for t in transactions) == Decimal("4200.50")
    assert {t.find("value").get("currency") for t in transactions} == {project.currency}
    assert (
        transactions[0].findtext("description/narrative") == "Travel and subsistence: Study visit"
    )
    # Transactions come after the budgets and before the results, as the schema orders them.
    tags = [child.tag for child in activity]
    assert tags.index("transaction") > max(i for i, tag in enumerate(tags) if tag == "budget")
    assert tags.index("result") > tags.index("transaction")
