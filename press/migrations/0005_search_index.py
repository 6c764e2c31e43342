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
        # Title (A) above description (B) above body. The body keeps its words but not
        # their positions (strip): half the size, so vectors stay inline instead of being
        # TOASTed, and a stripped lexeme ranks like weight D. Phrases match title and
        # description only. The parser skips HTML tags.
        yield (
            f"ALTER TABLE {TABLE} ADD COLUMN search_vector_{code} tsvector GENERATED ALWAYS AS ("
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(title_{code}, '')), 'A') || "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(description_{code}, '')), 'B') || "
            f"strip(to_tsvector('{config}'::regconfig, coalesce(body_{code}, '')))"
            f") STORED"
        )
        # Keep vectors in the row (compressed); bodies go to TOAST first. Matching and
        # ranking then read one heap page per release, not a TOAST chain.
        yield f"ALTER TABLE {TABLE} ALTER COLUMN search_vector_{code} SET STORAGE MAIN"
        yield (
            f"CREATE INDEX press_release_search_{code} ON {TABLE} "
            f"USING gin (search_vector_{code})"
        )
    # Compress bodies in the row rather than moving titles and vectors to TOAST (at the
    # default 2 kB target, a three-language row spills them): a match reads one page.
    yield f"ALTER TABLE {TABLE} SET (toast_tuple_target = 6000)"
    # Rows written before the storage changes are stored again under them.
    yield f"UPDATE {TABLE} SET status = status"  # nosec B608 (constant table name)


def backwards_sql():
    for code, (config, _) in CONFIGS.items():
        yield f"DROP INDEX IF EXISTS press_release_search_{code}"
        yield f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector_{code}"
        yield f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}"
    yield f"ALTER TABLE {TABLE} RESET (toast_tuple_target)"
    # The unaccent extension stays: other objects may have come to rely on it.


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements():
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("press", "0004_communications_group")]

    operations = [migrations.RunPython(run(forwards_sql), run(backwards_sql), elidable=False)]
