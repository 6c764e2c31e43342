"""Variants are generated on save: every named size, exact, as real WebP and AVIF."""

from unittest import mock

import pytest
from PIL import Image as PILImage
from PIL import features

from media_styles import source as sources
from media_styles import variants
from media_styles.models import Image
from media_styles.specs import SIZES
from tests.builders import create, decoded, encoded, image_bytes, make_image, upload
from tests.mixins import files_under

pytestmark = pytest.mark.django_db


def test_each_named_size_is_generated_exactly(media_root):
    image = make_image(800, 600)
    assert set(image.variants) == set(SIZES)
    for name, size in SIZES.items():
        variant = image.variants[name]
        img = decoded(variant["webp"], media_root)
        expected = (size.width, size.height or round(600 * size.width / 800))
        assert img.size == expected == (variant["width"], variant["height"]), name


def test_webp_really_is_webp(media_root):
    image = make_image()
    for variant in image.variants.values():
        data = (media_root / variant["webp"].removeprefix("/media/")).read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
        assert decoded(variant["webp"], media_root).format == "WEBP"


@pytest.mark.skipif(not features.check("avif"), reason="Pillow without AVIF")
def test_avif_alongside(media_root):
    image = make_image()
    for name, variant in image.variants.items():
        data = (media_root / variant["avif"].removeprefix("/media/")).read_bytes()
        assert data[4:12] == b"ftypavif", name
        assert decoded(variant["avif"], media_root).size == (variant["width"], variant["height"])


def test_recorded_in_the_database_without_a_second_save(media_root):
    image = make_image()
    image.refresh_from_db()
    assert image.variant("_463x428")["width"] == 463
    assert image.variant_urls(["_199x190"])["_199x190"].endswith(".webp")
    assert image.source_hash and image.width == 640 and image.height == 480


def test_source_decoded_once_per_save(media_root):
    with mock.patch("media_styles.models.sources.prepare", wraps=sources.prepare) as prepare:
        make_image()
    assert prepare.call_count == 1


def test_full_clean_then_save_decodes_once(media_root):
    image = Image(file=upload(image_bytes()))
    with mock.patch("media_styles.models.sources.prepare", wraps=sources.prepare) as prepare:
        image.full_clean()
        image.save()
    assert prepare.call_count == 1
    assert len(image.variants) == len(SIZES)


def test_editing_alt_text_does_not_regenerate(media_root):
    image = make_image()
    with mock.patch("media_styles.variants.render") as render:
        image.alt = "A rocket"
        image.save()
    render.assert_not_called()


def test_moving_the_focal_point_regenerates_and_drops_old_files(media_root):
    source = PILImage.new("RGB", (800, 300), "white")
    source.paste((255, 0, 0), (0, 0, 100, 300))  # a red band on the left edge
    image = create(encoded(source, "PNG"), "band.png")
    before = files_under(media_root / "variants")
    centred = decoded(image.variants["_240x240"]["webp"], media_root)
    assert centred.getpixel((5, 120))[0] > 200 and centred.getpixel((5, 120))[1] > 200  # white

    image.focal_x = 0.0
    image.save()
    left = decoded(image.variants["_240x240"]["webp"], media_root)
    red, green, blue = left.getpixel((5, 120))
    assert red > 200 and green < 60 and blue < 60
    after = files_under(media_root / "variants")
    assert len(after) == len(before) and not set(after) & set(before)


def test_upscales_a_source_smaller_than_the_box(media_root):
    image = make_image(300, 200)
    assert decoded(image.variants["_1920x1200"]["webp"], media_root).size == (1920, 1200)


def test_deleting_an_image_deletes_its_variant_files(
    media_root, django_capture_on_commit_callbacks
):
    image = make_image()
    folder = media_root / "variants" / str(image.pk)
    assert folder.is_dir()
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not folder.exists()


def test_identical_inputs_give_identical_names(media_root):
    first = variants.file_names(7, "abc", (0.5, 0.5))
    assert first == variants.file_names(7, "abc", (0.5, 0.5))
    assert first != variants.file_names(7, "abd", (0.5, 0.5))
    assert first != variants.file_names(7, "abc", (0.2, 0.5))
    assert all(stem.startswith(f"variants/7/{name}-") for name, stem in first.items())


def test_the_same_source_is_encoded_once_and_shared(media_root):
    first = make_image()
    with mock.patch("media_styles.variants.encode") as encode:
        second = make_image()
    encode.assert_not_called()
    for name, variant in second.variants.items():
        mine = media_root / variant["webp"].removeprefix("/media/")
        theirs = media_root / first.variants[name]["webp"].removeprefix("/media/")
        assert mine != theirs and mine.read_bytes() == theirs.read_bytes()
