"""Kosovo*: every page naming a footnoted territory carries its footnote, exactly once."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from stakeholders.middleware import MARKER, TerritoryFootnoteMiddleware
from tests import factories

FOOTNOTE_START = "All reference to Kosovo, whether to the territory"
FRENCH_FOOTNOTE = (
    "Toute référence au Kosovo, que ce soit à son territoire, à ses institutions ou à sa "
    "population, doit se comprendre en pleine conformité avec la Résolution 1244 du Conseil de "
    "sécurité des Nations Unies et sans préjuger du statut du Kosovo."
)


@pytest.fixture
def kosovo(db):
    return factories.KosovoFactory()


def test_project_page_naming_kosovo_carries_the_footnote_once(client, kosovo):
    project = factories.ProjectFactory(countries=[kosovo, factories.CountryFactory(code="RS")])
    factories.InstitutionFactory(name="Kosovo Correctional Service", country=kosovo)
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Kosovo*" in page
    assert page.count(FOOTNOTE_START) == 1
    assert 'id="footnote-xk"' in page


def test_list_naming_kosovo_many_times_still_has_one_footnote(client, kosovo):
    for n in range(3):
        factories.ProjectFactory(title=f"Project {n}", countries=[kosovo])
    page = client.get("/projects/").content.decode()
    assert page.count("Kosovo*") >= 3
    assert page.count(FOOTNOTE_START) == 1


def test_a_title_with_kosovo_asterisk_brings_the_footnote(client, kosovo):
    factories.NewsItemFactory(title="Prison staff in Kosovo* and Serbia trained")
    page = client.get("/").content.decode()
    assert page.count(FOOTNOTE_START) == 1


def test_the_footnote_sits_in_the_footer(client, kosovo):
    project = factories.ProjectFactory(countries=[kosovo])
    page = client.get(project.get_absolute_url()).content.decode()
    assert page.index("<footer") < page.index(FOOTNOTE_START)
    assert MARKER.decode() not in page


def test_pages_without_kosovo_have_no_footnote(client, kosovo):
    project = factories.ProjectFactory(title="Serbian project")
    page = client.get(project.get_absolute_url()).content.decode()
    assert FOOTNOTE_START not in page
    assert "Footnotes" not in page


def test_kosovo_without_asterisk_needs_no_footnote(client, kosovo):
    factories.NewsItemFactory(title="Kosovo and Serbia")
    assert FOOTNOTE_START not in client.get("/").content.decode()


def test_french_page_carries_the_official_french_footnote_once(client, kosovo):
    project = factories.ProjectFactory(countries=[kosovo])
    page = client.get(f"/fr{project.get_absolute_url()}").content.decode()
    assert page.count(FRENCH_FOOTNOTE) == 1
    assert FOOTNOTE_START not in page
    assert 'aria-label="Notes de bas de page"' in page


def test_middleware_leaves_a_page_that_already_shows_the_footnote_alone(kosovo):
    html = f"<p>Kosovo*</p><p>{kosovo.footnote}</p><footer>{MARKER.decode()}</footer>"
    middleware = TerritoryFootnoteMiddleware(lambda request: HttpResponse(html))
    response = middleware(RequestFactory().get("/"))
    assert response.content.decode().count(FOOTNOTE_START) == 1


def test_middleware_ignores_non_html_responses(kosovo):
    body = f"Kosovo* {MARKER.decode()}"
    middleware = TerritoryFootnoteMiddleware(
        lambda request: HttpResponse(body, content_type="text/plain")
    )
    assert middleware(RequestFactory().get("/")).content.decode() == body


def test_middleware_fixes_the_content_length(kosovo):
    def view(request):
        response = HttpResponse(f"Kosovo* {MARKER.decode()}")
        response["Content-Length"] = str(len(response.content))
        return response

    response = TerritoryFootnoteMiddleware(view)(RequestFactory().get("/"))
    assert int(response["Content-Length"]) == len(response.content)
    assert FOOTNOTE_START in response.content.decode()


def test_footnote_follows_a_changed_footnote_text(client, kosovo):
    project = factories.ProjectFactory(countries=[kosovo])
    assert FOOTNOTE_START in client.get(project.get_absolute_url()).content.decode()
    kosovo.footnote = "A shorter note."
    kosovo.save()
    page = client.get(project.get_absolute_url()).content.decode()
    assert FOOTNOTE_START not in page
    assert page.count("A shorter note.") == 1


def test_footnoted_territories_cost_no_query_once_cached(client, kosovo, django_assert_num_queries):
    project = factories.ProjectFactory(countries=[kosovo])
    client.get(project.get_absolute_url())
    from stakeholders.middleware import footnoted_territories

    with django_assert_num_queries(0):
        assert footnoted_territories() == [("XK", "Kosovo", kosovo.footnote)]


def test_required_field_asterisks_do_not_look_up_territories(kosovo, django_assert_num_queries):
    html = f'<label>Title<span class="asteriskField">*</span></label>{MARKER.decode()}'
    middleware = TerritoryFootnoteMiddleware(lambda request: HttpResponse(html))
    with django_assert_num_queries(0):
        response = middleware(RequestFactory().get("/"))
    assert FOOTNOTE_START not in response.content.decode()
