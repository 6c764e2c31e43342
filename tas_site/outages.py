"""The database is unreachable: a designed 503 page in the visitor's language, never a 500.

``DatabaseOutageMiddleware`` turns a database connection error raised by a
view (or while rendering its template) into the 503 page, with
``Retry-After``; ``server_error`` (``handler500``) does the same for one raised
by a middleware. The page is rendered without the database: no labels, no
menus, its few sentences live here. One warning is logged per outage, not a
traceback per request. The page cache, above, answers with a last-good copy
instead when it has one (``is_database_outage``).

Recovery needs no restart: Django opens a new connection on the next request
(``CONN_HEALTH_CHECKS`` drops a dead persistent one first).
"""

import logging
import sys
import threading
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.defaults import server_error as django_server_error

from .responses import unstored_and_unlogged

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# A new warning once the database has answered again, or after this long.
WARNING_INTERVAL_SECONDS = 60

MESSAGES = {
    "en": {
        "title": "Temporarily unavailable",
        "text": "This page cannot be shown right now because of a technical problem on our "
        "side. Please try again in a few minutes.",
        "home": "Home page",
    },
    "it": {
        "title": "Temporaneamente non disponibile",
        "text": "Questa pagina non può essere mostrata in questo momento per un problema "
        "tecnico da parte nostra. Riprova tra qualche minuto.",
        "home": "Pagina iniziale",
    },
    "fr": {
        "title": "Momentanément indisponible",
        "text": "Cette page ne peut pas être affichée pour le moment en raison d'un problème "
        "technique de notre côté. Veuillez réessayer dans quelques minutes.",
        "home": "Page d'accueil",
    },
    "es": {
        "title": "No disponible temporalmente",
        "text": "Esta página no puede mostrarse en este momento por un problema técnico "
        "de nuestra parte. Vuelva a intentarlo en unos minutos.",
        "home": "Página de inicio",
    },
}

_lock = threading.Lock()
_last_warning = 0.0


def is_connection_error(error):
    """A database that cannot be reached, as opposed to a bad query."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    # psycopg raises its own errors for a connection lost mid-query.
    return isinstance(error, DatabaseError) and "connection" in str(error).lower()


def is_database_outage(response):
    return getattr(response, "database_outage", False)


def _warn_once(error):
    global _last_warning
    with _lock:
        now = time.monotonic()
        if now - _last_warning < WARNING_INTERVAL_SECONDS:
            return
        _last_warning = now
    logger.warning("Database unreachable (%s); answering 503", str(error).strip().splitlines()[0])


def visitor_language(request):
    language = translation.get_language_from_path(request.path_info)
    if language is None:
        language = translation.get_language_from_request(request)
    return language if language in MESSAGES else settings.LANGUAGE_CODE


def unavailable_response(request, error):
    _warn_once(error)
    language = visitor_language(request)
    with translation.override(language):
        body = render_to_string(
            "503.html", {"language": language, "text": MESSAGES[language]}, request=None
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    unstored_and_unlogged(response)  # logged once above
    response["Content-Language"] = language
    response.database_outage = True
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_connection_error(exception):
            return unavailable_response(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """``handler500``: the 503 page when the error is the database being away."""
    error = sys.exc_info()[1]
    if error is not None and is_connection_error(error):
        return unavailable_response(request, error)
    return django_server_error(request, template_name)
