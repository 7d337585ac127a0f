"""The review loop: the team submits a period's values; a reviewer approves or returns them.

A reviewer is a manager or one of the project's project managers (`Project.objects.managed_by`),
never the person who submitted. Each step is a `ValueReview` row and, for every value it moves,
a history entry saying so; the submitter is told by email of the reviewer's answer.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import IndicatorValue, Project
from results.models import ValueReview

Status = IndicatorValue.Status


class ReviewRefused(Exception):
    """The step cannot be taken; the message says why."""


def latest_submission(period):
    return (
        period.reviews.filter(action=ValueReview.Action.SUBMITTED)
        .select_related("user")
        .order_by("-at", "-pk")
        .first()
    )


def may_review(user, period, submission=None):
    """A manager or the project's project manager, other than whoever submitted."""
    if not Project.objects.managed_by(user).filter(pk=period.project_id).exists():
        return False
    submission = submission or latest_submission(period)
    return submission is None or submission.user_id != user.pk


def _move(values, status, *, user, reason):
    for value in values:
        value.status = status
        value._change_reason = reason
        value._history_user = user
        value.save(update_fields=["status"])


@transaction.atomic
def submit(period, *, user):
    """Submit the period's draft and returned values for review."""
    values = list(period.values.open().select_for_update())
    if not values:
        raise ReviewRefused(_("This period has no draft or returned values to submit."))
    _move(values, Status.SUBMITTED, user=user, reason="Submitted for review")
    review = ValueReview.objects.create(
        period=period, action=ValueReview.Action.SUBMITTED, user=user
    )
    review.values.set(values)
    return review


def _reviewable(period, user):
    values = list(period.values.filter(status=Status.SUBMITTED).select_for_update())
    if not values:
        raise ReviewRefused(_("This period has no submitted values waiting for review."))
    if not may_review(user, period):
        raise ReviewRefused(
            _("Someone other than the person who submitted them must review these values.")
        )
    return values


@transaction.atomic
def approve(period, *, user):
    values = _reviewable(period, user)
    _move(values, Status.APPROVED, user=user, reason="Approved")
    return _answered(period, ValueReview.Action.APPROVED, user, values)


@transaction.atomic
def send_back(period, *, user, reason):
    """Return the submitted values to the team, saying why (required)."""
    reason = (reason or "").strip()
    if not reason:
        raise ReviewRefused(_("Say why the values are returned."))
    values = _reviewable(period, user)
    _move(values, Status.RETURNED, user=user, reason=f"Returned: {reason}"[:100])
    return _answered(period, ValueReview.Action.RETURNED, user, values, reason)


def _answered(period, action, user, values, reason=""):
    from results import tasks

    review = ValueReview.objects.create(period=period, action=action, user=user, reason=reason)
    review.values.set(values)
    transaction.on_commit(lambda: tasks.notify_submitter.delay(review.pk))
    return review
