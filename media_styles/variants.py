"""Generating the named variants of an Image and keeping the stored objects in step.

Objects are stored through Django's storage API (a local folder or an S3 bucket)
under ``variants/<image id>/<size name>-<digest>.<webp|avif>``, the digest covering
the source's content hash, the size's settings and the focal point: a name always
means the same bytes, so each object is written once, never replaced, and may be
cached forever (``storage.IMMUTABLE``). Pages read the URLs recorded on the image
and never touch storage.
"""

import datetime
import hashlib
import io
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import features
from pilkit.processors import ProcessorPipeline

from .source import prepare
from .specs import AVIF_OPTIONS, REDUCING_GAP, SIZES, WEBP_OPTIONS
from .storage import VARIANTS_ROOT, list_folder, subfolders, write_once

ROOT = VARIANTS_ROOT
# Unreferenced objects younger than this are left alone by the orphan sweep: they
# may belong to a job whose results are not recorded yet.
ORPHAN_GRACE_SECONDS = 15 * 60
AVIF = features.check("avif")


def anchor_of(image):
    def clamp(value):
        return 0.5 if value is None else min(max(value, 0.0), 1.0)

    return clamp(image.focal_x), clamp(image.focal_y)


def digest(source_hash, size, anchor):
    key = f"{source_hash}|{size.fingerprint()}|{anchor[0]:.4f},{anchor[1]:.4f}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def job_key(source_hash, anchor):
    """What a set of variants is made from: one job per key (see ``jobs``)."""
    specs = "|".join(size.fingerprint() for size in SIZES.values())
    key = f"{source_hash}|{anchor[0]:.4f},{anchor[1]:.4f}|{specs}|avif={AVIF}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def file_names(image_id, source_hash, anchor):
    """{size name: storage name without extension} for the current specs."""
    return {
        name: f"{ROOT}/{image_id}/{name}-{digest(source_hash, size, anchor)}"
        for name, size in SIZES.items()
    }


def is_current(image, storage=default_storage):
    """Whether the recorded variants match the current specs (database only, no storage).

    URLs are compared whole: a new MEDIA_URL or CDN domain makes them outdated too.
    """
    if not image.source_hash:
        return False
    expected = file_names(image.pk, image.source_hash, anchor_of(image))
    recorded = image.variants or {}
    if set(recorded) != set(expected):
        return False
    for name, stem in expected.items():
        entry = recorded[name]
        if entry.get("webp") != storage.url(f"{stem}.webp"):
            return False
        if AVIF and entry.get("avif") != storage.url(f"{stem}.avif"):
            return False
    return True


def files_exist(image, storage=default_storage):
    """Whether every recorded variant is in storage (one listing per image)."""
    present = set(list_folder(storage, f"{ROOT}/{image.pk}"))
    return all(
        PurePosixPath(url).name in present
        for entry in image.variants.values()
        for url in (entry.get("webp"), entry.get("avif"))
        if url
    )


def stored_name(image_id, url):
    return f"{ROOT}/{image_id}/{PurePosixPath(url).name}"


def render(source, image_id, anchor, storage=default_storage, donors=(), reuse=True):
    """Write every variant of ``source`` (a ``source.Source``); return the variants JSON.

    Objects already stored under their name are complete (names are content
    addressed), so they are not encoded again. ``donors``: ids of images with the
    same source, whose identical objects are copied instead of encoded again.
    ``reuse=False`` encodes everything anew.
    """
    variants = {}
    levels = pyramid(source.image)
    present = set(list_folder(storage, f"{ROOT}/{image_id}")) if reuse else set()
    donated = {donor: set(list_folder(storage, f"{ROOT}/{donor}")) for donor in donors}
    for name, stem in file_names(image_id, source.sha256, anchor).items():
        size = SIZES[name]
        resized = None
        entry = {}
        for fmt, options, ext in formats():
            key = f"{stem}.{ext}"
            if not reuse:
                storage.delete(key)
            if key.rsplit("/", 1)[1] not in present and not copy_from_donor(
                storage, key, ext, donated
            ):
                if resized is None:
                    resized = resize(levels, size, anchor)
                write_once(storage, key, encode(resized, fmt, options), ext)
            entry[ext] = storage.url(key)
        if resized is None:
            width, height = output_size(size, level_for(levels, size))
        else:
            width, height = resized.size
        entry.setdefault("avif", None)
        variants[name] = {**entry, "width": width, "height": height}
    return variants


def pyramid(img):
    """The source and its successive halvings, down to what the smallest size needs.

    Halving once and sharing it (box filter, as ``reducing_gap`` would do inside
    each resize) spares resampling the full source for every small size.
    """
    smallest = min(size.cover_scale(*img.size) for size in SIZES.values())
    levels = [img]
    while smallest * REDUCING_GAP * 2 ** len(levels) <= 1 and min(levels[-1].size) >= 4:
        levels.append(levels[-1].reduce(2))
    return levels


def level_for(levels, size):
    """The smallest level still REDUCING_GAP times larger than ``size``."""
    scale = size.cover_scale(*levels[0].size)
    index = 0
    while index + 1 < len(levels) and scale * REDUCING_GAP * 2 ** (index + 1) <= 1:
        index += 1
    return levels[index]


def resize(levels, size, anchor=(0.5, 0.5)):
    return ProcessorPipeline(size.processors(anchor)).process(level_for(levels, size))


def formats():
    yield "WEBP", WEBP_OPTIONS, "webp"
    if AVIF:
        yield "AVIF", AVIF_OPTIONS, "avif"


def output_size(size, img):
    """What ``size`` made from ``img`` measures, without making it."""
    if size.crops:
        return size.width, size.height
    return size.width, max(1, round(img.height * size.width / img.width))


def planned(image, name, storage=default_storage):
    """(URL, width, height) the WebP variant ``name`` has once made, from the database.

    For HTML stored before the worker has run (imported body images): the name is
    content-addressed, so it is known before the object exists.
    """
    size = SIZES[name]
    stem = file_names(image.pk, image.source_hash, anchor_of(image))[name]
    if size.crops:
        width, height = size.width, size.height
    else:
        width, height = size.width, max(1, round(image.height * size.width / image.width))
    return storage.url(f"{stem}.webp"), width, height


def encode(img, fmt, options):
    buffer = io.BytesIO()
    img.save(buffer, fmt, **options)
    return buffer.getvalue()


def copy_from_donor(storage, key, ext, donated):
    """Copy the same-named object of another image with the same source."""
    file_name = key.rsplit("/", 1)[1]
    for donor, names in donated.items():
        if file_name in names:
            with storage.open(f"{ROOT}/{donor}/{file_name}", "rb") as handle:
                write_once(storage, key, handle.read(), ext)
            return True
    return False


def read_source(image):
    """Decode ``image``'s stored original (through the storage API)."""
    with image.file.open("rb") as handle:
        return prepare(handle.read(), image.file.name)


def generate(image, source=None, storage=default_storage, reuse=True):
    """(Re)generate ``image``'s variants, store them and record them; return the JSON.

    ``source`` is the already decoded upload when the caller has one; otherwise
    the stored original is read and decoded here, once. Recording is a save with
    ``update_fields``: its post_save tells the page caches (the site layer listens).
    """
    if source is None:
        source = read_source(image)
    anchor = anchor_of(image)
    donors = (
        type(image)
        .objects.filter(source_hash=source.sha256)
        .exclude(pk=image.pk)
        .values_list("pk", flat=True)[:3]
    )
    variants = render(source, image.pk, anchor, storage, donors=list(donors), reuse=reuse)
    remove_stale(image.pk, variants, storage)
    image.variants = variants
    image.source_hash = source.sha256
    image.width, image.height = source.width, source.height
    image.variants_status = image.DONE
    image.variants_error = ""
    image.save(update_fields=image.VARIANT_FIELDS)
    return variants


def remove_stale(image_id, variants, storage=default_storage):
    """Remove this image's objects that the new variants no longer reference."""
    keep = {
        PurePosixPath(url).name
        for entry in variants.values()
        for url in entry.values()
        if isinstance(url, str)
    }
    removed = 0
    for name in list_folder(storage, f"{ROOT}/{image_id}"):
        if name not in keep:
            storage.delete(f"{ROOT}/{image_id}/{name}")
            removed += 1
    return removed


def delete_files(image_id, storage=default_storage):
    folder = f"{ROOT}/{image_id}"
    for name in list_folder(storage, folder):
        storage.delete(f"{folder}/{name}")
    remove_empty_folder(storage, folder)


def remove_empty_folder(storage, folder):
    """Local folders outlive their files (object storage has none: deleting is a no-op).

    The storage API has no rmdir; FileSystemStorage.delete removes an empty folder."""
    try:
        if not any(storage.listdir(folder)):
            storage.delete(folder)
    except OSError:  # gone already, or not empty after all
        pass


def remove_orphans(referenced, storage=default_storage, now=None):
    """Delete variant objects not in ``referenced`` (storage names) and older than the grace.

    ``referenced`` comes from the database: every recorded variant of every existing
    image, for sizes that still exist. Returns how many objects were removed.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=ORPHAN_GRACE_SECONDS)
    removed = 0
    for folder in sorted(subfolders(storage, ROOT)):
        prefix = f"{ROOT}/{folder}"
        for name in sorted(list_folder(storage, prefix)):
            key = f"{prefix}/{name}"
            if key in referenced or storage.get_modified_time(key) > cutoff:
                continue
            storage.delete(key)
            removed += 1
        remove_empty_folder(storage, prefix)
    return removed


def referenced_names(images):
    """Storage names of every recorded variant object of ``images`` for current sizes."""
    names = set()
    for image_id, variants in images:
        for name, entry in (variants or {}).items():
            if name in SIZES:
                names.update(
                    stored_name(image_id, entry[ext]) for ext in ("webp", "avif") if entry.get(ext)
                )
    return names
