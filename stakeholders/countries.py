"""The ISO 3166-1 list of countries and territories, with English and French names.

From django-countries (its names are translated through Django's own catalogues, so French comes
with it), with Kosovo added under the code XK that the Council of Europe and the EU use.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import Countries


class IsoCountries(Countries):
    override = {"XK": _("Kosovo")}


ISO_COUNTRIES = IsoCountries()


def iso_name(code, language):
    """The country's name in `language` ("en", "fr"), or "" for a code not in the list."""
    with translation.override(language):
        return str(ISO_COUNTRIES.name(code))


def is_iso_code(code):
    return code in ISO_COUNTRIES


def iso_choices(exclude=()):
    """(code, "Name (CODE)") of every country and territory not in `exclude`, by name."""
    return [(code, f"{name} ({code})") for code, name in ISO_COUNTRIES if code not in exclude]
