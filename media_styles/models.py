from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from . import source as sources
from . import variants as variant_files
from .specs import PAGE_IMAGE_SIZES, SIZES


def validate_source(value):
    """Field validator: a new upload must be an image the site can serve.

    Files already in storage are not re-read (editing alt text opens nothing).
    The decoded upload is kept on the instance so saving does not decode it again.
    """
    if getattr(value, "_committed", True):
        return
    value.instance.prepare_upload()


class Image(models.Model):
    """A source image; its named variants (see ``specs``) are derived from it on save."""

    file = models.ImageField(
        upload_to="images/%Y/%m",
        # No width_field/height_field: Django would parse every assigned file's
        # header itself (and crash on decompression bombs). prepare() measures the
        # upright size and save() records it.
        validators=[validate_source],
        help_text=(
            "JPEG, PNG, GIF or WebP; at least 199×190 pixels, at most 50 megapixels. "
            "The named sizes are generated in the background after you save."
        ),
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt = models.CharField("alternative text", max_length=300, blank=True)
    title = models.CharField(max_length=255, blank=True)
    # The file name on the old site, so re-imports find the same image.
    original_name = models.CharField(max_length=255, blank=True, db_index=True)
    focal_x = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Horizontal focal point, 0 (left) to 1 (right).",
    )
    focal_y = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Vertical focal point, 0 (top) to 1 (bottom).",
    )
    # Filled when variants are generated: {size name: {"webp": url path, "avif": url path or
    # None, "width": w, "height": h}}. Pages read it and never touch storage.
    variants = models.JSONField(default=dict, blank=True, editable=False)
    # SHA-256 of the source file (part of the variants' names); set when it is uploaded.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    WAITING, DONE, FAILED = "waiting", "done", "failed"
    variants_status = models.CharField(
        "sizes",
        max_length=10,
        choices=[(WAITING, "waiting"), (DONE, "done"), (FAILED, "failed")],
        default=WAITING,
        editable=False,
    )
    # Why the last generation failed, in words an editor can act on.
    variants_error = models.CharField(max_length=500, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title or self.original_name or self.file.name

    # What generating variants records (a save with these update_fields is the job's).
    VARIANT_FIELDS = ["variants", "source_hash", "width", "height", "variants_status",
                      "variants_error"]  # fmt: skip

    def save(self, *args, **kwargs):
        # Checked here too, not only in full_clean(): a bad file from the shell or
        # a script must not reach storage either.
        if self.file and not self.file._committed:
            source = self.prepare_upload()
            self.width, self.height = source.width, source.height
            self.source_hash = source.sha256
            # The old variants show another picture: placeholders until the new ones.
            self.variants = {}
            self.variants_status, self.variants_error = self.WAITING, ""
        elif kwargs.get("update_fields") is None and not self._state.adding:
            # The worker owns these fields: an instance loaded before it finished
            # must not write its stale copy back.
            recorded = type(self).objects.filter(pk=self.pk).values(*self.VARIANT_FIELDS).first()
            for field, value in (recorded or {}).items():
                setattr(self, field, value)
            if self.needs_variants():
                # A focal point or spec change (or a failed try): the old crops stay
                # until the new ones exist.
                self.variants_status, self.variants_error = self.WAITING, ""
        super().save(*args, **kwargs)

    def needs_variants(self):
        """Whether the recorded variants are missing or outdated (database only)."""
        return bool(self.file) and not variant_files.is_current(self)

    def prepare_upload(self):
        """Validate and decode the uploaded (not yet stored) file, once per upload."""
        upload = self.file.file
        prepared = getattr(self, "_prepared", None)
        if prepared is None or prepared[0] is not upload:
            upload.seek(0)
            data = upload.read()
            upload.seek(0)
            # With a worker, the request only checks the file (the job decodes it).
            check_only = settings.MEDIA_JOBS_QUEUED
            self._prepared = (upload, sources.prepare(data, self.file.name, check_only))
        return self._prepared[1]

    def take_prepared_source(self):
        """The decoded upload of the save in progress, if any (and forget it)."""
        prepared = self.__dict__.pop("_prepared", None)
        return prepared[1] if prepared and prepared[1].image is not None else None

    def variant(self, name):
        """The stored variant ``name`` (see ``specs.SIZES``), or None if not generated."""
        return self.variants.get(name)

    def planned_variant(self, name):
        """(URL, width, height) of the WebP variant ``name``, made or about to be made:
        for HTML stored now and shown after the worker has run (imported bodies)."""
        variant = self.variants.get(name)
        if variant and variant.get("webp"):
            return variant["webp"], variant["width"], variant["height"]
        return variant_files.planned(self, name)

    def placeholder_size(self, name):
        """(width, height) of variant ``name`` before it exists (its aspect ratio)."""
        size = SIZES[name]
        if size.crops or not (self.width and self.height):
            return size.width, size.height or size.width
        return size.width, max(1, round(self.height * size.width / self.width))

    def variant_or_original(self, name):
        """(URL, width, height) of the WebP variant ``name``, or of the original file while
        variants are not generated yet."""
        variant = self.variants.get(name)
        if variant and variant.get("webp"):
            return variant["webp"], variant["width"], variant["height"]
        return self.file.url, self.width, self.height

    def variant_urls(self, names=None, format="webp"):
        """{size name: URL} for generated variants, in the order of ``names``."""
        urls = {}
        for name in names or PAGE_IMAGE_SIZES:
            variant = self.variants.get(name)
            if variant and variant.get(format):
                urls[name] = variant[format]
        return urls
