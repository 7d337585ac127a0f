"""Exact invalidation (core/cache.py): a save retires the pages that show it, and no others."""

import datetime
import re
from dataclasses import dataclass
from unittest import mock

import pytest
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities import services
from core import cache
from tests import factories

pytestmark = pytest.mark.django_db

NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


@dataclass
class World:
    """Two published projects; P has an activity at an institution and a story."""

    p: object
    q: object
    institution: object
    activity: object
    story: object


@pytest.fixture
def world(db):
    p = factories.ProjectFactory(title="Prisons project")
    q = factories.ProjectFactory(title="Courts project")
    institution = factories.InstitutionFactory(name="Ministry of Justice")
    activity = factories.ActivityFactory(
        project=p,
        title="Staff training",
        start_date=NEXT_MONTH,
        status="planned",
        institutions=[institution],
    )
    story = factories.NewsItemFactory(project=p, title="Training opened")
    return World(p, q, institution, activity, story)


# Saves a page shows, and saves it does not ---------------------------------------------------


def rename_activity(w):
    w.activity.title = "Staff training, renamed"
    w.activity.save()
    return "Staff training, renamed"


def upcoming_activity_in_p(w):
    factories.ActivityFactory(
        project=w.p, title="Warden seminar", start_date=NEXT_MONTH, status="planned"
    )
    return "Warden seminar"


def activity_in_q(w):
    factories.ActivityFactory(
        project=w.q, title="Judges meeting", start_date=NEXT_MONTH, status="planned"
    )
    return "Judges meeting"


def activity_at_the_institution(w):
    factories.ActivityFactory(
        project=w.q,
        title="Inspectors visit",
        start_date=NEXT_MONTH,
        status="planned",
        institutions=[w.institution],
    )
    return "Inspectors visit"


def story_in_p(w):
    factories.NewsItemFactory(project=w.p, title="Second cohort trained")
    return "Second cohort trained"


def story_in_q(w):
    factories.NewsItemFactory(project=w.q, title="Courts reformed")
    return "Courts reformed"


def edit_story(w):
    w.story.lead = "The first cohort has begun."
    w.story.save()
    return "The first cohort has begun."


def rename_project(w):
    w.p.title = "Prisons project, phase II"
    w.p.save()
    return "Prisons project, phase II"


def describe_project(w):
    w.p.description = "Reformed prison healthcare."
    w.p.save()
    return "Reformed prison healthcare."


def new_institution(w):
    factories.InstitutionFactory(name="Ombudsperson Institution")
    return "Ombudsperson Institution"


def indicator_value_in_q(w):
    factories.IndicatorValueFactory(indicator__objective__project=w.q)


def new_team_member(w):
    factories.MembershipFactory(project=w.p)


PAGES = {
    # name: (path, a save it shows, a save it does not show)
    "home": (lambda w: "/", story_in_p, indicator_value_in_q),
    "project list": (lambda w: "/projects/", rename_project, activity_in_q),
    "project": (lambda w: f"/projects/{w.p.slug}/", upcoming_activity_in_p, activity_in_q),
    "project feed": (lambda w: f"/projects/{w.p.slug}/feed/", story_in_p, story_in_q),
    "project calendar": (
        lambda w: f"/projects/{w.p.slug}/calendar.ics",
        upcoming_activity_in_p,
        activity_in_q,
    ),
    "project iati": (lambda w: f"/projects/{w.p.slug}/iati.xml", describe_project, activity_in_q),
    "activity list": (lambda w: "/activities/", activity_in_q, new_team_member),
    "activity": (lambda w: f"/activities/{w.activity.pk}/", rename_activity, activity_in_q),
    "activity calendar": (lambda w: "/activities/calendar.ics", activity_in_q, story_in_p),
    "news list": (lambda w: "/news/", story_in_q, activity_in_q),
    "news feed": (lambda w: "/news/feed/", story_in_q, activity_in_q),
    "story": (lambda w: f"/news/{w.story.slug}/", edit_story, story_in_q),
    "institution list": (lambda w: "/stakeholders/", new_institution, activity_in_q),
    "institution": (
        lambda w: f"/stakeholders/{w.institution.slug}/",
        activity_at_the_institution,
        activity_in_q,
    ),
    "search": (lambda w: "/search/?q=training", rename_activity, indicator_value_in_q),
    "french project": (lambda w: f"/fr/projects/{w.p.slug}/", upcoming_activity_in_p, story_in_q),
}


def cached(client, path):
    """The page, rendered then kept: the second request is a hit."""
    first = client.get(path)
    assert first.status_code == 200, path
    assert first["X-Page-Cache"] == "miss", path
    assert client.get(path)["X-Page-Cache"] == "hit", path
    return first


@pytest.mark.parametrize("name", PAGES)
def test_a_save_the_page_shows_is_on_it_at_once(client, world, name):
    path, relevant, _irrelevant = PAGES[name]
    url = path(world)
    cached(client, url)

    text = relevant(world)

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert text in re.sub(r"</?mark>", "", response.content.decode())  # search marks its words


@pytest.mark.parametrize("name", PAGES)
def test_a_save_the_page_does_not_show_keeps_its_cached_copy(client, world, name):
    path, _relevant, irrelevant = PAGES[name]
    url = path(world)
    before = cached(client, url)

    irrelevant(world)

    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == before.content


def test_saving_one_projects_activity_keeps_every_other_projects_pages(client, world):
    others = [factories.ProjectFactory() for _ in range(3)] + [world.q]
    for project in others:
        cached(client, f"/projects/{project.slug}/")
    cached(client, f"/projects/{world.p.slug}/")

    rename_activity(world)

    assert client.get(f"/projects/{world.p.slug}/")["X-Page-Cache"] == "miss"
    for project in others:
        assert client.get(f"/projects/{project.slug}/")["X-Page-Cache"] == "hit"


def test_a_country_renamed_retires_every_page_that_could_name_it(client, world):
    country = world.p.countries.get()
    cached(client, f"/projects/{world.q.slug}/")
    country.name = "Republic of Serbia"
    country.save()
    assert "Republic of Serbia" in client.get(f"/projects/{world.q.slug}/").content.decode()


def test_history_rows_bump_nothing_of_their_own(world):
    # The activity's history row is saved alongside it: one set of scopes, not two.
    with mock.patch.object(cache, "changed", wraps=cache.changed) as changed:
        rename_activity(world)
    assert changed.call_count == 1


# One bump per transaction, on commit (real commits: a transactional test) ---------------------


@pytest.mark.django_db(transaction=True)
def test_an_activity_created_with_three_relations_bumps_the_cache_once_on_commit():
    project = factories.ProjectFactory()
    other = factories.ProjectFactory()
    objective = factories.ObjectiveFactory(project=project)
    institution = factories.InstitutionFactory()
    user = factories.MembershipFactory(project=project).user

    with mock.patch.object(cache, "bump", wraps=cache.bump) as bump:
        activity = services.activity_create(
            user=user,
            project=project,
            kind="training",
            title="Prison staff training",
            status="held",
            start_date=project.start_date,
            countries=list(project.countries.all()),
            objectives=[objective],
            institutions=[institution],
        )

    assert bump.call_count == 1
    (scopes,), _ = bump.call_args
    assert {f"project:{project.pk}", "activities", f"institution:{institution.pk}"} <= scopes
    assert cache.CONTENT in scopes
    assert f"project:{other.pk}" not in scopes
    assert cache.ALL not in scopes
    assert activity.pk


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_save_bumps_nothing():
    project = factories.ProjectFactory()
    with (
        mock.patch.object(cache, "bump", wraps=cache.bump) as bump,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        factories.ActivityFactory(project=project)
        raise RuntimeError
    assert bump.call_count == 0


# No stampede: one request re-renders a retired page, the others get the previous copy --------


def render_lock(client, path):
    """Hold the re-render lock of `path`, as a request rendering it does."""
    key = cache.LOCK_KEY.format(key=cache.page_key(RequestFactory().get(path)))
    assert cache.cache.add(key, 1, cache.LOCK_SECONDS)


def test_while_one_request_renders_a_retired_page_the_others_get_the_previous_copy(client, world):
    url = f"/activities/{world.activity.pk}/"
    cached(client, url)
    render_lock(client, url)

    rename_activity(world)

    response = client.get(url)
    assert response["X-Page-Cache"] == "stale"
    assert "Staff training, renamed" not in response.content.decode()
    assert "Staff training" in response.content.decode()


def test_the_person_who_saved_gets_the_new_page_even_while_it_is_being_rendered(client, world):
    url = f"/activities/{world.activity.pk}/"
    cached(client, url)
    render_lock(client, url)
    member = factories.MembershipFactory(project=world.p).user
    client.force_login(member)

    rename_activity(world)

    assert "Staff training, renamed" in client.get(url).content.decode()


def test_a_request_after_the_re_render_gets_the_new_page(client, world):
    url = f"/activities/{world.activity.pk}/"
    cached(client, url)
    rename_activity(world)

    rendered = client.get(url)  # takes the lock, renders, stores, releases
    after = client.get(url)

    assert rendered["X-Page-Cache"] == "miss"
    assert after["X-Page-Cache"] == "hit"
    assert "Staff training, renamed" in after.content.decode()


def test_a_page_with_no_previous_copy_is_rendered_even_while_locked(client, world):
    url = f"/activities/{world.activity.pk}/"
    render_lock(client, url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Staff training" in response.content.decode()


def test_a_save_no_visitor_page_shows_still_refreshes_kept_results(world):
    before = cache.kept("figures", lambda: "before")
    new_team_member(world)
    assert cache.kept("figures", lambda: "after") == "after"
    assert before == "before"


def test_the_kept_blank_filter_form_lists_a_project_published_after_it(client, world, settings):
    settings.PAGE_CACHE = False
    assert "Courts project" in client.get("/activities/").content.decode()

    factories.ProjectFactory(title="Probation project")

    assert "Probation project" in client.get("/activities/").content.decode()


def test_a_visitors_filtered_list_renders_its_filter_form_once_per_save(client, world, settings):
    settings.PAGE_CACHE = False
    url = f"/activities/?project={world.p.slug}&kind=training"
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        kept = client.get(url).content.decode()

    # The project's institutions and objectives are not asked for again.
    assert len(second) < len(first)
    assert "Ministry of Justice" in kept
    factories.ActivityFactory(
        project=world.p, institutions=[factories.InstitutionFactory(name="Prison administration")]
    )
    assert "Prison administration" in client.get(url).content.decode()
