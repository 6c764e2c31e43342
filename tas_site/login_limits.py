"""Brute-force protection for the admin login: failures counted in the cache per IP and username.

Failures are counted from ``user_login_failed`` (sent by every ``authenticate``
call), and a middleware refuses further login POSTs with 429 while either
counter is at its limit. The counters live in the shared cache (Redis in
production), so every worker and every app server sees the same numbers, and
they expire by themselves: no table, no cleanup job. django-axes does more
(lockout records, admin screens) than this site needs.

While the shared cache is unreachable (its circuit breaker is open), the
counts move to this process's memory: each process then enforces the limits
on its own, so an attacker gets at most the limit times the number of
processes, never unlimited attempts, and editors are never all locked out.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import reverse

from .redis_cache import cache_available

KEY = "login-failures:{kind}:{value}"


def client_ip(request):
    """REMOTE_ADDR, or the address the trusted proxies saw when the site runs behind them."""
    proxies = settings.LOGIN_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _keys(request, username):
    keys = {"ip": KEY.format(kind="ip", value=client_ip(request))}
    if username:
        digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()
        keys["user"] = KEY.format(kind="user", value=digest)
    return keys


def _limits():
    return {"ip": settings.LOGIN_FAILURES_PER_IP, "user": settings.LOGIN_FAILURES_PER_USERNAME}


# This process's counts while the shared cache is away.
local_counts = LocMemCache("login-limits", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def _with_counts(operation):
    """Run ``operation(counts)`` on the shared cache, or on local memory if that is away."""
    if cache_available(cache):
        result = operation(cache)
        if cache_available(cache):
            return result
    return operation(local_counts)


def is_locked_out(request, username):
    keys = _keys(request, username)
    counts = _with_counts(lambda counts: counts.get_many(list(keys.values())))
    limits = _limits()
    return any(counts.get(key, 0) >= limits[kind] for kind, key in keys.items())


def record_failure(request, username):
    _with_counts(lambda counts: _count(counts, _keys(request, username).values()))


def _count(counts, keys):
    for key in keys:
        # add() starts the window; incr() keeps its expiry.
        counts.add(key, 0, settings.LOGIN_LOCKOUT_SECONDS)
        try:
            counts.incr(key)
        except ValueError:  # expired between add and incr
            counts.set(key, 1, settings.LOGIN_LOCKOUT_SECONDS)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(request, credentials.get("username", ""))


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    if request is not None:
        key = _keys(request, user.get_username())["user"]
        _with_counts(lambda counts: counts.delete(key))


class LoginRateLimitMiddleware:
    """Refuse admin login attempts while the IP or the username is locked out."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.login_path = None

    def __call__(self, request):
        if request.method == "POST":
            if self.login_path is None:
                self.login_path = reverse("admin:login")
            if request.path == self.login_path and is_locked_out(
                request, request.POST.get("username", "")
            ):
                minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
                response = HttpResponse(
                    f"Too many failed log-in attempts. Try again in {minutes} minutes.",
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
                response["Retry-After"] = str(settings.LOGIN_LOCKOUT_SECONDS)
                return response
        return self.get_response(request)
