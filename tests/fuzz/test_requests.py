"""Request fuzz test (issue 18, item 3): portal pages and the admin (changelist filters, add and
change forms, actions, history URLs) with hostile query strings and ids, signed in as an admin:
never a 500. The attack's 500s are the seed examples."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = pytest.mark.django_db

PAGES = [
    "/activities/?{key}={value}",
    "/activities/new/?project={value}",
    "/news/new/?project={value}",
    "/projects/?{key}={value}",
    "/news/?{key}={value}",
    "/stakeholders/?{key}={value}",
    "/search/?q={value}",
    "/api/activities/?{key}={value}",
    "/admin/activities/activity/?{key}={value}",
    "/admin/projects/project/?{key}={value}",
    "/admin/activities/newsitem/?{key}={value}",
    "/admin/activities/activity/add/?project={value}",
    "/admin/activities/activity/{value}/change/",
    "/admin/activities/activity/{value}/history/",
    "/admin/stakeholders/institution/{value}/history/",
    "/admin/auth/user/?{key}={value}",
]
KEYS = [
    "project",
    "kind",
    "country",
    "year",
    "status",
    "q",
    "start_date__year",
    "page",
    "o",
    "institution",
    "is_published__exact",
    "id__in",
]
VALUES = st.one_of(
    st.sampled_from(
        [
            "%00",
            "a%00b",
            "2147483648",
            "-1",
            "abc",
            "9999999999999999999999",
            "%0a",
            "%ud800",
            "1e999",
            "%2e%2e%2f",
            "..",
            "%ff%fe",
        ]
    ),
    st.text(max_size=12).map(lambda text: quote(text, safe="")),
)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(page=st.sampled_from(PAGES), key=st.sampled_from(KEYS), value=VALUES)
@example(page="/activities/new/?project={value}", key="", value="%00")
@example(page="/news/new/?project={value}", key="", value="a%00b")
@example(
    page="/admin/activities/activity/?{key}={value}", key="start_date__year", value="2147483648"
)
@example(page="/admin/activities/activity/?{key}={value}", key="q", value="%00")
@example(page="/admin/activities/activity/add/?project={value}", key="", value="abc")
@example(page="/admin/activities/activity/{value}/history/", key="", value="abc")
def test_no_hostile_request_is_a_server_error(admin_user, page, key, value):
    client = Client()
    client.force_login(admin_user)
    response = client.get(page.format(key=key, value=value))
    assert response.status_code < 500, page.format(key=key, value=value)


def test_a_bad_selection_for_an_admin_action_is_refused_not_a_crash(admin_user):
    factories.ActivityFactory()
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        "/admin/activities/activity/",
        {"action": "delete_selected", "_selected_action": ["abc", "\x00"]},
    )
    assert response.status_code in (200, 302, 400)
