"""Transcript parsing and speaker attribution: text in, dataclasses out. No Django here.

    parse_transcript(data, format=None) -> Transcript

reads a scraped broadcaster page, a labelled transcript, WebVTT or SRT captions, or the JSON
export, and attributes every turn to a speaker (see `engine` for how unlabelled turns are
decided). Any failure is a ParseError whose message is meant for an editor.
"""

from __future__ import annotations

from .api import FORMATS, MAX_INPUT_BYTES, parse_transcript
from .jsonformat import transcript_from_dict
from .labels import voice_of
from .model import ParseError, Speaker, Transcript, Turn
from .names import canonical_name, speaker_key

__all__ = [
    "FORMATS",
    "MAX_INPUT_BYTES",
    "ParseError",
    "Speaker",
    "Transcript",
    "Turn",
    "canonical_name",
    "parse_transcript",
    "speaker_key",
    "transcript_from_dict",
    "voice_of",
]
