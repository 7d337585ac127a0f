"""The home page's visual lead, and what it says when there is nothing to show."""

import datetime

import lxml.html
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from activities.models import NewsPicture
from tests import factories
from tests.helpers import image_bytes


def test_home_leads_with_pictured_stories_and_completed_projects_when_none_runs(db, media_root):
    visitor = Client()
    empty = lxml.html.fromstring(visitor.get("/").content)
    text = empty.text_content()
    assert "managers set them up from the project list" in text
    assert "Project teams publish stories from My work" in text
    assert not empty.xpath("//section[contains(@class, 'home-lead')]")

    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    done = factories.ProjectFactory(
        title="Finished reform",
        start_date=year_ago.replace(year=year_ago.year - 2),
        end_date=year_ago,
    )
    pictured = factories.NewsItemFactory(project=done, is_published=True, title="With a photo")
    factories.NewsItemFactory(project=done, is_published=True, title="Words only")
    picture = NewsPicture(story=pictured, alt_text="Judges in training")
    picture.image.save("judges.jpg", ContentFile(image_bytes((900, 600))))

    page = lxml.html.fromstring(visitor.get("/").content)
    (lead,) = page.xpath("//section[contains(@class, 'home-lead')]")
    assert [a.text_content() for a in lead.xpath(".//h3/a")] == ["With a photo"]
    assert lead.xpath(".//img/@alt") == ["Judges in training"]
    assert "These are the projects completed last." in page.text_content()
    assert page.xpath("//a[normalize-space()='Finished reform']")
