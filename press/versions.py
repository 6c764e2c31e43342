"""Versions of press releases (django-reversion): recorded on every save, compared, restored.

Every save of a release records a version with who, when and a comment: the
admin and its actions, the importer and drafts going live say who and why
through ``recording()``; any other save (code, shell) is recorded by the
``post_save`` fallback below. A save that changes nothing records nothing
(``ignore_duplicates``), and text is stored with ``\\n`` line endings
(``PressRelease.prepare_text``) so an untouched form is never a change.

A release saved for the first time since versions exist first gets a
"baseline" version of its stored row, so restoring can always go back to it.
"""

import contextvars
import json
from contextlib import contextmanager
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from reversion.models import Revision, Version

from media_styles.models import Image

from .models import Activity, PressRelease, localized

TRANSLATED = ("title", "slug", "description", "body", "image_caption")
FACTS = ("date", "activity", "country", "image", "video_url", "download", "noindex")
PUBLISHING = ("status", "publish_at")
# The untranslated ``title`` etc. are modeltranslation's view of the active language:
# versions keep only the per-language columns.
CONTENT_FIELDS = [localized(name, code) for code, _ in settings.LANGUAGES for name in TRANSLATED]
CONTENT_FIELDS += list(FACTS)
VERSIONED_FIELDS = [*CONTENT_FIELDS, *PUBLISHING]
FORMAT = "json"
CODE_COMMENT = "Saved outside the admin"
BASELINE_COMMENT = "As stored before versions were recorded"

_suppressed = contextvars.ContextVar("press_versions_suppressed", default=False)


def register():
    """Called once from ``PressConfig.ready``."""
    if not reversion.is_registered(PressRelease):
        reversion.register(PressRelease, fields=VERSIONED_FIELDS, ignore_duplicates=True)
    pre_save.connect(_baseline_before_save, sender=PressRelease, dispatch_uid="press_baseline")
    post_save.connect(_record_code_save, sender=PressRelease, dispatch_uid="press_code_version")


@contextmanager
def recording(user=None, comment=""):
    """Saves of releases inside this block form one version each, by ``user``, with ``comment``."""
    with reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment(comment)
        yield


def set_comment(comment):
    if reversion.is_active():
        reversion.set_comment(comment)


def suppressed():
    """Saves inside record no version by themselves: the caller records them (the importer)."""
    return _suppression(True)


def record(release, *, user=None, comment=""):
    """Record ``release`` as it is now (unless nothing changed since its last version)."""
    with _suppression(False), recording(user, comment):
        reversion.add_to_revision(release)


@contextmanager
def _suppression(value):
    token = _suppressed.set(value)
    try:
        yield
    finally:
        _suppressed.reset(token)


def _record_code_save(sender, instance, raw=False, **kwargs):
    if raw or reversion.is_active() or _suppressed.get():
        return
    record(instance, comment=CODE_COMMENT)


def _baseline_before_save(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        ensure_baseline(instance.pk)


def ensure_baseline(pk):
    """Give a release that has no version yet one of its stored row, dated its last change."""
    if versions_of_pk(pk).exists():
        return
    stored = PressRelease.objects.filter(pk=pk).first()
    if stored is None:
        return
    revision = Revision.objects.create(date_created=stored.updated_at, comment=BASELINE_COMMENT)
    Version.objects.create(
        revision=revision,
        content_type=ContentType.objects.get_for_model(PressRelease),
        object_id=str(pk),
        db=stored._state.db,
        format=FORMAT,
        serialized_data=serialize(stored),
        object_repr=str(stored)[:1000],
    )


def versions_of_pk(pk):
    return Version.objects.get_for_object_reference(PressRelease, pk)


def versions_of(release):
    """Newest first, with their revision and its user."""
    return versions_of_pk(release.pk).select_related("revision", "revision__user")


# Field values ----------------------------------------------------------------------------


def serialize(release, fields=VERSIONED_FIELDS):
    return serializers.serialize(FORMAT, [release], fields=fields)


def deserialize(data):
    """Field values by attribute name (``activity_id``...) of serialised data."""
    obj = next(serializers.deserialize(FORMAT, data, ignorenonexistent=True)).object
    present = set(json.loads(data)[0]["fields"])
    return {
        field.attname: getattr(obj, field.attname)
        for field in _fields(VERSIONED_FIELDS)
        if field.name in present
    }


def values_of(release):
    """The live release's values exactly as a version of it would hold them (the JSON
    serialiser keeps milliseconds, not microseconds)."""
    return deserialize(serialize(release))


def version_values(version):
    return deserialize(version.serialized_data)


def _fields(names):
    return [PressRelease._meta.get_field(name) for name in names]


def apply_values(release, values, fields=CONTENT_FIELDS):
    """Set ``values`` (by attribute name) on ``release``; links to deleted rows are dropped."""
    for field in _fields(fields):
        if field.attname not in values:
            continue
        value = values[field.attname]
        if (
            isinstance(field, models.ForeignKey)
            and value is not None
            and not field.related_model._base_manager.filter(pk=value).exists()
        ):
            value = None
        setattr(release, field.attname, value)
    return release


def restore(release, version, *, user):
    """Bring back ``version``'s content as a new version (status and publish time stay).

    Goes through ``save()``, so bodies are cleaned, slug changes leave
    redirects and the page cache is purged. Raises ``ValidationError`` when a
    slug now belongs to another release.
    """
    apply_values(release, version_values(version))
    release.validate_constraints()
    when = version.revision.date_created
    with recording(user, f"Restored the version of {format_moment(when)}"):
        release.save()
    return release


def format_moment(moment):
    return timezone.localtime(moment).strftime("%d %b %Y %H:%M")


# Comparing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    name: str  # attribute name
    label: str
    group: str  # a language name, "Facts" or "Publishing"
    old: object
    new: object

    @property
    def is_text(self):
        return isinstance(self.old, str | type(None)) and isinstance(self.new, str | type(None))


def groups():
    """(group label, [(attribute name, field label)]) in the order the compare page shows."""
    result = []
    for code, language in settings.LANGUAGES:
        result.append((language, [(localized(name, code), _label(name)) for name in TRANSLATED]))
    result.append(("Facts", [(f.attname, _label(f.name)) for f in _fields(FACTS)]))
    result.append(("Publishing", [(f.attname, _label(f.name)) for f in _fields(PUBLISHING)]))
    return result


def _label(name):
    return str(PressRelease._meta.get_field(name).verbose_name).capitalize()


def normalised(value):
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return "" if value is None else value


def changes(old, new):
    """Every field whose value differs between two value dicts, in the compare page's order."""
    found = []
    for group, fields in groups():
        for name, label in fields:
            before, after = old.get(name), new.get(name)
            if normalised(before) != normalised(after):
                found.append(Change(name, label, group, before, after))
    return found


def summary(found):
    """What changed, in plain words: "English: title, body · Facts: date"."""
    by_group = {}
    for change in found:
        words = change.label.lower()
        if change.name == "status":
            words += f" ({display('status', change.old)} → {display('status', change.new)})"
        by_group.setdefault(change.group, []).append(words)
    return " · ".join(f"{group}: {', '.join(labels)}" for group, labels in by_group.items())


def display(name, value):
    """A value as a press officer reads it (activity and image by name, dates in Paris time)."""
    if value in (None, ""):
        return "—"
    if name == "activity_id":
        activity = Activity.objects.filter(pk=value).first()
        return activity.name if activity else f"#{value} (deleted)"
    if name == "image_id":
        image = Image.objects.filter(pk=value).first()
        return str(image) if image else f"#{value} (deleted)"
    if name == "status":
        return PressRelease.Status(value).label
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if hasattr(value, "tzinfo"):
        return format_moment(value) if value.tzinfo else value.strftime("%d %b %Y %H:%M")
    return str(value)


def check_restorable(release, version):
    """The reasons restoring ``version`` would fail, as a list of messages (empty: fine)."""
    candidate = PressRelease.objects.get(pk=release.pk)
    apply_values(candidate, version_values(version))
    try:
        candidate.validate_constraints()
    except ValidationError as error:
        return error.messages
    return []
