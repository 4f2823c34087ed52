"""Turning a transcript into a segment with its speakers, appearances and turns."""

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction

from interviews import parsing
from interviews.models import Appearance, Program, Segment, Speaker, Topic, Turn
from interviews.parsing.text import decode
from interviews.services.indexing import segment_index_sync
from interviews.services.slugs import unique_slug


class IngestError(Exception):
    """A transcript could not be ingested; the message says which and why. Nothing was written."""


@dataclass(frozen=True)
class IngestResult:
    segment: Segment
    created: bool


def content_hash(raw_text: str) -> str:
    """Identity of a transcript's content, insensitive to line-ending and trailing-space noise."""
    lines = (
        line.rstrip() for line in raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def speaker_get_or_create(*, name: str, honorific: str = "", affiliation: str = "") -> Speaker:
    """The one Speaker for this person across the archive, created on first sight."""
    key = parsing.speaker_key(name)
    speaker = Speaker.objects.filter(key=key).first()
    if speaker is None:
        speaker = Speaker.objects.create(
            name=name,
            key=key,
            slug=unique_slug(Speaker, name),
            honorific=honorific,
            affiliation=affiliation,
        )
    elif affiliation and not speaker.affiliation:
        speaker.affiliation = affiliation
        speaker.save(update_fields=["affiliation", "modified"])
    return speaker


def program_get_or_create(*, name: str) -> Program:
    program = Program.objects.filter(name=name).first()
    return program or Program.objects.create(name=name, slug=unique_slug(Program, name))


def _air_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


@transaction.atomic
def segment_ingest(
    *,
    transcript: parsing.Transcript,
    raw_text: str,
    status: str = Segment.Status.PUBLISHED,
    program: Program | None = None,
    topics: tuple[Topic, ...] = (),
    air_date: datetime.date | None = None,
    source_url: str = "",
) -> IngestResult:
    """Store a parsed transcript as a segment, or return the segment that already holds it.

    Idempotent on the transcript's content. The segment is indexed once the transaction commits,
    so a failure leaves neither the database nor the index half-written.
    """
    digest = content_hash(raw_text)
    existing = Segment.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestResult(segment=existing, created=False)

    if program is None and transcript.program:
        program = program_get_or_create(name=transcript.program)
    title = transcript.title or "Untitled transcript"
    segment = Segment.objects.create(
        program=program,
        title=title,
        slug=unique_slug(Segment, title),
        summary=transcript.summary,
        air_date=air_date or _air_date(transcript.air_date),
        source_url=source_url or transcript.source_url,
        source_format=transcript.format,
        raw_text=raw_text,
        content_hash=digest,
        status=status,
    )
    segment.topics.set(topics)

    speakers: dict[str, Speaker] = {}
    for parsed in transcript.speakers:
        speaker = speaker_get_or_create(
            name=parsed.name, honorific=parsed.honorific, affiliation=parsed.affiliation
        )
        speakers[parsed.name] = speaker
        Appearance.objects.get_or_create(
            segment=segment,
            speaker=speaker,
            defaults={"role": parsed.role, "affiliation": parsed.affiliation},
        )

    Turn.objects.bulk_create(
        Turn(
            segment=segment,
            sequence=sequence,
            speaker=speakers.get(turn.speaker) if turn.speaker else None,
            speaker_label=turn.label,
            role=turn.role,
            text=turn.text,
            attribution=turn.attribution,
            confidence=turn.confidence,
            start_seconds=turn.start,
            end_seconds=turn.end,
        )
        for sequence, turn in enumerate(transcript.turns, start=1)
    )
    transaction.on_commit(lambda: segment_index_sync(segment_id=segment.pk))
    return IngestResult(segment=segment, created=True)


def read_transcript(path: Path, *, format: str | None = None) -> tuple[parsing.Transcript, str]:
    """Read and parse a transcript file; IngestError names the file and the reason."""
    try:
        size = path.stat().st_size
        if size > settings.TRANSCRIPT_MAX_BYTES:
            raise IngestError(
                f"{path}: the file is {size / 1_048_576:.1f} MB; the largest transcript accepted is "
                f"{settings.TRANSCRIPT_MAX_BYTES / 1_048_576:.0f} MB."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
    try:
        raw_text = decode(data)
        transcript = parsing.parse_transcript(raw_text, format=format)
    except parsing.ParseError as exc:
        raise IngestError(f"{path}: {exc}") from exc
    return transcript, raw_text


def file_ingest(*, path: Path, format: str | None = None, **options) -> IngestResult:
    """Parse and store one transcript file (see `segment_ingest` for the options)."""
    transcript, raw_text = read_transcript(path, format=format)
    try:
        return segment_ingest(transcript=transcript, raw_text=raw_text, **options)
    except DatabaseError as exc:
        raise IngestError(f"{path}: could not be stored ({exc}); nothing was written.") from exc
