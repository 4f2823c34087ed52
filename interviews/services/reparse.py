"""Parse a segment again from its kept raw text, keeping the editor's corrections.

When the parser improves, a segment can be parsed again from `Segment.raw_text`. The editor's
corrections (turns whose attribution is `Turn.Attribution.EDITOR`: a speaker reassigned, two turns
merged, one split) survive wherever the corrected turn's words are unchanged in the new parse:
the words of the old and new transcripts are aligned, and the new turns are cut and joined so
that each corrected stretch is one turn again, spoken by the speaker the editor chose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from interviews import parsing
from interviews.models import Segment, SegmentEvent, Speaker, Turn
from interviews.services.history import segment_event_record
from interviews.services.ingest import segment_content_write, transcript_parse
from interviews.services.publishing import segments_index_sync_on_commit

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class ReparseResult:
    segment: Segment
    turns_before: int
    turns_after: int
    turns_changed: int  # turns new, gone, or said, attributed or timed otherwise than before
    corrections_kept: int
    corrections_lost: int


@dataclass(frozen=True)
class _Correction:
    """An editor's turn, as the word range [start, stop) it covers in the new parse."""

    start: int
    stop: int
    turn: Turn


def _words(texts: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """Every word of the texts in order, with (text index, character offset) for each."""
    words, where = [], []
    for index, text in enumerate(texts):
        for match in _WORD.finditer(text):
            words.append(match.group())
            where.append((index, match.start()))
    return words, where


def _positions_by_text(where: list[tuple[int, int]]) -> dict[int, list[int]]:
    """For each text, the positions of its words in the whole word list."""
    positions: dict[int, list[int]] = {}
    for position, (index, _) in enumerate(where):
        positions.setdefault(index, []).append(position)
    return positions


def _corrections(old_turns: list[Turn], new_words: list[str]) -> tuple[list[_Correction], int]:
    """The editor's turns whose words all survive, in order, in the new parse; and how many not."""
    old_words, old_where = _words([turn.text for turn in old_turns])
    # Map each old word to the new word it is, where the two transcripts agree. Most re-parses
    # change who speaks, not the words: then the map is the identity, without a diff (which
    # takes seconds on a long argument).
    if old_words == new_words:
        new_index = dict(zip(range(len(old_words)), range(len(new_words)), strict=True))
    else:
        new_index = {}
        for block in SequenceMatcher(None, old_words, new_words).get_matching_blocks():
            for k in range(block.size):
                new_index[block.a + k] = block.b + k

    ranges = _positions_by_text(old_where)
    kept, lost = [], 0
    for turn_index, turn in enumerate(old_turns):
        if turn.attribution != Turn.Attribution.EDITOR:
            continue
        positions = ranges.get(turn_index, [])
        mapped = [new_index.get(p) for p in positions]
        if positions and None not in mapped and mapped == list(range(mapped[0], mapped[-1] + 1)):
            kept.append(_Correction(start=mapped[0], stop=mapped[-1] + 1, turn=turn))
        else:
            lost += 1
    return kept, lost


def corrections_reapply(
    transcript: parsing.Transcript, old_turns: list[Turn]
) -> tuple[list[bool], dict[str, Speaker], int, int]:
    """Cut and join the new parse's turns so each surviving correction is one turn again.

    Changes `transcript` in place. Returns the turns' edited flags, the speakers the corrected
    turns are pinned to (by name in the transcript), and how many corrections were kept and lost.
    """
    new_words, new_where = _words([turn.text for turn in transcript.turns])
    corrections, lost = _corrections(old_turns, new_words)

    # Word positions where a turn must start, and those where one must not (inside a correction).
    cuts = {c.start for c in corrections} | {c.stop for c in corrections}
    joined = {w for c in corrections for w in range(c.start + 1, c.stop)}
    correction_at = {c.start: c for c in corrections}

    # Cut each new turn into pieces at the required boundaries; each piece starts at a word.
    positions_by_turn = _positions_by_text(new_where)
    pieces: list[tuple[int, parsing.Turn]] = []
    for turn_index, turn in enumerate(transcript.turns):
        positions = positions_by_turn.get(turn_index)
        if not positions:
            pieces.append((-1, turn))  # a turn without words; kept as the parser gave it
            continue
        # Cut from the end, so that each cut's offset still counts from the turn's first word.
        cut_pieces = []
        for position in reversed(positions[1:]):
            if position in cuts:
                cut_pieces.append((position, turn.split(new_where[position][1])))
        pieces += [(positions[0], turn), *reversed(cut_pieces)]

    # Join pieces that fall inside one correction; give each correction its editor's speaker.
    turns: list[parsing.Turn] = []
    edited: list[bool] = []
    pinned: dict[str, Speaker] = {}
    for position, piece in pieces:
        if position in joined and turns:
            turns[-1].join(piece)
            continue
        correction = correction_at.get(position)
        if correction is not None:
            piece.speaker = _pin(transcript, correction.turn, pinned)
            piece.role = correction.turn.role
        turns.append(piece)
        edited.append(correction is not None)
    transcript.turns = turns
    return edited, pinned, len(corrections), lost


def _pin(transcript: parsing.Transcript, turn: Turn, pinned: dict[str, Speaker]) -> str | None:
    """The transcript name for the speaker the editor chose, adding them to the transcript."""
    speaker = turn.speaker
    if speaker is None:
        return None
    if transcript.speaker(speaker.name) is None:
        transcript.speakers.append(
            parsing.Speaker(name=speaker.name, role=turn.role, affiliation=speaker.affiliation)
        )
    pinned[speaker.name] = speaker
    return speaker.name


@transaction.atomic
def segment_reparse(*, segment: Segment, user: AbstractBaseUser | None = None) -> ReparseResult:
    """Parse the segment's raw text again and replace its turns, keeping editor corrections.

    IngestError (with the parser's message) if the text no longer parses; nothing changes then.
    Title, summary, topics, program and status stay as the editor left them.
    """
    locked = Segment.objects.select_for_update().get(pk=segment.pk)
    format = locked.source_format if locked.source_format in parsing.FORMATS else None
    transcript, _ = transcript_parse(locked.raw_text, format=format)
    old_turns = list(locked.turns.select_related("speaker").order_by("sequence"))
    edited, pinned, kept, lost = corrections_reapply(transcript, old_turns)

    speakers, changed = segment_content_write(locked, transcript, edited=edited, speakers=pinned)
    # Appearances (and the editor's changes to them) stay for everyone still in the transcript.
    speaking = set(locked.turns.exclude(speaker=None).values_list("speaker_id", flat=True))
    present = speaking | {speaker.pk for speaker in speakers.values()}
    locked.appearances.exclude(speaker_id__in=present).delete()
    locked.source_format = transcript.format
    locked.save(update_fields=["source_format", "modified"])

    segment_event_record(
        segment=locked,
        action=SegmentEvent.Action.REPARSED,
        user=user,
        message=(
            f"{len(old_turns)} turns before, {len(transcript.turns)} after; "
            f"{kept} of the editor's corrections kept"
            + (f", {lost} lost because their text changed." if lost else ".")
        ),
    )
    segments_index_sync_on_commit([locked.pk])
    return ReparseResult(
        segment=locked,
        turns_before=len(old_turns),
        turns_after=len(transcript.turns),
        turns_changed=changed,
        corrections_kept=kept,
        corrections_lost=lost,
    )
