"""Images of the old site, found in a local media folder (never downloaded).

The old site's JSON only holds URLs of its variants; the original file name
(``ExoMars_2020_1600.jpg``) is the key: a file of that name in ``--media-dir``,
or the file ``map.json`` in that folder names for it.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage

from media_styles import variants
from media_styles.models import Image

from .errors import PageError


class MediaDir:
    def __init__(self, folder):
        self.folder = Path(folder).resolve() if folder else None
        self.mapping = {}
        if self.folder is None:
            return
        if not self.folder.is_dir():
            raise PageError(folder, "", "media folder not found")
        map_file = self.folder / "map.json"
        if map_file.is_file():
            try:
                mapping = json.loads(map_file.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise PageError(map_file, "", f"invalid JSON: {error}") from None
            if not isinstance(mapping, dict) or not all(
                isinstance(key, str) and isinstance(value, str) for key, value in mapping.items()
            ):
                raise PageError(map_file, "", "expected an object of original name: local file")
            self.mapping = mapping

    def find(self, original_name):
        """The local file for ``original_name``, or None."""
        if self.folder is None:
            return None
        candidate = (self.folder / self.mapping.get(original_name, original_name)).resolve()
        # map.json must not reach outside the media folder.
        if candidate.is_file() and candidate.is_relative_to(self.folder):
            return candidate
        return None


class ImageStore:
    """Creates or reuses ``Image`` rows by original name and remembers the files it wrote.

    The database rolls back on error or dry run, the storage does not: the run
    calls ``discard_written`` then, so a failed import leaves no stray files.
    """

    def __init__(self, media_dir):
        self.media_dir = media_dir
        self.by_name = {}
        self.written = []
        self.created = 0

    def get(self, ref, language, source):
        """The Image for ``ref`` with its alt text in ``language``; None if no local file."""
        image = self.by_name.get(ref.original_name)
        if image is None:
            image = Image.objects.filter(original_name=ref.original_name).order_by("id").first()
        if image is None:
            local = self.media_dir.find(ref.original_name)
            if local is None:
                return None
            image = self._create(ref, language, local, source)
        else:
            self._update_text(image, ref, language)
        self.by_name[ref.original_name] = image
        return image

    def _create(self, ref, language, local, source):
        image = Image(
            original_name=ref.original_name, title=ref.title, **{f"alt_{language}": ref.alt}
        )
        with open(local, "rb") as handle:
            image.file = File(handle, name=local.name)
            try:
                image.full_clean()
                image.save()
            except ValidationError as error:
                messages = "; ".join(error.messages)
                raise PageError(
                    source, ref.path, f"image {ref.original_name!r} ({local.name}): {messages}"
                ) from None
            finally:
                self._remember(image)
        self.created += 1
        return image

    def _update_text(self, image, ref, language):
        changes = {}
        if (getattr(image, f"alt_{language}") or "") != ref.alt:
            changes[f"alt_{language}"] = ref.alt
        if ref.title and image.title != ref.title:
            changes["title"] = ref.title
        if changes:
            # update() rather than save(): the file and its variants have not changed.
            Image.objects.filter(pk=image.pk).update(**changes)
            for name, value in changes.items():
                setattr(image, name, value)

    def _remember(self, image):
        if image.file.name and image.file._committed:
            self.written.append(image.file.name)
        if image.pk:
            self.written.extend(variants.referenced_names([(image.pk, image.variants)]))

    def discard_written(self):
        for name in self.written:
            default_storage.delete(name)
        self.written.clear()

    def copy_file(self, field_file, local):
        """Store ``local`` into a FileField (logos, downloads), remembering the written file."""
        with open(local, "rb") as handle:
            field_file.save(local.name, File(handle), save=False)
        self.written.append(field_file.name)
