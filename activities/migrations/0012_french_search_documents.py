"""Stored French full-text documents for the site search on /fr/ (core.db.StoredSearchDocument)."""

from django.db import migrations

from core.db import StoredSearchDocument


class Migration(migrations.Migration):
    dependencies = [("activities", "0011_media_and_staff_notes")]

    operations = [
        StoredSearchDocument(
            "activities_activity",
            ["title_fr", "description_fr", "city", "venue"],
            column="search_document_fr",
            config="french",
        ),
        StoredSearchDocument(
            "activities_newsitem",
            ["title_fr", "lead_fr", "body_fr", "dateline"],
            column="search_document_fr",
            config="french",
        ),
    ]
