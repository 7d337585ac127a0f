"""Content in English and French: each field falls back to English on its own, and says so."""

from django.db import connection
from django.utils import translation

from activities.models import Activity, NewsItem
from projects.models import Project
from tests import factories
from tests.helpers import activity_data, activity_edit_data, news_data, page

NOTICE = "Contenu disponible en anglais uniquement"


def test_a_french_page_shows_the_french_text_of_a_translated_field(client, db):
    project = factories.ProjectFactory(title="Prison reform", title_fr="Réforme pénitentiaire")
    page = client.get(f"/fr{project.get_absolute_url()}").content.decode()
    assert "<h1>Réforme pénitentiaire</h1>" in page
    assert NOTICE not in page or 'lang="en"' in page


def test_a_field_without_french_is_shown_in_english_marked_and_noticed_once(client, db):
    project = factories.ProjectFactory(
        title="Prison reform",
        title_fr="Réforme pénitentiaire",
        summary="Safer prisons.",
        summary_fr="",
    )
    page = client.get(f"/fr{project.get_absolute_url()}").content.decode()
    assert '<p class="lead" lang="en">Safer prisons.</p>' in page
    assert "<h1>Réforme pénitentiaire</h1>" in page
    assert page.count(NOTICE) == 1


def test_an_english_page_has_no_language_marks_nor_notice(client, db):
    project = factories.ProjectFactory(summary="Safer prisons.", summary_fr="")
    page = client.get(project.get_absolute_url()).content.decode()
    assert '<p class="lead">Safer prisons.</p>' in page
    assert NOTICE not in page
    assert "Content available in English only" not in page


def test_a_fully_translated_french_page_has_no_notice(client, db):
    project = factories.ProjectFactory(
        title="Prison reform",
        title_fr="Réforme pénitentiaire",
        summary_fr="Des prisons plus sûres.",
    )
    page = client.get(f"/fr{project.get_absolute_url()}").content.decode()
    assert "Des prisons plus sûres." in page
    assert NOTICE not in page


def test_saving_in_french_keeps_the_english_text_in_the_original_column(db):
    project = factories.ProjectFactory(title="Prison reform")
    with translation.override("fr"):
        project = Project.objects.get(pk=project.pk)
        project.title_fr = "Réforme pénitentiaire"
        project.save()
    project.title_en = "Prison reform in Serbia"
    project.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title, title_en, title_fr FROM projects_project WHERE id = %s", [project.pk]
        )
        assert cursor.fetchone() == (
            "Prison reform in Serbia",
            "Prison reform in Serbia",
            "Réforme pénitentiaire",
        )


# Staff forms edit both languages side by side


def test_an_officer_logs_an_activity_in_both_languages_from_the_french_form(
    team_member_client, project
):
    data = activity_data(
        project,
        title="Training on CPT standards",
        title_fr="Formation aux normes du CPT",
        description_fr="Deux jours sur les normes du CPT.",
    )
    response = team_member_client.post("/fr/activities/new/", data)

    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.title_en, activity.title_fr) == (
        "Training on CPT standards",
        "Formation aux normes du CPT",
    )
    assert activity.description_en == "Two days on the CPT standards for prison staff."
    assert activity.description_fr == "Deux jours sur les normes du CPT."


def test_the_edit_form_shows_the_english_and_the_french_text_side_by_side(
    team_member_client, project
):
    activity = factories.ActivityFactory(
        project=project, title="Study visit", title_fr="Visite d'étude"
    )
    form = page(team_member_client.get(f"/fr/activities/{activity.pk}/edit/"))

    assert form.xpath("//input[@name='title']/@value") == ["Study visit"]
    assert form.xpath("//input[@name='title_fr']/@value") == ["Visite d'étude"]
    labels = [" ".join(label.split()) for label in form.xpath("//label/text()")]
    assert "Titre (anglais)" in labels and "Titre (français)" in labels


def test_editing_the_english_text_from_the_french_form_leaves_the_french_one(
    team_member_client, project
):
    activity = factories.ActivityFactory(
        project=project, title="Study visit", title_fr="Visite d'étude"
    )
    data = activity_edit_data(activity, title="Study visit to Oslo")
    team_member_client.post(f"/fr/activities/{activity.pk}/edit/", data)

    activity.refresh_from_db()
    assert (activity.title_en, activity.title_fr) == ("Study visit to Oslo", "Visite d'étude")


def test_a_story_is_written_in_both_languages(team_member_client, project):
    data = news_data(
        project, title_fr="Personnel formé", lead_fr="Vingt-cinq agents.", body_fr="**Force**."
    )
    team_member_client.post("/news/new/", data)

    story = NewsItem.objects.get()
    assert (story.title_en, story.title_fr) == (
        "Prison staff trained on the CPT standards",
        "Personnel formé",
    )
    assert (story.lead_fr, story.body_fr) == ("Vingt-cinq agents.", "**Force**.")
    assert (
        "<h1>Personnel formé</h1>"
        in team_member_client.get(f"/fr{story.get_absolute_url()}").content.decode()
    )


def test_english_is_required_and_french_is_optional(team_member_client, project):
    response = team_member_client.post("/fr/news/new/", news_data(project, title="", title_fr="X"))

    assert "title" in response.context["form"].errors
    assert "title_fr" not in response.context["form"].errors
    assert not NewsItem.objects.exists()


def test_the_admin_edits_both_languages_side_by_side(admin_client, db):
    project = factories.ProjectFactory(title="Prison reform")
    form = page(admin_client.get(f"/admin/projects/project/{project.pk}/change/"))

    assert form.xpath("//input[@name='title_en']/@value") == ["Prison reform"]
    assert form.xpath("//input[@name='title_fr']/@value") == []
    assert form.xpath("//input[@name='title']") == []
