"""Control characters (issue 18): stored text is normalised, and XML writers never fail on it."""

import pytest
from django.urls import reverse
from lxml import etree

from activities.models import NewsItem
from core.text import clean_text, xml_text
from projects.models import Project
from tests import factories
from tests.helpers import news_data, saved_form

pytestmark = pytest.mark.django_db

WORD_PASTE = "Pasted from Word\x0b title"


def parsed_xml(response):
    assert response.status_code == 200
    return etree.fromstring(response.content)


def test_vertical_tab_and_form_feed_become_line_breaks_and_other_controls_go():
    assert clean_text("a\x0bb\x0cc") == "a\nb\nc"
    assert clean_text("a\x00b\x1bc\x7fd\x9fe\ud800f") == "abcdef"
    assert clean_text("tab\tline\nreturn\r") == "tab\tline\nreturn\r"
    assert clean_text("Žabljak – Ћирилица ✓") == "Žabljak – Ћирилица ✓"


def test_xml_text_drops_what_xml_cannot_hold():
    assert xml_text("a\x00b\x01c\ufffe\uffffd\x0be") == "abcd\ne"


def test_a_story_pasted_from_word_is_saved_with_a_line_break(team_member_client, project):
    story, _response = saved_form(
        team_member_client,
        reverse("news:create"),
        news_data(project, title=WORD_PASTE, lead="Lead\x0cmore\x07"),
        NewsItem,
    )
    assert story.title == "Pasted from Word\n title"
    assert story.lead == "Lead\nmore"


def test_every_models_text_is_normalised_on_save_whatever_the_path(project):
    institution = factories.InstitutionFactory(name="Ombudsperson\x0b Institution\x07")
    project.description = "Phase\x0bII\x00"
    project.save()
    project.refresh_from_db()
    institution.refresh_from_db()
    assert project.description == "Phase\nII"
    assert institution.name == "Ombudsperson\n Institution"
    assert project.history.first().description == "Phase\nII"


def test_a_story_with_a_vertical_tab_does_not_break_the_feeds(client, project):
    story = factories.NewsItemFactory(project=project, is_published=True)
    # Text written before the normaliser existed (or by queryset.update) reaches the writer raw.
    NewsItem.objects.filter(pk=story.pk).update(title=WORD_PASTE, lead="Lead\x01\x0b")
    for url in (reverse("news:feed"), reverse("projects:feed", args=[project.slug])):
        feed = parsed_xml(client.get(url))
        titles = feed.findall(".//{http://www.w3.org/2005/Atom}entry/{*}title")
        assert [t.text for t in titles] == ["Pasted from Word\n title"]


def test_a_project_description_with_a_vertical_tab_does_not_break_iati(client, project):
    Project.objects.filter(pk=project.pk).update(description="Human rights\x0b protection\x02")
    document = parsed_xml(client.get(reverse("projects:iati", args=[project.slug])))
    narratives = [n.text for n in document.iter("narrative")]
    assert "Human rights\n protection" in narratives
