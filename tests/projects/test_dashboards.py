import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import Activity
from projects.models import Objective, ProjectPartner
from stakeholders.models import Institution
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def day(year, month, dd):
    return datetime.date(year, month, dd)


@pytest.fixture
def busy_project(project, team_member):
    """A project with hand-countable fundings, activities, institutions and indicators."""
    project.start_date = day(2024, 1, 1)
    project.end_date = TODAY + datetime.timedelta(days=365)
    project.budget = Decimal("200000")
    project.save()
    factories.eu_and_coe_funding(project, eu=120_000, coe=30_000)
    ministry = factories.InstitutionFactory(kind=Institution.Kind.MINISTRY)
    cso = factories.InstitutionFactory(kind=Institution.Kind.CIVIL_SOCIETY)
    prison = factories.InstitutionFactory(kind=Institution.Kind.PRISON)
    university = factories.InstitutionFactory(kind=Institution.Kind.ACADEMIC)
    factories.PartnerFactory(project=project, institution=university)
    factories.PartnerFactory(
        project=project, institution=ministry, role=ProjectPartner.Role.IMPLEMENTING
    )
    objective = factories.ObjectiveFactory(project=project, code="1", title="Safeguards")
    factories.ObjectiveFactory(project=project, code="2", title="Reintegration")
    make = factories.ActivityFactory
    make(
        project=project,
        title="Training one",
        start_date=day(2024, 3, 10),
        participants_total=20,
        participants_women=12,
        participants_men=8,
        cost=10_000,
        institutions=[ministry, cso],
        objectives=[objective],
        created_by=team_member,
    )
    make(project=project, title="Training two", start_date=day(2024, 3, 20), cost=5_000)
    make(
        project=project,
        title="Workshop held",
        kind=Activity.Kind.WORKSHOP,
        start_date=day(2024, 5, 5),
        participants_total=10,
        participants_women=6,
        institutions=[ministry, prison],
    )
    make(
        project=project,
        title="Workshop ahead",
        kind=Activity.Kind.WORKSHOP,
        status=Activity.Status.PLANNED,
        start_date=TODAY + datetime.timedelta(days=10),
        participants_total=30,
    )
    make(
        project=project,
        title="Meeting called off",
        kind=Activity.Kind.MEETING,
        status=Activity.Status.CANCELLED,
        start_date=day(2024, 5, 15),
        cost=500,
    )
    indicator = factories.IndicatorFactory(
        objective=objective, name="Prison staff trained", baseline=10, target=60
    )
    factories.IndicatorValueFactory(indicator=indicator, date=day(2024, 3, 31), value=20)
    factories.IndicatorValueFactory(indicator=indicator, date=day(2024, 6, 30), value=35)
    factories.IndicatorFactory(objective=objective, name="Law adopted", baseline=1, target=1)
    factories.IndicatorFactory(objective=objective, name="Visits monitored", target=12)
    return project


def dashboard(client, user, project):
    client.force_login(user)
    return client.get(reverse("projects:dashboard", args=[project.slug]))


def test_dashboard_counts_activities_by_status_kind_and_month(client, team_member, busy_project):
    context = dashboard(client, team_member, busy_project).context
    totals = context["totals"]
    assert (totals["count"], totals["held"], totals["planned"], totals["cancelled"]) == (5, 3, 1, 1)
    by_kind = {
        row["kind"]: (row["held"], row["planned"], row["cancelled"]) for row in context["by_kind"]
    }
    assert by_kind == {"training": (2, 0, 0), "workshop": (1, 1, 0), "meeting": (0, 0, 1)}
    ahead = TODAY + datetime.timedelta(days=10)
    by_month = {
        (row["month"].year, row["month"].month): (row["held"], row["planned"], row["cancelled"])
        for row in context["by_month"]
        if row["total"]  # the months between, with no activity, are zeros
    }
    assert by_month == {
        (2024, 3): (2, 0, 0),
        (2024, 5): (1, 0, 1),
        (ahead.year, ahead.month): (0, 1, 0),
    }


def test_dashboard_sums_participants_of_held_activities_and_flags_missing_counts(
    client, team_member, busy_project
):
    response = dashboard(client, team_member, busy_project)
    totals = response.context["totals"]
    # The planned workshop's 30 expected participants are not "reached".
    assert (totals["participants"], totals["women"], totals["men"]) == (30, 18, 8)
    assert totals["participants_unrecorded"] == 1  # "Training two" has no count, not zero
    assert totals["women_unrecorded"] == 1
    assert totals["men_unrecorded"] == 2


def test_dashboard_compares_funding_and_logged_cost_with_the_budget(
    client, team_member, busy_project
):
    response = dashboard(client, team_member, busy_project)
    context = response.context
    assert context["known_funding"] == Decimal("150000")
    assert context["funding_percent"] == pytest.approx(75.0)
    assert context["totals"]["cost_total"] == Decimal("15500")
    assert context["cost_percent"] == pytest.approx(7.75)
    assert [f.funder_name for f in context["fundings"]] == ["European Union", "Council of Europe"]
    content = response.content.decode()
    assert "200,000 EUR" in content
    assert "15,500 EUR" in content


def test_dashboard_names_the_funders_in_the_page_language(client, team_member, busy_project):
    """The fundings come with the budget lines and spending (one query), the funder's name as
    modeltranslation reads it: the French one when it has one, else the English one."""
    Institution.objects.filter(name="European Union").update(
        name_fr="Union européenne", acronym="EU"
    )
    client.force_login(team_member)
    with translation.override("fr"):
        url = reverse("projects:dashboard", args=[busy_project.slug])
    context = client.get(url).context
    assert [f.funder for f in context["fundings"]] == ["Union européenne (EU)", "Council of Europe"]
    assert context["charts"]["funding"]["config"]["data"]["labels"] == [
        "Union européenne (EU)",
        "Council of Europe",
    ]


def test_dashboard_counts_each_engaged_institution_once_by_kind(client, team_member, busy_project):
    context = dashboard(client, team_member, busy_project).context
    by_kind = {row["kind"]: row["count"] for row in context["institutions"]}
    assert by_kind == {"ministry": 1, "cso": 1, "prison": 1, "academic": 1}
    assert context["institutions_total"] == 4


def test_dashboard_shows_indicator_progress_from_baseline_to_latest_value(
    client, team_member, busy_project
):
    response = dashboard(client, team_member, busy_project)
    objective = next(o for o in response.context["objectives"] if o.code == "1")
    indicators = {i.name: i for i in objective.indicators.all()}
    trained = indicators["Prison staff trained"]
    assert trained.achieved == 35
    assert trained.achieved_date == day(2024, 6, 30)
    assert trained.progress == pytest.approx(50.0)  # (35 - 10) / (60 - 10)
    assert indicators["Law adopted"].progress is None  # target equals baseline
    assert indicators["Visits monitored"].achieved is None
    assert [a.title for a in objective.activities.all()] == ["Training one"]
    content = response.content.decode()
    assert "50 %" in content
    assert "none yet" in content
    assert reverse("projects:indicator-record", args=[busy_project.slug, trained.pk]) in content


def test_dashboard_lists_upcoming_and_recently_logged_activities_with_their_author(
    client, team_member, busy_project
):
    team_member.first_name, team_member.last_name = "Vesna", "Ilić"
    team_member.save()
    response = dashboard(client, team_member, busy_project)
    assert [a.title for a in response.context["upcoming"]] == ["Workshop ahead"]
    recent = list(response.context["recent"])
    assert len(recent) == 5
    assert recent[-1].title == "Training one"
    assert "logged by Vesna Ilić" in response.content.decode()


def test_dashboard_shows_each_chart_with_its_figures_in_a_table(client, team_member, busy_project):
    response = dashboard(client, team_member, busy_project)
    content = response.content.decode()
    for chart_id in ["chart-kind", "chart-month", "chart-funding", "chart-institutions"]:
        assert f'data-chart="{chart_id}-data"' in content
        assert f'<script id="{chart_id}-data" type="application/json">' in content
    kind_chart = response.context["charts"]["kind"]
    assert kind_chart["rows"][0] == ("Training", [0, 2, 0])  # planned, held, cancelled
    assert "vendor/chartjs/chart.umd.min.js" in content
    assert "js/charts.js" in content
    assert "<script>" not in content  # no inline JavaScript


def test_time_elapsed_is_counted_in_days_and_percent(client, team_member, project):
    project.start_date = TODAY - datetime.timedelta(days=100)
    project.end_date = TODAY + datetime.timedelta(days=99)
    project.save()
    time = dashboard(client, team_member, project).context["time"]
    assert (time["elapsed_days"], time["duration_days"]) == (101, 200)
    assert time["percent"] == pytest.approx(50.5)


@pytest.mark.parametrize(
    ("start", "end", "elapsed", "percent"),
    [(10, 19, 0, 0.0), (-20, -11, 10, 100.0)],
    ids=["not started", "completed"],
)
def test_time_elapsed_stays_within_the_project_period(
    client, team_member, project, start, end, elapsed, percent
):
    project.start_date = TODAY + datetime.timedelta(days=start)
    project.end_date = TODAY + datetime.timedelta(days=end)
    project.save()
    time = dashboard(client, team_member, project).context["time"]
    assert (time["elapsed_days"], time["duration_days"], time["percent"]) == (elapsed, 10, percent)


def test_empty_project_without_budget_renders_without_figures(client, team_member, project):
    project.budget = None
    project.save()
    response = dashboard(client, team_member, project)
    assert response.status_code == 200
    context = response.context
    assert context["totals"]["count"] == 0
    assert context["cost_percent"] is None
    assert context["funding_percent"] is None
    # Nothing held: nobody reached yet, which is a true zero rather than "not recorded".
    assert (context["totals"]["participants"], context["totals"]["women"]) == (0, 0)
    content = response.content.decode()
    assert "No budget recorded" in content
    assert "No budget to compare with." in content
    assert "No upcoming activities." in content
    assert "No objectives recorded yet." in content
    assert "Not known" in content


def test_activities_without_participant_counts_are_not_recorded_not_zero(
    client, team_member, project
):
    factories.ActivityFactory.create_batch(2, project=project)
    response = dashboard(client, team_member, project)
    totals = response.context["totals"]
    assert totals["participants"] is None
    assert totals["participants_unrecorded"] == 2
    assert "not recorded" in response.content.decode()


def participants_total(response):
    """The "Total" row of the dashboard's participants table, as shown."""
    page = response.content.decode()
    section = page[page.index('id="participants"') :]
    return re.search(r'Total</th><td class="text-end">([^<]+)</td>', section).group(1)


def test_dashboard_figures_are_kept_until_an_activity_is_saved(
    client, team_member, project, django_assert_max_num_queries
):
    factories.ActivityFactory(project=project, participants_total=12)
    assert participants_total(dashboard(client, team_member, project)) == "12"

    with django_assert_max_num_queries(6):  # the rendered figures come from the cache
        again = client.get(reverse("projects:dashboard", args=[project.slug]))
    assert participants_total(again) == "12"

    factories.ActivityFactory(project=project, participants_total=8)
    assert participants_total(dashboard(client, team_member, project)) == "20"


@pytest.mark.parametrize("activities", [5, 50])
def test_project_dashboard_queries_do_not_grow_with_activities(
    client, team_member, project, django_assert_max_num_queries, activities
):
    objective = factories.ObjectiveFactory(project=project)
    factories.IndicatorValueFactory(indicator__objective=objective)
    institution = factories.InstitutionFactory()
    for n in range(activities):
        factories.ActivityFactory(
            project=project,
            start_date=project.start_date + datetime.timedelta(days=7 * n),
            status=Activity.Status.HELD if n % 2 else Activity.Status.PLANNED,
            objectives=[objective],
            institutions=[institution],
            created_by=team_member,
        )
    client.force_login(team_member)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("projects:dashboard", args=[project.slug]))
    assert response.context["totals"]["count"] == activities


# Access ------------------------------------------------------------------------------------


def test_outsider_does_not_find_a_draft_projects_dashboard(client, outsider, project):
    project.is_published = False
    project.save()
    client.force_login(outsider)
    response = client.get(reverse("projects:dashboard", args=[project.slug]))
    assert response.status_code == 404


def test_team_member_sees_their_draft_projects_dashboard(client, team_member, project):
    project.is_published = False
    project.save()
    response = dashboard(client, team_member, project)
    assert response.status_code == 200
    assert "Draft" in response.content.decode()


def test_manager_sees_any_project_dashboard(client, manager, project):
    response = dashboard(client, manager, project)
    assert response.status_code == 200
    assert project.title in response.content.decode()


# Portfolio ---------------------------------------------------------------------------------


@pytest.fixture
def portfolio(db):
    """Two programmes, three projects, two funders, three countries."""
    serbia = factories.CountryFactory(code="RS")
    albania = factories.CountryFactory(code="AL")
    kosovo = factories.KosovoFactory()
    hf = factories.ProgrammeFactory(name="Horizontal Facility", acronym="HF")
    other = factories.ProgrammeFactory(name="Other programme")
    eu = factories.InstitutionFactory(name="European Union", kind=Institution.Kind.DONOR)
    norway = factories.InstitutionFactory(name="Norway", kind=Institution.Kind.DONOR)
    fields = ("title", "programme", "budget", "start_date", "end_date", "countries")
    prisons, police, schools = (
        factories.ProjectFactory(**dict(zip(fields, row, strict=True)), is_published=published)
        for *row, published in [
            ("Prisons", hf, 900_000, day(2019, 5, 24), day(2022, 12, 31), [serbia], True),
            ("Police", hf, 300_000, day(2022, 1, 1), day(2024, 12, 31), [serbia, kosovo], True),
            ("Schools", other, None, day(2023, 6, 1), day(2026, 5, 31), [albania], False),
        ]
    )
    factories.FundingFactory(project=prisons, funder=eu, amount=800_000)
    factories.FundingFactory(project=police, funder=eu, amount=200_000)
    factories.FundingFactory(project=police, funder=norway, amount=50_000)
    factories.FundingFactory(project=schools, funder=norway, amount=None, share=50)
    act = factories.ActivityFactory
    act(project=prisons, start_date=day(2021, 6, 1), participants_total=20, cost=1000)
    act(project=prisons, start_date=day(2022, 3, 25), participants_total=19)
    act(project=prisons, start_date=day(2022, 9, 2), participants_total=None)
    act(project=police, start_date=day(2022, 9, 10), participants_total=15, cost=500)
    act(
        project=police,
        start_date=day(2024, 2, 1),
        participants_total=40,
        status=Activity.Status.CANCELLED,
    )
    act(project=schools, start_date=day(2023, 10, 1), participants_total=7)
    return {"facility": hf, "eu": eu, "norway": norway, "kosovo": kosovo}


def portfolio_page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("portfolio"), params)


def test_portfolio_lists_every_project_with_its_figures(client, manager, portfolio):
    response = portfolio_page(client, manager)
    rows = {
        p.title: (p.activities_count, p.activities_held, p.participants)
        for p in response.context["projects"]
    }
    assert rows == {"Prisons": (3, 3, 39), "Police": (2, 1, 15), "Schools": (1, 1, 7)}
    totals = response.context["totals"]
    assert totals == {
        "projects": 3,
        "budgets": [{"currency": "EUR", "budget": Decimal("1200000")}],
        "activities": 6,
        "held": 5,
        "participants": 61,
        "women": None,
        "men": None,
    }
    content = response.content.decode()
    assert "900,000 EUR" in content
    assert "Draft" in content


def test_portfolio_totals_by_country_funder_and_year(client, manager, portfolio):
    context = portfolio_page(client, manager).context
    by_country = {c["code"]: (c["projects_count"], c["budget"]) for c in context["by_country"]}
    assert by_country == {
        "RS": (2, Decimal("1200000")),
        "XK": (1, Decimal("300000")),
        "AL": (1, None),
    }
    by_funder = {r["funder_name"]: (r["projects_count"], r["amount"]) for r in context["by_funder"]}
    assert by_funder == {"European Union": (2, Decimal("1000000")), "Norway": (2, Decimal("50000"))}
    by_year = {r["year"]: (r["total"], r["held"], r["participants"]) for r in context["by_year"]}
    assert by_year == {2021: (1, 1, 20), 2022: (3, 3, 34), 2023: (1, 1, 7), 2024: (1, 0, None)}


def test_portfolio_names_the_funders_in_the_page_language(client, manager, portfolio):
    Institution.objects.filter(name="European Union").update(name_fr="Union européenne")
    client.force_login(manager)
    with translation.override("fr"):
        url = reverse("portfolio")
    response = client.get(url)
    assert [r["funder_name"] for r in response.context["by_funder"]] == [
        "Union européenne",
        "Norway",
    ]
    assert '<th scope="row">Union européenne</th>' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"programme": "hf"}, {"Prisons", "Police"}),
        ({"country": "XK"}, {"Police"}),
        ({"funder": "norway"}, {"Police", "Schools"}),
        ({"funder": "norway", "country": "RS"}, {"Police"}),
    ],
)
def test_portfolio_filters_by_programme_country_and_funder(
    client, manager, portfolio, params, titles
):
    context = portfolio_page(client, manager, **params).context
    assert {p.title for p in context["projects"]} == titles
    assert context["totals"]["projects"] == len(titles)


def test_portfolio_filtered_by_funder_counts_each_project_once(client, manager, portfolio):
    context = portfolio_page(client, manager, funder="european-union").context
    assert context["totals"]["budgets"] == [{"currency": "EUR", "budget": Decimal("1200000")}]
    by_country = {c["code"]: c["projects_count"] for c in context["by_country"]}
    assert by_country == {"RS": 2, "XK": 1}


def test_portfolio_rejects_an_unknown_filter_value(client, manager, portfolio):
    response = portfolio_page(client, manager, country="ZZ")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert list(response.context["projects"]) == []


def test_portfolio_draws_a_timeline_of_projects(client, manager, portfolio):
    response = portfolio_page(client, manager)
    timeline = response.context["timeline"]
    assert timeline["config"]["portalTimeline"] is True
    assert timeline["rows"][0] == ("Prisons", [day(2019, 5, 24), day(2022, 12, 31)])
    assert timeline["config"]["data"]["datasets"][0]["data"][0] == ["2019-05-24", "2022-12-31"]
    assert 'data-chart="chart-timeline-data"' in response.content.decode()


def test_portfolio_lists_projects_fifty_a_page_with_totals_over_them_all(client, manager):
    factories.ProjectFactory.create_batch(
        52, budget=1000, start_date=day(2020, 1, 1), end_date=day(2030, 1, 1)
    )

    first = portfolio_page(client, manager)
    second = portfolio_page(client, manager, page=2)

    assert len(first.context["projects"]) == 50
    assert len(second.context["projects"]) == 2
    assert len(second.context["timeline"]["rows"]) == 2
    assert second.context["totals"]["projects"] == 52
    assert second.context["totals"]["budgets"] == [{"currency": "EUR", "budget": Decimal("52000")}]
    page = second.content.decode()
    assert "Projects 51–52 of 52; the totals and charts below cover them all." in page
    assert 'rel="prev"' in page


def test_portfolio_rows_show_countries_with_their_footnote_mark(client, manager, portfolio):
    content = portfolio_page(client, manager).content.decode()
    police = content.split('data-project="police"')[1].split("</tr>")[0]
    countries = re.search(r"<td[^>]*>([^<]*Serbia[^<]*)</td>", police).group(1)
    assert set(countries.split(", ")) == {"Kosovo*", "Serbia"}  # ordered by name on PostgreSQL


@pytest.mark.parametrize("page", ["3", "abc", "0"])
def test_portfolio_page_beyond_the_list_is_not_found(client, manager, portfolio, page):
    assert portfolio_page(client, manager, page=page).status_code == 404


@pytest.mark.parametrize("activities", [5, 50])
def test_portfolio_queries_do_not_grow_with_activities(
    client, manager, django_assert_max_num_queries, activities
):
    projects = factories.ProjectFactory.create_batch(3)
    for n in range(activities):
        factories.ActivityFactory(project=projects[n % 3], participants_total=n)
    factories.FundingFactory(project=projects[0])
    client.force_login(manager)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("portfolio"))
    assert response.context["totals"]["activities"] == activities


def test_dashboard_lists_an_objectives_ten_latest_activities_and_links_to_all(
    client, team_member, project
):
    objective = factories.ObjectiveFactory(project=project, code="1")
    factories.trainings_serving(objective, 12)

    content = dashboard(client, team_member, project).content.decode()
    card = content.split('id="objective-1"')[1].split("</article>")[0]

    assert "12 activities" in card
    assert "Training 11" in card
    assert "Training 02" in card
    assert "Training 01" not in card
    url = f"/activities/?project={project.slug}&amp;objective={objective.pk}"
    assert f'<a href="{url}">All 12 activities of this objective</a>' in card
    listed = client.get(url.replace("&amp;", "&")).content.decode()
    assert "Training 01" in listed
    assert "12 activities" in listed


def test_objective_levels_are_shown_on_the_dashboard(client, team_member, busy_project):
    content = dashboard(client, team_member, busy_project).content.decode()
    assert str(Objective.Level.SPECIFIC.label) in content


def test_portfolio_keeps_budgets_in_different_currencies_apart(client, manager, portfolio):
    factories.ProjectFactory(title="Swiss", budget=50_000, currency="CHF")
    context = portfolio_page(client, manager).context
    assert context["totals"]["budgets"] == [
        {"currency": "CHF", "budget": Decimal("50000")},
        {"currency": "EUR", "budget": Decimal("1200000")},
    ]
    serbia = {(c["code"], c["projects__currency"]): c["budget"] for c in context["by_country"]}
    assert serbia[("RS", "CHF")] == Decimal("50000")
    assert serbia[("RS", "EUR")] == Decimal("1200000")


def test_portfolio_shows_the_kosovo_footnote_once(client, manager, portfolio):
    content = portfolio_page(client, manager).content.decode()
    assert "Kosovo*" in content
    assert content.count("Security Council Resolution 1244") == 1


def test_project_with_a_budget_but_no_logged_cost_says_so(client, team_member, project):
    factories.ActivityFactory(project=project, cost=None)
    response = dashboard(client, team_member, project)
    assert response.context["totals"]["cost_total"] is None
    assert response.context["cost_percent"] is None
    content = response.content.decode()
    assert "0 activities with a cost" in content
    assert "No budget to compare with." not in content


def test_manager_sees_both_demo_projects_on_the_dashboards(client, manager, demo):
    client.force_login(manager)
    for slug, budget in [
        (demo.serbia.slug, "900,000 EUR"),
        (demo.kosovo.slug, "850,000 EUR"),
    ]:
        response = client.get(reverse("projects:dashboard", args=[slug]))
        assert response.status_code == 200
        assert budget in response.content.decode()
        activities = Activity.objects.filter(project__slug=slug)
        assert response.context["totals"]["count"] == activities.count()
        assert response.context["totals"]["held"] == activities.held().count()
    portfolio = client.get(reverse("portfolio")).context
    assert set(demo.projects) <= {p.slug for p in portfolio["projects"]}
    assert portfolio["totals"]["activities"] == Activity.objects.count()


def test_a_budget_reads_the_same_on_the_project_page_and_its_dashboard(
    client, team_member, project
):
    project.budget = Decimal("100000")
    project.save()
    client.force_login(team_member)

    pages = [
        client.get(reverse("projects:detail", args=[project.slug])).content.decode(),
        client.get(reverse("projects:dashboard", args=[project.slug])).content.decode(),
    ]

    for page in pages:
        assert "100,000 EUR" in page
        assert "100,000.00" not in page


def test_portfolio_shows_an_unknown_budget_by_country_as_a_dash_not_zero(client, manager):
    factories.ProjectFactory(budget=None, countries=[factories.CountryFactory(code="AL")])

    content = portfolio_page(client, manager).content.decode()
    # No budget known anywhere: the budget chart says so (the map beside it counts projects).
    chart = content[content.index('id="chart-country"') :].split("</figure>")[0]

    assert "Not known" in chart
    assert "0.00" not in chart and ">0 EUR<" not in chart


def test_dashboard_lists_objectives_in_logframe_position_order(client, team_member, project):
    for code, position in [("3", 1), ("1", 3), ("2", 2)]:
        factories.ObjectiveFactory(
            project=project, code=code, title=f"Goal {code}", position=position
        )

    context = dashboard(client, team_member, project).context

    codes = [o.code for o in context["objectives"] if o.title.startswith("Goal")]
    assert codes == ["3", "2", "1"]
