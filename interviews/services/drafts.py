"""A parsed transcript being corrected in the admin's preview, before anything is written.

The preview never writes half a segment: the parse travels between the preview's steps as
`TranscriptDraft.to_dict()` (the parser's own `Transcript.to_dict()` plus which turns the editor
set), each correction below changes only that, and `segment_ingest` writes the result in one
transaction. The functions here are pure: no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviews import parsing
from interviews.models import Role

# Below this confidence an inferred attribution is shown as uncertain and listed first for checking
# (the same threshold as `turn--uncertain` in templates/jinja2/interviews/_turn.html). Confidences
# are calibrated (interviews/parsing/calibration.py): below 0.5 a turn is more likely wrong than
# right.
UNCERTAIN_BELOW = 0.5

# A place a turn may be split: after a sentence's closing punctuation (and any closing quote or
# bracket), or between paragraphs.
_SPLIT_POINT = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=\S)|\n\n+")


class DraftError(ValueError):
    """A correction that cannot be applied; the message says why, for an editor."""


@dataclass
class TranscriptDraft:
    """A parse with the editor's corrections; `edited[i]` says the editor set turn i."""

    transcript: parsing.Transcript
    raw_text: str
    edited: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.edited:
            self.edited = [False] * len(self.transcript.turns)
        if len(self.edited) != len(self.transcript.turns):
            raise DraftError("The draft's corrections do not match its turns.")

    def to_dict(self) -> dict:
        return {
            "transcript": self.transcript.to_dict(),
            "raw_text": self.raw_text,
            "edited": list(self.edited),
        }

    @classmethod
    def from_dict(cls, data: dict) -> TranscriptDraft:
        """Rebuild a draft from `to_dict()`; DraftError if it is not one."""
        try:
            transcript = parsing.transcript_from_dict(data["transcript"])
            raw_text, edited = data["raw_text"], [bool(flag) for flag in data["edited"]]
        except (KeyError, TypeError, parsing.ParseError) as exc:
            raise DraftError("This preview is no longer valid; add the transcript again.") from exc
        return cls(transcript=transcript, raw_text=raw_text, edited=edited)

    def turn(self, index: int) -> parsing.Turn:
        if not 0 <= index < len(self.transcript.turns):
            raise DraftError(f"There is no turn {index + 1} in this transcript.")
        return self.transcript.turns[index]

    def turns_to_check(self) -> set[int]:
        """The turns the editor should look at: those whose speaker is uncertain or unknown, and
        the first turn of each numbered voice left unnamed (naming it names the voice)."""
        check: set[int] = set()
        voices: set[str] = set()
        for index, turn in enumerate(self.transcript.turns):
            if self.edited[index]:
                continue
            if turn.attribution == "unknown" or (
                turn.attribution == "inferred" and turn.confidence < UNCERTAIN_BELOW
            ):
                check.add(index)
            elif turn.speaker is None and (voice := parsing.voice_of(turn.label)):
                if voice not in voices:
                    check.add(index)
                voices.add(voice)
        return check


def draft_speaker_add(
    draft: TranscriptDraft, *, name: str, role: str = Role.UNKNOWN, affiliation: str = ""
) -> str:
    """Add a speaker to the draft; returns the name to assign turns to.

    A name that is another spelling of one of the draft's speakers gives that speaker back
    instead of a duplicate.
    """
    name = " ".join(name.split())
    if not name:
        raise DraftError("Give the new speaker a name.")
    if role not in Role.values:
        raise DraftError(f"{role!r} is not a role.")
    key = parsing.speaker_key(name)
    for speaker in draft.transcript.speakers:
        if parsing.speaker_key(speaker.name) == key:
            return speaker.name
    draft.transcript.speakers.append(
        parsing.Speaker(name=name, role=role, affiliation=" ".join(affiliation.split()))
    )
    return name


def draft_speaker_update(draft: TranscriptDraft, *, name: str, role: str, affiliation: str) -> None:
    """Set a speaker's role and affiliation in this transcript; their turns take the role."""
    speaker = draft.transcript.speaker(name)
    if speaker is None:
        raise DraftError(f"{name} is not one of this transcript's speakers.")
    if role not in Role.values:
        raise DraftError(f"{role!r} is not a role.")
    speaker.role, speaker.affiliation = role, " ".join(affiliation.split())
    for turn in draft.transcript.turns:
        if turn.speaker == name:
            turn.role = role


def draft_speaker_assign(draft: TranscriptDraft, *, turn: int, name: str | None) -> int:
    """Give turn `turn` (0-based) to the speaker `name`, or to nobody named when None; with it
    go the other turns of its numbered voice ("Speaker 2" is one person) that the editor has not
    set one by one. Returns how many other turns went with it."""
    target = draft.turn(turn)
    speaker = None
    if name is not None:
        speaker = draft.transcript.speaker(name)
        if speaker is None:
            raise DraftError(f"{name} is not one of this transcript's speakers.")
    voice = parsing.voice_of(target.label)
    same_voice = [
        i
        for i, other in enumerate(draft.transcript.turns)
        if voice and i != turn and not draft.edited[i] and parsing.voice_of(other.label) == voice
    ]
    for i in [turn, *same_voice]:
        changed = draft.transcript.turns[i]
        changed.speaker = speaker.name if speaker else None
        changed.role = speaker.role if speaker else changed.role
        draft.edited[i] = True
    return len(same_voice)


def draft_turns_merge(draft: TranscriptDraft, *, turn: int) -> None:
    """Join turn `turn` and the one after it into one turn, spoken by the first one's speaker."""
    first = draft.turn(turn)
    if turn + 1 >= len(draft.transcript.turns):
        raise DraftError("The last turn has no turn after it to merge with.")
    first.join(draft.transcript.turns[turn + 1])
    del draft.transcript.turns[turn + 1]
    del draft.edited[turn + 1]
    draft.edited[turn] = True


def split_points(text: str) -> list[tuple[int, str]]:
    """Where a turn's text may be split: (offset, the first words after it), in order."""
    points = []
    for match in _SPLIT_POINT.finditer(text):
        following = text[match.end() :].split()
        points.append((match.end(), " ".join(following[:8])))
    return points


def draft_turn_split(draft: TranscriptDraft, *, turn: int, at: int) -> None:
    """Split turn `turn` in two at character offset `at` of its text (see `split_points`).

    Both halves keep the speaker, so the editor can then give the second one its own.
    """
    target = draft.turn(turn)
    text = target.text
    if at not in {offset for offset, _ in split_points(text)}:
        raise DraftError("A turn can be split only between sentences or paragraphs.")
    draft.transcript.turns.insert(turn + 1, target.split(at))
    draft.edited[turn] = True
    draft.edited.insert(turn + 1, True)
