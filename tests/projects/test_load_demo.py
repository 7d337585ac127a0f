"""The demo data against the two seed pages (demo/sources/): counts, figures; and `load_demo`.

The data tests use the `demo` fixture (demo.loader.load()); the last ones run the command itself:
idempotence, repairs, and the demo accounts it creates with DEBUG on.
"""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from activities.models import Activity, NewsItem
from core.access import is_manager
from demo.seed import DEMO_PASSWORD
from projects.models import Funding, Objective, Project, ProjectMembership
from stakeholders.models import Country, Institution

pytestmark = pytest.mark.django_db

D = datetime.date
SERBIA = "Enhancing human rights protection for detained and sentenced persons"
KOSOVO = "Improvement of the treatment of persons deprived of their liberty"


def load_demo(settings, debug=False):
    settings.DEBUG = debug
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of every project model, field by field (with many-to-many links)."""
    rows = {}
    for app in ["stakeholders", "projects", "activities", "auth"]:
        for model in apps.get_app_config(app).get_models():
            for obj in model._default_manager.order_by("pk"):
                values = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
                for m2m in model._meta.many_to_many:
                    values[m2m.name] = sorted(getattr(obj, m2m.name).values_list("pk", flat=True))
                rows[(model._meta.label, obj.pk)] = values
    return rows


def test_both_seed_projects_are_loaded_with_dates_budgets_and_programme(demo):
    serbia, kosovo = demo.serbia, demo.kosovo

    assert (serbia.title, kosovo.title) == (SERBIA, KOSOVO)
    assert Project.objects.published().count() == 3  # the two pages and seed 001's predecessor
    assert (serbia.start_date, serbia.end_date) == (D(2019, 5, 24), D(2022, 12, 31))
    assert (serbia.budget, serbia.currency, serbia.phase) == (Decimal(900_000), "EUR", "Phase II")
    assert serbia.duration_months == 44
    assert serbia.programme.name == "Horizontal Facility for the Western Balkans and Turkey"
    assert [c.code for c in serbia.countries.all()] == ["RS"]

    assert (kosovo.start_date, kosovo.end_date) == (D(2022, 10, 1), D(2025, 9, 30))
    assert (kosovo.budget, kosovo.currency) == (Decimal(850_000), "EUR")
    assert kosovo.duration_months == 36
    assert [str(c) for c in kosovo.countries.all()] == ["Kosovo*"]


def test_predecessor_of_the_kosovo_project_is_the_2016_2018_horizontal_facility_action(demo):
    predecessor = demo.kosovo.predecessor

    assert predecessor.title == "Enhancing the protection of human rights of prisoners in Kosovo*"
    assert (predecessor.start_date.year, predecessor.end_date.year) == (2016, 2018)
    assert predecessor.programme == demo.serbia.programme
    assert "years only" in predecessor.description


def test_funders_are_the_eu_and_coe_then_four_states_and_the_coe_with_unknown_amounts(demo):
    def funders(project):
        return {(f.funder.name, f.kind, f.amount) for f in project.fundings.all()}

    assert funders(demo.serbia) == {
        ("European Union", Funding.Kind.EU_CONTRIBUTION, None),
        ("Council of Europe", Funding.Kind.COE_BUDGET, None),
    }
    assert funders(demo.kosovo) == {
        ("Belgium", Funding.Kind.VOLUNTARY, None),
        ("Germany", Funding.Kind.VOLUNTARY, None),
        ("Ireland", Funding.Kind.VOLUNTARY, None),
        ("Norway", Funding.Kind.VOLUNTARY, None),
        ("Council of Europe", Funding.Kind.COE_BUDGET, None),
    }


def test_partner_institutions_by_role(demo):
    def partners(project, role):
        return {p.institution.acronym or p.institution.name for p in project.partners.all()
                if p.role == role}  # fmt: skip

    assert partners(demo.serbia, "implementing") == {"CoE"}
    assert partners(demo.serbia, "beneficiary") == {
        "Ministry of Justice",
        "MoI",
        "Ministry of Health",
        "Ministry of Labour, Employment, Veteran and Social Affairs",
        "Ombudsperson Office",
        "NPM",
        "Office for Human and Minority Rights",
        "Serbian European Integration Office",
    }
    assert partners(demo.serbia, "stakeholder") == {"CSOs"}
    assert partners(demo.kosovo, "beneficiary") == {"PHD", "IFPK", "KCS", "SIS"}
    assert partners(demo.kosovo, "stakeholder") == {
        "Kosovo Probation Service",
        "Dubrava Prison",
        "Civil society organisations in Kosovo*",
    }
    phd = Institution.objects.get(acronym="PHD")
    assert (phd.parent.name, phd.parent.country.code) == ("Ministry of Health", "XK")


def test_objectives_are_the_focus_areas_and_the_four_measures_in_order(demo):
    def logframe(project):
        return [(o.code, o.level, o.parent and o.parent.code) for o in project.objectives.all()]

    assert logframe(demo.serbia) == [
        ("1", "overall", None),
        ("1.1", "specific", "1"),
        ("1.2", "specific", "1"),
        ("1.3", "specific", "1"),
    ]
    assert logframe(demo.kosovo) == [
        ("1", "overall", None),
        ("1.1", "specific", "1"),
        ("1.2", "specific", "1"),
        ("1.3", "specific", "1"),
        ("1.4", "specific", "1"),
    ]
    measures = demo.kosovo.objectives.filter(level=Objective.Level.SPECIFIC)
    assert measures[1].title.startswith("Further enhancing the professional performance")
    assert measures[3].title.endswith("rehabilitation and reintegration into society.")


def test_indicators_are_marked_illustrative_and_measure_stated_participants(demo):
    staff = demo.serbia.objectives.get(code="1.2").indicators.get()

    assert "Illustrative" in staff.means_of_verification
    assert [(v.date, v.value) for v in staff.values.all()] == [
        (D(2021, 6, 4), 19),
        (D(2022, 3, 25), 39),
    ]
    kosovo = demo.kosovo.objectives.get(code="1.2").indicators.get()
    assert [v.value for v in kosovo.values.all()] == [30]
    assert kosovo.values.get().activity.participants_total == 30


def test_target_groups_end_beneficiaries_and_key_standards(demo):
    serbia, kosovo = demo.serbia, demo.kosovo

    assert len(serbia.key_standard_list) == 5
    assert "(ECPT)" in serbia.key_standard_list[0]
    assert "(ECHR)" in serbia.key_standard_list[1]
    assert "(CPT)" in serbia.key_standard_list[2]
    assert "(ECtHR)" in serbia.key_standard_list[3]
    assert "Chapters 23 and 24" in serbia.key_standard_list[4]
    assert "psychiatric or social care institutions" in serbia.end_beneficiaries
    assert kosovo.key_standard_list == ["Council of Europe standards", "CPT recommendations"]
    assert kosovo.target_groups.startswith("Healthcare professionals and other categories")
    assert "forensic institute patients" in kosovo.end_beneficiaries


def test_every_activity_on_the_pages_with_kind_dates_place_and_participants(demo):
    activities = {
        (a.project.title, a.start_date, a.end_date, a.kind, a.status, a.place, a.participants_total)
        for a in Activity.objects.select_related("project")
    }  # fmt: skip

    assert activities == {
        (SERBIA, D(2022, 10, 20), D(2022, 10, 21), "study_visit", "held", "", None),
        (SERBIA, D(2022, 9, 2), D(2022, 9, 2), "meeting", "held", "Belgrade", None),
        (SERBIA, D(2022, 6, 22), D(2022, 6, 22), "training", "held", "", None),
        (
            SERBIA,
            D(2022, 5, 30),
            D(2022, 5, 30),
            "workshop",
            "held",
            "Psychiatric clinic “Dr Laza Lazarevic”, Belgrade",
            None,
        ),
        (SERBIA, D(2022, 3, 25), D(2022, 3, 25), "training", "held", "Belgrade", 20),
        (SERBIA, D(2021, 3, 1), D(2021, 11, 23), "expert_review", "held", "", None),
        (SERBIA, D(2021, 5, 31), D(2021, 6, 4), "peer_training", "held", "Vrdnik", 19),
        (SERBIA, D(2020, 11, 27), D(2020, 11, 27), "working_group", "held", "", None),
        (SERBIA, D(2020, 10, 13), D(2020, 10, 14), "seminar", "held", "Belgrade", None),
        (SERBIA, D(2020, 9, 10), D(2020, 9, 10), "meeting", "held", "Belgrade", None),
        (KOSOVO, D(2024, 7, 1), D(2024, 7, 3), "training", "held", "Near Dubrava Prison", 30),
    }
    for activity in Activity.objects.all():
        activity.full_clean()
        assert not activity.is_outside_project_period()


def test_activity_details_the_pages_state(demo):
    seminar = Activity.objects.get(kind="seminar")
    assert "More than 20" in seminar.description
    assert seminar.participants_total is None

    bylaw = Activity.objects.get(start_date=D(2020, 9, 10))
    assert bylaw.format == Activity.Format.HYBRID
    assert "international consultant" in bylaw.facilitators

    visit = Activity.objects.get(kind="study_visit")
    assert {c.code for c in visit.countries.all()} == {"IE", "RS"}
    assert "Dejan Carevic" in visit.description

    vep = Activity.objects.get(start_date=D(2022, 6, 22))
    assert {str(c) for c in vep.countries.all()} == {"Kosovo*", "Serbia"}

    kosovo = Activity.objects.get(project=demo.kosovo)
    assert kosovo.facilitators == "Two Council of Europe subject matter experts."
    assert {i.acronym or i.name for i in kosovo.institutions.all()} == {
        "IFPK",
        "KCS",
        "PHD",
        "SIS",
        "Kosovo Probation Service",
        "Civil society organisations in Kosovo*",
    }
    assert [o.code for o in kosovo.objectives.all()] == ["1.1", "1.2", "1.4"]


def test_every_news_story_with_dateline_date_and_its_activity(demo):
    news = list(NewsItem.objects.published().select_related("activity"))

    assert len(news) == 11
    assert [(n.published_on, n.dateline) for n in news] == [
        (D(2024, 7, 3), "Kosovo*"),
        (D(2022, 10, 21), "Ireland"),
        (D(2022, 9, 2), "Belgrade, Serbia"),
        (D(2022, 6, 22), "Kosovo and Serbia"),
        (D(2022, 5, 30), "Belgrade, Serbia"),
        (D(2022, 3, 25), "Belgrade, Serbia"),
        (D(2021, 11, 23), "Serbia"),
        (D(2021, 6, 4), "Serbia"),
        (D(2020, 11, 30), "Serbia"),
        (D(2020, 10, 22), "Republic of Serbia"),
        (D(2020, 9, 15), "Serbia"),
    ]
    assert all(n.activity.project_id == n.project_id for n in news)
    assert news[-1].title == (
        "The Council of Europe continues supporting the Ministry of Interior in Serbia in "
        "aligning the legislation with European standards"
    )
    assert news[0].lead.startswith("Mental healthcare professionals and correctional staff")
    assert "A total of 30 mental healthcare professionals" in news[0].body


def test_countries_and_the_kosovo_footnote(demo):
    assert set(Country.objects.values_list("code", flat=True)) == {
        "RS",
        "XK",
        "IE",
        "BE",
        "DE",
        "NO",
    }
    kosovo = Country.objects.get(code="XK")
    assert "United Nations Security Council Resolution 1244" in kosovo.footnote
    assert not Country.objects.exclude(code="XK").exclude(footnote="").exists()


def test_every_loaded_row_passes_model_validation(demo):
    for model in [Project, Funding, Objective, Institution, NewsItem]:
        for obj in model.objects.all():
            obj.full_clean()


def test_running_it_twice_changes_nothing(settings):
    load_demo(settings, debug=True)
    before = snapshot()
    history = sum(model.history.count() for model in [Project, Activity, NewsItem])

    load_demo(settings, debug=True)

    assert snapshot() == before
    assert sum(model.history.count() for model in [Project, Activity, NewsItem]) == history


def test_a_changed_row_is_put_back(demo, settings):
    project = demo.serbia
    Project.objects.filter(pk=project.pk).update(budget=1, title="Edited")

    load_demo(settings)

    project.refresh_from_db()
    assert (project.title, project.budget) == (SERBIA, Decimal(900_000))


def test_without_debug_no_accounts_are_created(settings):
    out = load_demo(settings, debug=False)

    assert get_user_model().objects.count() == 0
    assert "no demo accounts" in out


def test_with_debug_demo_accounts_sign_in_and_are_told(settings, client):
    out = load_demo(settings, debug=True)
    users = {u.username: u for u in get_user_model().objects.all()}

    assert set(users) == {"admin", "manager", "officer-serbia", "officer-kosovo"}
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert is_manager(users["manager"]) and not users["manager"].is_staff
    assert {
        (m.user.username, m.project.title, m.role)
        for m in ProjectMembership.objects.select_related("user", "project")
    } == {("officer-serbia", SERBIA, "officer"), ("officer-kosovo", KOSOVO, "officer")}
    assert "http://127.0.0.1:8000/accounts/login/" in out
    assert DEMO_PASSWORD in out
    assert all(username in out for username in users)
    assert client.login(username="officer-kosovo", password=DEMO_PASSWORD)
