"""Adding to the directory: institutions (kept in history, with who added them) and countries.

Callers pass validated values (stakeholders.forms); these functions do not validate again.
"""

from django.db import transaction

from core.languages import in_default_language
from stakeholders.models import Country, Institution


@transaction.atomic
def institution_create(*, user, **fields):
    """Add an institution to the directory as `user`."""
    with in_default_language():
        institution = Institution(**fields)
    institution._history_user = user
    institution.save()
    return institution


@transaction.atomic
def country_create(*, user, **fields):
    """Add a country or territory (the portal keeps no history of countries)."""
    with in_default_language():
        country = Country(**fields)
    country.save()
    return country
