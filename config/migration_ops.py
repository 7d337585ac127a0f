"""Migration operations for PostgreSQL-only indexes (GIN full-text) that SQLite skips."""

from django.db import migrations


class AddPostgresIndex(migrations.AddIndex):
    """AddIndex on PostgreSQL; on other databases only the migration state changes."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
