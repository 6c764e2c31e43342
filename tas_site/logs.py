"""Logs a person can use: one JSON line per request and per event, with a request id.

``RequestLogMiddleware`` (outermost after the health checks) gives each
request an id (the proxy's ``X-Request-ID`` when it sends a sane one), sends it
back in ``X-Request-ID`` and logs one ``tas_site.access`` line: method, path,
status, duration. ``JsonFormatter`` writes every record as one JSON object
with that request id; an error's traceback goes into its ``exc`` field once
(Django's ``django.request`` logger reports it; nothing else repeats it).
Production settings send these to stdout.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

access_logger = logging.getLogger("tas_site.access")
request_id_var = contextvars.ContextVar("request_id", default="")
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# Attributes every LogRecord has; anything else was passed in ``extra``.
RECORD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for name, value in vars(record).items():
            if name not in RECORD_ATTRIBUTES and not name.startswith("_"):
                entry[name] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if SANE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = request_id
        reset = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            if access_logger.isEnabledFor(logging.INFO):
                access_logger.info(
                    "%s %s %s",
                    request.method,
                    request.path,
                    response.status_code,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    },
                )
            return response
        finally:
            request_id_var.reset(reset)


def json_logging(level):
    """The production LOGGING setting: JSON lines on stdout."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "tas_site.logs.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "tas_site.access": {"level": "INFO"},
            # Django's own access-ish lines for 4xx would repeat the access log.
            "django.request": {"level": "ERROR"},
            "django.server": {"level": "ERROR"},
        },
    }
