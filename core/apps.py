from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor every app builds on; wires the page cache's invalidation
    (core/cache.py) and the text normaliser of every record (core/text.py)."""

    name = "core"
    # The label the portal's infrastructure has always had (content types, migrations history).
    label = "portal"
    verbose_name = "Portal"

    def ready(self):
        from django.db.models.signals import pre_save

        from core import cache, checks, languages, text  # noqa: F401 (checks: deploy checks)

        cache.connect_signals()
        languages.connect_signals()
        pre_save.connect(text.clean_text_fields, dispatch_uid="portal-clean-text")
