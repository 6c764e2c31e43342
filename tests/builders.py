"""Small builders for test data: each test makes only what it needs."""

import io
import itertools
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from media_styles.models import Image
from press.models import Activity, PressRelease

_counter = itertools.count(1)


def make_release(title=None, *, languages=("en",), date=None, status="published", activity=None,
                 **fields):  # fmt: skip
    """A release available in ``languages``; titles and slugs are derived unless given."""
    number = next(_counter)
    title = title or f"Release {number}"
    values = {}
    for code in languages:
        values[f"title_{code}"] = fields.pop(f"title_{code}", f"{title} ({code})")
        values[f"slug_{code}"] = fields.pop(f"slug_{code}", f"release-{number}-{code}")
        values[f"body_{code}"] = fields.pop(f"body_{code}", f"<p>Body of {title} in {code}.</p>")
    if isinstance(activity, str):
        activity = Activity.objects.get(slug=activity)
    return PressRelease.objects.create(
        date=date or timezone.now() - timedelta(days=number),
        status=status,
        activity=activity,
        **values,
        **fields,
    )


def image_bytes(width=640, height=480, *, mode="RGB", format="JPEG", colour=(20, 80, 160)):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height), colour).save(buffer, format=format)
    return buffer.getvalue()


def make_image(width=640, height=480, *, name="picture.jpg", alt="", **fields):
    upload = SimpleUploadedFile(name, image_bytes(width, height), content_type="image/jpeg")
    return Image.objects.create(file=upload, alt=alt, **fields)
