from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .chrome import get_chrome


def chrome(request):
    """Menus, labels and options for every template, fetched only if a template asks."""
    data = SimpleLazyObject(lambda: get_chrome(request=request))
    return {
        "chrome": data,
        "labels": SimpleLazyObject(lambda: data["labels"]),
        "ACTIVE_LANGUAGES": settings.ACTIVE_LANGUAGES,
        "OTHER_LANGUAGES": settings.OTHER_LANGUAGES,
        "SITE_NAME": settings.SITE_NAME,
    }
