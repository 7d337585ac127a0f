import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

from core.db import AddPostgresIndex


class Migration(migrations.Migration):
    # The GIN full-text index of the French site search; PostgreSQL only (SQLite uses LIKE).

    dependencies = [
        ("stakeholders", "0005_texts_in_english_and_french"),
    ]

    operations = [
        AddPostgresIndex(
            model_name="institution",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.SearchVector(
                    "name_fr", "acronym", "description", config="french"
                ),
                name="institution_search_fr",
            ),
        ),
    ]
