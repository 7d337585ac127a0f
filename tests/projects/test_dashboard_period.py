"""Dashboards given a period (issue 15, item 6): the figures of the period, continuous time axes,
whole-number ticks, the badges' colours, "not known" for an empty chart, women and men."""

import datetime
import json

from django.urls import reverse

from activities.models import Activity
from tests import factories
from tests.helpers import page, texts


def chart_config(doc, chart_id):
    return json.loads(doc.xpath(f"//script[@id='{chart_id}-data']")[0].text)


def test_the_project_dashboard_counts_the_periods_activities_month_by_month(
    client, team_member, project
):
    project.start_date = datetime.date(2023, 1, 1)
    project.save()
    for day in ("2024-01-15", "2024-04-02", "2024-09-01"):
        factories.ActivityFactory(project=project, start_date=datetime.date.fromisoformat(day))
    client.force_login(team_member)
    url = reverse("projects:dashboard", args=[project.slug])

    doc = page(client.get(url + "?start=2024-01-01&end=2024-04-30"))

    assert texts(doc, "//*[@id='activity-counts']/p[1]") == ["2"]
    month = chart_config(doc, "chart-month")
    # January to April: February and March, with no activity, are there as zeros.
    assert month["data"]["labels"] == ["January 2024", "February 2024", "March 2024", "April 2024"]
    held = next(d for d in month["data"]["datasets"] if d["label"] == "Held")
    assert held["data"] == [1, 0, 0, 1]
    assert held["backgroundColor"] == "#198754"  # the held badge's green
    assert month["options"]["scales"]["y"]["ticks"] == {"precision": 0}
    # No funding recorded: the chart says so instead of drawing nothing.
    assert texts(doc, "//figure[@id='chart-funding']/p") == ["Not known"]
    # The indicators come first.
    headings = texts(doc, "//h2")
    assert headings.index("Objectives and indicators") < headings.index("Participants reached")

    backwards = client.get(url + "?start=2024-05-01&end=2024-01-01")
    assert backwards.status_code == 400
    assert "The end of the period cannot be before its start." in backwards.content.decode()


def test_the_portfolio_counts_the_periods_activities_year_by_year_with_women_and_men(
    client, manager, project
):
    factories.ActivityFactory(
        project=project, start_date=datetime.date(2021, 3, 1), participants_total=10,
        participants_women=6, participants_men=4,
    )  # fmt: skip
    factories.ActivityFactory(
        project=project, start_date=datetime.date(2023, 3, 1), participants_total=20,
        participants_women=5, participants_men=15,
    )  # fmt: skip
    factories.ActivityFactory(
        project=project, start_date=datetime.date(2025, 3, 1), status=Activity.Status.PLANNED
    )
    client.force_login(manager)

    doc = page(client.get(reverse("portfolio") + "?start=2021-01-01&end=2023-12-31"))

    year = chart_config(doc, "chart-year")
    assert year["data"]["labels"] == ["2021", "2022", "2023"]
    assert texts(doc, "//*[@id='women-men']") == ["Women: 11 · Men: 19"]
    assert texts(doc, "//table[@id='portfolio-projects']/tbody/tr[1]/td[last()-2]") == ["2"]
    assert client.get(reverse("portfolio") + "?start=2021-02-30").status_code == 400
