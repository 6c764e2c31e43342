"""Settings shared by every environment. Nothing secret lives here."""

from pathlib import Path

import environ
from csp.constants import NONCE
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # django.contrib.admin, with the press office's site (branding, app order, dashboard).
    "tas_site.admin_apps.PressOfficeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # The release body's rich-text editor (ProseMirror); its assets are served locally.
    "django_prose_editor",
    "imagekit",
    "reversion",
    "django_rq",
    "media_styles",
    "navigation",
    "press",
    "legacy",
    "tas_site",
]

MIDDLEWARE = [
    # Load-balancer probes first: no HTTPS redirect, host check, cache or access log.
    "tas_site.health.HealthCheckMiddleware",
    "tas_site.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "tas_site.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous cache hits are answered here, like WhiteNoise answers static files;
    # everything below only runs for misses, staff and POSTs.
    "tas_site.page_cache.PageCacheMiddleware",
    # Below the page cache, which answers an outage with a last-good copy when it has one.
    "tas_site.outages.DatabaseOutageMiddleware",
    # Scheduled drafts of live releases go live on the first request after their moment.
    "press.drafts.DueDraftsMiddleware",
    "press.redirects.RedirectFallbackMiddleware",
    "tas_site.login_limits.LoginRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tas_site.urls"
WSGI_APPLICATION = "tas_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "navigation.context_processors.chrome",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "tas_site.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="tas"),
            # A stalled Redis costs one timeout: then the backend's circuit
            # breaker skips it for a few seconds and pages render without it.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Full-page cache for anonymous visitors (tas_site.page_cache). Pages are purged on
# every save, so the lifetime is only a safety net for changes made behind
# Django's back (raw SQL, QuerySet.update).
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a page stays as a last-good copy, served only while the database is away.
PAGE_CACHE_STALE_SECONDS = env.int("PAGE_CACHE_STALE_SECONDS", default=24 * 60 * 60)
# Browsers and CDNs must revalidate (cheap: 304) so a correction shows at once.
PAGE_CACHE_BROWSER_MAX_AGE = env.int("PAGE_CACHE_BROWSER_MAX_AGE", default=0)
PAGE_CACHE_SKIP_PREFIXES = ("/admin/",)

# Admin login brute-force protection (tas_site.login_limits).
LOGIN_FAILURES_PER_USERNAME = env.int("LOGIN_FAILURES_PER_USERNAME", default=5)
LOGIN_FAILURES_PER_IP = env.int("LOGIN_FAILURES_PER_IP", default=20)
LOGIN_LOCKOUT_SECONDS = env.int("LOGIN_LOCKOUT_SECONDS", default=15 * 60)
# How many reverse proxies (load balancer, CDN) append to X-Forwarded-For; 0 trusts none.
LOGIN_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The old site serves en, it and fr ("activeLang") and keeps es as
# "otherLang": Spanish pages are served when a release has Spanish content,
# but the UI is not translated and the switcher lists it apart.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("it", "Italiano"),
    ("fr", "Français"),
    ("es", "Español"),
]
ACTIVE_LANGUAGES = ["en", "it", "fr"]
OTHER_LANGUAGES = ["es"]
USE_I18N = True
USE_TZ = True
# The old site's dates carry no offset; they are Paris wall-clock times.
TIME_ZONE = "Europe/Paris"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "it", "fr", "es")
# Only UI text (labels, menus) falls back to English; press releases opt out
# in their TranslationOptions so a page never shows another language's text.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# MEDIA_URL, object storage (AWS_* variables) and the variants worker: media.py.
from .media import *  # noqa: E402, F403
from .media import MEDIA_STORAGE_BACKEND  # noqa: E402

STORAGES = {
    "default": {"BACKEND": MEDIA_STORAGE_BACKEND},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads above this size are streamed to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Security headers sent in every environment, so tests and the browser gates
# run against the same policy production sends (prod.py adds HSTS and TLS).
# Scripts: own files, or an inline <script nonce="{{ CSP_NONCE }}"> (never
# 'unsafe-inline'). Styles: own files; style *attributes* stay allowed for the
# templates' per-activity colour custom property (editor HTML cannot carry
# style attributes: the sanitiser drops them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
        "microphone", "payment", "usb",
    )
}  # fmt: skip
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# modeltranslation's tabbed admin loads jQuery UI from a CDN by default; serve
# the copy in static/vendor/jquery-ui/ instead (no external request, CSP 'self').
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# The body editor's one extension of our own (paste clean-up: a pasted <h1> becomes <h2>,
# pasted classes are dropped); the rest of its configuration and the allow-list are in
# press/rich_text.py.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/admin/paste_cleanup.js")],
        "extensions": {"PasteCleanup": "press.rich_text.writes_no_html"},
    }
]

SITE_NAME = "Thales Alenia Space"
# Sections this site does not serve yet link to the old site, so a migration
# can move sections one at a time without dead links.
LEGACY_BASE_URL = env("LEGACY_BASE_URL", default="https://www.thalesaleniaspace.com")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
