"""import_pages: images found in --media-dir by their original name, never downloaded."""

from unittest import mock

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.test import TestCase

from media_styles.models import Image
from press.models import PressRelease
from tests.builders import image_json, make_media, page, run_import, snapshot, write
from tests.mixins import TempDirMixin

BODY_WITH_IMAGE = (
    '<div class="thales-brick-image"><img src="https://tas-static.example/d7/rover_1.jpg" '
    'alt="Rover"><div class="asset__image__description">ESA</div></div><p>Text</p>'
)


class ImportMediaTests(TempDirMixin, TestCase):
    def test_image_attached_by_original_name_with_alt_and_title(self):
        media = make_media(self.tmp_path / "media", "ExoMars 2020.jpg")
        document = page(image=image_json("ExoMars%202020.jpg", alt="Rover", title="ExoMars"))
        out, _ = run_import(write(self.tmp_path, document), media_dir=media)
        image = PressRelease.objects.get().image
        assert image.original_name == "ExoMars 2020.jpg"  # percent-decoded, .webp and query dropped
        assert (image.alt_en, image.title, image.width, image.height) == (
            "Rover",
            "ExoMars",
            400,
            300,
        )
        assert "images attached: 1 (1 new files)" in out

    def test_map_json_names_the_local_file(self):
        media = make_media(self.tmp_path / "media", "moon.jpg", mapping={"ExoMars.jpg": "moon.jpg"})
        run_import(write(self.tmp_path, page(image=image_json("ExoMars.jpg"))), media_dir=media)
        assert PressRelease.objects.get().image.original_name == "ExoMars.jpg"

    def test_map_json_cannot_reach_outside_the_media_folder(self):
        make_media(self.tmp_path, "secret.jpg")
        media = make_media(self.tmp_path / "media", mapping={"x.jpg": "../secret.jpg"})
        _, err = run_import(write(self.tmp_path, page(image=image_json("x.jpg"))), media_dir=media)
        assert PressRelease.objects.get().image is None
        assert "no local file for image 'x.jpg'" in err

    def test_reimport_reuses_the_image_and_translates_its_alt(self):
        media = make_media(self.tmp_path / "media", "a.jpg")
        locales = {"en": "a", "fr": "b"}
        en = write(
            self.tmp_path, page("en", "a", locales=locales, image=image_json("a.jpg", alt="Moon"))
        )
        run_import(en, media_dir=media)
        files = snapshot()[1]
        fr = write(
            self.tmp_path, page("fr", "b", locales=locales, image=image_json("a.jpg", alt="Lune"))
        )
        out, _ = run_import(en, fr, media_dir=media)
        image = Image.objects.get()
        assert (image.alt_en, image.alt_fr) == ("Moon", "Lune")
        assert snapshot()[1] == files  # no second copy on disk
        assert "(0 new files)" in out

    def test_missing_image_is_a_warning_and_the_release_is_imported(self):
        media = make_media(self.tmp_path / "media")
        _, err = run_import(
            write(self.tmp_path, page(image=image_json("gone.jpg"))), media_dir=media
        )
        assert PressRelease.objects.get().image is None
        assert (
            "props.pageProps.api.data.image: "
            "no local file for image 'gone.jpg'; imported without it"
        ) in err
        assert (
            "warnings: 1" in run_import(write(self.tmp_path, page(image=image_json("gone.jpg"))))[0]
        )

    def test_rejected_image_names_file_and_image_and_leaves_nothing(self):
        media = make_media(self.tmp_path / "media", "tiny.jpg")
        run_import(write(self.tmp_path, page("en", "earlier")))
        before = snapshot()
        bad = write(self.tmp_path, page("en", "x", image=image_json("tiny.jpg")), "en--x.json")
        rejection = ValidationError("Image too small: 400x300, at least 199x190 needed.")
        with (
            mock.patch.object(Image, "full_clean", side_effect=rejection),
            self.assertRaises(CommandError) as raised,
        ):
            run_import(bad, media_dir=media)
        assert str(raised.exception) == (
            f"{bad}: props.pageProps.api.data.image: image 'tiny.jpg' (tiny.jpg): "
            "Image too small: 400x300, at least 199x190 needed."
        )
        assert snapshot() == before

    def test_dry_run_leaves_no_image_file(self):
        media = make_media(self.tmp_path / "media", "a.jpg")
        before = snapshot()
        out, _ = run_import(write(self.tmp_path, page(image=image_json("a.jpg"))), media_dir=media,
                            dry_run=True)  # fmt: skip
        assert snapshot() == before
        assert "images attached: 1 (1 new files)" in out

    def test_never_downloads(self):
        with mock.patch("urllib.request.urlopen", side_effect=AssertionError("download")):
            _, err = run_import(write(self.tmp_path, page(image=image_json("remote.jpg"))))
        assert "no local file for image 'remote.jpg'" in err

    def test_missing_media_folder_is_an_error(self):
        with self.assertRaisesRegex(CommandError, "nowhere: media folder not found"):
            run_import(write(self.tmp_path, page()), media_dir=str(self.tmp_path / "nowhere"))
        assert not PressRelease.objects.exists()

    def test_body_image_found_locally_is_served_from_this_site(self):
        media = make_media(self.tmp_path / "media", "rover_1.jpg")
        document = page(body=BODY_WITH_IMAGE)
        out, err = run_import(write(self.tmp_path, document), media_dir=media)
        body = PressRelease.objects.get().body_en
        image = Image.objects.get(original_name="rover_1.jpg")
        variant = image.variant("_1920")
        assert f'<img src="{variant["webp"]}" alt="Rover" width="1920"' in body
        assert "tas-static.example" not in body
        assert "warnings: 0" in out, err
        again, _ = run_import(write(self.tmp_path, document), media_dir=media)
        assert "0 created, 0 updated, 1 unchanged" in again
        assert Image.objects.count() == 1

    def test_body_image_without_local_file_is_removed_with_a_warning(self):
        media = make_media(self.tmp_path / "media")
        _, err = run_import(write(self.tmp_path, page(body=BODY_WITH_IMAGE)), media_dir=media)
        body = PressRelease.objects.get().body_en
        assert "<img" not in body
        assert '<div class="asset__image__description">ESA</div></div><p>Text</p>' in body
        assert "no local file for body image 'rover_1.jpg'; removed from the body" in err
