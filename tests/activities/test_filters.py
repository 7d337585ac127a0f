import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from activities.filters import ActivityFilter
from activities.models import Activity
from tests import factories


def run(params, user=None):
    request = RequestFactory().get("/activities/", params)
    request.user = user or AnonymousUser()
    return ActivityFilter(params, queryset=Activity.objects.for_user(request.user), request=request)


@pytest.mark.django_db
def test_filters_combine_project_kind_country_and_year():
    serbia, kosovo = factories.CountryFactory(code="RS"), factories.KosovoFactory()
    project = factories.ProjectFactory(title="Prisons")
    wanted = factories.ActivityFactory(
        project=project, kind="training", start_date=datetime.date(2024, 7, 1), countries=[kosovo]
    )
    factories.ActivityFactory(project=project, kind="meeting", start_date=datetime.date(2024, 7, 1))
    factories.ActivityFactory(project=project, kind="training", countries=[serbia])
    factories.ActivityFactory(
        kind="training", start_date=datetime.date(2024, 7, 1), countries=[kosovo]
    )

    result = run({"project": project.slug, "kind": "training", "country": "XK", "year": "2024"})

    assert result.is_valid()
    assert list(result.qs) == [wanted]


@pytest.mark.django_db
def test_text_search_matches_title_and_place():
    in_title = factories.ActivityFactory(title="Forensic mental health study visit")
    in_city = factories.ActivityFactory(title="Workshop", city="Vrdnik")
    factories.ActivityFactory(title="Meeting", city="Belgrade")

    assert list(run({"q": "forensic"}).qs) == [in_title]
    assert list(run({"q": "vrdnik"}).qs) == [in_city]


@pytest.mark.django_db
def test_visitors_cannot_filter_by_an_unpublished_project():
    draft = factories.ProjectFactory(is_published=False)

    result = run({"project": draft.slug})

    assert not result.is_valid()
    assert "project" in result.errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"kind": "<script>"},
        {"year": "99999999999"},
        {"date_after": "2024-13-45"},
        {"country": "ZZ"},
        {"objective": "abc"},
        {"ordering": "password"},
    ],
)
def test_bad_values_are_reported_as_errors_not_exceptions(params):
    result = run(params)

    assert not result.is_valid()
