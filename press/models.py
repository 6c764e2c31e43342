from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, override

from .sanitizer import clean_html, strip_tags


def localized(field, language):
    return f"{field}_{language}"


class Activity(models.Model):
    """One of the five business lines a release belongs to (seeded by a data migration)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    colour = models.CharField(max_length=7, help_text="Hex colour, e.g. #185D84.")
    weight = models.SmallIntegerField(default=0)

    class Meta:
        ordering = ["weight", "id"]
        verbose_name_plural = "activities"

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return f"{reverse('press:list')}?activity={self.slug}"


class PressReleaseQuerySet(models.QuerySet):
    def available_in(self, language=None):
        """Releases with a title and a slug in ``language`` (no fallback to other languages)."""
        language = language or get_language()
        return self.filter(
            **{
                f"{localized('title', language)}__gt": "",
                f"{localized('slug', language)}__gt": "",
            }
        )

    def published(self, language=None):
        """What a visitor may see: the single definition used by every public read."""
        return self.available_in(language).filter(
            status=PressRelease.Status.PUBLISHED, publish_at__lte=timezone.now()
        )

    def newest_first(self):
        return self.order_by("-date", "-id")

    def for_listing(self):
        return self.select_related("activity", "image").newest_first()


class PressRelease(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # Translated (see translation.py): title, slug, description, body, image_caption.
    title = models.CharField(max_length=300, blank=True)
    slug = models.SlugField(
        max_length=255,
        blank=True,
        allow_unicode=False,
        help_text="Kept verbatim from the old site; unique within its language.",
    )
    description = models.TextField(
        blank=True, help_text="Short summary for search engines, cards and the feed."
    )
    body = models.TextField(blank=True, help_text="HTML; cleaned on save.")
    image_caption = models.CharField(max_length=500, blank=True)

    date = models.DateTimeField(default=timezone.now, db_index=True)
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="releases", null=True, blank=True
    )
    country = models.CharField(max_length=100, blank=True)
    image = models.ForeignKey(
        "media_styles.Image",
        on_delete=models.SET_NULL,
        related_name="press_releases",
        null=True,
        blank=True,
    )
    video_url = models.URLField(blank=True)
    download = models.FileField(upload_to="downloads/%Y/%m", blank=True)
    noindex = models.BooleanField(
        default=False, help_text="Ask search engines not to index this release."
    )

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        default=timezone.now, help_text="Visitors see the release from this moment on."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["status", "publish_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=[localized("slug", code)],
                condition=Q(**{f"{localized('slug', code)}__gt": ""}),
                name=f"press_release_unique_slug_{code}",
                violation_error_message=f"Another release already uses this {code} slug.",
            )
            for code, _ in settings.LANGUAGES
        ]

    def __str__(self):
        for code in [get_language(), *self.languages()]:
            title = getattr(self, localized("title", code), "")
            if title:
                return title
        return f"Press release #{self.pk}"

    def save(self, *args, **kwargs):
        for code, _ in settings.LANGUAGES:
            field = localized("body", code)
            setattr(self, field, clean_html(getattr(self, field)))
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or get_language()
        slug = getattr(self, localized("slug", language), "")
        if not slug:
            return None
        with override(language):
            return reverse("press:detail", kwargs={"slug": slug})

    def languages(self):
        """Language codes this release is available in, in the site's order."""
        return [
            code
            for code, _ in settings.LANGUAGES
            if getattr(self, localized("title", code), "")
            and getattr(self, localized("slug", code), "")
        ]

    def alternate_urls(self):
        return {code: self.get_absolute_url(code) for code in self.languages()}

    def summary(self):
        return self.description or strip_tags(self.body)[:300]

    def next_release(self, language=None):
        """The next older published release in the same language (date desc, then id desc)."""
        older = Q(date__lt=self.date) | Q(date=self.date, id__lt=self.id)
        return PressRelease.objects.published(language).filter(older).for_listing().first()
