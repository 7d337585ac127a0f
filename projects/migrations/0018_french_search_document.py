"""A stored French full-text document for the site search on /fr/ (core.db.StoredSearchDocument)."""

from django.db import migrations

from core.db import StoredSearchDocument


class Migration(migrations.Migration):
    dependencies = [("projects", "0017_media_and_staff_notes")]

    operations = [
        StoredSearchDocument(
            "projects_project",
            ["title_fr", "code", "summary_fr", "description_fr"],
            column="search_document_fr",
            config="french",
        ),
    ]
