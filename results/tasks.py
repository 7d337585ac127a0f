"""Background jobs of the results (config/celery.py): review emails and the weekly digest.

Every email carries English then French: the portal does not know which language each person
reads (templates/results/email/).
"""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.access import is_manager
from projects.models import IndicatorValue, Project, ReportingPeriod
from results.models import ValueReview

SEPARATOR = "\n\n" + "-" * 40 + "\n\n"


def bilingual(template, context):
    """(subject, body): the template rendered in English, then in French."""
    parts = []
    for language in ("en", "fr"):
        with translation.override(language):
            parts.append(render_to_string(template, context).strip())
    subjects, bodies = zip(*(part.split("\n", 1) for part in parts), strict=True)
    return " / ".join(dict.fromkeys(s.strip() for s in subjects)), SEPARATOR.join(
        body.strip() for body in bodies
    )


def results_url(project):
    with translation.override("en"):
        return settings.SITE_URL + reverse("results:project", args=[project.slug])


@shared_task
def notify_submitter(review_id):
    """Tell whoever submitted a period's values that a reviewer approved or returned them."""
    review = (
        ValueReview.objects.select_related("period__project", "user").filter(pk=review_id).first()
    )
    if review is None:
        return 0
    submission = (
        review.period.reviews.filter(action=ValueReview.Action.SUBMITTED, at__lte=review.at)
        .select_related("user")
        .order_by("-at", "-pk")
        .first()
    )
    submitter = submission.user if submission else None
    if submitter is None or not submitter.email:
        return 0
    project = review.period.project
    subject, body = bilingual(
        "results/email/review.txt",
        {
            "review": review,
            "period": review.period,
            "project": project,
            "reviewer": review.user,
            "recipient": submitter,
            "url": results_url(project),
        },
    )
    return send_mail(subject, body, None, [submitter.email])


def waiting_for(user):
    """(periods waiting for `user`'s review, periods returned to `user`'s team)."""
    submitted = ReportingPeriod.objects.filter(values__status=IndicatorValue.Status.SUBMITTED)
    reviewed = (
        submitted.filter(project__in=Project.objects.managed_by(user))
        .exclude(
            # Those they submitted last wait for someone else.
            pk__in=ValueReview.objects.filter(action=ValueReview.Action.SUBMITTED, user=user)
            .order_by()
            .values("period")
        )
        .select_related("project")
        .distinct()
        .order_by("project__title", "start")
    )
    team = Project.objects.filter(memberships__user=user)
    returned = (
        ReportingPeriod.objects.filter(
            values__status=IndicatorValue.Status.RETURNED, project__in=team
        )
        .select_related("project")
        .distinct()
        .order_by("project__title", "start")
    )
    return list(reviewed), list(returned)


def digest_recipients():
    """Active users with an email address who are managers or on a team."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return [user for user in users if is_manager(user) or user.memberships.exists()]


@shared_task
def send_digests():
    """The weekly digest: to each user, what waits for them. Returns the number of emails."""
    sent = 0
    for user in digest_recipients():
        to_review, returned = waiting_for(user)
        if not to_review and not returned:
            continue
        subject, body = bilingual(
            "results/email/digest.txt",
            {
                "recipient": user,
                "to_review": [(p, results_url(p.project)) for p in to_review],
                "returned": [(p, results_url(p.project)) for p in returned],
            },
        )
        sent += send_mail(subject, body, None, [user.email])
    return sent
