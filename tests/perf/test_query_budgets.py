"""Every page `make bench` loads stays within 12 queries, with 5 rows per list and with 50.

Sessions live in the cache here, as in production with REDIS_URL (settings.py); the visitor page
cache is off, so each request renders and the count is the real one.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from activities.models import Activity
from projects.models import Expenditure
from tests import factories

BUDGET = 12
# Held to the budget with everything counted: the signed-in user, their second factor and
# permissions (the dashboards and IATI files run outside a transaction: no BEGIN and COMMIT).
WHOLE = {"project iati", "project dashboard", "portfolio dashboard"}


@pytest.fixture(autouse=True)
def _production_like(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.PAGE_CACHE = False


@pytest.fixture(params=[5, 50], ids=["5 rows", "50 rows"])
def portal(request, db):
    """`rows` projects, activities, news, institutions and expenditures, all linked, in Serbia."""
    rows = request.param
    serbia = factories.CountryFactory(code="RS")
    institutions = factories.InstitutionFactory.create_batch(rows, country=serbia)
    projects = factories.ProjectFactory.create_batch(rows, title="Prison reform")
    project = projects[0]
    project.countries.add(serbia)
    objective = factories.ObjectiveFactory(project=project)
    factories.IndicatorValueFactory(indicator=factories.IndicatorFactory(objective=objective))
    for index, institution in enumerate(institutions):
        factories.FundingFactory(project=projects[index], funder=institution, amount=1000)
        factories.PartnerFactory(project=project, institution=institution)
    today = timezone.localdate()
    activities = [
        factories.ActivityFactory(
            project=project if index % 2 else projects[index],
            title=f"Prison staff training {index}",
            start_date=today - datetime.timedelta(days=index),
            countries=[serbia],
            institutions=institutions[:3],
            objectives=[objective] if index % 2 else [],
            participants_total=20,
            cost=100,
        )
        for index in range(rows)
    ]
    factories.ActivityFactory(
        project=project, status=Activity.Status.PLANNED, start_date=today + datetime.timedelta(7)
    )
    for index in range(rows):
        factories.NewsItemFactory(project=projects[index], title=f"Prison news {index}")
        Expenditure.objects.create(
            project=project,
            date=today - datetime.timedelta(days=index),
            amount=10,
            category=Expenditure.Category.OTHER,
        )
    for year in range(today.year - 1, today.year + 1):
        factories.BudgetLineFactory(project=project, year=year)
    manager = factories.UserFactory()
    manager.groups.add(Group.objects.get(name="Managers"))
    return {"project": project, "activity": activities[1], "manager": manager}


PAGES = [
    ("home", "/", False),
    ("projects", "/projects/", False),
    ("project", "/projects/{slug}/", False),
    ("project iati", "/projects/{slug}/iati.xml", False),
    ("activities", "/activities/", False),
    (
        "activities filtered",
        f"/activities/?kind=training&country=RS&year={timezone.now().year}",
        False,
    ),
    ("activity", "/activities/{activity}/", False),
    ("news", "/news/", False),
    ("stakeholders", "/stakeholders/", False),
    ("search", "/search/?q=prison", False),
    ("search in french", "/fr/search/?q=prison", False),
    ("activity form", "/activities/new/", True),
    ("my work", "/my-work/", True),
    ("project dashboard", "/projects/{slug}/dashboard/", True),
    ("portfolio dashboard", "/dashboard/", True),
    ("csv export", "/activities/export.csv", True),
]


@pytest.mark.parametrize(("name", "path", "signed_in"), PAGES, ids=[p[0] for p in PAGES])
def test_every_benchmarked_page_stays_within_twelve_queries(
    client, portal, name, path, signed_in, django_assert_max_num_queries
):
    url = path.format(slug=portal["project"].slug, activity=portal["activity"].pk)
    if signed_in:
        client.force_login(portal["manager"])
    # A manager's session also loads the second factor it was verified with (django-otp).
    budget = BUDGET + 1 if signed_in and name not in WHOLE else BUDGET
    with django_assert_max_num_queries(budget):
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, name
    if name in {"activities", "search", "search in french", "csv export"}:
        # (the search marks the words found: <mark>Prison</mark>)
        assert b"Prison staff training" in re.sub(rb"</?mark>", b"", content)
    if name in {"project", "project iati"}:
        assert portal["project"].title.encode() in content
