from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor every app builds on; wires the page cache's invalidation (core/cache.py)."""

    name = "core"
    # The label the portal's infrastructure has always had (content types, migrations history).
    label = "portal"
    verbose_name = "Portal"

    def ready(self):
        from core import cache, languages

        cache.connect_signals()
        languages.connect_signals()
