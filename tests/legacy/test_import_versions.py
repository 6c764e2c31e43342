"""The importer records one version per created or changed release, naming its files."""

from django.test import TestCase

from press import versions
from press.models import PressRelease
from tests.builders import page, run_import, write
from tests.mixins import TempDirMixin

EN_FR = {"en": "mars-continued", "fr": "mars-la-suite"}


class ImportVersionTests(TempDirMixin, TestCase):
    def files(self, **titles):
        return [
            write(
                self.tmp_path, page(code, EN_FR[code], locales=EN_FR, title=title), f"{code}.json"
            )
            for code, title in titles.items()
        ]

    def test_a_created_release_gets_one_version_naming_its_files(self):
        run_import(*self.files(en="Mars", fr="Mars (fr)"))
        release = PressRelease.objects.get()
        found = list(versions.versions_of(release))
        self.assertEqual([v.revision.comment for v in found], ["Imported from en.json, fr.json"])
        self.assertIsNone(found[0].revision.user)
        self.assertEqual(versions.version_values(found[0])["title_fr"], "Mars (fr)")

    def test_importing_the_same_files_again_records_nothing(self):
        paths = self.files(en="Mars", fr="Mars (fr)")
        run_import(*paths)
        run_import(*paths)
        self.assertEqual(versions.versions_of(PressRelease.objects.get()).count(), 1)

    def test_a_changed_file_records_a_version_with_the_new_values(self):
        run_import(*self.files(en="Mars", fr="Mars (fr)"))
        run_import(*self.files(fr="Mars, la suite"))
        release = PressRelease.objects.get()
        latest = versions.versions_of(release).first()
        self.assertEqual(latest.revision.comment, "Imported from fr.json")
        self.assertEqual(versions.version_values(latest)["title_fr"], "Mars, la suite")
        self.assertEqual(versions.version_values(latest)["title_en"], "Mars")

    def test_a_dry_run_records_nothing(self):
        run_import(*self.files(en="Mars"))
        run_import(*self.files(en="Mars renamed"), dry_run=True)
        self.assertEqual(versions.versions_of(PressRelease.objects.get()).count(), 1)

    def test_an_existing_release_without_versions_keeps_its_state_before_the_import(self):
        run_import(*self.files(en="Mars"))
        release = PressRelease.objects.get()
        versions.versions_of(release).delete()
        run_import(*self.files(en="Mars renamed"))
        found = list(versions.versions_of(release))
        self.assertEqual(
            [v.revision.comment for v in found],
            ["Imported from en.json", versions.BASELINE_COMMENT],
        )
        self.assertEqual(versions.version_values(found[1])["title_en"], "Mars")
