"""In-process helpers for bench/run.py, run against one benchmark database; JSON on stdout.

    python bench/django_tasks.py prepare             # bench manager, session cookie, sample URLs
    python bench/django_tasks.py queries PAGES.json  # queries per request with Django's test Client
    python bench/django_tasks.py writer SECONDS      # save one activity per second meanwhile
    python bench/django_tasks.py rename ID TITLE     # give activity ID a new title (one save)
    python bench/django_tasks.py report-pdf N        # a period report PDF of N activities

Run with the same environment as the gunicorn under test (DATABASE_URL, REDIS_URL,
CACHE_KEY_PREFIX, SECRET_KEY), so the session created here is valid there.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from activities.models import Activity  # noqa: E402
from projects.logframe import ValueStatus  # noqa: E402
from projects.models import Indicator, IndicatorValue, Objective, Project  # noqa: E402
from projects.periods import period_for  # noqa: E402
from stakeholders.models import Country, Institution  # noqa: E402

MANAGER = "bench-manager"


def manager():
    user, created = get_user_model().objects.get_or_create(
        username=MANAGER, defaults={"email": "bench-manager@example.org"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name="Managers"))
    return user


def signed_in_manager():
    """A test Client signed in as the bench manager, second factor included (managers must give
    one: core.two_factor), as django_otp.login() leaves the session."""
    client = Client(raise_request_exception=False)
    user = manager()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def prepare():
    """The manager's session and CSRF cookies, and the project and activity the bench loads."""
    client = signed_in_manager()
    csrf = get_random_string(32)
    project = (
        Project.objects.published()
        .annotate(n=Count("activities"))
        .order_by("-n", "pk")
        .values("slug", "n")
        .first()
    )
    activity = (
        Activity.objects.visible()
        .filter(project__slug=project["slug"])
        .order_by("-start_date", "-pk")
        .values_list("pk", flat=True)
        .first()
        if project
        else None
    )
    return {
        "cookie": f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf}",
        "project": project and project["slug"],
        "project_activities": project and project["n"],
        "activity": activity,
        "activities": Activity.objects.count(),
        "visible_activities": Activity.objects.visible().count(),
    }


def count_queries(pages):
    """Queries of the first (cold cache) and second (warm) request of each page."""
    anonymous = Client(raise_request_exception=False)
    signed_in = signed_in_manager()
    results = {}
    for page in pages:
        client = signed_in if page["signed_in"] else anonymous
        counts, statuses = [], []
        started = time.monotonic()
        for _ in range(2):
            with CaptureQueriesContext(connection) as context:
                response = client.get(page["path"])
                if response.streaming:
                    for _chunk in response.streaming_content:
                        pass
                response.close()
            counts.append(len(context.captured_queries))
            statuses.append(response.status_code)
            if page.get("once"):
                break
        results[page["name"]] = {
            "queries": counts[0],
            "queries_warm": counts[-1],
            "status": statuses[0],
            "seconds": round(time.monotonic() - started, 3),
        }
    return results


def writer(seconds):
    """Save one activity a second (a different project's each time) for `seconds`."""
    ids = list(Activity.objects.visible().order_by("?").values_list("pk", flat=True)[:1000])
    saved, started = 0, time.monotonic()
    while time.monotonic() - started < seconds:
        with transaction.atomic():  # as a form's save: the row, its history, one cache bump
            activity = Activity.objects.get(pk=ids[saved % len(ids)])
            activity.save()
        saved += 1
        time.sleep(max(0.0, started + saved - time.monotonic()))
    return {"saved": saved, "seconds": round(time.monotonic() - started, 1)}


def rename(pk, title):
    with transaction.atomic():
        activity = Activity.objects.get(pk=pk)
        old, activity.title = activity.title, title
        activity.save()
    return {"old": old, "new": title}


class RolledBack(Exception):
    pass


def report_pdf(activities=500):
    """The period report PDF of a project with `activities` held activities in the period: the
    seconds of a first and a second rendering (in the request, as a manager) and its size.

    The project is made for the measure and rolled back: the database is left as it was.
    """
    import datetime

    result = {"activities": activities}
    start, end = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
    try:
        with transaction.atomic():
            project = Project.objects.create(
                title="Bench report project", start_date=start, end_date=end, budget=500_000
            )
            country = Country.objects.get_or_create(code="RS", defaults={"name": "Serbia"})[0]
            institution = Institution.objects.create(name="Bench report ministry")
            objective = Objective.objects.create(
                project=project, level="specific", code="1", title="Staff trained"
            )
            indicator = Indicator.objects.create(
                objective=objective, name="People trained", baseline=0, target=activities * 20
            )
            IndicatorValue.objects.create(
                indicator=indicator,
                date=end,
                value=activities * 15,
                period=period_for(project.pk, end),
                status=ValueStatus.APPROVED,
            )
            rows = Activity.objects.bulk_create(
                Activity(
                    project=project,
                    kind=Activity.Kind.TRAINING,
                    title=f"Training {n} of the bench report",
                    status=Activity.Status.HELD,
                    start_date=start + datetime.timedelta(days=n % 365),
                    end_date=start + datetime.timedelta(days=n % 365),
                    city="Belgrade",
                    participants_total=20,
                    participants_women=12,
                    participants_men=8,
                )
                for n in range(activities)
            )
            Activity.countries.through.objects.bulk_create(
                Activity.countries.through(activity=row, country=country) for row in rows
            )
            Activity.institutions.through.objects.bulk_create(
                Activity.institutions.through(activity=row, institution=institution) for row in rows
            )
            client = signed_in_manager()
            path = f"/projects/{project.slug}/report.pdf?start={start}&end={end}"
            for label in ("seconds", "seconds_warm"):
                started = time.monotonic()
                response = client.get(path)
                result[label] = round(time.monotonic() - started, 3)
            result.update(
                path=path,
                status=response.status_code,
                bytes=len(response.content),
                pdf=response.content.startswith(b"%PDF"),
            )
            raise RolledBack
    except RolledBack:
        pass
    return result


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"]:
        print(json.dumps(prepare()))
    elif sys.argv[1:2] == ["queries"]:
        print(json.dumps(count_queries(json.loads(Path(sys.argv[2]).read_text()))))
    elif sys.argv[1:2] == ["writer"]:
        print(json.dumps(writer(float(sys.argv[2]))))
    elif sys.argv[1:2] == ["report-pdf"]:
        print(json.dumps(report_pdf(int(sys.argv[2]))))
    elif sys.argv[1:2] == ["rename"]:
        print(json.dumps(rename(int(sys.argv[2]), sys.argv[3])))
    else:
        sys.exit(__doc__)
