"""Turning a transcript into a segment with its speakers, appearances and turns."""

import datetime
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import DatabaseError, transaction
from django.utils import timezone

from interviews import parsing
from interviews.models import (
    Appearance,
    Program,
    Segment,
    SegmentEvent,
    Speaker,
    SpeakerAlias,
    Topic,
    Turn,
    web_url,
)
from interviews.parsing.text import decode
from interviews.services.history import segment_event_record
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


def speaker_find(name: str) -> Speaker | None:
    """The speaker this name identifies: by their own name's key, else by one of their aliases."""
    key = parsing.speaker_key(name)
    speaker = Speaker.objects.filter(key=key).first()
    if speaker is None:
        alias = SpeakerAlias.objects.select_related("speaker").filter(key=key).first()
        speaker = alias.speaker if alias else None
    return speaker


def speaker_get_or_create(*, name: str, honorific: str = "", affiliation: str = "") -> Speaker:
    """The one Speaker for this person across the archive, created on first sight.

    A name recorded as an alias (say the name of a speaker merged into another) resolves to the
    speaker who holds the alias.
    """
    speaker = speaker_find(name)
    if speaker is None:
        speaker = Speaker.objects.create(
            name=name,
            key=parsing.speaker_key(name),
            slug=unique_slug(Speaker, name),
            honorific=honorific,
            affiliation=affiliation,
        )
    elif affiliation and not speaker.affiliation:
        speaker.affiliation = affiliation
        speaker.save(update_fields=["affiliation", "modified"])
    return speaker


def program_get_or_create(*, name: str) -> Program:
    """The program of this name (any letter case), created on first sight."""
    program = Program.objects.filter(name__iexact=name).first()
    return program or Program.objects.create(name=name, slug=unique_slug(Program, name))


def topic_get_or_create(*, name: str) -> Topic:
    """The topic of this name (any letter case), created on first sight."""
    topic = Topic.objects.filter(name__iexact=name).first()
    return topic or Topic.objects.create(name=name, slug=unique_slug(Topic, name))


_TURN_CONTENT = [
    "speaker_id",
    "speaker_label",
    "role",
    "text",
    "attribution",
    "confidence",
    "start_seconds",
    "end_seconds",
    "paragraph_starts",
]


def segment_content_write(
    segment: Segment,
    transcript: parsing.Transcript,
    *,
    edited: Sequence[bool] = (),
    speakers: Mapping[str, Speaker] | None = None,
) -> tuple[dict[str, Speaker], int]:
    """Write the transcript's appearances and turns into `segment`, replacing any turns it has.

    `edited[i]` marks turn i as set by an editor (kept through later re-parses); `speakers` pins
    transcript names to particular speakers, so that a turn an editor gave to a speaker keeps that
    very speaker even if they have been renamed since. Runs inside the caller's transaction.
    Returns the speaker each transcript name went to, and how many turns it wrote: new, gone,
    or said, attributed or timed otherwise than before.
    """
    by_name: dict[str, Speaker] = dict(speakers or {})
    for parsed in transcript.speakers:
        speaker = by_name.get(parsed.name) or speaker_get_or_create(
            name=parsed.name, honorific=parsed.honorific, affiliation=parsed.affiliation
        )
        by_name[parsed.name] = speaker
        Appearance.objects.get_or_create(
            segment=segment,
            speaker=speaker,
            defaults={"role": parsed.role, "affiliation": parsed.affiliation},
        )

    def is_edited(index: int) -> bool:
        return index < len(edited) and bool(edited[index])

    turns = [
        Turn(
            segment=segment,
            sequence=index + 1,
            speaker=by_name.get(turn.speaker) if turn.speaker else None,
            speaker_label=turn.label,
            role=turn.role,
            text=turn.text,
            attribution=Turn.Attribution.EDITOR if is_edited(index) else turn.attribution,
            confidence=1.0 if is_edited(index) else turn.confidence,
            start_seconds=turn.start,
            end_seconds=turn.end,
            paragraph_starts=turn.paragraph_starts,
        )
        for index, turn in enumerate(transcript.turns)
    ]
    # Rewriting a segment (a re-parse) keeps each position's row, touching only those that change:
    # their index documents are then updated in place rather than removed and added again.
    previous = {turn.sequence: turn for turn in segment.turns.all()}
    now = timezone.now()
    rewritten = 0
    for turn in turns:
        row = previous.get(turn.sequence)
        if row is None:
            continue
        turn.pk = row.pk
        changes = {
            f: getattr(turn, f) for f in _TURN_CONTENT if getattr(turn, f) != getattr(row, f)
        }
        if changes:
            # One plain UPDATE per changed row: bulk_update's CASE expressions take seconds here.
            Turn.objects.filter(pk=row.pk).update(**changes, modified=now)
            rewritten += 1
    added = Turn.objects.bulk_create([t for t in turns if not t.pk])
    _, deleted = segment.turns.filter(sequence__gt=len(turns)).delete()
    return by_name, rewritten + len(added) + deleted.get(Turn._meta.label, 0)


@transaction.atomic
def segment_ingest(
    *,
    transcript: parsing.Transcript,
    raw_text: str,
    status: str = Segment.Status.PUBLISHED,
    program: Program | None = None,
    topics: Iterable[Topic] = (),
    air_date: datetime.date | None = None,
    source_url: str = "",
    edited: Sequence[bool] = (),
    user: AbstractBaseUser | None = None,
) -> IngestResult:
    """Store a parsed transcript as a segment, or return the segment that already holds it.

    Idempotent on the transcript's content. `edited[i]` marks turn i as corrected by an editor
    in the preview (recorded as such, confidence 1). The ingest is written to the segment's
    history under `user`, and the segment is indexed once the transaction commits, so a failure
    leaves neither the database nor the index half-written.
    """
    digest = content_hash(raw_text)
    existing = Segment.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestResult(segment=existing, created=False)

    if program is None and transcript.program:
        program = program_get_or_create(name=transcript.program)
    title = transcript.headline() or "Untitled transcript"
    segment = Segment.objects.create(
        program=program,
        title=title,
        slug=unique_slug(Segment, title),
        summary=transcript.summary,
        air_date=air_date or transcript.aired_on(),
        source_url=web_url(source_url or transcript.source_url),
        source_format=transcript.format,
        raw_text=raw_text,
        content_hash=digest,
        status=status,
    )
    segment.topics.set(topics)
    segment_content_write(segment, transcript, edited=edited)

    corrected = sum(1 for flag in edited if flag)
    segment_event_record(
        segment=segment,
        action=SegmentEvent.Action.INGESTED,
        user=user,
        message=(
            f"Added as {segment.get_status_display().lower()}: {len(transcript.turns)} turns by "
            f"{len(transcript.speakers)} named speakers"
            + (f", {corrected} corrected in the preview." if corrected else ".")
        ),
    )
    transaction.on_commit(lambda: segment_index_sync(segment_id=segment.pk))
    return IngestResult(segment=segment, created=True)


def transcript_size_check(size: int, *, name: str = "") -> None:
    """Refuse a transcript over `TRANSCRIPT_MAX_BYTES` with IngestError, before reading it."""
    if size > settings.TRANSCRIPT_MAX_BYTES:
        prefix = f"{name}: the file" if name else "The file"
        raise IngestError(
            f"{prefix} is {size / 1_048_576:.1f} MB; the largest transcript accepted is "
            f"{settings.TRANSCRIPT_MAX_BYTES / 1_048_576:.0f} MB."
        )


def transcript_parse(
    data: bytes | str, *, name: str = "", format: str | None = None
) -> tuple[parsing.Transcript, str]:
    """Decode and parse a transcript; returns it with its raw text, kept verbatim.

    IngestError carries the parser's message for an editor, after `name` when one is given.
    """
    try:
        raw_text = decode(data)
        transcript = parsing.parse_transcript(raw_text, format=format)
        _fields_fit(transcript)
    except parsing.ParseError as exc:
        raise IngestError(f"{name}: {exc}" if name else str(exc)) from exc
    return transcript, raw_text


def _fields_fit(transcript: parsing.Transcript) -> None:
    """ParseError for a title, program, speaker's field or label longer than the archive keeps (a
    JSON export or a service's JSON can carry anything): PostgreSQL would refuse it while saving,
    and SQLite keep it whole."""
    fields = [
        ("The title", transcript.title, Segment, "title"),
        ("The program's name", transcript.program, Program, "name"),
        ("The source address", transcript.source_url, Segment, "source_url"),
    ]
    for speaker in transcript.speakers:
        fields += [
            (f"The speaker {speaker.name[:40]!r}", speaker.name, Speaker, "name"),
            (f"{speaker.name[:40]!r}'s honorific", speaker.honorific, Speaker, "honorific"),
            (
                f"{speaker.name[:40]!r}'s affiliation",
                speaker.affiliation,
                Appearance,
                "affiliation",
            ),
        ]
    fields += [
        (f"The label {label[:40]!r}", label, Turn, "speaker_label")
        for label in {turn.label for turn in transcript.turns}
    ]
    for what, value, model, field in fields:
        limit = model._meta.get_field(field).max_length
        if len(value or "") > limit:
            raise parsing.ParseError(
                f"{what} is {len(value)} characters long; the archive keeps at most {limit}."
            )


def read_transcript(path: Path, *, format: str | None = None) -> tuple[parsing.Transcript, str]:
    """Read and parse a transcript file; IngestError names the file and the reason."""
    try:
        transcript_size_check(path.stat().st_size, name=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
    return transcript_parse(data, name=str(path), format=format)


def file_ingest(*, path: Path, format: str | None = None, **options) -> IngestResult:
    """Parse and store one transcript file (see `segment_ingest` for the options)."""
    transcript, raw_text = read_transcript(path, format=format)
    try:
        return segment_ingest(transcript=transcript, raw_text=raw_text, **options)
    except DatabaseError as exc:
        raise IngestError(f"{path}: could not be stored ({exc}); nothing was written.") from exc
