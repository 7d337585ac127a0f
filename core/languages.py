"""Content in two languages (django-modeltranslation): the original column keeps the English text.

modeltranslation adds `title_en` and `title_fr` beside `title` and reads them through the ORM;
the original column stays in the table, where the full-text indexes and any plain SQL read it.
Forms write `title_en` and `title_fr`, so each save copies the English text back into `title`.
"""

from django.conf import settings
from django.db.models.signals import pre_save
from modeltranslation.translator import translator


def keep_english_in_original_columns(sender, instance, **kwargs):
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for field in translator.get_options_for_model(sender).fields:
        english = getattr(instance, f"{field}_{default}")
        if english is not None:
            instance.__dict__[field] = english


def connect_signals():
    for model in translator.get_registered_models(abstract=False):
        pre_save.connect(keep_english_in_original_columns, sender=model, weak=False)
