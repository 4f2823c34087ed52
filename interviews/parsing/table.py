"""Transcripts exported as a table: CSV (commas, semicolons or tabs) or a Markdown table, a row
per utterance.

A header row names the columns, as transcription tools export them ("Speaker,Start Time,End
Time,Text"; "speaker name", "transcript", "in" and "out" elsewhere): a text column and a speaker
or a time column. A title and a line or two of summary may stand above it, as on a web page or in
a Word document. A speaker is a name or a numbered voice ("Speaker 1"), as in speech-to-text
JSON; a time is "00:01:02", "1:02.5", "00:01:02,500", seconds or a video editor's timecode
("00:01:02:12", its frames dropped).
"""

from __future__ import annotations

import csv
import io
import re

from .draft import Draft
from .header import air_date
from .labelled import MARKDOWN_HEADING, TIMESTAMP, seconds
from .model import ParseError
from .speechjson import timed_draft
from .text import fold

_COLUMNS = {
    "speaker": {"speaker", "speaker name", "speaker label", "name", "voice"},
    "text": {"text", "transcript", "transcription", "utterance", "content", "words", "sentence"},
    "start": {
        "start",
        "start time",
        "start timecode",
        "begin",
        "in",
        "time",
        "timestamp",
        "timecode",
        "time code",
    },
    "end": {"end", "end time", "end timecode", "out"},
}
_DELIMITERS = (",", ";", "\t", "|")  # "|": a Markdown table
_HEADER_WITHIN = 4  # lines with text: a title and a line or two of summary may stand above
# A time as transcripts print it ("00:01:02"), or seconds.
_TIME = re.compile(rf"^(?:{TIMESTAMP}|\d+(?:\.\d+)?)$")
# A video editor's timecode, its last part frames ("00:01:02:12", ";" where frames are dropped).
_TIMECODE = re.compile(r"^(?P<time>\d{1,2}:\d{2}:\d{2})[:;]\d{2}$")


def looks_table(lines: list[str]) -> bool:
    """Whether a header naming a text column and a speaker or time column opens the text, or
    follows the few lines of a title above it."""
    return _find_header(lines) is not None


def _find_header(lines: list[str]) -> tuple[int, str, dict[str, int]] | None:
    """The header's line number, its delimiter and each known column's index."""
    content = [i for i, line in enumerate(lines) if line.strip()][:_HEADER_WITHIN]
    for i in content:
        found = _header(lines[i])
        if found is not None:
            return i, *found
    return None


def _header(line: str) -> tuple[str, dict[str, int]] | None:
    """The delimiter and each known column's index, if `line` is a transcript table's header."""
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        cells = next(csv.reader([line], delimiter=delimiter))
        columns: dict[str, int] = {}
        for i, cell in enumerate(cells):
            name = fold(cell).strip(" \"'()").replace("_", " ")
            kind = next((k for k, names in _COLUMNS.items() if name in names), None)
            if kind and kind not in columns:
                columns[kind] = i
        if "text" in columns and ("speaker" in columns or "start" in columns):
            return delimiter, columns
    return None


def read_table(text: str) -> Draft:
    """Read a transcript table into a draft: a block per speaker's consecutive rows."""
    lines = text.split("\n")
    found = _find_header(lines)
    if found is None:
        raise ParseError("The table has no header naming its text and speaker columns.")
    at, delimiter, columns = found
    above = [line.strip() for line in lines[:at] if line.strip()]
    try:
        rows = list(csv.reader(io.StringIO("\n".join(lines[at:])), delimiter=delimiter))
    except csv.Error as error:
        raise ParseError(f"The table cannot be read: {error}.") from error
    draft = timed_draft(
        (_segment(row, columns, n) for n, row in enumerate(rows[1:], start=2) if not _rule(row)),
        format="csv",
        title=MARKDOWN_HEADING.sub("", above[0]) if above else "",
        summary="\n\n".join(above[1:]),
    )
    draft.air_date = air_date(above)
    return draft


def _rule(row: list[str]) -> bool:
    """Whether a row is the line a Markdown table draws under its header ("|---|:--:|")."""
    return any(row) and all(re.fullmatch(r"\s*:?-*:?\s*", cell) for cell in row)


def _segment(
    row: list[str], columns: dict[str, int], n: int
) -> tuple[str, str | None, str, float | None, float | None]:
    """The row as (where, speaker, text, start, end). A line too short to reach the text
    column (a note or a copyright line below the table) is text of no one's saying."""
    where = f"Row {n}: "
    if len(row) <= columns["text"]:
        return where, None, " ".join(row), None, None
    return (
        where,
        _cell(row, columns, "speaker") or None,
        _cell(row, columns, "text"),
        _time(_cell(row, columns, "start"), n),
        _time(_cell(row, columns, "end"), n),
    )


def _cell(row: list[str], columns: dict[str, int], kind: str) -> str:
    at = columns.get(kind)
    return row[at].strip() if at is not None and at < len(row) else ""


def _time(cell: str, row: int) -> float | None:
    if not cell:
        return None
    timecode = _TIMECODE.match(cell)
    if timecode:
        return seconds(timecode.group("time"))
    if not _TIME.match(cell):
        raise ParseError(f"Row {row}: {cell[:40]!r} is not a time.")
    return seconds(cell) if ":" in cell else float(cell)
