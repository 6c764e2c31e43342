"""Variants are made by a job after commit: inline without Redis, on django-rq's queue
with it (a private redis-server here), with retries, recorded failures and placeholders."""

from unittest import mock

import django_rq
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from redis import Redis
from rq import SimpleWorker

from media_styles import jobs
from media_styles.models import Image
from media_styles.specs import SIZES
from tests.builders import encoded, image_bytes, make_image, make_release, noisy, upload
from tests.harness import free_port
from tests.services import redis_server


@override_settings(MEDIA_JOBS_AFTER_COMMIT=True, MEDIA_JOBS_QUEUED=False)
class InlineAfterCommitTests(TestCase):
    def test_variants_are_made_after_commit_in_the_saving_process(self):
        with self.captureOnCommitCallbacks(execute=True):
            image = Image.objects.create(file=upload(image_bytes(800, 600)), alt="Antenna")
            stored = Image.objects.get()
            self.assertEqual((stored.variants, stored.variants_status), ({}, Image.WAITING))
        image.refresh_from_db()
        self.assertEqual(image.variants_status, Image.DONE)
        self.assertEqual(len(image.variants), len(SIZES))

    def test_pages_show_a_placeholder_until_then(self):
        with self.captureOnCommitCallbacks(execute=False):
            image = Image.objects.create(file=upload(image_bytes(800, 600)), alt="Antenna")
        release = make_release("Waiting", image=image)
        html = self.client.get(release.get_absolute_url("en")).content.decode()
        self.assertIn('aria-label="Antenna"', html)
        self.assertNotIn(f'src="{image.file.url}"', html)  # never the original on the page
        self.assertIn(
            '<svg class="image-placeholder release__image" width="1920" height="1200"', html
        )

    def test_a_failing_job_records_why_and_the_save_stands(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            image = Image.objects.create(file=upload(image_bytes()))
        full = OSError("No space left on device")
        with (
            mock.patch("media_styles.variants.encode", side_effect=full),
            self.assertLogs("media_styles.jobs", "ERROR"),
        ):
            for callback in callbacks:  # inline: no retry, nothing raised into the request
                callback()
        image.refresh_from_db()
        self.assertEqual(image.variants_status, Image.FAILED)
        self.assertEqual(image.variants_error, "OSError: No space left on device")


class QueuedTests(TestCase):
    """django-rq on a redis-server of this class's own; the worker runs in-process
    (SimpleWorker), so it sees the test's transaction."""

    @classmethod
    def setUpClass(cls):
        cls.redis_url = cls.enterClassContext(redis_server()).url
        queues = {"default": {"URL": cls.redis_url, "DEFAULT_TIMEOUT": 600}}
        cls.enterClassContext(
            override_settings(
                MEDIA_JOBS_QUEUED=True, MEDIA_JOBS_AFTER_COMMIT=True, RQ_QUEUES=queues
            )
        )
        super().setUpClass()

    def setUp(self):
        Redis.from_url(self.redis_url).flushdb()
        self.queue = django_rq.get_queue("default")

    def work(self):
        # rq's SimpleWorker, not `manage.py rqworker`: the command closes every database
        # connection first (right before it forks), which would end the test's
        # transaction on PostgreSQL. The command itself runs in test_media_processes.
        SimpleWorker([self.queue], connection=self.queue.connection).work(burst=True)

    def save_upload(self):
        with self.captureOnCommitCallbacks(execute=True):
            return Image.objects.create(file=upload(image_bytes(900, 600)), alt="Dish")

    def test_one_job_after_commit_and_variants_once_the_worker_ran(self):
        image = self.save_upload()
        self.assertEqual(self.queue.count, 1)
        self.assertEqual(Image.objects.get().variants, {})
        self.work()
        image.refresh_from_db()
        self.assertEqual((image.variants_status, len(image.variants)), (Image.DONE, len(SIZES)))

    def test_the_job_is_keyed_by_content_a_second_save_adds_none(self):
        image = self.save_upload()
        with self.captureOnCommitCallbacks(execute=True):
            image.alt = "Dish, again"
            image.save()
        self.assertEqual(self.queue.count, 1)
        [job_id] = self.queue.job_ids
        self.assertEqual(job_id, jobs.job_id(image.pk, jobs.key_of(image)))
        with self.captureOnCommitCallbacks(execute=True):
            image.focal_x = 0.2
            image.save()
        self.assertEqual(self.queue.count, 2)  # a new focal point: new content
        self.work()
        image.refresh_from_db()
        self.assertEqual(image.variants_status, Image.DONE)
        self.assertTrue(image.variants["_240x240"]["webp"].endswith(".webp"))

    def test_a_bad_upload_is_refused_in_the_request_and_queues_nothing(self):
        # The request only checks the file (1/8-scale JPEG decode): still every byte.
        data = encoded(noisy(400, 300), "JPEG", quality=90)
        with self.assertRaisesMessage(ValidationError, "truncated"):
            Image.objects.create(file=upload(data[: len(data) // 2], "cut.jpg"))
        image = self.save_upload()
        self.assertEqual((self.queue.count, Image.objects.count()), (1, 1))
        self.assertEqual((image.width, image.height), (900, 600))

    def test_the_worker_purges_the_page_cache(self):
        self.save_upload()
        with mock.patch("tas_site.page_cache.purge") as purge:
            self.work()
        purge.assert_called()

    def test_a_failure_is_retried_then_recorded(self):
        image = self.save_upload()
        image.file.storage.delete(image.file.name)
        self.work()
        image.refresh_from_db()
        self.assertEqual(image.variants_status, Image.WAITING)
        self.assertIn("trying again after: the original file is missing", image.variants_error)
        [job] = [self.queue.fetch_job(job_id) for job_id in
                 django_rq.get_queue("default").scheduled_job_registry.get_job_ids()]  # fmt: skip
        self.assertEqual(job.retries_left, 1)  # three tries in all
        with self.assertRaises(FileNotFoundError):  # the last try: rq records the job failed
            jobs.make_variants(image.pk, jobs.key_of(image))
        image.refresh_from_db()
        self.assertEqual(image.variants_status, Image.FAILED)
        self.assertEqual(image.variants_error, "the original file is missing from storage")

    def test_generate_again_from_the_admin(self):
        image = self.save_upload()
        Image.objects.filter(pk=image.pk).update(variants_status=Image.FAILED, variants_error="x")
        self.queue.empty()
        admin = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
        self.client.force_login(admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/admin/media_styles/image/",
                {"action": "generate_again", "_selected_action": [image.pk]},
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.queue.count, 1)
        self.work()
        self.assertEqual(Image.objects.get().variants_status, Image.DONE)


@override_settings(
    MEDIA_JOBS_QUEUED=True,
    MEDIA_JOBS_AFTER_COMMIT=True,
    RQ_QUEUES={"default": {"URL": f"redis://127.0.0.1:{free_port()}/0"}},
)
class RedisDownTests(TestCase):
    def test_the_upload_still_succeeds_and_waits(self):
        admin = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
        self.client.force_login(admin)
        with (
            self.assertLogs("media_styles.jobs", "ERROR"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            response = self.client.post(
                "/admin/media_styles/image/add/", {"file": upload(image_bytes(), "ok.jpg")}
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Image.objects.get().variants_status, Image.WAITING)


class WithoutRedisTests(TestCase):
    def test_embedded_default_makes_variants_without_a_worker(self):
        image = make_image()  # test settings: inline, at the save
        self.assertEqual(image.variants_status, Image.DONE)
