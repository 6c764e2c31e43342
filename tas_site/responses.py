"""Responses the site writes itself when something is wrong (probes, outage pages)."""


def unstored_and_unlogged(response):
    """Mark ``response`` never to be cached, and as already logged.

    Django logs every 4xx/5xx response it returns; a probe's answer is its own
    report and an outage is logged once where it is caught, so neither is logged again.
    """
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True
    return response
