"""Logging in to the admin through its form, as the browser gates' users do."""

from urllib.parse import quote, urlsplit


def path_of(url):
    """The path and query of ``url``: what the admin's ``next`` parameter holds."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def log_in(page, site, username, next_url="/admin/"):
    """Log ``username`` in (the seeded users share the admin's password), land on ``next_url``."""
    page.goto(f"/admin/login/?next={quote(next_url)}")
    page.fill("#id_username", username)
    page.fill("#id_password", site.admin_password)
    page.click("input[type=submit]")
    page.wait_for_url(lambda url: path_of(url) == next_url)
