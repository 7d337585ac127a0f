"""Adding institutions (team members and managers) and countries (managers) without the admin."""

import pytest
from django.urls import reverse

from core.slugs import folded
from stakeholders.models import KOSOVO_FOOTNOTE, KOSOVO_FOOTNOTE_FR, Country, Institution
from tests import factories
from tests.helpers import messages_of, page, signed_in, texts

pytestmark = pytest.mark.django_db

NEW = reverse("stakeholders:create")
PICKER = NEW + "?picker=1"


@pytest.fixture
def serbia(db):
    return factories.CountryFactory(code="RS")


@pytest.fixture
def ministry(serbia):
    return factories.InstitutionFactory(
        name="Ministère de la Justice", acronym="MJ", country=serbia
    )


def institution_data(country, **overrides):
    return {
        "name": "Protector of Citizens",
        "acronym": "PoC",
        "kind": Institution.Kind.INDEPENDENT_BODY,
        "country": country.pk,
        "website": "ombudsman.rs",
        "description": "The national human rights institution.",
        **overrides,
    }


def test_a_team_member_adds_an_institution_kept_in_history_with_their_name(team_member, serbia):
    response = signed_in(team_member).post(NEW, institution_data(serbia))

    institution = Institution.objects.get(name="Protector of Citizens")
    assert response.status_code == 302
    assert response["Location"] == institution.get_absolute_url()
    assert messages_of(response) == ["“Protector of Citizens (PoC)” is in the directory."]
    assert institution.website == "https://ombudsman.rs"
    assert institution.country == serbia
    assert institution.history.get().history_user == team_member
    found = signed_in(team_member).get(reverse("stakeholders:lookup"), {"q": "protector"})
    assert [r["label"] for r in found.json()["results"]] == ["Protector of Citizens (PoC)"]


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("ministere de la  JUSTICE", ""),  # accents, case and spacing aside
        ("Ministry of Justice", "M.J."),  # the acronym, punctuation aside
        ("mj", ""),  # a name that is the other's acronym
    ],
)
def test_a_look_alike_is_offered_instead_and_nothing_is_saved_until_confirmed(
    team_member, serbia, ministry, name, acronym
):
    client = signed_in(team_member)
    data = institution_data(serbia, name=name, acronym=acronym)

    response = client.post(NEW, data)

    assert response.status_code == 200
    doc = page(response)
    assert texts(doc, "//div[@id='similar-institutions']//li") == [
        "Ministère de la Justice (MJ) — Serbia"
    ]
    assert doc.xpath("//div[@id='similar-institutions']//a/@href") == [ministry.get_absolute_url()]
    assert doc.xpath("//input[@name='not_a_duplicate' and @type='checkbox']")
    assert Institution.objects.count() == 1
    # Every field typed is kept.
    assert doc.xpath("//input[@name='name']/@value") == [name]

    confirmed = client.post(NEW, {**data, "not_a_duplicate": "on"})

    assert confirmed.status_code == 302
    assert Institution.objects.filter(name=name).count() == 1


def test_different_names_are_not_taken_for_look_alikes(team_member, serbia, ministry):
    data = institution_data(serbia, name="Ministry of Health", acronym="MoH")

    assert signed_in(team_member).post(NEW, data).status_code == 302


def test_folding_ignores_case_accents_spaces_and_punctuation():
    assert folded("Ministère de la  Justice") == folded("ministere de la justice")
    assert folded("M.O.J.") == folded("moj") == "moj"
    assert folded("Straße") == folded("STRASSE")
    assert folded("Ministry of Justice") != folded("Ministry of Health")


def test_in_the_picker_the_form_comes_alone_and_the_saved_institution_as_json(team_member, serbia):
    client = signed_in(team_member)

    form = client.get(PICKER)
    saved = client.post(PICKER, institution_data(serbia))

    html = form.content.decode()
    assert form.status_code == 200
    assert "<html" not in html and 'class="js-institution-form"' in html
    assert f'action="{PICKER}"' in html
    institution = Institution.objects.get()
    assert saved.status_code == 201
    assert saved.json() == {
        "id": institution.pk,
        "label": "Protector of Citizens (PoC)",
        "group": "Serbia",
    }


def test_in_the_picker_a_look_alike_can_be_chosen_instead(team_member, serbia, ministry):
    data = institution_data(serbia, name="MINISTÈRE de la justice")

    response = signed_in(team_member).post(PICKER, data)

    assert response.status_code == 200
    [button] = page(response).xpath("//button[@data-institution-id]")
    assert button.get("data-institution-id") == str(ministry.pk)
    assert button.get("data-institution-label") == "Ministère de la Justice (MJ)"
    assert button.get("data-institution-group") == "Serbia"
    assert Institution.objects.count() == 1


def test_a_new_institution_needs_a_name_and_a_kind(team_member):
    response = signed_in(team_member).post(NEW, {"name": "", "kind": "castle"})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["name"] == ["Enter the name."]
    assert "kind" in errors
    assert not Institution.objects.exists()


def test_the_activity_form_links_to_adding_an_institution(team_member, project):
    response = signed_in(team_member).get(reverse("activities:create"))

    [link] = page(response).xpath("//div[contains(@class, 'js-institution-picker')]//a")
    assert link.get("href") == NEW
    assert link.text_content() == "Not in the directory? Add an institution"


@pytest.mark.parametrize(("name", "slug"), [("New", "new-2"), ("Countries", "countries-2")])
def test_words_the_directory_urls_use_are_no_institution_slugs(name, slug):
    assert factories.InstitutionFactory(name=name).slug == slug


def test_the_directory_offers_adding_to_staff_only(client, team_member, no_team, manager):
    def buttons(user):
        response = signed_in(user).get(reverse("stakeholders:list"))
        return texts(page(response), "//main//a[contains(@class, 'btn')]")

    assert buttons(team_member) == ["Add an institution"]
    assert buttons(manager) == ["Add an institution", "Countries and territories"]
    assert buttons(no_team) == []
    assert buttons(None) == []


# Countries and territories


COUNTRY_NEW = reverse("stakeholders:country-create")


def test_a_manager_adds_a_country_from_the_iso_list_with_its_french_name(manager):
    response = signed_in(manager).post(COUNTRY_NEW, {"code": "RS"})

    country = Country.objects.get()
    assert response.status_code == 302
    assert (country.code, country.name, country.name_fr, country.footnote) == (
        "RS",
        "Serbia",
        "Serbie",
        "",
    )
    listed = page(signed_in(manager).get(reverse("stakeholders:countries")))
    assert texts(listed, "//table[@id='countries']/tbody/tr/*") == ["RS", "Serbia", "Serbie", "—"]


def test_kosovo_comes_with_its_footnote_and_the_asterisk(manager):
    signed_in(manager).post(COUNTRY_NEW, {"code": "XK"})

    kosovo = Country.objects.get(code="XK")
    assert (kosovo.name, kosovo.name_fr, kosovo.footnote) == ("Kosovo", "Kosovo", KOSOVO_FOOTNOTE)
    assert kosovo.footnote_fr == KOSOVO_FOOTNOTE_FR
    html = signed_in(manager).get(reverse("stakeholders:countries")).content.decode()
    assert "Kosovo*" in html
    assert html.count("United Nations Security Council Resolution 1244") == 1  # shown once


def test_names_and_footnote_typed_by_the_manager_are_kept(manager):
    signed_in(manager).post(
        COUNTRY_NEW,
        {"code": "MK", "name_en": "North Macedonia", "name_fr": "Macédoine du Nord"},
    )

    country = Country.objects.get(code="MK")
    assert (country.name_en, country.name_fr) == ("North Macedonia", "Macédoine du Nord")


def test_a_country_added_from_the_french_form_keeps_both_names_in_their_columns(manager):
    signed_in(manager).post(
        "/fr" + COUNTRY_NEW,
        {"code": "MK", "name_en": "North Macedonia", "name_fr": "Macédoine du Nord"},
    )

    country = Country.objects.get(code="MK")
    assert (country.name_en, country.name_fr) == ("North Macedonia", "Macédoine du Nord")


def test_only_countries_not_yet_recorded_are_offered(manager, serbia):
    client = signed_in(manager)
    offered = page(client.get(COUNTRY_NEW)).xpath("//select[@name='code']/option/@value")

    assert "RS" not in offered and "XK" in offered and "FR" in offered
    assert len(offered) == 250 - 1 + 1  # 249 ISO codes and XK, less Serbia, plus the empty choice
    for code in ["RS", "ZZ", "rs", ""]:
        response = client.post(COUNTRY_NEW, {"code": code})
        assert response.status_code == 200
        assert "code" in response.context["form"].errors
    assert Country.objects.count() == 1


def test_a_country_saved_elsewhere_gets_its_french_name():
    """The admin and the demo data save countries too: the French name comes from the list."""
    assert factories.CountryFactory(code="DE").name_fr == "Allemagne"
    assert factories.KosovoFactory().name_fr == "Kosovo"


def test_the_demo_countries_have_french_names(demo):
    names = dict(Country.objects.values_list("code", "name_fr"))
    assert names["RS"] == "Serbie"
    assert names["XK"] == "Kosovo"
    assert all(names.values())
