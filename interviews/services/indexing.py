"""Keep the search index in step with the database.

`segment_index_sync` is the one way an edit reaches the index; `search_index_build` rebuilds the
whole index from the database in bulk; `search_index_check` compares the two.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from haystack import connections
from haystack.query import SearchQuerySet

from interviews.models import Appearance, Segment, Speaker, Turn
from interviews.search.backend import ArchiveWhooshBackend
from interviews.search_indexes import TurnFacts, TurnIndex
from interviews.services.content import content_version_bump


def _turn_index() -> TurnIndex:
    return connections["default"].get_unified_index().get_index(Turn)


def segment_index_sync(*, segment_id: int) -> int:
    """Make the index hold exactly the segment's turns if it is published, and none otherwise.

    Call it after the transaction that changed the segment commits. On Whoosh the segment's old
    documents are replaced in one commit under the index's write lock, and the turns are read
    from the database with the lock held, so concurrent syncs of one segment (two editors, an
    ingest) always leave the index with the latest committed state. Returns the documents written.
    """
    backend = connections["default"].get_backend()
    index = _turn_index()
    turns = index.index_queryset().filter(segment_id=segment_id)
    if isinstance(backend, ArchiveWhooshBackend):
        written = backend.replace(
            field="segment_id",
            value=segment_id,
            documents=lambda: [index.full_prepare(turn) for turn in turns],
        )
    else:
        # Any other haystack backend: remove what the index holds beyond the current turns.
        current = list(turns)
        indexed = SearchQuerySet().models(Turn).filter(segment_id=segment_id).values_list("pk")
        for (turn_id,) in indexed:
            if int(turn_id) not in {turn.pk for turn in current}:
                backend.remove(f"{Turn._meta.label_lower}.{turn_id}")
        if current:
            backend.update(index, current)
        written = len(current)
    # Stored search pages must not outlive what the index now answers.
    content_version_bump()
    return written


@dataclass(frozen=True)
class BuildResult:
    documents: int
    seconds: float
    bytes: int
    resynced_segments: int


def published_turn_facts(*, chunk_size: int = 20_000) -> Iterator[TurnFacts]:
    """Every published turn's search facts, streamed from the database in large chunks.

    Plain rows and small lookup tables rather than model instances: at a million turns the ORM's
    per-object cost is what a bulk build would otherwise spend its time on.
    """
    speakers = {
        pk: (name, slug, affiliation or None)
        for pk, name, slug, affiliation in Speaker.objects.values_list(
            "pk", "name", "slug", "affiliation"
        ).iterator(chunk_size=chunk_size)
    }
    segments = {
        pk: (title, air_date, program)
        for pk, title, air_date, program in Segment.objects.published()
        .values_list("pk", "title", "air_date", "program__name")
        .iterator(chunk_size=chunk_size)
    }
    topics = defaultdict(list)
    for segment_id, name in (
        Segment.topics.through.objects.filter(segment__status=Segment.Status.PUBLISHED)
        .order_by("topic__name")
        .values_list("segment_id", "topic__name")
    ):
        topics[segment_id].append(name)
    shown_as = {
        (segment_id, speaker_id): affiliation
        for segment_id, speaker_id, affiliation in Appearance.objects.filter(
            segment__status=Segment.Status.PUBLISHED
        )
        .order_by("pk")
        .values_list("segment_id", "speaker_id", "affiliation")
        .iterator(chunk_size=chunk_size)
    }
    rows = (
        Turn.objects.filter(segment_id__in=Segment.objects.published().values("pk"))
        .order_by("segment_id", "sequence")
        .values_list("pk", "segment_id", "speaker_id", "role", "text", "sequence")
        .iterator(chunk_size=chunk_size)
    )
    for pk, segment_id, speaker_id, role, text, sequence in rows:
        title, air_date, program = segments[segment_id]
        name = slug = speaker_affiliation = None
        if speaker_id is not None:
            name, slug, speaker_affiliation = speakers[speaker_id]
        yield TurnFacts(
            pk=pk,
            text=text,
            role=role,
            sequence=sequence,
            segment_id=segment_id,
            segment_title=title,
            air_date=air_date,
            speaker=name,
            speaker_slug=slug,
            appearance_affiliation=shown_as.get((segment_id, speaker_id)),
            speaker_affiliation=speaker_affiliation,
            program=program,
            topics=tuple(topics.get(segment_id, ())),
        )


def search_index_build(
    *,
    chunk_size: int = 20_000,
    processes: int = 1,
    progress: Callable[[int], None] | None = None,
) -> BuildResult:
    """Rebuild the whole search index from the database, without stopping searches or edits.

    On Whoosh the new index is built aside, one segment per process, and swapped in; segments
    edited, published or deleted while it was being built are then synced again, so no edit made
    meanwhile is lost. Other backends are fed through haystack in chunks.
    """
    backend = connections["default"].get_backend()
    index = _turn_index()
    started = timezone.now()

    if not isinstance(backend, ArchiveWhooshBackend):
        backend.clear(models=[Turn])
        count, chunk = 0, []
        for turn in index.index_queryset().order_by("pk").iterator(chunk_size=chunk_size):
            chunk.append(turn)
            if len(chunk) == chunk_size:
                backend.update(index, chunk)
                count += len(chunk)
                chunk = []
                if progress:
                    progress(count)
        backend.update(index, chunk)
        content_version_bump()
        seconds = (timezone.now() - started).total_seconds()
        return BuildResult(count + len(chunk), seconds, 0, 0)

    built_segments: set[int] = set()

    def turns():
        for n, facts in enumerate(published_turn_facts(chunk_size=chunk_size), start=1):
            built_segments.add(facts.segment_id)
            yield facts
            if progress and n % 1000 == 0:
                progress(n)

    build = backend.bulk_build(turns(), prepare=index.document, procs=processes)
    content_version_bump()
    resynced = _segments_changed_since(started, built_segments)
    for segment_id in resynced:
        segment_index_sync(segment_id=segment_id)
    return BuildResult(build.documents, build.seconds, build.bytes, len(resynced))


def _segments_changed_since(moment: datetime.datetime, built: set[int]) -> set[int]:
    """Segments whose index documents may be stale after a build that started at `moment`."""
    touched = set(
        Segment.objects.filter(
            Q(modified__gte=moment)
            | Q(turns__modified__gte=moment)
            | Q(appearances__modified__gte=moment)
        ).values_list("pk", flat=True)
    )
    published = set(Segment.objects.published().values_list("pk", flat=True))
    # Built from a segment since unpublished or deleted, or published after its rows were read.
    return touched | (built - published)


@dataclass
class IndexCheck:
    """How the index differs from the database: turn ids missing, stale (changed) or extra."""

    missing: set[int] = field(default_factory=set)
    extra: set[int] = field(default_factory=set)
    stale: set[int] = field(default_factory=set)
    segments: set[int] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale)


def search_index_check(*, deep: bool = False) -> IndexCheck:
    """Compare the index with the database's published turns.

    Finds turns missing from the index and documents for turns that are gone or unpublished;
    with `deep`, also documents whose stored values differ from what the turn gives today.
    """
    backend = connections["default"].get_backend()
    if not isinstance(backend, ArchiveWhooshBackend):
        raise NotImplementedError("Checking the index is implemented for the Whoosh backend.")
    index = _turn_index()
    searcher = backend.searcher()
    indexed = backend.indexed_documents()
    check = IndexCheck()
    for facts in published_turn_facts():
        docnum = indexed.pop(facts.pk, None)
        if docnum is None:
            check.missing.add(facts.pk)
            check.segments.add(facts.segment_id)
        elif deep:
            stored = searcher.stored_fields(docnum)
            expected = backend.whoosh_document(index.document(facts))
            if any(expected.get(name) != value for name, value in stored.items()):
                check.stale.add(facts.pk)
                check.segments.add(facts.segment_id)
    for turn_id, docnum in indexed.items():
        check.extra.add(turn_id)
        check.segments.add(int(searcher.stored_fields(docnum)["segment_id"]))
    return check


def search_index_repair(*, check: IndexCheck) -> int:
    """Re-sync every segment a check found out of step; returns how many were synced."""
    for segment_id in sorted(check.segments):
        segment_index_sync(segment_id=segment_id)
    return len(check.segments)
