import pytest
from django.urls import reverse

from stakeholders.models import Institution
from tests import factories

LIST = "/stakeholders/"


def test_directory_lists_institutions_with_kind_and_country(client, db):
    factories.InstitutionFactory(name="Ministry of Justice", acronym="MoJ")
    factories.InstitutionFactory(
        name="Irish Prison Service",
        kind=Institution.Kind.PRISON,
        country=factories.CountryFactory(code="IE"),
    )
    page = client.get(LIST).content.decode()
    assert 'href="/stakeholders/ministry-of-justice-moj/">Ministry of Justice (MoJ)</a>' in page
    assert "Prison or prison service · Ireland" in page
    assert "2 institutions" in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("kind=prison", "Irish Prison Service", "Ministry of Justice"),
        ("country=IE", "Irish Prison Service", "Ministry of Justice"),
        ("letter=M", "Ministry of Justice", "Irish Prison Service"),
        ("q=irish", "Irish Prison Service", "Ministry of Justice"),
    ],
)
def test_directory_filters_by_kind_country_letter_and_name(client, db, query, shown, hidden):
    factories.InstitutionFactory(name="Ministry of Justice")
    factories.InstitutionFactory(
        name="Irish Prison Service",
        kind=Institution.Kind.PRISON,
        country=factories.CountryFactory(code="IE"),
    )
    page = client.get(f"{LIST}?{query}").content.decode()
    results = page[page.index('id="results-heading"') :]
    assert shown in results
    assert hidden not in results


def test_letter_navigation_links_used_letters_only(client, db):
    factories.InstitutionFactory(name="Ministry of Justice")
    factories.InstitutionFactory(name="Ombudsperson")
    page = client.get(f"{LIST}?kind=ministry").content.decode()
    assert 'href="?kind=ministry&amp;letter=M"' in page
    assert 'href="?kind=ministry&amp;letter=O"' in page
    assert "letter=Q" not in page
    assert 'aria-disabled="true">Q</span>' in page


def test_unknown_letter_is_a_filter_error_answered_400_not_a_crash(client, db):
    factories.InstitutionFactory(name="Ministry of Justice")
    response = client.get(f"{LIST}?letter=<b>")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Some filters are not valid" in page
    assert "<b>" not in page[page.index("<main") :]


@pytest.mark.parametrize("rows", [5, 50])
def test_directory_queries_do_not_grow_with_rows(client, db, rows, django_assert_max_num_queries):
    parent = factories.InstitutionFactory(name="Government")
    for n in range(rows):
        factories.InstitutionFactory(name=f"Agency {n}", parent=parent)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert "Agency 0" in response.content.decode()


@pytest.fixture
def ministry(project):
    """A ministry with a parent, a unit, a contact, projects and activities."""
    government = factories.InstitutionFactory(name="Government of Serbia")
    ministry = factories.InstitutionFactory(name="Ministry of Justice", parent=government)
    factories.InstitutionFactory(name="Prison Administration", parent=ministry)
    factories.ContactFactory(institution=ministry, name="Jana Example", email="jana@example.org")
    factories.PartnerFactory(project=project, institution=ministry)
    draft = factories.ProjectFactory(title="Confidential draft", is_published=False)
    factories.PartnerFactory(project=draft, institution=ministry)
    factories.FundingFactory(
        project=factories.ProjectFactory(title="Funded project"), funder=ministry
    )
    factories.ActivityFactory(project=project, title="Training for judges", institutions=[ministry])
    factories.ActivityFactory(project=draft, title="Draft training", institutions=[ministry])
    return ministry


def test_institution_page_shows_parent_units_projects_and_activities(client, ministry, project):
    page = client.get(ministry.get_absolute_url()).content.decode()
    assert "<h1>Ministry of Justice" in page
    assert 'href="/stakeholders/government-of-serbia/">Government of Serbia</a>' in page
    assert 'href="/stakeholders/prison-administration/">Prison Administration</a>' in page
    assert (
        f'href="{project.get_absolute_url()}">{project.title}</a> — Beneficiary institution' in page
    )
    assert "Funded project</a> — funder" in page
    activity = project.activities.get()
    assert f'href="{reverse("activities:detail", args=[activity.pk])}">Training for judges' in page


def test_visitors_see_neither_drafts_nor_contacts_on_an_institution_page(client, ministry):
    page = client.get(ministry.get_absolute_url()).content.decode()
    assert "Confidential draft" not in page
    assert "Draft training" not in page
    assert "Jana Example" not in page
    assert "jana@example.org" not in page


@pytest.mark.parametrize("persona", ["team_member", "manager", "admin_user"])
def test_staff_see_contacts_on_an_institution_page(client, ministry, persona, request):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(ministry.get_absolute_url()).content.decode()
    assert "Jana Example" in page
    assert 'href="mailto:jana@example.org"' in page


def test_someone_on_no_team_and_not_staff_sees_no_contacts(client, no_team, ministry):
    client.force_login(no_team)
    assert "Jana Example" not in client.get(ministry.get_absolute_url()).content.decode()


def test_a_drafts_team_sees_its_draft_on_the_institution_page(client, ministry):
    draft = ministry.partnerships.get(project__title="Confidential draft").project
    client.force_login(factories.MembershipFactory(project=draft).user)
    page = client.get(ministry.get_absolute_url()).content.decode()
    assert "Confidential draft" in page
    assert "Draft training" in page


def test_unknown_institution_is_a_404(client, db):
    assert client.get("/stakeholders/no-such-place/").status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_institution_page_queries_do_not_grow_with_rows(
    client, db, rows, django_assert_max_num_queries
):
    institution = factories.InstitutionFactory(name="Busy ministry")
    for n in range(rows):
        project = factories.ProjectFactory()
        factories.PartnerFactory(project=project, institution=institution)
        factories.FundingFactory(funder=institution)
        factories.ActivityFactory(project=project, institutions=[institution])
        factories.InstitutionFactory(name=f"Unit {n}", parent=institution)
    with django_assert_max_num_queries(10):
        response = client.get(institution.get_absolute_url())
    assert "Unit 0" in response.content.decode()


# The activity form's institution picker


LOOKUP = "/stakeholders/lookup.json"


def test_picker_finds_institutions_by_every_word_of_name_acronym_or_country(client, team_member):
    kosovo = factories.KosovoFactory()
    factories.InstitutionFactory(name="Ministry of Justice", acronym="MoJ", country=kosovo)
    factories.InstitutionFactory(name="Ministry of Health", country=kosovo)
    factories.InstitutionFactory(name="Ministry of Justice", country=factories.CountryFactory())
    client.force_login(team_member)

    found = client.get(LOOKUP, {"q": "justice kosovo"}).json()["results"]
    by_acronym = client.get(LOOKUP, {"q": "moj"}).json()["results"]

    assert [(r["label"], r["group"]) for r in found] == [("Ministry of Justice (MoJ)", "Kosovo*")]
    assert [r["label"] for r in by_acronym] == ["Ministry of Justice (MoJ)"]


def test_picker_returns_at_most_twenty_and_nothing_for_an_empty_search(client, team_member):
    for number in range(25):
        factories.InstitutionFactory(name=f"Prison {number:02}")
    client.force_login(team_member)

    assert len(client.get(LOOKUP, {"q": "prison"}).json()["results"]) == 20
    assert client.get(LOOKUP, {"q": "  "}).json() == {"results": []}


def test_picker_refuses_an_overlong_search_with_a_message(client, team_member):
    client.force_login(team_member)

    response = client.get(LOOKUP, {"q": "x" * 101})

    assert response.status_code == 400
    assert response.json() == {"error": "Search for at most 100 characters."}


def test_picker_is_for_signed_in_users(client, db):
    response = client.get(LOOKUP, {"q": "justice"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
