"""Budget, spent and remaining per calendar year and in total, in the project's currency.

The budget of a year is the one the IATI export gives (`projects.iati.export.budget_periods`: the
project's yearly budget lines, else its total split by days), so the two never disagree.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, IntegerField, Sum, Value
from django.db.models.functions import Cast, ExtractYear

from core.languages import in_active_language
from projects.iati.export import budget_periods
from projects.models import BudgetLine, Expenditure, Funding
from stakeholders.models import Institution

# What each row of `project_money`'s query is.
BUDGET, SPENT, FUNDING = "budget", "spent", "funding"


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


@dataclass
class Funded:
    """One funding of a project: its funder (as the funder's name reads) and its known amount."""

    funder: str
    funder_name: str
    amount: Decimal | None


@dataclass
class Money:
    """A project's budget lines, spending and fundings (`project_money`)."""

    lines: list  # (year, amount), oldest first
    spent: dict  # {year: amount}
    fundings: list  # Funded, the largest known amount first


def project_money(project, start=None, end=None):
    """The project's budget lines, what it spent each year from `start` to `end` and its
    fundings, from one query (a UNION of the three, each row saying which it is)."""
    columns = ["source", "year", "amount", "name", "acronym"]
    no_name = {"name": Value(""), "acronym": Value("")}
    lines = BudgetLine.objects.filter(project=project).annotate(source=Value(BUDGET), **no_name)
    spent = (
        Expenditure.objects.filter(project=project)
        .between(start, end)
        # (a whole number on every database: PostgreSQL's EXTRACT gives a numeric)
        .annotate(source=Value(SPENT), year=Cast(ExtractYear("date"), IntegerField()), **no_name)
        .values(*columns[:2], *columns[3:])
        .annotate(amount=Sum("amount"))
    )
    fundings = Funding.objects.filter(project=project).annotate(
        source=Value(FUNDING),
        year=Value(None, output_field=IntegerField()),
        name=in_active_language("funder__name"),
        acronym=F("funder__acronym"),
    )
    rows = (
        lines.order_by()
        .values_list(*columns)
        .union(
            spent.order_by().values_list(*columns),
            fundings.order_by().values_list(*columns),
            all=True,
        )
    )
    money = Money(lines=[], spent={}, fundings=[])
    for source, year, amount, name, acronym in rows:
        if source == BUDGET:
            money.lines.append((year, amount))
        elif source == SPENT:
            money.spent[year] = amount
        else:
            money.fundings.append(Funded(Institution.display_name(name, acronym), name, amount))
    money.lines.sort()
    money.fundings.sort(key=lambda f: (f.amount is None, -(f.amount or 0), f.funder_name))
    return money


def budget_and_spending(project, *, start=None, end=None, money=None):
    """(years, total): one YearFigures per year of the budget or of the spending, and the total.

    With `start`/`end`, the spending counted is that of the period (the budget stays the year's).
    A year spent in without a budget has none (not 0); the total's budget is the project's.
    `money`: the project's `project_money(project, start, end)`, when read already.
    """
    money = money or project_money(project, start, end)
    spent = money.spent
    budgets = {}
    for period_start, _end, amount, _status in budget_periods(project, money.lines):
        budgets[period_start.year] = budgets.get(period_start.year, Decimal(0)) + amount
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
