"""A TestCase whose media go to a bucket of its own on a moto S3 server."""

import tempfile
from pathlib import Path

from django.test import TestCase, override_settings

from media_styles import variants
from tests.harness import s3_server

FORMATS = {"webp": "image/webp", "avif": "image/avif"} if variants.AVIF else {"webp": "image/webp"}


class ObjectStorageTestCase(TestCase):
    """Each class gets a moto server; each test a bucket of its own and an empty MEDIA_ROOT."""

    media_url = None

    @classmethod
    def setUpClass(cls):
        cls.s3 = cls.enterClassContext(s3_server())
        super().setUpClass()

    def setUp(self):
        # Per test: ids are not reused after a rollback on PostgreSQL, so objects of
        # another test's images would look like orphans here.
        self.bucket = self.s3.new_bucket()
        self.media_root = Path(self.enterContext(tempfile.TemporaryDirectory()))
        extra = {"MEDIA_URL": self.media_url} if self.media_url else {}
        self.enterContext(
            override_settings(**self.s3.settings(self.bucket), MEDIA_ROOT=self.media_root, **extra)
        )

    def objects(self, prefix=""):
        client = self.s3.client()
        listing = client.list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return {item["Key"]: client.head_object(Bucket=self.bucket, Key=item["Key"])
                for item in listing.get("Contents", [])}  # fmt: skip

    def variant_keys(self, image):
        return {
            variants.stored_name(image.pk, entry[ext]) for entry in image.variants.values()
            for ext in FORMATS
        }  # fmt: skip
