"""A stored full-text document for the site search (core.db.StoredSearchDocument)."""

from django.db import migrations

from core.db import StoredSearchDocument


class Migration(migrations.Migration):
    dependencies = [("projects", "0005_dates_in_bounds")]

    operations = [
        StoredSearchDocument("projects_project", ["title", "code", "summary", "description"]),
    ]
