"""Press releases from page files: one row per release, whatever the language of the file.

A release is identified by its alternate-URL set (``api.locales``): a file
matches the row that already holds any of its addresses. Every address of the
set is stored, so the French file of an English release fills in the same
row, in any order, and a second release claiming one of those addresses is an
error rather than a silent merge.

New releases are saved with ``save()``; changes to existing ones are written
with ``QuerySet.update()`` of the changed fields (bodies already cleaned).

Language-independent facts (date, activity, image...) come from the release's
first language in ``settings.LANGUAGES`` that has a title, so importing the
files of one release in any order ends with the same row.
"""

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from press import versions
from press.models import Activity, PressRelease, localized
from press.sanitizer import clean_html_with_changes

from .body_images import BodyImages
from .errors import PageError, describe


class ReleaseImporter:
    def __init__(self, images, media_dir, report):
        self.images = images
        self.media_dir = media_dir
        self.report = report
        self.body_images = BodyImages(images, report)
        self.activities = dict(Activity.objects.values_list("slug", "id"))
        # (release id, language) -> (file's next URL, source): checked once every file is in.
        self.imported = {}
        # release id -> (release, the files that changed it): one version each at the end.
        self.changed = {}

    def import_release(self, page):
        data = page.release
        release = self.find(page)
        created = release is None
        if created:
            release = PressRelease(status=PressRelease.Status.PUBLISHED, publish_at=data.date)
        changed = self.apply(release, page)
        if created:
            release.save()
        elif changed:
            if release.pk not in self.changed:  # else created or kept earlier in this run
                versions.ensure_baseline(release.pk)
            # Not save(): it re-cleans the body of every language (2 ms each), which made
            # the third language of a release cost three cleanings. Bodies here are cleaned.
            values = {name: getattr(release, name) for name in changed}
            PressRelease.objects.filter(pk=release.pk).update(**values, updated_at=timezone.now())
        self.report.release(
            data.language, "created" if created else "updated" if changed else "unchanged"
        )
        if created or changed:
            # The latest instance holds every file's changes so far (it was read after them).
            sources = self.changed.get(release.pk, (None, []))[1]
            self.changed[release.pk] = (release, [*sources, page.source])
        self.imported[(release.pk, data.language)] = (data.next_url, page.source)
        for part in data.unmodelled:
            self.report.kept(part, release.pk)
        return release

    def find(self, page):
        slugs = page.release.slugs
        query = Q()
        for code, slug in slugs.items():
            query |= Q(**{localized("slug", code): slug})
        matches = list(PressRelease.objects.filter(query).order_by("id")[:2])
        if not matches:
            return None
        for release in matches:
            for code, slug in slugs.items():
                existing = getattr(release, localized("slug", code)) or ""
                if existing and existing != slug:
                    claimed = next(
                        c for c, s in slugs.items() if getattr(release, localized("slug", c)) == s
                    )
                    raise PageError(
                        page.source,
                        f"props.pageProps.api.locales.{claimed}",
                        f"the {claimed} slug {describe(slugs[claimed])} is claimed by release "
                        f"#{release.pk}, whose {code} slug is {describe(existing)}, not "
                        f"{describe(slug)}",
                    )
        if len(matches) > 1:
            raise PageError(
                page.source,
                "props.pageProps.api.locales",
                f"these addresses belong to two different releases (#{matches[0].pk} and "
                f"#{matches[1].pk})",
            )
        return matches[0]

    def apply(self, release, page):
        """Set the file's values on ``release``; return the names of the fields that changed."""
        data = page.release
        language = data.language
        desired = {
            localized("title", language): data.title,
            # Compared cleaned, as stored, so a second import sees no change.
            localized("body", language): self.body_images.localise(
                self.clean_body(data.body, page), page, "props.pageProps.api.data.body"
            ),
            localized("description", language): data.description,
            localized("image_caption", language): data.caption,
            **{localized("slug", code): slug for code, slug in data.slugs.items()},
            "legacy_data": with_language_parts(release.legacy_data, language, data.unmodelled),
        }
        shared = {
            "date": data.date,
            "activity_id": self.activities.get(data.activity),
            "country": data.country,
            "video_url": data.video_url,
            "noindex": data.noindex,
        }
        image = self.resolve_image(page)
        if image is not None:
            shared["image_id"] = image.pk
        changed = [
            name for name, value in desired.items() if set_if_different(release, name, value)
        ]

        if self.is_primary(release, language):
            changed += [
                name for name, value in shared.items() if set_if_different(release, name, value)
            ]
            if "image_id" in changed:
                self.report.images_attached += 1
            if data.download_name and not release.download:
                changed += self.attach_download(release, page)
        else:
            differing = [name for name, value in shared.items() if getattr(release, name) != value]
            if differing:
                fields = ", ".join(name.removesuffix("_id") for name in differing)
                self.report.warn(
                    page.source,
                    "props.pageProps.api.data",
                    f"{fields} differ from the release's {release.languages()[0]} version (kept)",
                )
        return changed

    def clean_body(self, body, page):
        """The body as stored; what cleaning changed is an import warning, as in the admin."""
        cleaned, changes = clean_html_with_changes(body)
        for change in changes:
            self.report.warn(page.source, "props.pageProps.api.data.body", f"body: {change}")
        return cleaned

    def is_primary(self, release, language):
        """Whether ``language`` is the release's first language with a title."""
        for code, _ in settings.LANGUAGES:
            if getattr(release, localized("title", code), ""):
                return code == language
        return True

    def resolve_image(self, page):
        ref = page.release.image
        if ref is None:
            return None
        image = self.images.get(ref, page.language, page.source)
        if image is None:
            self.report.warn(
                page.source, ref.path,
                f"no local file for image {ref.original_name!r}; imported without it",
            )  # fmt: skip
        return image

    def attach_download(self, release, page):
        name = page.release.download_name
        local = self.media_dir.find(name)
        if local is None:
            self.report.warn(
                page.source, "props.pageProps.api.data.download.url",
                f"no local file for download {name!r}; imported without it",
            )  # fmt: skip
            return []
        self.images.copy_file(release.download, local)
        return ["download"]

    def record_versions(self):
        """One version per created or changed release, saying which files it came from."""
        for release, sources in self.changed.values():
            names = ", ".join(dict.fromkeys(Path(source).name for source in sources))
            versions.record(release, comment=f"Imported from {names}")

    def check_next(self):
        """Warn where the site's next release differs from the file's ``next``."""
        by_language = {}
        for (pk, language), (next_url, source) in self.imported.items():
            by_language.setdefault(language, []).append((pk, next_url, source))
        for language, entries in by_language.items():
            # The same order as PressRelease.next_release(), for all releases in one query.
            ordered = list(
                PressRelease.objects.published(language)
                .newest_first()
                .values_list("pk", localized("slug", language))
            )
            following = {
                pk: ordered[index + 1][1] if index + 1 < len(ordered) else None
                for index, (pk, _) in enumerate(ordered)
            }
            for pk, next_url, source in entries:
                if pk not in following:
                    continue  # not visible in this language (draft, scheduled)
                slug = following[pk]
                with override(language):
                    computed = reverse("press:detail", kwargs={"slug": slug}) if slug else None
                expected = unquote(urlsplit(next_url).path) if next_url else None
                if (unquote(computed) if computed else None) != expected:
                    self.report.warn(
                        source,
                        "props.pageProps.api.data.next.url",
                        f"the site's next release is {describe(computed)}, the file says "
                        f"{describe(next_url)}",
                    )


def with_language_parts(legacy_data, language, parts):
    """``legacy_data`` (JSON text) with ``language``'s parts replaced by ``parts``."""
    kept = json.loads(legacy_data) if legacy_data else {}
    if parts:
        kept[language] = parts
    else:
        kept.pop(language, None)
    return json.dumps(kept, ensure_ascii=False) if kept else ""


def set_if_different(instance, name, value):
    current = getattr(instance, name)
    if isinstance(value, str):
        current = current or ""
    if current == value:
        return False
    setattr(instance, name, value)
    return True
