"""Generating the named variants of an Image and keeping the files in step.

Files live under ``MEDIA_ROOT/variants/<image id>/`` and are named
``<size name>-<digest>.<webp|avif>``, the digest covering the source's content
hash, the size's settings and the focal point. Two processes generating the same
image therefore write the same names with the same content; each file is written
to a temporary name and renamed into place, so a served file is always complete.
"""

import hashlib
import io
import os
import secrets
import shutil
import time
from pathlib import Path

from django.core.files.storage import default_storage
from django.db.models.signals import post_save
from PIL import features
from pilkit.processors import ProcessorPipeline

from .source import prepare
from .specs import AVIF_OPTIONS, REDUCING_GAP, SIZES, WEBP_OPTIONS

ROOT = "variants"
TEMP_SUFFIX = ".tmp"
# Unreferenced files younger than this are left alone by the orphan sweep: they
# may belong to a save whose transaction has not committed yet.
ORPHAN_GRACE_SECONDS = 15 * 60
AVIF = features.check("avif")


def anchor_of(image):
    def clamp(value):
        return 0.5 if value is None else min(max(value, 0.0), 1.0)

    return clamp(image.focal_x), clamp(image.focal_y)


def digest(source_hash, size, anchor):
    key = f"{source_hash}|{size.fingerprint()}|{anchor[0]:.4f},{anchor[1]:.4f}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def file_names(image_id, source_hash, anchor):
    """{size name: storage name without extension} for the current specs."""
    return {
        name: f"{ROOT}/{image_id}/{name}-{digest(source_hash, size, anchor)}"
        for name, size in SIZES.items()
    }


def is_current(image):
    """Whether the recorded variants match the current specs (database only, no disk)."""
    if not image.source_hash:
        return False
    expected = file_names(image.pk, image.source_hash, anchor_of(image))
    recorded = image.variants or {}
    if set(recorded) != set(expected):
        return False
    for name, stem in expected.items():
        entry = recorded[name]
        if Path(entry.get("webp") or "").name != Path(stem).name + ".webp":
            return False
        if AVIF and Path(entry.get("avif") or "").name != Path(stem).name + ".avif":
            return False
    return True


def files_exist(image, storage=default_storage):
    return all(
        os.path.exists(storage.path(stored_name(image.pk, url)))
        for entry in image.variants.values()
        for url in (entry.get("webp"), entry.get("avif"))
        if url
    )


def stored_name(image_id, url):
    return f"{ROOT}/{image_id}/{Path(url).name}"


def render(source, image_id, anchor, storage=default_storage, donors=(), reuse=True):
    """Write every variant of ``source`` (a ``source.Source``); return the variants JSON.

    Files already present under their final name are complete (they were renamed
    into place), so they are not encoded again. ``donors``: ids of images with the
    same source, whose identical files are linked instead of encoded again.
    ``reuse=False`` encodes everything anew (replacing files in place, atomically).
    """
    variants = {}
    levels = pyramid(source.image)
    for name, stem in file_names(image_id, source.sha256, anchor).items():
        size = SIZES[name]
        resized = None
        entry = {}
        for fmt, options, ext in formats():
            path = Path(storage.path(f"{stem}.{ext}"))
            if not reuse or (not path.exists() and not link_from_donor(path, donors)):
                if resized is None:
                    resized = resize(levels, size, anchor)
                write_atomically(path, encode(resized, fmt, options))
            entry[ext] = storage.url(f"{stem}.{ext}")
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


def encode(img, fmt, options):
    buffer = io.BytesIO()
    img.save(buffer, fmt, **options)
    return buffer.getvalue()


def write_atomically(path, data):
    temp = temp_name(path)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()


def link_from_donor(path, donors):
    """Hard-link the same-named file of another image with the same source, atomically."""
    for donor in donors:
        original = path.parent.parent / str(donor) / path.name
        temp = temp_name(path)
        try:
            os.link(original, temp)
        except OSError:  # not there, or a file system without hard links
            continue
        os.replace(temp, path)
        return True
    return False


def temp_name(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def generate(image, source=None, storage=default_storage, reuse=True):
    """(Re)generate ``image``'s variants and record them; return the variants JSON.

    ``source`` is the already decoded upload when the caller has one (a save that
    just validated it); otherwise the stored file is read and decoded here.
    """
    if source is None:
        with image.file.open("rb") as handle:
            source = prepare(handle.read(), image.file.name)
    anchor = anchor_of(image)
    donors = (
        type(image)
        .objects.filter(source_hash=source.sha256)
        .exclude(pk=image.pk)
        .values_list("pk", flat=True)[:3]
    )
    variants = render(source, image.pk, anchor, storage, donors=list(donors), reuse=reuse)
    remove_stale(image.pk, variants, storage)
    fields = {
        "variants": variants,
        "source_hash": source.sha256,
        "width": source.width,
        "height": source.height,
    }
    # update(), not save(): no second round of validation and generation.
    model = type(image)
    model.objects.filter(pk=image.pk).update(**fields)
    for field, value in fields.items():
        setattr(image, field, value)
    # Page and chrome caches hold variant URLs and are purged on post_save; tell
    # them (warm_variants has no save of its own, and the old files are gone).
    post_save.send(
        sender=model,
        instance=image,
        created=False,
        update_fields=frozenset(fields),
        raw=False,
        using=image._state.db,
    )
    return variants


def remove_stale(image_id, variants, storage=default_storage):
    """Remove this image's files that the new variants no longer reference."""
    keep = {
        Path(url).name
        for entry in variants.values()
        for url in entry.values()
        if isinstance(url, str)
    }
    folder = Path(storage.path(f"{ROOT}/{image_id}"))
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():
        # Another process may be writing a temporary file right now: leave those.
        if path.name not in keep and not path.name.endswith(TEMP_SUFFIX):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def delete_files(image_id, storage=default_storage):
    shutil.rmtree(storage.path(f"{ROOT}/{image_id}"), ignore_errors=True)


def remove_orphans(referenced, storage=default_storage, now=None):
    """Delete variant files not in ``referenced`` (storage names) and older than the grace.

    ``referenced`` comes from the database: every recorded variant of every existing
    image, for sizes that still exist. Returns how many files were removed.
    """
    root = Path(storage.path(ROOT))
    if not root.is_dir():
        return 0
    now = now or time.time()
    removed = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(root.parent).as_posix()
        if name in referenced or now - path.stat().st_mtime < ORPHAN_GRACE_SECONDS:
            continue
        path.unlink(missing_ok=True)
        removed += 1
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed


def referenced_names(images):
    """Storage names of every recorded variant file of ``images`` for current sizes."""
    names = set()
    for image_id, variants in images:
        for name, entry in (variants or {}).items():
            if name in SIZES:
                names.update(
                    stored_name(image_id, entry[ext]) for ext in ("webp", "avif") if entry.get(ext)
                )
    return names
