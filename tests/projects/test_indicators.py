import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import IndicatorValue
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(project):
    return factories.IndicatorFactory(
        objective=factories.ObjectiveFactory(project=project), baseline=0, target=200
    )


def record_url(indicator):
    project = indicator.objective.project
    return reverse("projects:indicator-record", args=[project.slug, indicator.pk])


def test_team_member_records_a_value_and_sees_progress_on_the_dashboard(
    client, team_member, project, indicator
):
    activity = factories.ActivityFactory(project=project, title="Training of trainers")
    client.force_login(team_member)
    response = client.post(
        record_url(indicator),
        {"date": "2024-06-30", "value": "50", "note": "Attendance lists", "activity": activity.pk},
        follow=True,
    )
    value = IndicatorValue.objects.get()
    assert (value.indicator, value.date, value.value) == (
        indicator,
        datetime.date(2024, 6, 30),
        Decimal("50"),
    )
    assert value.activity == activity
    assert value.recorded_by == team_member
    assert value.note == "Attendance lists"
    dashboard = reverse("projects:dashboard", args=[project.slug])
    assert response.redirect_chain == [(f"{dashboard}#indicator-{indicator.pk}", 302)]
    content = response.content.decode()
    assert f"Recorded 50 for “{indicator.name}”" in content
    assert "25 %" in content  # 50 of the way from 0 to 200


def test_form_offers_only_the_projects_activities(client, team_member, project, indicator):
    own = factories.ActivityFactory(project=project, title="Our training")
    factories.ActivityFactory(title="Someone else's training")
    client.force_login(team_member)
    response = client.get(record_url(indicator))
    assert list(response.context["form"].fields["activity"].queryset) == [own]
    content = response.content.decode()
    assert "Our training" in content
    assert "Someone else" not in content
    assert indicator.name in content


def test_activity_of_another_project_is_refused(client, team_member, project, indicator):
    foreign = factories.ActivityFactory()
    client.force_login(team_member)
    response = client.post(
        record_url(indicator), {"date": "2024-06-30", "value": "5", "activity": foreign.pk}
    )
    assert response.status_code == 200
    assert "activity" in response.context["form"].errors
    assert not IndicatorValue.objects.exists()


def test_value_and_date_are_required(client, team_member, indicator):
    client.force_login(team_member)
    response = client.post(record_url(indicator), {"date": "not a date", "value": ""})
    errors = response.context["form"].errors
    assert set(errors) == {"date", "value"}
    assert not IndicatorValue.objects.exists()


def test_manager_may_record_a_value(client, manager, indicator):
    client.force_login(manager)
    response = client.post(record_url(indicator), {"date": "2024-06-30", "value": "7"})
    assert response.status_code == 302
    assert IndicatorValue.objects.get().recorded_by == manager


def test_outsider_cannot_record_a_value(client, outsider, indicator):
    client.force_login(outsider)
    assert client.get(record_url(indicator)).status_code == 403
    response = client.post(record_url(indicator), {"date": "2024-06-30", "value": "7"})
    assert response.status_code == 403
    assert not IndicatorValue.objects.exists()


def test_visitor_is_sent_to_the_login_page_to_record_a_value(client, indicator):
    response = client.post(record_url(indicator), {"date": "2024-06-30", "value": "7"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not IndicatorValue.objects.exists()


def test_indicator_of_another_project_is_not_found_under_this_project(client, team_member, project):
    foreign = factories.IndicatorFactory()
    client.force_login(team_member)
    url = reverse("projects:indicator-record", args=[project.slug, foreign.pk])
    assert client.get(url).status_code == 404
