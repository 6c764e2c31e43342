"""Bad uploads are refused with a clear message, in full_clean, save and the admin,
and nothing of them is left in MEDIA_ROOT."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import TestCase
from PIL import Image as PILImage

from media_styles.models import Image
from tests.builders import encoded, image_bytes, noisy, png_header_only, upload
from tests.mixins import MediaRootMixin, files_under

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>x()</script></svg>'


def truncated_jpeg():
    data = encoded(noisy(400, 300), "JPEG", quality=90)
    return data[: len(data) // 2]


def truncated_png():
    data = encoded(noisy(400, 300), "PNG")
    return data[: len(data) // 2]


BAD_UPLOADS = {
    "text named .jpg": (b"hello, this is not a picture", "photo.jpg", "not an image"),
    "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "photo.png", "not an image"),
    "truncated jpeg": (truncated_jpeg(), "cut.jpg", "truncated"),
    "truncated png": (truncated_png(), "cut.png", "truncated"),
    "svg": (SVG, "logo.svg", "SVG files are not accepted"),
    "svg named .png": (b"<?xml version='1.0'?>\n" + SVG, "logo.png", "SVG files are not accepted"),
    "bomb over the 50 MP cap": (png_header_only(10_000, 6_000), "big.png", "50 megapixels"),
    "bomb over Pillow's own limit": (png_header_only(40_000, 40_000), "huge.png", "50 megapixels"),
    "too small": (image_bytes(150, 300), "small.jpg", "at least 199×190"),
    "too short": (image_bytes(2000, 150), "strip.jpg", "at least 199×190"),
    "tiff": (encoded(PILImage.new("RGB", (300, 300)), "TIFF"), "scan.tif", "not accepted"),
}


class BadUploadTests(MediaRootMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")

    def test_full_clean_rejects(self):
        for case, (data, name, message) in BAD_UPLOADS.items():
            with self.subTest(case):
                image = Image(file=upload(data, name))
                with self.assertRaises(ValidationError) as error:
                    image.full_clean()
                assert message in " ".join(error.exception.message_dict["file"])
                assert files_under(self.media_root) == []

    def test_save_without_full_clean_rejects(self):
        for case, (data, name, message) in BAD_UPLOADS.items():
            with self.subTest(case):
                with self.assertRaisesRegex(ValidationError, message):
                    Image.objects.create(file=upload(data, name))
                assert Image.objects.count() == 0
                assert files_under(self.media_root) == []

    def test_admin_form_rejects(self):
        self.client.force_login(self.admin)
        for case, (data, name, message) in BAD_UPLOADS.items():
            with self.subTest(case):
                response = self.client.post(
                    "/admin/media_styles/image/add/", {"file": upload(data, name)}
                )
                assert response.status_code == 200
                assert message in response.content.decode()
                assert Image.objects.count() == 0
                assert files_under(self.media_root) == []

    def test_admin_accepts_a_good_image(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            "/admin/media_styles/image/add/",
            {"file": upload(image_bytes(), "good.jpg"), "alt_en": "A good one"},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        image = Image.objects.get()
        assert image.alt_en == "A good one" and len(image.variants) == 15
        assert any(name.startswith("images/") for name in files_under(self.media_root))
