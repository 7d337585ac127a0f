"""Reporting periods, period targets, values split by sex, age and country, computed values."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from activities import services
from activities.models import Activity
from projects.models import IndicatorValue, PeriodTarget, ReportingPeriod, ValueSplit
from projects.periods import calendar_periods, generate_periods
from tests import factories
from tests.helpers import signed_in

D = datetime.date


def test_periods_follow_the_calendar_cut_to_the_project_dates():
    assert calendar_periods(D(2024, 2, 10), D(2024, 11, 30), "quarterly") == [
        (D(2024, 2, 10), D(2024, 3, 31)),
        (D(2024, 4, 1), D(2024, 6, 30)),
        (D(2024, 7, 1), D(2024, 9, 30)),
        (D(2024, 10, 1), D(2024, 11, 30)),
    ]
    assert calendar_periods(D(2023, 5, 1), D(2025, 2, 1), "annual")[-1] == (
        D(2025, 1, 1),
        D(2025, 2, 1),
    )
    assert len(calendar_periods(D(2024, 1, 1), D(2024, 12, 31), "monthly")) == 12
    assert calendar_periods(D(2024, 8, 1), D(2025, 3, 1), "semi_annual") == [
        (D(2024, 8, 1), D(2024, 12, 31)),
        (D(2025, 1, 1), D(2025, 3, 1)),
    ]


def test_a_project_manager_makes_periods_and_a_custom_one_that_may_not_overlap(project, manager):
    project.start_date, project.end_date = D(2024, 1, 1), D(2025, 12, 31)
    project.save()
    client = signed_in(manager)
    url = reverse("results:project", args=[project.slug])
    assert client.post(url, {"frequency": "annual", "generate": "1"}).status_code == 302
    assert list(project.reporting_periods.values_list("start", "end")) == [
        (D(2024, 1, 1), D(2024, 12, 31)),
        (D(2025, 1, 1), D(2025, 12, 31)),
    ]
    # Made again: the existing ones stay, nothing is added twice.
    assert generate_periods(project, "semi_annual") == []
    overlapping = client.post(url, {"start": "2025-06-01", "end": "2026-01-31", "add_period": "1"})
    assert "The period overlaps another one" in overlapping.content.decode()
    assert project.reporting_periods.count() == 2
    # The database holds the rules too.
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingPeriod.objects.create(project=project, start=D(2024, 1, 1), end=D(2024, 3, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingPeriod.objects.create(project=project, start=D(2027, 2, 1), end=D(2027, 1, 1))
    # Officers read the periods; they do not make them.
    officer = factories.MembershipFactory(project=project).user
    assert (
        signed_in(officer).post(url, {"frequency": "monthly", "generate": "1"}).status_code == 403
    )


def test_a_value_is_split_by_sex_age_and_country_and_no_split_exceeds_it(project, team_member):
    serbia = factories.CountryFactory(code="RS")
    indicator = factories.IndicatorFactory(objective=factories.ObjectiveFactory(project=project))
    period = ReportingPeriod.objects.create(
        project=project, start=D(2025, 1, 1), end=D(2025, 12, 31)
    )
    PeriodTarget.objects.create(indicator=indicator, period=period, target=50)
    url = reverse("projects:indicator-record", args=[project.slug, indicator.pk])
    client = signed_in(team_member)
    data = {
        "date": "2025-06-30",
        "value": "30",
        "women": "20",
        "men": "15",
        "splits-TOTAL_FORMS": "2",
        "splits-INITIAL_FORMS": "0",
        "splits-0-age_group": "18-29",
        "splits-0-amount": "31",
        "splits-1-country": serbia.pk,
        "splits-1-amount": "30",
    }
    refused = client.post(url, data).content.decode()
    assert "Women, men and not recorded (35" in refused
    data["men"] = "10"
    refused = client.post(url, data).content.decode()
    assert "The parts by age groups (31" in refused
    assert not IndicatorValue.objects.exists()
    data["splits-0-amount"] = "12"
    assert client.post(url, data).status_code == 302
    value = IndicatorValue.objects.get()
    assert (value.period, value.status, value.women, value.men) == (period, "draft", 20, 10)
    assert sorted(str(split) for split in value.splits.all()) == [
        "18 to 29: 12.00",
        "Serbia: 30.00",
    ]
    page = client.get(reverse("results:project", args=[project.slug])).content.decode()
    assert "50" in page and "20 / 10 / —" in page
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.filter(pk=value.pk).update(women=25)
    with pytest.raises(IntegrityError), transaction.atomic():
        ValueSplit.objects.create(value=value, amount=1)  # neither an age group nor a country


def test_trainings_serving_a_line_count_their_participants_and_are_never_typed(
    project, team_member
):
    project.start_date, project.end_date = D(2024, 1, 1), D(2024, 12, 31)
    project.save()
    generate_periods(project, "semi_annual")
    objective = factories.ObjectiveFactory(project=project)
    trained = factories.IndicatorFactory(
        objective=objective, source="trained", name="People trained"
    )
    workshops = factories.IndicatorFactory(
        objective=objective, source="activity_count", activity_kinds=["workshop"]
    )
    first = factories.ActivityFactory(
        project=project,
        start_date=D(2024, 3, 1),
        participants_total=30,
        participants_women=18,
        participants_men=12,
        objectives=[objective],
    )
    factories.ActivityFactory(
        project=project, kind="workshop", start_date=D(2024, 4, 2), objectives=[objective]
    )
    factories.ActivityFactory(  # planned: not counted
        project=project,
        status="planned",
        start_date=D(2024, 5, 1),
        participants_total=99,
        objectives=[objective],
    )
    value = IndicatorValue.objects.get(indicator=trained)
    assert (value.value, value.women, value.men, value.computed) == (30, 18, 12, True)
    assert value.period.start == D(2024, 1, 1)
    assert IndicatorValue.objects.get(indicator=workshops).value == 1
    # Moved to the second half of the year, then deleted: the figures follow.
    first.start_date = first.end_date = D(2024, 8, 1)
    services.record_save(first, user=team_member, version=first.version)
    values = IndicatorValue.objects.filter(indicator=trained).order_by("period__start")
    assert [v.value for v in values] == [0, 30]
    services.record_delete(Activity.objects.get(pk=first.pk), user=team_member)
    assert [v.value for v in values.all()] == [0, 0]
    assert values[1].history.first().history_change_reason == "Recomputed from activities"
    url = reverse("projects:indicator-record", args=[project.slug, trained.pk])
    assert signed_in(team_member).get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_values_recorded_before_periods_join_one_and_count_as_approved():
    executor = MigrationExecutor(connection)
    before, after = (
        [("projects", "0012_periods_and_reviewed_values")],
        [("projects", "0013_values_into_periods")],
    )
    executor.migrate(before)
    try:
        apps = executor.loader.project_state(before).apps
        project = factories.ProjectFactory(start_date=D(2023, 3, 1), end_date=D(2025, 6, 30))
        objective = apps.get_model("projects", "Objective").objects.create(
            project_id=project.pk, level="specific", code="1", title="Better prisons"
        )
        indicator = apps.get_model("projects", "Indicator").objects.create(
            objective=objective, name="Staff trained", target=100
        )
        Value = apps.get_model("projects", "IndicatorValue")
        for day in (D(2023, 5, 1), D(2023, 9, 1), D(2024, 2, 1)):
            Value.objects.create(indicator=indicator, date=day, value=10)
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        apps = executor.loader.project_state(after).apps
        values = apps.get_model("projects", "IndicatorValue").objects.order_by("date")
        assert {v.status for v in values} == {"approved"}
        assert [(v.period.start, v.period.end) for v in values] == [
            (D(2023, 1, 1), D(2023, 12, 31)),
            (D(2023, 1, 1), D(2023, 12, 31)),
            (D(2024, 1, 1), D(2024, 12, 31)),
        ]
        History = apps.get_model("projects", "HistoricalIndicatorValue")
        reasons = set(History.objects.values_list("history_change_reason", flat=True))
        assert reasons == {"Approved when reporting periods were introduced"}
    finally:
        MigrationExecutor(connection).migrate(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )
