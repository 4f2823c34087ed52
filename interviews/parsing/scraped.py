"""Transcripts copied from a broadcaster's web page.

The page text arrives with its furniture (comment prompts, "Read the Full Transcript", related
links), a title and a summary, then the transcript: indented paragraphs, one blank line between
paragraphs of a turn and a wider gap between turns, and a bulleted "• NAME, Affiliation:" line
where a guest is first labelled (not always right before the turn it names). Hosts are often never
labelled at all; the attribution engine works out who speaks each unlabelled turn.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .draft import Block, Draft, FloatingLabel
from .header import (
    air_date,
    footer_start,
    is_dateline,
    program_named,
    summary_index,
    title_and_summary,
    title_like,
    without_asides,
)
from .labelled import TIMESTAMP, seconds
from .labels import Label, in_capitals, label_key, parse_label
from .text import STAGE_DIRECTION, ends_sentence
from .webpage import calls_to_action, opens_with_call

# Where most paragraphs open so: a time (automatic transcripts that do not tell speakers apart),
# or a dash (dialogue as French, Spanish or Russian print it: each reply is a new speaker's).
_OPENING_STAMP = re.compile(rf"^(?P<stamp>\[{TIMESTAMP}\]|\({TIMESTAMP}\)|{TIMESTAMP}(?=\s))\s*")
_DIALOGUE_DASH = re.compile(r"^[—–―-]\s+")
# Closed captions copied as text mark each new speaker with ">>", at a line's start or within it.
_CHEVRON = re.compile(r"^>>+\s*")
_BEFORE_CHEVRON = re.compile(r"\s*(?=>>)")
_BULLET = re.compile(r"^[•·▪●◦‣∙*►▸–—-]\s*")
_LABEL_ONLY = re.compile(r"^(?P<label>[^:]{2,120}?)\s*:\s*$")
# Markdown's bold or italics around a label or its name: "**Ann Lee**, CNN:", "__ANN LEE:__".
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*)+")
_INLINE_LABEL = re.compile(r"^(?P<label>[^:]{2,120}?):\s+(?P<text>\S.*)$")


@dataclass
class _Line:
    indent: int
    text: str
    label: Label | None = None
    bulleted: bool = False


def looks_scraped(lines: list[str]) -> bool:
    """Whether the text shows the page's own mark: a bulleted label on a line of its own.

    Indentation alone says nothing: labelled transcripts are indented too.
    """
    for line in lines:
        stripped = line.strip()
        if _BULLET.match(stripped) and _label_line(stripped) is not None:
            return True
    return False


def _label_line(stripped: str, introduced: Callable[[], set[str]] = frozenset) -> Label | None:
    """The label a line alone prints, bulleted or not: "• Ann Lee, CNN:", "ANN LEE:".

    Unbulleted, a label in mixed case is taken only where it is plainly a person's: with a title
    or an affiliation, or a full name among those the page prints in its sentences
    (`introduced`). "Full Transcript:" or "Here's the thing:" is no one."""
    bulleted = bool(_BULLET.match(stripped))
    body = _EMPHASIS.sub("", _BULLET.sub("", stripped)).strip()
    match = _LABEL_ONLY.match(body)
    if not match:
        return None
    label = parse_label(match.group("label"))
    if label is None or bulleted or in_capitals(label) or not label.name:
        return label
    plainly = label.honorific or label.affiliation
    return label if plainly or label.name in introduced() else None


def _introduced(lines: list[str]) -> set[str]:
    """The full names a page prints in its sentences: every two to four capitalised words in a
    row on a line that ends as a sentence does."""
    names = set()
    for line in lines:
        if ends_sentence(line):
            for run in _CAPITALISED_RUN.findall(line):
                # (A full stop ends the sentence after "Lee." but is part of an initial, "E.")
                words = [w.rstrip(".") if len(w) > 2 else w for w in run.split()]
                for n in range(2, min(4, len(words)) + 1):
                    names.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return names


def read_scraped(text: str) -> Draft:
    """Read page text into a draft: title, summary, and the transcript's blocks and labels."""
    lines = []
    raw_lines = _caption_dashes_as_chevrons(without_asides(text.split("\n")))
    introduced = functools.cache(lambda: _introduced(raw_lines))
    for raw in raw_lines:
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip(" "))
        lines.append(
            _Line(
                indent,
                stripped,
                _label_line(stripped, introduced) if stripped else None,
                bool(_BULLET.match(stripped)),
            )
        )
    first, last = _body_span(lines)
    header = _header_paragraphs(lines[:first])
    title, summary = title_and_summary(header)
    draft = Draft(
        format="scraped",
        title=title,
        summary=summary,
        air_date=air_date(header),
        program=program_named(header),
    )
    _read_body(lines[first:last], draft)
    return draft


def _caption_dashes_as_chevrons(lines: list[str]) -> list[str]:
    """Captions copied as text mark a new speaker with a dash opening the caption's line ("- I'm
    Evan Smith." among lines of one speaker's words), as others do with ">>": where three lines or
    more open so, two of them breaking into a run of lines, every such dash is read as ">>"
    opening a paragraph. (A list's items follow one another, and a reply opening each paragraph
    follows a blank line.)"""
    dashed = [i for i, line in enumerate(lines) if _CAPTION_DASH.match(line)]
    breaks = sum(
        1 for i in dashed if i and lines[i - 1].strip() and not _CAPTION_DASH.match(lines[i - 1])
    )
    if len(dashed) < 3 or breaks < 2:
        return lines
    read: list[str] = []
    for line in lines:
        dash = _CAPTION_DASH.match(line)
        if dash and read and read[-1].strip():
            read.append("")
        read.append(f">> {line[dash.end() :]}" if dash else line)
    return read


_CAPTION_DASH = re.compile(r"^\s*-\s+(?=\S)")


def _body_span(lines: list[_Line]) -> tuple[int, int]:
    """First and past-the-last line of the transcript proper."""
    speech = [i for i, ln in enumerate(lines) if ln.text and ln.label is None]
    marked = [i for i, ln in enumerate(lines) if ln.text and (ln.label or ln.indent >= 2)]
    flush = [i for i in speech if lines[i].indent < 2]
    if marked and flush and any(lines[i].indent >= 2 for i in speech):
        return marked[0], marked[-1] + 1
    # No indentation to go by: the header ends with the summary, the footer is a tail of short
    # lines that are not sentences.
    paragraphs = _paragraph_starts(lines)
    first = 0
    # The summary comes before the transcript: before its first label line or caption's ">>",
    # never its last paragraph.
    labelled = next(
        (n for n, i in enumerate(paragraphs) if lines[i].label or _CHEVRON.match(lines[i].text)),
        len(paragraphs),
    )
    head = paragraphs[: min(6, len(paragraphs) - 1, labelled)]
    summary_at = summary_index([lines[i].text for i in head])
    if summary_at is not None:
        first = paragraphs[summary_at] + 1
    elif labelled and len(paragraphs) > 2 and title_like(lines[paragraphs[0]].text):
        first = paragraphs[0] + 1
    while (
        first < len(lines)
        and (not lines[first].text or _furniture(lines[first].text))
        and (lines[first].label is None)
    ):
        first += 1
    last = footer_start([line.text for line in lines], first)
    while last > first and (not lines[last - 1].text or _furniture(lines[last - 1].text)):
        last -= 1
    return first, last


def _paragraph_starts(lines: list[_Line]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.text and (i == 0 or not lines[i - 1].text)]


def _header_paragraphs(lines: list[_Line]) -> list[str]:
    """The header's paragraphs, their lines joined; a date alone on its line is one of its own
    ("If ISIS falls, where will its fighters flee?" above "March 2, 2025")."""
    paragraphs: list[list[str]] = []
    apart = True
    for line in lines:
        if not line.text:
            apart = True
            continue
        if apart or is_dateline(line.text):
            paragraphs.append([])
        paragraphs[-1].append(line.text)
        apart = is_dateline(line.text)
    return [" ".join(p) for p in paragraphs]


_TRAILING_DIRECTIONS = re.compile(rf"(?:\s*(?:{STAGE_DIRECTION}))+\s*$")


def _furniture(line: str) -> bool:
    """A short line that is not a sentence: a button, a heading, a link."""
    words = line.split()
    if len(words) > 8:
        return False
    # Prose mostly in lower case is speech cut off ("It was really interesting because you"),
    # unless it calls to an action ("Sign up for our newsletter").
    lower = sum(word[:1].islower() for word in words)
    if len(words) >= 5 and 2 * lower > len(words) and not opens_with_call(line):
        return False
    # A stage direction after the last sentence ("Thank you. (APPLAUSE)") is still speech.
    spoken = _TRAILING_DIRECTIONS.sub("", line)
    if ends_sentence(spoken):
        return calls_to_action(line)
    return True


def _read_body(lines: list[_Line], draft: Draft) -> None:
    """Split the transcript into blocks at turn gaps and label lines."""
    items: list[tuple[int, str | Label]] = []  # (blank lines before, paragraph or label)
    blanks, current = 0, None
    for line in lines:
        if not line.text:
            blanks += 1
            current = None
        elif line.label is not None:
            items.append((blanks, line.label))
            blanks, current = 0, None
        elif current is not None:
            items[-1] = (items[-1][0], items[-1][1] + " " + line.text)
        else:
            items.append((blanks, line.text))
            blanks, current = 0, len(items) - 1
    gaps = Counter(
        b
        for i, (b, item) in enumerate(items)
        if isinstance(item, str) and i and isinstance(items[i - 1][1], str)
    )
    # A wider gap than between a turn's paragraphs parts turns where it recurs, above label
    # lines too: once, it is more likely where the page's markup closed a box.
    everywhere = Counter(b for b, _ in items[1:])
    turn_gap = next(
        (s for s in sorted(gaps)[1:] if sum(n for b, n in everywhere.items() if b >= s) >= 2),
        None,
    )
    paragraphs = [item for _, item in items if isinstance(item, str)]
    timed = _most(paragraphs, _OPENING_STAMP, at_least=2)
    replies = _most(paragraphs, _DIALOGUE_DASH, at_least=3)
    chevrons = sum(p.count(">>") for p in paragraphs) >= 2
    if chevrons:
        items = [
            (blanks if n == 0 else 0, piece)
            for blanks, item in items
            for n, piece in enumerate(
                [item] if isinstance(item, Label) else _BEFORE_CHEVRON.split(item)
            )
            if piece
        ]
    pending_label = False
    part = None
    printed: set[str] = set()
    for blanks, item in items:
        if isinstance(item, Label):
            if item.name and label_key(item) not in printed:
                draft.floating.append(FloatingLabel(item, len(draft.blocks)))
                printed.add(label_key(item))
            else:
                # A part ("QUESTION", "MODERATOR") names nobody a page could label once and
                # leave, nor does a name printed again: such a label line heads the turn.
                part = item
            pending_label = True
            continue
        paragraph, label = _inline_label(item)
        label, part = label or part, None
        stamp = _OPENING_STAMP.match(paragraph) if timed else None
        reply = (_DIALOGUE_DASH.match(paragraph) if replies else None) or (
            _CHEVRON.match(paragraph) if chevrons else None
        )
        if stamp or reply:
            paragraph = paragraph[(stamp or reply).end() :]
        if reply and label is None:
            paragraph, label = _part_in_lower_case(paragraph)
        if not draft.blocks:
            separation = "start"
        elif label is not None or pending_label:
            separation = "label"
        elif reply or (turn_gap is not None and blanks >= turn_gap):
            separation = "turn"
        elif turn_gap is None:
            separation = "soft"
        else:
            draft.blocks[-1].paragraphs.append(paragraph)
            continue
        start = seconds(stamp.group("stamp")) if stamp else None
        draft.blocks.append(Block([paragraph], label=label, separation=separation, start=start))
        pending_label = False


def _part_in_lower_case(paragraph: str) -> tuple[str, Label | None]:
    """A part a caption names in lower case after its ">>" ("host: war and peace ...", "guest:
    that is what ...", as C-SPAN's captions print them), and the words after it."""
    match = _LOWER_PART.match(paragraph)
    label = parse_label(match.group("part")) if match else None
    if label is None or label.name or label.role == "unknown":
        return paragraph, None
    return match.group("text"), label


_LOWER_PART = re.compile(r"^(?P<part>[a-z]+):\s+(?P<text>\S.*)$", re.S)


def _most(paragraphs: list[str], opening: re.Pattern[str], *, at_least: int) -> bool:
    """Whether `opening` opens most paragraphs, and at least so many."""
    opened = sum(1 for p in paragraphs if opening.match(p))
    return opened >= at_least and opened * 2 >= len(paragraphs)


def _inline_label(paragraph: str) -> tuple[str, Label | None]:
    """A page that prints "• NAME: text" labels the paragraph it opens, certainly; with no
    bullet, so does a full name in capitals or one with a title or an affiliation ("ANN LEE,
    CNN: text"), where "NOTE: text" or "Update: text" is words."""
    bulleted = bool(_BULLET.match(paragraph))
    match = _INLINE_LABEL.match(_BULLET.sub("", paragraph))
    label = parse_label(match.group("label"), upper_only=not bulleted) if match else None
    if label and not bulleted:
        plainly = label.honorific or label.affiliation or len(label.name.split()) >= 2
        label = label if label.name and plainly else None
    return (match.group("text"), label) if label else (paragraph, None)
