import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from projects.models import Indicator, Objective, Project
from tests import factories
from tests.helpers import assert_database_rejects, assert_refused, errors_of

pytestmark = pytest.mark.django_db

D = datetime.date


# Project ------------------------------------------------------------------------------------


def test_project_ending_on_its_start_date_is_valid():
    project = factories.ProjectFactory(start_date=D(2024, 1, 1), end_date=D(2024, 1, 1))
    project.full_clean()


def test_project_cannot_end_before_it_starts():
    project = factories.ProjectFactory(start_date=D(2024, 1, 1), end_date=D(2025, 1, 1))
    project.end_date = D(2023, 12, 31)

    assert_refused(project, "end_date", ["The end date must be on or after the start date."])


def test_project_budget_may_be_zero_or_unknown_but_not_negative():
    project = factories.ProjectFactory(budget=0)
    project.full_clean()
    project.budget = None
    project.full_clean()

    project.budget = Decimal("-1")
    assert_refused(project, "budget")


def test_project_budget_cannot_drop_below_known_funding():
    project = factories.ProjectFactory(budget=100_000)
    factories.FundingFactory(project=project, amount=60_000)
    factories.FundingFactory(project=project, amount=None)

    project.budget = 60_000
    project.full_clean()
    project.budget = 59_999
    (message,) = errors_of(project)["budget"]
    assert message.startswith("The budget (59999) is below the known funding amounts (60000")


def test_project_cannot_be_its_own_predecessor():
    project = factories.ProjectFactory()
    project.predecessor = project

    assert_refused(project, "predecessor", ["A project cannot be its own predecessor."])


def test_two_projects_with_the_same_title_get_different_slugs():
    first = factories.ProjectFactory(title="Prison health")
    second = factories.ProjectFactory(title="Prison health")

    assert (first.slug, second.slug) == ("prison-health", "prison-health-2")
    second.full_clean()


def test_project_codes_are_unique_when_set_and_may_be_empty_on_many():
    factories.ProjectFactory(code="")
    factories.ProjectFactory(code="")
    factories.ProjectFactory(code="2193")
    duplicate = factories.ProjectFactory.build(code="2193")

    assert errors_of(duplicate) == {"code": ["Another project already uses the code 2193."]}
    assert_database_rejects(duplicate)


def test_project_currency_is_a_code_of_the_currency_codelist():
    project = factories.ProjectFactory()
    for wrong in ("eur", "XYZ"):
        project.currency = wrong

        assert errors_of(project)["currency"] == [f"Value '{wrong}' is not a valid choice."]


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (D(2019, 5, 24), D(2022, 12, 31), 44),
        (D(2022, 10, 1), D(2025, 9, 30), 36),
        (D(2024, 1, 1), D(2024, 12, 31), 12),
        (D(2024, 3, 1), D(2024, 3, 1), 1),
    ],
)
def test_duration_counts_a_started_month_whole(start, end, months):
    assert Project(start_date=start, end_date=end).duration_months == months


def test_status_follows_the_dates():
    project = Project(start_date=D(2022, 10, 1), end_date=D(2025, 9, 30))

    assert project.status_on(D(2022, 9, 30)) == Project.Status.PLANNED
    assert project.status_on(D(2022, 10, 1)) == Project.Status.ONGOING
    assert project.status_on(D(2025, 9, 30)) == Project.Status.ONGOING
    assert project.status_on(D(2025, 10, 1)) == Project.Status.COMPLETED


def test_status_of_today():
    assert factories.ProjectFactory().status == Project.Status.ONGOING
    assert factories.ProjectFactory().get_status_display() == "Ongoing"


def test_key_standards_are_listed_one_per_line():
    project = Project(key_standards="ECHR\n\n  CPT recommendations  \n")

    assert project.key_standard_list == ["ECHR", "CPT recommendations"]


# Funding ------------------------------------------------------------------------------------


def test_known_funding_may_reach_the_budget_but_not_exceed_it():
    project = factories.ProjectFactory(budget=100_000)
    factories.FundingFactory(project=project, amount=60_000)

    donor = factories.InstitutionFactory(kind="donor")

    factories.FundingFactory.build(project=project, funder=donor, amount=40_000).full_clean()
    above = factories.FundingFactory.build(project=project, funder=donor, amount=40_001)
    (message,) = errors_of(above)["amount"]
    assert message.startswith("Known funding would total 100001")
    assert "above the budget of 100000" in message


def test_funding_of_unknown_amount_is_valid_whatever_the_budget():
    project = factories.ProjectFactory(budget=0)
    funder = factories.InstitutionFactory(kind="donor")
    factories.FundingFactory.build(project=project, funder=funder, amount=None).full_clean()


def test_funding_amount_cannot_be_negative():
    funding = factories.FundingFactory(amount=10)
    funding.amount = Decimal("-0.01")

    assert_refused(funding, "amount")


@pytest.mark.parametrize("share", [0, 50, 100])
def test_funding_share_within_0_and_100_is_valid(share):
    factories.FundingFactory(share=share).full_clean()


@pytest.mark.parametrize("share", [Decimal("-1"), Decimal("100.01")])
def test_funding_share_outside_0_and_100_is_rejected(share):
    funding = factories.FundingFactory()
    funding.share = share

    assert_refused(funding, "share")


def test_a_funder_funds_a_project_once():
    funding = factories.FundingFactory()
    again = factories.FundingFactory.build(project=funding.project, funder=funding.funder)

    assert_refused(again, "__all__", ["Funding with this Project and Funder already exists."])


# Objectives ---------------------------------------------------------------------------------


def test_logframe_overall_specific_result_is_valid():
    specific = factories.ObjectiveFactory()
    result = Objective(
        project=specific.project, parent=specific, level="result", code="1.1.1", title="R"
    )
    result.full_clean()
    specific.full_clean()
    specific.parent.full_clean()


def test_overall_objective_has_no_parent():
    specific = factories.ObjectiveFactory()
    overall = Objective(project=specific.project, parent=specific, level="overall", code="9")

    assert errors_of(overall)["parent"] == [
        "The top level of this logframe (Overall objective) has no parent."
    ]
    overall.title = "Overall"
    assert_database_rejects(overall)


def test_purposes_with_results_and_no_overall_objective_are_a_valid_logframe():
    project = factories.ProjectFactory(logframe_levels=["purpose", "result"])
    purpose = Objective.objects.create(project=project, level="purpose", code="1", title="P")
    result = Objective(project=project, parent=purpose, level="result", code="1.1", title="R")

    purpose.full_clean()
    result.full_clean()


def test_a_lone_specific_objective_needs_no_parent():
    project = factories.ProjectFactory()
    lone = Objective(project=project, level="specific", code="1", title="Specific")

    lone.full_clean()
    lone.save()


def test_a_line_must_be_at_a_level_of_its_projects_chain():
    project = factories.ProjectFactory(logframe_levels=["purpose", "result"])
    objective = Objective(project=project, level="specific", code="1", title="S")

    assert errors_of(objective)["level"] == [
        "This project's logframe has no such level (it uses: Project purpose, Expected result)."
    ]


def test_a_projects_chain_is_kept_top_to_bottom_and_refuses_unknown_levels():
    project = factories.ProjectFactory.build(logframe_levels=["output", "overall"])
    project.full_clean(exclude=["slug"])
    assert project.logframe_levels == ["overall", "output"]

    project.logframe_levels = ["goal"]
    assert errors_of(project)["logframe_levels"] == ["Unknown logframe levels: goal."]
    project.logframe_levels = []
    assert "logframe_levels" in errors_of(project)


def test_a_level_cannot_be_left_out_while_lines_use_it():
    specific = factories.ObjectiveFactory()
    project = specific.project
    project.logframe_levels = ["overall", "result"]

    assert errors_of(project)["logframe_levels"] == [
        "Lines of the logframe are at levels left out: Specific objective."
    ]


def test_objective_parent_must_be_of_the_same_project():
    elsewhere = factories.ObjectiveFactory().parent
    objective = Objective(
        project=factories.ProjectFactory(), parent=elsewhere, level="specific", code="1", title="S"
    )

    assert errors_of(objective)["parent"] == [
        "The parent must be a line of the same project's logframe."
    ]


def test_expected_result_sits_under_a_specific_objective_not_the_overall_one():
    overall = factories.ObjectiveFactory().parent
    result = Objective(project=overall.project, parent=overall, level="result", code="2", title="R")

    assert errors_of(result)["parent"] == [
        "In this logframe, a line at the level “Expected result” sits under one at "
        "“Specific objective”."
    ]


def test_a_qualitative_indicator_has_a_text_target_and_others_a_number():
    objective = factories.ObjectiveFactory()
    qualitative = Indicator(objective=objective, name="Strategy", measure="5", target=3)
    assert set(errors_of(qualitative)) == {"target", "target_text"}
    qualitative.target, qualitative.target_text = None, "A strategy adopted"
    qualitative.full_clean()

    counted = Indicator(objective=objective, name="Judges trained", measure="1")
    assert errors_of(counted)["target"] == [
        "Give a target number (or choose the qualitative measure)."
    ]
    assert_database_rejects(counted)


def test_objective_codes_are_unique_within_a_project_only():
    objective = factories.ObjectiveFactory(code="1")
    factories.ObjectiveFactory(code="1").full_clean()
    again = factories.ObjectiveFactory.build(project=objective.project, code="1")

    assert_refused(again, "__all__", ["Objective with this Project and Code already exists."])


# Indicators, partners, teams ----------------------------------------------------------------


def test_indicator_value_may_cite_an_activity_of_its_own_project_only():
    value = factories.IndicatorValueFactory()
    value.activity = factories.ActivityFactory(project=value.indicator.objective.project)
    value.full_clean()

    value.activity = factories.ActivityFactory()
    assert errors_of(value)["activity"] == ["Choose an activity of the same project."]


def test_an_institution_has_one_partnership_per_role_in_a_project():
    partner = factories.PartnerFactory(role="beneficiary")
    factories.PartnerFactory.build(
        project=partner.project, institution=partner.institution, role="stakeholder"
    ).full_clean()
    again = factories.PartnerFactory.build(
        project=partner.project, institution=partner.institution, role="beneficiary"
    )

    assert_refused(again, "__all__")


def test_a_user_joins_a_project_team_once():
    membership = factories.MembershipFactory()
    again = factories.MembershipFactory.build(project=membership.project, user=membership.user)

    assert_refused(again, "__all__")


# Scopes ---------------------------------------------------------------------------------------


@pytest.fixture
def draft(db):
    """An unpublished project with its own team member."""
    return factories.ProjectFactory(is_published=False)


def test_visitor_reads_published_projects_only(project, draft):
    assert list(Project.objects.for_user(AnonymousUser())) == [project]
    assert list(Project.objects.published()) == [project]


def test_team_member_reads_published_projects_and_their_own_drafts(project, draft, team_member):
    factories.MembershipFactory(project=draft, user=team_member)

    assert set(Project.objects.for_user(team_member)) == {project, draft}


def test_outsider_does_not_read_a_draft(project, draft, outsider):
    assert project in Project.objects.for_user(outsider)
    assert draft not in Project.objects.for_user(outsider)


def test_manager_reads_every_project(project, draft, manager):
    assert set(Project.objects.for_user(manager)) == {project, draft}


def test_only_the_team_and_managers_may_edit_a_project(project, team_member, outsider, manager):
    assert list(Project.objects.editable_by(AnonymousUser())) == []
    assert list(Project.objects.editable_by(team_member)) == [project]
    assert project not in Project.objects.editable_by(outsider)
    assert project in Project.objects.editable_by(manager)


def test_superuser_is_a_manager(project, admin_user):
    assert project in Project.objects.editable_by(admin_user)


def test_planned_ongoing_completed_scopes_by_date():
    completed = factories.ProjectFactory(start_date=D(2019, 5, 24), end_date=D(2022, 12, 31))
    ongoing = factories.ProjectFactory(start_date=D(2022, 10, 1), end_date=D(2025, 9, 30))
    planned = factories.ProjectFactory(start_date=D(2025, 1, 1), end_date=D(2026, 1, 1))
    today = D(2024, 7, 1)

    assert list(Project.objects.completed(today)) == [completed]
    assert list(Project.objects.ongoing(today)) == [ongoing]
    assert list(Project.objects.planned(today)) == [planned]
    assert list(Project.objects.with_status(Project.Status.ONGOING, today)) == [ongoing]
    assert list(Project.objects.published().ongoing(D(2022, 12, 31))) == [ongoing, completed]


def test_a_long_title_is_cut_at_a_word_for_the_slug():
    project = factories.ProjectFactory(
        title="Strengthening the protection of human rights of detained and sentenced persons "
        "in the penitentiary system"
    )

    assert len(project.slug) <= 80
    assert project.slug == (
        "strengthening-the-protection-of-human-rights-of-detained-and-sentenced-persons"
    )


@pytest.mark.parametrize("title", ["New", "Lookup"])
def test_words_the_project_urls_use_are_no_project_slugs(title):
    project = factories.ProjectFactory(title=title)

    assert project.slug == f"{title.lower()}-2"


def test_a_programme_named_new_does_not_take_the_new_slug():
    assert factories.ProgrammeFactory(name="New", acronym="").slug == "new-2"


def test_a_code_left_empty_takes_the_programmes_next_number():
    programme = factories.ProgrammeFactory(name="Partnership for Good Governance", acronym="PGG")
    for code in ["PGG-KOS-2022", "PGG-002", "HF-009"]:
        factories.ProjectFactory(code=code, programme=programme)

    assert Project(programme=programme).next_code() == "PGG-003"
    assert Project().next_code() == "P-001"
