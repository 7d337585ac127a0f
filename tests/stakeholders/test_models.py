import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stakeholders.models import Institution
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_territory_with_a_footnote_is_named_with_an_asterisk():
    assert str(factories.KosovoFactory()) == "Kosovo*"
    assert str(factories.CountryFactory(code="RS")) == "Serbia"


def test_country_codes_and_names_are_unique():
    factories.CountryFactory(code="RS")
    again = factories.CountryFactory.build(code="RS", name="Serbia")

    with pytest.raises(ValidationError) as excinfo:
        again.full_clean()
    assert set(excinfo.value.message_dict) == {"code", "name", "name_en"}
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()


def test_two_institutions_with_the_same_name_get_different_slugs():
    serbia = factories.InstitutionFactory(name="Ministry of Health")
    kosovo = factories.InstitutionFactory(name="Ministry of Health", country=None)

    assert (serbia.slug, kosovo.slug) == ("ministry-of-health", "ministry-of-health-2")
    kosovo.full_clean()


def test_institution_slug_includes_its_acronym_and_is_kept_on_rename():
    institution = factories.InstitutionFactory(name="Kosovo Correctional Services", acronym="KCS")
    institution.name = "Correctional Services"
    institution.save()

    assert institution.slug == "kosovo-correctional-services-kcs"
    assert str(institution) == "Correctional Services (KCS)"


def test_institution_cannot_be_its_own_parent():
    institution = factories.InstitutionFactory()
    institution.parent = institution

    with pytest.raises(ValidationError):
        institution.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        institution.save()


def test_institution_under_a_parent_is_valid():
    ministry = factories.InstitutionFactory(name="Ministry of Health")
    department = factories.InstitutionFactory(name="Prison Health Department", parent=ministry)

    department.full_clean()
    assert list(ministry.units.all()) == [department]


def test_funders_are_the_institutions_that_fund_a_project():
    funder = factories.FundingFactory().funder
    factories.FundingFactory(funder=funder)
    factories.InstitutionFactory(kind=Institution.Kind.DONOR)

    assert list(Institution.objects.funders()) == [funder]
    assert Institution.objects.of_kind(Institution.Kind.DONOR).count() == 2


def test_contact_is_shown_with_position_and_needs_a_valid_email():
    contact = factories.ContactFactory(name="Dejan Carevic", position="Director")

    assert str(contact) == "Dejan Carevic, Director"
    contact.email = "not an email"
    with pytest.raises(ValidationError) as excinfo:
        contact.full_clean()
    assert "email" in excinfo.value.message_dict
