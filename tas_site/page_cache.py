"""Full-page cache for anonymous visitors, answered before the rest of the middleware stack.

A hit costs one cache round trip (the purge token and the page, fetched
together), so a cached page costs about what a static file costs. Safety
rules, in the order they apply:

* Only GET and HEAD without a session cookie or an Authorization header are
  looked up: staff (and anyone logged in) always get a freshly rendered page.
* Only a 200 or 301 is stored, and only when it sets no cookie, has no
  ``Vary`` (a page that depends on a header cannot be shared) and is not
  marked private or no-store (staff previews are).
* Every stored page carries the purge token current when its request started.
  Any save in the apps that feed pages changes the token (after commit), which
  invalidates every page at once; a page rendered from data read before the
  commit carries the old token, so it can never be served afterwards.
* A page also expires when the next scheduled release goes live, so releases
  appear at their time with no one saving anything.

Invalidation is a site-wide bump rather than per-URL: pages show releases in
many places (lists, home, the "next" link of the previous release, feeds,
sitemaps, search), publishes are rare, and a re-render is a few milliseconds.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from press.models import PressRelease

logger = logging.getLogger(__name__)

PURGE_KEY = "pagecache:purge"
NEXT_CHANGE_KEY = "pagecache:next:{token}"
PAGE_KEY = "pagecache:page:{digest}"
STORED_STATUSES = {200, 301}
# Headers that describe one response on the wire; everything else is replayed on a hit.
UNSTORED_HEADERS = {"set-cookie", "date", "x-page-cache"}


def purge():
    """Invalidate every cached page once the current transaction commits."""
    transaction.on_commit(_new_token)


def _new_token():
    token = uuid.uuid4().hex
    try:
        cache.set(PURGE_KEY, token, None)
    except Exception:  # a cache outage must not fail the editor's save
        logger.exception("Could not purge the page cache")
    return token


def _current_token():
    token = cache.get(PURGE_KEY)
    if token is None:
        cache.add(PURGE_KEY, uuid.uuid4().hex, None)
        token = cache.get(PURGE_KEY)
    return token


def next_change(token, now):
    """When pages cached under ``token`` stop being true: the next scheduled publish."""
    key = NEXT_CHANGE_KEY.format(token=token)
    missing = object()
    at = cache.get(key, missing)
    if at is missing or (at is not None and at <= now):
        scheduled = PressRelease.objects.next_scheduled_at()
        at = scheduled.timestamp() if scheduled else None
        cache.set(key, at, settings.PAGE_CACHE_SECONDS)
    return at


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return PAGE_KEY.format(digest=hashlib.sha256(address.encode()).hexdigest())


def is_candidate(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(settings.PAGE_CACHE_SKIP_PREFIXES)
    )


def is_storable(request, response):
    if request.method != "GET" or response.status_code not in STORED_STATUSES:
        return False
    if response.streaming or response.cookies or response.has_header("Vary"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated)


class CachedPage:
    __slots__ = ("token", "expires_at", "status", "headers", "body")

    def __init__(self, token, expires_at, status, headers, body):
        self.token = token
        self.expires_at = expires_at
        self.status = status
        self.headers = headers
        self.body = body

    def __getstate__(self):
        return (self.token, self.expires_at, self.status, self.headers, self.body)

    def __setstate__(self, state):
        self.token, self.expires_at, self.status, self.headers, self.body = state

    def response(self, request):
        response = HttpResponse(b"" if request.method == "HEAD" else self.body, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = "hit"
        return response


def prepare_for_storage(response):
    """Headers that let browsers and CDNs revalidate cheaply (and get a 304)."""
    digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
    response.headers["ETag"] = f'"{digest}"'
    response.headers["Last-Modified"] = http_date(timezone.now().timestamp())
    patch_cache_control(
        response, public=True, max_age=settings.PAGE_CACHE_BROWSER_MAX_AGE, must_revalidate=True
    )


def conditional(request, response):
    if "HTTP_IF_NONE_MATCH" not in request.META and "HTTP_IF_MODIFIED_SINCE" not in request.META:
        return response
    if not response.has_header("ETag"):
        return response
    return get_conditional_response(
        request,
        etag=response.headers["ETag"],
        last_modified=_parse_last_modified(response),
        response=response,
    )


def _parse_last_modified(response):
    return parse_http_date_safe(response.headers.get("Last-Modified", ""))


class PageCacheMiddleware:
    """Place right after WhiteNoise: a hit skips sessions, locale, CSRF, auth and the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_candidate(request):
            return self.get_response(request)
        try:
            key = page_key(request)
            found = cache.get_many([PURGE_KEY, key])
            token = found.get(PURGE_KEY) or _current_token()
        except Exception:
            logger.exception("Page cache unavailable; rendering without it")
            return self.get_response(request)
        page = found.get(key)
        if page is not None and page.token == token and self._fresh(page):
            return conditional(request, page.response(request))

        response = self.get_response(request)
        if is_storable(request, response):
            self._store(key, token, response)
        return conditional(request, response)

    def _fresh(self, page):
        return page.expires_at is None or timezone.now().timestamp() < page.expires_at

    def _store(self, key, token, response):
        prepare_for_storage(response)
        now = timezone.now().timestamp()
        timeout = settings.PAGE_CACHE_SECONDS
        try:
            change_at = next_change(token, now)
            if change_at is not None:
                timeout = min(timeout, change_at - now)
            if timeout <= 0:
                return
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in UNSTORED_HEADERS
            ]
            page = CachedPage(token, change_at, response.status_code, headers, response.content)
            cache.set(key, page, timeout)
        except Exception:
            logger.exception("Could not store a page in the page cache")
        response.headers["X-Page-Cache"] = "miss"
