"""The portfolio and organisation IATI files: what a publisher registers and the IATI Validator
reads. The demo data's files pass the schema and every rule of the IATI Standard Ruleset."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from lxml import etree

from projects import iati
from projects.iati import rules
from projects.iati.export import identifier
from tests import factories

pytestmark = pytest.mark.django_db


def fetch(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def test_the_portfolio_file_of_the_demo_data_passes_the_schema_and_every_rule(client, demo):
    document = fetch(client, "iati-activities")
    iati.schema().assertValid(document)
    assert [str(failure) for failure in rules.check(document)] == []
    identifiers = document.xpath("iati-activity/iati-identifier/text()")
    assert identifiers == [
        "XM-DAC-47138-HF-2016-KOS-PRIS",
        "XM-DAC-47138-HF-2019-SRB-DSP",
        "XM-DAC-47138-VC-2022-KOS-PDL",
    ]


def test_the_portfolio_file_links_programme_and_predecessor(client, demo):
    document = fetch(client, "iati-activities")
    related = {
        activity.findtext("iati-identifier"): [
            (link.get("type"), link.get("ref")) for link in activity.findall("related-activity")
        ]
        for activity in document.findall("iati-activity")
    }
    assert related["XM-DAC-47138-HF-2019-SRB-DSP"] == [("1", "XM-DAC-47138-Horizontal-Facility")]
    assert related["XM-DAC-47138-VC-2022-KOS-PDL"] == [("3", "XM-DAC-47138-HF-2016-KOS-PRIS")]


def test_the_portfolio_file_states_sectors_and_every_objective(client, demo):
    document = fetch(client, "iati-activities")
    serbia = document.xpath("iati-activity[iati-identifier='XM-DAC-47138-HF-2019-SRB-DSP']")[0]
    sectors = {s.get("code"): s.get("percentage") for s in serbia.findall("sector")}
    assert sectors == {"15130": "50", "15160": "50"}
    objectives = serbia.xpath("description[@type='2']/narrative/text()")[0].splitlines()
    project = demo.projects["enhancing-human-rights-protection-for-detained-and-sentenced-persons"]
    assert objectives == [f"{o.code}. {o.title}" for o in project.objectives.all()]


def test_visitors_get_published_projects_only_and_managers_every_one(client, project, manager):
    draft = factories.ProjectFactory(is_published=False, code="DRAFT-1")
    listed = fetch(client, "iati-activities").xpath("iati-activity/iati-identifier/text()")
    assert listed == [identifier(project)]
    client.force_login(manager)
    listed = fetch(client, "iati-activities").xpath("iati-activity/iati-identifier/text()")
    assert set(listed) == {identifier(project), identifier(draft)}


def test_the_portfolio_file_takes_the_same_queries_for_three_projects_or_thirty(
    client, django_assert_max_num_queries
):
    def build(count):
        for _ in range(count):
            project = factories.ProjectFactory()
            factories.eu_and_coe_funding(project, eu=100, coe=10)
            factories.PartnerFactory(project=project)
            factories.IndicatorFactory(objective__project=project)

    build(3)
    # Projects, their parts, objectives, indicators with their period targets and approved
    # values, expenditure: a fixed number whatever the count.
    with django_assert_max_num_queries(15) as small:
        fetch(client, "iati-activities")
    build(27)
    with django_assert_max_num_queries(len(small.captured_queries)):
        document = fetch(client, "iati-activities")
    assert len(document.findall("iati-activity")) == 30


@pytest.mark.parametrize(
    ("code", "expected"),
    [("2203-HF", "XM-DAC-47138-2203-HF"), ("HF/2 & 3?", "XM-DAC-47138-HF-2---3-")],
)
def test_identifiers_hold_no_slash_ampersand_bar_question_mark_or_space(project, code, expected):
    project.code = code
    assert identifier(project) == expected


def test_the_organisation_file_validates_and_totals_budgets_per_year(client, demo):
    document = fetch(client, "iati-organisation")
    iati.schema("iati-organisations-schema.xsd").assertValid(document)
    assert [str(failure) for failure in rules.check(document)] == []
    organisation = document.find("iati-organisation")
    assert organisation.findtext("organisation-identifier") == "XM-DAC-47138"
    names = {
        n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text
        for n in organisation.findall("name/narrative")
    }
    assert names == {None: "Council of Europe", "fr": "Conseil de l'Europe"}
    totals = {
        b.find("period-start").get("iso-date"): Decimal(b.findtext("value"))
        for b in organisation.findall("total-budget")
    }
    # Serbia 2019–2022 (900,000) and Kosovo* October 2022 – September 2025 (850,000).
    assert list(totals) == [date(year, 1, 1).isoformat() for year in range(2019, 2026)]
    assert sum(totals.values()) == Decimal(1_750_000)
    assert all(
        b.find("value").get("currency") == "EUR" for b in organisation.findall("total-budget")
    )
