"""Views of the deployment itself rather than of the archive."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse


def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers, 503 otherwise: for the proxy's or orchestrator's probe."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything public may be crawled; the admin may not; the sitemap lists it all."""
    sitemap = request.build_absolute_uri(reverse("sitemaps:index"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
