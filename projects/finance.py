"""Budget, spent and remaining per calendar year and in total, in the project's currency.

The budget of a year is the one the IATI export gives (`projects.iati.export.budget_periods`: the
project's yearly budget lines, else its total split by days), so the two never disagree.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from projects.iati.export import budget_periods
from projects.models import Expenditure


@dataclass
class YearFigures:
    year: int
    budget: Decimal | None
    spent: Decimal

    @property
    def remaining(self):
        return None if self.budget is None else self.budget - self.spent

    @property
    def percent_spent(self):
        if not self.budget:
            return None
        return float(self.spent) * 100 / float(self.budget)


def spent_by_year(expenditures):
    """{year: amount} of the expenditure rows, summed in the database."""
    rows = (
        expenditures.order_by()
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(amount=Sum("amount"))
    )
    return {row["year"]: row["amount"] for row in rows}


def budget_and_spending(project, *, start=None, end=None):
    """(years, total): one YearFigures per year of the budget or of the spending, and the total.

    With `start`/`end`, the spending counted is that of the period (the budget stays the year's).
    A year spent in without a budget has none (not 0); the total's budget is the project's.
    """
    budgets = {}
    for period_start, _end, amount, _status in budget_periods(project):
        budgets[period_start.year] = budgets.get(period_start.year, Decimal(0)) + amount
    spent = spent_by_year(Expenditure.objects.filter(project=project).between(start, end))
    if start or end:
        low = start.year if start else min([*budgets, *spent], default=0)
        high = end.year if end else max([*budgets, *spent], default=0)
        budgets = {year: amount for year, amount in budgets.items() if low <= year <= high}
    years = [
        YearFigures(year, budgets.get(year), spent.get(year, Decimal(0)))
        for year in sorted({*budgets, *spent})
    ]
    if start or end:
        total_budget = sum(budgets.values()) if budgets else None
    else:
        total_budget = project.budget if project.budget is not None else None
    total = YearFigures(None, total_budget, sum((y.spent for y in years), Decimal(0)))
    return years, total
