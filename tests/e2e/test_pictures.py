"""A story with a photo in the browser: a resized rendition with alt text, desktop and phone."""

import pytest
from django.core.files.base import ContentFile

from activities.models import NewsPicture
from tests import factories
from tests.e2e.helpers import (
    DESKTOP,
    PHONE,
    assert_no_csp_violations,
    assert_no_horizontal_overflow,
    screenshot,
    visit,
)
from tests.helpers import image_bytes

pytestmark = pytest.mark.e2e


def test_a_story_photo_is_a_resized_rendition_with_alt_text_on_desktop_and_phone(
    new_page, media_root
):
    story = factories.NewsItemFactory(is_published=True, title="Prison doctors trained")
    picture = NewsPicture(story=story, alt_text="Doctors at a training table", caption="Belgrade")
    picture.image.save("training.jpg", ContentFile(image_bytes((2400, 1600))))

    for name, viewport, widest in (("desktop", DESKTOP, 1200), ("phone", PHONE, 1200)):
        page = new_page(viewport=viewport)
        visit(page, story.get_absolute_url())
        image = page.locator("figure.lead-picture img")
        image.wait_for()
        page.wait_for_function("document.querySelector('figure.lead-picture img').complete")
        assert image.get_attribute("alt") == "Doctors at a training table"
        current = image.evaluate("img => img.currentSrc")
        assert "/media/cache/" in current, current  # a rendition, never the original
        natural = image.evaluate("img => img.naturalWidth")
        assert 0 < natural <= widest  # the 2400-pixel original is never sent
        shown = image.bounding_box()["width"]
        assert shown <= viewport["width"]
        assert_no_horizontal_overflow(page)
        assert_no_csp_violations(page)
        screenshot(page, f"story-picture-{name}")
        page.close()
