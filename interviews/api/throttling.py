"""Per-client rate limiting for the API."""

import threading

from django.conf import settings
from ninja.throttling import AnonRateThrottle, BaseThrottle


class ClientRateThrottle(BaseThrottle):
    """API_THROTTLE_RATE requests per client address, counted in the shared cache.

    Ninja keeps one throttle object per API and its rate throttles keep the request being
    checked on themselves, so threads would mix their counts; each check here gets its own.
    """

    _checks = threading.local()

    def allow_request(self, request) -> bool:
        check = self._checks.current = AnonRateThrottle(settings.API_THROTTLE_RATE)
        return check.allow_request(request)

    def wait(self) -> float | None:
        return self._checks.current.wait()
