"""Activity and news texts in English and French (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from activities.models import Activity, ActivityPicture, NewsItem, NewsPicture


@register([Activity, Activity.history.model])
class ActivityTranslation(TranslationOptions):
    fields = ("title", "description")


@register([NewsItem, NewsItem.history.model])
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "lead", "body")


@register([ActivityPicture, NewsPicture])
class PictureTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
