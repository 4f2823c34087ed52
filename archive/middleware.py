"""Middleware of the deployment rather than of the archive."""

from django.http import HttpRequest, HttpResponse


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
