"""Django admin: every page opens for a superuser, search and filters work, and the rules hold."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice

from activities import services
from activities.models import Activity, NewsItem
from projects.models import Funding, IndicatorDefinition, IndicatorValue, Project
from results.models import ValueReview
from stakeholders.models import ContactErasure, Institution
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_changelist_add_change_and_history_page_opens(admin_client, demo_accounts):
    # The demo accounts bring the team memberships; the demo has no spreadsheet import.
    factories.ActivityImportFactory()
    factories.ComponentFactory()
    factories.BudgetLineFactory()
    # Nor shared indicator definitions, review steps or parts of values.
    value = factories.IndicatorValueFactory()
    IndicatorDefinition.objects.create(name="People trained", unit="people")
    ValueReview.objects.create(period=value.period, action="submitted")
    StaticDevice.objects.create(user=demo_accounts["manager"], name="recovery codes")
    ContactErasure.objects.create(erased_by=demo_accounts["manager"])
    assert len(admin.site._registry) >= 14
    for model, model_admin in admin.site._registry.items():
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, f"no {model.__name__} row to open"
        urls = [admin_url(model, "changelist"), admin_url(model, "change", obj.pk)]
        if model_admin.has_add_permission(admin_client.get("/").wsgi_request):
            urls.append(admin_url(model, "add"))
        urls.append(admin_url(model, "history", obj.pk))
        for url in urls:
            response = admin_client.get(url)
            assert response.status_code == 200, url


def test_searching_activities_finds_them_by_place(admin_client, demo):
    response = admin_client.get(admin_url(Activity, "changelist"), {"q": "Vrdnik"})

    content = response.content.decode()
    assert "1st peer-to-peer training for prison treatment staff" in content
    assert "Study visit to Ireland" not in content


def test_filtering_activities_by_kind_and_year(admin_client, demo):
    url = admin_url(Activity, "changelist")

    seminars = admin_client.get(url, {"kind__exact": "seminar"}).content.decode()
    in_2020 = admin_client.get(url, {"start_date__year": "2020"}).content.decode()

    assert "Seminar on reinforcing the National Prevention Mechanism" in seminars
    assert "Meeting on the Bylaw on Police Powers" not in seminars
    assert "Meeting on the Bylaw on Police Powers" in in_2020
    assert "Study visit to Ireland" not in in_2020


def test_filtering_projects_by_status(admin_client):
    factories.ProjectFactory(title="Running now")
    factories.ProjectFactory(
        title="Long finished",
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2018, 1, 1),
    )
    url = admin_url(Project, "changelist")

    content = admin_client.get(url, {"status": "completed"}).content.decode()

    assert "Long finished" in content
    assert "Running now" not in content
    assert admin_client.get(url, {"status": "nonsense"}).status_code == 200


def test_funder_autocomplete_finds_institutions_by_acronym(admin_client, demo):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "projects", "model_name": "funding", "field_name": "funder", "term": "CoE"},
    )

    assert [row["text"] for row in response.json()["results"]] == ["Council of Europe (CoE)"]


CHANGELIST_ROWS = {
    Activity: lambda n: factories.ActivityFactory.create_batch(
        n, countries=[factories.CountryFactory(code="RS")]
    ),
    Project: lambda n: factories.ProjectFactory.create_batch(
        n, programme=factories.ProgrammeFactory()
    ),
    NewsItem: factories.NewsItemFactory.create_batch,
    Funding: factories.FundingFactory.create_batch,
    Institution: lambda n: factories.InstitutionFactory.create_batch(
        n, parent=factories.InstitutionFactory()
    ),
    IndicatorValue: factories.IndicatorValueFactory.create_batch,
}


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize("model", CHANGELIST_ROWS, ids=lambda model: model.__name__)
def test_changelist_queries_do_not_grow_with_rows(
    admin_client, django_assert_max_num_queries, model, rows
):
    CHANGELIST_ROWS[model](rows)

    # 12, and one for the second factor the session was verified with (django-otp).
    with django_assert_max_num_queries(13):
        response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count >= rows


# Activity form -------------------------------------------------------------------------------


def activity_data(activity, **changes):
    """The admin's change form as a browser sends it, opened at the activity's version."""
    data = {
        "loaded_version": activity.version if activity.pk else "",
        "project": activity.project_id,
        "kind": activity.kind,
        "title_en": activity.title_en,
        "title_fr": activity.title_fr or "",
        "status": activity.status,
        "start_date": activity.start_date.isoformat(),
        "start_precision": activity.start_precision,
        "end_date": activity.end_date.isoformat(),
        "end_precision": activity.end_precision,
        "participants_qualifier": activity.participants_qualifier,
        "venue": "",
        "city": activity.city,
        "format": activity.format,
        "description_en": "",
        "description_fr": "",
        "objectives": [o.pk for o in activity.objectives.all()] if activity.pk else [],
        "institutions": [],
        "countries": [],
        "participants_total": "",
        "participants_women": "",
        "participants_men": "",
        "facilitators": "",
        "cost": "",
        "news-TOTAL_FORMS": "0",
        "news-INITIAL_FORMS": "0",
        "news-MIN_NUM_FORMS": "0",
        "news-MAX_NUM_FORMS": "1000",
    }
    for prefix in ("pictures", "documents"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return {**data, **changes}


def test_admin_rejects_an_objective_of_another_project(admin_client):
    own = factories.ObjectiveFactory()
    foreign = factories.ObjectiveFactory(code="7", title="Elsewhere")
    activity = factories.ActivityFactory(project=own.project, objectives=[own])

    response = admin_client.post(
        admin_url(Activity, "change", activity.pk),
        activity_data(activity, objectives=[own.pk, foreign.pk]),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["objectives"] == [
        "These objectives belong to another project: 7. Elsewhere."
    ]
    assert list(activity.objectives.all()) == [own]


def test_admin_saves_objectives_of_the_activitys_project_and_records_who(admin_client, admin_user):
    own = factories.ObjectiveFactory()
    other = factories.ObjectiveFactory(project=own.project)
    activity = factories.ActivityFactory(project=own.project, objectives=[own])

    response = admin_client.post(
        admin_url(Activity, "change", activity.pk),
        activity_data(activity, objectives=[own.pk, other.pk], participants_total="12"),
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert set(activity.objectives.all()) == {own, other}
    assert (activity.participants_total, activity.version) == (12, 2)
    assert activity.updated_by == admin_user
    assert activity.history.first().history_user == admin_user


def test_admin_moves_an_activity_to_another_project_with_that_projects_objectives(admin_client):
    old, new = factories.ObjectiveFactory(), factories.ObjectiveFactory()
    activity = factories.ActivityFactory(project=old.project, objectives=[old])

    kept = admin_client.post(
        admin_url(Activity, "change", activity.pk),
        activity_data(activity, project=new.project_id),
    )
    moved = admin_client.post(
        admin_url(Activity, "change", activity.pk),
        activity_data(activity, project=new.project_id, objectives=[new.pk]),
    )

    assert "objectives" in kept.context["adminform"].form.errors
    assert moved.status_code == 302
    activity.refresh_from_db()
    assert (activity.project, list(activity.objectives.all())) == (new.project, [new])


def test_admin_rejects_women_and_men_above_the_total(admin_client):
    activity = factories.ActivityFactory()

    response = admin_client.post(
        admin_url(Activity, "change", activity.pk),
        activity_data(
            activity, participants_total="10", participants_women="6", participants_men="5"
        ),
    )

    assert response.context["adminform"].form.errors["participants_women"] == [
        "Women and men together (11) are more than the participants (10)."
    ]


def test_admin_creates_a_one_day_activity_and_records_who(admin_client, admin_user):
    project = factories.ProjectFactory()
    data = activity_data(
        Activity(project=project, kind="meeting", title="Kick-off", status="held", city="Pristina",
                 format="in_person", start_date=datetime.date(2024, 7, 1),
                 end_date=datetime.date(2024, 7, 1)),
        end_date="",
        objectives=[],
    )  # fmt: skip

    response = admin_client.post(admin_url(Activity, "add"), data)

    assert response.status_code == 302
    activity = Activity.objects.get(title="Kick-off")
    assert activity.end_date == datetime.date(2024, 7, 1)
    assert activity.created_by == admin_user


# Project form and its funding inline ---------------------------------------------------------


def project_data(project, fundings=(), **changes):
    data = {
        "title_en": project.title_en,
        "title_fr": "",
        "slug": project.slug,
        "code": project.code,
        "programme": "",
        "phase": "",
        "predecessor": "",
        "is_published": "on",
        "start_date": project.start_date.isoformat(),
        "start_precision": project.start_precision,
        "end_date": project.end_date.isoformat(),
        "end_precision": project.end_precision,
        "budget": str(project.budget),
        "currency": "EUR",
        "summary_en": project.summary_en,
        "summary_fr": "",
        "description_en": "",
        "description_fr": "",
        "countries": [],
        "target_groups_en": "",
        "target_groups_fr": "",
        "end_beneficiaries_en": "",
        "end_beneficiaries_fr": "",
        "key_standards_en": "",
        "key_standards_fr": "",
        "logframe_levels": project.logframe_levels,
    }
    for prefix in [
        "sectors",
        "budget_lines",
        "components",
        "objectives",
        "partners",
        "memberships",
        "pictures",
        "documents",
    ]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    existing = list(project.fundings.all()) if project.pk else []
    data |= {"fundings-TOTAL_FORMS": str(len(fundings)), "fundings-INITIAL_FORMS": len(existing)}
    for i, (funder, amount) in enumerate(fundings):
        data |= {
            f"fundings-{i}-funder": funder.pk,
            f"fundings-{i}-kind": "voluntary",
            f"fundings-{i}-amount": amount,
            f"fundings-{i}-share": "",
            f"fundings-{i}-note": "",
        }
        if i < len(existing):
            data |= {f"fundings-{i}-id": existing[i].pk, f"fundings-{i}-project": project.pk}
    return {**data, **changes}


def test_funding_row_above_the_budget_shows_the_funding_message(admin_client):
    project = factories.ProjectFactory(budget=100_000)
    donor = factories.InstitutionFactory(kind="donor")

    response = admin_client.post(
        admin_url(project, "change", project.pk), project_data(project, [(donor, "100001")])
    )

    assert response.status_code == 200
    assert "Known funding would total 100001" in response.content.decode()
    assert not Funding.objects.exists()


def test_funding_rows_together_above_the_budget_are_rejected(admin_client):
    project = factories.ProjectFactory(budget=100_000)
    first, second = factories.InstitutionFactory.create_batch(2, kind="donor")

    response = admin_client.post(
        admin_url(project, "change", project.pk),
        project_data(project, [(first, "60000"), (second, "50000")]),
    )

    assert response.status_code == 200
    assert "Known funding would total 110000" in response.content.decode()
    assert not Funding.objects.exists()


def test_funding_is_checked_against_the_budget_typed_in_the_same_form(admin_client):
    project = factories.ProjectFactory(budget=100_000)
    donor = factories.InstitutionFactory(kind="donor")

    response = admin_client.post(
        admin_url(project, "change", project.pk),
        project_data(project, [(donor, "150000")], budget="150000"),
    )

    assert response.status_code == 302
    assert Funding.objects.get().amount == 150_000


def test_new_project_with_funding_above_its_budget_is_rejected(admin_client):
    donor = factories.InstitutionFactory(kind="donor")
    project = factories.ProjectFactory.build(title="New", slug="", budget=1000)

    response = admin_client.post(
        admin_url(project, "add"), project_data(project, [(donor, "1001")])
    )

    assert response.status_code == 200
    assert "above the budget of 1000" in response.content.decode()
    assert not type(project).objects.filter(title="New").exists()


def test_project_end_before_start_is_a_field_error_in_the_admin(admin_client):
    project = factories.ProjectFactory()

    response = admin_client.post(
        admin_url(project, "change", project.pk),
        project_data(project, end_date=(project.start_date - datetime.timedelta(days=1))),
    )

    assert response.context["adminform"].form.errors["end_date"] == [
        "The end date must be on or after the start date."
    ]


def test_objective_inline_offers_parents_of_the_same_project_only_and_fits_the_page(
    admin_client,
):
    own = factories.ObjectiveFactory(title="Ours")
    factories.ObjectiveFactory(title="Theirs")

    response = admin_client.get(admin_url(Project, "change", own.project_id))

    inline = next(
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "objectives"
    )
    parents = inline.formset.forms[0].fields["parent"].queryset
    assert {o.title for o in parents} == {"Overall objective", "Ours"}
    html = response.content.decode()
    assert "Theirs" not in html
    # Fewer columns, folded away, narrow boxes: the long texts are on each line's own page.
    assert "objectives-0-sources_of_verification" not in html
    assert "objectives-0-assumptions" not in html
    assert inline.classes == "collapse"
    assert "css/admin.css" in html


def test_admin_refuses_to_overwrite_a_team_members_newer_save(admin_client, team_member, project):
    activity = factories.ActivityFactory(project=project, title="Training of prison staff")
    opened = activity_data(activity, title_en="Admin's title")  # the admin opens the form (v1)
    services.activity_update(
        activity, user=team_member, version=activity.version, title="Team member's title"
    )

    response = admin_client.post(admin_url(Activity, "change", activity.pk), opened)

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert "saved this record on" in errors[0]
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Team member's title", 2)
    # The form now carries the version it showed: saving again is a deliberate overwrite.
    again = admin_client.post(
        admin_url(Activity, "change", activity.pk), {**opened, "loaded_version": 2}
    )
    assert again.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Admin's title", 3)


def test_admin_story_save_raises_its_version_and_records_who(admin_client, admin_user):
    story = factories.NewsItemFactory(title="Old title")
    data = {
        "loaded_version": story.version,
        "project": story.project_id,
        "activity": "",
        "title_en": "New title",
        "title_fr": "",
        "slug": story.slug,
        "dateline": "",
        "published_on": story.published_on.isoformat(),
        "lead_en": story.lead,
        "lead_fr": "",
        "body_en": "",
        "body_fr": "",
        "is_published": "on",
        "author": story.author_id or "",
        "pictures-TOTAL_FORMS": "0",
        "pictures-INITIAL_FORMS": "0",
    }

    response = admin_client.post(admin_url(NewsItem, "change", story.pk), data)

    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.title, story.version, story.updated_by) == ("New title", 2, admin_user)
    stale = admin_client.post(
        admin_url(NewsItem, "change", story.pk), {**data, "title_en": "Stale"}
    )
    assert stale.status_code == 200
    story.refresh_from_db()
    assert story.title == "New title"
