"""Project texts in English and French (django-modeltranslation: a column per language)."""

from modeltranslation.translator import TranslationOptions, register

from projects.models import Indicator, Objective, Programme, Project, ProjectPicture


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")
    # The name is unique in each language; a programme without a French name stores NULL.
    empty_values = {"name": None}


@register([Project, Project.history.model])
class ProjectTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "description",
        "target_groups",
        "end_beneficiaries",
        "key_standards",
    )


@register([Objective, Objective.history.model])
class ObjectiveTranslation(TranslationOptions):
    fields = ("title", "description")


@register([Indicator, Indicator.history.model])
class IndicatorTranslation(TranslationOptions):
    fields = ("name",)


@register(ProjectPicture)
class ProjectPictureTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
