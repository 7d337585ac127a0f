"""Restore loses nothing (issue 18): links in history, unlinking recorded, restore in the portal."""

import pytest
from django.urls import reverse

from activities import services
from activities.models import Activity
from tests import factories
from tests.helpers import activity_edit_data, messages_of, page, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(project, team_member):
    """An activity with a country, an objective, an institution, a story and an indicator value."""
    serbia = factories.CountryFactory(code="RS")
    objective = factories.ObjectiveFactory(project=project)
    ministry = factories.InstitutionFactory(name="Ministry of Justice")
    activity = services.activity_create(
        user=team_member,
        project=project,
        kind=Activity.Kind.TRAINING,
        title="Training on CPT standards",
        start_date=project.start_date,
        countries=[serbia],
        objectives=[objective],
        institutions=[ministry],
    )
    story = factories.NewsItemFactory(project=project, activity=activity)
    indicator = factories.IndicatorFactory(objective=objective)
    value = factories.IndicatorValueFactory(indicator=indicator, activity=activity)
    return {"activity": activity, "story": story, "value": value, "serbia": serbia,
            "objective": objective, "ministry": ministry}  # fmt: skip


def delete_in_the_portal(user, activity):
    response = signed_in(user).post(reverse("activities:delete", args=[activity.pk]))
    assert response.status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_a_deleted_activity_comes_back_with_its_links_stories_and_values(team_member, linked):
    activity = linked["activity"]
    pk = activity.pk
    client = signed_in(team_member)
    confirmation = page(client.get(reverse("activities:delete", args=[pk])))
    assert confirmation.xpath("//a[@href=$url]", url=reverse("activities:history", args=[pk]))
    delete_in_the_portal(team_member, activity)

    history = page(client.get(reverse("activities:history", args=[pk])))
    assert "This activity was deleted on" in history.text_content()
    [form] = history.xpath("//form[@action=$url]", url=reverse("activities:restore", args=[pk]))
    assert form.get("method") == "post"
    response = client.post(reverse("activities:restore", args=[pk]))

    restored = Activity.objects.get(pk=pk)
    assert response["Location"] == restored.get_absolute_url()
    assert messages_of(response) == [
        "Activity “Training on CPT standards” restored, with its countries, objectives, "
        "institutions and news."
    ]
    assert list(restored.countries.all()) == [linked["serbia"]]
    assert list(restored.objectives.all()) == [linked["objective"]]
    assert list(restored.institutions.all()) == [linked["ministry"]]
    linked["story"].refresh_from_db()
    linked["value"].refresh_from_db()
    assert linked["story"].activity == restored
    assert linked["value"].activity == restored
    assert restored.history.first().history_user == team_member


def test_the_unlinking_of_stories_and_values_is_in_their_history(team_member, linked):
    delete_in_the_portal(team_member, linked["activity"])
    for record in (linked["story"], linked["value"]):
        latest, before = record.history.order_by("-history_date", "-history_id")[:2]
        assert (before.activity_id, latest.activity_id) == (linked["activity"].pk, None)
        assert latest.history_user == team_member


def test_the_admins_delete_records_the_unlinking_too(admin_client, linked):
    activity = linked["activity"]
    response = admin_client.post(
        "/admin/activities/activity/",
        {"action": "delete_selected", "_selected_action": [activity.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert linked["story"].history.first().activity_id is None
    deletion = services.latest_deletion(activity.pk)
    services.activity_restore(deletion, user=None)
    linked["story"].refresh_from_db()
    assert linked["story"].activity_id == activity.pk


def test_link_changes_are_in_history_one_entry_per_save(team_member, project, linked):
    activity = linked["activity"]
    kosovo = factories.KosovoFactory()
    client = signed_in(team_member)
    data = activity_edit_data(activity, countries=[kosovo.pk, linked["serbia"].pk])
    before = activity.history.count()
    assert client.post(reverse("activities:update", args=[activity.pk]), data).status_code == 302

    assert activity.history.count() == before + 1
    latest = activity.history.first()
    assert {row.country_id for row in latest.countries.all()} == {kosovo.pk, linked["serbia"].pk}
    first = activity.history.last()
    assert [row.country_id for row in first.countries.all()] == [linked["serbia"].pk]


def test_a_story_changed_after_the_delete_keeps_its_new_link(team_member, project, linked):
    activity = linked["activity"]
    delete_in_the_portal(team_member, activity)
    other = factories.ActivityFactory(project=project)
    story = linked["story"]
    story.refresh_from_db()
    story.activity = other
    story.save()

    signed_in(team_member).post(reverse("activities:restore", args=[activity.pk]))

    story.refresh_from_db()
    assert story.activity == other


def test_only_the_team_and_managers_restore(team_member, outsider, manager, linked):
    pk = linked["activity"].pk
    delete_in_the_portal(team_member, linked["activity"])
    url = reverse("activities:restore", args=[pk])
    assert signed_in(outsider).post(url).status_code == 403
    assert signed_in(outsider).get(reverse("activities:history", args=[pk])).status_code == 403
    assert not Activity.objects.filter(pk=pk).exists()
    assert signed_in(manager).get(url).status_code == 405
    assert signed_in(manager).post(url).status_code == 302
    assert signed_in(manager).post(url).status_code == 404  # not deleted any more


def test_a_draft_projects_deleted_activity_is_a_404_to_outsiders(team_member, outsider, project):
    project.is_published = False
    project.save()
    activity = factories.ActivityFactory(project=project)
    delete_in_the_portal(team_member, activity)
    assert (
        signed_in(outsider).post(reverse("activities:restore", args=[activity.pk])).status_code
        == 404
    )
