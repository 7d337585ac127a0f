"""Content in two languages (django-modeltranslation): the original column keeps the English text.

modeltranslation adds `title_en` and `title_fr` beside `title` and reads them through the ORM;
the original column stays in the table, where the full-text indexes and any plain SQL read it.
Forms write `title_en` and `title_fr`, so each save copies the English text back into `title`.
"""

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.db.models.signals import pre_save
from django.utils import translation
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, get_language


def keep_english_in_original_columns(sender, instance, **kwargs):
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for field in translator.get_options_for_model(sender).fields:
        english = getattr(instance, f"{field}_{default}")
        if english is not None:
            instance.__dict__[field] = english


def connect_signals():
    for model in translator.get_registered_models(abstract=False):
        pre_save.connect(keep_english_in_original_columns, sender=model, weak=False)


def in_default_language():
    """Where records are built and assigned by field name: `title` then means the English text.

    modeltranslation writes `record.title = …` to the active language's column; the services
    and the demo data mean English whatever the page's language (French comes as `title_fr`).
    """
    return translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def translated_fields(model):
    """The names of `model`'s fields that have a column per language (none if not registered)."""
    if model not in translator.get_registered_models(abstract=False):
        return ()
    return tuple(translator.get_options_for_model(model).fields)


def in_active_language(field):
    """`field` (a lookup such as `funder__name`) in the active language as modeltranslation
    reads it, for values() and annotations: its own column, else the original (English) one."""
    own = F(build_localized_fieldname(field, get_language()))
    return Coalesce(NullIf(own, Value("")), F(field))


def in_original_columns(queryset):
    """`queryset` reading `title` from its own column (the English text), in any language.

    The full-text search and its GIN indexes work on the original columns; modeltranslation
    would otherwise turn `title` into `title_fr` on a French page.
    """
    rewrite = getattr(queryset, "rewrite", None)
    return rewrite(False) if rewrite else queryset
