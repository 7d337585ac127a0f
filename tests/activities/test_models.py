import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone

from activities.models import Activity, NewsItem
from tests import factories
from tests.helpers import assert_database_rejects, assert_refused, errors_of

pytestmark = pytest.mark.django_db

D = datetime.date


# Activity rules ----------------------------------------------------------------------------


def test_one_day_activity_takes_its_start_date_as_end_date():
    activity = factories.ActivityFactory.build(
        project=factories.ProjectFactory(), start_date=D(2022, 3, 25), end_date=None
    )
    activity.full_clean()
    activity.save()

    assert activity.end_date == D(2022, 3, 25)
    assert not activity.is_multi_day


def test_activity_cannot_end_before_it_starts():
    activity = factories.ActivityFactory(start_date=D(2021, 5, 31), end_date=D(2021, 6, 4))
    assert activity.is_multi_day
    activity.end_date = D(2021, 5, 30)

    assert_refused(activity, "end_date", ["The end date must be on or after the start date."])


def test_activity_cost_may_be_zero_but_not_negative():
    activity = factories.ActivityFactory(cost=0)
    activity.full_clean()
    activity.cost = Decimal("-5")

    assert_refused(activity, "cost")


def test_women_and_men_may_add_up_to_the_participants():
    factories.ActivityFactory(
        participants_total=30, participants_women=18, participants_men=12
    ).full_clean()
    factories.ActivityFactory(participants_total=None, participants_women=4).full_clean()


def test_women_and_men_cannot_outnumber_the_participants():
    activity = factories.ActivityFactory(participants_total=20, participants_women=12)
    activity.participants_men = 9

    assert errors_of(activity)["participants_women"] == [
        "Women and men together (21) are more than the participants (20)."
    ]
    assert_database_rejects(activity)


def test_participants_cannot_be_negative():
    activity = factories.ActivityFactory()
    activity.participants_total = -1

    assert_refused(activity, "participants_total")


def test_activity_serves_objectives_of_its_own_project():
    objective = factories.ObjectiveFactory()
    activity = factories.ActivityFactory(project=objective.project, objectives=[objective])

    activity.full_clean()
    activity.validate_objectives([objective])


def test_activity_cannot_serve_an_objective_of_another_project():
    foreign = factories.ObjectiveFactory(code="2", title="Prison healthcare")
    activity = factories.ActivityFactory(objectives=[foreign])

    expected = ["These objectives belong to another project: 2. Prison healthcare."]
    assert errors_of(activity)["objectives"] == expected
    with pytest.raises(ValidationError) as excinfo:
        activity.validate_objectives([foreign])
    assert excinfo.value.message_dict["objectives"] == expected


def test_activity_outside_its_project_period_is_flagged_but_allowed():
    project = factories.ProjectFactory(start_date=D(2022, 10, 1), end_date=D(2025, 9, 30))
    inside = factories.ActivityFactory(project=project, start_date=D(2024, 7, 1))
    outside = factories.ActivityFactory(project=project, start_date=D(2025, 10, 1))

    outside.full_clean()
    assert not inside.is_outside_project_period()
    assert outside.is_outside_project_period()


def test_place_joins_venue_and_city():
    assert Activity(venue="Clinic", city="Belgrade").place == "Clinic, Belgrade"
    assert Activity(city="Vrdnik").place == "Vrdnik"


# News rules ---------------------------------------------------------------------------------


def test_two_news_items_with_the_same_title_get_different_slugs():
    first = factories.NewsItemFactory(title="Training in Belgrade")
    second = factories.NewsItemFactory(title="Training in Belgrade")

    assert (first.slug, second.slug) == ("training-in-belgrade", "training-in-belgrade-2")
    second.full_clean()


def test_news_item_slug_is_unique():
    first = factories.NewsItemFactory()
    again = factories.NewsItemFactory.build(project=first.project, slug=first.slug)

    assert_refused(again, "slug")


def test_news_item_reports_an_activity_of_its_own_project_only():
    news = factories.NewsItemFactory()
    news.activity = factories.ActivityFactory(project=news.project)
    news.full_clean()

    news.activity = factories.ActivityFactory()
    assert errors_of(news)["activity"] == ["Choose an activity of the same project."]


# Scopes -------------------------------------------------------------------------------------


@pytest.fixture
def draft_project(db):
    return factories.ProjectFactory(is_published=False)


def test_visitors_see_activities_of_published_projects_only(project, draft_project):
    public = factories.ActivityFactory(project=project)
    factories.ActivityFactory(project=draft_project)

    assert list(Activity.objects.visible()) == [public]
    assert list(Activity.objects.for_user(AnonymousUser())) == [public]


def test_team_member_sees_their_draft_projects_activities(project, draft_project, team_member):
    factories.MembershipFactory(project=draft_project, user=team_member)
    public = factories.ActivityFactory(project=project)
    draft = factories.ActivityFactory(project=draft_project)

    assert set(Activity.objects.for_user(team_member)) == {public, draft}


def test_team_member_edits_their_projects_activities_only(project, team_member, outsider, manager):
    own = factories.ActivityFactory(project=project)
    other = factories.ActivityFactory(project=outsider.memberships.get().project)

    assert list(Activity.objects.editable_by(team_member)) == [own]
    assert list(Activity.objects.editable_by(outsider)) == [other]
    assert set(Activity.objects.editable_by(manager)) == {own, other}
    assert list(Activity.objects.editable_by(AnonymousUser())) == []


def test_manager_sees_every_activity(draft_project, manager):
    draft = factories.ActivityFactory(project=draft_project)

    assert list(Activity.objects.for_user(manager)) == [draft]
    assert list(Activity.objects.for_user(factories.UserFactory())) == []


def test_upcoming_lists_planned_activities_not_yet_over_soonest_first(project):
    today = timezone.localdate()
    later = factories.ActivityFactory(
        project=project, status="planned", start_date=today + datetime.timedelta(days=9)
    )
    sooner = factories.ActivityFactory(
        project=project, status="planned", start_date=today + datetime.timedelta(days=2)
    )
    running = factories.ActivityFactory(
        project=project,
        status="planned",
        start_date=today - datetime.timedelta(days=1),
        end_date=today,
    )
    factories.ActivityFactory(project=project, status="held", start_date=today)
    factories.ActivityFactory(
        project=project, status="planned", start_date=today - datetime.timedelta(days=3)
    )
    factories.ActivityFactory(
        project=project, status="cancelled", start_date=today + datetime.timedelta(days=1)
    )

    assert list(Activity.objects.upcoming()) == [running, sooner, later]
    assert Activity.objects.held().count() == 1


def test_published_news_excludes_drafts_future_dates_and_unpublished_projects(
    project, draft_project
):
    public = factories.NewsItemFactory(project=project)
    factories.NewsItemFactory(project=project, is_published=False)
    factories.NewsItemFactory(
        project=project, published_on=timezone.localdate() + datetime.timedelta(days=1)
    )
    factories.NewsItemFactory(project=draft_project)

    assert list(NewsItem.objects.published()) == [public]
    assert list(NewsItem.objects.for_user(AnonymousUser())) == [public]


def test_team_member_reads_their_projects_drafts_not_another_projects(
    project, team_member, outsider, manager
):
    public = factories.NewsItemFactory(project=project)
    own_draft = factories.NewsItemFactory(project=project, is_published=False)
    other_draft = factories.NewsItemFactory(
        project=outsider.memberships.get().project, is_published=False
    )

    assert set(NewsItem.objects.for_user(team_member)) == {public, own_draft}
    assert set(NewsItem.objects.editable_by(team_member)) == {public, own_draft}
    assert set(NewsItem.objects.for_user(outsider)) == {public, other_draft}
    assert set(NewsItem.objects.for_user(manager)) == {public, own_draft, other_draft}
    assert set(NewsItem.objects.drafts()) == {own_draft, other_draft}


# Precision: dates known to the month or year, counts known roughly, halves of days ------------


def test_an_activity_known_to_the_month_keeps_the_whole_month():
    activity = factories.ActivityFactory.build(
        project=factories.ProjectFactory(),
        start_date=D(2014, 3, 12),
        start_precision="month",
        end_date=None,
    )
    activity.full_clean()
    activity.save()
    activity.refresh_from_db()

    assert (activity.start_date, activity.end_date) == (D(2014, 3, 1), D(2014, 3, 31))
    assert (activity.start_precision, activity.end_precision) == ("month", "month")


def test_an_activity_lasts_whole_or_half_days_only():
    activity = factories.ActivityFactory(duration_days=Decimal("2.5"))
    activity.full_clean()

    activity.duration_days = Decimal("2.3")
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "duration_days" in error.value.message_dict
    activity.duration_days = Decimal(0)
    with pytest.raises(ValidationError):
        activity.full_clean()
    assert_database_rejects(activity)


@pytest.mark.parametrize(
    ("qualifier", "shown"),
    [
        ("exact", "40"),
        ("about", "about 40"),
        ("at_least", "at least 40"),
        ("more_than", "more than 40"),
    ],
)
def test_a_participant_count_says_how_exact_it_is(qualifier, shown):
    activity = factories.ActivityFactory.build(participants_qualifier=qualifier)

    assert activity.qualified_count(40) == shown
