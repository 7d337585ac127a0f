import datetime

import pytest
from django.urls import reverse

from activities.models import Activity
from tests import factories
from tests.helpers import facts, links, page, texts

JULY_1 = datetime.date(2024, 7, 1)


def row_titles(response):
    return texts(page(response), "//table//tbody/tr/th")


@pytest.fixture
def dubrava(project):
    """A three-day training with five institutions, two objectives, a story and a draft."""
    kosovo = factories.KosovoFactory()
    institutions = [
        factories.InstitutionFactory(name=name, acronym=acronym, country=kosovo)
        for name, acronym in [
            ("Institute for Forensic Psychiatry of Kosovo", "IFPK"),
            ("Kosovo Correctional Services", "KCS"),
            ("Prison Health Department", "PHD"),
            ("Special Institute for Persons with Learning and Physical Disabilities", "SIS"),
            ("Kosovo Probation Service", ""),
        ]
    ]
    objectives = [
        factories.ObjectiveFactory(project=project, code="2", title="Treatment improved"),
        factories.ObjectiveFactory(project=project, code="2.1", title="Staff trained"),
    ]
    activity = factories.ActivityFactory(
        project=project,
        title="Training on psychosocial programmes and rehabilitation methods",
        start_date=JULY_1,
        end_date=datetime.date(2024, 7, 3),
        venue="near Dubrava Prison",
        city="Istog",
        countries=[kosovo],
        institutions=institutions,
        objectives=objectives,
        participants_total=30,
        participants_women=17,
        participants_men=13,
        facilitators="Two Council of Europe subject matter experts",
        description="Case studies on staff burnout and de-escalation.",
    )
    factories.NewsItemFactory(project=project, activity=activity, title="Dubrava training story")
    factories.NewsItemFactory(
        project=project, activity=activity, title="Unfinished draft", is_published=False
    )
    return activity


# The activity page


@pytest.mark.django_db
def test_activity_page_shows_dates_place_format_and_participants(client, dubrava):
    doc = page(client.get(dubrava.get_absolute_url()))

    shown = facts(doc)
    assert shown["Dates"] == "1–3 July 2024"
    assert shown["Place"] == "near Dubrava Prison, Istog"
    assert shown["Format"] == "In person"
    assert shown["Kind"] == "Training"
    assert shown["Status"] == "Held"
    assert shown["Participants"] == "30 (17 women, 13 men)"
    assert shown["Facilitators"] == "Two Council of Europe subject matter experts"
    assert shown["Countries and territories"] == "Kosovo*"
    assert texts(doc, "//h1") == ["Training on psychosocial programmes and rehabilitation methods"]


@pytest.mark.django_db
def test_activity_page_links_each_institution_objective_and_the_project(client, dubrava):
    project = dubrava.project
    doc = page(client.get(dubrava.get_absolute_url()))

    institutions = links(doc, "//ul[@class='institutions']//a")
    assert len(institutions) == 5
    kcs = dubrava.institutions.get(acronym="KCS")
    assert institutions["Kosovo Correctional Services (KCS)"] == reverse(
        "stakeholders:detail", args=[kcs.slug]
    )
    assert links(doc, "//ul[@class='objectives']//a") == {
        "2. Treatment improved": f"/projects/{project.slug}/#objective-2",
        "2.1. Staff trained": f"/projects/{project.slug}/#objective-2.1",
    }
    assert links(doc, "//dl[@class='facts']//a") == {project.title: project.get_absolute_url()}


@pytest.mark.django_db
def test_visitors_see_the_published_story_of_an_activity_not_its_draft(client, dubrava):
    doc = page(client.get(dubrava.get_absolute_url()))

    assert texts(doc, "//article[contains(@class, 'news-card')]//h3") == ["Dubrava training story"]


@pytest.mark.django_db
def test_team_member_also_sees_the_draft_story_marked_as_draft(client, team_member, dubrava):
    client.force_login(team_member)
    doc = page(client.get(dubrava.get_absolute_url()))

    assert sorted(texts(doc, "//article[contains(@class, 'news-card')]//h3")) == [
        "Dubrava training story",
        "Unfinished draft",
    ]
    assert texts(doc, "//span[contains(@class, 'badge')]") == ["Draft"]


@pytest.mark.django_db
def test_participants_show_only_the_figures_that_are_known(client):
    only_total = factories.ActivityFactory(participants_total=12)
    only_women = factories.ActivityFactory(participants_total=1, participants_women=1)
    unknown = factories.ActivityFactory()

    def figure(activity):
        return texts(page(client.get(activity.get_absolute_url())), "//dd[@class='participants']")

    assert figure(only_total) == ["12"]
    assert figure(only_women) == ["1 (1 woman)"]
    assert figure(unknown) == ["Not recorded"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (JULY_1, JULY_1, "1 July 2024"),
        (datetime.date(2024, 6, 30), datetime.date(2024, 7, 2), "30 June – 2 July 2024"),
        (
            datetime.date(2024, 12, 30),
            datetime.date(2025, 1, 2),
            "30 December 2024 – 2 January 2025",
        ),
    ],
)
def test_activity_dates_read_as_the_shortest_range(client, start, end, shown):
    activity = factories.ActivityFactory(start_date=start, end_date=end)

    assert shown in texts(page(client.get(activity.get_absolute_url())), "//p[@class='lead']")[0]


@pytest.mark.django_db
def test_french_activity_page_gives_french_month_names(client, dubrava):
    response = client.get(f"/fr/activities/{dubrava.pk}/")

    assert response.status_code == 200
    assert "1–3 juillet 2024" in response.content.decode()


@pytest.mark.django_db
def test_large_participant_figures_are_grouped_for_the_language(client):
    activity = factories.ActivityFactory(participants_total=1200)

    def figure(url):
        return page(client.get(url)).xpath("string(//dd[@class='participants'])")

    assert figure(activity.get_absolute_url()) == "1,200"
    assert figure(f"/fr/activities/{activity.pk}/") == "1\xa0200"


@pytest.mark.django_db
def test_kosovo_footnote_appears_once_on_the_activity_page(client, dubrava):
    content = client.get(dubrava.get_absolute_url()).content.decode()

    assert content.count("United Nations Security Council Resolution 1244") == 1


@pytest.mark.django_db
def test_markup_in_activity_text_is_escaped(client):
    activity = factories.ActivityFactory(
        title="<script>alert('t')</script>", description="<img src=x onerror=alert(1)>"
    )

    content = client.get(activity.get_absolute_url()).content.decode()

    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;alert" in content


# Who sees what on the activity page


@pytest.mark.django_db
def test_team_and_managers_read_an_activity_of_an_unpublished_project(client, manager):
    membership = factories.MembershipFactory(project=factories.ProjectFactory(is_published=False))
    activity = factories.ActivityFactory(project=membership.project, title="Quiet preparation")

    for user in (membership.user, manager):
        client.force_login(user)
        assert texts(page(client.get(activity.get_absolute_url())), "//h1") == ["Quiet preparation"]


@pytest.mark.django_db
def test_unknown_activity_is_a_404(client, db):
    assert client.get("/activities/999999/").status_code == 404


STAFF_LINK_NAMES = ("activities:update", "activities:delete", "activities:history")


def staff_links(response, activity):
    hrefs = set(page(response).xpath("//a/@href"))
    return {name for name in STAFF_LINK_NAMES if reverse(name, args=[activity.pk]) in hrefs}


@pytest.mark.django_db
def test_visitors_and_outsiders_see_no_edit_links(client, outsider):
    activity = factories.ActivityFactory()

    assert staff_links(client.get(activity.get_absolute_url()), activity) == set()
    client.force_login(outsider)
    response = client.get(activity.get_absolute_url())
    assert staff_links(response, activity) == set()
    assert "Last updated" not in response.content.decode()


@pytest.mark.django_db
def test_team_member_and_manager_see_edit_delete_history_and_last_update(
    client, project, team_member, manager
):
    editor = factories.UserFactory(first_name="Ana", last_name="Petrović")
    activity = factories.ActivityFactory(project=project, updated_by=editor)
    Activity.objects.filter(pk=activity.pk).update(
        updated_at=datetime.datetime(2024, 7, 4, 9, 30, tzinfo=datetime.UTC)
    )

    for user in (team_member, manager):
        client.force_login(user)
        response = client.get(activity.get_absolute_url())
        assert staff_links(response, activity) == set(STAFF_LINK_NAMES)
        assert "Last updated by Ana Petrović on 4 July 2024, 11:30" in " ".join(
            response.content.decode().split()
        )


# The activity list


@pytest.mark.django_db
def test_list_shows_each_activity_with_its_date_kind_status_place_project_and_participants(
    client, dubrava
):
    doc = page(client.get("/activities/"))

    cells = texts(doc, "//table//tbody/tr[1]/*")
    assert cells == [
        "1–3 July 2024",
        "Training on psychosocial programmes and rehabilitation methods",
        "Training",
        "Held",
        "near Dubrava Prison, Istog",
        dubrava.project.title,
        "30 (17 women, 13 men)",
    ]
    assert doc.xpath("//table//tbody/tr[1]/th/a/@href") == [dubrava.get_absolute_url()]


@pytest.mark.django_db
def test_list_hides_activities_of_unpublished_projects_from_visitors(client, project):
    factories.ActivityFactory(project=project, title="Public training")
    factories.ActivityFactory(
        project=factories.ProjectFactory(is_published=False), title="Hidden meeting"
    )

    assert row_titles(client.get("/activities/")) == ["Public training"]


@pytest.mark.django_db
def test_list_filters_by_project_kind_year_text_and_dates(client, project):
    other = factories.ProjectFactory()
    factories.ActivityFactory(project=project, title="Training A", start_date=JULY_1)
    factories.ActivityFactory(
        project=project, kind="study_visit", title="Visit B", start_date=datetime.date(2023, 5, 2)
    )
    factories.ActivityFactory(
        project=other, title="Training C", city="Vrdnik", start_date=datetime.date(2024, 9, 1)
    )

    def titles(query):
        return sorted(row_titles(client.get(f"/activities/?{query}")))

    assert titles(f"project={project.slug}") == ["Training A", "Visit B"]
    assert titles("kind=study_visit") == ["Visit B"]
    assert titles("year=2024") == ["Training A", "Training C"]
    assert titles("q=vrdnik") == ["Training C"]
    assert titles("date_after=2024-06-01&date_before=2024-08-01") == ["Training A"]
    assert row_titles(client.get("/activities/?ordering=title")) == [
        "Training A",
        "Training C",
        "Visit B",
    ]


@pytest.mark.django_db
def test_list_filters_by_objective_and_institution_named_with_their_project(client, project):
    objective = factories.ObjectiveFactory(project=project, code="3", title="Courts trained")
    court = factories.InstitutionFactory(name="Supreme Court")
    factories.ActivityFactory(
        project=project, title="Judges' seminar", objectives=[objective], institutions=[court]
    )
    factories.ActivityFactory(project=project, title="Prison visit")

    response = client.get(f"/activities/?objective={objective.pk}")

    assert row_titles(response) == ["Judges' seminar"]
    assert row_titles(client.get(f"/activities/?institution={court.slug}")) == ["Judges' seminar"]
    options = texts(page(response), "//select[@name='objective']/option[@selected]")
    assert options == [f"{project.title} — 3. Courts trained"]


@pytest.mark.django_db
def test_invalid_filter_answers_400_with_the_error_and_no_rows(client, project):
    factories.ActivityFactory(project=project)

    response = client.get("/activities/?date_after=2024-13-45&kind=training")

    assert response.status_code == 400
    doc = page(response)
    assert row_titles(response) == []
    assert texts(doc, "//*[contains(@class, 'invalid-feedback')]") == ["Enter a valid date."]
    assert doc.xpath("//input[@name='date_after']/@value") == ["2024-13-45"]


@pytest.mark.django_db
def test_filter_form_is_sent_by_get_without_a_csrf_token(client, db):
    doc = page(client.get("/activities/"))

    (form,) = doc.xpath("//main//form[@role='search']")
    assert form.get("method") == "get"
    assert not form.xpath(".//input[@name='csrfmiddlewaretoken']")


@pytest.mark.django_db
def test_export_links_carry_the_same_filters_without_the_page(client, project):
    factories.ActivityFactory.create_batch(26, project=project, kind="training")

    doc = page(client.get(f"/activities/?kind=training&project={project.slug}&page=2"))

    hrefs = set(doc.xpath("//a/@href"))
    query = f"kind=training&project={project.slug}"
    assert f"{reverse('activities:export-csv')}?{query}" in hrefs
    assert f"{reverse('activities:export-xlsx')}?{query}" in hrefs
    assert f"{reverse('activities:calendar')}?{query}" in hrefs


@pytest.mark.django_db
def test_list_pages_by_25_and_keeps_the_filters_in_page_links(client, project):
    factories.ActivityFactory.create_batch(30, project=project)

    first = client.get("/activities/?kind=training")
    second = client.get("/activities/?kind=training&page=2")

    assert len(row_titles(first)) == 25
    assert len(row_titles(second)) == 5
    assert "?kind=training&page=2" in page(first).xpath("//a[@rel='next']/@href")
    assert "30 activities" in texts(page(second), "//main//p")


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["3", "0", "-1", "abc", "9" * 5000, "1.5"])
def test_page_beyond_the_end_or_not_a_number_is_a_404(client, project, number):
    factories.ActivityFactory.create_batch(3, project=project)

    assert client.get("/activities/", {"page": number}).status_code == 404


@pytest.mark.django_db
def test_list_links_the_news_feed_in_the_head(client, db):
    doc = page(client.get("/activities/"))

    assert doc.xpath("//head/link[@type='application/atom+xml']/@href") == [reverse("news:feed")]


# Query budget: the same for 5 and 50 rows


def fill(project, rows):
    institutions = factories.InstitutionFactory.create_batch(2)
    objective = factories.ObjectiveFactory(project=project)
    for _ in range(rows):
        factories.ActivityFactory(
            project=project,
            institutions=institutions,
            objectives=[objective],
            countries=[factories.CountryFactory(code="RS")],
            participants_total=10,
            participants_women=4,
        )
    factories.KosovoFactory()


LIST_BUDGET = 9


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [5, 50])
def test_activity_list_query_count_does_not_grow_with_rows(
    client, project, django_assert_max_num_queries, rows
):
    fill(project, rows)

    with django_assert_max_num_queries(LIST_BUDGET):
        response = client.get("/activities/?page=1")

    assert len(row_titles(response)) == min(rows, 25)


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [5, 50])
def test_activity_list_query_count_for_a_team_member_does_not_grow_with_rows(
    client, project, team_member, django_assert_max_num_queries, rows
):
    fill(project, rows)
    client.force_login(team_member)

    with django_assert_max_num_queries(LIST_BUDGET + 4):
        response = client.get("/activities/")

    assert len(row_titles(response)) == min(rows, 25)


# The activity, its countries, institutions, objectives, stories, pictures and documents.
DETAIL_BUDGET = 10


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [5, 50])
def test_activity_page_query_count_does_not_grow_with_institutions_and_news(
    client, project, django_assert_max_num_queries, rows
):
    activity = factories.ActivityFactory(
        project=project,
        institutions=factories.InstitutionFactory.create_batch(rows),
        objectives=factories.ObjectiveFactory.create_batch(rows, project=project),
        countries=[factories.KosovoFactory()],
    )
    factories.NewsItemFactory.create_batch(rows, project=project, activity=activity)

    with django_assert_max_num_queries(DETAIL_BUDGET):
        response = client.get(activity.get_absolute_url())

    doc = page(response)
    assert len(doc.xpath("//ul[@class='institutions']/li")) == rows
    assert len(doc.xpath("//article[contains(@class, 'news-card')]")) == rows


# On the demo data (the seed pages)

DUBRAVA_TRAINING = "Training on psychosocial programmes and rehabilitation methods"


@pytest.mark.django_db
def test_demo_dubrava_training_shows_30_participants_its_institutions_objectives_and_story(
    client, demo
):
    activity = Activity.objects.get(title=DUBRAVA_TRAINING)

    response = client.get(activity.get_absolute_url())

    doc = page(response)
    shown = facts(doc)
    assert shown["Participants"] == "30"
    assert shown["Dates"] == "1–3 July 2024"
    assert shown["Place"] == "Near Dubrava Prison"
    assert shown["Project"] == "Improvement of the treatment of persons deprived of their liberty"
    institutions = links(doc, "//ul[@class='institutions']//a")
    assert {
        "Institute for Forensic Psychiatry of Kosovo (IFPK)",
        "Kosovo Correctional Services (KCS)",
        "Prison Health Department (PHD)",
        "Special Institute for Persons with Learning and Physical Disabilities (SIS)",
        "Kosovo Probation Service",
    } <= set(institutions)
    assert (
        institutions["Kosovo Correctional Services (KCS)"]
        == "/stakeholders/kosovo-correctional-services/"
    )
    assert sorted(a.split("#")[1] for a in doc.xpath("//ul[@class='objectives']//a/@href")) == [
        "objective-1.1",
        "objective-1.2",
        "objective-1.4",
    ]
    assert texts(doc, "//article[contains(@class, 'news-card')]//h3") == [
        "Council of Europe enhances skills of mental healthcare professionals and correctional "
        "staff on psychosocial programmes and rehabilitation methods"
    ]
    assert response.content.decode().count("Security Council Resolution 1244") == 1


@pytest.mark.django_db
def test_demo_activities_of_both_seed_projects_are_listed(client, demo):
    response = client.get("/activities/")

    titles = row_titles(response)
    assert len(titles) == Activity.objects.count() == 11
    assert titles[0] == DUBRAVA_TRAINING
    assert "Study visit to Ireland on forensic mental health" in titles
    kosovo = row_titles(client.get("/activities/?country=XK"))
    assert DUBRAVA_TRAINING in kosovo


@pytest.mark.django_db
def test_activity_page_shows_a_rough_count_half_days_month_scope_and_reference(client):
    activity = factories.ActivityFactory(
        start_date=datetime.date(2014, 3, 10),
        start_precision="month",
        end_date=None,
        duration_days="2.5",
        participants_qualifier="about",
        participants_total=40,
        scope="multilateral",
        external_reference="HF-DB-1187",
    )

    shown = facts(page(client.get(activity.get_absolute_url())))

    assert shown["Dates"] == "March 2014"
    assert shown["Duration"] == "2.5 days"
    assert shown["Participants"] == "about 40"
    assert shown["Scope"] == "Multilateral / regional"
    assert shown["External reference"] == "HF-DB-1187"


@pytest.mark.django_db
def test_activity_page_in_french_gives_a_rough_count_and_half_days_in_french(client):
    activity = factories.ActivityFactory(
        duration_days="2.5", participants_qualifier="more_than", participants_total=20
    )

    shown = facts(page(client.get(f"/fr/activities/{activity.pk}/")))

    assert shown["Durée"] == "2,5 jours"
    assert shown["Participants"] == "plus de 20"
