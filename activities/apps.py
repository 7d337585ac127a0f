from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities and news")

    def ready(self):
        from django.db.models.signals import pre_delete

        from activities import services
        from activities.models import Activity

        pre_delete.connect(
            services.activity_unlinking, sender=Activity, dispatch_uid="activity-unlinking"
        )
