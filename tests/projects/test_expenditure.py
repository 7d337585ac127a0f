"""Spending (issue 15, item 8): the team records expenditure; budget, spent, remaining a year."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from projects import finance
from projects.models import Expenditure
from tests import factories
from tests.helpers import assert_database_rejects, messages_of, page, texts


@pytest.fixture
def two_year_project(project):
    project.start_date = datetime.date(2024, 1, 1)
    project.end_date = datetime.date(2025, 12, 31)
    project.budget = Decimal(300_000)
    project.currency = "EUR"
    project.save()
    factories.BudgetLineFactory(project=project, year=2024, amount=100_000)
    factories.BudgetLineFactory(project=project, year=2025, amount=200_000)
    return project


def spend(project, day, amount, category=Expenditure.Category.TRAVEL):
    return Expenditure.objects.create(
        project=project, date=day, amount=Decimal(amount), category=category
    )


def test_budget_spent_and_remaining_per_year_use_the_yearly_budgets_and_the_total(
    two_year_project,
):
    spend(two_year_project, datetime.date(2024, 3, 1), "25000")
    spend(two_year_project, datetime.date(2024, 9, 1), "15000.50", Expenditure.Category.STAFF)
    spend(two_year_project, datetime.date(2025, 2, 1), "50000")

    years, total = finance.budget_and_spending(two_year_project)

    assert [(y.year, y.budget, y.spent, y.remaining) for y in years] == [
        (2024, Decimal(100_000), Decimal("40000.50"), Decimal("59999.50")),
        (2025, Decimal(200_000), Decimal(50_000), Decimal(150_000)),
    ]
    assert (total.budget, total.spent, total.remaining) == (
        Decimal(300_000),
        Decimal("90000.50"),
        Decimal("209999.50"),
    )
    assert round(years[1].percent_spent) == 25
    # A period counts the spending inside it against the budgets of its years.
    years, total = finance.budget_and_spending(
        two_year_project, start=datetime.date(2024, 6, 1), end=datetime.date(2024, 12, 31)
    )
    assert [(y.year, y.spent) for y in years] == [(2024, Decimal("15000.50"))]
    assert total.budget == Decimal(100_000)


def test_without_yearly_budgets_the_total_is_shared_out_by_days_as_in_the_iati_export(project):
    project.start_date, project.end_date = datetime.date(2024, 7, 1), datetime.date(2025, 6, 30)
    project.budget = Decimal(365_000)
    project.save()

    years, total = finance.budget_and_spending(project)

    assert [(y.year, y.budget) for y in years] == [
        (2024, Decimal(184_000)),
        (2025, Decimal(181_000)),
    ]
    assert total.remaining == Decimal(365_000)


def test_the_team_records_edits_and_deletes_expenditure_and_sees_the_figures(
    client, team_member, two_year_project
):
    client.force_login(team_member)
    url = reverse("projects:expenditure", args=[two_year_project.slug])

    response = client.post(
        url, {"date": "2024-05-02", "amount": "1234.50", "category": "travel", "note": "Flights"}
    )
    assert response.status_code == 302
    saved = Expenditure.objects.get()
    assert (saved.project, saved.recorded_by, saved.amount) == (
        two_year_project,
        team_member,
        Decimal("1234.50"),
    )
    assert "Recorded 1234.50 EUR spent on" in messages_of(client.get(url))[0]
    doc = page(client.get(url))
    assert texts(doc, "//table[@id='budget-spending']/tbody/tr[1]/*") == [
        "2024",
        "100,000",
        "1,234.50",
        "98,765.50",
        "1 %",
    ]
    assert "Flights" in texts(doc, "//table[@id='expenditure-list']//td")

    edit = reverse("projects:expenditure-update", args=[two_year_project.slug, saved.pk])
    client.post(edit, {"date": "2024-05-02", "amount": "2000", "category": "travel", "note": ""})
    saved.refresh_from_db()
    assert saved.amount == Decimal(2000)
    delete = reverse("projects:expenditure-delete", args=[two_year_project.slug, saved.pk])
    assert client.post(delete).status_code == 302
    assert not Expenditure.objects.exists()
    assert saved.history.count() == 3  # recorded, changed, deleted


def test_bad_amounts_are_refused_with_a_message_and_another_projects_rows_are_not_found(
    client, team_member, two_year_project
):
    client.force_login(team_member)
    url = reverse("projects:expenditure", args=[two_year_project.slug])

    response = client.post(url, {"date": "2024-05-02", "amount": "-5", "category": "travel"})
    assert response.status_code == 200
    assert "The amount must be 0.01 or more." in response.content.decode()
    assert not Expenditure.objects.exists()
    other = spend(factories.ProjectFactory(), datetime.date(2024, 1, 1), "10")
    edit = reverse("projects:expenditure-update", args=[two_year_project.slug, other.pk])
    assert client.get(edit).status_code == 404
    assert_database_rejects(
        Expenditure(project=two_year_project, date=datetime.date(2024, 1, 1), amount=0)
    )
