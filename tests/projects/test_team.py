"""The team page: managers and project managers change the team; everyone on it reads it."""

import pytest
from django.urls import reverse

from projects.models import ProjectMembership
from tests import factories
from tests.helpers import messages_of, page, signed_in, texts

pytestmark = pytest.mark.django_db

OFFICER = ProjectMembership.Role.OFFICER
PROJECT_MANAGER = ProjectMembership.Role.MANAGER


@pytest.fixture
def team_url(project):
    return reverse("projects:team", args=[project.slug])


@pytest.fixture
def project_manager(project):
    """Mira Horvat, the project manager of `project`'s team."""
    user = factories.UserFactory(first_name="Mira", last_name="Horvat", username="mhorvat")
    factories.MembershipFactory(project=project, user=user, role=PROJECT_MANAGER)
    return user


@pytest.fixture
def newcomer(db):
    return factories.UserFactory(first_name="Luka", last_name="Petrović", username="lpetrovic")


def members(client, url):
    """{person: role} as the team table shows them."""
    doc = page(client.get(url))
    rows = doc.xpath("//table[@id='team-members']/tbody/tr")
    shown = {}
    for row in rows:
        who = " ".join(row.xpath("th")[0].text_content().split())
        selected = row.xpath(".//select/option[@selected]")
        shown[who] = selected[0].text_content() if selected else row.xpath("td")[1].text_content()
    return shown


def history(client, url):
    return texts(page(client.get(url)), "//ol[@id='team-history']/li")


def test_a_project_manager_adds_someone_with_an_account_who_then_works_on_the_project(
    project, project_manager, newcomer, team_url
):
    client = signed_in(project_manager)

    response = client.post(team_url, {"member": newcomer.pk, "role": OFFICER, "add": ""})

    assert response.status_code == 302
    assert messages_of(response) == [
        "Luka Petrović (lpetrovic) joined the team as project officer."
    ]
    assert members(client, team_url)["Luka Petrović (lpetrovic)"] == "Project officer"
    entry = history(client, team_url)[0]
    assert entry.startswith("Added Luka Petrović (lpetrovic) as project officer · by Mira Horvat")
    newcomer_client = signed_in(newcomer)
    dashboard = reverse("projects:dashboard", args=[project.slug])
    assert newcomer_client.get(dashboard).status_code == 200
    assert project.title in newcomer_client.get(reverse("my-work")).content.decode()


def test_a_manager_changes_a_role_and_the_history_says_who_did_it(
    project, manager, team_member, team_url
):
    manager.first_name, manager.last_name = "Ana", "Kovač"
    manager.save()
    membership = team_member.memberships.get()
    client = signed_in(manager)

    response = client.post(
        team_url, {"membership": membership.pk, "role": PROJECT_MANAGER, "set_role": ""}
    )

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == PROJECT_MANAGER
    name = f"{team_member.get_full_name()} ({team_member.username})"
    entry = history(client, team_url)[0]
    assert entry.startswith(
        f"Changed the role of {name} from project officer to project manager · by Ana Kovač"
    )
    # The new project manager may now change the team.
    assert signed_in(team_member).post(team_url, {}).status_code == 200


def test_a_removed_member_loses_the_project_and_the_removal_is_kept(
    project, project_manager, team_member, team_url
):
    membership = team_member.memberships.get()
    client = signed_in(project_manager)

    response = client.post(team_url, {"membership": membership.pk, "remove": ""})

    assert response.status_code == 302
    assert not ProjectMembership.objects.filter(pk=membership.pk).exists()
    name = f"{team_member.get_full_name()} ({team_member.username})"
    assert name not in members(client, team_url)
    assert history(client, team_url)[0].startswith(
        f"Took {name} (project officer) off the team · by Mira Horvat"
    )
    dashboard = reverse("projects:dashboard", args=[project.slug])
    assert signed_in(team_member).get(dashboard).status_code == 403


def test_officers_read_the_team_without_controls_and_cannot_change_it(
    project, project_manager, team_member, newcomer, team_url
):
    client = signed_in(team_member)
    changes = ProjectMembership.history.count()
    doc = page(client.get(team_url))

    assert not doc.xpath("//form[@method='post']//select")
    assert "Managers and the project managers of this team may change it." in texts(doc, "//p")
    assert members(client, team_url) == {
        "Mira Horvat (mhorvat)": "Project manager",
        f"{team_member.get_full_name()} ({team_member.username})": "Project officer",
    }
    membership = team_member.memberships.get()
    posts = [
        {"member": newcomer.pk, "role": OFFICER, "add": ""},
        {"membership": membership.pk, "role": PROJECT_MANAGER, "set_role": ""},
        {"membership": project_manager.memberships.get().pk, "remove": ""},
    ]
    for data in posts:
        assert client.post(team_url, data).status_code == 403
    assert sorted(project.memberships.values_list("user__username", "role")) == sorted(
        [("mhorvat", PROJECT_MANAGER), (team_member.username, OFFICER)]
    )
    assert ProjectMembership.history.count() == changes


def test_a_project_manager_cannot_demote_or_remove_themselves(project, project_manager, team_url):
    client = signed_in(project_manager)
    own = project_manager.memberships.get()
    row = page(client.get(team_url)).xpath("//tr[th[contains(., 'Mira Horvat')]]")[0]
    assert not row.xpath(".//form"), "no controls on one's own row"

    for data in [
        {"membership": own.pk, "role": OFFICER, "set_role": ""},
        {"membership": own.pk, "remove": ""},
    ]:
        response = client.post(team_url, data)
        assert response.status_code == 400
        assert "You cannot change your own role or leave the team yourself: ask a manager." in (
            response.content.decode()
        )
    own.refresh_from_db()
    assert own.role == PROJECT_MANAGER


def test_only_active_accounts_off_the_team_are_offered(
    project, project_manager, team_member, newcomer, team_url
):
    factories.UserFactory(username="gone", is_active=False)
    client = signed_in(project_manager)

    doc = page(client.get(team_url))

    offered = texts(doc, "//select[@name='member']/option")
    assert "Luka Petrović (lpetrovic)" in offered
    assert not [label for label in offered if "mhorvat" in label or "(gone)" in label]
    assert not [label for label in offered if f"({team_member.username})" in label]
    response = client.post(team_url, {"member": team_member.pk, "role": OFFICER, "add": ""})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert project.memberships.count() == 2


def test_a_member_of_another_project_cannot_be_changed_through_this_one(
    project, project_manager, outsider, team_url
):
    elsewhere = outsider.memberships.get()
    response = signed_in(project_manager).post(team_url, {"membership": elsewhere.pk, "remove": ""})

    assert response.status_code == 400
    assert ProjectMembership.objects.filter(pk=elsewhere.pk).exists()


def test_the_page_says_what_each_role_may_do(team_member, team_url):
    doc = page(signed_in(team_member).get(team_url))

    header = texts(doc, "//table[@id='team-abilities']/thead//th")
    rows = {
        " ".join(row.xpath("th")[0].text_content().split()): [
            "yes" if "✓" in cell.text_content() else "no" for cell in row.xpath("td")
        ]
        for row in doc.xpath("//table[@id='team-abilities']/tbody/tr")
    }
    assert header == ["What", "Project officer", "Project manager", "Manager (every project)"]
    assert rows["Log, edit and delete activities and news"] == ["yes", "yes", "yes"]
    assert rows["Add and remove team members, set their roles"] == ["no", "yes", "yes"]
    assert rows["Add countries and territories"] == ["no", "no", "yes"]


def test_the_team_page_queries_do_not_grow_with_the_team(
    project, manager, team_url, django_assert_max_num_queries
):
    client = signed_in(manager)
    for size in (2, 20):
        for _ in range(size):
            factories.MembershipFactory(project=project)
        factories.UserFactory.create_batch(size)
        with django_assert_max_num_queries(12):
            response = client.get(team_url)
        assert len(page(response).xpath("//table[@id='team-members']/tbody/tr")) >= size


def test_the_dashboard_links_to_the_team(project, team_member, team_url):
    dashboard = signed_in(team_member).get(reverse("projects:dashboard", args=[project.slug]))

    assert f'href="{team_url}"' in dashboard.content.decode()
