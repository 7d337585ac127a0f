"""Adding to the directory: institutions (kept in history, with who added them) and countries.

Callers pass validated values (stakeholders.forms); these functions do not validate again.
"""

from django.db import transaction

from core.languages import in_default_language
from stakeholders.models import Contact, ContactErasure, Country, Institution


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


@transaction.atomic
def contact_erase(contact, *, user):
    """Erase a contact (personal data) with its history, as `user`; what stays says only that
    a contact of the institution was erased, by whom and when."""
    erasure = ContactErasure.objects.create(institution=contact.institution, erased_by=user)
    pk = contact.pk
    contact.skip_history_when_saving = True
    contact.delete()
    Contact.history.filter(id=pk).delete()
    return erasure
