from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from archive import views
from interviews.sitemaps import SITEMAPS

sitemap_patterns = [
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemaps:section"},
        name="index",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="section"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/", include(("interviews.api.urls", "api"))),
    path("", include((sitemap_patterns, "sitemaps"))),
    path("", include("interviews.urls")),
]
