"""The `ingest --dry-run --json` export read back in: `Transcript.to_dict()` inverted.

JSON that is not such an export may be a speech-to-text service's (`speechjson`)."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .model import ATTRIBUTIONS, ROLES, ParseError, Speaker, Transcript, Turn


def looks_json(text: str) -> bool:
    """Whether the text is a JSON object (a transcript export, a speech-to-text service's
    output) or a list of them (segments); "[00:01] ANN LEE:" or "[Ann Lee]" opens no JSON."""
    return bool(re.match(r"\s*(?:\{|\[\s*\{)", text))


def load_json(text: str) -> Any:
    """The JSON value in `text`; ParseError when it is not valid JSON."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ParseError(f"The file is not valid JSON: {error}.") from error


def transcript_from_dict(d: dict) -> Transcript:
    """Rebuild the Transcript that `Transcript.to_dict()` exported; ParseError if malformed."""
    if not isinstance(d, dict):
        raise ParseError('A transcript export is a JSON object with "speakers" and "turns".')
    if not isinstance(d.get("turns"), list):
        raise ParseError(
            'The JSON has no "turns" list, so it is not a transcript export, nor "segments", '
            '"utterances" or "monologues" as speech-to-text services write.'
        )
    speakers = [_speaker(s, i) for i, s in enumerate(_list(d, "speakers"))]
    names = {s.name for s in speakers}
    turns = [_turn(t, i, names) for i, t in enumerate(d["turns"])]
    return Transcript(
        title=_str(d, "title"),
        summary=_str(d, "summary"),
        speakers=speakers,
        turns=turns,
        format=_str(d, "format") or "json",
        program=_str(d, "program"),
        air_date=_optional_str(d, "air_date"),
        source_url=_str(d, "source_url"),
    )


def _list(d: dict, key: str) -> list:
    value = d.get(key, [])
    if not isinstance(value, list):
        raise ParseError(f'"{key}" must be a list.')
    return value


def _str(d: dict, key: str, where: str = "") -> str:
    value = d.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ParseError(f'{where}"{key}" must be text, not {json.dumps(value)[:40]}.')
    return value


def _optional_str(d: dict, key: str) -> str | None:
    return None if d.get(key) is None else _str(d, key)


def _speaker(s: Any, i: int) -> Speaker:
    where = f"Speaker {i + 1}: "
    if not isinstance(s, dict) or not isinstance(s.get("name"), str) or not s["name"].strip():
        raise ParseError(f'{where}each speaker needs a "name".')
    role = _str(s, "role", where) or "unknown"
    if role not in ROLES:
        raise ParseError(f"{where}role {role!r} is not one of {', '.join(ROLES)}.")
    aliases = s.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ParseError(f'{where}"aliases" must be a list of names.')
    return Speaker(
        name=s["name"],
        affiliation=_str(s, "affiliation", where),
        role=role,
        honorific=_str(s, "honorific", where),
        aliases=list(aliases),
    )


def _turn(t: Any, i: int, names: set[str]) -> Turn:
    where = f"Turn {i + 1}: "
    if not isinstance(t, dict):
        raise ParseError(f"{where}each turn must be an object.")
    speaker = t.get("speaker")
    if speaker is not None and speaker not in names:
        raise ParseError(f"{where}speaker {speaker!r} is not in the speakers list.")
    attribution = _str(t, "attribution", where) or "unknown"
    if attribution not in ATTRIBUTIONS:
        raise ParseError(
            f"{where}attribution {attribution!r} is not one of {', '.join(ATTRIBUTIONS)}."
        )
    role = _str(t, "role", where) or "unknown"
    if role not in ROLES:
        raise ParseError(f"{where}role {role!r} is not one of {', '.join(ROLES)}.")
    text = _str(t, "text", where)
    paragraphs = text.split("\n\n") if text else []
    return Turn(
        paragraphs=paragraphs,
        speaker=speaker,
        role=role,
        attribution=attribution,
        confidence=_number(t, "confidence", where, 0.0, bounded=True),
        label=_str(t, "label", where),
        start=_optional_number(t, "start", where),
        end=_optional_number(t, "end", where),
        paragraph_starts=_paragraph_starts(t, where, len(paragraphs)),
    )


def _paragraph_starts(t: dict, where: str, paragraphs: int) -> list[float | None]:
    starts = t.get("paragraph_starts") or []
    if (
        not isinstance(starts, list)
        or len(starts) not in (0, paragraphs)
        or not all(s is None or _is_number(s) for s in starts)
    ):
        raise ParseError(
            f'{where}"paragraph_starts" must be a list of one time (or null) per paragraph.'
        )
    return [None if s is None else float(s) for s in starts]


def _is_number(value) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def _number(t: dict, key: str, where: str, default: float, *, bounded: bool = False) -> float:
    value = t.get(key, default)
    if not _is_number(value):
        raise ParseError(f'{where}"{key}" must be a number.')
    if bounded and not 0 <= value <= 1:
        raise ParseError(f'{where}"{key}" must be between 0 and 1.')
    return float(value)


def _optional_number(t: dict, key: str, where: str) -> float | None:
    return None if t.get(key) is None else _number(t, key, where, 0.0)
