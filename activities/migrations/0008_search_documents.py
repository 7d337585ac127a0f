"""Stored full-text documents for the site search (core.db.StoredSearchDocument)."""

from django.db import migrations

from core.db import StoredSearchDocument


class Migration(migrations.Migration):
    dependencies = [("activities", "0007_activity_links_history")]

    operations = [
        StoredSearchDocument("activities_activity", ["title", "description", "city", "venue"]),
        StoredSearchDocument("activities_newsitem", ["title", "lead", "body", "dateline"]),
    ]
