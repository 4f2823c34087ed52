"""Public pages served from the shared cache, and answered with 304 when the client has them.

Every stored page and every ETag carries the archive's content version, which the data's own
transaction bumps (interviews.services.content). A publish or an edit in one worker therefore
reaches every worker and every server sharing the database: they all read the new version and
stop using what they stored under the old one, which the cache then ages out.
"""

import datetime
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from interviews.models import ContentVersion

# The URL namespaces of pages that are the same for every visitor.
PUBLIC_NAMESPACES = frozenset({"interviews", "api", "sitemaps"})
NEVER_CHANGED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

T = TypeVar("T")


@dataclass(frozen=True)
class Version:
    number: int
    changed: datetime.datetime

    @property
    def etag(self) -> str:
        # The time as well as the number: a database restored from a backup may reuse a number.
        return f'"{self.number}-{int(self.changed.timestamp() * 1_000_000):x}"'

    @property
    def last_modified(self) -> int:
        return int(self.changed.timestamp())


def content_version() -> Version:
    """The archive's current content version (one indexed read)."""
    row = ContentVersion.objects.values_list("number", "changed").first()
    return Version(*row) if row else Version(0, NEVER_CHANGED)


def per_content_version(compute: Callable[[], T]) -> Callable[[], T]:
    """`compute` remembered by each process until the archive's content version changes.

    For facts every search needs that only a change to the archive changes (its date span, the
    people who speak in it): one indexed read instead of a scan per search. The version is read
    before computing, so an answer is never older than the version it is kept under.
    """
    remembered: tuple[Version | None, T | None] = (None, None)

    @functools.wraps(compute)
    def current() -> T:
        nonlocal remembered
        version = content_version()
        if remembered[0] != version:
            remembered = (version, compute())
        return remembered[1]

    return current


def is_public(request: HttpRequest) -> bool:
    """A read of a page that is the same for everyone: not for editors, who see fresh pages."""
    match = request.resolver_match
    return (
        request.method in ("GET", "HEAD")
        and match is not None
        and match.namespace in PUBLIC_NAMESPACES
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def page_cache_key(request: HttpRequest, version: Version) -> str:
    url = request.build_absolute_uri().encode("utf-8", "surrogateescape")
    return f"page:{version.etag.strip(chr(34))}:{hashlib.sha256(url).hexdigest()}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page that put a CSRF token in its form is for one visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _validators_set(response: HttpResponse, version: Version) -> None:
    response["ETag"] = version.etag
    response["Last-Modified"] = http_date(version.last_modified)
    # Clients and proxies may keep the page but must ask each time; unchanged, they get a 304.
    patch_cache_control(response, no_cache=True)


class PublicPageCacheMiddleware:
    """Answer conditional requests for public pages, and serve and store them in the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key and _storable(request, response):
            _validators_set(response, request._content_version)
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not is_public(request):
            return None
        version = request._content_version = content_version()
        not_modified = get_conditional_response(
            request, etag=version.etag, last_modified=version.last_modified
        )
        if not_modified is not None:
            if not_modified.status_code == 304:
                _validators_set(not_modified, version)
            return not_modified
        key = page_cache_key(request, version)
        stored = cache.get(key)
        if stored is not None:
            return stored
        request._page_cache_key = key
        return None
