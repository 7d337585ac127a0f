"""The database cache's table, used when REDIS_URL is not set (config/settings.py)."""

from django.conf import settings
from django.core.management.commands.createcachetable import Command
from django.db import migrations

TABLE = getattr(settings, "DATABASE_CACHE_TABLE", "portal_cache")


def create_table(apps, schema_editor):
    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_table, drop_table)]
