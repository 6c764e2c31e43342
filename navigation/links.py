"""Turns menu URLs from the old site into links that work on this one."""

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve


@lru_cache(maxsize=2048)
def is_served_here(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def href(url):
    """Internal paths this site serves stay relative; others go to the old site."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not url.startswith("/"):
        return url
    if is_served_here(parts.path):
        return url
    return settings.LEGACY_BASE_URL.rstrip("/") + url


def path_of(url):
    return urlsplit(url).path if url and url.startswith("/") else None
