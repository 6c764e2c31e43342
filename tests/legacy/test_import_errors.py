"""import_pages: every kind of bad file stops the run, names file and JSON path, writes nothing."""

import re

from django.core.management.base import CommandError
from django.test import TestCase

from tests.builders import (
    DELETE,
    image_json,
    make_media,
    page,
    run_import,
    snapshot,
    with_value,
    write,
)
from tests.mixins import TempDirMixin

DATA = "props.pageProps.api.data"


QUERY = "props.pageProps.query"
COMMON = f"{QUERY}.common"
LOCALES = "props.pageProps.api.locales"
SITE_LANGUAGES = "(this site has en, it, fr, es)"
ACTIVITIES = "connect, explore, observe-protect, secure-defend, travel-navigate"
BAD_FIELDS = [
    (f"{DATA}.date", 20181008, f"{DATA}.date: expected an ISO date-time, got 20181008"),
    (f"{DATA}.date", "9 Oct 2018", f'{DATA}.date: expected an ISO date-time, got "9 Oct 2018"'),
    (f"{DATA}.date", "2018-13-45T10:00:00",
     f'{DATA}.date: expected an ISO date-time, got "2018-13-45T10:00:00"'),
    (f"{DATA}.title", DELETE, f"{DATA}.title: missing required field"),
    (f"{DATA}.title", ["x"], f'{DATA}.title: expected a string, got ["x"]'),
    (f"{DATA}.title", "  ", f"{DATA}.title: must not be empty"),
    (f"{DATA}.body", 12, f"{DATA}.body: expected a string, got 12"),
    (f"{DATA}.activity", "mining",
     f'{DATA}.activity: unknown activity "mining" (known: {ACTIVITIES})'),
    (f"{DATA}.video", "not a url", f'{DATA}.video: expected an http(s) URL, got "not a url"'),
    (f"{DATA}.image", {"url": {}}, f"{DATA}.image.url: expected at least one image URL"),
    ("props.pageProps.api", DELETE, "props.pageProps.api: missing required field"),
    (f"{QUERY}.locale", "de", f'{QUERY}.locale: unknown language "de" {SITE_LANGUAGES}'),
    (LOCALES, {"en": "/en/press-releases/x", "de": "/de/press-releases/x"},
     f'{LOCALES}.de: unknown language "de" {SITE_LANGUAGES}'),
    (LOCALES, {"en": "/en/news/x"},
     f'{LOCALES}.en: expected /en/press-releases/<slug>, got "/en/news/x"'),
    (f"{QUERY}.slug", "/press-releases/other",
     f'{QUERY}.slug: does not match api.locales.en (expected "/press-releases/x", '
     'got "/press-releases/other")'),
    (f"{COMMON}.locales.activeLang", ["en", "xx"],
     f'{COMMON}.locales.activeLang[1]: unknown language "xx" {SITE_LANGUAGES}'),
    (f"{COMMON}.options.contactEmail", "nobody",
     f'{COMMON}.options.contactEmail: expected an e-mail address, got "nobody"'),
    (f"{COMMON}.options.pressPath", {"de": "/de/x"},
     f'{COMMON}.options.pressPath.de: unknown language "de" {SITE_LANGUAGES}'),
    (f"{COMMON}.navs.main.0.weight", "heavy",
     f'{COMMON}.navs.main[0].weight: expected an integer, got "heavy"'),
    (f"{COMMON}.navs.main.0.link.target", "_parent",
     f'{COMMON}.navs.main[0].link.target: expected _self or _blank, got "_parent"'),
    (f"{COMMON}.labels", ["x"], f'{COMMON}.labels: expected an object, got ["x"]'),
]  # fmt: skip


class ImportErrorTests(TempDirMixin, TestCase):
    def import_earlier(self):
        """An earlier import, so 'unchanged' means more than 'still empty'."""
        run_import(write(self.tmp_path, page("en", "earlier", date="2017-01-01T00:00:00")))
        return snapshot()

    def assert_fails(self, document, message, *, name="en--x.json", before=None, **options):
        folder = self.tmp_path
        good = write(folder, page("en", "good-one"), "a-good.json")  # imported first, rolled back
        bad = write(folder, document, name) if isinstance(document, dict) else document
        with self.assertRaises(CommandError) as raised:
            run_import(good, bad, **options)
        assert str(raised.exception) == f"{bad}: {message}"
        if before is not None:
            assert snapshot() == before
        return raised

    def test_bad_field(self):
        imported = self.import_earlier()
        for path, value, message in BAD_FIELDS:
            with self.subTest(path, value=value):
                document = with_value(page("en", "x"), path, value)
                self.assert_fails(document, message, before=imported)

    def test_invalid_json(self):
        imported = self.import_earlier()
        bad = self.tmp_path / "en--x.json"
        bad.write_text('{"props": {"pageProps": ', encoding="utf-8")
        self.assert_fails(bad, "invalid JSON: Expecting value (line 1, column 25)", before=imported)

    def test_not_an_object(self):
        imported = self.import_earlier()
        bad = self.tmp_path / "en--x.json"
        bad.write_text("[1, 2]", encoding="utf-8")
        self.assert_fails(bad, "(top level): expected an object, got [1, 2]", before=imported)

    def test_two_releases_claiming_one_slug_in_one_run(self):
        imported = self.import_earlier()
        first = write(
            self.tmp_path, page("en", "a", locales={"en": "a", "fr": "shared"}), "b-first.json"
        )
        second = write(
            self.tmp_path, page("en", "b", locales={"en": "b", "fr": "shared"}), "c-second.json"
        )
        with self.assertRaises(CommandError) as raised:
            run_import(first, second)
        assert re.fullmatch(
            rf"{re.escape(str(second))}: props\.pageProps\.api\.locales\.fr: "
            r'the fr slug "shared" is claimed by release #\d+, whose en slug is "a", not "b"',
            str(raised.exception),
        )
        assert snapshot() == imported

    def test_claiming_the_slug_of_an_existing_release(self):
        self.import_earlier()
        run_import(write(self.tmp_path, page("fr", "x", locales={"fr": "x"}), "fr-only.json"))
        before = snapshot()
        document = page("en", "earlier", locales={"en": "earlier", "fr": "x"})
        with self.assertRaisesRegex(
            CommandError, "these addresses belong to two different releases"
        ):
            run_import(write(self.tmp_path, document, "en--x.json"))
        assert snapshot() == before

    def test_missing_path(self):
        with self.assertRaisesRegex(CommandError, "no such file or folder"):
            run_import(self.tmp_path / "nope.json")

    def test_an_error_after_an_image_was_written_leaves_no_file(self):
        imported = self.import_earlier()
        media = make_media(self.tmp_path / "media", "new.jpg")
        with_image = page("en", "pictured", image=image_json("new.jpg"))
        write(self.tmp_path, with_image, "a-pictured.json")
        bad = write(self.tmp_path, with_value(page("en", "x"), f"{DATA}.date", 1), "b-bad.json")
        with self.assertRaisesRegex(CommandError, "b-bad.json"):
            run_import(self.tmp_path / "a-pictured.json", bad, media_dir=media)
        assert snapshot() == imported
