"""What a format reader hands the attribution engine: blocks of speech, not yet attributed."""

from __future__ import annotations

from dataclasses import dataclass, field

from .labels import Label
from .text import ends_sentence

# Timed speech of one voice (captions, a speech-to-text service's segments) marks no paragraphs;
# one ends at a sentence where the voice pauses this long, or has run this long (`Block.go_on`).
PAUSE_SECONDS = 2.0
PARAGRAPH_SECONDS = 60.0

# How a block is set off from the one before it, strongest first. "turn": the layout marks a
# change of turn (a wider gap, a new caption voice); "label": a label line stands between them;
# "soft": the layout cannot tell a new turn from a new paragraph.
SEPARATIONS = ("start", "turn", "label", "soft")


@dataclass
class Block:
    """Consecutive paragraphs the layout puts together, spoken by one person.

    A `direction` block is a stage direction on its own ("(CROSSTALK)"): kept, spoken by nobody.
    """

    paragraphs: list[str]
    label: Label | None = None
    separation: str = "turn"
    start: float | None = None
    end: float | None = None
    direction: bool = False
    # When a paragraph after the first starts, where the transcript says (a caption's paragraph,
    # a stamped line going on with a turn): its index in `paragraphs` -> seconds.
    paragraph_starts: dict[int, float] = field(default_factory=dict)
    # How many blank lines set a paragraph after the first off from the one before, where a
    # reader counts them: index in `paragraphs` -> blank lines.
    blanks_before: dict[int, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def add_paragraph(self, text: str, start: float | None = None) -> None:
        if start is not None:
            self.paragraph_starts[len(self.paragraphs)] = start
        self.paragraphs.append(text)

    def go_on(self, text: str, start: float | None, end: float | None) -> None:
        """Add speech of the same voice, from `start` to `end` where timed: a paragraph of its
        own after a sentence where the voice paused or the paragraph has run
        `PARAGRAPH_SECONDS`, and wherever it has run twice that (automatic captions end no
        sentence); else more of the last one. A long stretch of one voice (an address) would
        otherwise read as one."""
        opened = self.paragraph_starts.get(len(self.paragraphs) - 1, self.start)
        running = start - opened if start is not None and opened is not None else 0.0
        paused = start is not None and self.end is not None and start - self.end >= PAUSE_SECONDS
        if running >= 2 * PARAGRAPH_SECONDS or (
            (paused or running >= PARAGRAPH_SECONDS) and ends_sentence(self.paragraphs[-1])
        ):
            self.add_paragraph(text, start)
        else:
            self.paragraphs[-1] += " " + text
        if end is not None:
            self.end = max(self.end, end) if self.end is not None else end


@dataclass
class FloatingLabel:
    """A label printed on a line of its own, near (not necessarily on) the block it names.

    `block` is the index of the first block printed after the label line.
    """

    label: Label
    block: int


@dataclass
class Draft:
    """A transcript read but not yet attributed."""

    format: str
    title: str = ""
    summary: str = ""
    air_date: str | None = None  # ISO, where the header prints a dateline
    program: str = ""  # where the header names it
    blocks: list[Block] = field(default_factory=list)
    floating: list[FloatingLabel] = field(default_factory=list)
    # The labels name the guests and leave the hosts out (see labelled._unlabel_continuations).
    labels_guests: bool = False
    # ... and name a guest again at each of their turns, so that a paragraph without a label
    # goes on with the turn before it or is a host's (labelled._relabelled).
    guests_labelled_each_turn: bool = False
