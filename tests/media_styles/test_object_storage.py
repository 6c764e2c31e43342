"""Media on a real S3 API (moto in server mode): keys, content types, cache headers,
orphan cleanup, downloads, and nothing written to MEDIA_ROOT or asked of S3 by pages."""

import datetime
from io import StringIO
from unittest import mock

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from media_styles import variants
from media_styles.models import Image
from media_styles.specs import SIZES
from media_styles.storage import IMMUTABLE
from tests.builders import image_bytes, make_image, make_release
from tests.media_styles.object_storage import FORMATS, ObjectStorageTestCase
from tests.mixins import files_under


class VariantObjectsTests(ObjectStorageTestCase):
    def test_every_variant_is_an_object_with_its_type_and_an_immutable_cache_header(self):
        image = make_image(900, 600)
        stored = self.objects(f"variants/{image.pk}/")
        self.assertEqual(set(stored), self.variant_keys(image))
        self.assertEqual(len(stored), len(SIZES) * len(FORMATS))
        for key, head in stored.items():
            self.assertEqual(head["ContentType"], FORMATS[key.rsplit(".", 1)[1]], key)
            self.assertEqual(head["CacheControl"], IMMUTABLE, key)

    def test_keys_are_content_addressed_and_urls_start_with_the_bucket(self):
        image = make_image()
        base = f"{self.s3.endpoint}/{self.bucket}/variants/{image.pk}/"
        for name, entry in image.variants.items():
            stem = variants.digest(image.source_hash, SIZES[name], (0.5, 0.5))
            self.assertEqual(entry["webp"], f"{base}{name}-{stem}.webp")

    def test_the_original_is_stored_with_its_type_but_not_immutable(self):
        image = make_image()
        head = self.objects(image.file.name)[image.file.name]
        self.assertEqual(head["ContentType"], "image/jpeg")
        self.assertNotIn("immutable", head["CacheControl"])

    def test_nothing_is_written_to_media_root(self):
        image = make_image()
        image.focal_x = 0.1
        image.save()
        call_command("warm_variants", stdout=StringIO(), stderr=StringIO())
        self.assertEqual(files_under(self.media_root), [])

    def test_moving_the_focal_point_writes_new_keys_and_removes_the_old(self):
        image = make_image()
        before = set(self.objects(f"variants/{image.pk}/"))
        image.focal_x = 0.0
        image.save()
        after = set(self.objects(f"variants/{image.pk}/"))
        self.assertEqual(after, self.variant_keys(image))
        self.assertFalse(before & after)

    def test_the_same_source_is_copied_not_encoded_again(self):
        first = make_image()
        with mock.patch("media_styles.variants.encode") as encode:
            second = make_image()
        encode.assert_not_called()
        self.assertEqual(
            len(self.objects(f"variants/{second.pk}/")), len(first.variants) * len(FORMATS)
        )

    def test_deleting_an_image_deletes_its_objects(self):
        image = make_image()
        with self.captureOnCommitCallbacks(execute=True):
            image.delete()
        self.assertEqual(self.objects(f"variants/{image.pk}/"), {})


class OrphanTests(ObjectStorageTestCase):
    def warm(self, *args, later=0):
        out = StringIO()
        now = timezone.now() + datetime.timedelta(seconds=later)
        with mock.patch("media_styles.variants.timezone.now", return_value=now):
            call_command("warm_variants", *args, stdout=out, stderr=StringIO())
        return out.getvalue()

    def test_orphans_are_removed_from_the_bucket_after_the_grace(self):
        kept, deleted = make_image(), make_image(300, 300)
        Image.objects.filter(pk=deleted.pk).delete()  # queryset delete: no per-object cleanup
        stray = f"variants/{kept.pk}/_100x100-0123456789abcdef.webp"
        self.s3.client().put_object(Bucket=self.bucket, Key=stray, Body=b"old")
        self.assertIn("0 orphaned files removed", self.warm())  # too recent
        grace = variants.ORPHAN_GRACE_SECONDS + 60
        expected = len(SIZES) * len(FORMATS) + 1
        self.assertIn(f"{expected} orphaned files removed", self.warm(later=grace))
        self.assertEqual(set(self.objects("variants/")), self.variant_keys(kept))

    def test_missing_objects_are_made_again(self):
        image = make_image()
        victim = variants.stored_name(image.pk, image.variants["_463x428"]["webp"])
        self.s3.client().delete_object(Bucket=self.bucket, Key=victim)
        self.assertIn("1 generated", self.warm())
        self.assertIn(victim, self.objects(victim))


class PagesTouchNoStorageTests(ObjectStorageTestCase):
    def test_pages_send_no_request_to_object_storage(self):
        release = make_release("With picture", image=make_image(alt="A satellite"))
        release.download.save("kit.zip", ContentFile(b"PK\x05\x06" + bytes(18)))
        before = len(self.s3.requests())
        pages = [self.client.get(path) for path in
                 ("/en", "/en/press-releases", release.get_absolute_url("en"),
                  release.get_absolute_url("en") + "/index.json")]  # fmt: skip
        self.assertEqual(len(self.s3.requests()), before)
        for response in pages:
            self.assertEqual(response.status_code, 200)
        detail = pages[2].content.decode()
        self.assertIn(f'src="{self.s3.endpoint}/{self.bucket}/variants/', detail)
        self.assertIn(f'href="{self.s3.endpoint}/{self.bucket}/downloads/', detail)

    def test_press_kit_download_is_an_object(self):
        release = make_release("Kit")
        release.download.save("kit.zip", ContentFile(b"PK\x05\x06" + bytes(18)))
        head = self.objects(release.download.name)[release.download.name]
        self.assertEqual(head["ContentType"], "application/zip")
        with release.download.open("rb") as handle:
            self.assertTrue(handle.read().startswith(b"PK"))


@override_settings(MEDIA_JOBS_QUEUED=False)
class CdnTests(ObjectStorageTestCase):
    media_url = "https://cdn.example.com/media/"

    def test_media_url_names_the_cdn_in_front_of_the_bucket(self):
        image = make_image()
        for entry in image.variants.values():
            self.assertTrue(entry["webp"].startswith("https://cdn.example.com/media/variants/"))
        self.assertTrue(image.file.url.startswith("https://cdn.example.com/media/images/"))


class UploadTests(ObjectStorageTestCase):
    def test_a_bad_upload_leaves_nothing_in_the_bucket(self):
        with self.assertRaises(ValidationError):
            Image.objects.create(file=SimpleUploadedFile("a.jpg", image_bytes()[:300]))
        self.assertEqual(self.objects(), {})
