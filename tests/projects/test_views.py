import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import NewsItem
from projects.models import ProjectPartner
from projects.views import NEWS_ON_PROJECT_PAGE
from tests import factories

LIST = "/projects/"


def today():
    return timezone.localdate()


@pytest.fixture
def full_project(db):
    """A published project with every part of its page filled in."""
    programme = factories.ProgrammeFactory(name="Horizontal Facility")
    earlier = factories.ProjectFactory(
        title="Phase One",
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2018, 12, 31),
    )
    project = factories.ProjectFactory(
        title="Human rights in prisons",
        programme=programme,
        phase="Phase II",
        predecessor=earlier,
        start_date=datetime.date(2019, 5, 24),
        end_date=today() + datetime.timedelta(days=400),
        budget=Decimal("900000"),
        description="The long description.",
        target_groups="Prison staff",
        end_beneficiaries="Detained persons",
        key_standards="European Convention on Human Rights\nCPT standards",
        countries=[factories.CountryFactory(code="RS"), factories.CountryFactory(code="IE")],
    )
    factories.ProjectFactory(title="Phase Three", predecessor=project)
    factories.FundingFactory(
        project=project,
        funder=factories.InstitutionFactory(name="European Union", kind="donor"),
        kind="eu",
        amount=Decimal("810000"),
    )
    factories.FundingFactory(
        project=project,
        funder=factories.InstitutionFactory(
            name="Council of Europe", kind="international", country=None
        ),
        kind="coe",
        amount=Decimal("90000"),
    )
    factories.PartnerFactory(
        project=project,
        role=ProjectPartner.Role.BENEFICIARY,
        institution=factories.InstitutionFactory(name="Ministry of Justice"),
    )
    factories.PartnerFactory(
        project=project,
        role=ProjectPartner.Role.IMPLEMENTING,
        institution=factories.InstitutionFactory(name="Ombudsperson Office"),
    )
    objective = factories.ObjectiveFactory(project=project, code="1", title="Safeguards improved")
    factories.ObjectiveFactory(project=project, code="2", title="Prisoners reintegrated")
    factories.ActivityFactory(
        project=project, title="Training of prison managers", objectives=[objective]
    )
    factories.ActivityFactory(
        project=project,
        title="Study visit to Ireland",
        status="planned",
        start_date=today() + datetime.timedelta(days=20),
        end_date=today() + datetime.timedelta(days=21),
    )
    factories.NewsItemFactory(project=project, title="Prison managers trained")
    factories.NewsItemFactory(project=project, title="Secret draft story", is_published=False)
    return project


def test_visitor_sees_published_projects_but_not_drafts(client, db):
    factories.ProjectFactory(title="Open project")
    factories.ProjectFactory(title="Hidden draft", is_published=False)
    page = client.get(LIST).content.decode()
    assert "Open project" in page
    assert "Hidden draft" not in page
    assert "1 project" in page


def test_team_member_sees_their_draft_in_the_list(client, db):
    draft = factories.ProjectFactory(title="Our draft", is_published=False)
    member = factories.MembershipFactory(project=draft).user
    client.force_login(member)
    assert "Our draft" in client.get(LIST).content.decode()


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("status=planned", "Future project", "Past project"),
        ("status=completed", "Past project", "Future project"),
        ("country=AL", "Future project", "Past project"),
        ("programme=horizontal-facility", "Past project", "Future project"),
        ("funder=norway-grants", "Future project", "Past project"),
        ("year=2015", "Past project", "Future project"),
        ("q=prisons", "Past project", "Future project"),
    ],
)
def test_filters_narrow_the_project_list(client, db, query, shown, hidden):
    factories.ProjectFactory(
        title="Past project",
        summary="About prisons.",
        programme=factories.ProgrammeFactory(name="Horizontal Facility"),
        start_date=datetime.date(2014, 1, 1),
        end_date=datetime.date(2016, 1, 1),
    )
    future = factories.ProjectFactory(
        title="Future project",
        summary="About courts.",
        start_date=today() + datetime.timedelta(days=30),
        end_date=today() + datetime.timedelta(days=900),
        countries=[factories.CountryFactory(code="AL")],
    )
    factories.FundingFactory(
        project=future, funder=factories.InstitutionFactory(name="Norway Grants", kind="donor")
    )
    page = client.get(f"{LIST}?{query}").content.decode()
    assert shown in page
    assert hidden not in page


def test_projects_can_be_sorted_by_title(client, db):
    factories.ProjectFactory(title="Bravo")
    factories.ProjectFactory(title="Alpha")
    factories.ProjectFactory(title="Charlie")
    page = client.get(f"{LIST}?ordering=-title").content.decode()
    assert page.index("Charlie") < page.index("Bravo") < page.index("Alpha")


def test_an_invalid_filter_answers_400_with_the_error_and_no_results(client, db):
    factories.ProjectFactory(title="Some project")
    response = client.get(f"{LIST}?country=ZZ")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Some filters are not valid" in page
    assert "Select a valid choice" in page
    assert "Some project" not in page


def test_pages_beyond_the_end_or_not_numbers_are_404(client, db):
    for n in range(25):
        factories.ProjectFactory(title=f"Project number {n}")
    assert client.get(f"{LIST}?page=2").status_code == 200
    assert client.get(f"{LIST}?page=3").status_code == 404
    assert client.get(f"{LIST}?page=abc").status_code == 404
    assert client.get(f"{LIST}?page=99999999999999999999999").status_code == 404


def test_pagination_links_keep_the_filters(client, db):
    for n in range(25):
        factories.ProjectFactory(title=f"Project number {n}")
    page = client.get(f"{LIST}?status=ongoing").content.decode()
    assert "?status=ongoing&amp;page=2" in page


@pytest.mark.parametrize("rows", [5, 50])
def test_project_list_queries_do_not_grow_with_rows(
    client, db, rows, django_assert_max_num_queries
):
    programme = factories.ProgrammeFactory(name="Programme")
    countries = [factories.CountryFactory(code="RS"), factories.CountryFactory(code="AL")]
    for n in range(rows):
        factories.ProjectFactory(title=f"Row {n}", programme=programme, countries=countries)
    with django_assert_max_num_queries(12):
        response = client.get(LIST)
    assert response.status_code == 200
    assert "Row 0" in response.content.decode()


def test_project_page_shows_the_facts(client, full_project):
    page = client.get(full_project.get_absolute_url()).content.decode()
    assert "<h1>Human rights in prisons</h1>" in page
    assert "24 May 2019" in page
    assert f"{full_project.duration_months} months" in page
    assert "Ongoing" in page
    assert "900,000 EUR" in page
    assert "European Union" in page and "810,000 EUR" in page and "EU contribution" in page
    assert "90,000 EUR" in page
    assert "Horizontal Facility" in page and "Phase II" in page
    assert "Serbia, Ireland" in page or "Ireland, Serbia" in page
    assert "Prison staff" in page and "Detained persons" in page
    assert "<li>CPT standards</li>" in page
    assert "The long description." in page


def test_project_page_links_predecessor_and_successor(client, full_project):
    page = client.get(full_project.get_absolute_url()).content.decode()
    assert 'href="/projects/phase-one/">Phase One</a>' in page
    assert 'href="/projects/phase-three/">Phase Three</a>' in page


def test_project_page_groups_partners_by_role_and_links_them(client, full_project):
    page = client.get(full_project.get_absolute_url()).content.decode()
    implementing = page.index("Implementing partner")
    beneficiary = page.index("Beneficiary institution")
    assert implementing < page.index("Ombudsperson Office") < beneficiary
    assert beneficiary < page.index("Ministry of Justice")
    assert 'href="/stakeholders/ministry-of-justice/"' in page


def test_project_page_shows_the_logframe_with_its_activities(client, full_project):
    page = client.get(full_project.get_absolute_url()).content.decode()
    activity = full_project.activities.get(title="Training of prison managers")
    assert 'id="objective-1"' in page and 'id="objective-2"' in page
    assert page.index("Safeguards improved") < page.index("Prisoners reintegrated")
    section = page[page.index('id="objective-1"') : page.index('id="objective-2"')]
    assert f'href="{reverse("activities:detail", args=[activity.pk])}"' in section
    assert "Specific objective 1" in section


def test_project_page_lists_an_objectives_five_latest_activities_and_links_to_all(client, db):
    project = factories.ProjectFactory()
    objective = factories.ObjectiveFactory(project=project, code="1")
    factories.trainings_serving(objective, 12)

    page = client.get(project.get_absolute_url()).content.decode()
    section = page[page.index('id="objective-1"') : page.index('id="news-heading"')]

    assert "Training 06" not in section
    assert section.index("Training 07") < section.index("Training 11")
    url = f"/activities/?project={project.slug}&amp;objective={objective.pk}"
    assert f'<a href="{url}">All 12 activities of this objective</a>' in section


def test_project_page_lists_published_news_and_upcoming_activities(client, full_project):
    page = client.get(full_project.get_absolute_url()).content.decode()
    story = full_project.news.get(title="Prison managers trained")
    assert f'href="{reverse("news:detail", args=[story.slug])}"' in page
    assert "Read more" in page
    assert "Secret draft story" not in page
    upcoming = page[page.index("Upcoming activities") :]
    assert "Study visit to Ireland" in upcoming
    assert "Training of prison managers" not in upcoming


def test_project_page_links_its_feed_and_calendar(client, full_project):
    page = client.get(full_project.get_absolute_url()).content.decode()
    assert reverse("projects:feed", args=[full_project.slug]) in page
    assert reverse("projects:calendar", args=[full_project.slug]) in page


def test_draft_project_is_readable_by_its_team_and_managers(client, manager):
    draft = factories.ProjectFactory(title="Draft in progress", is_published=False)
    member = factories.MembershipFactory(project=draft).user
    for user in (member, manager):
        client.force_login(user)
        page = client.get(draft.get_absolute_url()).content.decode()
        assert "Draft in progress" in page
        assert "Draft: not visible to the public" in page


def test_dashboard_link_shows_to_team_and_managers_only(
    client, project, team_member, manager, outsider
):
    dashboard = reverse("projects:dashboard", args=[project.slug])
    assert dashboard not in client.get(project.get_absolute_url()).content.decode()
    client.force_login(outsider)
    assert dashboard not in client.get(project.get_absolute_url()).content.decode()
    for user in (team_member, manager):
        client.force_login(user)
        assert dashboard in client.get(project.get_absolute_url()).content.decode()


def test_predecessor_that_is_a_draft_is_not_linked_for_visitors(client, db):
    draft = factories.ProjectFactory(title="Unpublished ancestor", is_published=False)
    project = factories.ProjectFactory(predecessor=draft)
    assert "Unpublished ancestor" not in client.get(project.get_absolute_url()).content.decode()


def test_markup_in_project_text_is_escaped(client, db):
    project = factories.ProjectFactory(
        title="<script>alert(1)</script>", summary="<b>bold</b>", target_groups="<img src=x>"
    )
    page = client.get(project.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page
    assert "<img src=x>" not in page


@pytest.mark.parametrize("rows", [5, 50])
def test_project_page_queries_do_not_grow_with_rows(
    client, db, rows, django_assert_max_num_queries
):
    project = factories.ProjectFactory(title="Busy project")
    objectives = [factories.ObjectiveFactory(project=project) for _ in range(rows)]
    for n in range(rows):
        factories.ActivityFactory(project=project, objectives=objectives[:2])
        factories.ActivityFactory(
            project=project,
            status="planned",
            start_date=today() + datetime.timedelta(days=n + 1),
            end_date=today() + datetime.timedelta(days=n + 1),
        )
        factories.NewsItemFactory(project=project)
        factories.PartnerFactory(project=project)
        factories.FundingFactory(project=project, amount=100)
    with django_assert_max_num_queries(16):
        response = client.get(project.get_absolute_url())
    assert "Busy project" in response.content.decode()


# On the demo data (the two seed pages)


def test_demo_projects_are_both_on_the_project_list(client, demo):
    page = client.get(LIST).content.decode()
    for project, title in [
        (demo.serbia, "Enhancing human rights protection for detained and sentenced persons"),
        (demo.kosovo, "Improvement of the treatment of persons deprived of their liberty"),
    ]:
        assert f'href="{project.get_absolute_url()}">{title}</a>' in page


def test_demo_serbian_project_page_shows_the_seed_facts(client, demo):
    project = demo.serbia
    page = client.get(project.get_absolute_url()).content.decode()
    assert "900,000 EUR" in page
    assert "24 May 2019" in page and "31 December 2022" in page
    assert "44 months" in page
    assert "Phase II" in page and "Horizontal Facility" in page
    for partner in project.partners.select_related("institution"):
        assert f'href="{partner.institution.get_absolute_url()}"' in page
    assert 'href="/stakeholders/ministry-of-justice-serbia/"' in page
    for story in NewsItem.objects.published().filter(project=project)[:NEWS_ON_PROJECT_PAGE]:
        assert f'href="{reverse("news:detail", args=[story.slug])}"' in page
    assert f'<a href="/news/?project={project.slug}">All news of this project</a>' in page
    assert "Cooperation between the Serbian Ministry of Interior and Civil Society" in page


def test_demo_serbian_logframe_links_its_activities(client, demo):
    project = demo.serbia
    page = client.get(project.get_absolute_url()).content.decode()
    linked = [a for a in project.activities.all() if a.objectives.exists()]
    assert linked
    for activity in linked:
        for objective in activity.objectives.all():
            section = page[page.index(f'id="objective-{objective.code}"') :]
            assert f'href="{reverse("activities:detail", args=[activity.pk])}"' in section


def test_demo_kosovo_project_page_shows_funders_and_predecessor(client, demo):
    project = demo.kosovo
    page = client.get(project.get_absolute_url()).content.decode()
    assert "850,000 EUR" in page
    assert "36 months" in page
    for funder in ("Belgium", "Germany", "Ireland", "Norway", "Council of Europe"):
        assert f">{funder}" in page
    assert "Enhancing the protection of human rights of prisoners in Kosovo*" in page
    assert page.count("All reference to Kosovo") == 1


def test_demo_project_page_in_french(client, demo):
    project = demo.serbia
    page = client.get(f"/fr{project.get_absolute_url()}").content.decode()
    assert "900\xa0000 EUR" in page
    assert "24 mai 2019" in page
    assert "Partenaire de mise en œuvre" in page or "Institution bénéficiaire" in page


def test_project_known_to_the_year_shows_its_period_in_years(client, db):
    project = factories.ProjectFactory(
        start_date=datetime.date(2015, 4, 1),
        start_precision="year",
        end_date=datetime.date(2018, 2, 1),
        end_precision="year",
        planned_activities=40,
    )
    project.refresh_from_db()

    doc = client.get(project.get_absolute_url()).content.decode()

    assert (project.start_date, project.end_date) == (
        datetime.date(2015, 1, 1),
        datetime.date(2018, 12, 31),
    )
    assert '<dd class="period">2015–2018</dd>' in doc
    assert "<dt>Planned activities</dt>\n          <dd>40</dd>" in doc


def test_project_page_lists_objectives_in_logframe_position_order(client, db):
    project = factories.ProjectFactory()
    for code, position in [("3", 1), ("1", 3), ("2", 2)]:
        factories.ObjectiveFactory(
            project=project, code=code, title=f"Goal {code}", position=position
        )

    content = client.get(project.get_absolute_url()).content.decode()

    assert content.index("Goal 3") < content.index("Goal 2") < content.index("Goal 1")


def test_project_page_without_objectives_says_none_are_recorded(client, db):
    project = factories.ProjectFactory()

    content = client.get(project.get_absolute_url()).content.decode()

    assert "No objectives are recorded for this project." in content
    assert "have not been published yet" not in content
