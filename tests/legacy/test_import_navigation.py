"""import_pages: labels, menus and site options from the pages' ``common`` block."""

from django.core.management.base import CommandError
from django.test import TestCase
from django.utils.translation import override

from navigation.chrome import get_chrome
from navigation.models import FooterImage, Label, Menu, MenuItem, SiteOptions
from tests.builders import image_json, make_media, page, run_import, with_value, write
from tests.mixins import MaxQueriesMixin, TempDirMixin

COMMON = "props.pageProps.query.common"


def label(key, language):
    return getattr(Label.objects.get(key=key), f"value_{language}")


class ImportNavigationTests(TempDirMixin, MaxQueriesMixin, TestCase):
    def test_labels_per_language_and_breadcrumb_labels(self):
        run_import(
            write(self.tmp_path, page("en", "a", locales={"en": "a", "fr": "b"})),
            write(self.tmp_path, page("fr", "b", locales={"en": "a", "fr": "b"})),
        )
        assert label("labelNext", "en") == "Next (en)"
        assert label("labelNext", "fr") == "Next (fr)"
        assert label("breadcrumbHome", "fr") == "Home (fr)"
        assert label("breadcrumbPressReleases", "en") == "Press (en)"
        assert get_chrome("fr")["labels"]["availableIn"] == "Available in (fr)"

    def test_menus_tree_weights_targets_and_ids(self):
        run_import(write(self.tmp_path, page()))
        main = Menu.objects.get(slug="main")
        press = MenuItem.objects.get(menu=main, legacy_id="menu:press")
        assert (press.name_en, press.url_en, press.weight, press.target) == (
            "Press", "/en/press-releases", -45, "_self"
        )  # fmt: skip
        assert [child.legacy_id for child in press.children.all()] == ["menu:gallery"]
        heading = MenuItem.objects.get(legacy_id="menu:dna")
        assert heading.nolink and heading.url_en == ""
        facebook = MenuItem.objects.get(menu__slug="social", legacy_id="menu:fb")
        assert facebook.target == "_blank"  # ["_blank", "_blank"] on the old site
        assert MenuItem.objects.get(menu__slug="copyright").weight == -99

    def test_sitemap_items_without_ids_get_stable_ids_across_languages(self):
        locales = {"en": "a", "fr": "b"}
        run_import(write(self.tmp_path, page("en", "a", locales=locales)))
        sitemap = MenuItem.objects.filter(menu__slug="sitemap")
        ids = sorted(sitemap.values_list("legacy_id", flat=True))
        assert ids == ["menu:wwd", "synthetic:menu:wwd/0", "synthetic:menu:wwd/1"]
        run_import(write(self.tmp_path, page("fr", "b", locales=locales)))
        assert sorted(sitemap.values_list("legacy_id", flat=True)) == ids
        explore = sitemap.get(legacy_id="synthetic:menu:wwd/0")
        assert (explore.url_en, explore.url_fr) == (
            "/en/what-we-do/explore",
            "/fr/what-we-do/explore",
        )
        assert explore.parent.legacy_id == "menu:wwd"

    def test_site_options(self):
        run_import(write(self.tmp_path, page("en", "a", locales={"en": "a", "fr": "b"})))
        options = SiteOptions.objects.get()
        assert options.contact_email == "press@example.com"
        assert options.logo_header_description_en == "Logo header (en)"
        assert (options.what_we_do_path_en, options.what_we_do_path_fr) == (
            "/en/what-we-do", "/fr/nos-activites"
        )  # fmt: skip
        assert options.news_path_en == "/en/news"
        with override("fr"):
            assert get_chrome("fr")["options"]["paths"]["press"] == "/fr/press-releases"

    def test_footer_images_with_alt_and_a_missing_one(self):
        media = make_media(self.tmp_path / "media", "galileo.jpg")
        document = with_value(page(), f"{COMMON}.options.imagesFooter", [
            {"media_image": image_json("galileo.jpg", alt="Galileo")},
            {"media_image": image_json("lost.jpg", alt="Lost")},
        ])  # fmt: skip
        _, err = run_import(write(self.tmp_path, document), media_dir=media)
        footer = FooterImage.objects.get()
        assert (footer.image.original_name, footer.image.alt_en) == ("galileo.jpg", "Galileo")
        assert (
            "imagesFooter[1].media_image: no local file for footer image 'lost.jpg'; skipped" in err
        )
        out, _ = run_import(write(self.tmp_path, document), media_dir=media)
        assert FooterImage.objects.count() == 1
        assert "images attached: 0" in out

    def test_languages_differing_from_settings_warn(self):
        document = with_value(page(), f"{COMMON}.locales.activeLang", ["en", "fr"])
        _, err = run_import(write(self.tmp_path, document))
        assert "common.locales: languages differ from this site's settings" in err

    def test_unknown_default_language_is_an_error(self):
        document = with_value(page(), f"{COMMON}.locales.defaultLang", "pt")
        with self.assertRaisesRegex(CommandError, 'locales.defaultLang: unknown language "pt"'):
            run_import(write(self.tmp_path, document))

    def test_duplicate_menu_ids_are_an_error(self):
        document = page()
        main = document["props"]["pageProps"]["query"]["common"]["navs"]["main"]
        main[1]["id"] = "menu:press"
        with self.assertRaisesRegex(CommandError, r'navs.main: the id "menu:press" appears twice'):
            run_import(write(self.tmp_path, document))
        assert not MenuItem.objects.exists()

    def test_repeated_chrome_is_imported_once_per_language(self):
        for number in range(6):
            write(self.tmp_path, page("en", f"r{number}", date=f"2018-10-0{number + 1}T08:00:00"))
        run_import(self.tmp_path)
        # A second run over six files: queries for the releases, not six times the chrome.
        with self.assertMaxNumQueries(30):
            out, _ = run_import(self.tmp_path)
        assert "0 created, 0 updated, 6 unchanged" in out

    def test_a_label_the_site_does_not_know_yet_is_created(self):
        document = with_value(page("fr", "b"), f"{COMMON}.labels.brandNewLabel", "Tout nouveau")
        run_import(write(self.tmp_path, document))
        assert label("brandNewLabel", "fr") == "Tout nouveau"
        assert get_chrome("fr")["labels"]["brandNewLabel"] == "Tout nouveau"
