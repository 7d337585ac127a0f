"""The project as an IATI 2.03 `iati-activities` document (issue 5).

Element order follows the schema's sequence (iati-activities-schema.xsd): identifier,
reporting-org, title, description, participating-org, activity-status, activity-date,
recipient-country, budget, result.
"""

import functools
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from lxml import etree

from projects import stats
from projects.models import Indicator, Objective, Project
from stakeholders.models import Institution

IATI_VERSION = "2.03"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The publishing organisation; a deployment may override it with settings.IATI_REPORTING_ORG.
REPORTING_ORG = {"ref": "XI-IATI-COE", "type": "40", "name": "Council of Europe"}

# IATI ActivityStatus codes.
PIPELINE, IMPLEMENTATION, FINALISATION, CLOSED = "1", "2", "3", "4"
# IATI OrganisationRole codes.
FUNDING, EXTENDING, IMPLEMENTING = "1", "3", "4"
# IATI ActivityDateType codes.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
# IATI ResultType codes by logframe level.
RESULT_TYPE = {
    Objective.Level.ACTIVITY_GROUP: "1",  # output
    Objective.Level.OUTPUT: "1",
    Objective.Level.RESULT: "1",
    Objective.Level.PURPOSE: "2",  # outcome
    Objective.Level.SPECIFIC: "2",
    Objective.Level.OVERALL: "3",  # impact
}
# IATI OrganisationType codes by institution kind (kinds without a clear match have none).
ORGANISATION_TYPE = {
    Institution.Kind.MINISTRY: "10",
    Institution.Kind.AGENCY: "10",
    Institution.Kind.INDEPENDENT_BODY: "10",
    Institution.Kind.PRISON: "10",
    Institution.Kind.POLICE: "10",
    Institution.Kind.COURT: "10",
    Institution.Kind.PSYCHIATRIC: "10",
    Institution.Kind.SOCIAL_CARE: "10",
    Institution.Kind.CIVIL_SOCIETY: "22",
    Institution.Kind.INTERNATIONAL: "40",
    Institution.Kind.ACADEMIC: "80",
    Institution.Kind.TRAINING_NETWORK: "22",
    Institution.Kind.PROFESSIONAL: "22",
}
# A project ended less than this long ago is in finalisation; after that it is closed.
FINALISATION_PERIOD = timedelta(days=365)


@functools.cache
def schema(name="iati-activities-schema.xsd"):
    """The vendored IATI 2.03 XML Schema `name` (projects/iati/schema/), to validate documents."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / name)))


def reporting_org():
    return getattr(settings, "IATI_REPORTING_ORG", REPORTING_ORG)


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


def decimal_text(value):
    """A decimal without a trailing `.00`, as IATI values are usually written."""
    value = Decimal(value)
    return str(value.quantize(Decimal(1))) if value == value.to_integral() else str(value)


def sub(parent, tag, text=None, **attributes):
    element = etree.SubElement(
        parent, tag, {k.replace("_", "-"): str(v) for k, v in attributes.items() if v is not None}
    )
    if text is not None:
        element.text = text
    return element


def narrative(parent, tag, text, **attributes):
    element = sub(parent, tag, **attributes)
    sub(element, "narrative", text)
    return element


def budget_element(activity, project, start, end, amount):
    budget = sub(activity, "budget", type="1", status="2")
    sub(budget, "period-start", iso_date=start.isoformat())
    sub(budget, "period-end", iso_date=end.isoformat())
    sub(
        budget,
        "value",
        decimal_text(amount),
        currency=project.currency,
        value_date=start.isoformat(),
    )


def identifier(project):
    return f"{reporting_org()['ref']}-{project.code or project.slug}"


def project_document(project, *, today=None):
    """An lxml tree of one `<iati-activities>` document holding `project`."""
    today = today or timezone.localdate()
    org = reporting_org()
    root = etree.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": timezone.now().isoformat()},
    )
    activity = sub(
        root,
        "iati-activity",
        last_updated_datetime=project.updated_at.isoformat(),
        default_currency=project.currency,
    )
    activity.set(XML_LANG, settings.LANGUAGE_CODE)
    sub(activity, "iati-identifier", identifier(project))
    narrative(activity, "reporting-org", org["name"], ref=org["ref"], type=org["type"])
    narrative(activity, "title", project.title)
    narrative(activity, "description", project.summary, type="1")
    if project.description:
        narrative(activity, "description", project.description, type="1")

    # Participating organisations: funders, the organisation, then partners in their IATI roles.
    fundings = project.fundings.select_related("funder").order_by("funder__name")
    for funding in fundings:
        narrative(
            activity,
            "participating-org",
            funding.funder.name,
            role=FUNDING,
            type=ORGANISATION_TYPE.get(funding.funder.kind),
        )
    narrative(
        activity,
        "participating-org",
        org["name"],
        ref=org["ref"],
        type=org["type"],
        role=IMPLEMENTING,
    )
    for partner in project.partners.select_related("institution"):
        narrative(
            activity,
            "participating-org",
            partner.institution.name,
            role=partner.iati_role,
            type=ORGANISATION_TYPE.get(partner.institution.kind),
        )

    sub(activity, "activity-status", code=activity_status(project, today))
    sub(activity, "activity-date", type=PLANNED_START, iso_date=project.start_date.isoformat())
    if project.start_date <= today:
        sub(activity, "activity-date", type=ACTUAL_START, iso_date=project.start_date.isoformat())
    sub(activity, "activity-date", type=PLANNED_END, iso_date=project.end_date.isoformat())
    if project.end_date < today:
        sub(activity, "activity-date", type=ACTUAL_END, iso_date=project.end_date.isoformat())

    codes = list(project.countries.order_by("code").values_list("code", flat=True))
    for code, percentage in country_percentages(codes):
        sub(activity, "recipient-country", code=code, percentage=percentage)

    lines = list(project.budget_lines.all())
    if lines:
        # Annual budgets, each year cut to the project period (IATI: at most a year each).
        for line in lines:
            start = max(project.start_date, date(line.year, 1, 1))
            end = min(project.end_date, date(line.year, 12, 31))
            budget_element(activity, project, start, end, line.amount)
    elif project.budget is not None:
        budget_element(activity, project, project.start_date, project.end_date, project.budget)

    objectives = (
        Objective.objects.filter(project=project, indicators__isnull=False)
        .distinct()
        .prefetch_related(
            Prefetch(
                "indicators",
                queryset=stats.indicators_with_progress(Indicator.objects.all()),
            )
        )
        .order_by("position", "code")
    )
    for objective in objectives:
        result = sub(
            activity, "result", type=RESULT_TYPE[objective.level], aggregation_status="false"
        )
        narrative(result, "title", f"{objective.code}. {objective.title}")
        if objective.description:
            narrative(result, "description", objective.description)
        for item in objective.indicators.all():
            indicator_element(result, item, project)
    return etree.ElementTree(root)


def indicator_element(result, item, project):
    """An indicator: numbers for measures 1–4; a qualitative one's target is a comment with no
    value (IATI rule: a qualitative indicator's values are left out)."""
    ascending = None
    if not item.is_qualitative and item.baseline is not None:
        ascending = "true" if item.target >= item.baseline else "false"
    indicator = sub(result, "indicator", measure=item.measure, ascending=ascending)
    narrative(indicator, "title", item.name)
    if item.means_of_verification:
        narrative(indicator, "description", item.means_of_verification)
    if item.baseline is not None or item.baseline_year:
        year = item.baseline_year or project.start_date.year
        sub(
            indicator,
            "baseline",
            year=year,
            iso_date=f"{year}-01-01" if item.baseline_year else project.start_date.isoformat(),
            value=None
            if item.baseline is None or item.is_qualitative
            else decimal_text(item.baseline),
        )
    period = sub(indicator, "period")
    sub(period, "period-start", iso_date=project.start_date.isoformat())
    sub(period, "period-end", iso_date=project.end_date.isoformat())
    if item.is_qualitative:
        narrative(sub(period, "target"), "comment", item.target_text)
    else:
        sub(period, "target", value=decimal_text(item.target))
        if item.latest_value is not None:
            actual = sub(period, "actual", value=decimal_text(item.latest_value))
            narrative(actual, "comment", f"Latest value, measured on {item.latest_date}.")


def project_iati(request, slug):
    """Published projects for everyone; drafts only for their team and managers (else 404)."""
    project = get_object_or_404(Project.objects.for_user(request.user), slug=slug)
    document = project_document(project)
    content = etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{identifier(project)}.xml"'
    return response
