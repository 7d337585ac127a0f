"""Every list page answers an invalid filter the same way (core.views.FilteredListView)."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

# (list page, a query string its filters refuse, the title of a record it would list)
INVALID = [
    ("projects:list", "year=abc", "Prison reform"),
    ("activities:list", "year=abc", "Training of prison staff"),
    ("news:list", "year=abc", "Prison staff trained"),
    ("stakeholders:list", "kind=nothing", "Ministry of Justice"),
]


@pytest.fixture
def records():
    project = factories.ProjectFactory(title="Prison reform")
    factories.ActivityFactory(project=project, title="Training of prison staff")
    factories.NewsItemFactory(project=project, title="Prison staff trained")
    factories.InstitutionFactory(name="Ministry of Justice")


@pytest.mark.parametrize(("route", "query", "title"), INVALID)
def test_an_invalid_filter_answers_400_with_the_form_and_no_records(
    client, records, route, query, title
):
    url = reverse(route)
    assert title in client.get(url).content.decode()

    response = client.get(f"{url}?{query}")

    assert response.status_code == 400
    page = response.content.decode()
    assert "not valid" in page
    assert title not in page[page.index("<main") :]
