"""Variants are generated on save: every named size, exact, as real WebP and AVIF."""

import unittest
from unittest import mock

from django.test import TestCase
from PIL import Image as PILImage
from PIL import features

from media_styles import source as sources
from media_styles import variants
from media_styles.models import Image
from media_styles.specs import SIZES
from tests.builders import create, decoded, encoded, image_bytes, make_image, upload
from tests.mixins import MediaRootMixin, files_under


class GenerationTests(MediaRootMixin, TestCase):
    def test_each_named_size_is_generated_exactly(self):
        image = make_image(800, 600)
        assert set(image.variants) == set(SIZES)
        for name, size in SIZES.items():
            variant = image.variants[name]
            img = decoded(variant["webp"], self.media_root)
            expected = (size.width, size.height or round(600 * size.width / 800))
            assert img.size == expected == (variant["width"], variant["height"]), name

    def test_webp_really_is_webp(self):
        image = make_image()
        for variant in image.variants.values():
            data = (self.media_root / variant["webp"].removeprefix("/media/")).read_bytes()
            assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
            assert decoded(variant["webp"], self.media_root).format == "WEBP"

    @unittest.skipUnless(features.check("avif"), "Pillow without AVIF")
    def test_avif_alongside(self):
        image = make_image()
        for name, variant in image.variants.items():
            data = (self.media_root / variant["avif"].removeprefix("/media/")).read_bytes()
            assert data[4:12] == b"ftypavif", name
            assert decoded(variant["avif"], self.media_root).size == (
                variant["width"],
                variant["height"],
            )

    def test_recorded_in_the_database_without_a_second_save(self):
        image = make_image()
        image.refresh_from_db()
        assert image.variant("_463x428")["width"] == 463
        assert image.variant_urls(["_199x190"])["_199x190"].endswith(".webp")
        assert image.source_hash and image.width == 640 and image.height == 480

    def test_source_decoded_once_per_save(self):
        with mock.patch("media_styles.models.sources.prepare", wraps=sources.prepare) as prepare:
            make_image()
        assert prepare.call_count == 1

    def test_full_clean_then_save_decodes_once(self):
        image = Image(file=upload(image_bytes()))
        with mock.patch("media_styles.models.sources.prepare", wraps=sources.prepare) as prepare:
            image.full_clean()
            image.save()
        assert prepare.call_count == 1
        assert len(image.variants) == len(SIZES)

    def test_editing_alt_text_does_not_regenerate(self):
        image = make_image()
        with mock.patch("media_styles.variants.render") as render:
            image.alt = "A rocket"
            image.save()
        render.assert_not_called()

    def test_moving_the_focal_point_regenerates_and_drops_old_files(self):
        source = PILImage.new("RGB", (800, 300), "white")
        source.paste((255, 0, 0), (0, 0, 100, 300))  # a red band on the left edge
        image = create(encoded(source, "PNG"), "band.png")
        before = files_under(self.media_root / "variants")
        centred = decoded(image.variants["_240x240"]["webp"], self.media_root)
        assert centred.getpixel((5, 120))[0] > 200 and centred.getpixel((5, 120))[1] > 200  # white

        image.focal_x = 0.0
        image.save()
        left = decoded(image.variants["_240x240"]["webp"], self.media_root)
        red, green, blue = left.getpixel((5, 120))
        assert red > 200 and green < 60 and blue < 60
        after = files_under(self.media_root / "variants")
        assert len(after) == len(before) and not set(after) & set(before)

    def test_upscales_a_source_smaller_than_the_box(self):
        image = make_image(300, 200)
        assert decoded(image.variants["_1920x1200"]["webp"], self.media_root).size == (1920, 1200)

    def test_deleting_an_image_deletes_its_variant_files(self):
        image = make_image()
        folder = self.media_root / "variants" / str(image.pk)
        assert folder.is_dir()
        with self.captureOnCommitCallbacks(execute=True):
            image.delete()
        assert not folder.exists()

    def test_identical_inputs_give_identical_names(self):
        first = variants.file_names(7, "abc", (0.5, 0.5))
        assert first == variants.file_names(7, "abc", (0.5, 0.5))
        assert first != variants.file_names(7, "abd", (0.5, 0.5))
        assert first != variants.file_names(7, "abc", (0.2, 0.5))
        assert all(stem.startswith(f"variants/7/{name}-") for name, stem in first.items())

    def test_the_same_source_is_encoded_once_and_shared(self):
        first = make_image()
        with mock.patch("media_styles.variants.encode") as encode:
            second = make_image()
        encode.assert_not_called()
        for name, variant in second.variants.items():
            mine = self.media_root / variant["webp"].removeprefix("/media/")
            theirs = self.media_root / first.variants[name]["webp"].removeprefix("/media/")
            assert mine != theirs and mine.read_bytes() == theirs.read_bytes()
