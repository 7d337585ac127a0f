"""What the IATI Validator checks beyond the schema, run on an lxml document (issue 17).

`check(document)` lists the failures of an `<iati-activities>` or `<iati-organisations>` document:

1. The IATI Standard Ruleset for 2.03 (`data/rulesets/standard.json`; `SPEC.rst` beside it defines
   the rule types). The ruleset maps an XPath *context* to rule types, each with a list of *cases*:

       {"/iati-activities/iati-activity/budget": {
           "time_limit": {"cases": [{"start": "period-start/@iso-date",
                                     "end": "period-end/@iso-date",
                                     "ruleInfo": {"id": "7.5.3", "severity": "error", ...}}]}}}

   Every element the context selects is tested against every case. A case with a `condition`
   (an XPath) that is false there, or with an `idCondition` that does not hold, is skipped.
   Each rule type is one function below, `(element, case, env) -> None | str`: None when the case
   passes or does not apply (e.g. a date is missing), else what failed, in words. `RULES` maps the
   ruleset's names to them; a `loop` case is expanded into ordinary cases, one per value.
2. The codelist checks: the Validator's 9.x rules (`data/rulesets/validator-data-quality-rules.csv`)
   say which coded value is on which codelist (`codelists.py` reads the vendored lists).

Two choices where the official (JavaScript) validator differs: where a path matches several dates
(every transaction's date), every one is checked, not only the first; and `if`, `then` and
`condition` take XPath's boolean value, so an empty node set is false (the validator takes any
node set as true, which makes e.g. 3.7.1 pass whatever the data).
"""

import csv
import functools
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from projects.iati import codelists

RULESET_DIR = Path(__file__).resolve().parent / "data" / "rulesets"


@dataclass(frozen=True)
class Failure:
    rule_id: str  # e.g. "7.5.3"
    severity: str  # "error" or "warning"
    message: str  # the ruleset's message
    rule: str  # the rule type, e.g. "time_limit", or "codelist"
    location: str  # XPath of what failed, e.g. "/iati-activities/iati-activity[2]/budget[3]"
    line: int | None  # its line in the parsed document
    detail: str  # what was found

    def __str__(self):
        return f"{self.rule_id} ({self.severity}) at {self.location}: {self.message} {self.detail}"


@dataclass(frozen=True)
class Env:
    now: datetime  # what "NOW" and date_now compare with
    registered_org_ids: frozenset  # the IATI Registry's publisher ids, for `idCondition`


@functools.cache
def standard_ruleset():
    return json.loads((RULESET_DIR / "standard.json").read_text(encoding="utf-8"))


# --- Reading the document ------------------------------------------------------------------------


@functools.cache
def xpath(expression):
    """A compiled XPath (`xml:` is bound, as in every XPath evaluator)."""
    return etree.XPath(expression)


def select(element, paths):
    """The nodes (elements, attribute values, texts) that `paths` select, in order."""
    return [node for path in paths for node in xpath(path)(element)]


def text(node):
    return str(node) if isinstance(node, str) else xpath("string()")(node)


def texts(element, paths):
    return [text(node) for node in select(element, paths)]


def holds(element, expression):
    """XPath's boolean value of `expression` (a node set is true when it is not empty)."""
    return xpath(f"boolean({expression})")(element)


def parse_date(value):
    """An ISO date or datetime as an aware datetime (dates at midnight UTC); None if not one."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def dates(element, path, env):
    if path == "NOW":
        return [env.now]
    found = (parse_date(text(node)) for node in xpath(path)(element))
    return [moment for moment in found if moment is not None]


def first_date(element, path, env):
    found = dates(element, path, env)
    return found[0] if found else None


def number(value):
    try:
        result = Decimal(value)
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def iso(moment):
    return moment.date().isoformat() if moment.time() == datetime.min.time() else moment.isoformat()


# --- One function per rule type ------------------------------------------------------------------


def atleast_one(element, case, env):
    if not select(element, case["paths"]):
        return f"None of {', '.join(case['paths'])} is there."


def no_more_than_one(element, case, env):
    found = select(element, case["paths"])
    if len(found) > 1:
        return f"{len(found)} of {', '.join(case['paths'])} are there."


# one_or_all's `all` names which elements must each carry what, when `one` is missing.
ONE_OR_ALL = {
    "lang": ("descendant::narrative", "@xml:lang"),
    "currency": ("descendant::value | descendant::forecast | descendant::loan-status", "@currency"),
    "sector": ("transaction", "sector"),
    "recipient-country|recipient-region": ("transaction", "recipient-country | recipient-region"),
}


def one_or_all(element, case, env):
    if xpath(case["one"])(element):
        return None
    each, required = ONE_OR_ALL[case["all"]]
    missing = [node for node in xpath(each)(element) if not holds(node, required)]
    if missing:
        where = ", ".join(f"line {node.sourceline}" for node in missing)
        return f"No {case['one']}, and {len(missing)} element(s) without {required} ({where})."


def unique(element, case, env):
    values = texts(element, case["paths"])
    repeated = sorted({value for value in values if values.count(value) > 1})
    if repeated:
        return f"Repeated: {', '.join(map(repr, repeated))}."


def startswith(element, case, env):
    values = texts(element, case["paths"])
    if case["prefix"] == ["ORG-ID-PREFIX"]:
        # The registration agency is what comes before the second hyphen: XM-DAC in XM-DAC-47138.
        agencies = codelists.codes("OrganisationRegistrationAgency", withdrawn=True)
        wrong = [value for value in values if "-".join(value.split("-")[:2]) not in agencies]
        if wrong:
            return f"{', '.join(map(repr, wrong))}: no OrganisationRegistrationAgency code first."
        return None
    prefixes = [prefix + case.get("separator", "") for prefix in texts(element, case["prefix"])]
    wrong = [value for value in values if not any(map(value.startswith, prefixes))]
    if wrong:
        expected = ", ".join(map(repr, prefixes)) or f"(none of {', '.join(case['prefix'])})"
        return f"{', '.join(map(repr, wrong))} does not start with {expected}."


def regex_matches(element, case, env):
    pattern = re.compile(case["regex"])
    wrong = [
        value for value in texts(element, case["paths"]) if value and not pattern.search(value)
    ]
    if wrong:
        return f"{', '.join(map(repr, wrong))} does not match {case['regex']}."


def no_spaces(element, case, env):
    wrong = [value for value in texts(element, case["paths"]) if value != value.strip()]
    if wrong:
        return f"{', '.join(map(repr, wrong))} starts or ends with white space."


def date_order(element, case, env):
    less, more = dates(element, case["less"], env), dates(element, case["more"], env)
    if less and more and max(less) > min(more):
        return f"{case['less']} {iso(max(less))} is after {case['more']} {iso(min(more))}."


def date_now(element, case, env):
    return date_order(element, {"less": case["date"], "more": "NOW"}, env)


def time_limit(element, case, env):
    start, end = first_date(element, case["start"], env), first_date(element, case["end"], env)
    if start and end and (end - start).days > 365:
        return f"{iso(start)} to {iso(end)} is {(end - start).days} days, more than 365."


def between_dates(element, case, env):
    start, end = first_date(element, case["start"], env), first_date(element, case["end"], env)
    if start is None or end is None:
        return None
    outside = [moment for moment in dates(element, case["date"], env) if not start <= moment <= end]
    if outside:
        found = ", ".join(iso(moment) for moment in outside)
        return f"{case['date']} {found} is outside {iso(start)} to {iso(end)}."


def strict_sum(element, case, env):
    values = texts(element, case["paths"])
    numbers = [number(value) for value in values]
    if None in numbers:
        return f"Not all numbers: {', '.join(map(repr, values))}."
    total = sum(numbers, Decimal(0)).quantize(Decimal("0.0001"))
    if total != Decimal(str(case["sum"])):
        return f"The sum of {', '.join(case['paths'])} is {total.normalize():f}, not {case['sum']}."


def in_range(element, case, env):
    def inside(value):
        found = number(value)
        low, high = Decimal(str(case.get("min", found))), Decimal(str(case.get("max", found)))
        return found is not None and low <= found <= high

    wrong = [value for value in texts(element, case["paths"]) if not inside(value)]
    if wrong:
        return (
            f"{', '.join(map(repr, wrong))} is not between {case.get('min')} and {case.get('max')}."
        )


def if_then(element, case, env):
    if holds(element, case["if"]) and not holds(element, case["then"]):
        return f"{case['if']} holds, so {case['then']} must hold, and does not."


def loop(element, case):
    """The `do` cases once per distinct value `foreach` selects, "$1" in their `subs` keys
    replaced by it: [(rule type, case), ...]."""
    values = dict.fromkeys(text(node) for node in xpath(case["foreach"])(element))

    def substituted(value, template):
        if isinstance(value, list):
            return [item.replace("$1", template) for item in value]
        return value.replace("$1", template)

    return [
        (rule, {**sub_case, **{key: substituted(sub_case[key], value) for key in case["subs"]}})
        for rule, rule_cases in case["do"].items()
        for sub_case in rule_cases["cases"]
        for value in values
    ]


RULES = {
    "atleast_one": atleast_one,
    "no_more_than_one": no_more_than_one,
    "one_or_all": one_or_all,
    "unique": unique,
    "startswith": startswith,
    "regex_matches": regex_matches,
    "no_spaces": no_spaces,
    "date_order": date_order,
    "date_now": date_now,
    "time_limit": time_limit,
    "between_dates": between_dates,
    "strict_sum": strict_sum,
    "range": in_range,
    "if_then": if_then,
}


# --- Running a ruleset ---------------------------------------------------------------------------


def id_condition_holds(element, case, env):
    """`idCondition`: the case is for identifiers that are not a registered publisher's own
    (NOT_EXISTING_ORG_ID) and do not start with one and "-" (NOT_EXISTING_ORG_ID_PREFIX)."""
    kind, values = case.get("idCondition"), texts(element, case.get("paths", []))
    if kind == "NOT_EXISTING_ORG_ID":
        return not any(value in env.registered_org_ids for value in values)
    if kind == "NOT_EXISTING_ORG_ID_PREFIX":
        prefixes = tuple(f"{org_id}-" for org_id in env.registered_org_ids)
        return not any(value.startswith(prefixes) for value in values)
    return True


def failure(rule_id, severity, message, rule, node, detail):
    """A Failure located at `node`: an element, or an attribute or text of one."""
    element = node.getparent() if isinstance(node, str) else node
    where = element.getroottree().getpath(element)
    if isinstance(node, str):
        where += f"/@{node.attrname}" if node.is_attribute else "/text()"
    return Failure(rule_id, severity, message, rule, where, element.sourceline, detail)


def case_failures(element, rule, case, env):
    if rule == "loop":
        expanded = loop(element, case)
        return [found for each in expanded for found in case_failures(element, *each, env)]
    if "condition" in case and not holds(element, case["condition"]):
        return []
    if not id_condition_holds(element, case, env):
        return []
    detail = RULES[rule](element, case, env)
    if detail is None:
        return []
    info = case["ruleInfo"]
    return [failure(info["id"], info["severity"], info["message"], rule, element, detail)]


def rule_failures(document, ruleset=None, *, now=None, registered_org_ids=frozenset()):
    """The failures of `document` (an lxml tree or element) against `ruleset` (default: the
    IATI Standard Ruleset), NOW being `now` (default: this moment)."""
    env = Env(now or datetime.now(UTC), frozenset(registered_org_ids))
    ruleset = standard_ruleset() if ruleset is None else ruleset
    return [
        found
        for context, rule_types in ruleset.items()
        for element in xpath(context)(document)
        for rule, body in rule_types.items()
        for case in body["cases"]
        for found in case_failures(element, rule, case, env)
    ]


# --- The codelist checks -------------------------------------------------------------------------


@dataclass(frozen=True)
class CodelistRule:
    rule_id: str
    severity: str
    message: str
    path: str  # the coded values, e.g. "//iati-activity/participating-org/@role"
    codelist: str


# The 9.x rules' test, e.g. "me:codeListFail(., 'OrganisationRole', $iati-version)". A rule whose
# test says more (9.14.1 applies to versions other than 2.03 only) is not one of them.
CODELIST_TEST = re.compile(r"me:codeListFail\(\., '([\w-]+)', \$iati-version\)")
# The Validator's paths are XPath 2.0; one (9.76.1) compares with a sequence, `@vocabulary =
# ('1', 'DAC')`, which XPath 1.0 writes `(@vocabulary = '1' or @vocabulary = 'DAC')`.
SEQUENCE_COMPARISON = re.compile(r"(@[\w-]+) = \(('[^']*'(?:, '[^']*')*)\)")


def xpath_1(path):
    def spelled_out(match):
        name, values = match[1], match[2].split(", ")
        return "(" + " or ".join(f"{name} = {value}" for value in values) + ")"

    return SEQUENCE_COMPARISON.sub(spelled_out, path)


@functools.cache
def codelist_rules():
    """The Validator's codelist checks that apply to IATI 2.0x files."""
    with open(RULESET_DIR / "validator-data-quality-rules.csv", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    return [
        CodelistRule(
            row["ID"],
            row["Severity"].lower(),
            row["Message"],
            xpath_1(row["Context (Xpath)"]),
            test[1],
        )
        for row in rows
        if row["Where Defined"] == "Codelist Rules"
        and row["V2"] == "YES"
        and (test := CODELIST_TEST.fullmatch(row["Test (Xpath)"].strip()))
    ]


def codelist_failures(document):
    """Coded values of `document` not on their codelist (withdrawn codes are on it, as for the
    Validator). Rules whose codelist is not vendored are left out: see `unchecked_codelists`."""
    vendored = set(codelists.available())
    return [
        failure(
            rule.rule_id, rule.severity, rule.message, "codelist", value,
            f"{str(value)!r} is not on the {rule.codelist} codelist.",
        )
        for rule in codelist_rules()
        if rule.codelist in vendored
        for value in xpath(rule.path)(document)
        if value not in codelists.codes(rule.codelist, withdrawn=True)
    ]  # fmt: skip


def unchecked_codelists(document):
    """The codelist checks that `document` has values for but that cannot run here, because
    their codelist is not vendored: {rule id: codelist name}."""
    vendored = set(codelists.available())
    return {
        rule.rule_id: rule.codelist
        for rule in codelist_rules()
        if rule.codelist not in vendored and xpath(rule.path)(document)
    }


def check(document, *, now=None, registered_org_ids=frozenset()):
    """Every failure of `document` against the IATI Standard Ruleset and the codelist checks."""
    return rule_failures(
        document, now=now, registered_org_ids=registered_org_ids
    ) + codelist_failures(document)
