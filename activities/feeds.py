"""Atom feeds of published news: the whole portal's and one per published project.

Each in the language of its address: /fr/news/feed/ carries the French texts (xml:lang="fr"),
each field falling back to English on its own (then marked xml:lang="en"); /news/feed/ English.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from activities.models import NewsItem
from core import cache
from core.templatetags.portal_tags import fell_back
from core.text import xml_text
from projects.models import Project

FEED_LENGTH = 20


def xml_safe(value):
    """Strings (and lists of them) without what XML 1.0 cannot hold; other values as they are."""
    if isinstance(value, list | tuple):
        return [xml_safe(item) for item in value]
    if isinstance(value, str):
        return xml_text(value)
    return value


class _MarkedLanguages:
    """A feed writer's handler that gives the named elements an `xml:lang` attribute."""

    def __init__(self, handler, languages):
        self.handler, self.languages = handler, languages

    def addQuickElement(self, name, contents=None, attrs=None):  # noqa: N802 - SAX's name
        if name in self.languages:
            attrs = {**(attrs or {}), "xml:lang": self.languages[name]}
        self.handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self.handler, name)


class XmlSafeAtom1Feed(Atom1Feed):
    """An Atom feed that drops characters XML cannot hold instead of failing on them.

    The feed's or an entry's `languages` ({"title": "en"}) marks the elements whose text is in
    another language than the feed's (an English fallback in a French feed).
    """

    def add_root_elements(self, handler):
        languages = self.feed.get("languages")
        super().add_root_elements(_MarkedLanguages(handler, languages) if languages else handler)

    def add_item_elements(self, handler, item):
        languages = item.get("languages")
        super().add_item_elements(
            _MarkedLanguages(handler, languages) if languages else handler, item
        )

    def __init__(self, *args, **kwargs):
        args = [xml_safe(arg) for arg in args]
        super().__init__(*args, **{key: xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        args = [xml_safe(arg) for arg in args]
        super().add_item(*args, **{key: xml_safe(value) for key, value in kwargs.items()})


def fallen_back(record, elements):
    """{element: "en"} for the elements whose field of `record` shows its English fallback.

    modeltranslation gives each field's text in the active language, or the English text when
    that language has none.
    """
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return {element: fallback for element, field in elements.items() if fell_back(record, field)}


class LatestNewsFeed(Feed):
    """The latest published stories of every project. Feeds are public: drafts never appear."""

    feed_type = XmlSafeAtom1Feed

    def get_object(self, request, *args, **kwargs):
        cache.depends_on(request, "news")
        return None

    def title(self):
        return _("Cooperation Portal: news")

    def subtitle(self):
        return _("The latest stories from the co-operation projects.")

    def link(self):
        return reverse("news:list")

    def items(self):
        return NewsItem.objects.published().select_related("project")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom summaries are typed "html": escape the plain-text lead so markup stays text.
        return escape(item.lead)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.project.title]

    def item_extra_kwargs(self, item):
        return {"languages": fallen_back(item, {"title": "title", "summary": "lead"})}


class ProjectNewsFeed(LatestNewsFeed):
    """The latest published stories of one published project; a draft project is a 404."""

    def get_object(self, request, slug):
        project = get_object_or_404(Project.objects.published(), slug=slug)
        cache.depends_on(request, f"project:{project.pk}")
        return project

    def title(self, obj):
        return _("%(project)s: news") % {"project": obj.title}

    def subtitle(self, obj):
        return obj.summary

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_extra_kwargs(self, obj):
        return {"languages": fallen_back(obj, {"subtitle": "summary"})}

    def items(self, obj):
        return obj.news.published().select_related("project")[:FEED_LENGTH]


latest_news_feed = LatestNewsFeed()
project_news_feed = ProjectNewsFeed()
