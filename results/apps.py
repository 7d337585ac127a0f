from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("Results")

    def ready(self):
        from core import cache
        from results import computed, figures

        computed.connect_signals()
        cache.precompute(
            figures.PORTAL_FIGURES, figures.portal_figures, figures.PORTAL_FIGURES_SCOPES
        )
        cache.precompute(figures.PORTAL_MAP, figures.portal_map_counts, figures.PORTAL_MAP_SCOPES)
