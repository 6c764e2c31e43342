"""warm_variants: idempotent, repairs what is missing, sweeps orphans; and two
processes generating the same image end with one complete set of files."""

import multiprocessing
import os
import re
import time
from io import StringIO
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase

from media_styles import source as sources
from media_styles import variants
from media_styles.models import Image
from media_styles.specs import SIZES
from tests.builders import image_bytes, make_image
from tests.mixins import MediaRootMixin, files_under

FILES_PER_IMAGE = len(SIZES) * (2 if variants.AVIF else 1)


def warm(*args):
    out = StringIO()
    call_command("warm_variants", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def age(path, seconds=variants.ORPHAN_GRACE_SECONDS + 60):
    old = time.time() - seconds
    os.utime(path, (old, old))


def _render_in_child(data, barrier, results):
    barrier.wait()  # both children start encoding at the same moment
    results.put(variants.render(sources.prepare(data), 42, (0.5, 0.5)))


class WarmVariantsTests(MediaRootMixin, TestCase):
    def test_second_run_does_no_work(self):
        image = make_image()
        Image.objects.filter(pk=image.pk).update(variants={})
        with mock.patch("media_styles.variants.encode", wraps=variants.encode) as encode:
            assert "1 generated, 0 up to date" in warm()
            first = encode.call_count
            assert "0 generated, 1 up to date" in warm()
            assert encode.call_count == first
        assert len(Image.objects.get().variants) == len(SIZES)

    def test_missing_files_are_made_again(self):
        image = make_image()
        victim = self.media_root / image.variants["_463x428"]["webp"].removeprefix("/media/")
        victim.unlink()
        assert "0 generated, 1 up to date" in warm("--missing-only")  # database only
        with mock.patch("media_styles.variants.encode", wraps=variants.encode) as encode:
            assert "1 generated" in warm()
        assert encode.call_count == 1 and victim.exists()

    def test_one_image_by_id(self):
        first, second = make_image(), make_image(300, 300)
        Image.objects.update(variants={})
        assert "1 generated" in warm("--image", str(second.pk))
        assert Image.objects.get(pk=first.pk).variants == {}
        with self.assertRaisesRegex(CommandError, "no image with id 999"):
            warm("--image", "999")

    def test_orphans_of_deleted_images_and_removed_specs_are_removed(self):
        kept, deleted = make_image(), make_image(300, 300)
        Image.objects.filter(pk=deleted.pk).delete()  # queryset delete: no per-object cleanup
        stale_spec = self.media_root / "variants" / str(kept.pk) / "_100x100-0123456789abcdef.webp"
        stale_spec.write_bytes(b"old")
        for path in (self.media_root / "variants").rglob("*"):
            if path.is_file():
                age(path)
        assert f"{FILES_PER_IMAGE + 1} orphaned files removed" in warm()
        assert not (self.media_root / "variants" / str(deleted.pk)).exists()
        assert not stale_spec.exists()
        assert len(files_under(self.media_root / "variants")) == FILES_PER_IMAGE

    def test_recent_unreferenced_files_are_left_alone(self):
        image = make_image()
        fresh = self.media_root / "variants" / str(image.pk + 1) / "_199x190-0123456789abcdef.webp"
        fresh.parent.mkdir()
        fresh.write_bytes(b"being saved right now")
        assert "0 orphaned files removed" in warm()
        assert fresh.exists()

    def test_unreadable_source_is_reported_and_others_still_done(self):
        broken, fine = make_image(), make_image(300, 300)
        Image.objects.update(variants={})
        (self.media_root / broken.file.name).unlink()
        with self.assertRaisesRegex(CommandError, "1 images could not be processed"):
            warm()
        assert len(Image.objects.get(pk=fine.pk).variants) == len(SIZES)

    def test_two_processes_generating_the_same_image_leave_one_set(self):
        data = image_bytes(900, 700, colour=(120, 30, 200))
        context = multiprocessing.get_context("fork")
        barrier, results = context.Barrier(2), context.Queue()
        children = [
            context.Process(target=_render_in_child, args=(data, barrier, results))
            for _ in range(2)
        ]
        for child in children:
            child.start()
        outcomes = [results.get(timeout=120) for _ in children]
        for child in children:
            child.join(timeout=60)
            assert child.exitcode == 0
        assert outcomes[0] == outcomes[1]
        names = files_under(self.media_root / "variants" / "42")
        assert len(names) == FILES_PER_IMAGE
        # Written once under content-addressed names: no temporary files (gone with
        # os.replace) and no storage "alternative names" left by the race.
        assert all(re.fullmatch(r"\w+-[0-9a-f]{16}\.(webp|avif)", name) for name in names)
        urls = [
            entry[ext] for entry in outcomes[0].values() for ext in ("webp", "avif") if entry[ext]
        ]
        assert set(names) == {os.path.basename(url) for url in urls}

    def test_regenerating_tells_the_page_caches(self):
        image = make_image()
        Image.objects.filter(pk=image.pk).update(variants={})
        with mock.patch("tas_site.page_cache.purge") as purge:
            warm()
        purge.assert_called()

    def test_force_encodes_again(self):
        make_image()
        with mock.patch("media_styles.variants.encode", wraps=variants.encode) as encode:
            assert "1 generated" in warm("--force")
        assert encode.call_count == FILES_PER_IMAGE
