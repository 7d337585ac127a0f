"""sitemap.xml: the public pages in English with their French alternates, nothing unpublished."""

from lxml import etree

from tests import factories

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_the_sitemap_lists_public_pages_with_hreflang_alternates(client, project):
    draft = factories.ProjectFactory(is_published=False, title="Secret draft")
    activity = factories.ActivityFactory(project=project)
    factories.ActivityFactory(project=draft)
    story = factories.NewsItemFactory(project=project, is_published=True)

    index = etree.fromstring(client.get("/sitemap.xml").content)
    sections = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert "http://testserver/sitemap-projects.xml" in sections
    assert "http://testserver/sitemap-activities.xml" in sections

    projects = etree.fromstring(client.get("/sitemap-projects.xml").content)
    (entry,) = projects.xpath(
        f"//s:url[s:loc='http://testserver/projects/{project.slug}/']", namespaces=NS
    )
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.xpath("x:link", namespaces=NS)
    }
    assert alternates == {
        "en": f"http://testserver/projects/{project.slug}/",
        "fr": f"http://testserver/fr/projects/{project.slug}/",
        "x-default": f"http://testserver/projects/{project.slug}/",
    }
    locations = projects.xpath("//s:loc/text()", namespaces=NS)
    assert f"http://testserver/fr/projects/{project.slug}/" in locations
    assert not [loc for loc in locations if draft.slug in loc]

    activities = client.get("/sitemap-activities.xml").content.decode()
    assert f"/activities/{activity.pk}/" in activities
    assert activities.count("<url>") == 2  # the published project's activity, in two languages
    assert f"/fr/news/{story.slug}/" in client.get("/sitemap-news.xml").content.decode()
    assert client.get("/sitemap-nothing.xml").status_code == 404
