"""`parse_transcript`: pick the reader for the input's format, then attribute its turns."""

from __future__ import annotations

from .draft import Draft
from .engine import attribute
from .jsonformat import looks_json, read_json
from .model import ParseError, Transcript
from .scraped import read_scraped
from .text import MAX_INPUT_BYTES, decode, normalise

FORMATS = ("scraped", "json")
__all__ = ["FORMATS", "MAX_INPUT_BYTES", "parse_transcript"]


def detect_format(text: str) -> str:
    """The name of the format `text` is written in (one of FORMATS)."""
    if looks_json(text):
        return "json"
    return "scraped"


def parse_transcript(data: str | bytes, *, format: str | None = None) -> Transcript:
    """Parse a transcript in any of FORMATS (detected when `format` is None).

    Raises ParseError, with a message for an editor, when the input is not a transcript (empty,
    binary, too large, or with no speech in it) and never any other exception.
    """
    if format is not None and format not in FORMATS:
        raise ParseError(f"Unknown format {format!r}; expected one of {', '.join(FORMATS)}.")
    try:
        return _parse(data, format)
    except ParseError:
        raise
    except RecursionError as error:
        raise ParseError("The file is nested too deeply to be a transcript.") from error


def _parse(data: str | bytes, format: str | None) -> Transcript:
    text = normalise(decode(data))
    if not text.strip():
        raise ParseError("The file is empty.")
    format = format or detect_format(text)
    if format == "json":
        return read_json(text)
    draft: Draft = read_scraped(text)
    if not draft.blocks:
        raise ParseError("No transcript turns were found in the file.")
    speakers, turns = attribute(draft)
    return Transcript(
        title=draft.title,
        summary=draft.summary,
        speakers=speakers,
        turns=turns,
        format=draft.format,
    )
