"""A project's sectors: OECD DAC purpose codes from the IATI codelist, shares adding up to 100."""

import pytest
from django.db import IntegrityError, transaction
from django.forms import inlineformset_factory

from projects.forms import SectorFormSet
from projects.models import Project, ProjectSector

pytestmark = pytest.mark.django_db

Sectors = inlineformset_factory(
    Project, ProjectSector, formset=SectorFormSet, fields=["code", "percentage"], extra=0
)


def formset(project, *rows):
    data = {
        "sectors-TOTAL_FORMS": str(len(rows)),
        "sectors-INITIAL_FORMS": "0",
    }
    for i, (code, percentage) in enumerate(rows):
        data[f"sectors-{i}-code"] = code
        data[f"sectors-{i}-percentage"] = percentage
    return Sectors(data, instance=project, prefix="sectors")


def test_sector_shares_must_add_up_to_100(project):
    refused = formset(project, ("15130", "60"), ("15160", "30"))
    assert not refused.is_valid()
    assert refused.non_form_errors() == [
        "The sectors' percentages add up to 90; make them add up to 100."
    ]
    accepted = formset(project, ("15130", "60"), ("15160", "40"))
    assert accepted.is_valid(), accepted.errors
    accepted.save()
    assert [str(s) for s in project.sectors.all()] == [
        "Legal and judicial development (60 %)",
        "Human rights (40 %)",
    ]


def test_a_code_off_the_sector_codelist_is_refused_with_a_field_error(project):
    refused = formset(project, ("99999", "100"))
    assert not refused.is_valid()
    assert "99999 is not one of the available choices" in str(refused.errors[0]["code"])


def test_the_database_refuses_a_share_of_zero_or_above_100(project):
    for share in (0, 101):
        with pytest.raises(IntegrityError), transaction.atomic():
            ProjectSector.objects.create(project=project, code="15130", percentage=share)
