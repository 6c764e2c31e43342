"""The demo import with the S3 variables pointing at a moto server: every variant in
the bucket with its type and an immutable cache header, pages' image URLs on the
media base URL, MEDIA_ROOT empty."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import override_settings

from media_styles.models import Image
from media_styles.specs import SIZES
from media_styles.storage import IMMUTABLE
from tests.media_styles.object_storage import FORMATS, ObjectStorageTestCase
from tests.mixins import files_under


@override_settings(MEDIA_JOBS_AFTER_COMMIT=True)  # the real path: after the import commits
class DemoOnObjectStorageTests(ObjectStorageTestCase):
    def test_demo_variants_land_in_the_bucket(self):
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        images = list(Image.objects.all())
        self.assertTrue(images)
        stored = self.objects("variants/")
        expected = set().union(*(self.variant_keys(image) for image in images))
        self.assertEqual(set(stored), expected)
        self.assertEqual(len(stored), len(images) * len(SIZES) * len(FORMATS))
        for key, head in stored.items():
            self.assertEqual(head["ContentType"], FORMATS[key.rsplit(".", 1)[1]], key)
            self.assertEqual(head["CacheControl"], IMMUTABLE, key)
        self.assertEqual({image.variants_status for image in images}, {Image.DONE})
        self.assertEqual(files_under(self.media_root), [])

        html = self.client.get("/en/press-releases").content.decode()
        urls = re.findall(r'(?:src|srcset)="([^" ]+)', html)
        media = [url for url in urls if "/variants/" in url or "/images/" in url]
        self.assertTrue(media)
        base = f"{self.s3.endpoint}/{self.bucket}/"
        self.assertEqual([url for url in media if not url.startswith(base)], [])
