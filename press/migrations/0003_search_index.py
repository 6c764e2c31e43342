"""Full-text search on PostgreSQL: one accent-insensitive configuration and one
stored, weighted search vector (with a GIN index) per language.

The vectors are generated columns, so every write path (admin, importer,
bulk_create, update()) keeps them current without application code. They are
not model fields: Django never loads them, press.search addresses them by name.
On SQLite this migration does nothing; press.search falls back to a Python
word match there.
"""

from django.db import migrations

# language code -> (text search configuration, built-in stemmer it copies)
CONFIGS = {
    "en": ("tas_english", "english"),
    "it": ("tas_italian", "italian"),
    "fr": ("tas_french", "french"),
    "es": ("tas_spanish", "spanish"),
}
TABLE = "press_pressrelease"


def forwards_sql():
    yield "CREATE EXTENSION IF NOT EXISTS unaccent"
    for code, (config, builtin) in CONFIGS.items():
        yield f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = pg_catalog.{builtin})"
        # unaccent runs before the stemmer, on both the documents and the queries.
        yield (
            f"ALTER TEXT SEARCH CONFIGURATION {config} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {builtin}_stem"
        )
        # Title above description above body; the parser skips HTML tags.
        yield (
            f"ALTER TABLE {TABLE} ADD COLUMN search_vector_{code} tsvector GENERATED ALWAYS AS ("
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(title_{code}, '')), 'A') || "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(description_{code}, '')), 'B') || "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(body_{code}, '')), 'C')"
            f") STORED"
        )
        yield (
            f"CREATE INDEX press_release_search_{code} ON {TABLE} "
            f"USING gin (search_vector_{code})"
        )


def backwards_sql():
    for code, (config, _) in CONFIGS.items():
        yield f"DROP INDEX IF EXISTS press_release_search_{code}"
        yield f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector_{code}"
        yield f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}"
    # The unaccent extension stays: other objects may have come to rely on it.


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements():
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("press", "0002_seed_activities")]

    operations = [migrations.RunPython(run(forwards_sql), run(backwards_sql), elidable=False)]
