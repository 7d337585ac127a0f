"""Content in English and French: each field falls back to English on its own, and says so."""

from django.db import connection
from django.utils import translation

from projects.models import Project
from tests import factories

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
