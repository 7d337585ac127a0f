"""French pages: translated interface, dates, numbers and money in French."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from tests import factories


@pytest.fixture
def serbian_project(db):
    return factories.ProjectFactory(
        title="Human rights protection for detained persons",
        start_date=datetime.date(2019, 5, 24),
        end_date=datetime.date(2022, 12, 31),
        budget=Decimal("900000"),
    )


def test_french_project_page_has_a_french_interface(client, serbian_project):
    page = client.get(f"/fr{serbian_project.get_absolute_url()}").content.decode()
    assert '<html lang="fr">' in page
    assert "Informations clés" in page
    assert "Budget total" in page
    assert "Aller au contenu principal" in page
    assert "Portail de la coopération" in page
    assert "Terminé" in page
    assert 'href="/fr/projects/">Projets</a>' in page


def test_french_dates_and_money(client, serbian_project):
    page = client.get(f"/fr{serbian_project.get_absolute_url()}").content.decode()
    assert "24 mai 2019" in page
    assert "31 décembre 2022" in page
    assert "900\xa0000 EUR" in page
    assert "44 mois" in page


def test_english_dates_and_money(client, serbian_project):
    page = client.get(serbian_project.get_absolute_url()).content.decode()
    assert "24 May 2019" in page
    assert "900,000 EUR" in page
    assert "44 months" in page


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
