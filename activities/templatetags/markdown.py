from django import template
from django.utils.safestring import mark_safe

from activities.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render a news body: `{{ story.body|markdown }}`."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3
