from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_managers_group(sender, using, **kwargs):
    """The Managers group (docs/design.md, roles) exists after every migrate and every flush.

    Migration 0002 creates it on a new database; this puts it back after `flush` (which empties
    every table and then sends post_migrate), so a database is never left without the role.
    """
    from django.contrib.auth.models import Group, Permission

    permission = Permission.objects.using(using).filter(
        content_type__app_label="projects", codename="manage_all_projects"
    )
    if permission.exists():
        group, _ = Group.objects.using(using).get_or_create(name="Managers")
        group.permissions.add(*permission)


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        # After django.contrib.auth's own handler, which creates the permission first.
        post_migrate.connect(
            ensure_managers_group, sender=self, dispatch_uid="projects.managers_group"
        )
