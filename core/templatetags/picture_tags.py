"""Pictures on pages: resized renditions in `srcset` (sorl-thumbnail), never the original.

{% load picture_tags %}
{% picture story.lead_picture sizes="(min-width: 992px) 720px, 100vw" %}
<meta property="og:image" content="{% picture_url story.lead_picture request %}">
"""

import logging

from django import template
from django.utils.html import format_html
from sorl.thumbnail import get_thumbnail

from core.templatetags.portal_tags import lang_of

register = template.Library()
log = logging.getLogger("portal")

# The widths renditions are made at; a picture narrower than one gets its own width instead.
WIDTHS = (400, 800, 1200)
SHARING_WIDTH = 1200


def renditions(picture):
    """[(width, rendition)] of `picture`, narrowest first (none when its file cannot be read)."""
    widths = sorted({min(width, picture.width or width) for width in WIDTHS})
    try:
        return [(width, get_thumbnail(picture.image, str(width))) for width in widths]
    except Exception:  # noqa: BLE001 - a missing or unreadable file leaves the picture out
        log.warning("No rendition of picture %s (%s)", picture.pk, picture.image.name)
        return []


@register.simple_tag(takes_context=True)
def picture(context, record, sizes="100vw", css_class="img-fluid", loading="lazy"):
    """An <img> of `record` (a picture) with its renditions in srcset and its alt text."""
    if record is None:
        return ""
    found = renditions(record)
    if not found:
        return ""
    middle = found[min(1, len(found) - 1)][1]
    srcset = ", ".join(f"{thumb.url} {thumb.width}w" for _width, thumb in found)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} class="{}"'
        ' loading="{}" decoding="async">',
        middle.url,
        srcset,
        sizes,
        middle.width,
        middle.height,
        record.alt_text,
        lang_of(context, record, "alt_text"),
        css_class,
        loading,
    )


@register.simple_tag
def picture_url(record, request):
    """The absolute address of `record`'s sharing rendition (Open Graph, Twitter card)."""
    if record is None:
        return ""
    try:
        thumb = get_thumbnail(record.image, str(min(SHARING_WIDTH, record.width or SHARING_WIDTH)))
    except Exception:  # noqa: BLE001
        return ""
    return request.build_absolute_uri(thumb.url)
