"""The review loop: submit, return with a reason, resubmit, approve; emails and history."""

import pytest
from django.urls import reverse

from projects.models import IndicatorValue, ProjectMembership
from results import tasks
from results.models import ValueReview
from tests import factories
from tests.helpers import messages_of, signed_in


@pytest.fixture
def loop(project, team_member, manager):
    team_member.email = "officer@example.org"
    team_member.first_name, team_member.last_name = "Vesna", "Martin"
    team_member.save()
    manager.first_name, manager.last_name = "Ana", "Petrović"
    manager.save()
    objective = factories.ObjectiveFactory(project=project)
    indicator = factories.IndicatorFactory(objective=objective, name="Judges trained")
    value = factories.IndicatorValueFactory(indicator=indicator, value=40, recorded_by=team_member)
    return value.period, value


def results_page(client, project):
    return client.get(reverse("results:project", args=[project.slug])).content.decode()


def test_officer_submits_manager_returns_with_a_reason_officer_resubmits_manager_approves(
    project, team_member, manager, loop, mailoutbox, django_capture_on_commit_callbacks
):
    period, value = loop
    officer, reviewer = signed_in(team_member), signed_in(manager)
    submit = reverse("results:submit", args=[project.slug, period.pk])
    review = reverse("results:review", args=[project.slug, period.pk])
    assert "Submit the period" in results_page(officer, project)

    assert officer.post(submit).status_code == 302
    value.refresh_from_db()
    assert value.status == IndicatorValue.Status.SUBMITTED
    # The submitter cannot review their own values, even as a project manager.
    ProjectMembership.objects.filter(user=team_member).update(role="manager")
    assert officer.post(review, {"approve": "1"}).status_code == 403
    ProjectMembership.objects.filter(user=team_member).update(role="officer")

    # A return needs a reason: refused with the field's error, nothing changes.
    refused = reviewer.post(review, {"return": "1", "reason": "  "})
    assert refused.status_code == 400
    assert "Enter the reason for returning them." in refused.content.decode()
    value.refresh_from_db()
    assert value.status == IndicatorValue.Status.SUBMITTED and not mailoutbox

    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(review, {"return": "1", "reason": "Split the judges by sex, please."})
    value.refresh_from_db()
    assert value.status == IndicatorValue.Status.RETURNED
    page = results_page(officer, project)
    assert "Split the judges by sex, please." in page and "Returned by Ana Petrović" in page
    (returned_mail,) = mailoutbox
    assert returned_mail.to == ["officer@example.org"]
    assert (
        "Values returned" in returned_mail.subject and "Valeurs renvoyées" in returned_mail.subject
    )
    assert "Split the judges by sex, please." in returned_mail.body
    assert (
        "Hello Vesna Martin" in returned_mail.body and "Bonjour Vesna Martin" in returned_mail.body
    )

    officer.post(submit)
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(review, {"approve": "1"})
    assert messages_of(response)[-1] == f"Values of {period} approved."
    value.refresh_from_db()
    assert value.status == IndicatorValue.Status.APPROVED
    assert list(IndicatorValue.objects.approved()) == [value]
    assert "Values approved" in mailoutbox[1].subject

    steps = list(ValueReview.objects.order_by("at", "pk").values_list("action", "user"))
    assert steps == [
        ("submitted", team_member.pk),
        ("returned", manager.pk),
        ("submitted", team_member.pk),
        ("approved", manager.pk),
    ]
    reasons = list(
        value.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons[1:] == [
        "Submitted for review",
        "Returned: Split the judges by sex, please.",
        "Submitted for review",
        "Approved",
    ]


def test_only_managers_and_the_project_manager_review_and_nothing_waits_twice(
    project, team_member, outsider, loop
):
    period, _value = loop
    officer = signed_in(team_member)
    officer.post(reverse("results:submit", args=[project.slug, period.pk]))
    review = reverse("results:review", args=[project.slug, period.pk])
    colleague = factories.MembershipFactory(project=project).user
    assert signed_in(colleague).post(review, {"approve": "1"}).status_code == 403
    assert signed_in(outsider).post(review, {"approve": "1"}).status_code == 403
    project_manager = factories.MembershipFactory(project=project, role="manager").user
    assert signed_in(project_manager).post(review, {"approve": "1"}).status_code == 302
    # Nothing left to submit or approve: a message, no step logged.
    response = officer.post(reverse("results:submit", args=[project.slug, period.pk]))
    assert messages_of(response)[-1] == "This period has no draft or returned values to submit."
    assert ValueReview.objects.count() == 2


def test_the_weekly_digest_tells_each_reviewer_and_officer_what_waits_for_them(
    project, team_member, manager, loop, mailoutbox, settings
):
    period, _value = loop
    manager.email = "manager@example.org"
    manager.save()
    signed_in(team_member).post(reverse("results:submit", args=[project.slug, period.pk]))
    # Celery runs the task eagerly without a broker, as in `make test`.
    assert settings.CELERY_TASK_ALWAYS_EAGER
    assert tasks.send_digests.delay().get() == 1
    (digest,) = mailoutbox
    assert digest.to == ["manager@example.org"]
    assert project.title in digest.body and str(period) in digest.body
    assert "waiting for your review" in digest.body and "attendent votre examen" in digest.body
    assert "/projects/" in digest.body and "/results/" in digest.body


def test_the_officer_corrects_a_returned_value_but_not_an_approved_one(project, team_member, loop):
    period, value = loop
    value.status = IndicatorValue.Status.RETURNED
    value.save()
    client = signed_in(team_member)
    url = reverse("results:value-edit", args=[project.slug, value.pk])
    assert 'value="40.00"' in client.get(url).content.decode()
    response = client.post(url, {"date": value.date.isoformat(), "value": "44", "women": "20"})
    assert response.status_code == 302
    value.refresh_from_db()
    assert (value.value, value.women, value.status) == (44, 20, IndicatorValue.Status.RETURNED)
    assert value.history.first().history_change_reason == "Corrected"
    IndicatorValue.objects.filter(pk=value.pk).update(status=IndicatorValue.Status.APPROVED)
    assert client.get(url).status_code == 404
