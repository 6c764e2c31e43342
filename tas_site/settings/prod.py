"""Production settings: every secret comes from the environment; missing ones stop start-up."""

from django.core.exceptions import ImproperlyConfigured

from tas_site.logs import json_logging

from .base import *  # noqa: F403
from .base import BASE_DIR, MEDIA_STORAGE_BACKEND, REDIS_URL, env


def required(name):
    value = env(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. Production settings need it in the environment "
            f"(see README, section Production)."
        )
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = required("ALLOWED_HOSTS").split(",")
DATABASES = {"default": env.db_url_config(required("DATABASE_URL"))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

if not REDIS_URL:
    # Gunicorn runs several processes: a per-process memory cache would let one
    # worker keep serving a page another worker purged. Files are shared by the
    # workers of one machine; several machines need REDIS_URL.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

STORAGES = {
    "default": {"BACKEND": MEDIA_STORAGE_BACKEND},  # local, or S3 (settings/media.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Only staff have sessions; a working day is enough.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# JSON lines on stdout (tas_site.logs): one per request, errors with their traceback once.
LOGGING = json_logging(env("LOG_LEVEL", default="WARNING"))
if not env.bool("ACCESS_LOG", default=True):
    LOGGING["loggers"]["tas_site.access"]["level"] = "WARNING"

SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    # Optional dependency (pip install '.[sentry]'): imported only when configured.
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,
    )
