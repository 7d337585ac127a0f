"""The logframe editor: managers and the team's project managers shape a project's logframe.

Who gets which answer is tests/test_permissions.py's table; here, what the editor does.
"""

import lxml.html
import pytest
from django.urls import reverse

from projects.models import Indicator, Objective, ProjectMembership
from tests import factories
from tests.helpers import messages_of, signed_in

pytestmark = pytest.mark.django_db


def form_data(response):
    """What the page's logframe form posts when nothing is changed."""
    (form,) = lxml.html.fromstring(response.content).xpath('//form[@id="logframe-form"]')
    data = {}
    for name, value in form.form_values():
        # A browser drops the newline Django's textareas start with.
        data.setdefault(name, []).append(value.removeprefix("\n"))
    return data


@pytest.fixture
def project_manager(project):
    user = factories.UserFactory()
    factories.MembershipFactory(project=project, user=user, role=ProjectMembership.Role.MANAGER)
    return user


@pytest.fixture
def url(project):
    return reverse("projects:logframe", args=[project.slug])


def test_a_project_manager_builds_purposes_and_results_with_no_overall_objective(
    project, project_manager, url
):
    client = signed_in(project_manager)
    data = form_data(client.get(url))
    data["levels-logframe_levels"] = ["purpose", "result"]
    data |= {
        "lines-0-position": ["1"],
        "lines-0-code": ["1"],
        "lines-0-level": ["purpose"],
        "lines-0-title": ["Prison health care improved"],
        "lines-0-assumptions": ["The ministry keeps its budget"],
        "lines-0-sources_of_verification": ["CPT reports"],
    }

    saved = client.post(url, data)

    assert saved.status_code == 302
    assert messages_of(saved) == ["The logframe is saved."]
    project.refresh_from_db()
    assert project.logframe_levels == ["purpose", "result"]
    purpose = Objective.objects.get(project=project)
    assert (purpose.level, purpose.parent, purpose.assumptions) == (
        "purpose",
        None,
        "The ministry keeps its budget",
    )

    # Then a result under it and two indicators, one qualitative.
    data = form_data(client.get(url))
    data |= {
        "lines-1-position": ["2"],
        "lines-1-code": ["1.1"],
        "lines-1-level": ["result"],
        "lines-1-parent": [str(purpose.pk)],
        "lines-1-title": ["Medical staff trained"],
        "indicators-0-objective": [str(purpose.pk)],
        "indicators-0-position": ["1"],
        "indicators-0-name": ["Health strategy"],
        "indicators-0-measure": ["5"],
        "indicators-0-target_text": ["A strategy adopted"],
        "indicators-1-objective": [str(purpose.pk)],
        "indicators-1-position": ["2"],
        "indicators-1-name": ["Staff trained"],
        "indicators-1-measure": ["1"],
        "indicators-1-baseline": ["0"],
        "indicators-1-baseline_year": ["2024"],
        "indicators-1-target": ["120"],
    }

    assert client.post(url, data).status_code == 302
    result = Objective.objects.get(code="1.1")
    assert (result.parent, result.level) == (purpose, "result")
    assert {(i.name, i.measure, i.target, i.target_text) for i in Indicator.objects.all()} == {
        ("Health strategy", "5", None, "A strategy adopted"),
        ("Staff trained", "1", 120, ""),
    }


def test_the_editor_reorders_and_removes_lines(project, manager, url):
    first = factories.ObjectiveFactory(project=project, code="1", title="First", position=1)
    second = factories.ObjectiveFactory(project=project, code="2", title="Second", position=2)
    client = signed_in(manager)
    data = form_data(client.get(url))
    forms = {data[f"lines-{i}-id"][0]: i for i in range(3) if f"lines-{i}-id" in data}
    data[f"lines-{forms[str(first.pk)]}-position"] = ["5"]
    data[f"lines-{forms[str(second.pk)]}-DELETE"] = ["on"]

    assert client.post(url, data).status_code == 302

    first.refresh_from_db()
    assert first.position == 5
    assert not Objective.objects.filter(pk=second.pk).exists()


def test_a_line_with_lines_under_it_is_not_removed_alone(project, manager, url):
    specific = factories.ObjectiveFactory(project=project, code="1")
    client = signed_in(manager)
    data = form_data(client.get(url))
    index = next(i for i in range(5) if data.get(f"lines-{i}-id") == [str(specific.parent_id)])
    data[f"lines-{index}-DELETE"] = ["on"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "still has lines under it: remove or move them first." in response.content.decode()
    assert Objective.objects.filter(pk=specific.parent_id).exists()


def test_a_line_at_a_level_the_chain_leaves_out_is_refused_with_nothing_saved(
    project, manager, url
):
    factories.ObjectiveFactory(project=project, code="1")
    client = signed_in(manager)
    data = form_data(client.get(url))
    data["levels-logframe_levels"] = ["purpose", "result"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Choose the level from the list (“specific” is not in it)." in response.content.decode()
    project.refresh_from_db()
    assert project.logframe_levels == ["overall", "specific", "result"]


def test_a_project_officer_may_not_open_the_editor(team_member, url):
    assert signed_in(team_member).get(url).status_code == 403


def test_project_page_and_dashboard_show_the_four_columns_in_position_order(
    client, project, team_member
):
    project.logframe_levels = ["purpose", "result"]
    project.save()
    later = factories.ObjectiveFactory(
        project=project, level="purpose", parent=None, code="2", title="Later purpose", position=2
    )
    first = factories.ObjectiveFactory(
        project=project,
        level="purpose",
        parent=None,
        code="1",
        title="First purpose",
        position=1,
        sources_of_verification="Ministry statistics",
        assumptions="Staff stay in post",
    )
    factories.IndicatorFactory(
        objective=first,
        name="Strategy",
        measure="5",
        target=None,
        target_text="A strategy adopted",
        means_of_verification="Official gazette",
    )

    for response in [
        client.get(project.get_absolute_url()),
        signed_in(team_member).get(reverse("projects:dashboard", args=[project.slug])),
    ]:
        (table,) = lxml.html.fromstring(response.content).xpath(
            '//table[contains(@class, "logframe-table")]'
        )
        headers = [th.text_content().strip() for th in table.xpath(".//thead//th")]
        rows = [
            [" ".join(" ".join(cell.itertext()).split()) for cell in row.xpath("th|td")]
            for row in table.xpath(".//tbody/tr")
        ]
        assert headers == [
            "Intervention logic",
            "Indicators",
            "Sources of verification",
            "Assumptions",
        ]
        assert rows == [
            [
                "Project purpose 1 First purpose",
                "Strategy: A strategy adopted",
                "Ministry statistics Official gazette",
                "Staff stay in post",
            ],
            ["Project purpose 2 Later purpose", "", "", ""],
        ]
    assert later.position == 2
