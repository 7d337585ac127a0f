"""The site search in English and French: /fr/ matches the French text (PostgreSQL's `french`
configuration over a stored document; SQLite searches the `_fr` columns), English still matches."""

import re

import pytest
from django.db import connection

from tests import factories

NOTICE = "Contenu disponible en anglais uniquement"


@pytest.fixture
def bilingual(db, settings):
    settings.PAGE_CACHE = False
    project = factories.ProjectFactory(
        title="Prison staff project", title_fr="Projet pour le personnel des prisons"
    )
    activity = factories.ActivityFactory(
        project=project,
        title="Training of prison staff",
        title_fr="Formation du personnel pénitentiaire",
        description="Two days on the rules of detention.",
        description_fr="Deux journées sur les règles de la détention.",
    )
    factories.ActivityFactory(project=project, title="Probation seminar", title_fr="")
    factories.NewsItemFactory(
        project=project,
        title="Inspectors visit",
        title_fr="Visite des inspecteurs",
        lead="Wardens met inspectors.",
        lead_fr="Les surveillants ont rencontré les inspecteurs.",
    )
    factories.InstitutionFactory(
        name="Prison Administration", name_fr="Administration pénitentiaire"
    )
    return activity


def unmarked(response):
    """The page without the marks of the words found (core/highlight.py)."""
    return re.sub(r"</?mark>", "", response.content.decode())


def test_a_french_page_finds_french_text_and_still_finds_english_text(client, bilingual):
    marked = client.get("/fr/search/", {"q": "formation pénitentiaire"}).content.decode()
    institution = unmarked(client.get("/fr/search/", {"q": "administration pénitentiaire"}))
    english_word = unmarked(client.get("/fr/search/", {"q": "probation"}))
    english_page = unmarked(client.get("/search/", {"q": "formation pénitentiaire"}))
    french = re.sub(r"</?mark>", "", marked)

    # The words found are marked in the French title, as the page shows it.
    assert "<mark>Formation</mark> du personnel <mark>pénitentiaire</mark>" in marked

    assert f'href="/fr/activities/{bilingual.pk}/">Formation du personnel pénitentiaire</a>' in (
        french
    )
    assert "Probation seminar" not in french
    assert "Administration pénitentiaire" in institution
    # A record with no French text is found by its English words, shown in English and marked.
    assert '<a href="/fr/activities/' in english_word and 'lang="en">Probation seminar' in (
        english_word
    )
    assert english_word.count(NOTICE) == 1
    # The English page searches the English text only, and shows it.
    assert "0 results" in english_page
    assert "Training of prison staff" in unmarked(client.get("/search/?q=training"))


def test_french_search_follows_edits_and_on_postgresql_stems_french_words(client, bilingual):
    stemmed = connection.vendor == "postgresql"
    # PostgreSQL's `french` configuration finds the singular from the plural; SQLite matches
    # the words as typed, inside the French text.
    query = "formations pénitentiaires" if stemmed else "formation pénitentiaire"
    found = unmarked(client.get("/fr/search/", {"q": query}))
    lead = unmarked(client.get("/fr/search/", {"q": "surveillant"}))
    assert "Formation du personnel pénitentiaire" in found
    assert "Visite des inspecteurs" in lead
    if stemmed:
        # English stemming does not reach French words, nor French stemming English ones.
        assert "0 results" in client.get("/search/", {"q": "formations"}).content.decode()

    bilingual.title_fr = "Atelier sur la probation"
    bilingual.save()

    old = unmarked(client.get("/fr/search/", {"q": query}))
    new = unmarked(client.get("/fr/search/", {"q": "ateliers" if stemmed else "atelier"}))
    assert "Formation du personnel pénitentiaire" not in old
    assert "Atelier sur la probation" in new
