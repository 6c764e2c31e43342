"""import_pages: press releases, merged across languages, idempotent, dry run."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.test import TestCase

from press.models import PressRelease
from press.search import search
from tas_site import page_cache
from tests.builders import page, run_import, snapshot, write
from tests.mixins import TempDirMixin

EN_FR = {"en": "mars-continued", "fr": "mars-la-suite"}


class ImportReleaseTests(TempDirMixin, TestCase):
    def test_creates_a_published_release_with_every_field(self):
        document = page(
            "en", "mission-mars-be-continued", title="Mission to Mars ", activity="explore",
            caption="A caption", video="https://www.youtube.com/watch?v=abc",
        )  # fmt: skip
        document["props"]["pageProps"]["api"]["noindex"] = 1
        out, _ = run_import(write(self.tmp_path, document))

        release = PressRelease.objects.get()
        assert release.title_en == "Mission to Mars "  # verbatim
        assert release.slug_en == "mission-mars-be-continued"
        assert release.body_en == "<p>Body</p>"
        assert release.description_en == "Summary of mission-mars-be-continued"  # tags stripped
        assert release.image_caption_en == "A caption"
        assert release.video_url == "https://www.youtube.com/watch?v=abc"
        assert release.activity.slug == "explore"
        assert release.country == "France"
        assert release.noindex is True
        assert release.status == PressRelease.Status.PUBLISHED
        assert release.get_absolute_url("en") == "/en/press-releases/mission-mars-be-continued"
        assert "releases 1 created, 0 updated, 0 unchanged" in out

    def test_dates_are_paris_wall_clock_times(self):
        run_import(write(self.tmp_path, page(date="2018-07-09T08:12:14")))
        paris = datetime(2018, 7, 9, 8, 12, 14, tzinfo=ZoneInfo("Europe/Paris"))
        assert PressRelease.objects.get().date == paris
        assert PressRelease.objects.get().date.astimezone(ZoneInfo("UTC")).hour == 6  # CEST = UTC+2

    def test_slug_is_kept_verbatim_and_percent_decoded(self):
        document = page("en", "Odd_Slug%C3%A9--2018")
        run_import(write(self.tmp_path, document, "odd.json"))
        assert PressRelease.objects.get().slug_en == "Odd_Slugé--2018"

    def test_language_files_of_one_release_merge_in_either_order_en_fr(self):
        self.assert_merge_in_order(("en", "fr"))

    def test_language_files_of_one_release_merge_in_either_order_fr_en(self):
        self.assert_merge_in_order(("fr", "en"))

    def assert_merge_in_order(self, order):
        files = {
            code: write(self.tmp_path, page(code, EN_FR[code], locales=EN_FR, title=f"Mars {code}"))
            for code in order
        }
        out, _ = run_import(*[files[code] for code in order])

        release = PressRelease.objects.get()
        assert (release.title_en, release.title_fr) == ("Mars en", "Mars fr")
        assert (release.slug_en, release.slug_fr) == ("mars-continued", "mars-la-suite")
        assert release.languages() == ["en", "fr"]
        assert "releases 1 created, 1 updated, 0 unchanged" in out

    def test_importing_the_translation_later_creates_nothing_new(self):
        run_import(write(self.tmp_path, page("en", EN_FR["en"], locales=EN_FR)))
        out, _ = run_import(write(self.tmp_path, page("fr", EN_FR["fr"], locales=EN_FR)))
        assert PressRelease.objects.count() == 1
        assert PressRelease.objects.get().title_fr == "mars-la-suite (fr)"
        assert "0 created, 1 updated, 0 unchanged" in out

    def test_shared_facts_come_from_the_first_language_whatever_the_order(self):
        en = write(self.tmp_path, page("en", EN_FR["en"], locales=EN_FR, country="France"))
        fr = write(self.tmp_path, page("fr", EN_FR["fr"], locales=EN_FR, country="Italie"))
        run_import(fr, en)
        assert PressRelease.objects.get().country == "France"
        _, err = run_import(en, fr)
        assert PressRelease.objects.get().country == "France"
        assert "country differ from the release's en version (kept)" in err

    def test_second_import_changes_nothing(self):
        en = write(self.tmp_path, page("en", EN_FR["en"], locales=EN_FR))
        fr = write(self.tmp_path, page("fr", EN_FR["fr"], locales=EN_FR))
        other = write(self.tmp_path, page("en", "other", date="2017-01-01T00:00:00"))
        run_import(self.tmp_path)
        before = snapshot()
        out, _ = run_import(en, fr, other)
        assert before == snapshot()
        assert "releases 0 created, 0 updated, 3 unchanged" in out
        assert "labels: 0 changed; menu items: 0 created, 0 updated; images attached: 0" in out

    def test_hostile_body_is_sanitised_and_still_idempotent(self):
        body = (
            '<p onclick="steal()">Hi<script>alert(1)</script></p>'
            '<a href="javascript:alert(2)">x</a><iframe src="//evil"></iframe>'
        )
        path = write(self.tmp_path, page(body=body))
        run_import(path)
        stored = PressRelease.objects.get().body_en
        assert "script" not in stored and "onclick" not in stored and "javascript" not in stored
        assert "iframe" not in stored and "alert" not in stored
        assert stored.startswith("<p>Hi</p>")
        out, _ = run_import(path)
        assert "0 created, 0 updated, 1 unchanged" in out

    def test_dry_run_writes_nothing_but_reports(self):
        run_import(write(self.tmp_path, page("en", "existing")))
        before = snapshot()
        out, _ = run_import(write(self.tmp_path, page("en", "new-one"), "new.json"), dry_run=True)
        assert snapshot() == before
        assert out.startswith("Dry run, nothing written.")
        assert "1 created" in out

    def test_warns_when_the_computed_next_release_differs(self):
        newer = page("en", "newer", date="2020-01-01T10:00:00", next_url="/en/press-releases/older")
        older = page("en", "older", date="2019-01-01T10:00:00", next_url="/en/press-releases/gone")
        _, err = run_import(write(self.tmp_path, newer), write(self.tmp_path, older))
        assert "newer" not in err  # its next is right
        assert (
            "older.json: props.pageProps.api.data.next.url: the site's next release is null, "
            'the file says "/en/press-releases/gone"'
        ) in err

    def test_cached_pages_are_purged_once_the_import_commits(self):
        path = write(self.tmp_path, page("en", "a"))
        run_import(path)
        token = cache.get(page_cache.PURGE_KEY)
        with self.captureOnCommitCallbacks(execute=True):
            run_import(path)  # nothing changes, and updates send no signal: still purged
        assert cache.get(page_cache.PURGE_KEY) not in (None, token)

    def test_dry_run_purges_nothing(self):
        with self.captureOnCommitCallbacks() as callbacks:
            run_import(write(self.tmp_path, page("en", "a")), dry_run=True)
        assert callbacks == []

    def test_a_translation_added_by_update_is_searchable(self):
        # Existing rows are updated with QuerySet.update(): the search index must follow.
        run_import(write(self.tmp_path, page("en", EN_FR["en"], locales=EN_FR)))
        french = page("fr", EN_FR["fr"], locales=EN_FR, body="<p>Les échantillons martiens</p>")
        run_import(write(self.tmp_path, french))
        found = search(PressRelease.objects.published("fr"), "echantillons", "fr")
        assert [release.slug_fr for release in found] == ["mars-la-suite"]

    def test_what_cleaning_changed_in_a_body_is_an_import_warning(self):
        body = '<h1>Title</h1><p><a href="www.esa.int">ESA</a></p>'
        out, err = run_import(write(self.tmp_path, page(body=body)))
        assert "warnings: 2" in out
        assert "body: removed <h1> (kept its text as a paragraph)" in err
        assert "body: link “www.esa.int” became https://www.esa.int" in err
        assert PressRelease.objects.get().body_en == (
            '<p>Title</p><p><a href="https://www.esa.int">ESA</a></p>'
        )
