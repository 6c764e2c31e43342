from django.db import models


class Image(models.Model):
    """A source image; its named variants (see ``specs``) are derived from it on save."""

    file = models.ImageField(upload_to="images/%Y/%m", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt = models.CharField("alternative text", max_length=300, blank=True)
    title = models.CharField(max_length=255, blank=True)
    # The file name on the old site, so re-imports find the same image.
    original_name = models.CharField(max_length=255, blank=True, db_index=True)
    focal_x = models.FloatField(
        null=True, blank=True, help_text="Horizontal focal point, 0 (left) to 1 (right)."
    )
    focal_y = models.FloatField(
        null=True, blank=True, help_text="Vertical focal point, 0 (top) to 1 (bottom)."
    )
    # Filled when variants are generated: {size name: {"webp": url path, "avif": url path or
    # None, "width": w, "height": h}}. Pages read it and never touch storage.
    variants = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title or self.original_name or self.file.name

    def variant(self, name):
        """The stored variant ``name`` (see ``specs.SIZES``), or None if not generated."""
        return self.variants.get(name)

    def variant_urls(self, names=None, format="webp"):
        """{size name: URL} for generated variants, in the order of ``names``."""
        from .specs import PAGE_IMAGE_SIZES

        urls = {}
        for name in names or PAGE_IMAGE_SIZES:
            variant = self.variants.get(name)
            if variant and variant.get(format):
                urls[name] = variant[format]
        return urls
