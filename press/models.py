import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, override

from .sanitizer import clean_html, strip_tags
from .search import search


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

    def live(self):
        """Released and past their publish time, in whatever languages they have."""
        return self.filter(status=PressRelease.Status.PUBLISHED, publish_at__lte=timezone.now())

    def scheduled(self):
        """Released by staff but waiting for their publish time."""
        return self.filter(status=PressRelease.Status.PUBLISHED, publish_at__gt=timezone.now())

    def published(self, language=None):
        """What a visitor may see: the single definition used by every public read."""
        return self.available_in(language).live()

    def next_scheduled_at(self):
        """When the next scheduled release goes live (None if none is waiting).

        Public pages change at that moment without anyone saving anything, so
        the page cache keeps nothing past it. Scheduled drafts count too.
        """
        releases = self.scheduled().aggregate(at=models.Min("publish_at"))["at"]
        # Drafts of live releases go live at their moment too, even once it has passed
        # (until the next request applies them, pages must not be kept).
        drafts = PressReleaseDraft.objects.scheduled().aggregate(at=models.Min("publish_at"))["at"]
        return min((at for at in (releases, drafts) if at is not None), default=None)

    def with_slug(self, slug, language=None):
        """The releases whose slug in ``language`` is ``slug`` (at most one: slugs are unique)."""
        return self.filter(**{localized("slug", language or get_language()): slug})

    def live_slugs(self, language, slugs):
        """Which of ``slugs`` address a published release in ``language``."""
        field = localized("slug", language)
        found = self.published(language).filter(**{f"{field}__in": slugs})
        return set(found.values_list(field, flat=True))

    def newest_first(self):
        return self.order_by("-date", "-id")

    def for_listing(self):
        return self.select_related("activity", "image").newest_first()

    def search(self, query, language=None):
        """Releases matching the words of ``query`` in ``language``, best first (press.search)."""
        return search(self, query, language or get_language())


class PressRelease(models.Model):
    class Status(models.TextChoices):
        """What staff decided. "Scheduled" is not stored: see ``State``."""

        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    class State(models.TextChoices):
        """What a visitor gets now: ``status`` combined with the clock.

        Scheduled is derived (published with ``publish_at`` in the future)
        rather than stored, so a release goes live at its time with no job
        flipping a column, and ``published()`` stays one condition.
        """

        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

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
    # JSON text rather than a JSONField: PostgreSQL's jsonb reorders keys, and
    # these parts must come back exactly as the old site wrote them.
    legacy_data = models.TextField(
        blank=True,
        editable=False,
        help_text="Parts of the old site's pages not shown here yet, by language (JSON).",
    )

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        default=timezone.now,
        help_text="Visitors see a published release from this moment on; "
        "a moment in the future schedules it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["status", "publish_at"])]
        permissions = [("publish_pressrelease", "Can publish, schedule and unpublish")]
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
        self.prepare_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or get_language()
        slug = getattr(self, localized("slug", language), "")
        if not slug:
            return None
        with override(language):
            return reverse("press:detail", kwargs={"slug": slug})

    def prepare_text(self):
        """Text as stored: bodies cleaned, ``\\n`` line endings (browsers send ``\\r\\n``),
        so re-saving an untouched form changes nothing (and records no new version)."""
        for code, _ in settings.LANGUAGES:
            for name in ("title", "description", "body", "image_caption"):
                field = localized(name, code)
                value = getattr(self, field)
                if isinstance(value, str):
                    value = value.replace("\r\n", "\n")
                elif value is None and name in ("description", "body"):
                    value = ""  # what the admin's form stores for an empty text area
                setattr(self, field, clean_html(value) if name == "body" else value)

    @property
    def state(self):
        if self.status == self.Status.PUBLISHED:
            if self.publish_at > timezone.now():
                return self.State.SCHEDULED
            return self.State.PUBLISHED
        return self.State(self.status)

    def legacy_parts(self, language):
        """{name: value} of the old site's page parts kept for ``language`` (see legacy_data)."""
        return json.loads(self.legacy_data).get(language, {}) if self.legacy_data else {}

    def publish(self, at=None):
        """Release now, or at ``at`` (a future moment schedules it)."""
        self.status = self.Status.PUBLISHED
        self.publish_at = at or timezone.now()

    def unpublish(self):
        self.status = self.Status.UNPUBLISHED

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

    def related(self, exclude=(), limit=3, language=None):
        """Published releases of the same activity in the same language, newest first,
        without this one nor ``exclude`` (primary keys): one query, none without activity."""
        if self.activity_id is None:
            return PressRelease.objects.none()
        others = PressRelease.objects.published(language).filter(activity_id=self.activity_id)
        return others.exclude(pk__in=[self.pk, *exclude]).for_listing()[:limit]


class PressReleaseDraftQuerySet(models.QuerySet):
    def scheduled(self):
        """Drafts waiting for their moment (a draft that failed to go live waits for staff)."""
        return self.filter(publish_at__isnull=False, failure="")

    def due(self, now=None):
        return self.scheduled().filter(publish_at__lte=now or timezone.now())


class PressReleaseDraft(models.Model):
    """Edits to a release that visitors do not see yet (see ``press.drafts``).

    Public pages never read this table: the edits reach ``PressRelease`` when
    staff publish them, or by themselves at ``publish_at``.
    """

    release = models.OneToOneField(
        PressRelease, on_delete=models.CASCADE, related_name="pending_draft"
    )
    # The draft's field values, serialised like a version (press.versions.serialize).
    serialized_data = models.TextField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)
    publish_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="Empty: published by hand."
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Why the draft could not go live at its moment (it then waits for staff).
    failure = models.TextField(blank=True)

    objects = PressReleaseDraftQuerySet.as_manager()

    def __str__(self):
        return f"Draft of {self.release}"


class Redirect(models.Model):
    """An old address that answers 301 with a new one (see ``press.redirects``).

    Created when staff change a release's slug; also entered by hand for
    addresses of the old site.
    """

    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    old_path = models.CharField(
        max_length=500,
        unique=True,
        help_text="Path with its language, e.g. /fr/press-releases/old.",
    )
    new_path = models.CharField(
        max_length=500, help_text="A path on this site (/fr/press-releases/new) or a full URL."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        if not self.old_path.startswith("/"):
            raise ValidationError({"old_path": "Start the old path with a slash: /fr/…"})
        if self.old_path == self.new_path:
            raise ValidationError({"new_path": "The new path must differ from the old one."})
        if not self.new_path.startswith(("/", "https://", "http://")):
            raise ValidationError(
                {"new_path": "Give a path starting with / or a full http(s) URL."}
            )
