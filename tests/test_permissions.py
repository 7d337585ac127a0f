"""Who may do what, proven for every URL of the portal (issue 8, item 3).

The table below gives every named route the answer each persona gets to a GET and to a POST (the
routes grouped by those answers). The first test walks the URL configuration and fails on any
route without a row (and on any row without a route), so a new URL cannot ship without saying who
may use it.

Personas, in table order:
    visitor      not signed in
    team_member  a project officer on the team of the project the URL is about
    outsider     a project officer on another project's team
    no_team      signed in, on no team, not a manager (what a leaked password to any account gives)
    manager      in the Managers group
    admin        superuser

"login" means a redirect to the sign-in page that brings the user back afterwards.
"""

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from activities import services
from activities.models import Activity, ActivityDocument, ActivityImport, NewsItem
from projects.models import Expenditure, IndicatorValue, Project, ProjectDocument, ProjectPicture
from projects.periods import period_for
from tests import factories
from tests.helpers import (
    PDF_BYTES,
    activity_data,
    activity_edit_data,
    image_bytes,
    news_data,
    news_edit_data,
    signed_in,
)

PERSONAS = ("visitor", "team_member", "outsider", "no_team", "manager", "admin")
LOGIN = "login"

ALL_200 = (200,) * 6
ALL_405 = (405,) * 6
ALL_302 = (302,) * 6
SIGNED_IN = (LOGIN, 200, 200, 200, 200, 200)
SIGNED_IN_302 = (LOGIN, 302, 302, 302, 302, 302)
TEAM = (LOGIN, 200, 403, 403, 200, 200)
# Anyone on a team (of any project) and managers: the portal's staff.
ON_A_TEAM = (LOGIN, 200, 200, 403, 200, 200)
MANAGERS = (LOGIN, 403, 403, 403, 200, 200)
NO_POST = (LOGIN, 405, 405, 405, 405, 405)
# Read-only parts of the forms: refused to those on no team before the method is looked at.
CHOICES_POST = (LOGIN, 405, 405, 403, 405, 405)
# A POST the team and managers may send, answered with a redirect.
TEAM_POST_302 = (LOGIN, 302, 403, 403, 302, 302)


@dataclass(frozen=True)
class Row:
    get: tuple
    post: tuple
    query: str = ""


def rows(get, post, routes, query=""):
    """The same answers for each of `routes` (names separated by spaces)."""
    return {route: Row(get, post, query) for route in routes.split()}


# Route name -> expected answers, grouped by answer. Every route of config/urls.py (outside the
# Django admin, which is covered as one group below) must be here.
TABLE = {
    # Public pages: everyone reads them; there is nothing to post.
    **rows(ALL_200, ALL_405, "healthz home projects:list projects:detail activities:list"),
    **rows(ALL_200, ALL_405, "activities:detail news:list news:detail"),
    **rows(ALL_200, ALL_405, "stakeholders:list stakeholders:detail"),
    # The browser's own requests: the icon and the web app manifest.
    **rows(ALL_200, ALL_405, "favicon web-manifest"),
    # The site search, and the project selects' search box (it finds what the lists show).
    **rows(ALL_200, ALL_405, "search projects:lookup", query="?q=project"),
    # Public documents of a published project; they ignore the method (nothing is changed).
    **rows(ALL_200, ALL_200, "projects:iati projects:feed projects:calendar"),
    **rows(ALL_200, ALL_200, "activities:calendar news:feed"),
    # The portfolio's IATI files: what the pages show each reader (drafts only to their team).
    **rows(ALL_200, ALL_200, "iati-activities iati-organisation"),
    # The read-only API and its schema: what the pages show each reader; nothing to post.
    **rows(ALL_200, ALL_405, "api:api-root api:schema api:docs"),
    **rows(ALL_200, ALL_405, "api:programme-list api:programme-detail api:project-list"),
    **rows(ALL_200, ALL_405, "api:project-detail api:activity-list api:activity-detail"),
    **rows(ALL_200, ALL_405, "api:news-list api:news-detail api:institution-list"),
    **rows(ALL_200, ALL_405, "api:institution-detail api:country-list api:country-detail"),
    # Django's language switch: answers with a redirect back, whoever asks.
    **rows(ALL_302, ALL_302, "set_language"),
    # An empty POST is a form with errors, for anyone.
    **rows(ALL_200, ALL_200, "login"),
    # Password reset and invitation pages are for anyone (the email goes to the account's
    # address); an empty POST is a form with errors, a bad link a page that says so.
    **rows(ALL_200, ALL_200, "password_reset password_reset_confirm invitation_accept"),
    **rows(ALL_200, ALL_405, "password_reset_done password_reset_complete"),
    # Django 5: GET never signs out; POST does and redirects.
    **rows(ALL_405, ALL_302, "logout"),
    # Anyone signed in: their own work, password and spreadsheets (what the list shows them).
    **rows(SIGNED_IN, ALL_405, "my-work"),
    **rows(SIGNED_IN, SIGNED_IN, "password_change activities:export-csv activities:export-xlsx"),
    **rows(SIGNED_IN, NO_POST, "password_change_done"),
    # Signed in (and verified, as force_login leaves managers): on to set-up, or to the page.
    **rows(SIGNED_IN_302, SIGNED_IN_302, "two-factor-verify"),
    **rows(SIGNED_IN, SIGNED_IN, "two-factor-setup"),
    # POST only; managers deactivate someone (here the team member, rolled back after each).
    **rows(ALL_405, (LOGIN, 403, 403, 403, 302, 302), "deactivate-person"),
    **rows(ALL_200, ALL_405, "privacy"),
    # POST only; managers erase a contact (rolled back after each).
    **rows(ALL_405, (LOGIN, 403, 403, 403, 302, 302), "stakeholders:contact-erase"),
    # The activity form's institution picker searches through it.
    **rows(SIGNED_IN, NO_POST, "stakeholders:lookup", query="?q=justice"),
    # Staff add institutions to the directory and import activities (an empty form comes back
    # with its errors).
    **rows(ON_A_TEAM, ON_A_TEAM, "stakeholders:create activities:import"),
    # An import waiting for confirmation: only whoever uploaded it (the team member) sees it.
    **rows(
        (LOGIN, 200, 404, 403, 404, 404),
        (LOGIN, 302, 404, 403, 404, 404),
        "activities:import-preview",
    ),
    # Managers only.
    **rows(MANAGERS, (LOGIN, 403, 403, 403, 405, 405), "portfolio stakeholders:countries"),
    **rows(MANAGERS, MANAGERS, "stakeholders:country-create"),
    # The team (and managers): the staff forms, the dashboard, the records' history.
    **rows(TEAM, TEAM, "projects:indicator-record activities:update news:update"),
    **rows(TEAM, TEAM, "activities:create news:create", query="?project={project}"),
    **rows(TEAM, (LOGIN, 405, 403, 403, 405, 405), "projects:dashboard"),
    # Spending: the team records, edits and deletes expenditure (an empty form comes back).
    **rows(TEAM, TEAM, "projects:expenditure projects:expenditure-update"),
    **rows(TEAM, (LOGIN, 302, 403, 403, 302, 302), "projects:expenditure-delete"),
    # The period report: the team and managers; a POST keeps the narratives (none here) and
    # comes back; the PDF and the workbook are read-only.
    **rows(
        TEAM,
        (LOGIN, 302, 403, 403, 302, 302),
        "projects:report",
        query="?start=2024-01-01&end=2024-12-31",
    ),
    **rows(TEAM, (LOGIN, 405, 403, 403, 405, 405), "projects:report-pdf projects:report-xlsx"),
    # The team page: the team reads it; managers and project managers change it.
    **rows(TEAM, MANAGERS, "projects:team"),
    # The logframe editor: managers and the team's project managers only (the team reads the
    # logframe on the project page and the dashboard).
    **rows(MANAGERS, MANAGERS, "projects:logframe"),
    # Project set-up: managers create projects; managers and project managers edit them.
    **rows(MANAGERS, MANAGERS, "projects:create projects:update"),
    # Programmes: public pages; managers set them up.
    **rows(ALL_200, ALL_405, "programmes:list programmes:detail"),
    **rows(MANAGERS, MANAGERS, "programmes:create programmes:update"),
    **rows(TEAM, (LOGIN, 302, 403, 403, 302, 302), "activities:delete news:delete"),
    **rows(TEAM, NO_POST, "activities:history news:history"),
    # Restoring a deleted activity (POST only, from its history page): the team and managers.
    **rows(NO_POST, (LOGIN, 302, 403, 403, 302, 302), "activities:restore"),
    # Results: the portfolio's results are public; a project's Results page is the team's, its
    # periods made by managers and project managers (an empty POST is the page again); the team
    # submits a period's values, managers and project managers other than the submitter review
    # them (an empty answer is a return without its required reason: 400).
    **rows(ALL_200, ALL_405, "results:portfolio"),
    **rows(TEAM, (LOGIN, 403, 403, 403, 200, 200), "results:project"),
    **rows(TEAM, TEAM, "results:value-edit"),
    **rows((LOGIN, 405, 403, 403, 405, 405), TEAM_POST_302, "results:submit"),
    **rows((LOGIN, 405, 403, 403, 405, 405), (LOGIN, 403, 403, 403, 400, 400), "results:review"),
    # Pictures and documents: the team adds them (an empty POST says what is missing).
    **rows(TEAM, (LOGIN, 400, 403, 403, 400, 400), "projects:media activities:media news:media"),
    # A public document of a published project, and an internal one (the team's, as if it did
    # not exist for anyone else); both downloads only.
    **rows(ALL_200, ALL_405, "projects:document"),
    **rows((404, 200, 404, 404, 200, 200), ALL_405, "activities:document"),
    # Pictures and renditions (public by nature); nothing to post.
    **rows(ALL_200, ALL_405, "media"),
    # Search engines' map of the public pages (the index and its sections); any method.
    **rows(ALL_200, ALL_200, "sitemap sitemap-section"),
    # A new record's choices for another project (static/js/forms.js); read-only.
    **rows(TEAM, CHOICES_POST, "activities:choices news:choices", query="?project={project_id}"),
}


def url_patterns(patterns=None, prefix="", namespace=None):
    """(route name, namespace, pattern text) of every URL pattern, namespaces included."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield name, namespace, prefix + str(pattern.pattern)


def portal_routes():
    """Route names outside the Django admin; unnamed patterns by their pattern text."""
    return [
        name or f"<unnamed pattern {text!r}>"
        for name, namespace, text in url_patterns()
        if namespace != "admin"
    ]


def test_every_url_pattern_has_a_row_in_the_permission_table():
    routes = portal_routes()
    missing = [route for route in routes if route not in TABLE]
    assert not missing, f"URL patterns without a row in the permission table: {missing}"
    stale = sorted(set(TABLE) - set(routes))
    assert not stale, f"Permission table rows without a URL pattern: {stale}"


def test_the_admin_group_holds_only_the_django_admin():
    admin_patterns = [text for name, namespace, text in url_patterns() if namespace == "admin"]
    assert admin_patterns, "the Django admin is no longer mounted"
    assert all(text.startswith("admin/") for text in admin_patterns)


def test_the_table_names_an_answer_for_each_persona():
    for route, row in TABLE.items():
        assert len(row.get) == len(PERSONAS), route
        assert len(row.post) == len(PERSONAS), route


# The data every URL is filled from.


@dataclass
class World:
    project: Project
    activity: Activity
    story: NewsItem
    institution: object
    indicator: object
    activity_import: ActivityImport
    users: dict
    picture: object = None
    public_document: object = None
    internal_document: object = None
    deleted_activity: int = None
    expenditure: object = None


@pytest.fixture
def world(project, team_member, outsider, no_team, manager, admin_user, media_root):
    project.programme = factories.ProgrammeFactory()
    project.save()
    objective = factories.ObjectiveFactory(project=project)
    institution = factories.InstitutionFactory(name="Ministry of Justice")
    factories.PartnerFactory(project=project, institution=institution)
    factories.ContactFactory(institution=institution)
    activity = factories.ActivityFactory(
        project=project, objectives=[objective], institutions=[institution]
    )
    deleted = factories.ActivityFactory(project=project, title="Deleted by mistake")
    deleted_pk = deleted.pk
    services.record_delete(deleted, user=team_member)
    picture = ProjectPicture(project=project, alt_text="A courtroom")
    picture.image.save("court.jpg", ContentFile(image_bytes((20, 10))))
    public = ProjectDocument(project=project, title="Report", kind="report", is_internal=False)
    public.file.save("report.pdf", ContentFile(PDF_BYTES))
    internal = ActivityDocument(activity=activity, title="Participants", kind="participants")
    internal.file.save("participants.pdf", ContentFile(PDF_BYTES))
    return World(
        picture=picture,
        public_document=public,
        internal_document=internal,
        deleted_activity=deleted_pk,
        expenditure=Expenditure.objects.create(
            project=project, date=project.start_date, amount=100, category="travel"
        ),
        project=project,
        activity=activity,
        story=factories.NewsItemFactory(project=project, activity=activity),
        institution=institution,
        indicator=factories.IndicatorFactory(objective=objective),
        activity_import=factories.ActivityImportFactory(user=team_member, project=project),
        users={
            "visitor": None,
            "team_member": team_member,
            "outsider": outsider,
            "no_team": no_team,
            "manager": manager,
            "admin": admin_user,
        },
    )


RECORD_PAGES = ("detail", "update", "delete", "history")


def url_for(route, world):
    """The route's address, its arguments taken from the world's records."""
    namespace, _, name = route.rpartition(":")
    kwargs = {}
    if route == "media":
        return world.picture.image.url
    if route == "sitemap-section":
        return reverse(route, kwargs={"section": "projects"})
    if route == "projects:document":
        return world.public_document.get_absolute_url()
    if route == "activities:document":
        return world.internal_document.get_absolute_url()
    if route == "projects:indicator-record":
        kwargs = {"slug": world.project.slug, "pk": world.indicator.pk}
    elif route in ("projects:expenditure-update", "projects:expenditure-delete"):
        kwargs = {"slug": world.project.slug, "pk": world.expenditure.pk}
    elif route == "results:value-edit":
        value = factories.IndicatorValueFactory(indicator=world.indicator)
        kwargs = {"slug": world.project.slug, "pk": value.pk}
    elif route in ("results:submit", "results:review"):
        period = period_for(world.project.pk, world.project.start_date)
        kwargs = {"slug": world.project.slug, "pk": period.pk}
    elif route == "results:project" or (
        namespace == "projects" and name not in ("list", "lookup", "create")
    ):
        kwargs = {"slug": world.project.slug}
    elif route == "activities:restore":
        kwargs = {"pk": world.deleted_activity}
    elif route == "stakeholders:contact-erase":
        kwargs = {"pk": factories.ContactFactory(institution=world.institution).pk}
    elif route == "deactivate-person":
        kwargs = {"pk": world.users["team_member"].pk}
    elif namespace == "activities" and name in (*RECORD_PAGES, "media"):
        kwargs = {"pk": world.activity.pk}
    elif namespace == "news" and name in (*RECORD_PAGES, "media"):
        kwargs = {"slug": world.story.slug}
    elif route == "activities:import-preview":
        kwargs = {"pk": world.activity_import.pk}
    elif route in ("programmes:detail", "programmes:update"):
        kwargs = {"slug": factories.ProgrammeFactory(name="The table's programme").slug}
    elif route in ("password_reset_confirm", "invitation_accept"):
        kwargs = {"uidb64": "MQ", "token": "0-not-a-token"}
    elif route == "stakeholders:detail":
        kwargs = {"slug": world.institution.slug}
    elif namespace == "api" and name.endswith("-detail"):
        kwargs = {
            "api:programme-detail": {"slug": world.project.programme.slug},
            "api:project-detail": {"slug": world.project.slug},
            "api:activity-detail": {"pk": world.activity.pk},
            "api:news-detail": {"slug": world.story.slug},
            "api:institution-detail": {"slug": world.institution.slug},
            "api:country-detail": {"code": world.institution.country.code},
        }[route]
    return reverse(route, kwargs=kwargs) + TABLE[route].query.format(
        project=world.project.slug, project_id=world.project.pk
    )


def answer(response):
    """The status, or "login" for a redirect to the sign-in page that comes back afterwards."""
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse("login") + "?next="):
        return LOGIN
    return response.status_code


def answers(route, method, world):
    """What each persona gets; each request's changes are rolled back before the next one."""
    url = url_for(route, world)
    got = {}
    for persona in PERSONAS:
        client = signed_in(world.users[persona])
        with transaction.atomic():
            response = getattr(client, method)(url)
            got[persona] = answer(response)
            if response.streaming:  # a download streams its file: read to the end, it closes
                b"".join(response.streaming_content)
            transaction.set_rollback(True)
    return got


@pytest.mark.parametrize("route", sorted(TABLE))
@pytest.mark.parametrize("method", ["get", "post"])
def test_each_persona_gets_the_answer_the_table_gives(route, method, world):
    expected = dict(zip(PERSONAS, getattr(TABLE[route], method), strict=True))
    got = answers(route, method, world)
    wrong = {p: f"expected {expected[p]}, got {got[p]}" for p in PERSONAS if got[p] != expected[p]}
    assert not wrong, f"{method.upper()} {url_for(route, world)}: {wrong}"


ALLOWED_TO_SAVE = {"team_member", "manager", "admin"}


def staff_posts(world):
    """A valid POST to each staff form that saves or deletes: (url, data, has it taken effect?).

    Creations and edits first, deletions last (the story before the activity it is about), so
    that each one is valid when it is sent.
    """
    project, indicator = world.project, world.indicator
    saves, deletions = [], []
    for app, record, key, new_data, edit_data in [
        ("activities", world.activity, world.activity.pk, activity_data, activity_edit_data),
        ("news", world.story, world.story.slug, news_data, news_edit_data),
    ]:
        rows = type(record).objects
        saves.append(
            (
                reverse(f"{app}:create") + f"?project={project.slug}",
                new_data(project, title="Planted"),
                rows_exist(rows.filter(title="Planted")),
            )
        )
        saves.append(
            (
                reverse(f"{app}:update", args=[key]),
                edit_data(record, title="Hijacked"),
                rows_exist(rows.filter(pk=record.pk, title="Hijacked")),
            )
        )
        deletions.insert(
            0,
            (
                reverse(f"{app}:delete", args=[key]),
                {},
                rows_exist(rows.filter(pk=record.pk), False),
            ),
        )
    record_value = (
        reverse("projects:indicator-record", kwargs={"slug": project.slug, "pk": indicator.pk}),
        {"date": "2024-01-01", "value": "99"},
        rows_exist(IndicatorValue.objects.filter(indicator=indicator, value=99)),
    )
    return [*saves, record_value, *deletions]


def rows_exist(rows, expected=True):
    """A check that the POST took effect: `rows` exist (or, for a deletion, are gone)."""
    return lambda: rows.exists() == expected


def record_counts():
    return (Activity.objects.count(), NewsItem.objects.count(), IndicatorValue.objects.count())


@pytest.mark.parametrize("persona", PERSONAS)
def test_valid_staff_form_posts_take_effect_for_the_team_managers_and_admins_only(world, persona):
    """The table's POSTs are empty; these forms are complete. A refused one changes nothing."""
    client = signed_in(world.users[persona])
    allowed = persona in ALLOWED_TO_SAVE
    expected = 302 if allowed else LOGIN if persona == "visitor" else 403
    counts = record_counts()
    for url, data, taken_effect in staff_posts(world):
        assert answer(client.post(url, data)) == expected, url
        assert taken_effect() == allowed, url
    if not allowed:
        assert record_counts() == counts


def test_a_team_member_may_log_activities_only_for_projects_on_their_team(world):
    """Without ?project= the form opens for anyone on a team; the project list is theirs only."""
    outsider = signed_in(world.users["outsider"])
    page = outsider.get(reverse("activities:create"))
    assert page.status_code == 200
    assert world.project.title not in page.content.decode()
    response = outsider.post(
        reverse("activities:create"),
        {"project": world.project.pk, "kind": "training", "title": "Planted"},
    )
    assert response.status_code == 200
    assert "project" in response.context["form"].errors
    assert not Activity.objects.filter(title="Planted").exists()
    no_team = signed_in(world.users["no_team"])
    assert no_team.get(reverse("activities:create")).status_code == 403
    assert no_team.get(reverse("news:create")).status_code == 403


# Drafts: a 404 to anyone who may not read them (not a 403, which would confirm they exist).


STAFF_PAGES = ("update", "delete", "history")


@pytest.fixture
def drafts(world):
    draft = factories.ProjectFactory(title="Secret draft project", is_published=False)
    draft_team_member = factories.MembershipFactory(project=draft).user
    activity = factories.ActivityFactory(project=draft)
    unpublished_story = factories.NewsItemFactory(
        project=world.project, title="Unpublished story", is_published=False
    )
    return {
        "draft_team_member": draft_team_member,
        "urls": [
            reverse("projects:detail", args=[draft.slug]),
            reverse("projects:iati", args=[draft.slug]),
            reverse("projects:feed", args=[draft.slug]),
            reverse("projects:calendar", args=[draft.slug]),
            reverse("activities:detail", args=[activity.pk]),
            reverse("news:detail", args=[factories.NewsItemFactory(project=draft).slug]),
        ],
        "draft_story_url": reverse("news:detail", args=[unpublished_story.slug]),
        # The staff pages of an activity of the draft project and of an unpublished story.
        "staff_urls": [
            *(reverse(f"activities:{page}", args=[activity.pk]) for page in STAFF_PAGES),
            *(reverse(f"news:{page}", args=[unpublished_story.slug]) for page in STAFF_PAGES),
        ],
    }


@pytest.mark.parametrize("persona", ["visitor", "team_member", "outsider", "no_team"])
def test_draft_project_pages_are_not_found_by_anyone_off_its_team(world, drafts, persona):
    client = signed_in(world.users[persona])
    for url in drafts["urls"]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("persona", ["outsider", "no_team"])
def test_staff_pages_of_drafts_are_not_found_by_those_signed_in_off_the_team(
    world, drafts, persona
):
    """A 404, as for the published pages: the table's 403 would confirm that the record exists."""
    client = signed_in(world.users[persona])
    for url in drafts["staff_urls"]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("persona", ["draft_team_member", "manager", "admin"])
def test_draft_project_pages_open_for_its_team_and_managers(world, drafts, persona):
    user = drafts[persona] if persona == "draft_team_member" else world.users[persona]
    client = signed_in(user)
    # The project feed is public by nature: published projects only, even for the team.
    for url in [u for u in drafts["urls"] if not u.endswith("/feed/")]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("visitor", 404),
        ("outsider", 404),
        ("no_team", 404),
        ("team_member", 200),
        ("manager", 200),
    ],
)
def test_an_unpublished_story_is_read_only_by_its_team_and_managers(world, drafts, persona, status):
    response = signed_in(world.users[persona]).get(drafts["draft_story_url"])
    assert response.status_code == status
    if status == 200:
        assert "Unpublished story" in response.content.decode()


# The Django admin, as one group: staff only, the rest go to the admin's sign-in page.


def admin_urls():
    return [reverse("admin:index")] + [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_django_admin_opens_for_admins_only(world, persona):
    client = signed_in(world.users[persona])
    for url in admin_urls():
        response = client.get(url)
        if persona == "admin":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("admin:login")), url


def test_a_manager_cannot_delete_through_the_django_admin(world):
    """Managers work through the portal's forms; the admin is for superusers only."""
    client = signed_in(world.users["manager"])
    url = reverse("admin:projects_project_delete", args=[world.project.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert Project.objects.filter(pk=world.project.pk).exists()


# CSRF: the test client skips the check unless asked; a browser without the token is refused.


def test_a_post_without_the_csrf_token_is_refused(world):
    client = signed_in(world.users["team_member"], enforce_csrf_checks=True)
    counts = record_counts()
    for url, data, taken_effect in staff_posts(world):
        assert client.post(url, data).status_code == 403, url
        assert not taken_effect(), url
    assert record_counts() == counts
    visitor = Client(enforce_csrf_checks=True)
    assert visitor.post(reverse("login"), {"username": "x", "password": "y"}).status_code == 403


def test_a_post_with_the_csrf_token_from_the_form_goes_through(world):
    client = signed_in(world.users["team_member"], enforce_csrf_checks=True)
    url = reverse("activities:delete", args=[world.activity.pk])
    page = client.get(url)
    token = page.context["csrf_token"]
    response = client.post(url, {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    assert not Activity.objects.filter(pk=world.activity.pk).exists()
