"""Content in English and French: each field falls back to English on its own, and says so."""

from django.db import connection
from django.utils import translation
from lxml import html as lxml_html

from activities.models import Activity, NewsItem
from demo import loader
from demo.loader import PROJECT_TEXTS
from demo.seed import KOSOVO_SLUG
from demo.seed_fr import OBJECTIVES_FR, PROJECTS_FR
from projects.models import Indicator, Objective, Project
from stakeholders.models import Institution
from tests import factories
from tests.helpers import activity_data, activity_edit_data, news_data, page
from tests.test_footnote import FRENCH_FOOTNOTE

NOTICE = "Contenu disponible en anglais uniquement"


def page_of(html):
    return lxml_html.fromstring(html)


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


# The demo data in French


def test_a_visitor_reads_the_seed_projects_and_their_logframe_in_french(client, demo):
    html = client.get(f"/fr/projects/{KOSOVO_SLUG}/").content.decode()
    tree = page_of(html)

    assert (
        tree.xpath("string(//h1)") == "Amélioration du traitement des personnes privées de liberté"
    )
    assert tree.xpath("//h1/@lang") == []
    assert tree.xpath("string(//p[@class='lead'])") == PROJECTS_FR[KOSOVO_SLUG]["summary"]
    objectives = [
        " ".join(t.split()) for t in tree.xpath("//div[@id='objective-1.4']//h3/span[2]/text()")
    ]
    assert objectives == [OBJECTIVES_FR[KOSOVO_SLUG, "1.4"]]
    assert "Renforcer la protection des droits humains des détenus au Kosovo*" in html
    assert html.count(FRENCH_FOOTNOTE) == 1
    assert "All reference to Kosovo" not in html
    assert "Services correctionnels du Kosovo" in html
    assert NOTICE not in html  # every text on it has its French version


def test_every_seed_text_has_its_french_version(demo):
    missing_french = [
        (type(record).__name__, record.pk, field)
        for records, fields in [
            (Project.objects.all(), PROJECT_TEXTS),
            (Objective.objects.all(), ["title"]),
            (Activity.objects.all(), ["title", "description"]),
            (NewsItem.objects.all(), ["title", "lead"]),
            (Indicator.objects.all(), ["name"]),
            (Institution.objects.all(), ["name"]),
        ]
        for record in records
        for field in fields
        if getattr(record, f"{field}_en") and not getattr(record, f"{field}_fr")
    ]
    assert missing_french == []


def test_a_visitor_reads_the_seed_activities_and_news_in_french(client, demo):
    story = NewsItem.objects.get(
        activity__title="Training on psychosocial programmes and rehabilitation methods"
    )
    html = client.get(f"/fr{story.get_absolute_url()}").content.decode()
    tree = page_of(html)

    assert tree.xpath("string(//h1)").startswith("Le Conseil de l’Europe renforce les compétences")
    assert tree.xpath("//h1/@lang") == []
    assert "près de la prison de Dubrava" in html
    assert html.count(FRENCH_FOOTNOTE) == 1

    activity = story.activity
    html = client.get(f"/fr/activities/{activity.pk}/").content.decode()
    assert "<h1>Formation aux programmes psychosociaux et aux méthodes de réadaptation</h1>" in html
    assert "Trois jours de formation pour 30 professionnels" in html

    listing = client.get("/fr/news/").content.decode()
    assert "Renforcer le mécanisme national de prévention en Serbie" in listing
    assert "Enhancing the National Protection Mechanism in Serbia" not in listing


def test_loading_the_demo_twice_in_french_changes_nothing(demo):
    with translation.override("fr"):
        loader.load()
    project = Project.objects.get(slug=KOSOVO_SLUG)
    assert project.title_en == "Improvement of the treatment of persons deprived of their liberty"
    assert project.title_fr == "Amélioration du traitement des personnes privées de liberté"
    assert project.history.count() == 1
