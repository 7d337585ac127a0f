"""The IATI rules engine (projects/iati/rules.py), rule type by rule type.

Each test runs one rule of the vendored IATI Standard Ruleset, picked by its id, on a small
document: one that passes and one that fails. The ruleset's own example (SPEC.rst) runs as given.
"""

import json
import re
from datetime import UTC, datetime

import pytest
from lxml import etree

from projects import iati
from projects.iati import rules

NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
REPORTING_ORG = (
    '<reporting-org ref="XM-DAC-47138" type="40"><narrative>CoE</narrative></reporting-org>'
)


def only(rule_id):
    """The part of the Standard Ruleset that is rule `rule_id` (a loop with it kept whole)."""

    def has_id(rule, case):
        if rule == "loop":
            return any(has_id(*each) for each in loop_cases(case))
        return case["ruleInfo"]["id"] == rule_id

    def loop_cases(case):
        return [(rule, sub) for rule, body in case["do"].items() for sub in body["cases"]]

    picked = {}
    for context, rule_types in rules.standard_ruleset().items():
        for rule, body in rule_types.items():
            cases = [case for case in body["cases"] if has_id(rule, case)]
            if cases:
                picked.setdefault(context, {})[rule] = {"cases": cases}
    assert picked, f"no rule {rule_id} in standard.json"
    return picked


def activity(*children, **attributes):
    """An <iati-activities> document of one activity holding `children` (XML strings)."""
    attributes = {"xml:lang": "en", "default-currency": "EUR", **attributes}
    spelled = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    body = "\n".join(children)
    return (
        f'<iati-activities version="2.03"><iati-activity {spelled}>\n{body}\n'
        "</iati-activity></iati-activities>"
    )


def failures(rule_id, xml, **options):
    """The failures of `xml` against rule `rule_id` alone, NOW being NOW."""
    document = etree.fromstring(xml.encode()).getroottree()
    found = rules.rule_failures(document, only(rule_id), now=NOW, **options)
    assert {failure.rule_id for failure in found} <= {rule_id}
    return found


def passes(rule_id, xml, **options):
    return failures(rule_id, xml, **options) == []


def test_every_rule_type_the_standard_ruleset_uses_has_its_function():
    used = set()
    for rule_types in rules.standard_ruleset().values():
        for rule, body in rule_types.items():
            used.add(rule)
            for case in body["cases"]:
                used.update(case.get("do", {}))
    assert used == set(rules.RULES) | {"loop"}
    assert len(used) == 15


def test_the_ruleset_example_in_spec_rst_runs_as_given():
    spec = (rules.RULESET_DIR / "SPEC.rst").read_text()
    block = re.search(r"\.\. code-block:: json\n(.*?)\n(?=\S)", spec, re.DOTALL)[1]
    example = json.loads(block)
    document = etree.fromstring(activity('<capital-spend percentage="150"/>'))
    found = rules.rule_failures(document, example, now=NOW)
    assert [(f.rule_id, f.rule) for f in found] == [("6.11.1", "atleast_one"), ("12.2.1", "range")]
    assert "'150' is not between 0.0 and 100.0" in found[1].detail
    complete = activity(
        "<iati-identifier>XM-DAC-47138-1</iati-identifier>", '<capital-spend percentage="100"/>'
    )
    assert rules.rule_failures(etree.fromstring(complete), example, now=NOW) == []


def test_atleast_one_wants_a_sector_on_the_activity_or_on_its_transactions():
    assert passes("6.2.2", activity('<sector code="15130" vocabulary="1"/>'))
    assert passes("6.2.2", activity('<transaction><sector code="15130"/></transaction>'))
    [failure] = failures("6.2.2", activity("<title><narrative>No sector</narrative></title>"))
    assert (failure.severity, failure.location, failure.line) == (
        "error",
        "/iati-activities/iati-activity",
        1,
    )
    assert failure.message.startswith("Each activity must have a specified sector")


def test_atleast_one_wants_narrative_text_in_every_title_however_deep():
    xml = activity(
        "<title><narrative>Prisons</narrative></title>",
        "<result><title><narrative/></title></result>",
    )
    [failure] = failures("4.3.1", xml)
    assert failure.location == "/iati-activities/iati-activity/result/title"


def test_no_more_than_one_reference_at_result_or_indicator_level():
    indicator = '<indicator measure="1"><reference vocabulary="1" code="A"/></indicator>'
    assert passes("8.11.1", activity(f"<result>{indicator}</result>"))
    both = activity(f'<result><reference vocabulary="1" code="B"/>{indicator}</result>')
    [failure] = failures("8.11.1", both)
    assert failure.location == "/iati-activities/iati-activity/result/indicator"
    assert failure.detail == "2 of reference[1], ../reference[1] are there."


def test_one_or_all_takes_a_default_language_or_one_on_every_narrative():
    narratives = (
        '<title><narrative xml:lang="en">T</narrative></title>'
        "<description><narrative>D</narrative></description>"
    )
    assert passes("4.1.1", activity(narratives))
    no_default = activity(narratives).replace('xml:lang="en" default', "default")
    [failure] = failures("4.1.1", no_default)
    assert failure.detail == "No @xml:lang, and 1 element(s) without @xml:lang (line 2)."
    every = no_default.replace("<narrative>D", '<narrative xml:lang="fr">D')
    assert passes("4.1.1", every)


def test_one_or_all_takes_a_default_currency_or_one_on_every_value():
    budget = '<budget><value value-date="2025-01-01"{}>10</value></budget>'
    assert passes("7.8.1", activity(budget.format("")))
    xml = activity(budget.format(' currency="EUR"'))
    assert passes("7.8.1", xml.replace(' default-currency="EUR"', ""))
    assert not passes("7.8.1", activity(budget.format("")).replace(' default-currency="EUR"', ""))


def test_one_or_all_wants_a_sector_on_every_transaction_when_the_activity_has_none():
    with_sector = '<transaction><sector code="15130"/></transaction>'
    assert passes("6.7.2", activity(with_sector, with_sector))
    assert not passes("6.7.2", activity(with_sector, "<transaction/>"))
    assert passes("6.7.2", activity('<sector code="15130"/>', "<transaction/>"))


def test_unique_activity_identifier_differs_from_the_organisation_identifier():
    assert passes(
        "1.1.3", activity(REPORTING_ORG, "<iati-identifier>XM-DAC-47138-1</iati-identifier>")
    )
    same = activity(REPORTING_ORG, "<iati-identifier>XM-DAC-47138</iati-identifier>")
    [failure] = failures("1.1.3", same)
    assert failure.detail == "Repeated: 'XM-DAC-47138'."


@pytest.mark.parametrize(
    ("identifier", "ok"),
    [
        ("XM-DAC-47138-2203-HF", True),
        ("XM-DAC-471382203", False),  # no hyphen after the organisation identifier
        ("XI-IATI-COE-2203", False),  # another organisation's identifier
        ("OLD-ORG-2203", True),  # a previous identifier, given as other-identifier B1
    ],
)
def test_startswith_activity_identifier_begins_with_the_organisation_identifier(identifier, ok):
    xml = activity(
        f"<iati-identifier>{identifier}</iati-identifier>",
        REPORTING_ORG,
        '<other-identifier ref="OLD-ORG" type="B1"/>',
    )
    assert passes("1.1.21", xml) is ok


@pytest.mark.parametrize(
    ("ref", "ok"),
    [("XM-DAC-47138", True), ("GB-COH-123456", True), ("XX-NOPE-1", False), ("COE", False)],
)
def test_startswith_reporting_org_begins_with_a_registration_agency_code(ref, ok):
    xml = activity(f'<reporting-org ref="{ref}" type="40"/>')
    assert passes("1.14.8", xml) is ok


def test_id_condition_leaves_out_a_registered_publishers_own_identifier():
    xml = activity('<reporting-org ref="XX-NOPE-1" type="40"/>')
    assert not passes("1.14.8", xml)
    assert passes("1.14.8", xml, registered_org_ids={"XX-NOPE-1"})


def test_regex_matches_refuses_slashes_and_ampersands_in_identifiers():
    assert passes("1.3.13", activity("<iati-identifier>XM-DAC-47138-2203-HF</iati-identifier>"))
    [failure] = failures(
        "1.3.13", activity("<iati-identifier>XM-DAC-47138-A/B&amp;C</iati-identifier>")
    )
    assert failure.detail.startswith("'XM-DAC-47138-A/B&C' does not match")
    # NOT_EXISTING_ORG_ID_PREFIX: an identifier under a registered publisher's is theirs to judge.
    slashed = activity("<iati-identifier>XM-DAC-47138-A/B</iati-identifier>")
    assert passes("1.3.13", slashed, registered_org_ids={"XM-DAC-47138"})


def test_no_spaces_around_identifiers():
    assert passes("1.3.1", activity("<iati-identifier>XM-DAC-47138-1</iati-identifier>"))
    assert not passes("1.3.1", activity("<iati-identifier> XM-DAC-47138-1</iati-identifier>"))
    assert not passes("1.3.1", activity("<iati-identifier>XM-DAC-47138-1\n</iati-identifier>"))


def dated(*dates):
    return activity(*(f'<activity-date type="{kind}" iso-date="{day}"/>' for kind, day in dates))


def test_date_order_planned_start_not_after_planned_end():
    assert passes("11.1.2", dated(("1", "2024-01-01"), ("3", "2024-01-01")))
    [failure] = failures("11.1.2", dated(("1", "2024-02-01"), ("3", "2024-01-01")))
    assert failure.detail == (
        "activity-date[@type='1']/@iso-date 2024-02-01 is after "
        "activity-date[@type='3']/@iso-date 2024-01-01."
    )
    assert passes("11.1.2", dated(("1", "2024-02-01")))  # no end date: nothing to compare


def test_date_order_now_keeps_actual_dates_out_of_the_future():
    assert passes("11.1.4", dated(("2", "2025-06-15")))
    assert not passes("11.1.4", dated(("2", "2025-06-16")))


def test_date_order_checks_every_transaction_date_not_only_the_first():
    transactions = [
        f'<transaction><transaction-date iso-date="{day}"/></transaction>'
        for day in ("2024-01-01", "2026-01-01")
    ]
    [failure] = failures("11.2.1", activity(*transactions))
    assert "2026-01-01 is after NOW" in failure.detail


def test_date_now_last_updated_datetime_not_in_the_future():
    assert passes("11.1.1", activity(last_updated_datetime="2025-06-15T11:00:00+00:00"))
    assert passes("11.1.1", activity(last_updated_datetime="2025-06-15T13:30:00+02:00"))
    [failure] = failures("11.1.1", activity(last_updated_datetime="2025-06-15T13:00:00Z"))
    assert "2025-06-15T13:00:00+00:00 is after NOW" in failure.detail


def budget(start, end, value_date=None):
    value_date = value_date or start
    return (
        f'<budget type="1" status="1"><period-start iso-date="{start}"/>'
        f'<period-end iso-date="{end}"/>'
        f'<value currency="EUR" value-date="{value_date}">100</value></budget>'
    )


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        ("2023-01-01", "2023-12-31", True),
        ("2024-01-01", "2024-12-31", True),  # a leap year: 365 days between the two dates
        ("2023-01-01", "2024-01-01", True),
        ("2023-01-01", "2024-01-02", False),
        ("2019-05-24", "2022-12-31", False),  # the whole project as one budget period
    ],
)
def test_time_limit_a_budget_period_is_a_year_or_less(start, end, ok):
    assert passes("7.5.3", activity(budget(start, end))) is ok


def test_time_limit_failure_names_the_period_and_its_length():
    [failure] = failures(
        "7.5.3", activity(budget("2023-01-01", "2023-06-30"), budget("2023-07-01", "2025-06-30"))
    )
    assert failure.location == "/iati-activities/iati-activity/budget[2]"
    assert failure.detail == "2023-07-01 to 2025-06-30 is 730 days, more than 365."


def organisation(*children):
    body = "\n".join(children)
    return (
        '<iati-organisations version="2.03">'
        '<iati-organisation xml:lang="en" default-currency="EUR">'
        f"<organisation-identifier>XM-DAC-47138</organisation-identifier>{body}"
        "</iati-organisation></iati-organisations>"
    )


def country_budget(*value_dates):
    lines = "".join(
        f'<budget-line ref="{n}"><value value-date="{day}">10</value></budget-line>'
        for n, day in enumerate(value_dates)
    )
    return (
        '<recipient-country-budget><recipient-country code="RS"/>'
        '<period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/>'
        f'<value value-date="2025-01-01">20</value>{lines}</recipient-country-budget>'
    )


def test_between_dates_budget_line_value_dates_inside_the_period():
    assert passes("11.3.1", organisation(country_budget("2025-01-01", "2025-12-31")))
    [failure] = failures("11.3.1", organisation(country_budget("2025-03-01", "2026-01-01")))
    assert failure.location == "/iati-organisations/iati-organisation/recipient-country-budget"
    assert "2026-01-01 is outside 2025-01-01 to 2025-12-31" in failure.detail


def countries(*percentages):
    codes = ["RS", "XK", "ME"]
    return [
        f'<recipient-country code="{code}" percentage="{share}"/>'
        for code, share in zip(codes, percentages, strict=False)
    ]


def test_strict_sum_country_percentages_add_up_to_100():
    assert passes("3.1.2", activity(*countries("50", "50")))
    assert passes("3.1.2", activity(*countries("33.33", "33.33", "33.34")))
    [failure] = failures("3.1.2", activity(*countries("50", "40")))
    assert failure.detail == "The sum of recipient-country/@percentage is 90, not 100."
    assert not passes("3.1.2", activity(*countries("50", "49.99")))
    assert not passes("3.1.2", activity(*countries("50", "fifty")))
    assert passes("3.1.2", activity(*countries("80")))  # one country: the condition leaves it out


@pytest.mark.parametrize(
    ("share", "ok"), [("0", True), ("100", True), ("100.01", False), ("-1", False), ("all", False)]
)
def test_range_a_percentage_lies_between_0_and_100(share, ok):
    assert passes("12.1.1", activity(*countries(share))) is ok


def test_if_then_a_single_country_has_100_percent_or_none():
    assert passes("3.1.4", activity('<recipient-country code="RS"/>'))
    assert passes("3.1.4", activity(*countries("100")))
    [failure] = failures("3.1.4", activity(*countries("80")))
    assert failure.detail.startswith(
        "count(recipient-country) = 1 and not(recipient-region) holds, so"
    )


def indicator(measure, value):
    baseline = f'<baseline year="2024" value="{value}"/>'
    return f'<result type="1"><indicator measure="{measure}">{baseline}</indicator></result>'


def test_if_then_quantitative_baselines_are_numbers_qualitative_ones_are_absent():
    assert passes("8.8.2", activity(indicator("1", "35")))
    [failure] = failures("8.8.2", activity(indicator("1", "N=35")))
    assert failure.location == "/iati-activities/iati-activity/result/indicator/baseline"
    assert not passes("8.8.3", activity(indicator("5", "35")))
    assert passes(
        "8.8.3",
        activity('<result><indicator measure="5"><baseline year="2024"/></indicator></result>'),
    )


def test_atleast_one_a_quantitative_target_has_a_value():
    period = (
        '<period><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/>'
        "<target{}/></period>"
    )
    xml = activity(f'<result><indicator measure="2">{period}</indicator></result>')
    assert passes("8.9.1", xml.format(' value="80"'))
    assert not passes("8.9.1", xml.format(""))


def test_loop_runs_its_cases_once_for_each_vocabulary():
    sectors = [
        '<sector vocabulary="99" code="A" percentage="60"/>',
        '<sector vocabulary="99" code="B"/>',
        '<sector vocabulary="98" code="C" percentage="50"/>',
        '<sector vocabulary="98" code="D" percentage="50"/>',
    ]
    [failure] = failures("2.1.1", activity(*sectors))  # vocabulary 99 only: B has no percentage
    assert failure.detail.startswith("count(sector[@vocabulary = '99']) > 1 holds")
    assert passes("2.1.1", activity(*sectors).replace('code="B"/>', 'code="B" percentage="40"/>'))


def test_loop_substitutes_the_value_in_the_keys_named_in_subs():
    regions = [
        '<recipient-region vocabulary="1" code="89" percentage="60"/>',
        '<recipient-region vocabulary="1" code="298" percentage="30"/>',
    ]
    [failure] = failures("3.4.2", activity(*regions))
    assert failure.detail.startswith("The sum of recipient-region[@vocabulary = '1']/@percentage")
    assert passes("3.4.2", activity(*regions).replace('"30"', '"40"'))


def test_a_complete_activity_passes_every_rule_and_codelist_check():
    xml = activity(
        "<iati-identifier>XM-DAC-47138-2203-HF</iati-identifier>",
        REPORTING_ORG,
        "<title><narrative>Human rights in prisons</narrative></title>",
        '<description type="1"><narrative>What the project does.</narrative></description>',
        '<participating-org role="1" type="40"><narrative>EU</narrative></participating-org>',
        '<participating-org role="4" ref="XM-DAC-47138"><narrative>CoE</narrative>'
        "</participating-org>",
        '<activity-status code="2"/>',
        '<activity-date type="1" iso-date="2024-01-01"/>',
        '<activity-date type="2" iso-date="2024-01-01"/>',
        '<activity-date type="3" iso-date="2026-12-31"/>',
        *countries("50", "50"),
        '<sector vocabulary="1" code="15130" percentage="60"/>',
        '<sector vocabulary="1" code="15160" percentage="40"/>',
        budget("2024-01-01", "2024-12-31"),
        budget("2025-01-01", "2025-12-31"),
        last_updated_datetime="2025-06-01T10:00:00+00:00",
    )
    document = etree.fromstring(xml)
    iati.schema().assertValid(document)
    assert rules.check(document, now=NOW) == []
