"""Stored full-text documents for the site search (core.db.StoredSearchDocument)."""

from django.db import migrations

from core.db import StoredSearchDocument


class Migration(migrations.Migration):
    dependencies = [("activities", "0005_activityimport")]

    operations = [
        StoredSearchDocument("activities_activity", ["title", "description", "city", "venue"]),
        StoredSearchDocument("activities_newsitem", ["title", "lead", "body", "dateline"]),
    ]
