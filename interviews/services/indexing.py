"""Keep the search index in step with the database, one segment at a time."""

from haystack import connections
from haystack.query import SearchQuerySet

from interviews.models import Turn
from interviews.services.content import content_version_bump


def _indexed_turn_ids(segment_id: int) -> set[int]:
    results = SearchQuerySet().models(Turn).filter(segment_id=segment_id).values_list("pk")
    return {int(pk) for (pk,) in results}


def segment_index_sync(*, segment_id: int) -> int:
    """Make the index hold exactly the segment's turns if it is published, and none otherwise.

    Works from what the index holds, so turns deleted from the database since (a re-parse, a
    merge, the segment's deletion) leave no stale documents. Returns the documents written.
    """
    backend = connections["default"].get_backend()
    index = connections["default"].get_unified_index().get_index(Turn)
    turns = list(index.index_queryset().filter(segment_id=segment_id))
    current = {turn.pk for turn in turns}
    for turn_id in _indexed_turn_ids(segment_id) - current:
        backend.remove(f"interviews.turn.{turn_id}")
    if turns:
        backend.update(index, turns)
    # Stored search pages must not outlive what the index now answers.
    content_version_bump()
    return len(turns)
