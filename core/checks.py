"""The portal's own deploy checks (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Production without Redis: coherent (the database cache), but slower and one machine only."""
    if settings.DEBUG or getattr(settings, "REDIS_URL", ""):
        return []
    return [
        Warning(
            "REDIS_URL is not set: the cache and the sessions live in the database.",
            hint=(
                "Pages stay coherent across the gunicorn workers of one machine, but each cache "
                "read is a database query, and app servers on other machines need Redis "
                "(docs/production.md)."
            ),
            id="portal.W001",
        )
    ]
