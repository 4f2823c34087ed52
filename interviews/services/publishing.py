"""Publishing, unpublishing, deleting and editing segments, with the index following at once.

The public sees a segment only while it is published: pages filter with `.published()` and the
index holds published turns only. Each operation here is one transaction that records itself in
the segment's history and re-syncs the segment's index documents once it commits.
"""

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from interviews.models import Segment, SegmentEvent
from interviews.services.history import segment_event_record
from interviews.services.indexing import segment_index_sync


def segments_index_sync_on_commit(segment_ids: Iterable[int]) -> None:
    """Once the current transaction commits, make the index match each of these segments."""
    ids = sorted(set(segment_ids))

    def sync() -> None:
        for segment_id in ids:
            segment_index_sync(segment_id=segment_id)

    if ids:
        transaction.on_commit(sync)


def _status_set(
    segment: Segment, status: str, action: SegmentEvent.Action, user: AbstractBaseUser | None
) -> bool:
    # Lock the row so that two editors pressing the button at once record one change, not two.
    locked = Segment.objects.select_for_update().get(pk=segment.pk)
    if locked.status == status:
        segment.status = status
        return False
    locked.status = segment.status = status
    locked.save(update_fields=["status", "modified"])
    segment_event_record(segment=locked, action=action, user=user)
    segments_index_sync_on_commit([locked.pk])
    return True


@transaction.atomic
def segment_publish(*, segment: Segment, user: AbstractBaseUser | None = None) -> bool:
    """Make the segment public and searchable; False if it already was."""
    return _status_set(segment, Segment.Status.PUBLISHED, SegmentEvent.Action.PUBLISHED, user)


@transaction.atomic
def segment_unpublish(*, segment: Segment, user: AbstractBaseUser | None = None) -> bool:
    """Take the segment back to draft: off public pages and out of search. False if it was."""
    return _status_set(segment, Segment.Status.DRAFT, SegmentEvent.Action.UNPUBLISHED, user)


@transaction.atomic
def segment_delete(*, segment: Segment) -> None:
    """Delete the segment with its turns, and its documents from the index."""
    segment_id = segment.pk
    segment.delete()
    segments_index_sync_on_commit([segment_id])


@transaction.atomic
def segment_edit_record(
    *, segment: Segment, user: AbstractBaseUser | None = None, message: str = ""
) -> SegmentEvent:
    """Record an edit made through the admin's forms and re-sync the segment's documents."""
    event = segment_event_record(
        segment=segment, action=SegmentEvent.Action.EDITED, user=user, message=message
    )
    segments_index_sync_on_commit([segment.pk])
    return event
