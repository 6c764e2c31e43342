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
* Pages are keyed by their path and only the query parameters their view
  reads (``page_cache_params`` on the view class), normalised and sorted. A
  request with other parameters (tracking tags, junk) is answered from the
  clean page's entry when there is one and never stored, so junk query
  strings cannot fill the cache. Views mark free-text and invalid queries
  ``private`` so they are not stored either.
* A page stays in the cache past its freshness (``PAGE_CACHE_STALE_SECONDS``)
  as a last-good copy: when the database is unreachable, it is served with
  ``Age`` and ``Warning`` headers rather than the 503 page.

Invalidation is a site-wide bump rather than per-URL: pages show releases in
many places (lists, home, the "next" link of the previous release, feeds,
sitemaps, search), publishes are rare, and a re-render is a few milliseconds.
"""

import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, urlencode

from press.models import PressRelease

from .outages import is_database_outage

logger = logging.getLogger(__name__)

PURGE_KEY = "pagecache:purge"
NEXT_CHANGE_KEY = "pagecache:next:{token}"
PAGE_KEY = "pagecache:page:{digest}"
STORED_STATUSES = {200, 301}
GONE_STATUSES = {404, 410}
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


def view_params(path):
    """The query parameters the view at ``path`` reads (its ``page_cache_params``)."""
    # Runs before LocaleMiddleware: i18n_patterns match the active language's prefix only.
    try:
        with translation.override(translation.get_language_from_path(path)):
            view = resolve(path).func
    except Resolver404:
        return ()
    return getattr(getattr(view, "view_class", view), "page_cache_params", ())


def page_key(request):
    """(cache key, whether the request carries parameters its view does not read)."""
    params = view_params(request.path_info)
    pairs = sorted(
        (name, value.strip())
        for name in params
        for value in request.GET.getlist(name)
        if value.strip()
    )
    query = f"?{urlencode(pairs)}" if pairs else ""
    address = f"{request.scheme}://{request.get_host()}{request.path}{query}"
    extra = any(name not in params for name in request.GET)
    return PAGE_KEY.format(digest=hashlib.sha256(address.encode()).hexdigest()), extra


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
    """A stored response; ``expires_at`` ends its freshness, ``stored_at`` dates a stale copy."""

    __slots__ = ("token", "expires_at", "status", "headers", "body", "stored_at")

    def __init__(self, token, expires_at, status, headers, body, stored_at):
        self.token = token
        self.expires_at = expires_at
        self.status = status
        self.headers = headers
        self.body = body
        self.stored_at = stored_at

    def __getstate__(self):
        return (self.token, self.expires_at, self.status, self.headers, self.body, self.stored_at)

    def __setstate__(self, state):
        if len(state) == 5:  # stored before stored_at existed
            state = (*state, None)
        self.token, self.expires_at, self.status, self.headers, self.body, self.stored_at = state

    def is_fresh(self, token, now):
        """Same purge token, before the next scheduled publish, within its lifetime."""
        return (
            self.token == token
            and (self.expires_at is None or now < self.expires_at)
            # The safety-net lifetime counts on the wall clock (``stored_at`` is time.time()).
            and (self.stored_at or 0) + settings.PAGE_CACHE_SECONDS > time.time()
        )

    def response(self, request):
        response = HttpResponse(b"" if request.method == "HEAD" else self.body, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = "hit"
        return response

    def stale_response(self, request):
        response = self.response(request)
        response.headers["X-Page-Cache"] = "stale"
        response.headers["Age"] = str(max(0, int(time.time() - (self.stored_at or 0))))
        response.headers["Warning"] = '111 - "Revalidation Failed"'
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
            key, extra_params = page_key(request)
        except Exception:  # DisallowedHost and the like: the rest of the stack answers
            return self.get_response(request)
        try:
            # The Redis backend itself answers a miss when Redis is away (redis_cache).
            found = cache.get_many([PURGE_KEY, key])
            token = found.get(PURGE_KEY) or _current_token()
        except Exception:
            logger.exception("Page cache unavailable; rendering without it")
            return self.get_response(request)
        page = found.get(key)
        now = timezone.now().timestamp()
        if page is not None and page.is_fresh(token, now):
            return conditional(request, page.response(request))

        response = self.get_response(request)
        if page is not None and is_database_outage(response):
            # Better yesterday's page than an error while the database is away.
            return page.stale_response(request)
        if page is not None and response.status_code in GONE_STATUSES:
            # An unpublished page must not come back as a last-good copy in an outage.
            cache.delete(key)
        if token is not None and not extra_params and is_storable(request, response):
            self._store(key, token, response, now)
        return conditional(request, response)

    def _store(self, key, token, response, now):
        prepare_for_storage(response)
        try:
            change_at = next_change(token, now)
            if change_at is not None and change_at <= now:
                return
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in UNSTORED_HEADERS
            ]
            page = CachedPage(
                token, change_at, response.status_code, headers, response.content, time.time()
            )
            cache.set(
                key, page, max(settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_STALE_SECONDS)
            )
        except Exception:
            logger.exception("Could not store a page in the page cache")
            return
        response.headers["X-Page-Cache"] = "miss"
