"""sitemap.xml (Django's sitemaps framework): every public page, in English and French.

Each entry gives its English address, its French one as an `hreflang` alternate, and the
English one again as `x-default`. `/sitemap.xml` is the index; each section is split into pages
of `limit` addresses (i18n counts each language as one), so the activities of a large portfolio
stay a few light files.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from activities.models import Activity, NewsItem
from projects.models import Programme, Project
from stakeholders.models import Institution


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000


class ProjectSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Project.objects.published().only("slug").order_by("pk")


class ActivitySitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Activity.objects.visible().only("pk", "updated_at").order_by("pk")

    def lastmod(self, activity):
        return activity.updated_at


class NewsSitemap(PortalSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return NewsItem.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, story):
        return story.updated_at


class InstitutionSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Institution.objects.only("slug").order_by("pk")


class ProgrammeSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Programme.objects.only("slug").order_by("pk")


class PageSitemap(PortalSitemap):
    """The lists and the home page."""

    changefreq = "daily"

    def items(self):
        return ["home", "projects:list", "activities:list", "news:list", "stakeholders:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "projects": ProjectSitemap,
    "activities": ActivitySitemap,
    "news": NewsSitemap,
    "institutions": InstitutionSitemap,
    "programmes": ProgrammeSitemap,
}
