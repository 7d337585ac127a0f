from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Project-wide infrastructure: the page cache's invalidation receivers (config/cache.py)."""

    name = "config"
    label = "portal"
    verbose_name = "Portal"

    def ready(self):
        from config import cache

        cache.connect_signals()
