"""The API's URLs under /api/: read-only, open to other origins, with a docs page at the root."""

from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.urls import URLPattern, path

from interviews.api.docs import api_docs
from interviews.api.views import api

ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def read_only(view):
    """GET and HEAD run the view, OPTIONS says what is allowed, anything else is 405.

    Any origin may read: the data is public, and researchers call it from notebooks.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method in ("GET", "HEAD"):
            # Ninja routes by method; the server drops a HEAD response's body.
            method, request.method = request.method, "GET"
            response = view(request, *args, **kwargs)
            request.method = method
        else:
            response = JsonResponse(
                {"detail": f"The API is read-only: use {ALLOWED_METHODS}."}, status=405
            )
        response["Allow"] = ALLOWED_METHODS
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        return response

    return wrapper


ninja_patterns, _, _ = api.urls
urlpatterns = [path("", read_only(api_docs), name="index")] + [
    URLPattern(p.pattern, read_only(p.callback), p.default_args, p.name) for p in ninja_patterns
]
