"""Who is asking: the client's address, as the proxies in front of the archive saw it."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address: REMOTE_ADDR, or with `DJANGO_NUM_PROXIES` proxies in front, the
    address the outermost of our proxies saw (X-Forwarded-For read from the right, because a
    client can write anything it likes at its left end)."""
    proxies = settings.NINJA_NUM_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
