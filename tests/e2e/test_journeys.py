"""Each role's main journey through the portal, in a real browser, one test per role."""

import csv
import datetime
import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from activities import choices
from activities.models import Activity, NewsItem
from projects.models import IndicatorValue
from stakeholders.models import Institution
from tests import factories
from tests.e2e.data import build_site
from tests.e2e.helpers import assert_no_csp_violations, fill_date, log_in, visit

pytestmark = pytest.mark.e2e


@pytest.fixture
def site():
    return build_site()


def heading(page):
    return page.get_by_role("heading", level=1)


def field(page, label):
    """A form field by its label; crispy marks required ones with an asterisk.

    (A regular expression meets the label's raw text, line breaks and all.)
    """
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))


def test_visitor_goes_from_home_to_a_project_its_activity_news_and_partner(page, site):
    project, training, story = site.project, site.activities.training, site.story
    prisons = site.institutions.prisons

    visit(page, "/")
    page.get_by_role("main").get_by_role("link", name=project.title).first.click()
    expect(heading(page)).to_have_text(project.title)

    page.locator("#objective-1").get_by_role("link", name=training.title).click()
    expect(heading(page)).to_have_text(training.title)
    expect(page.get_by_text("Kosovo*").first).to_be_visible()
    expect(page.get_by_text("Security Council Resolution 1244")).to_have_count(1)

    page.get_by_role("link", name=story.title, exact=True).click()
    expect(heading(page)).to_have_text(story.title)
    expect(page.get_by_text("Istanbul Protocol")).to_be_visible()

    page.go_back()
    page.get_by_role("link", name=str(prisons)).first.click()
    expect(heading(page)).to_contain_text(prisons.name)
    expect(page.get_by_role("link", name=project.title).first).to_be_visible()
    page.go_back()
    expect(heading(page)).to_have_text(training.title)

    search = page.get_by_role("search").get_by_role("searchbox")
    search.fill("documentation of injuries")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=documentation"))
    expect(page.get_by_role("main").get_by_role("link", name=training.title)).to_be_visible()

    # The language switch keeps the visitor on the same page, in French.
    language = page.get_by_role("navigation", name="Language")
    language.get_by_role("link", name=re.compile("^FR")).click()
    expect(page).to_have_url(re.compile(r"/fr/search/\?q=documentation"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    visit(page, "/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    visit(page, "/news/")
    head_feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]').first
    expect(head_feed).to_have_attribute("href", re.compile(r"/news/feed/$"))
    page.get_by_role("link", name=re.compile("News feed")).first.click()
    feed = page.request.get(page.url)
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert story.title in feed.text()
    assert_no_csp_violations(page)


def test_team_member_logs_a_training_edits_it_meets_a_conflict_and_deletes_a_draft(
    new_page, live_server, site
):
    page = new_page()
    log_in(page, site.team_member)
    start = site.project.start_date + datetime.timedelta(days=100)
    title = "Training of trainers on the CPT standards for prison managers"
    institute = factories.InstitutionFactory(
        name="Institute of Forensic Psychiatry", country=site.project.countries.get()
    )

    visit(page, "/activities/new/")
    field(page, "Project").select_option(label=site.project.title)
    field(page, "Kind").select_option(label="Training")
    field(page, "Title (English)").fill(title)
    field(page, "Status").select_option(label="Held")
    fill_date(page, "Start date", start)
    fill_date(page, "End date", start + datetime.timedelta(days=2))
    field(page, "City or place").fill("Pristina")
    page.get_by_label("Kosovo*", exact=True).check()
    page.get_by_label(str(site.objectives.healthcare)).check()
    # The project's usual institutions are listed; another one is found in the directory.
    page.get_by_label(str(site.institutions.prisons)).check()
    page.get_by_label(str(site.institutions.ombudsperson)).check()
    expect(page.get_by_label(re.compile("Forensic Psychiatry"))).to_have_count(0)
    page.get_by_role("searchbox", name="Search institutions").fill("forensic kosovo")
    page.get_by_label(f"{institute} — Kosovo*").check()
    field(page, "Participants").fill("30")
    field(page, "Women").fill("18")
    field(page, "Men").fill("12")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(heading(page)).to_have_text(title)
    activity = Activity.objects.get(title=title)
    assert activity.end_date - activity.start_date == datetime.timedelta(days=2)
    assert set(activity.institutions.all()) == {
        site.institutions.prisons,
        site.institutions.ombudsperson,
        institute,
    }
    expect(page.locator(".participants")).to_contain_text("30")

    visit(page, site.project.get_absolute_url())
    expect(page.locator("#objective-1").get_by_role("link", name=title)).to_be_visible()
    visit(page, "/my-work/")
    expect(page.get_by_role("link", name=title).first).to_be_visible()

    page.get_by_role("link", name=title).first.click()
    page.get_by_role("link", name="Edit").click()
    field(page, "Participants").fill("32")
    field(page, "Women").fill("20")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(heading(page)).to_have_text(title)
    activity.refresh_from_db()
    assert (activity.participants_total, activity.participants_women) == (32, 20)

    # The team member and a colleague on the team open the same form; the colleague saves first.
    page.get_by_role("link", name="Edit").click()
    colleague = new_page()
    log_in(colleague, site.colleague)
    visit(colleague, f"/activities/{activity.pk}/edit/")
    field(colleague, "City or place").fill("Prizren")
    colleague.get_by_role("button", name="Save", exact=True).click()
    expect(heading(colleague)).to_have_text(title)

    field(page, "City or place").fill("Peja")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Someone else changed this record while you were editing it"
    )
    activity.refresh_from_db()
    assert activity.city == "Prizren"

    visit(page, site.draft.get_absolute_url())
    page.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="Yes, delete").click()
    expect(page.get_by_role("status").or_(page.get_by_role("alert"))).to_be_visible()
    assert not NewsItem.objects.filter(pk=site.draft.pk).exists()
    assert_no_csp_violations(page)


def test_manager_reads_dashboards_exports_activities_and_records_an_indicator(page, site):
    project, training = site.project, site.activities.training
    log_in(page, site.manager)

    navigation = page.get_by_role("navigation", name="Main navigation")
    navigation.get_by_role("button", name=re.compile("account menu")).click()
    navigation.get_by_role("link", name="Dashboard").click()
    expect(heading(page)).to_have_text("Portfolio dashboard")
    page.get_by_role("main").get_by_role("link", name=project.title, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/projects/{project.slug}/dashboard/$"))
    expect(heading(page)).to_contain_text(project.title)

    charts = page.locator("canvas[data-chart]")
    expect(charts.first).to_be_visible()
    drawn = page.evaluate(
        """() => [...document.querySelectorAll("canvas[data-chart]")].map(
            (canvas) => Boolean(window.Chart && Chart.getChart(canvas)) && canvas.width > 0)"""
    )
    assert drawn and all(drawn), f"charts drawn: {drawn}"
    # Held activities: the training (24: 14 women, 10 men) and the meeting (12, not split).
    participants = page.locator("#participants")
    expect(participants.get_by_role("row", name=re.compile("^Total"))).to_contain_text("36")
    expect(participants.get_by_role("row", name=re.compile("^Women"))).to_contain_text("14")
    expect(page.locator("#activity-counts")).to_contain_text("Held: 2")
    expect(page.locator("#activity-counts")).to_contain_text("Planned: 1")
    funding = page.locator("#chart-funding").get_by_role("row", name=re.compile("Belgium"))
    expect(funding).to_contain_text("200,000")
    kinds = page.locator("#chart-kind").get_by_role("row", name=re.compile("^Training"))
    expect(kinds).to_contain_text("1")

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Activities (CSV)").click()
    assert csv_download.value.suggested_filename.endswith(".csv")
    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + 3 + 1  # header, the project's three activities, the footnote line
    assert any(training.title in row for row in rows)

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Activities (Excel)").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes()))
    sheet = workbook.active
    assert training.title in {cell.value for row in sheet.iter_rows() for cell in row}

    page.get_by_role("link", name=f"Record a value — {site.indicator.name}").click()
    fill_date(page, "Date", timezone.localdate())
    page.get_by_label("Value").fill("70")
    page.get_by_role("button", name="Record the value").click()
    expect(page).to_have_url(re.compile(rf"/projects/{project.slug}/dashboard/"))
    expect(page.locator(f"#indicator-{site.indicator.pk}")).to_contain_text("70")
    assert IndicatorValue.objects.filter(indicator=site.indicator, value=70).exists()
    assert_no_csp_violations(page)


def test_admin_adds_an_institution_with_a_contact_and_finds_it_in_the_directory(new_page, site):
    page = new_page()
    log_in(page, site.admin)  # with the code from the authenticator app

    visit(page, "/admin/stakeholders/institution/add/")
    page.get_by_label("Name [en]:", exact=True).fill("Ministry of Health")
    page.get_by_label("Acronym:").fill("MoH")
    page.get_by_label("Kind:").select_option(label="Ministry")
    # The country is an autocomplete (select2): open it, type, pick.
    page.locator(".field-country .select2-selection").click()
    page.locator(".select2-search__field").fill("Koso")
    page.get_by_role("option", name="Kosovo*").click()
    page.get_by_text("Add another Contact").click()
    contacts = page.locator(".dynamic-contacts").first
    contacts.locator("input[name$='-name']").fill("Dr Arta Krasniqi")
    contacts.locator("input[name$='-position']").fill("Head of prison healthcare")
    contacts.locator("input[name$='-email']").fill("arta@example.org")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Ministry of Health")

    institution = Institution.objects.get(name="Ministry of Health")
    assert institution.contacts.get().name == "Dr Arta Krasniqi"
    assert institution.country.code == "XK"

    visit(page, "/stakeholders/")
    page.get_by_role("main").get_by_role("link", name=re.compile("Ministry of Health")).click()
    expect(heading(page)).to_contain_text("Ministry of Health")
    # Contacts are personal data: staff see them, visitors do not.
    expect(page.get_by_text("arta@example.org")).to_be_visible()
    visitor = new_page()
    visit(visitor, institution.get_absolute_url())
    expect(heading(visitor)).to_contain_text("Ministry of Health")
    expect(visitor.get_by_text("arta@example.org")).to_have_count(0)


def test_manager_logging_an_activity_sees_the_chosen_projects_objectives(page, site):
    other = factories.ProjectFactory(title="Police accountability in Serbia")
    factories.ObjectiveFactory(project=other, code="1", title="Complaints are investigated.")
    log_in(page, site.manager)

    visit(page, "/activities/new/")
    expect(page.get_by_text("Choose the project first")).to_be_visible()
    field(page, "Project").select_option(label=other.title)
    expect(page.get_by_label(re.compile("Complaints are investigated"))).to_be_visible()
    field(page, "Project").select_option(label=site.project.title)
    expect(page.get_by_label(str(site.objectives.healthcare))).to_be_visible()
    expect(page.get_by_label(re.compile("Complaints are investigated"))).to_have_count(0)

    visit(page, f"/news/new/?project={site.project.slug}")
    activity = page.get_by_label(re.compile(r"^\s*Activity"))
    expect(activity.locator("option", has_text=site.activities.training.title)).to_have_count(1)
    field(page, "Project").select_option(label=other.title)
    expect(activity.locator("option", has_text=site.activities.training.title)).to_have_count(0)
    assert_no_csp_violations(page)


def test_visitor_and_manager_find_a_project_beyond_the_listed_ones_by_search(
    page, site, monkeypatch
):
    monkeypatch.setattr(choices, "LISTED_PROJECTS", 2)
    factories.ProjectFactory.create_batch(2)  # more recent than the one to find
    older = factories.ProjectFactory(
        title="Police accountability in Serbia",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2017, 12, 31),
    )
    factories.ObjectiveFactory(project=older, code="1", title="Complaints are investigated.")
    factories.ActivityFactory(project=older, title="Complaints training")

    visit(page, "/activities/")
    project = field(page, "Project")
    expect(project.locator("option", has_text=older.title)).to_have_count(0)
    page.get_by_label("Search all projects by title or code").fill("police serbia")
    expect(page.get_by_text("Projects found: 1")).to_be_visible()
    project.select_option(label=older.title)
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("link", name="Complaints training")).to_be_visible()
    expect(field(page, "Project")).to_have_value(older.slug)

    log_in(page, site.manager)
    visit(page, "/activities/new/")
    page.get_by_label("Search all projects by title or code").fill("accountability")
    expect(page.get_by_text("Projects found: 1")).to_be_visible()
    field(page, "Project").select_option(label=older.title)
    expect(page.get_by_label(re.compile("Complaints are investigated"))).to_be_visible()
    assert_no_csp_violations(page)
