"""French pages: translated interface, dates, numbers and money in French."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from tests import factories
from tests.helpers import missing


@pytest.fixture
def serbian_project(db):
    return factories.ProjectFactory(
        title="Human rights protection for detained persons",
        start_date=datetime.date(2019, 5, 24),
        end_date=datetime.date(2022, 12, 31),
        budget=Decimal("900000"),
    )


FRENCH_INTERFACE = [
    '<html lang="fr">',
    "Informations clés",
    "Budget total",
    "Aller au contenu principal",
    "Portail de la coopération",
    "Terminé",
    'href="/fr/projects/">Projets</a>',
]


@pytest.mark.parametrize(
    ("prefix", "shown"),
    [
        ("/fr", FRENCH_INTERFACE),
        ("/fr", ["24 mai 2019", "31 décembre 2022", "900\xa0000 EUR", "44 mois"]),
        ("", ["24 May 2019", "900,000 EUR", "44 months"]),
    ],
    ids=["french-interface", "french-dates-and-money", "english-dates-and-money"],
)
def test_project_page_speaks_the_language_of_its_address(client, serbian_project, prefix, shown):
    page = client.get(prefix + serbian_project.get_absolute_url()).content.decode()
    assert missing(page, *shown) == []


def test_french_list_pages_are_translated(client, db):
    factories.ProjectFactory(title="Solitary project")
    factories.InstitutionFactory(name="Ministère de la Justice")
    projects = client.get("/fr/projects/").content.decode()
    assert "Filtrer les projets" in projects
    assert "1 projet" in projects
    assert "En cours" in projects
    institutions = client.get("/fr/stakeholders/").content.decode()
    assert "Filtrer les institutions" in institutions
    assert "Ministère" in institutions
    search = client.get("/fr/search/?q=solitary").content.decode()
    assert "1 résultat pour « solitary »" in search


def test_french_home_groups_thousands_with_a_space(client, db):
    factories.ActivityFactory(participants_total=1234)
    page = client.get("/fr/").content.decode()
    assert "1\xa0234" in page
    assert "personnes formées" in page


def test_french_filter_errors_are_in_french(client, db):
    page = client.get("/fr/projects/?status=nope").content.decode()
    assert "Certains filtres ne sont pas valides" in page
    assert "Sélectionnez un choix valide" in page


def test_language_switch_links_to_the_same_page_in_the_other_language(client, serbian_project):
    url = serbian_project.get_absolute_url()

    english = client.get(url + "?x=1").content.decode()
    french = client.get(f"/fr{url}").content.decode()

    assert f'href="/fr{url}?x=1" lang="fr"' in english
    assert f'href="{url}" lang="en"' in french
    assert "csrfmiddlewaretoken" not in english


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("en", Decimal("900000"), "900,000 EUR"),
        ("fr", Decimal("900000"), "900\xa0000 EUR"),
        ("en", Decimal("1234.5"), "1,234.50 EUR"),
        ("fr", Decimal("1234.5"), "1\xa0234,50 EUR"),
        ("en", None, "—"),
    ],
)
def test_money_filter_follows_the_active_language(language, amount, expected):
    template = Template("{% load portal_tags %}{{ amount|money:'EUR' }}")
    with translation.override(language):
        assert template.render(Context({"amount": amount})) == expected


def test_every_french_message_is_translated():
    from pathlib import Path

    po = (Path(__file__).parent.parent / "locale/fr/LC_MESSAGES/django.po").read_text()
    assert 'msgstr ""\n\n' not in po.split("\n\n", 1)[1] + "\n"
    assert "#, fuzzy" not in po
