"""Logging, editing and deleting activities through the staff forms.

Who gets which answer on each of these pages is tests/test_permissions.py's table; here, what the
forms do for those allowed to use them.
"""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from activities.models import Activity
from tests import factories
from tests.helpers import (
    activity_data,
    activity_edit_data,
    history_table,
    kept_form,
    messages_of,
    saved_form,
)

pytestmark = pytest.mark.django_db


# Logging a new activity


def test_team_member_logs_an_activity_exactly_as_entered(team_member_client, team_member, project):
    objective = factories.ObjectiveFactory(project=project)
    institution = factories.InstitutionFactory()
    kosovo = factories.KosovoFactory()
    data = activity_data(
        project,
        objectives=[objective.pk],
        institutions=[institution.pk],
        countries=[kosovo.pk],
    )

    activity, response = saved_form(
        team_member_client, reverse("activities:create"), data, Activity
    )

    assert (activity.project, activity.kind, activity.title, activity.status) == (
        project,
        "training",
        "Training on CPT standards",
        "held",
    )
    assert (activity.start_date, activity.end_date) == (
        datetime.date.fromisoformat(data["start_date"]),
        datetime.date.fromisoformat(data["end_date"]),
    )
    assert (activity.venue, activity.city, activity.format) == (
        "Judicial Academy",
        "Belgrade",
        "in_person",
    )
    assert activity.description == "Two days on the CPT standards for prison staff."
    assert (
        activity.participants_total,
        activity.participants_women,
        activity.participants_men,
    ) == (25, 15, 10)
    assert activity.facilitators == "Two Council of Europe experts"
    assert activity.cost == Decimal("1200.50")
    assert list(activity.objectives.all()) == [objective]
    assert list(activity.institutions.all()) == [institution]
    assert list(activity.countries.all()) == [kosovo]
    assert (activity.created_by, activity.updated_by, activity.version) == (
        team_member,
        team_member,
        1,
    )
    assert messages_of(response) == ["Activity “Training on CPT standards” logged."]


def test_one_day_activity_may_leave_the_end_date_empty(team_member_client, project):
    data = activity_data(project, end_date="")

    team_member_client.post(reverse("activities:create"), data)

    activity = Activity.objects.get()
    assert activity.end_date == activity.start_date


def test_save_and_add_another_returns_to_an_empty_form_for_the_same_project(
    team_member_client, project
):
    data = activity_data(project, save_add_another="Save and add another")

    response = team_member_client.post(reverse("activities:create"), data)

    assert response.status_code == 302
    assert response["Location"] == f"/activities/new/?project={project.slug}"
    assert Activity.objects.count() == 1
    follow = team_member_client.get(response["Location"])
    assert f'<option value="{project.pk}" selected>' in follow.content.decode()
    assert 'name="title"' in follow.content.decode()
    assert 'value="Training on CPT standards"' not in follow.content.decode()


def test_project_in_the_query_string_is_preselected(client, team_member, project):
    second = factories.MembershipFactory(user=team_member, project__title="Second").project
    client.force_login(team_member)

    response = client.get(reverse("activities:create"), {"project": second.slug})

    html = response.content.decode()
    assert f'<option value="{second.pk}" selected>' in html
    assert f'<option value="{project.pk}">' in html


def test_unknown_project_in_the_query_string_is_not_found(team_member_client):
    response = team_member_client.get(reverse("activities:create"), {"project": "no-such-project"})

    assert response.status_code == 404


def test_failed_submit_keeps_everything_that_was_typed(team_member_client, project):
    data = activity_data(project, participants_total="5", title="Study visit to Dublin")

    html = kept_form(team_member_client, reverse("activities:create"), data, Activity)

    assert "Women and men together (25) are more than the participants (5)." in html
    assert 'value="Study visit to Dublin"' in html
    assert 'value="Judicial Academy"' in html
    assert "Two days on the CPT standards for prison staff." in html
    assert 'value="15"' in html


def test_dates_outside_the_project_period_are_saved_only_after_confirmation(
    team_member_client, project
):
    late = project.end_date + datetime.timedelta(days=20)
    data = activity_data(project, start_date=late.isoformat(), end_date="", status="planned")

    html = kept_form(team_member_client, reverse("activities:create"), data, Activity)

    assert "These dates fall outside the project period" in html
    assert "Save anyway — dates are outside the project period" in html
    assert 'type="checkbox" name="confirm_outside_period"' in html

    second = team_member_client.post(
        reverse("activities:create"), {**data, "confirm_outside_period": "on"}
    )

    assert second.status_code == 302
    assert Activity.objects.get().start_date == late


def test_team_member_cannot_log_an_activity_for_another_project_by_posting_its_id(
    team_member_client,
):
    foreign = factories.ProjectFactory()

    html = kept_form(
        team_member_client, reverse("activities:create"), activity_data(foreign), Activity
    )

    assert "Choose the project from the list" in html


# Editing


def test_team_member_edits_an_activity_and_the_version_goes_up(
    team_member_client, team_member, project
):
    author = factories.UserFactory()
    activity = factories.ActivityFactory(project=project, created_by=author)

    response = team_member_client.post(
        reverse("activities:update", args=[activity.pk]),
        activity_edit_data(activity, title="Renamed training", participants_total="40"),
    )

    activity.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url()
    assert (activity.title, activity.participants_total) == ("Renamed training", 40)
    assert (activity.version, activity.created_by, activity.updated_by) == (2, author, team_member)
    assert messages_of(response) == ["Activity “Renamed training” saved."]


def test_edit_form_shows_who_updated_the_record_last(team_member_client, project):
    editor = factories.UserFactory(first_name="Ana", last_name="Petrović")
    activity = factories.ActivityFactory(project=project, updated_by=editor)

    response = team_member_client.get(reverse("activities:update", args=[activity.pk]))

    assert "Last updated by Ana Petrović on" in response.content.decode()
    assert 'name="version" value="1"' in response.content.decode()


def test_second_of_two_concurrent_edits_is_refused_and_keeps_its_input(
    client, team_member, project
):
    colleague = factories.MembershipFactory(
        project=project, user__first_name="Marko", user__last_name="Jovanović"
    ).user
    activity = factories.ActivityFactory(project=project, title="Original")
    url = reverse("activities:update", args=[activity.pk])
    theirs, mine = Client(), Client()
    theirs.force_login(colleague)
    mine.force_login(team_member)
    # Both open the form on version 1.
    assert 'name="version" value="1"' in theirs.get(url).content.decode()
    assert 'name="version" value="1"' in mine.get(url).content.decode()

    saved = theirs.post(url, activity_edit_data(activity, title="Their title", city="Novi Sad"))
    refused = mine.post(url, activity_edit_data(activity, title="My title", description="My notes"))

    activity.refresh_from_db()
    assert saved.status_code == 302
    assert refused.status_code == 200
    assert (activity.title, activity.city, activity.version) == ("Their title", "Novi Sad", 2)
    assert activity.updated_by == colleague
    when = date_format(localtime(activity.updated_at), "DATETIME_FORMAT")
    html = refused.content.decode()
    assert f"Marko Jovanović saved this record on {when}, after you opened it." in html
    assert "Your changes were not saved yet" in html
    assert "They changed:" in html and "city or place" in html and "title" in html
    assert 'value="My title"' in html
    assert "My notes" in html
    # The re-displayed form now carries their version: saving again is a deliberate overwrite.
    assert 'name="version" value="2"' in html

    overwrite = mine.post(url, activity_edit_data(activity, title="My title", version="2"))

    activity.refresh_from_db()
    assert overwrite.status_code == 302
    assert (activity.title, activity.version, activity.updated_by) == ("My title", 3, team_member)


def test_saving_an_activity_deleted_meanwhile_finds_nothing_to_save(client, team_member, project):
    colleague = factories.MembershipFactory(project=project, user__first_name="Marko").user
    activity = factories.ActivityFactory(project=project)
    url = reverse("activities:update", args=[activity.pk])
    client.force_login(team_member)
    data = activity_edit_data(activity, title="My title")
    other = Client()
    other.force_login(colleague)
    other.post(reverse("activities:delete", args=[activity.pk]))

    # The team member's form was loaded before the deletion; its POST now finds nothing to edit.
    response = client.post(url, data)

    assert response.status_code == 404


def test_every_save_is_in_history_with_the_user_who_made_it(
    team_member_client, team_member, project
):
    team_member_client.post(reverse("activities:create"), activity_data(project, title="First"))
    activity = Activity.objects.get()
    team_member_client.post(
        reverse("activities:update", args=[activity.pk]),
        activity_edit_data(activity, title="Second"),
    )

    records = list(activity.history.order_by("history_date"))

    assert [(r.history_type, r.title, r.history_user) for r in records] == [
        ("+", "First", team_member),
        ("~", "Second", team_member),
    ]


def test_history_page_shows_who_changed_what(team_member_client, vesna_martin, project):
    team_member_client.post(reverse("activities:create"), activity_data(project, title="First"))
    activity = Activity.objects.get()
    team_member_client.post(
        reverse("activities:update", args=[activity.pk]),
        activity_edit_data(activity, title="Second", status="cancelled"),
    )

    html = history_table(team_member_client, reverse("activities:history", args=[activity.pk]))

    assert html.count("by Vesna Martin") == 2
    assert "Created" in html and "Changed" in html
    assert "<td>First</td>" in html and "<td>Second</td>" in html
    assert "<td>Held</td>" in html and "<td>Cancelled</td>" in html


# Deleting


def test_delete_asks_for_confirmation_and_deletes_only_on_post(team_member_client, project):
    activity = factories.ActivityFactory(project=project, title="Mistake")
    story = factories.NewsItemFactory(project=project, activity=activity)
    url = reverse("activities:delete", args=[activity.pk])

    confirm = team_member_client.get(url)

    assert confirm.status_code == 200
    assert "Delete “Mistake”?" in confirm.content.decode()
    assert "One news item links to it" in confirm.content.decode()
    assert Activity.objects.filter(pk=activity.pk).exists()

    response = team_member_client.post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("my-work")
    assert not Activity.objects.filter(pk=activity.pk).exists()
    story.refresh_from_db()
    assert story.activity is None
    assert messages_of(response) == ["Activity “Mistake” deleted."]


def test_deletion_is_in_history_with_the_user(team_member_client, team_member, project):
    activity = factories.ActivityFactory(project=project)

    team_member_client.post(reverse("activities:delete", args=[activity.pk]))

    record = Activity.history.filter(id=activity.pk).latest("history_date")
    assert (record.history_type, record.history_user) == ("-", team_member)


# The form page


def test_form_page_queries_do_not_grow_with_objectives_and_institutions(
    team_member_client, project, django_assert_max_num_queries
):
    def load(n):
        for _ in range(n):
            factories.ObjectiveFactory(project=project)
            factories.PartnerFactory(project=project, institution=factories.InstitutionFactory())
        with django_assert_max_num_queries(11):
            response = team_member_client.get(reverse("activities:create"))
        assert response.content.decode().count('name="institutions"') >= n

    load(5)
    load(45)


# A new record's choices for another project (static/js/forms.js swaps them in)


def test_picking_another_project_lists_its_objectives_only(client, manager, project):
    factories.ObjectiveFactory(project=project, title="Prison healthcare")
    other = factories.ProjectFactory()
    factories.ObjectiveFactory(project=other, title="Police accountability")
    client.force_login(manager)

    html = client.get(reverse("activities:choices"), {"project": other.pk}).content.decode()

    assert 'id="div_id_objectives"' in html
    assert "Police accountability" in html
    assert "Prison healthcare" not in html
    assert "<html" not in html


def test_picking_a_project_lists_its_activities_for_a_story(client, manager, project):
    held = factories.ActivityFactory(project=project, title="Training of prison doctors")
    factories.ActivityFactory(title="Someone else's training")
    client.force_login(manager)

    html = client.get(reverse("news:choices"), {"project": project.pk}).content.decode()

    assert f'<option value="{held.pk}">Training of prison doctors' in html
    assert "Someone else's training" not in html


def test_no_project_chosen_gives_the_empty_list_with_its_hint(team_member_client):
    html = team_member_client.get(reverse("activities:choices"), {"project": ""}).content.decode()

    assert "Choose the project first" in html


@pytest.mark.parametrize(("value", "status"), [("abc", 400), ("9" * 30, 400), ("999999", 404)])
def test_choices_for_a_bad_project_are_refused_clearly(team_member_client, value, status):
    response = team_member_client.get(reverse("activities:choices"), {"project": value})

    assert response.status_code == status


def test_an_outsider_gets_no_choices_of_another_teams_project(client, outsider, project):
    factories.ObjectiveFactory(project=project, title="Prison healthcare")
    client.force_login(outsider)

    response = client.get(reverse("activities:choices"), {"project": project.pk})

    assert response.status_code == 403
    assert "Prison healthcare" not in response.content.decode()


def test_team_member_logs_about_40_participants_over_two_and_a_half_days_in_a_month(
    team_member_client, project
):
    data = activity_data(
        project,
        start_date="2024-03-12",
        start_precision="month",
        end_date="",
        duration_days="2.5",
        participants_qualifier="about",
        participants_total="40",
        participants_women="",
        participants_men="",
        scope="national",
        external_reference="DB-77",
        confirm_outside_period="on",
    )

    activity, _response = saved_form(
        team_member_client, reverse("activities:create"), data, Activity
    )

    assert (activity.start_date, activity.end_date) == (
        datetime.date(2024, 3, 1),
        datetime.date(2024, 3, 31),
    )
    assert (activity.duration_days, activity.participants_qualifier) == (Decimal("2.5"), "about")
    assert (activity.scope, activity.external_reference) == ("national", "DB-77")


def test_a_duration_off_the_half_day_is_refused_with_a_message(team_member_client, project):
    data = activity_data(project, duration_days="2.3")

    html = kept_form(team_member_client, reverse("activities:create"), data, Activity)

    assert "Ensure this value is a multiple of step size 0.5" in html
