"""The visitor page cache (core/cache.py): fast for visitors, never stale, never personal."""

import pytest
from django.urls import reverse

from activities.models import Activity
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response


def test_a_visitor_sees_a_team_members_saved_activity_at_once(client, team_member, project):
    activity = factories.ActivityFactory(project=project, title="Prison staff training")
    url = reverse("activities:detail", args=[activity.pk])
    first = get(client, url)
    assert first["X-Page-Cache"] == "miss"
    assert get(client, url)["X-Page-Cache"] == "hit"

    activity.title = "Prison staff training, second round"
    activity.save()

    response = get(client, url)
    assert "second round" in response.content.decode()
    listing = get(client, reverse("activities:list"))
    assert "second round" in listing.content.decode()


def test_an_m2m_change_retires_cached_pages(client, project):
    activity = factories.ActivityFactory(project=project)
    url = reverse("activities:detail", args=[activity.pk])
    get(client, url)
    country = factories.CountryFactory(name="Montenegro", code="ME")
    get(client, url)  # cached again after the country was created
    activity.countries.add(country)
    assert "Montenegro" in get(client, url).content.decode()


def test_a_deleted_activity_disappears_from_the_cached_list(client, project):
    activity = factories.ActivityFactory(project=project, title="Soon deleted seminar")
    url = reverse("activities:list")
    assert "Soon deleted seminar" in get(client, url).content.decode()
    Activity.objects.get(pk=activity.pk).delete()
    assert "Soon deleted seminar" not in get(client, url).content.decode()


def test_signed_in_users_are_never_served_from_the_cache(client, team_member, project):
    get(client, "/")  # a visitor fills the cache
    assert get(client, "/")["X-Page-Cache"] == "hit"
    client.force_login(team_member)
    response = get(client, "/")
    assert "X-Page-Cache" not in response
    my_work = reverse("my-work")
    assert f'href="{my_work}"' in response.content.decode()
    # …and what they were shown is not stored for visitors either.
    client.logout()
    assert f'href="{my_work}"' not in get(client, "/").content.decode()


def test_french_and_english_are_cached_separately(client, project):
    english = get(client, "/").content.decode()
    french = get(client, "/fr/").content.decode()
    assert get(client, "/fr/")["X-Page-Cache"] == "hit"
    assert 'lang="fr"' in french
    assert 'lang="en"' in english
    assert 'lang="en"' in get(client, "/").content.decode()


def test_query_strings_are_cached_separately(client, project):
    factories.ActivityFactory(project=project, title="A training", kind=Activity.Kind.TRAINING)
    factories.ActivityFactory(project=project, title="A conference", kind=Activity.Kind.CONFERENCE)
    trainings = get(client, "/activities/?kind=training").content.decode()
    conferences = get(client, "/activities/?kind=conference").content.decode()
    assert "A training" in trainings and "A conference" not in trainings
    assert "A conference" in conferences and "A training" not in conferences


def test_a_cache_hit_carries_the_same_headers_as_the_rendered_page(client, project):
    first = get(client, "/projects/")
    second = get(client, "/projects/")
    assert second["X-Page-Cache"] == "hit"
    ignored = {"X-Page-Cache", "X-Request-ID"}
    assert {k: v for k, v in first.items() if k not in ignored} == {
        k: v for k, v in second.items() if k not in ignored
    }
    assert "Content-Security-Policy" in second
    assert second["X-Frame-Options"] == "DENY"
    assert second.content == first.content


def test_visitor_pages_carry_no_csrf_token_or_cookie(client, project):
    for path in ["/", "/projects/", "/activities/", "/news/", "/stakeholders/", "/search/?q=x"]:
        response = get(client, path)
        assert "csrfmiddlewaretoken" not in response.content.decode(), path
        assert not response.cookies, path
        assert response["X-Page-Cache"] == "miss", path


def test_pages_with_a_csrf_token_are_not_cached(client, db):
    response = get(client, reverse("login"))
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in get(client, reverse("login"))


def test_a_post_is_never_answered_from_the_cache(client, db):
    get(client, "/")
    response = client.post("/")
    assert response.status_code == 405
    assert "X-Page-Cache" not in response


def test_a_territory_footnote_is_in_the_cached_page_too(client, project):
    kosovo = factories.KosovoFactory()
    project.countries.add(kosovo)
    url = project.get_absolute_url()
    first = get(client, url).content.decode()
    second = get(client, url)
    assert second["X-Page-Cache"] == "hit"
    assert kosovo.footnote in first
    assert second.content.decode() == first


def test_the_page_cache_can_be_switched_off(client, project, settings):
    settings.PAGE_CACHE = False
    get(client, "/")
    assert "X-Page-Cache" not in get(client, "/")


def test_a_cached_page_refuses_a_host_not_allowed(client, project):
    assert get(client, "/")["X-Page-Cache"] == "miss"
    assert get(client, "/")["X-Page-Cache"] == "hit"

    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "X-Page-Cache" not in response


def test_a_feed_cached_for_one_host_never_serves_its_links_to_another(client, project):
    factories.NewsItemFactory(project=project, title="Prison reform news")
    localhost = client.get("/news/feed/", HTTP_HOST="localhost").content.decode()
    assert "http://localhost/news/" in localhost

    other = client.get("/news/feed/", HTTP_HOST="127.0.0.1")

    assert other["X-Page-Cache"] == "miss"
    assert "http://127.0.0.1/news/" in other.content.decode()
    assert "localhost" not in other.content.decode()
    assert client.get("/news/feed/", HTTP_HOST="localhost")["X-Page-Cache"] == "hit"


def test_a_cache_that_fails_with_the_database_lets_the_page_render(client, project, monkeypatch):
    # Without Redis the cache is a table: during an outage its reads and writes fail too.
    from django.db import OperationalError

    from core import cache

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    for name in ("get", "get_many", "set", "add", "delete"):
        monkeypatch.setattr(cache.cache, name, down)
    monkeypatch.setattr(cache, "generations", lambda scopes: {})

    response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    assert project.title in response.content.decode()
    assert "X-Page-Cache" not in response


def test_the_api_is_kept_for_visitors_per_format_and_shows_a_save_at_once(client, project):
    activity = factories.ActivityFactory(project=project, title="Judges' seminar")
    url = reverse("api:activity-list")
    as_json = {"HTTP_ACCEPT": "application/json"}
    first = client.get(url, **as_json)
    assert first["X-Page-Cache"] == "miss" and first["Content-Type"] == "application/json"
    assert client.get(url, **as_json)["X-Page-Cache"] == "hit"
    # The browsable API answers the same URL as HTML (with a CSRF token: never kept), and the
    # JSON kept for that URL is not what it gets.
    browsable = client.get(url, HTTP_ACCEPT="text/html")
    assert browsable["Content-Type"].startswith("text/html") and "X-Page-Cache" not in browsable
    assert client.get(url, **as_json)["Content-Type"] == "application/json"

    activity.title = "Judges' seminar, second day"
    activity.save()

    again = client.get(url, **as_json)
    assert again["X-Page-Cache"] == "miss"
    assert "second day" in again.content.decode()
