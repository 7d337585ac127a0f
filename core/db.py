"""Database helpers: PostgreSQL-only index operations, and joining values over related rows."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, migrations
from django.db.models import Aggregate, CharField, Expression, OuterRef, Subquery, Value
from django.db.models.functions import Cast


class AddPostgresIndex(migrations.AddIndex):
    """AddIndex on PostgreSQL (GIN full-text indexes); on other databases only the state changes."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class BesidePostgresIndexes:
    """For an operation on a table with PostgreSQL-only indexes (AddPostgresIndex).

    SQLite runs many schema changes (a constraint, a column with a default) by rebuilding the
    table with every index of the model's state; the GIN indexes it cannot build (they were never
    created there) are left out of that rebuild.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        models = [
            state.apps.get_model(app_label, self.model_name) for state in (from_state, to_state)
        ]
        kept = [model._meta.indexes for model in models]
        for model in models:
            model._meta.indexes = [i for i in model._meta.indexes if not isinstance(i, GinIndex)]
        try:
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        finally:
            for model, indexes in zip(models, kept, strict=True):
                model._meta.indexes = indexes


class AddConstraintBesidePostgresIndexes(BesidePostgresIndexes, migrations.AddConstraint):
    pass


class AddFieldBesidePostgresIndexes(BesidePostgresIndexes, migrations.AddField):
    pass


SEARCH_DOCUMENT = "search_document"


def document(columns, config="english"):
    """The SQL of what tsvector_update_trigger stores: the columns' words, in order."""
    return " || ".join(f"to_tsvector('pg_catalog.{config}', coalesce({c}, ''))" for c in columns)


class StoredDocument(Expression):
    """A row's stored search document, in queries and subqueries alike (the table's alias).

    `column` names which: `search_document` (English) or `search_document_fr` (French).
    """

    output_field = SearchVectorField()

    def __init__(self, column=SEARCH_DOCUMENT):
        super().__init__()
        self.column = column

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{alias}.{connection.ops.quote_name(self.column)}", []


class StoredSearchDocument(migrations.RunSQL):
    """On PostgreSQL, a `search_document` tsvector column kept by a trigger, with a GIN index.

    The site search matches and ranks on it instead of computing to_tsvector() over each row's
    text at every search (the cost of a search at 200,000 activities). Models do not declare the
    column, so no page loads it; `search_document(model)` says whether a table has one. A
    trigger, not a generated column, so that later migrations may still alter the text columns.

    `column` and `config` make the same for another language: `search_document_fr` with the
    `french` configuration over the French columns (`title_fr`, ...).
    """

    def __init__(self, table, columns, column=SEARCH_DOCUMENT, config="english"):
        self.table, self.columns, self.column, self.config = table, columns, column, config
        column_list = ", ".join(columns)
        name = f"{table}_{column}"
        super().__init__(
            sql=[
                # Idempotent: a database where an earlier numbering of it ran stays as it is.
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} tsvector",
                f"DROP TRIGGER IF EXISTS {name} ON {table}",
                f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW "
                f"EXECUTE FUNCTION tsvector_update_trigger({column}, "
                f"'pg_catalog.{config}', {column_list})",
                # The trigger recomputes only when a column changes: fill the rows there are.
                f"UPDATE {table} SET {column} = {document(columns, config)}",  # noqa: S608
                f"CREATE INDEX IF NOT EXISTS {name}_gin ON {table} USING gin ({column})",
            ],
            reverse_sql=[
                f"DROP TRIGGER IF EXISTS {name} ON {table}",
                f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}",
            ],
        )

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def deconstruct(self):
        kwargs = {}
        if self.column != SEARCH_DOCUMENT:
            kwargs["column"] = self.column
        if self.config != "english":
            kwargs["config"] = self.config
        return self.__class__.__name__, [self.table, self.columns], kwargs


class GroupConcat(Aggregate):
    """SQLite's GROUP_CONCAT with a separator."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def __init__(self, expression, delimiter, **extra):
        super().__init__(expression, Value(delimiter), **extra)


def string_agg(field, delimiter, order_by=()):
    """Join `field` over rows with `delimiter` in the database (ordered on PostgreSQL if asked)."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.aggregates import StringAgg

        return StringAgg(field, delimiter, order_by=order_by, output_field=CharField())
    return GroupConcat(field, delimiter)


def _per_owner(through_queryset, owner, aggregate):
    """A correlated subquery: `aggregate` over the outer row's through rows (None if none)."""
    return Subquery(
        through_queryset.filter(**{owner: OuterRef("pk")})
        .order_by()
        .values(owner)
        .annotate(joined=aggregate)
        .values("joined"),
        output_field=CharField(),
    )


def joined(through_queryset, owner, field, *, delimiter="; ", order_by=None):
    """A correlated subquery joining `field` of the outer row's through rows (None if none)."""
    return _per_owner(through_queryset, owner, string_agg(field, delimiter, order_by or [field]))


def joined_ids(through_queryset, owner, field):
    """The outer row's `field` ids as "17,3", in no order (None if none), in a correlated subquery.

    It reads the through table alone, without the join and sort `joined` does for names.
    """
    ids = Cast(field, output_field=CharField())
    return _per_owner(through_queryset, owner, string_agg(ids, ","))
