"""The staff forms on their own: what they offer each user and which rules they enforce."""

import datetime
import re

import pytest
from django.urls import reverse

from activities.forms import ActivityForm, NewsItemForm
from tests import factories
from tests.helpers import activity_data, days, news_data

pytestmark = pytest.mark.django_db


def test_activity_form_offers_only_the_users_projects(project, team_member):
    factories.ProjectFactory(title="Someone else's project")

    form = ActivityForm(user=team_member)

    assert list(form.fields["project"].queryset) == [project]


def test_manager_is_offered_every_project(project, manager):
    other = factories.ProjectFactory(is_published=False)

    form = ActivityForm(user=manager)

    assert set(form.fields["project"].queryset) == {project, other}


def test_a_single_project_is_preselected_with_its_objectives(project, team_member):
    mine = factories.ObjectiveFactory(project=project, code="1", title="Prison healthcare")
    factories.ObjectiveFactory(code="9", title="Not my project")

    form = ActivityForm(user=team_member)
    html = form.as_p()

    assert form["project"].value() == project.pk
    assert f'<option value="{project.pk}" selected>' in html
    assert f'value="{mine.pk}"' in html
    assert "Prison healthcare" in html
    assert "Not my project" not in html


def test_with_several_projects_objectives_wait_for_the_choice(manager, project):
    factories.ObjectiveFactory(project=project, title="Prison healthcare")
    other = factories.ProjectFactory()
    factories.ObjectiveFactory(project=other, title="Police accountability")

    unchosen = ActivityForm(user=manager)
    chosen = ActivityForm(user=manager, initial={"project": other})

    assert unchosen["project"].value() is None
    assert list(unchosen.fields["objectives"].widget.choices) == []
    assert "Choose the project first" in unchosen.as_p()
    assert [label for _, label in chosen.fields["objectives"].widget.choices] == [
        str(objective) for objective in other.objectives.all()
    ]
    assert "Police accountability" in chosen.as_p()
    assert "Prison healthcare" not in chosen.as_p()
    assert f'data-choices-url="{reverse("activities:choices")}"' in chosen.as_p()


def test_institutions_listed_are_the_projects_partners_and_recent_ones_by_country(
    project, team_member
):
    kosovo = factories.KosovoFactory()
    ministry = factories.InstitutionFactory(
        name="Ministry of Justice", acronym="MoJ", country=kosovo
    )
    factories.PartnerFactory(project=project, institution=ministry)
    prisons = factories.InstitutionFactory(name="Kosovo Correctional Service", country=kosovo)
    factories.ActivityFactory(project=project, institutions=[prisons])
    factories.InstitutionFactory(name="Unrelated Agency", country=kosovo)

    groups = dict(ActivityForm(user=team_member).fields["institutions"].widget.choices)

    assert [label for _, label in groups["Kosovo*"]] == [
        "Kosovo Correctional Service",
        "Ministry of Justice (MoJ)",
    ]


def test_a_ticked_institution_from_the_directory_stays_listed_after_a_failed_submit(
    project, team_member
):
    found = factories.InstitutionFactory(name="Ombudsperson Institution")

    form = ActivityForm(activity_data(project, title="", institutions=[found.pk]), user=team_member)

    assert not form.is_valid()
    html = str(form["institutions"])
    assert "Ombudsperson Institution" in html
    assert re.search(rf'value="{found.pk}"[^>]*checked', html)


def test_dates_are_typed_as_day_month_and_year_and_a_year_alone_keeps_its_precision(
    project, team_member
):
    activity = factories.ActivityFactory(
        project=project,
        start_date=datetime.date(2025, 3, 4),
        end_date=datetime.date(2025, 12, 31),
        end_precision="month",
    )
    form = ActivityForm(user=team_member, instance=activity)
    start, end = str(form["start_date"]), str(form["end_date"])
    assert re.search(r'name="start_date_day"[^>]*value="4"', start)
    assert re.search(r'name="start_date_month"[^>]*value="3"', start)
    assert re.search(r'name="start_date_year"[^>]*value="2025"', start)
    # Known to the month: the day box stays empty.
    assert re.search(r'name="end_date_day"(?![^>]*value=)', end)
    assert re.search(r'name="end_date_month"[^>]*value="12"', end)

    parts = {"start_date": None, "end_date": None, "confirm_outside_period": "on"}
    year_alone = {**parts, "start_date_year": "2025", "start_date_month": "", "start_date_day": ""}
    month_and_year = {**parts, "start_date_year": "2025", "start_date_month": "6"}
    form = ActivityForm(activity_data(project, **year_alone), user=team_member)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["start_date"] == datetime.date(2025, 1, 1)
    assert form.cleaned_data["start_precision"] == "year"
    form = ActivityForm(activity_data(project, **month_and_year), user=team_member)
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["start_date"], form.cleaned_data["start_precision"]) == (
        datetime.date(2025, 6, 1),
        "month",
    )
    # A day with no month, or no year at all, says what is missing.
    form = ActivityForm(
        activity_data(project, start_date=None, start_date_day="4"), user=team_member
    )
    assert form.errors["start_date"] == ["The start date must include a year."]


def test_valid_activity_form_normalises_what_was_entered(project, team_member):
    objective = factories.ObjectiveFactory(project=project)
    institution = factories.InstitutionFactory()

    form = ActivityForm(
        activity_data(project, objectives=[objective.pk], institutions=[institution.pk]),
        user=team_member,
    )

    assert form.is_valid(), form.errors
    data = form.record_data()
    assert data["project"] == project
    assert data["participants_total"] == 25
    assert list(data["objectives"]) == [objective]
    assert "confirm_outside_period" not in data


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"start_date": days(-5).isoformat(), "end_date": days(-6).isoformat()},
            "end_date",
            "The end date must be on or after the start date.",
        ),
        (
            {"participants_total": "20", "participants_women": "15", "participants_men": "10"},
            "participants_women",
            "Women and men together (25) are more than the participants (20).",
        ),
        (
            {"participants_total": "-1", "participants_women": "", "participants_men": ""},
            "participants_total",
            "The number of participants must be 0 or more.",
        ),
        (
            {"participants_women": "-3"},
            "participants_women",
            "The number of women must be 0 or more.",
        ),
        ({"cost": "-10"}, "cost", "The cost must be 0 or more."),
        ({"title": ""}, "title", "Enter the title."),
        ({"kind": ""}, "kind", "Choose the kind."),
        (
            {"start_date": "31/02/2025"},
            "start_date",
            "The start date must be a real date.",
        ),
    ],
    ids=[
        "end-before-start",
        "split-above-total",
        "negative-total",
        "negative-women",
        "cost",
        "title",
        "kind",
        "date",
    ],
)
def test_activity_form_rejects_each_rule_with_its_message(
    project, team_member, overrides, field, message
):
    form = ActivityForm(activity_data(project, **overrides), user=team_member)

    assert not form.is_valid()
    assert any(message in error for error in form.errors[field])


def test_objective_of_another_project_is_rejected_by_name(project, team_member):
    second = factories.MembershipFactory(user=team_member).project
    foreign = factories.ObjectiveFactory(project=second, code="7", title="Other logframe")

    form = ActivityForm(activity_data(project, objectives=[foreign.pk]), user=team_member)

    assert not form.is_valid()
    assert form.errors["objectives"] == [
        "These objectives belong to another project: 7. Other logframe."
    ]


def test_objective_of_a_project_not_on_the_users_team_is_not_a_valid_choice(project, team_member):
    foreign = factories.ObjectiveFactory()

    form = ActivityForm(activity_data(project, objectives=[foreign.pk]), user=team_member)

    assert not form.is_valid()
    assert form.errors["objectives"][0].startswith("Choose the objectives served from the list")


def test_project_not_on_the_users_team_is_not_a_valid_choice(team_member):
    foreign = factories.ProjectFactory()

    form = ActivityForm(activity_data(foreign), user=team_member)

    assert not form.is_valid()
    assert form.errors["project"][0].startswith("Choose the project from the list")


def test_dates_outside_the_project_period_need_a_ticked_confirmation(project, team_member):
    early = project.start_date - datetime.timedelta(days=3)
    data = activity_data(project, start_date=early.isoformat(), end_date="")

    form = ActivityForm(data, user=team_member)

    assert not form.is_valid()
    assert "fall outside the project period" in form.errors["confirm_outside_period"][0]
    rendered = str(form["confirm_outside_period"])
    assert 'type="checkbox"' in rendered

    confirmed = ActivityForm({**data, "confirm_outside_period": "on"}, user=team_member)
    assert confirmed.is_valid(), confirmed.errors


def test_confirmation_box_stays_hidden_while_dates_are_inside_the_period(project, team_member):
    form = ActivityForm(activity_data(project), user=team_member)

    assert form.is_valid()
    assert 'type="hidden"' in str(form["confirm_outside_period"])


def test_an_activity_stays_with_its_project_when_edited(project, team_member):
    activity = factories.ActivityFactory(project=project)
    second = factories.MembershipFactory(user=team_member).project
    data = activity_data(second, version=str(activity.version))

    form = ActivityForm(data, user=team_member, instance=activity)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["project"] == project


def test_edit_form_requires_the_version_it_was_loaded_with(project, team_member):
    activity = factories.ActivityFactory(project=project)

    form = ActivityForm(activity_data(project), user=team_member, instance=activity)

    assert not form.is_valid()
    assert form.errors["version"] == ["This field is required."]
    assert ActivityForm(user=team_member, instance=activity)["version"].value() == 1


def test_news_form_offers_only_activities_of_the_users_projects(project, team_member):
    mine = factories.ActivityFactory(project=project, title="Our training")
    factories.ActivityFactory(title="Their training")

    form = NewsItemForm(user=team_member)

    assert list(form.fields["activity"].queryset) == [mine]
    assert "Their training" not in form.as_p()


def test_news_form_rejects_an_activity_of_another_project(project, team_member):
    second = factories.MembershipFactory(user=team_member).project
    elsewhere = factories.ActivityFactory(project=second)

    form = NewsItemForm(news_data(project, activity=elsewhere.pk), user=team_member)

    assert not form.is_valid()
    assert form.errors["activity"] == ["Choose an activity of the same project."]


def test_news_form_reads_draft_or_published(project, team_member):
    draft = NewsItemForm(news_data(project, is_published="False"), user=team_member)
    published = NewsItemForm(news_data(project), user=team_member)

    assert draft.is_valid() and published.is_valid()
    assert draft.cleaned_data["is_published"] is False
    assert published.cleaned_data["is_published"] is True


def test_news_form_requires_title_lead_and_date(project, team_member):
    form = NewsItemForm(news_data(project, title="", lead="", published_on=""), user=team_member)

    assert not form.is_valid()
    assert set(form.errors) == {"title", "lead", "published_on"}
