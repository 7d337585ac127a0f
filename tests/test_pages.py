"""Home, search and the base layout (hostile query strings: tests/test_hostile_input.py)."""

import datetime
import re

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from config.views import RESULTS_PER_TYPE
from core import cache
from results.figures import PORTAL_FIGURES
from tests import factories
from tests.helpers import missing


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def portal(db):
    """Two published projects (one ongoing, one over), a draft, activities and news."""
    ongoing = factories.ProjectFactory(title="Prisons project")
    over = factories.ProjectFactory(
        title="Courts project", start_date=days(-900), end_date=days(-400)
    )
    draft = factories.ProjectFactory(title="Draft project", is_published=False)
    ministry = factories.InstitutionFactory(name="Ministry of Justice")
    factories.InstitutionFactory(name="Unrelated Agency")
    factories.PartnerFactory(project=ongoing, institution=ministry)
    factories.FundingFactory(project=over, funder=factories.InstitutionFactory(name="Donor"))
    factories.ActivityFactory(
        project=ongoing,
        title="Prison visit",
        participants_total=20,
        institutions=[factories.InstitutionFactory(name="Prison")],
    )
    factories.ActivityFactory(project=over, participants_total=19)
    factories.ActivityFactory(
        project=ongoing,
        status="planned",
        participants_total=99,
        start_date=days(10),
        end_date=days(10),
    )
    factories.ActivityFactory(
        project=draft,
        title="Prison draft training",
        participants_total=500,
        institutions=[factories.InstitutionFactory(name="Secret")],
    )
    factories.NewsItemFactory(project=ongoing, title="Prison staff trained", published_on=days(-2))
    factories.NewsItemFactory(project=over, title="Judges met", published_on=days(-5))
    factories.NewsItemFactory(project=ongoing, title="Unpublished story", is_published=False)
    factories.NewsItemFactory(project=draft, title="Story of a draft")
    factories.NewsItemFactory(project=ongoing, title="Tomorrow's story", published_on=days(1))
    return ongoing


def figures(page):
    found = re.findall(
        r'figure-value d-block">([^<]+)</span>\s*<span class="figure-label">([^<]+)<', page
    )
    return {label: value for value, label in found}


def test_home_shows_key_figures_from_published_data_only(client, portal):
    page = client.get("/").content.decode()
    assert figures(page) == {
        "projects": "2",
        "activities held": "2",
        "people trained": "39",
        "institutions engaged": "3",
    }


def test_home_lists_ongoing_projects_and_latest_published_news(client, portal):
    page = client.get("/").content.decode()
    ongoing = page[page.index('id="ongoing-heading"') : page.index('id="news-heading"')]
    assert "Prisons project" in ongoing
    assert "Courts project" not in ongoing
    news = page[page.index('id="news-heading"') :]
    story = portal.news.get(title="Prison staff trained")
    assert f'href="{story.get_absolute_url()}"' in news
    assert news.index("Prison staff trained") < news.index("Judges met")
    for hidden in (
        "Unpublished story",
        "Story of a draft",
        "Tomorrow&#x27;s story",
        "Draft project",
    ):
        assert hidden not in page


def test_home_lists_the_six_latest_ongoing_projects_and_links_to_all_of_them(client, db):
    for number in range(8):
        factories.ProjectFactory(
            title=f"Ongoing {number}", start_date=days(-100 + number), end_date=days(100)
        )

    page = client.get("/").content.decode()
    ongoing = page[page.index('id="ongoing-heading"') : page.index('id="news-heading"')]

    assert [n for n in range(8) if f"Ongoing {n}<" in ongoing] == [2, 3, 4, 5, 6, 7]
    assert '<a href="/projects/?status=ongoing">All 8 ongoing projects</a>' in ongoing


def test_home_figures_group_thousands(client, db):
    factories.ActivityFactory(participants_total=1234)
    assert figures(client.get("/").content.decode())["people trained"] == "1,234"


def test_a_save_computes_homes_figures_and_map_so_the_next_visitor_waits_for_neither(client, db):
    project = factories.ProjectFactory()
    factories.ActivityFactory(project=project, participants_total=3)
    assert figures(client.get("/").content.decode())["people trained"] == "3"

    factories.ActivityFactory(project=project, participants_total=4)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()

    assert figures(page)["people trained"] == "7"
    assert "Activities and projects by country or territory" in page
    sums = [q["sql"] for q in queries if "SUM(" in q["sql"] or "GROUP BY" in q["sql"]]
    assert sums == []


@pytest.mark.parametrize("rows", [5, 50])
def test_home_queries_do_not_grow_with_rows(client, db, rows, django_assert_max_num_queries):
    for n in range(rows):
        project = factories.ProjectFactory(title=f"Ongoing {n}")
        factories.NewsItemFactory(project=project)
        factories.ActivityFactory(project=project, participants_total=3)
    # Figures, lists, the stories with pictures and the map's countries (two: the activities'
    # links grouped by country, then the countries): twelve at most.
    with django_assert_max_num_queries(12):
        response = client.get("/")
    assert figures(response.content.decode())["people trained"] == f"{3 * rows:,}"


# The layout


def test_layout_has_landmarks_skip_link_and_labelled_search(client, db):
    page = client.get("/").content.decode()
    assert 'href="#main">Skip to main content</a>' in page
    assert '<main id="main"' in page and "<header>" in page and "<footer" in page
    assert 'aria-label="Main navigation"' in page
    assert '<label for="nav-search"' in page
    assert 'href="/static/css/print.css" media="print"' in page
    assert 'data-text-size="up"' in page and 'data-text-size="down"' in page
    for name in ("projects:list", "activities:list", "news:list", "stakeholders:list"):
        assert f'href="{reverse(name)}"' in page


def test_layout_has_no_inline_script_or_style(client, portal):
    for url in (
        "/",
        "/projects/",
        portal.get_absolute_url(),
        "/stakeholders/",
        "/search/?q=prison",
    ):
        page = client.get(url).content.decode()
        assert " style=" not in page, url
        assert "<style" not in page, url
        # Data for the scripts comes in JSON blocks (json_script), which are not scripts.
        assert (
            re.findall(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", page) == []
        ), url
        assert " onclick=" not in page, url


def test_visitors_get_a_sign_in_link_and_no_staff_links(client, db):
    page = client.get("/").content.decode()
    assert f'href="{reverse("login")}?next=/"' in page
    assert reverse("my-work") not in page
    assert 'href="/dashboard/"' not in page


def test_signed_in_team_member_gets_my_work_and_a_sign_out_form_but_no_dashboard(
    client, team_member
):
    client.force_login(team_member)
    page = client.get("/").content.decode()
    assert f'href="{reverse("my-work")}"' in page
    assert f'action="{reverse("logout")}" method="post"' in page
    assert 'href="/dashboard/"' not in page


def test_managers_get_the_portfolio_dashboard_link(client, manager):
    client.force_login(manager)
    assert 'href="/dashboard/">Dashboard</a>' in client.get("/").content.decode()


def test_current_section_is_marked_in_the_navigation(client, db):
    page = client.get("/projects/").content.decode()
    assert 'href="/projects/" aria-current="page"' in page


def test_breadcrumbs_lead_home(client, project):
    page = client.get(project.get_absolute_url()).content.decode()
    crumbs = page[page.index('aria-label="Breadcrumb"') :]
    assert '<a href="/">Home</a>' in crumbs
    assert '<a href="/projects/">Projects</a>' in crumbs
    assert f'aria-current="page">{project.title}</li>' in crumbs


# Search


def test_search_groups_matches_by_type_and_respects_visibility(client, portal):
    factories.InstitutionFactory(name="Prison Service of Ireland")
    page = unmarked(client.get("/search/?q=prison"))
    for heading in (
        "results-projects",
        "results-activities",
        "results-news",
        "results-institutions",
    ):
        assert f'id="{heading}"' in page
    assert f'href="{portal.get_absolute_url()}">Prisons project</a>' in page
    assert "Prison staff trained" in page
    assert "Prison Service of Ireland" in page
    assert "Draft project" not in page
    assert "Prison draft training" not in page


def test_search_does_not_reveal_drafts(client, db):
    factories.ProjectFactory(title="Confidential prison plan", is_published=False)
    factories.NewsItemFactory(title="Prison story draft", is_published=False)
    page = client.get("/search/?q=prison").content.decode()
    assert "Confidential prison plan" not in page
    assert "Prison story draft" not in page
    assert "0 results" in page


def test_search_ranks_the_best_match_first(client, db):
    factories.ProjectFactory(title="Monitoring", summary="Once mentions prisoners.")
    factories.ProjectFactory(title="Prisoners and prisons", summary="Prisoners, prison staff.")
    page = unmarked(client.get("/search/?q=prisoner"))
    assert page.index("Prisoners and prisons") < page.index("Monitoring")


def test_search_finds_an_edited_record_by_its_new_words_only(client, db, settings):
    settings.PAGE_CACHE = False
    activity = factories.ActivityFactory(title="Warden workshop", description="Rules of detention")
    story = factories.NewsItemFactory(title="Opening day", body="Inspectors met wardens.")
    activity.title, activity.description = "Probation seminar", "Alternatives to custody"
    activity.save()
    story.body = "Judges met probation officers."
    story.save()

    old = unmarked(client.get("/search/?q=warden"))
    new = unmarked(client.get("/search/?q=probation"))

    assert "Probation seminar" not in old and "Opening day" not in old
    assert "Probation seminar" in new and "Opening day" in new


def test_search_results_are_bounded_per_type(client, db):
    for n in range(RESULTS_PER_TYPE + 3):
        factories.InstitutionFactory(name=f"Prison {n}")
    page = client.get("/search/?q=prison").content.decode()
    assert page.count('href="/stakeholders/prison-') == RESULTS_PER_TYPE
    assert f"Only the first {RESULTS_PER_TYPE} are shown" in page


def test_empty_search_shows_the_form_without_results(client, db):
    response = client.get("/search/?q=")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert "results for" not in response.content.decode()


def test_overlong_search_is_a_form_error(client, db):
    response = client.get("/search/", {"q": "x" * 201})
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in response.content.decode()


def test_search_terms_are_escaped(client, db):
    page = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("rows", [5, 50])
def test_search_queries_do_not_grow_with_rows(client, db, rows, django_assert_max_num_queries):
    for n in range(rows):
        project = factories.ProjectFactory(title=f"Prison project {n}")
        factories.ActivityFactory(project=project, title=f"Prison training {n}")
        factories.NewsItemFactory(project=project, title=f"Prison news {n}")
        factories.InstitutionFactory(name=f"Prison {n}")
    with django_assert_max_num_queries(8):
        response = client.get("/search/?q=prison")
    assert "Prison project 0" in response.content.decode()


def test_breadcrumb_trail_can_be_built_in_a_template(rf):
    from django.template import Context, Template

    template = Template(
        "{% load portal_tags %}{% trail 'News' '/news/' title '' as crumbs %}"
        '{% include "includes/_breadcrumbs.html" with crumbs=crumbs %}'
    )
    html = template.render(Context({"title": "<b>Story</b>"}))
    assert '<a href="/news/">News</a>' in html
    assert 'aria-current="page">&lt;b&gt;Story&lt;/b&gt;</li>' in html


def test_funders_of_drafts_are_not_offered_as_filters_to_visitors(client, db):
    draft = factories.ProjectFactory(is_published=False)
    factories.FundingFactory(project=draft, funder=factories.InstitutionFactory(name="Quiet Donor"))
    factories.FundingFactory(funder=factories.InstitutionFactory(name="Open Donor"))
    page = client.get("/projects/").content.decode()
    assert "Open Donor" in page
    assert "Quiet Donor" not in page


# On the demo data (the two seed pages)


def test_demo_home_figures_match_the_records(client, demo):
    from activities.models import Activity
    from projects.models import Project

    held = list(Activity.objects.visible().held())
    page = client.get("/").content.decode()
    assert figures(page)["projects"] == str(Project.objects.published().count())
    assert figures(page)["activities held"] == str(len(held))
    assert figures(page)["people trained"] == str(sum(a.participants_total or 0 for a in held))
    assert "Council of Europe enhances skills of mental healthcare professionals" in page


def test_demo_search_finds_the_study_visit_and_its_story(client, demo):
    page = unmarked(client.get("/search/?q=forensic"))
    assert (
        missing(
            page,
            "Study visit to Ireland on forensic mental health",
            "Enhancing the knowledge of Prison Administration officials on forensic",
            'id="results-institutions"',
        )
        == []
    )


def test_demo_institution_page_lists_projects_and_activities(client, demo):
    page = client.get("/stakeholders/prison-administration-serbia/").content.decode()
    assert 'href="/stakeholders/ministry-of-justice-serbia/">Ministry of Justice</a>' in page
    assert "Enhancing human rights protection for detained and sentenced persons" in page
    assert "Study visit to Ireland on forensic mental health" in page
    assert "Dejan Carevic" not in page


def unmarked(response):
    """A search page's text without the <mark>s around the words found (core/highlight.py)."""
    return re.sub(r"</?mark>", "", response.content.decode())


def test_a_new_partner_or_funder_counts_among_homes_institutions_engaged_at_once(client, db):
    project = factories.ProjectFactory()
    ministry, donor = factories.InstitutionFactory(), factories.InstitutionFactory()
    assert figures(client.get("/").content.decode())["institutions engaged"] == "0"

    factories.PartnerFactory(project=project, institution=ministry)
    assert figures(client.get("/").content.decode())["institutions engaged"] == "1"
    factories.FundingFactory(project=project, funder=donor)
    assert figures(client.get("/").content.decode())["institutions engaged"] == "2"


def test_a_save_retires_home_even_when_its_figures_cannot_be_computed(client, db, monkeypatch):
    project = factories.ProjectFactory()
    factories.ActivityFactory(project=project, participants_total=3)
    client.get("/")

    def broken():
        raise DatabaseError("the database went away")

    compute, scopes = cache.PRECOMPUTED[PORTAL_FIGURES]
    monkeypatch.setitem(cache.PRECOMPUTED, PORTAL_FIGURES, (broken, scopes))
    factories.ActivityFactory(project=project, participants_total=4)
    monkeypatch.setitem(cache.PRECOMPUTED, PORTAL_FIGURES, (compute, scopes))

    assert figures(client.get("/").content.decode())["people trained"] == "7"
