"""The read-only API: what each reader gets, IATI's names and codes, filters, pages, limits."""

import datetime
from unittest import mock

import pytest
import yaml
from django.core.cache import cache
from django.urls import reverse
from openapi_spec_validator import validate
from rest_framework.throttling import AnonRateThrottle

from projects.models import Objective, PeriodTarget
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, name, query="", **kwargs):
    response = client.get(
        reverse(f"api:{name}", kwargs=kwargs) + query, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()


def slugs(page):
    return [item["slug"] for item in page["results"]]


def test_visitors_list_published_projects_with_their_iati_identifier(client, project):
    factories.ProjectFactory(is_published=False, title="Draft")
    project.code = "2203-HF"
    project.save()
    page = get(client, "project-list")
    assert slugs(page) == [project.slug]
    [item] = page["results"]
    assert item["iati_identifier"] == "XM-DAC-47138-2203-HF"
    assert item["activity_status"] == "2"  # implementation: it runs from a year ago
    assert item["budget"] == {"value": "100000.00", "currency": "EUR"}


def test_a_team_member_sees_their_draft_and_a_manager_every_project(
    client, project, team_member, manager
):
    draft = factories.ProjectFactory(is_published=False, title="Draft")
    other = factories.ProjectFactory(is_published=False, title="Other draft")
    factories.MembershipFactory(project=draft, user=team_member)
    client.force_login(team_member)
    assert sorted(slugs(get(client, "project-list"))) == sorted([project.slug, draft.slug])
    client.force_login(manager)
    assert len(slugs(get(client, "project-list"))) == 3
    assert get(client, "project-detail", slug=other.slug)["title"] == "Other draft"


def test_a_draft_project_and_its_activities_are_not_found_by_visitors(client):
    draft = factories.ProjectFactory(is_published=False)
    activity = factories.ActivityFactory(project=draft)
    detail = reverse("api:project-detail", kwargs={"slug": draft.slug})
    assert client.get(detail).status_code == 404
    assert client.get(reverse("api:activity-detail", kwargs={"pk": activity.pk})).status_code == 404
    assert get(client, "activity-list")["results"] == []


def test_a_project_carries_its_logframe_in_order_with_indicator_values(client, project):
    result = factories.ObjectiveFactory(
        project=project,
        code="1.1",
        title="Police trained",
        level=Objective.Level.RESULT,
        position=2,
    )
    specific = factories.ObjectiveFactory(project=project, code="1", title="Safeguards", position=1)
    indicator = factories.IndicatorFactory(objective=result, name="Officers trained", target=300)
    for day, value, women, men in [
        (datetime.date(2024, 6, 1), 250, 150, 100),
        (datetime.date(2023, 6, 1), 120, None, None),
    ]:
        recorded = factories.IndicatorValueFactory(
            indicator=indicator, date=day, value=value, women=women, men=men, status="approved"
        )
    PeriodTarget.objects.create(indicator=indicator, period=recorded.period, target=100)
    # Not approved yet: not in the API.
    factories.IndicatorValueFactory(indicator=indicator, date=datetime.date(2024, 7, 1), value=9)
    factories.PartnerFactory(project=project, institution__name="Ministry of Justice")
    detail = get(client, "project-detail", slug=project.slug)
    # After the project's overall objective (the fixture's), in position order.
    assert [(r["code"], r["type"]) for r in detail["result"]] == [
        ("0", "3"),
        ("1", "2"),
        ("1.1", "1"),
    ]
    assert detail["result"][1]["title"] == specific.title
    [officers] = detail["result"][2]["indicators"]
    assert officers["target"] == "300.00"
    assert officers["values"] == [
        {"date": "2023-06-01", "value": "120.00"},
        {"date": "2024-06-01", "value": "250.00"},
    ]
    # Per reporting period, as in the IATI files: the target, the approved actual, its split.
    assert [
        (p["period_start"], p["target"], p["actual"], p["women"], p["men"])
        for p in officers["period"]
    ] == [
        ("2023-01-01", "100.00", "120.00", None, None),
        ("2024-01-01", None, "250.00", "150.00", "100.00"),
    ]
    [partner] = detail["participating_org"]
    assert partner["name"] == "Ministry of Justice"
    assert (partner["role"], partner["type"], partner["partner_role"]) == ("4", "10", "beneficiary")


def test_activities_take_every_filter_of_the_activity_list(client, project):
    training = factories.ActivityFactory(project=project, kind="training", title="Prison training")
    factories.ActivityFactory(project=project, kind="meeting", title="Steering meeting")
    assert [a["title"] for a in get(client, "activity-list", "?kind=training")["results"]] == [
        "Prison training"
    ]
    assert [a["id"] for a in get(client, "activity-list", "?q=prison")["results"]] == [training.pk]
    year = training.start_date.year
    assert len(get(client, "activity-list", f"?project={project.slug}&year={year}")["results"]) >= 1


@pytest.mark.parametrize("query", ["?year=abc", "?kind=party", "?project=nope", "?date_after=x"])
def test_an_invalid_filter_is_a_400_naming_the_field(client, project, query):
    response = client.get(reverse("api:activity-list") + query, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    field = query[1:].split("=")[0].removesuffix("_after")
    assert field in response.json()


def test_lists_come_in_cursor_pages_newest_first(client, project):
    for day in range(1, 4):
        factories.ActivityFactory(project=project, start_date=datetime.date(2024, 3, day))
    first = get(client, "activity-list", "?page_size=2")
    assert [a["start_date"] for a in first["results"]] == ["2024-03-03", "2024-03-02"]
    response = client.get(first["next"], HTTP_ACCEPT="application/json")
    assert [a["start_date"] for a in response.json()["results"]] == ["2024-03-01"]
    assert response.json()["next"] is None


def test_unpublished_and_future_stories_stay_out_of_the_news(client, project):
    published = factories.NewsItemFactory(project=project, title="Published")
    factories.NewsItemFactory(project=project, is_published=False, title="Draft")
    assert slugs(get(client, "news-list")) == [published.slug]


@pytest.mark.parametrize("name", ["project-list", "activity-list", "news-list", "institution-list"])
def test_a_list_takes_the_same_queries_for_three_records_or_thirty(
    client, name, django_assert_max_num_queries
):
    def build(count):
        for _ in range(count):
            project = factories.ProjectFactory()
            activity = factories.ActivityFactory(project=project)
            factories.NewsItemFactory(project=project, activity=activity)
            factories.InstitutionFactory()

    build(3)
    with django_assert_max_num_queries(8) as small:
        get(client, name)
    build(27)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(get(client, name)["results"]) >= 30


def test_a_project_page_of_the_api_takes_a_fixed_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        detail = get(client, "project-detail", slug=next(iter(demo.projects)))
    assert detail["result"]


def test_the_schema_is_valid_openapi_3_and_documents_every_endpoint(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/programmes/",
        "/api/projects/",
        "/api/projects/{slug}/",
        "/api/activities/",
        "/api/news/",
        "/api/institutions/",
        "/api/countries/",
    } <= set(schema["paths"])
    activity_filters = {p["name"] for p in schema["paths"]["/api/activities/"]["get"]["parameters"]}
    assert {"project", "kind", "status", "country", "year", "institution", "objective"} <= (
        activity_filters
    )


def test_the_browsable_docs_load_nothing_from_outside(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "http://" not in html and "https://" not in html.replace("https://127.0.0.1", "")


def test_anonymous_clients_are_throttled(client, project):
    cache.clear()
    url = reverse("api:project-list")
    with mock.patch.object(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"}):
        codes = [client.get(url, {"page_size": size}).status_code for size in range(1, 5)]
        # A page the cache keeps for visitors costs nothing: the throttle counts what renders.
        kept = client.get(url, {"page_size": 1})
    assert codes == [200, 200, 200, 429]
    assert kept.status_code == 200 and kept["X-Page-Cache"] == "hit"
