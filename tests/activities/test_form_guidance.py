"""The activity form in the GOV.UK manner: an error summary linking to each field, messages that
say what to do (in English and French), "Choose…", the status from the dates, the currency beside
the cost, and "Log a similar activity"."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from activities.models import Activity
from tests import factories
from tests.helpers import activity_data, days, kept_form

pytestmark = pytest.mark.django_db


def test_a_failed_submit_lists_each_problem_with_a_link_to_its_field(team_member_client, project):
    data = activity_data(
        project,
        title="",
        kind="",
        start_date=None,
        start_date_day="4",
        participants_total="40",
        participants_women="30",
        participants_men="15",
    )

    html = kept_form(team_member_client, reverse("activities:create"), data, Activity)

    summary = html[html.index("error-summary") : html.index("</ul>", html.index("error-summary"))]
    assert "There is a problem" in summary
    assert '<a href="#id_title">Enter the title.</a>' in summary
    assert '<a href="#id_kind">Choose the kind.</a>' in summary
    assert '<a href="#id_start_date_day">The start date must include a year.</a>' in summary
    assert (
        '<a href="#id_participants_women">Women and men together (45) are more than the '
        "participants (40).</a>" in summary
    )
    assert "This field is required" not in html
    # The portal's messages come first: the browser's own checks are off.
    assert re.search(r"<form [^>]*novalidate", html)


def test_the_messages_say_what_to_do_in_french(team_member_client, project):
    data = activity_data(project, title="", participants_total="40", participants_women="")
    data["participants_men"] = "45"

    with translation.override("fr"):
        url = reverse("activities:create")
    html = kept_form(team_member_client, url, data, Activity)

    assert "Il y a un problème" in html
    assert "Indiquez le champ « titre »." in html
    assert "Les hommes (45) sont plus nombreux que les participants (40)." in html
    assert "Choisissez…" in html


def test_the_participant_counts_are_named_as_a_person_would_name_them(team_member_client, project):
    data = activity_data(
        project,
        participants_qualifier="roughly",
        participants_total="many",
        participants_women="-1",
    )

    html = kept_form(team_member_client, reverse("activities:create"), data, Activity)

    assert "Choose the kind of count from the list (“roughly” is not in it)." in html
    assert "Enter the number of participants as a number." in html
    assert "The number of women must be 0 or more." in html


def test_a_new_activity_takes_its_status_from_its_dates_unless_one_is_chosen(
    team_member_client, project
):
    page = team_member_client.get(reverse("activities:create")).content.decode()
    assert re.search(r'<option value="" selected>From the dates: held once past', page)
    assert "---------" not in page

    past = activity_data(project, status="", title="Past training")
    future = activity_data(
        project,
        status="",
        title="Coming training",
        start_date=days(10).isoformat(),
        end_date=days(11).isoformat(),
    )
    chosen = activity_data(project, status="planned", title="Chosen")
    for data in (past, future, chosen):
        team_member_client.post(reverse("activities:create"), data)

    statuses = dict(Activity.objects.values_list("title", "status"))
    assert statuses == {"Past training": "held", "Coming training": "planned", "Chosen": "planned"}


def test_log_a_similar_activity_opens_the_form_filled_from_it_with_the_currency(
    team_member_client, project
):
    objective = factories.ObjectiveFactory(project=project)
    institution = factories.InstitutionFactory(name="Judicial Academy of Serbia")
    activity = factories.ActivityFactory(
        project=project, kind="workshop", title="Workshop on pre-trial detention", city="Novi Sad"
    )
    activity.objectives.set([objective])
    activity.institutions.set([institution])

    detail = team_member_client.get(activity.get_absolute_url()).content.decode()
    link = f'href="/activities/new/?like={activity.pk}"'
    assert link in detail and "Log a similar activity" in detail
    assert link not in Client().get(activity.get_absolute_url()).content.decode()

    form = team_member_client.get(f"/activities/new/?like={activity.pk}").content.decode()
    assert 'value="Workshop on pre-trial detention"' in form
    assert re.search(r'<option value="workshop" selected', form)
    assert 'value="Novi Sad"' in form
    assert re.search(rf'value="{objective.pk}"[^>]*checked', form)
    assert re.search(rf'value="{institution.pk}"[^>]*checked', form)
    assert re.search(r'<span class="input-group-text">\s*EUR\s*</span>', form)
    # The dates and figures are the new activity's own.
    assert 'name="start_date_day" value=' not in form

    other = factories.ActivityFactory()
    assert team_member_client.get(f"/activities/new/?like={other.pk}").status_code == 404
    assert team_member_client.get("/activities/new/?like=abc").status_code == 404
