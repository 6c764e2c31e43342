"""Searching releases by words, in the language of the page.

PostgreSQL: each language has an accent-insensitive text search configuration
and a stored, weighted vector with a GIN index (migration 0003), queried with
``websearch_to_tsquery`` and ranked with ``ts_rank``.

SQLite (the embedded default): a registered Python function matches whole
words, ignoring case and accents, and scores title above description above
body. Correct, not fast; no stemming, quotes or ``-word`` there.

Snippets are built for one page of results at a time and are escaped before
matched words are wrapped in ``<mark>``, whatever produced them.
"""

import html
import re
import unicodedata
from functools import lru_cache

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connections
from django.db.models import Expression, F, FloatField, Func, TextField, Value
from django.db.models.expressions import Col
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

# Text search configurations created by migration 0003 (unaccent + the language's stemmer).
CONFIGS = {"en": "tas_english", "it": "tas_italian", "fr": "tas_french", "es": "tas_spanish"}
MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 30
# ts_headline marks matches with these; real <mark> tags are added after escaping.
START, STOP = "\x02", "\x03"
_MARKED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)
# Inline tags vanish ("l'<b>Agence</b>"); any other tag separates words.
INLINE_TAG = r"</?(?:a|b|em|i|span|strong|sub|sup|u)(?:\s[^>]*)?>"
_INLINE_TAG = re.compile(INLINE_TAG, re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
# Letters NFKD does not decompose but PostgreSQL's unaccent does.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})


def clean_query(query):
    """Whitespace folded and length capped, as every search path reads it."""
    return " ".join((query or "").split())[:MAX_QUERY_LENGTH]


def is_postgresql(queryset):
    return connections[queryset.db].vendor == "postgresql"


def search(queryset, query, language):
    """Releases of ``queryset`` matching ``query``, best first, annotated ``search_rank``."""
    query = clean_query(query)
    if not query:
        return queryset
    if is_postgresql(queryset):
        ts_query = SearchQuery(query, config=CONFIGS[language], search_type="websearch")
        vector = StoredVector(language)
        queryset = queryset.alias(search_document=vector).filter(search_document=ts_query)
        queryset = queryset.annotate(search_rank=SearchRank(vector, ts_query))
    else:
        score = Func(
            *(_text(f"{field}_{language}") for field in SCORED_FIELDS),
            Value(query),
            function="tas_search_score",
            output_field=FloatField(),
        )
        queryset = queryset.annotate(search_rank=score).filter(search_rank__gt=0)
    return queryset.order_by("-search_rank", "-date", "-id")


class _GeneratedVector(SearchVectorField):
    """A column the model does not declare; see migration 0003."""

    def __init__(self, language, model):
        super().__init__()
        self.column = self.attname = self.name = f"search_vector_{language}"
        self.model = model  # never added to the model's fields; only names it


class StoredVector(Expression):
    """The stored search vector of the current language, as a column of the query's table."""

    output_field = SearchVectorField()

    def __init__(self, language):
        super().__init__()
        self.language = language

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False,
                           for_save=False):  # fmt: skip
        # A real Col follows table aliases when the query becomes a subquery.
        return Col(query.get_initial_alias(), _GeneratedVector(self.language, query.model))


def attach_snippets(releases, query, language):
    """Set ``search_title`` and ``search_snippet`` (safe HTML) on one page of results.

    One query on PostgreSQL (``ts_headline`` knows the stemmed matches); none on SQLite.
    """
    releases = list(releases)
    query = clean_query(query)
    if not releases or not query:
        return releases
    model = type(releases[0])
    if connections[model.objects.db].vendor == "postgresql":
        headlines = _postgres_headlines(model, [r.pk for r in releases], query, language)
        for release in releases:
            title, snippet = headlines.get(release.pk, ("", ""))
            release.search_title = mark_headline(title)
            release.search_snippet = mark_headline(snippet)
    else:
        words = query_words(query)
        for release in releases:
            release.search_title = highlight(release.title, words, limit=None)
            release.search_snippet = highlight(release_text(release), words)
    return releases


def _postgres_headlines(model, pks, query, language):
    ts_query = SearchQuery(query, config=CONFIGS[language], search_type="websearch")
    plain_body = _regexp_replace(
        _regexp_replace(_text(f"body_{language}"), INLINE_TAG, "", "gi"), "<[^>]*>", " ", "g"
    )
    text = Concat(
        _text(f"description_{language}"), Value(" "), plain_body,
        output_field=TextField(),
    )  # fmt: skip
    marks = {"config": CONFIGS[language], "start_sel": START, "stop_sel": STOP}
    rows = model.objects.filter(pk__in=pks).values_list(
        "pk",
        SearchHeadline(F(f"title_{language}"), ts_query, highlight_all=True, **marks),
        SearchHeadline(text, ts_query, max_words=SNIPPET_WORDS, min_words=12,
                       max_fragments=2, fragment_delimiter=" … ", **marks),
    )  # fmt: skip
    return {pk: (title, snippet) for pk, title, snippet in rows}


def _regexp_replace(expression, pattern, replacement, flags):
    return Func(expression, Value(pattern), Value(replacement), Value(flags),
                function="regexp_replace", output_field=TextField())  # fmt: skip


def _text(field):
    return Coalesce(F(field), Value(""), output_field=TextField())


def mark_headline(raw):
    """Escape ``ts_headline`` output (it echoes stored text) and turn its markers into <mark>."""
    text = " ".join(html.unescape(raw or "").split())
    escaped = escape(text)
    marked = _MARKED.sub(r"<mark>\1</mark>", str(escaped))
    # Safe: the whole text was escaped above; only the <mark> pairs are added.
    return mark_safe(marked.replace(START, "").replace(STOP, ""))  # noqa: S308  # nosec B308 B703


# --- The SQLite fallback and the Python highlighter ------------------------------

SCORED_FIELDS = ("title", "description", "body")
FIELD_WEIGHTS = (4.0, 2.0, 1.0)


def normalise(text):
    """Lower case, accents removed: ``Économie`` and ``economie`` compare equal."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=256)
def query_words(query):
    return tuple(dict.fromkeys(_WORD.findall(normalise(query))))


def plain_text(markup):
    return html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", markup or "")))


def sqlite_score(title, description, body, query):
    """0 unless every word of ``query`` is a word of the release; more for title hits."""
    wanted = query_words(query or "")
    if not wanted:
        return 0.0
    fields = [_WORD.findall(normalise(text)) for text in (title, description, plain_text(body))]
    score = 0.0
    for word in wanted:
        hits = sum(
            weight * words.count(word) for weight, words in zip(FIELD_WEIGHTS, fields, strict=True)
        )
        if not hits:
            return 0.0
        score += hits
    return score


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "tas_search_score", 4, sqlite_score, deterministic=True
        )


def release_text(release):
    return " ".join(filter(None, [release.description, plain_text(release.body)]))


def highlight(text, words, limit=SNIPPET_WORDS):
    """Escaped ``text`` with ``words`` (normalised) in <mark>; cut to ``limit`` words around
    the first match when ``limit`` is set."""
    text = " ".join((text or "").split())
    tokens = list(_WORD.finditer(text))
    wanted = set(words)
    start, end = 0, len(text)
    if limit and len(tokens) > limit:
        first = next((i for i, t in enumerate(tokens) if normalise(t.group()) in wanted), 0)
        begin = max(0, first - limit // 3)
        stop = min(len(tokens), begin + limit)
        start = tokens[begin].start() if begin else 0
        end = tokens[stop].start() if stop < len(tokens) else len(text)
    parts, position = [], start
    for token in tokens:
        if token.start() < start or token.end() > end:
            continue
        if normalise(token.group()) in wanted:
            parts.append(escape(text[position : token.start()]))
            parts.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    parts.append(escape(text[position:end]))
    snippet = "".join(str(part) for part in parts).strip()
    if start > 0:
        snippet = "… " + snippet
    if end < len(text):
        snippet += " …"
    # Safe: every piece of text was escaped above; only the <mark> pairs are added.
    return mark_safe(snippet)  # noqa: S308  # nosec B308 B703
