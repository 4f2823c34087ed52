"""The parsed shape of a transcript: what every format parser returns.

Plain dataclasses with no Django in sight, so parsing can be tested, benchmarked and fuzzed on its
own. `Transcript.to_dict()` is the public `ingest --dry-run --json` contract: keys may be added,
never renamed or removed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

ROLES = ("anchor", "host", "correspondent", "guest", "unknown")
# "direction": no one's words, but a stage direction or a record's heading ("(APPLAUSE)").
ATTRIBUTIONS = ("label", "inferred", "unknown", "direction")


class ParseError(ValueError):
    """The input cannot be read as a transcript; the message says why, in words for an editor."""


@dataclass
class Speaker:
    """A person who speaks in the transcript, as the transcript presents them."""

    name: str
    affiliation: str = ""
    role: str = "unknown"
    honorific: str = ""
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "affiliation": self.affiliation,
            "role": self.role,
            "honorific": self.honorific,
            "aliases": list(self.aliases),
        }


@dataclass
class Turn:
    """One uninterrupted stretch of speech by one speaker: the archive's quote unit.

    `speaker` is the name of one of the transcript's speakers, or None when the turn is by someone
    the transcript never names (a program's unnamed anchor, say). `role` is the role the turn was
    spoken in, known even when the speaker is not. `label` is the speaker label exactly as printed,
    empty when the turn carried none.
    """

    paragraphs: list[str]
    speaker: str | None = None
    role: str = "unknown"
    attribution: str = "unknown"
    confidence: float = 0.0
    label: str = ""
    start: float | None = None
    end: float | None = None
    # When each paragraph starts, beside `paragraphs`, where the transcript times one after the
    # first (a long address's captions, a stamped line going on with a turn); else empty.
    paragraph_starts: list[float | None] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def paragraph_times(self) -> list[float | None]:
        """When each paragraph starts, as far as is known: the first at the turn's start."""
        if len(self.paragraph_starts) == len(self.paragraphs):
            return list(self.paragraph_starts)
        return [self.start if k == 0 else None for k in range(len(self.paragraphs))]

    def join(self, later: Turn) -> None:
        """Take in `later`'s paragraphs, as one turn that goes on until `later` ends."""
        times = self.paragraph_times() + later.paragraph_times()
        self._set_paragraphs(list(zip(self.paragraphs + later.paragraphs, times, strict=True)))
        self.end = later.end if later.end is not None else self.end

    def split(self, at: int) -> Turn:
        """Cut the turn at character `at` of its text: keep what comes before and return the
        rest, said by the same speaker. Where in the recording the cut falls is known only where
        a paragraph with a time of its own starts there; the first part ends at that time."""
        before: list[tuple[str, float | None]] = []
        after: list[tuple[str, float | None]] = []
        offset = 0
        for paragraph, time in zip(self.paragraphs, self.paragraph_times(), strict=True):
            cut = max(at - offset, 0)
            head, tail = paragraph[:cut].strip(), paragraph[cut:].strip()
            if head:
                before.append((head, time))
            if tail:
                after.append((tail, time if cut == 0 else None))
            offset += len(paragraph) + 2
        rest = Turn(
            paragraphs=[],
            speaker=self.speaker,
            role=self.role,
            attribution=self.attribution,
            confidence=self.confidence,
            start=after[0][1] if after else None,
            end=self.end,
        )
        rest._set_paragraphs(after)
        self._set_paragraphs(before)
        self.end = rest.start
        return rest

    def _set_paragraphs(self, timed: list[tuple[str, float | None]]) -> None:
        self.paragraphs = [paragraph for paragraph, _ in timed]
        times = [time for _, time in timed]
        self.paragraph_starts = times if any(t is not None for t in times[1:]) else []

    def to_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "attribution": self.attribution,
            "confidence": round(self.confidence, 3),
            "role": self.role,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "paragraph_starts": list(self.paragraph_starts),
        }


@dataclass
class Transcript:
    title: str = ""
    summary: str = ""
    speakers: list[Speaker] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    format: str = ""
    program: str = ""
    air_date: str | None = None
    source_url: str = ""

    def speaker(self, name: str | None) -> Speaker | None:
        return next((s for s in self.speakers if s.name == name), None)

    def aired_on(self) -> datetime.date | None:
        """The day it aired, where `air_date` is one (an export may carry anything there)."""
        try:
            return datetime.date.fromisoformat(self.air_date) if self.air_date else None
        except ValueError:
            return None

    def headline(self) -> str:
        """The title, or where the transcript has none, the program and the day it aired as its
        header gives them ("Special Report, May 5, 2023"); "" where it gives neither."""
        if self.title:
            return self.title
        day = self.aired_on()
        aired = f"{day:%B} {day.day}, {day.year}" if day else ""
        return ", ".join(part for part in (self.program, aired) if part)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "summary": self.summary,
            "speakers": [s.to_dict() for s in self.speakers],
            "turns": [t.to_dict() for t in self.turns],
            "format": self.format,
            "program": self.program,
            "air_date": self.air_date,
            "source_url": self.source_url,
        }
