"""The JSON that speech-to-text services write: timed segments, each perhaps with a speaker.

Whisper writes `{"segments": [{"start": 0.0, "end": 2.1, "text": "..."}]}`; WhisperX and
pyannote add `"speaker": "SPEAKER_00"`; AssemblyAI writes `{"utterances": [{"speaker": "A",
"start": 0, "end": 2100, "text": "..."}]}`, its times in milliseconds; Deepgram `{"results":
{"utterances": [{"speaker": 0, "start": 0.0, "end": 2.1, "transcript": "..."}]}}`; Amazon
Transcribe `{"results": {"audio_segments": [{"speaker_label": "spk_0", "start_time": "0.0",
"end_time": "2.1", "transcript": "..."}]}}`, its times strings, or without "audio_segments" its
words, `{"results": {"items": [...], "speaker_labels": {...}}}`; Rev.ai `{"monologues":
[{"speaker": 0, "speaker_name": "Ann Lee", "elements": [{"type": "text", "value": "Hello", "ts":
0.5, "end_ts": 0.9}, {"type": "punct", "value": "."}]}]}`, a word or punctuation per element;
a podcast's transcript (Podcasting 2.0's JSON, `{"segments": [{"speaker": "Ann Lee",
"startTime": 0.5, "endTime": 2.1, "body": "..."}]}`).
A speaker id numbers one unnamed voice (the engine names it from the speech, as it does "Speaker
2" in an Otter transcript); a speaker given by name is a label. Consecutive segments of one
speaker are one block; without speakers, every segment is a block of its own, for the engine to
decide.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from .draft import Block, Draft
from .labels import Label, parse_label, speaker_id
from .model import ParseError

_TIMES_IN_MS = {"segments": False, "utterances": True}
# Where services that wrap their output in "results" keep the pieces, timed in seconds.
_IN_RESULTS = ("utterances", "audio_segments")


def speech_to_text_draft(data: Any) -> Draft | None:
    """A draft of the service's segments, or None when `data` is not such output.

    A list of segments alone is read as Whisper's are (`[{"speaker": "Ann Lee", "text":
    "..."}]`, as many tools export a transcript); a segment's words may be its "content" and
    its speaker a "name"."""
    results = data.get("results") if isinstance(data, dict) else None
    wrapped = next((k for k in _IN_RESULTS if isinstance(results, dict) and k in results), None)
    if isinstance(data, dict) and isinstance(data.get("monologues"), list):
        monologues = [
            _monologue(monologue, f"Monologue {i + 1}: ")
            for i, monologue in enumerate(data["monologues"])
        ]
        return timed_draft(monologues, format="json", title=_title(data))
    if isinstance(results, dict) and isinstance(results.get("items"), list) and not wrapped:
        return timed_draft(_amazon_words(results), format="json", title=_title(data))
    if isinstance(data, list):
        key, found, title, scale = "segments", data, "", 1.0
    elif wrapped:
        key, found, title, scale = wrapped, results[wrapped], _title(data), 1.0
    elif isinstance(data, dict) and "turns" not in data:
        key = next((k for k in _TIMES_IN_MS if isinstance(data.get(k), list)), None)
        found, title = data.get(key), _title(data)
        scale = 0.001 if _TIMES_IN_MS.get(key) else 1.0
    else:
        return None
    if key is None or not isinstance(found, list):
        return None
    segments = [_segment(segment, f"Segment {i + 1}: ") for i, segment in enumerate(found)]
    return timed_draft(segments, format="json", title=title, scale=scale)


def _segment(segment: Any, where: str) -> tuple[str, Any, str, Any, Any]:
    text = _first(segment, _TEXT_KEYS) if isinstance(segment, dict) else None
    if not isinstance(text, str):
        raise ParseError(f'{where}each segment needs its "text".')
    start, end = _first(segment, _START_KEYS), _first(segment, _END_KEYS)
    return where, _first(segment, _SPEAKER_KEYS), text, start, end


def _monologue(monologue: Any, where: str) -> tuple[str, Any, str, Any, Any]:
    """Rev.ai's monologue: a speaker and the elements of their words, each a word ("text", timed
    by "ts" and "end_ts") or the punctuation and spaces between ("punct")."""
    elements = monologue.get("elements") if isinstance(monologue, dict) else None
    if not isinstance(elements, list) or not all(
        isinstance(e, dict) and isinstance(e.get("value"), str) for e in elements
    ):
        raise ParseError(f'{where}each monologue needs its "elements", each with its "value".')
    timed = [e for e in elements if e.get("type") == "text"]
    start = timed[0].get("ts") if timed else None
    end = timed[-1].get("end_ts") if timed else None
    speaker = _first(monologue, ("speaker_name", "speaker"))
    return where, speaker, "".join(e["value"] for e in elements), start, end


def _amazon_words(results: dict) -> list[tuple[str, Any, str, Any, Any]]:
    """Amazon Transcribe's words ("items", a word or a punctuation mark each) as segments: a
    speaker's consecutive words one, each word's speaker given on it or by the time it starts in
    "speaker_labels"; without speakers, a sentence each."""
    labels = results.get("speaker_labels")
    segments = labels.get("segments") if isinstance(labels, dict) else None
    speaker_at = {
        item.get("start_time"): segment.get("speaker_label")
        for segment in (segments if isinstance(segments, list) else [])
        if isinstance(segment, dict) and isinstance(segment.get("items"), list)
        for item in segment["items"]
        if isinstance(item, dict)
    }
    pieces: list[list[Any]] = []  # where, speaker, text, start, end
    for i, item in enumerate(results["items"]):
        content = _content(item, f"Item {i + 1}: ")
        if item.get("type") == "punctuation":
            if pieces:
                pieces[-1][2] += content
            continue
        start, end = item.get("start_time"), item.get("end_time")
        speaker = item.get("speaker_label") or speaker_at.get(start)
        last = pieces[-1] if pieces else None
        if last and last[1] == speaker and (speaker or not re.search(r"[.?!]$", last[2])):
            last[2], last[4] = f"{last[2]} {content}", end
        else:
            pieces.append([f"Item {i + 1}: ", speaker, content, start, end])
    return [tuple(piece) for piece in pieces]


def _content(item: Any, where: str) -> str:
    """An Amazon Transcribe item's word: its first alternative's "content"."""
    alternatives = item.get("alternatives") if isinstance(item, dict) else None
    first = alternatives[0] if isinstance(alternatives, list) and alternatives else None
    content = first.get("content") if isinstance(first, dict) else None
    if not isinstance(content, str):
        raise ParseError(
            f'{where}each item needs its "alternatives", the first with its "content".'
        )
    return content


def _first(segment: dict, keys: tuple[str, ...]) -> Any:
    return next((segment[k] for k in keys if segment.get(k) is not None), None)


_TEXT_KEYS = ("text", "content", "transcript", "body")
_SPEAKER_KEYS = ("speaker", "speaker_name", "name", "speaker_label")
_START_KEYS = ("start", "start_time", "startTime")
_END_KEYS = ("end", "end_time", "endTime")


def timed_draft(
    segments: Iterable[tuple[str, Any, str, Any, Any]],
    *,
    format: str,
    title: str = "",
    summary: str = "",
    scale: float = 1.0,
) -> Draft:
    """A draft of timed segments, each (where, speaker, text, start, end): a speaker's
    consecutive segments make one block; a segment without one is a block for the engine."""
    segments = list(segments)
    from_zero = any(_ZERO_ID.match(str(speaker)) for _, speaker, *_ in segments)
    blocks: list[Block] = []
    for where, speaker, raw_text, raw_start, raw_end in segments:
        text = " ".join(raw_text.split())
        if not text:
            continue
        start, end = (_seconds(value, scale, where) for value in (raw_start, raw_end))
        label = _label(speaker, where, from_zero=from_zero)
        previous = blocks[-1] if blocks else None
        if previous is not None and label is not None and previous.label == label:
            previous.go_on(text, start, end)
            continue
        blocks.append(
            Block(
                [text],
                label=label,
                separation="turn" if label is not None else "soft",
                start=start,
                end=end,
            )
        )
    return Draft(format=format, title=title, summary=summary, blocks=blocks)


# A first voice numbered zero: Deepgram's 0, Amazon's "spk_0".
_ZERO_ID = re.compile(r"^\s*(?:speaker|spk)?[ _-]*0\s*$", re.I)


def _label(speaker: Any, where: str, *, from_zero: bool) -> Label | None:
    if speaker is None:
        return None
    if isinstance(speaker, bool) or not isinstance(speaker, str | int):
        raise ParseError(f'{where}"speaker" must be a name or an id.')
    printed = str(speaker).strip()
    return (
        speaker_id(printed, from_zero=from_zero)
        or parse_label(printed)
        or Label(printed, name="", voice=printed)
    )


def _seconds(value: Any, scale: float, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", value):
        value = float(value)  # Amazon Transcribe writes its times as strings
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ParseError(f"{where}times must be numbers.")
    return float(value) * scale


def _title(data: dict) -> str:
    title = data.get("title")
    return title.strip() if isinstance(title, str) else ""
