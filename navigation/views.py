from django.http import HttpResponse
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView


class SitemapPageView(TemplateView):
    """The HTML sitemap, built from the sitemap menu."""

    template_name = "navigation/sitemap.html"


class RobotsView(View):
    def get(self, request):
        lines = [
            "User-agent: *",
            "Disallow: /admin/",
            f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        ]
        return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
