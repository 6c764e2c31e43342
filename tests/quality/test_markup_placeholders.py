"""Pages whose images are still waiting for their variants (placeholders) are valid HTML."""

import json
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.test import TestCase

from media_styles.models import Image
from tests.builders import make_image, make_release

from .tools import VNU_JAR, require_vnu


class PlaceholderMarkupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Whole seconds, as imported releases have (this test is about the images).
        day = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
        waiting = make_image(alt="Satellite in the clean room")
        cls.release = make_release("Waiting picture", image=waiting, date=day)
        make_release("Decorative", image=make_image(alt=""), date=day - timedelta(days=1))
        Image.objects.update(variants={}, variants_status=Image.WAITING)

    def test_list_and_detail_with_placeholders_validate(self):
        require_vnu()
        pages = {"list": "/en/press-releases", "detail": self.release.get_absolute_url("en")}
        with tempfile.TemporaryDirectory() as folder:
            for name, path in pages.items():
                html = self.client.get(path).content.decode()
                self.assertIn('class="image-placeholder', html)
                (Path(folder) / f"{name}.html").write_text(html, encoding="utf-8")
            result = subprocess.run(  # noqa: S603 (fixed argv)
                [shutil.which("java"), "-jar", str(VNU_JAR), "--format", "json",
                 "--exit-zero-always", *(str(path) for path in sorted(Path(folder).iterdir()))],
                capture_output=True, text=True, timeout=300,
            )  # fmt: skip
        errors = [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]
        self.assertEqual(errors, [])
