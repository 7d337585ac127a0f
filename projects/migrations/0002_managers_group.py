from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_managers_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs its one now.
    app_config = apps.get_app_config("projects")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Managers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="projects", codename="manage_all_projects")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_managers_group, migrations.RunPython.noop)]
