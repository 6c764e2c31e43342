"""Object storage for media (S3 API), and the few storage operations variants need.

Everything goes through Django's storage API (``save``, ``open``, ``listdir``,
``delete``), so the local file system (the default) and an S3 bucket behave
alike; nothing here uses ``.path``.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

VARIANTS_ROOT = "variants"
# Variant keys are content-addressed (source hash, spec, focal point): a key never
# names other bytes, so browsers and the CDN may keep them forever.
IMMUTABLE = "public, max-age=31536000, immutable"
# Originals and downloads keep their (unique) upload names but may be deleted.
ORIGINALS = "public, max-age=86400"
CONTENT_TYPES = {"webp": "image/webp", "avif": "image/avif"}


class MediaStorage(S3Storage):
    """S3Storage with a cache policy per kind of object, and MEDIA_URL for a CDN.

    Configured by the standard AWS_* settings (tas_site/settings/storage.py).
    """

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        immutable = name.startswith(f"{VARIANTS_ROOT}/")
        params.setdefault("CacheControl", IMMUTABLE if immutable else ORIGINALS)
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        base = settings.MEDIA_URL
        if base.startswith(("https://", "http://", "//")) and not parameters:
            # MEDIA_URL names the CDN in front of the bucket: plain URLs, no signing.
            return base + filepath_to_uri(self._normalize_name(clean_name(name)))
        return super().url(name, parameters, expire, http_method)


def write_once(storage, name, data, extension):
    """Store ``data`` under exactly ``name`` unless something is there already.

    Names are content-addressed, so an existing object has these bytes. A storage
    that refuses to overwrite answers a race with another name: that copy goes.
    """
    content = ContentFile(data)
    content.content_type = CONTENT_TYPES.get(extension, "application/octet-stream")
    saved = storage.save(name, content)
    if saved != name:
        storage.delete(saved)


def list_folder(storage, folder):
    """File names directly in ``folder`` (empty when it does not exist)."""
    try:
        return storage.listdir(folder)[1]
    except FileNotFoundError:
        return []


def subfolders(storage, folder):
    try:
        return storage.listdir(folder)[0]
    except FileNotFoundError:
        return []
