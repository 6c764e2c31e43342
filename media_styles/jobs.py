"""Variants are made by a background worker, never in the request that saved the image.

With ``REDIS_URL`` set, saving an image enqueues one job on django-rq's "default"
queue after the transaction commits (``python manage.py rqworker default
--with-scheduler`` runs it, retrying twice with backoff). Without Redis (the
embedded default, ``make run``) the same job runs in the saving process right
after commit, so no worker is needed. Either way pages show placeholders until
the variants are recorded.
"""

import logging

import django_rq
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from redis import Redis
from redis.exceptions import RedisError
from rq import Retry, get_current_job

from . import variants
from .models import Image

logger = logging.getLogger(__name__)

QUEUE = "default"
# Three tries in all: the first, then after 15 s and after 2 min.
RETRY = {"max": 2, "interval": [15, 120]}
ACTIVE = {"queued", "started", "deferred", "scheduled"}


def job_id(image_id, key):
    return f"media-variants-{image_id}-{key}"


def key_of(image):
    return variants.job_key(image.source_hash, variants.anchor_of(image))


def schedule(image, source=None):
    """Make ``image``'s variants once the current transaction commits.

    ``source``: the upload decoded by this request's validation; only the inline
    run can use it (a worker reads the stored original). Inline, ``image`` itself
    gets the variants, as callers holding it expect.
    """
    key = key_of(image)
    if not settings.MEDIA_JOBS_AFTER_COMMIT:  # tests: their transactions never commit
        dispatch(image, key, source)
        return
    transaction.on_commit(lambda: dispatch(image, key, source), using=image._state.db)


def dispatch(image, key, source=None):
    if not settings.MEDIA_JOBS_QUEUED:
        make_variants(image.pk, key, source=source, instance=image)
        return
    image_id = image.pk
    try:
        enqueue(image_id, key)
    except (RedisError, OSError):
        # The upload is saved and says "waiting"; `warm_variants` or "Generate
        # again" makes the variants once Redis answers.
        logger.exception("Could not queue the variants of image %s", image_id)


def enqueue(image_id, key):
    """One job per image and content key: a second save of the same thing adds none."""
    # Short timeouts: a stalled Redis must not hold the admin's save for long.
    url = settings.RQ_QUEUES[QUEUE]["URL"]
    connection = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
    queue = django_rq.get_queue(QUEUE, connection=connection)
    existing = queue.fetch_job(job_id(image_id, key))
    if existing is not None and existing.get_status(refresh=True) in ACTIVE:
        return existing
    return queue.enqueue(
        make_variants,
        image_id,
        key,
        job_id=job_id(image_id, key),
        retry=Retry(**RETRY),
        job_timeout=600,
        failure_ttl=7 * 24 * 3600,
    )


def make_variants(image_id, key, source=None, instance=None):
    """The job: decode the original once, write every variant, record them.

    Returns what it did, in a word (kept as the job's result).
    """
    image = instance or Image.objects.filter(pk=image_id).first()
    if image is None:
        return "deleted"
    if key_of(image) != key:
        return "superseded"  # saved again since: that save queued its own job
    if image.variants_status == Image.DONE and not image.needs_variants():
        return "up to date"  # the same job again, or another save's job did it
    try:
        variants.generate(image, source)
    except Exception as error:
        final = record_failure(image_id, error)
        if final and not settings.MEDIA_JOBS_QUEUED:
            # Inline, in the request that saved: the save stands, the image says why.
            logger.exception("Variants of image %s failed", image_id)
            return "failed"
        raise
    return "done"


def record_failure(image_id, error):
    """Write the reason on the image; True when no try is left."""
    job = get_current_job()
    retries_left = job.retries_left if job is not None else 0
    reason = describe(error)
    if retries_left:
        status, reason = Image.WAITING, f"trying again after: {reason}"
    else:
        status = Image.FAILED
    # update(): nothing a page shows has changed.
    Image.objects.filter(pk=image_id).update(variants_status=status, variants_error=reason[:500])
    return not retries_left


def describe(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, FileNotFoundError):
        return "the original file is missing from storage"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def generate_again(images):
    """The admin action: queue every one of ``images`` (even if up to date)."""
    count = 0
    for image in images:
        Image.objects.filter(pk=image.pk).update(variants_status=Image.WAITING, variants_error="")
        image.variants_status = Image.WAITING
        schedule(image)
        count += 1
    return count
