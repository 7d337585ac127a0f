from django import template

from results import figures

register = template.Library()


@register.filter
def bar_width(progress):
    """A progress bar's value within 0..100; the text beside it gives the true figure."""
    return figures.bar_width(progress)
