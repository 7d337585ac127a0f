"""Dates bounded 1900–2100 (issue 18): a far-future date cannot be stored or break a calendar."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from activities.exports import day_after
from activities.models import Activity
from tests import factories
from tests.helpers import activity_data, assert_refused, kept_form

pytestmark = pytest.mark.django_db

BOUNDS = ["Enter a date between 1900 and 2100."]
FAR_FUTURE = datetime.date(9999, 12, 31)


def test_an_activity_ending_in_9999_is_refused_by_validation_and_the_database(project):
    activity = factories.ActivityFactory.build(project=project, end_date=FAR_FUTURE)
    assert_refused(activity, "end_date", BOUNDS)


def test_a_project_starting_before_1900_is_refused_by_validation_and_the_database():
    project = factories.ProjectFactory.build(start_date=datetime.date(1899, 12, 31))
    assert_refused(project, "start_date", BOUNDS)


def test_a_story_and_an_indicator_value_dated_after_2100_are_refused(project):
    story = factories.NewsItemFactory.build(project=project, published_on=FAR_FUTURE)
    assert_refused(story, "published_on", BOUNDS)
    indicator = factories.IndicatorFactory()
    value = factories.IndicatorValueFactory.build(indicator=indicator, date=FAR_FUTURE)
    assert_refused(value, "date", BOUNDS)


def test_the_activity_form_refuses_a_far_future_date_even_with_save_anyway(
    team_member_client, project
):
    data = activity_data(
        project,
        status="planned",
        start_date="2030-01-01",
        end_date=FAR_FUTURE.isoformat(),
        accept_outside_period="on",
    )
    page = kept_form(team_member_client, reverse("activities:create"), data, Activity)
    assert BOUNDS[0] in page


def test_calendars_answer_for_an_activity_ending_on_the_last_day_allowed(client, project):
    factories.ActivityFactory(
        project=project,
        title="Planned far ahead",
        status=Activity.Status.PLANNED,
        start_date=datetime.date(2100, 12, 30),
        end_date=datetime.date(2100, 12, 31),
    )
    for url in (
        reverse("activities:calendar"),
        reverse("projects:calendar", args=[project.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        (event,) = Calendar.from_ical(response.content).walk("VEVENT")
        assert event.decoded("dtend") == datetime.date(2101, 1, 1)


def test_the_day_after_the_last_date_python_holds_does_not_overflow():
    assert day_after(datetime.date.max) == datetime.date.max
