from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A development-only key: it protects nothing real. prod.py refuses to start
# without SECRET_KEY from the environment.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-key")

# Serve static files from the apps and static/ without running collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Template and code edits show on reload.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
