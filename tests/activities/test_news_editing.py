"""Writing, editing and deleting news items through the staff forms, by those who may use them.

(Who may: the permission table in tests/test_permissions.py.)
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from activities.models import NewsItem
from tests import factories
from tests.helpers import (
    history_table,
    kept_form,
    messages_of,
    news_data,
    news_edit_data,
    saved_form,
)

pytestmark = pytest.mark.django_db


def test_team_member_writes_a_news_item_exactly_as_entered(
    team_member_client, team_member, project
):
    activity = factories.ActivityFactory(project=project)
    data = news_data(project, activity=activity.pk, is_published="False")

    item, response = saved_form(team_member_client, reverse("news:create"), data, NewsItem)

    assert (item.project, item.activity, item.title, item.slug) == (
        project,
        activity,
        "Prison staff trained on the CPT standards",
        "prison-staff-trained-on-the-cpt-standards",
    )
    assert item.dateline == "Belgrade, Serbia"
    assert item.published_on == datetime.date.fromisoformat(data["published_on"])
    assert item.lead == "Twenty-five prison officers took part."
    assert item.body == "The training covered **use of force**."
    assert item.is_published is False
    assert (item.author, item.updated_by, item.version) == (team_member, team_member, 1)
    assert messages_of(response) == ["News item “Prison staff trained on the CPT standards” saved."]
    record = item.history.get()
    assert (record.history_type, record.history_user) == ("+", team_member)


def test_preview_renders_the_markdown_body_without_saving(team_member_client, project):
    data = news_data(
        project,
        body="A **bold** claim\n\n- first\n- second\n\n<script>alert(1)</script>",
        preview="Preview",
    )

    html = kept_form(team_member_client, reverse("news:create"), data, NewsItem)

    assert "Preview — not saved yet" in html
    assert "<strong>bold</strong>" in html
    assert "<li>first</li>" in html
    assert "<script>alert(1)</script>" not in html
    # The textarea still holds the Markdown as typed.
    assert "A **bold** claim" in html


def test_preview_of_an_incomplete_form_shows_the_body_and_the_errors(team_member_client, project):
    data = news_data(project, title="", body="*Draft* text", preview="Preview")

    response = team_member_client.post(reverse("news:create"), data)

    html = response.content.decode()
    assert "<em>Draft</em> text" in html
    assert "Enter the title." in html


def test_preview_while_editing_leaves_the_stored_item_alone(team_member_client, project):
    item = factories.NewsItemFactory(project=project, body="Old body")

    response = team_member_client.post(
        reverse("news:update", args=[item.slug]),
        news_edit_data(item, body="New **body**", preview="Preview"),
    )

    item.refresh_from_db()
    assert "<strong>body</strong>" in response.content.decode()
    assert (item.body, item.version) == ("Old body", 1)


def test_news_about_an_activity_of_another_project_is_refused(
    team_member_client, team_member, project
):
    second = factories.MembershipFactory(user=team_member).project
    elsewhere = factories.ActivityFactory(project=second)

    data = news_data(project, activity=elsewhere.pk)

    html = kept_form(team_member_client, reverse("news:create"), data, NewsItem)

    assert "Choose an activity of the same project." in html


def test_writing_about_an_activity_preselects_it_and_its_project(team_member_client, project):
    activity = factories.ActivityFactory(project=project)

    response = team_member_client.get(reverse("news:create"), {"activity": activity.pk})

    html = response.content.decode()
    assert f'<option value="{project.pk}" selected>' in html
    assert f'<option value="{activity.pk}" selected>' in html


@pytest.mark.parametrize("query", [{"activity": "abc"}, {"activity": "999999"}])
def test_bad_activity_in_the_query_string_is_not_found(team_member_client, query):
    assert team_member_client.get(reverse("news:create"), query).status_code == 404


def test_editing_keeps_the_address_and_records_the_editor(team_member_client, team_member, project):
    author = factories.UserFactory()
    item = factories.NewsItemFactory(project=project, author=author, title="Old title")

    response = team_member_client.post(
        reverse("news:update", args=[item.slug]),
        news_edit_data(item, title="New title", is_published="False"),
    )

    old_slug = item.slug
    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.title, item.slug, item.is_published) == ("New title", old_slug, False)
    assert (item.author, item.updated_by, item.version) == (author, team_member, 2)
    assert item.history.latest("history_date").history_user == team_member
    assert messages_of(response) == ["News item “New title” saved."]


def test_second_of_two_concurrent_news_edits_is_refused_and_keeps_its_input(team_member, project):
    colleague = factories.MembershipFactory(
        project=project, user__first_name="Marko", user__last_name="Jovanović"
    ).user
    item = factories.NewsItemFactory(project=project)
    url = reverse("news:update", args=[item.slug])
    theirs, mine = Client(), Client()
    theirs.force_login(colleague)
    mine.force_login(team_member)
    theirs.get(url)
    mine.get(url)

    theirs.post(url, news_edit_data(item, lead="Their lead"))
    refused = mine.post(url, news_edit_data(item, lead="My lead", body="My long body"))

    item.refresh_from_db()
    html = refused.content.decode()
    assert refused.status_code == 200
    assert (item.lead, item.version, item.updated_by) == ("Their lead", 2, colleague)
    when = date_format(localtime(item.updated_at), "DATETIME_FORMAT")
    assert f"Marko Jovanović saved this record on {when}, after you opened it." in html
    assert "My lead" in html and "My long body" in html


def test_delete_asks_for_confirmation_and_deletes_only_on_post(
    team_member_client, team_member, project
):
    item = factories.NewsItemFactory(project=project, title="Wrong story")
    url = reverse("news:delete", args=[item.slug])

    confirm = team_member_client.get(url)

    assert "Delete “Wrong story”?" in confirm.content.decode()
    assert NewsItem.objects.filter(pk=item.pk).exists()

    response = team_member_client.post(url)

    assert response["Location"] == reverse("my-work")
    assert not NewsItem.objects.filter(pk=item.pk).exists()
    assert messages_of(response) == ["News item “Wrong story” deleted."]
    record = NewsItem.history.filter(id=item.pk).latest("history_date")
    assert (record.history_type, record.history_user) == ("-", team_member)


def test_history_page_lists_changes_with_the_editor(team_member_client, vesna_martin, project):
    team_member_client.post(reverse("news:create"), news_data(project, dateline="Tirana"))
    item = NewsItem.objects.get()
    team_member_client.post(
        reverse("news:update", args=[item.slug]), news_edit_data(item, dateline="Durrës")
    )

    html = history_table(team_member_client, reverse("news:history", args=[item.slug]))

    assert html.count("by Vesna Martin") == 2
    assert "<td>Tirana</td>" in html and "<td>Durrës</td>" in html
