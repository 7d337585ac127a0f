"""Long lists count up to a bound (core.views.BoundedPaginator): fast at 200,000 rows."""

import pytest

from core.views import BoundedPaginator
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_list_longer_than_the_bound_says_more_than_and_stops_its_pages(
    client, project, monkeypatch
):
    monkeypatch.setattr(BoundedPaginator, "bound", 3)
    for _ in range(5):
        factories.ActivityFactory(project=project)

    response = client.get("/activities/")

    assert "More than 3 activities: the filters narrow the list." in response.content.decode()
    assert response.context["paginator"].num_pages == 1
    assert client.get("/activities/?page=2").status_code == 404


def test_a_list_within_the_bound_is_counted_exactly(client, project, monkeypatch):
    monkeypatch.setattr(BoundedPaginator, "bound", 3)
    for _ in range(3):
        factories.NewsItemFactory(project=project)

    html = client.get("/news/").content.decode()

    assert "3 stories" in html
    assert "More than" not in html
