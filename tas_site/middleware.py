"""Response headers Django's SecurityMiddleware does not set."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` from ``settings.PERMISSIONS_POLICY``.

    The setting maps a feature to its allow-list; an empty list turns the
    feature off for the page and every frame in it (``camera=()``).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in getattr(settings, "PERMISSIONS_POLICY", {}).items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
