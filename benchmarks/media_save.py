"""Saving an image in the admin, variants made inline (as before) vs queued, and the
worker's cost against a plain Pillow pipeline, side by side in one run.

    .venv/bin/python -m benchmarks.media_save [--runs 5]

1. Admin save: a 3000×2000 JPEG uploaded through the admin's add form (Django's
   test client, in-process: the time is the server's handling of the POST, from
   request to response, including the after-commit work). "inline": no Redis, the
   job runs in the request after commit (what every save did before the queue).
   "queued": django-rq on a private redis-server; the request validates, stores
   the original and enqueues. Median of ``--runs``.
2. Worker: the job (read the original from storage, decode once, 15 WebP + 15
   AVIF variants written to storage, recorded) against a plain Pillow pipeline
   (decode once with draft, ImageOps.fit / resize to each size, encode to memory).
   CPU seconds of this process (AVIF encodes on several threads) and wall time.
   Target: job ≤ 1.1× the plain pipeline.

SQLite and MEDIA_ROOT in a temporary folder; nothing outside it is touched.
"""

import argparse
import io
import os
import statistics
import tempfile
import time
from contextlib import ExitStack

FOLDER = tempfile.mkdtemp(prefix="tas-bench-media-")
os.environ["DJANGO_SETTINGS_MODULE"] = "tas_site.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{FOLDER}/bench.sqlite3"
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from PIL import ImageOps  # noqa: E402

from media_styles import jobs  # noqa: E402
from media_styles.models import Image  # noqa: E402
from media_styles.specs import AVIF_OPTIONS, SIZES, WEBP_OPTIONS  # noqa: E402
from media_styles.variants import AVIF  # noqa: E402
from tests.harness import redis_server  # noqa: E402

WIDTH, HEIGHT = 3000, 2000


def photo_like(seed):
    """A 3000×2000 JPEG with texture (a flat colour would encode unrealistically fast)."""
    gradient = PILImage.linear_gradient("L").resize((WIDTH, HEIGHT))
    noise = PILImage.effect_noise((WIDTH, HEIGHT), 40 + seed)
    img = PILImage.merge("RGB", (gradient, noise, gradient.transpose(PILImage.FLIP_LEFT_RIGHT)))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def admin_save(client, data, index):
    upload = SimpleUploadedFile(f"photo-{index}.jpg", data, content_type="image/jpeg")
    start = time.perf_counter()
    response = client.post(
        "/admin/media_styles/image/add/", {"file": upload, "alt_en": f"Photo {index}"}
    )
    elapsed = time.perf_counter() - start
    assert response.status_code == 302, response.content[:500]
    return elapsed


def plain_pipeline(data):
    """Decode once (draft), then each size straight from the decoded image."""
    img = PILImage.open(io.BytesIO(data))
    img.draft("RGB", (WIDTH, HEIGHT))
    img = img.convert("RGB")
    out = 0
    for size in SIZES.values():
        if size.crops:
            resized = ImageOps.fit(img, (size.width, size.height), PILImage.Resampling.LANCZOS)
        else:
            height = round(img.height * size.width / img.width)
            resized = img.resize((size.width, height), PILImage.Resampling.LANCZOS)
        for fmt, options in (("WEBP", WEBP_OPTIONS), ("AVIF", AVIF_OPTIONS)):
            if fmt == "AVIF" and not AVIF:
                continue
            buffer = io.BytesIO()
            resized.save(buffer, fmt, **options)
            out += len(buffer.getvalue())
    return out


def timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    function(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    setup_test_environment()  # the test client's "testserver" host
    call_command("migrate", verbosity=0)
    admin = get_user_model().objects.create_superuser("bench", "b@example.com", "pw")
    client = Client()
    client.force_login(admin)
    photos = [photo_like(seed) for seed in range(runs * 2)]

    saves = {"inline": [], "queued": []}
    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server())
        queued = {"default": {"URL": redis_url}}
        # Alternate the two modes so machine load hits both alike.
        for run in range(runs):
            with override_settings(MEDIA_JOBS_AFTER_COMMIT=True, MEDIA_JOBS_QUEUED=False):
                saves["inline"].append(admin_save(client, photos[2 * run], 2 * run))
            with override_settings(
                MEDIA_JOBS_AFTER_COMMIT=True, MEDIA_JOBS_QUEUED=True, RQ_QUEUES=queued
            ):
                saves["queued"].append(admin_save(client, photos[2 * run + 1], 2 * run + 1))

    waiting = list(Image.objects.filter(variants_status=Image.WAITING).order_by("pk"))
    worker, plain = [], []
    for run in range(runs):
        image = waiting[run]
        worker.append(timed(jobs.make_variants, image.pk, jobs.key_of(image)))
        plain.append(timed(plain_pipeline, photos[2 * run + 1]))
        image.refresh_from_db()
        assert image.variants_status == Image.DONE

    inline, queue = statistics.median(saves["inline"]), statistics.median(saves["queued"])
    print(f"Admin save of a {WIDTH}×{HEIGHT} JPEG, median of {runs} (server time, s):")
    print(f"  inline (variants in the request)  {inline:6.3f}")
    print(f"  queued (django-rq)                {queue:6.3f}   {queue / inline:.2f}× inline")
    formats = "15 WebP + 15 AVIF" if AVIF else "15 WebP"
    print(f"Variants of one upload ({formats}), median of {runs}:")
    for label, index in (("wall", 0), ("CPU", 1)):
        job = statistics.median(sample[index] for sample in worker)
        base = statistics.median(sample[index] for sample in plain)
        print(f"  {label:4}  worker job {job:6.3f} s   plain Pillow {base:6.3f} s   "
              f"ratio {job / base:.2f}× (target ≤ 1.10)")  # fmt: skip


if __name__ == "__main__":
    main()
