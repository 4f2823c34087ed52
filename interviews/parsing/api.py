"""`parse_transcript`: pick the reader for the input's format, then attribute its turns."""

from __future__ import annotations

from .captions import looks_sbv, looks_srt, looks_webvtt, read_captions
from .engine import Weights, attribute
from .jsonformat import load_json, looks_json, transcript_from_dict
from .labelled import labels_run_in, looks_labelled, read_labelled
from .model import ParseError, Transcript
from .scraped import looks_scraped, read_scraped
from .speechjson import speech_to_text_draft
from .table import looks_table, read_table
from .text import MAX_INPUT_BYTES, decode, normalise, without_line_numbers
from .ttml import looks_ttml
from .webpage import looks_html, page_text

FORMATS = ("scraped", "labelled", "webvtt", "srt", "sbv", "ttml", "csv", "json")
__all__ = ["FORMATS", "MAX_INPUT_BYTES", "detect_format", "parse_transcript"]


def detect_format(text: str) -> str:
    """The name of the format `text` is written in (one of FORMATS)."""
    if looks_json(text):
        return "json"
    if looks_ttml(text):
        return "ttml"
    if looks_webvtt(text):
        return "webvtt"
    lines = text.split("\n")
    if looks_srt(lines):
        return "srt"
    if looks_sbv(lines):
        return "sbv"
    if looks_table(lines):
        return "csv"
    if looks_labelled(lines) and not looks_scraped(lines):
        return "labelled"
    return "scraped"


def parse_transcript(data: str | bytes, *, format: str | None = None) -> Transcript:
    """Parse a transcript in any of FORMATS (detected when `format` is None).

    Raises ParseError, with a message for an editor, when the input is not a transcript (empty,
    binary, too large, or with no speech in it) and never any other exception.
    """
    return read(data, format=format)


def read(
    data: str | bytes,
    *,
    format: str | None = None,
    raw_confidence: bool = False,
    weights: Weights | None = None,
) -> Transcript:
    """`parse_transcript`, optionally reporting the engine's uncalibrated posteriors, or
    weighing the evidence otherwise.

    The raw posteriors are what bench/attribution.py fits the calibration table on, and other
    weights what bench/tune_weights.py tries.
    """
    if format is not None and format not in FORMATS:
        raise ParseError(f"Unknown format {format!r}; expected one of {', '.join(FORMATS)}.")
    try:
        return _parse(data, format, raw_confidence, weights or Weights())
    except ParseError:
        raise
    except RecursionError as error:
        raise ParseError("The file is nested too deeply to be a transcript.") from error


def _parse(
    data: str | bytes, format: str | None, raw_confidence: bool, weights: Weights
) -> Transcript:
    text = normalise(decode(data))
    if looks_html(text) and not looks_ttml(text):
        text = normalise(page_text(text))
    text = without_line_numbers(text)
    if not text.strip():
        raise ParseError("The file is empty.")
    if format in (None, "labelled", "scraped"):
        text = labels_run_in(text)
    format = format or detect_format(text)
    if format == "json":
        value = load_json(text)
        draft = speech_to_text_draft(value)
        if draft is None:
            return transcript_from_dict(value)
    elif format == "scraped":
        draft = read_scraped(text)
    elif format == "labelled":
        draft = read_labelled(text)
    elif format == "csv":
        draft = read_table(text)
    else:
        draft = read_captions(text, format)
    if not any(not b.direction for b in draft.blocks):
        raise ParseError("No transcript turns were found in the file.")
    speakers, turns = attribute(draft, weights, calibrate=not raw_confidence)
    return Transcript(
        title=draft.title,
        summary=draft.summary,
        speakers=speakers,
        turns=turns,
        format=draft.format,
        air_date=draft.air_date,
        program=draft.program,
    )
