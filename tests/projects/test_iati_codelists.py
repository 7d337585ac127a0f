"""The vendored IATI codelists (projects/iati/codelists.py), the codelist checks of the rules
engine, the codes the portal keeps (every one must be on its codelist), and the rules engine on
the IATI schemas' example documents."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django import forms
from django.utils import translation
from lxml import etree

from demo import generate, seed
from projects import iati
from projects.iati import codelists, export, rules
from projects.models import (
    Indicator,
    Objective,
    Programme,
    Project,
    ProjectPartner,
    ProjectSector,
)
from projects.programme_forms import ProgrammeForm
from projects.setup_forms import ProjectForm
from stakeholders.models import Country


def test_codes_are_the_active_entries_of_a_codelist():
    assert codelists.codes("ActivityStatus") == {"1", "2", "3", "4", "5", "6"}
    assert codelists.codes("OrganisationRole") == {"1", "2", "3", "4"}
    assert {"RS", "XK", "ME", "BA"} <= codelists.codes("Country")
    assert "47138" in codelists.codes("CRSChannelCode")


def test_withdrawn_entries_stay_on_the_list_but_are_not_offered():
    # The Lithuanian litas was withdrawn when Lithuania took the euro.
    assert "LTL" in codelists.codes("Currency", withdrawn=True)
    assert "LTL" not in codelists.codes("Currency")
    offered = [code for code, _ in codelists.choices("Currency")]
    assert "LTL" not in offered
    assert offered[:3] == ["AED", "AFN", "ALL"]  # the codelist's order
    assert len(offered) == len(codelists.codes("Currency"))


def test_names_follow_the_language_and_fall_back_to_english():
    assert codelists.name_of("Sector", "15130") == "Legal and judicial development"
    assert codelists.name_of("Sector", "15160", "fr") == "Droits de la personne"
    assert codelists.name_of("CRSChannelCode", "47138") == "Council of Europe"
    # The Country codelist has English names only.
    with translation.override("fr"):
        assert codelists.name_of("Country", "XK") == "Kosovo"
        assert codelists.name_of("ActivityStatus", "4") == "Fermé"


def test_choices_labels_are_looked_up_when_shown():
    field = forms.ChoiceField(choices=codelists.choices("ActivityStatus"))
    assert dict(field.choices)["2"] == "Implementation"
    with translation.override("fr"):
        assert str(dict(field.choices)["2"]) == "Actif"


def test_a_form_field_with_codelist_choices_takes_only_the_codelists_codes():
    field = forms.ChoiceField(choices=codelists.choices("Currency"))
    assert field.clean("EUR") == "EUR"
    for wrong in ("EURO", "LTL"):
        with pytest.raises(forms.ValidationError):
            field.clean(wrong)


def test_an_unknown_codelist_or_code_is_a_clear_error():
    with pytest.raises(codelists.CodelistError, match="The Nope codelist is not vendored"):
        codelists.codes("Nope")
    with pytest.raises(codelists.CodelistError, match="'99' is not on the ActivityStatus"):
        codelists.name_of("ActivityStatus", "99")


def test_the_codelists_the_portal_writes_are_vendored():
    assert set(codelists.available()) == {
        "ActivityDateType", "ActivityScope", "ActivityStatus", "BudgetStatus", "BudgetType",
        "CRSChannelCode", "Country", "Currency", "DocumentCategory", "FileFormat",
        "IndicatorMeasure", "Language", "OrganisationRegistrationAgency", "OrganisationRole",
        "OrganisationType", "Region", "RelatedActivityType", "ResultType", "Sector",
        "SectorVocabulary", "TransactionType",
    }  # fmt: skip


# --- The codelist checks (the IATI Validator's 9.x rules) ----------------------------------------


def activity(*children):
    body = "".join(children)
    return etree.fromstring(
        '<iati-activities version="2.03"><iati-activity xml:lang="en" default-currency="EUR">'
        f"{body}</iati-activity></iati-activities>"
    )


def test_a_code_off_its_codelist_fails_its_9x_rule_at_the_attribute():
    document = activity(
        '<participating-org role="1" type="40"/>',
        '<participating-org role="9" type="40"/>',
        '<recipient-country code="YU" percentage="100"/>',
    )
    found = rules.codelist_failures(document)
    assert [(f.rule_id, f.location, f.detail) for f in found] == [
        (
            "9.41.1",
            "/iati-activities/iati-activity/participating-org[2]/@role",
            "'9' is not on the OrganisationRole codelist.",
        ),
        (
            "9.50.1",
            "/iati-activities/iati-activity/recipient-country/@code",
            "'YU' is not on the Country codelist.",
        ),
    ]
    assert found[0].message == "The organisation role is invalid."
    assert found[0].severity == "error"


def test_a_withdrawn_code_passes_as_it_does_for_the_validator():
    value = '<budget><value currency="{}" value-date="2014-01-01">1</value></budget>'
    assert rules.codelist_failures(activity(value.format("LTL"))) == []
    [failure] = rules.codelist_failures(activity(value.format("LTX")))
    assert (failure.rule_id, failure.detail) == ("9.9.1", "'LTX' is not on the Currency codelist.")


@pytest.mark.parametrize(
    "vocabulary", ['vocabulary="1"', ""], ids=["vocabulary 1", "no vocabulary"]
)
def test_oecd_dac_sector_codes_are_checked_against_the_sector_codelist(vocabulary):
    good = activity(f'<sector {vocabulary} code="15130"/>')
    assert rules.codelist_failures(good) == []
    bad = activity(f'<sector {vocabulary} code="99999"/>')
    assert [f.rule_id for f in rules.codelist_failures(bad)] == ["9.76.1"]


def test_the_validators_xpath_2_sequence_comparison_is_spelled_out_for_xpath_1():
    # 9.76.1's path compares with a sequence, which lxml's XPath 1.0 cannot read.
    assert rules.xpath_1("sector[@vocabulary = ('1', 'DAC') or not(@vocabulary)]/@code") == (
        "sector[(@vocabulary = '1' or @vocabulary = 'DAC') or not(@vocabulary)]/@code"
    )


def test_the_codelist_checks_are_the_validators_rules_for_version_2():
    by_id = {rule.rule_id: rule for rule in rules.codelist_rules()}
    assert by_id["9.41.1"].path == "//iati-activity/participating-org/@role"
    assert by_id["9.41.1"].codelist == "OrganisationRole"
    assert "9.116.1" not in by_id  # the AidType flag, removed in 2.01
    assert "9.14.1" not in by_id  # BudgetIdentifier: for versions other than 2.03 only
    assert len(by_id) == 121


def test_checks_whose_codelist_is_not_vendored_are_named_not_passed():
    document = activity('<description type="9"><narrative>D</narrative></description>')
    assert rules.codelist_failures(document) == []
    assert rules.unchecked_codelists(document) == {"9.1.1": "Version", "9.26.1": "DescriptionType"}


# --- The codes the portal keeps ------------------------------------------------------------------

# Where a model field stores an IATI code: (codelist, model, field). Add a row when a field starts
# storing one (issue 14: a partner's OrganisationRole, an indicator's IndicatorMeasure, ...).
CODED_FIELDS = [
    ("Currency", Project, "currency"),
    ("Currency", Programme, "currency"),
    ("Country", Country, "code"),
    ("Sector", ProjectSector, "code"),
    ("IndicatorMeasure", Indicator, "measure"),
]

# Codes in the data tables the portal loads: the demo data and the benchmark generator.
DATA_TABLES = [
    ("Country", "demo.seed.COUNTRIES", [code for code, _, _ in seed.COUNTRIES]),
    ("Country", "demo.generate.COUNTRIES", [code for code, _, _ in generate.COUNTRIES]),
    ("Country", "demo.generate.DONOR_COUNTRIES", generate.DONOR_COUNTRIES),
    ("Currency", "demo.generate.CURRENCIES", generate.CURRENCIES),
    # The codes the IATI export maps the portal's own choices to.
    ("OrganisationRole", "ProjectPartner.IATI_ROLE", list(ProjectPartner.IATI_ROLE.values())),
    (
        "OrganisationType",
        "export.ORGANISATION_TYPE",
        [*export.ORGANISATION_TYPE.values(), export.OTHER],
    ),
    ("ResultType", "export.RESULT_TYPE", list(export.RESULT_TYPE.values())),
    (
        "ActivityStatus",
        "export.activity_status",
        [export.PIPELINE, export.IMPLEMENTATION, export.FINALISATION, export.CLOSED],
    ),
]

# Codelists the portal writes that the IATI codelist set it was vendored from does not hold:
# iati-activities/@version (Version) and description/@type (DescriptionType).
NOT_VENDORED = {"Version", "DescriptionType"}


@pytest.mark.django_db
@pytest.mark.parametrize(("codelist", "model", "name"), CODED_FIELDS)
def test_every_code_a_model_field_stores_is_on_its_codelist(demo, codelist, model, name):
    field = model._meta.get_field(name)
    offered = {value for value, _ in field.flatchoices}
    assert offered <= codelists.codes(codelist), "choices off the codelist"
    stored = set(model.objects.values_list(name, flat=True))
    assert stored, f"no {model.__name__}.{name} in the demo data to check"
    assert stored <= codelists.codes(codelist)


def test_the_set_up_forms_offer_the_currency_codelist_as_a_select():
    offered = [code for code, _name in codelists.choices("Currency")]
    for form_class in (ProjectForm, ProgrammeForm):
        field = form_class.base_fields["currency"]
        assert isinstance(field.widget, forms.Select), form_class
        assert [code for code, _name in field.choices if code] == offered
        assert dict(field.choices)["EUR"] == "Euro"
        with pytest.raises(forms.ValidationError):
            field.clean("LTL")  # withdrawn: kept on the codelist, no longer offered


@pytest.mark.parametrize(("codelist", "table", "values"), DATA_TABLES, ids=lambda v: str(v)[:30])
def test_every_code_in_the_portals_data_tables_is_on_its_codelist(codelist, table, values):
    assert set(values) - codelists.codes(codelist) == set(), table


def test_every_partner_role_and_logframe_level_has_its_iati_code():
    assert set(ProjectPartner.IATI_ROLE) == set(ProjectPartner.Role.values)
    assert set(export.RESULT_TYPE) == set(Objective.Level.values)


@pytest.mark.django_db
def test_every_code_the_demo_projects_iati_files_write_is_on_its_codelist(demo):
    for project in Project.objects.all():
        document = etree.fromstring(etree.tostring(export.project_document(project)))
        assert rules.codelist_failures(document) == [], project.slug
        assert set(rules.unchecked_codelists(document).values()) <= NOT_VENDORED


# --- The IATI schemas' valid examples ------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "iati"
# What every example holds as a placeholder: an empty identifier under the reporting-org "xx",
# "xx" for every code, no sector, no country, no language, a participating-org with no name.
PLACEHOLDER_FAILURES = {
    "1.1.21": "startswith",  # "" does not start with "xx-"
    "1.14.8": "startswith",  # "xx" is no registration agency
    "6.11.1": "atleast_one",  # no activity date of type 1 or 2 (they are "xx")
    "6.2.2": "atleast_one",  # no sector
    "4.1.1": "one_or_all",  # no xml:lang anywhere
    "3.7.1": "if_then",  # no recipient country or region, at either level
    "6.10.1": "atleast_one",  # <participating-org role="xx"></participating-org>
    "9.4.1": "codelist",  # activity-date/@type "xx"
    "9.41.1": "codelist",  # participating-org/@role "xx"
    "9.5.1": "codelist",  # activity-status/@code "xx"
    "9.54.1": "codelist",  # reporting-org/@type "xx"
}


@pytest.mark.parametrize(
    ("example", "own_failures"),
    [
        ("02-minimal-doc.xml", {}),
        ("19-budget.xml", {"9.8.1": "codelist"}),  # budget/@type "X"
        ("22-participating-org.xml", {"9.42.1": "codelist"}),  # participating-org/@type "X"
        (
            "24-results.xml",
            {"9.55.1": "codelist", "9.60.1": "codelist"},
        ),  # type "output", measure "Unit"
    ],
)
def test_the_schemas_valid_examples_fail_only_on_their_placeholders(example, own_failures):
    document = etree.parse(str(EXAMPLES / example))
    iati.schema().assertValid(document)
    found = {
        failure.rule_id: failure.rule
        for failure in rules.check(document, now=datetime(2025, 6, 15, tzinfo=UTC))
    }
    assert found == PLACEHOLDER_FAILURES | own_failures
