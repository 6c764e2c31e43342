"""Valid but unusual sources produce correct variants."""

import io

from django.test import TestCase
from PIL import Image as PILImage

from media_styles.specs import SIZES
from tests.builders import create, decoded, encoded
from tests.mixins import MediaRootMixin


def assert_exact_sizes(image, media_root, source_width, source_height):
    for name, size in SIZES.items():
        img = decoded(image.variants[name]["webp"], media_root)
        height = size.height or round(source_height * size.width / source_width)
        assert img.size == (size.width, height), name


def centre(image, media_root, name="_463x428"):
    img = decoded(image.variants[name]["webp"], media_root)
    return img.getpixel((img.width // 2, img.height // 2))


class UnusualSourceTests(MediaRootMixin, TestCase):
    def test_cmyk_jpeg_comes_out_rgb_with_the_right_colour(self):
        cmyk = PILImage.new("CMYK", (400, 300), (0, 255, 255, 0))  # pure red in CMYK
        image = create(encoded(cmyk, "JPEG"), "print.jpg")
        red, green, blue = centre(image, self.media_root)[:3]
        assert red > 200 and green < 60 and blue < 60
        assert_exact_sizes(image, self.media_root, 400, 300)

    def test_16_bit_png_is_scaled_not_clipped(self):
        grey16 = PILImage.new("I;16", (400, 300), 40_000)  # 40000 / 65535 = 61 % grey
        data = encoded(grey16, "PNG")
        assert PILImage.open(io.BytesIO(data)).mode.startswith("I")
        image = create(data, "scan.png")
        red, green, blue = centre(image, self.media_root)[:3]
        assert abs(red - 156) <= 3 and red == green == blue  # not 255 (clipped)

    def test_palette_with_transparency_keeps_alpha_in_webp(self):
        palette = PILImage.new("P", (400, 300), 0)
        palette.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
        palette.paste(1, (200, 0, 400, 300))  # right half red, left half transparent
        image = create(encoded(palette, "PNG", transparency=0), "logo.png")
        img = decoded(image.variants["_1920"]["webp"], self.media_root)
        assert img.mode == "RGBA"
        assert img.getpixel((100, 100))[3] == 0
        red, green, blue, alpha = img.getpixel((1800, 100))
        assert red > 250 and green < 5 and blue < 5 and alpha == 255

    def test_opaque_alpha_is_dropped(self):
        image = create(encoded(PILImage.new("RGBA", (400, 300), (0, 0, 255, 255)), "PNG"), "a.png")
        assert decoded(image.variants["_240x240"]["webp"], self.media_root).mode == "RGB"

    def test_exif_orientation_is_applied(self):
        raw = PILImage.new("RGB", (400, 300), (0, 0, 255))
        raw.paste((255, 0, 0), (0, 0, 200, 300))  # left half red as stored
        exif = PILImage.Exif()
        exif[0x0112] = 6  # shown rotated 90° clockwise: the red half is on top
        image = create(encoded(raw, "JPEG", exif=exif.tobytes()), "phone.jpg")
        assert (image.width, image.height) == (300, 400)
        full = decoded(image.variants["_1920"]["webp"], self.media_root)
        assert full.size == (1920, 2560)
        top, bottom = full.getpixel((960, 300)), full.getpixel((960, 2200))
        assert top[0] > 200 and top[2] < 60 and bottom[2] > 200 and bottom[0] < 60
        assert_exact_sizes(image, self.media_root, 300, 400)

    def test_very_wide_panorama(self):
        image = create(encoded(PILImage.new("RGB", (6000, 200), (10, 120, 30)), "JPEG"), "pano.jpg")
        assert_exact_sizes(image, self.media_root, 6000, 200)
        assert image.variants["_1920"]["height"] == 64

    def test_animated_gif_uses_the_first_frame(self):
        frames = [PILImage.new("RGB", (400, 300), colour) for colour in ((255, 0, 0), (0, 0, 255))]
        data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
        image = create(data, "anim.gif")
        red, green, blue = centre(image, self.media_root)[:3]
        assert red > 200 and blue < 60
        assert decoded(image.variants["_463x428"]["webp"], self.media_root).n_frames == 1

    def test_large_jpeg_is_reduced_while_decoding_and_sizes_stay_exact(self):
        image = create(
            encoded(PILImage.new("RGB", (5000, 3000), (200, 100, 50)), "JPEG"), "big.jpg"
        )
        assert (image.width, image.height) == (5000, 3000)
        assert_exact_sizes(image, self.media_root, 5000, 3000)
