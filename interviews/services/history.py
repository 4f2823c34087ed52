"""A segment's history: every service that changes a segment says so here, in its transaction."""

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser

from interviews.models import Segment, SegmentEvent


def _user_or_none(user: AbstractBaseUser | None) -> AbstractBaseUser | None:
    # Anonymous users (a shell, a test client without login) are recorded as nobody.
    return user if user is not None and user.is_authenticated else None


def segment_event_record(
    *,
    segment: Segment,
    action: SegmentEvent.Action,
    user: AbstractBaseUser | None = None,
    message: str = "",
) -> SegmentEvent:
    """Add one entry to the segment's history."""
    return SegmentEvent.objects.create(
        segment=segment, action=action, user=_user_or_none(user), message=message
    )


def segment_events_record(
    *,
    segment_ids: Iterable[int],
    action: SegmentEvent.Action,
    user: AbstractBaseUser | None = None,
    message: str = "",
) -> int:
    """The same entry in the history of many segments (a speaker merge touches them all)."""
    user = _user_or_none(user)
    events = SegmentEvent.objects.bulk_create(
        SegmentEvent(segment_id=segment_id, action=action, user=user, message=message)
        for segment_id in segment_ids
    )
    return len(events)
