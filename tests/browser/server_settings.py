"""Production settings, served over plain HTTP on 127.0.0.1 for the browser gates.

Everything comes from ``tas_site.settings.prod`` (DEBUG off, whitenoise with
hashed static files, the security headers); the test harness only turns off
the HTTPS redirect (there is no TLS on loopback) and serves MEDIA_ROOT,
which production leaves to the web server or object storage.
"""

from tas_site.settings.prod import *  # noqa: F403

ROOT_URLCONF = "tests.browser.urls"
