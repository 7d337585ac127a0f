import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q, Sum

from activities.models import Activity, NewsItem
from projects.models import (
    Funding,
    Indicator,
    IndicatorValue,
    Objective,
    Project,
    ProjectMembership,
    ProjectPartner,
)
from stakeholders.models import Country, Institution
from tests import factories

SMALL = {"projects": 3, "activities": 200, "news": 20, "institutions": 30}
TODAY = datetime.date(2026, 6, 15)


def generate(**options):
    out = StringIO()
    call_command(
        "generate_data",
        **{**SMALL, "seed": 7, "today": TODAY, "force": True, **options},
        stdout=out,
    )
    return out.getvalue()


def snapshot():
    """The generated rows by content, not primary keys (a second run numbers them anew)."""
    return {
        "projects": list(
            Project.objects.order_by("slug").values_list(
                "slug", "code", "start_date", "end_date", "budget", "currency", "is_published"
            )
        ),
        "activities": list(
            Activity.objects.order_by("project__slug", "start_date", "title", "city", "pk")
            .annotate(n_objectives=Count("objectives"), n_countries=Count("countries"))
            .values_list(
                "project__slug",
                "title",
                "start_date",
                "end_date",
                "participants_total",
                "participants_women",
                "n_objectives",
                "n_countries",
            )
        ),
        "news": list(NewsItem.objects.order_by("slug").values_list("slug", "published_on")),
        "institutions": list(
            Institution.objects.order_by("slug").values_list("slug", "kind", "parent__slug")
        ),
    }


@pytest.mark.django_db
def test_generate_data_creates_exactly_the_requested_counts_and_says_so():
    out = generate()

    assert Project.objects.count() == 3
    assert Activity.objects.count() == 200
    assert NewsItem.objects.count() == 20
    assert Institution.objects.count() == 30
    assert "200" in out and "Generated in" in out


@pytest.mark.django_db
def test_generated_rows_pass_full_clean():
    generate()

    for model in [Project, Objective, Indicator, IndicatorValue, Funding, ProjectPartner]:
        for row in model.objects.order_by("?")[:15]:
            row.full_clean()
    for row in Institution.objects.order_by("?")[:30]:
        row.full_clean()
    # Activity.clean() also checks its objectives belong to its project.
    for row in Activity.objects.order_by("?")[:40]:
        row.full_clean()
    for row in NewsItem.objects.order_by("?")[:20]:
        row.full_clean()


@pytest.mark.django_db
def test_generated_activities_fit_their_project_and_participant_totals():
    generate()

    assert not Activity.objects.filter(end_date__lt=F("start_date")).exists()
    assert not Activity.objects.filter(
        Q(start_date__lt=F("project__start_date")) | Q(end_date__gt=F("project__end_date"))
    ).exists()
    assert not Activity.objects.filter(
        participants_total__lt=F("participants_women") + F("participants_men")
    ).exists()
    assert not Activity.objects.filter(participants_total__lt=F("participants_women")).exists()
    served = Activity.objectives.through.objects
    assert not served.exclude(objective__project=F("activity__project")).exists()
    assert Activity.objects.filter(objectives__isnull=False).exists()
    assert Activity.objects.filter(participants_women__isnull=False).exists()
    assert set(Activity.objects.values_list("status", flat=True)) >= {"held", "planned"}


@pytest.mark.django_db
def test_generated_projects_have_a_valid_logframe_funding_and_team():
    generate()

    assert not Project.objects.filter(end_date__lt=F("start_date")).exists()
    for project in Project.objects.all():
        funded = project.fundings.aggregate(total=Sum("amount"))["total"] or 0
        assert project.budget is None or funded <= project.budget
        assert project.objectives.filter(level="overall").count() == 1
        assert project.objectives.filter(level="specific").count() >= 2
        assert project.countries.exists() and project.partners.exists()
        assert ProjectMembership.objects.filter(project=project).exists()
    for objective in Objective.objects.exclude(level="overall").select_related("parent"):
        assert objective.parent.project_id == objective.project_id
        assert objective.parent.level == objective.level_above()
    assert not IndicatorValue.objects.filter(
        Q(date__lt=F("indicator__objective__project__start_date"))
        | Q(date__gt=F("indicator__objective__project__end_date"))
    ).exists()


@pytest.mark.django_db
def test_generated_news_and_institutions_are_consistent():
    generate()

    assert NewsItem.objects.values("slug").distinct().count() == 20
    assert not NewsItem.objects.exclude(activity=None).exclude(activity__project=F("project"))
    assert NewsItem.objects.filter(is_published=False).exists()
    assert NewsItem.objects.filter(is_published=True).exists()
    assert Project.objects.filter(is_published=False).exists()
    assert not Institution.objects.filter(parent=F("pk")).exists()
    assert Institution.objects.filter(parent__isnull=False).exists()
    assert Institution.objects.filter(kind=Institution.Kind.DONOR).count() >= 2
    assert Country.objects.get(code="XK").footnote.startswith("All reference to Kosovo")
    assert {"RS", "AL", "BA", "ME", "MK", "TR", "UA", "MD", "GE", "AM", "AZ"} <= set(
        Country.objects.values_list("code", flat=True)
    )


@pytest.mark.django_db
def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    generate()
    first = snapshot()

    generate(clear=True)
    assert snapshot() == first

    generate(clear=True, seed=8)
    assert snapshot() != first


@pytest.mark.django_db
def test_clear_replaces_the_data_but_keeps_real_users():
    someone = factories.UserFactory(username="alice")
    generate()
    generate(clear=True)

    assert Project.objects.count() == 3
    assert Activity.objects.count() == 200
    assert get_user_model().objects.filter(pk=someone.pk).exists()


@pytest.mark.django_db
def test_without_clear_a_second_run_adds_rows_with_fresh_slugs():
    generate()
    generate(seed=7)

    assert Project.objects.count() == 6
    assert Project.objects.values("slug").distinct().count() == 6
    assert NewsItem.objects.values("slug").distinct().count() == 40


@pytest.mark.django_db
def test_generate_data_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        generate(force=False)
    assert not Project.objects.exists()
