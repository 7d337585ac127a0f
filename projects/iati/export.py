"""The portal's projects as IATI 2.03 documents (issue 17).

`activities_document(projects)` is one `<iati-activities>` file holding every project given
(the portfolio file a publisher registers, or one project's file); `organisation_document()` is
the reporting organisation's `<iati-organisations>` file. Element order follows the schemas'
sequences: identifier, reporting-org, title, description, participating-org, activity-status,
activity-date, recipient-country, sector, budget, transaction, related-activity, result.

What the IATI Validator checks beyond the schema (`rules.py`) shapes the content:
- identifiers are the organisation's reference + "-" + the project code, with no `/ & | ?` or
  spaces (rules 1.1.x); never the slug;
- budgets are split into periods of at most a year (7.5.3), each with a value date inside it;
- actual dates are never in the future (the status and dates follow today);
- every participating organisation has a role and a type;
- transactions are never dated in the future (11.2.x): expenditure dated after today waits.

The results are written by `results.py` (its `RESULT_TYPE` is read here too), the XML helpers
are in `xml.py`.
"""

from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from lxml import etree

from projects import stats
from projects.iati import IATI_VERSION
from projects.iati.results import RESULT_TYPE, add_result, period_prefetches  # noqa: F401
from projects.iati.xml import XML_LANG, decimal_text, in_languages, narrative, sub
from projects.models import (
    Expenditure,
    Funding,
    Indicator,
    IndicatorValue,
    Objective,
    Project,
    ProjectPartner,
)
from stakeholders.models import Institution

# IATI ActivityStatus codes.
PIPELINE, IMPLEMENTATION, FINALISATION, CLOSED = "1", "2", "3", "4"
# IATI OrganisationRole codes.
FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING = "1", "2", "3", "4"
# IATI ActivityDateType codes.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
# IATI BudgetStatus codes: an even split of a total is indicative; stated yearly lines committed.
INDICATIVE, COMMITTED = "1", "2"
# IATI RelatedActivityType codes: the programme is the parent; a predecessor is a sibling (a
# phase of the same work; the codelist has no "predecessor").
PARENT, SIBLING = "1", "3"
# IATI TransactionType code of money the activity spent.
EXPENDITURE = "4"
# IATI DescriptionType codes.
GENERAL, OBJECTIVES, TARGET_GROUPS = "1", "2", "3"
# The role each kind of partner has in IATI is the model's (ProjectPartner.IATI_ROLE).
# IATI OrganisationType codes by institution kind; "90" (other) for the rest.
GOVERNMENT, CIVIL_SOCIETY, MULTILATERAL, ACADEMIC, OTHER = "10", "22", "40", "80", "90"
ORGANISATION_TYPE = {
    Institution.Kind.MINISTRY: GOVERNMENT,
    Institution.Kind.AGENCY: GOVERNMENT,
    Institution.Kind.INDEPENDENT_BODY: GOVERNMENT,
    Institution.Kind.PRISON: GOVERNMENT,
    Institution.Kind.POLICE: GOVERNMENT,
    Institution.Kind.COURT: GOVERNMENT,
    Institution.Kind.PSYCHIATRIC: GOVERNMENT,
    Institution.Kind.SOCIAL_CARE: GOVERNMENT,
    Institution.Kind.CIVIL_SOCIETY: CIVIL_SOCIETY,
    Institution.Kind.INTERNATIONAL: MULTILATERAL,
    Institution.Kind.ACADEMIC: ACADEMIC,
    Institution.Kind.TRAINING_NETWORK: CIVIL_SOCIETY,
    Institution.Kind.PROFESSIONAL: CIVIL_SOCIETY,
}
# A project ended less than this long ago is in finalisation; after that it is closed.
FINALISATION_PERIOD = timedelta(days=365)
# Characters an IATI identifier may not hold (rule 1.1.x: no "/", "&", "|", "?" and no spaces).
UNSAFE_IN_IDENTIFIER = str.maketrans({c: "-" for c in "/&|? \t\n\r"})


def reporting_org():
    """The publishing organisation: settings.IATI_REPORTING_ORG (ref, type, name per language)."""
    return settings.IATI_REPORTING_ORG


def identifier(project):
    """The reporting organisation's ref + "-" + the project's code (its id when it has none)."""
    code = (project.code or f"P{project.pk}").strip().translate(UNSAFE_IN_IDENTIFIER)
    return f"{reporting_org()['ref']}-{code}"


def programme_identifier(programme):
    code = (programme.acronym or f"PR{programme.pk}").strip().translate(UNSAFE_IN_IDENTIFIER)
    return f"{reporting_org()['ref']}-{code}"


def activity_status(project, today):
    if today < project.start_date:
        return PIPELINE
    if today <= project.end_date:
        return IMPLEMENTATION
    return FINALISATION if today - project.end_date <= FINALISATION_PERIOD else CLOSED


def country_percentages(codes):
    """Equal shares with two decimals that sum to exactly 100 (the last takes the remainder)."""
    if not codes:
        return []
    share = (Decimal(100) / len(codes)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    shares = [share] * len(codes)
    shares[-1] = Decimal(100) - share * (len(codes) - 1)
    return list(zip(codes, shares, strict=True))


def budget_periods(project, lines=None):
    """(start, end, amount, status) per calendar year of the project, none longer than a year.

    Yearly budget lines, when the project has them, each cut to the project period; else the
    total split evenly by days (the last period takes the rounding). Indicative either way.
    `lines`: the project's (year, amount) budget lines, when they are read already.
    """
    if lines is None:
        lines = [(line.year, line.amount) for line in project.budget_lines.all()]
    if lines:
        return [
            (
                max(project.start_date, date(year, 1, 1)),
                min(project.end_date, date(year, 12, 31)),
                amount,
                INDICATIVE,
            )
            for year, amount in lines
        ]
    if project.budget is None:
        return []
    periods = []
    start = project.start_date
    while start <= project.end_date:
        end = min(date(start.year, 12, 31), project.end_date)
        periods.append((start, end))
        start = end + timedelta(days=1)
    total_days = (project.end_date - project.start_date).days + 1
    cent = Decimal("0.01")
    amounts = [
        (project.budget * ((end - start).days + 1) / total_days).quantize(cent, ROUND_DOWN)
        for start, end in periods
    ]
    amounts[-1] = project.budget - sum(amounts[:-1])
    return [
        (start, end, amount, INDICATIVE)
        for (start, end), amount in zip(periods, amounts, strict=True)
    ]


def organisation(parent, tag, institution, role):
    narrative(
        parent,
        tag,
        in_languages(institution, "name"),
        role=role,
        type=ORGANISATION_TYPE.get(institution.kind, OTHER),
    )


def with_export_data(projects):
    """`projects` with everything `add_activity` reads, in a fixed number of queries."""
    indicators = stats.indicators_with_progress(
        Indicator.objects.all(), values=IndicatorValue.objects.approved()
    )
    objectives = Objective.objects.order_by("position", "code").prefetch_related(
        Prefetch("indicators", queryset=indicators.prefetch_related(*period_prefetches()))
    )
    return projects.select_related("programme", "predecessor").prefetch_related(
        Prefetch(
            "fundings", queryset=Funding.objects.select_related("funder").order_by("funder__name")
        ),
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related("institution").order_by(
                "institution__name"
            ),
        ),
        "countries",
        "sectors",
        "budget_lines",
        Prefetch(
            "expenditures",
            queryset=Expenditure.objects.order_by("date", "pk"),
            to_attr="expenditure_rows",
        ),
        Prefetch("objectives", queryset=objectives),
    )


def add_activity(root, project, today):
    """Append `project` as one `<iati-activity>` to `root`."""
    org = reporting_org()
    activity = sub(
        root,
        "iati-activity",
        last_updated_datetime=project.updated_at.isoformat(),
        default_currency=project.currency,
    )
    activity.set(XML_LANG, settings.LANGUAGE_CODE)
    sub(activity, "iati-identifier", identifier(project))
    narrative(activity, "reporting-org", org["name"], ref=org["ref"], type=org["type"])
    narrative(activity, "title", in_languages(project, "title"))
    narrative(activity, "description", in_languages(project, "summary"), type=GENERAL)
    if project.description:
        narrative(activity, "description", in_languages(project, "description"), type=GENERAL)
    objectives = list(project.objectives.all())
    if objectives:
        listed = "\n".join(f"{o.code}. {o.title}" for o in objectives)
        narrative(activity, "description", listed, type=OBJECTIVES)
    if project.target_groups:
        narrative(activity, "description", project.target_groups, type=TARGET_GROUPS)

    # Participating organisations: funders, the organisation (accountable and implementing),
    # then every partner with its role.
    for funding in project.fundings.all():
        organisation(activity, "participating-org", funding.funder, FUNDING)
    for role in (ACCOUNTABLE, IMPLEMENTING):
        narrative(
            activity, "participating-org", org["name"], ref=org["ref"], type=org["type"], role=role
        )
    for partner in project.partners.all():
        if partner.institution.name in org["name"].values():
            continue  # the organisation itself, listed above with its identifier
        organisation(activity, "participating-org", partner.institution, partner.iati_role)

    sub(activity, "activity-status", code=activity_status(project, today))
    sub(activity, "activity-date", type=PLANNED_START, iso_date=project.start_date.isoformat())
    if project.start_date <= today:
        sub(activity, "activity-date", type=ACTUAL_START, iso_date=project.start_date.isoformat())
    sub(activity, "activity-date", type=PLANNED_END, iso_date=project.end_date.isoformat())
    if project.end_date < today:
        sub(activity, "activity-date", type=ACTUAL_END, iso_date=project.end_date.isoformat())

    codes = sorted(country.code for country in project.countries.all())
    for code, percentage in country_percentages(codes):
        sub(activity, "recipient-country", code=code, percentage=percentage)
    for sector in project.sectors.all():
        sub(
            activity,
            "sector",
            vocabulary="1",
            code=sector.code,
            percentage=decimal_text(sector.percentage),
        )

    for start, end, amount, status in budget_periods(project):
        budget = sub(activity, "budget", type="1", status=status)
        sub(budget, "period-start", iso_date=start.isoformat())
        sub(budget, "period-end", iso_date=end.isoformat())
        sub(
            budget,
            "value",
            decimal_text(amount),
            currency=project.currency,
            value_date=start.isoformat(),
        )

    for spent in project.expenditure_rows:
        if spent.date <= today:
            add_expenditure(activity, project, spent)

    if project.programme_id:
        sub(activity, "related-activity", ref=programme_identifier(project.programme), type=PARENT)
    if project.predecessor_id:
        sub(activity, "related-activity", ref=identifier(project.predecessor), type=SIBLING)

    for objective in objectives:
        indicators = list(objective.indicators.all())
        if indicators:  # the schema wants an indicator in every result
            add_result(activity, project, objective, indicators)
    return activity


def add_expenditure(activity, project, spent):
    """One expenditure row as an IATI transaction of type 4 (Expenditure)."""
    transaction = sub(activity, "transaction")
    sub(transaction, "transaction-type", code=EXPENDITURE)
    sub(transaction, "transaction-date", iso_date=spent.date.isoformat())
    sub(
        transaction,
        "value",
        decimal_text(spent.amount),
        currency=project.currency,
        value_date=spent.date.isoformat(),
    )
    texts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            category = str(Expenditure.Category(spent.category).label)
        texts[language] = f"{category}: {spent.note}" if spent.note else category
    narrative(transaction, "description", texts)


def activities_document(projects, *, today=None):
    """An lxml tree of one `<iati-activities>` document holding every project of `projects`."""
    return document(with_export_data(projects.order_by("start_date", "pk")), today)


def project_document(project, *, today=None):
    """One project's `<iati-activities>` document. A project loaded `with_export_data` (the
    file's view) is written as it is; another one's data is read first."""
    if not hasattr(project, "expenditure_rows"):  # the mark of with_export_data
        project = with_export_data(Project.objects.filter(pk=project.pk)).get()
    return document([project], today)


def document(projects, today=None):
    """`<iati-activities>` of `projects`, each loaded `with_export_data`."""
    today = today or timezone.localdate()
    root = etree.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": timezone.now().isoformat()},
    )
    for project in projects:
        add_activity(root, project, today)
    return etree.ElementTree(root)


def organisation_document(projects, *, today=None):
    """The reporting organisation's `<iati-organisations>` document: its name in each language
    and its total budget per calendar year and currency, summed over `projects`' budgets."""
    org = reporting_org()
    root = etree.Element(
        "iati-organisations",
        {"version": IATI_VERSION, "generated-datetime": timezone.now().isoformat()},
    )
    latest = projects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    element = sub(
        root,
        "iati-organisation",
        last_updated_datetime=(latest or timezone.now()).isoformat(),
        default_currency="EUR",
    )
    element.set(XML_LANG, settings.LANGUAGE_CODE)
    sub(element, "organisation-identifier", org["ref"])
    narrative(element, "name", org["name"])
    narrative(element, "reporting-org", org["name"], ref=org["ref"], type=org["type"])
    totals = {}
    budgeted = projects.exclude(budget=None).only("budget", "currency", "start_date", "end_date")
    for project in budgeted:
        for start, _end, amount, _status in budget_periods(project):
            key = (start.year, project.currency)
            totals[key] = totals.get(key, Decimal(0)) + amount
    for (year, currency), amount in sorted(totals.items()):
        budget = sub(element, "total-budget", status=INDICATIVE)
        sub(budget, "period-start", iso_date=date(year, 1, 1).isoformat())
        sub(budget, "period-end", iso_date=date(year, 12, 31).isoformat())
        sub(
            budget,
            "value",
            decimal_text(amount),
            currency=currency,
            value_date=date(year, 1, 1).isoformat(),
        )
    return etree.ElementTree(root)
