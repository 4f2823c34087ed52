"""Middleware of the deployment rather than of the archive."""

import logging

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from interviews.search.backend import SearchUnavailable

log = logging.getLogger(__name__)


class HeadWithoutBodyMiddleware:
    """Answer HEAD with the GET's headers and no body, as HTTP requires.

    Django runs a view for HEAD as for GET; gunicorn then drops the body but logs a warning each
    time, which would fill the logs of a site whose monitors probe with HEAD.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            # Content-Length, already set by CommonMiddleware, keeps the GET's length.
            response.content = b""
        return response


class SearchUnavailableMiddleware:
    """Answer 503 with a page that says search is unavailable when the index cannot be read.

    Every page that searches (search, exports, feed, quote check) raises SearchUnavailable from
    the search service; the rest of the site goes on serving from the database meanwhile.
    """

    RETRY_AFTER_SECONDS = 300

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, SearchUnavailable):
            return None
        log.error("%s (%s)", exception, request.path)
        response = TemplateResponse(
            request,
            "interviews/search_unavailable.html",
            {"query": request.GET.get("q", "")},
            status=503,
        )
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response.render()
