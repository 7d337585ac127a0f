"""Country and institution names in English and French (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from stakeholders.models import Country, Institution


@register(Country)
class CountryTranslation(TranslationOptions):
    # name_fr is the column the ISO 3166 list's French name has always filled.
    fields = ("name", "footnote")


@register([Institution, Institution.history.model])
class InstitutionTranslation(TranslationOptions):
    fields = ("name",)
