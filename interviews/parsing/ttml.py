"""TTML captions (DFXP, SMPTE-TT, EBU-TT), as broadcasters deliver them: timed `<p>` elements,
lines parted by `<br/>`, the speaker an agent (`ttm:agent`, named by `<ttm:name>`) where the file
says who speaks. Each `<p>` becomes a cue for `captions.read_captions`, an agent's name as a
WebVTT voice tag ("<v Ann Lee>") opening it; the text may still mark speakers itself ("ANN LEE:",
">>")."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from .model import ParseError

_TT = "http://www.w3.org/ns/ttml"
_PARAMETER = "{http://www.w3.org/ns/ttml#parameter}"
_METADATA = "{http://www.w3.org/ns/ttml#metadata}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# "00:00:01.500" (clock time), "00:00:01:12" (with frames), "1.5s", "1500ms", "12345t" (ticks).
_CLOCK = re.compile(r"^(\d+):(\d\d):(\d\d(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$")
_OFFSET = re.compile(r"^(\d+(?:\.\d+)?)(h|m|s|ms|f|t)$")


def looks_ttml(text: str) -> bool:
    """Whether the text is a TTML document: a `<tt>` root in the TTML namespace."""
    return bool(re.search(r"<(?:\w+:)?tt[\s>]", text[:4000])) and _TT in text[:4000]


def ttml_cues(text: str) -> list[tuple[float, float, list[str]]]:
    """Each timed paragraph of the document: (start, end, lines), an agent's voice tag first."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ParseError(f"The TTML file is not well-formed XML ({error}).") from error
    rates = {
        "f": _rate(root.get(f"{_PARAMETER}frameRate"), 30.0),
        "t": _rate(root.get(f"{_PARAMETER}tickRate"), 1.0),
    }
    agents = {
        agent.get(_XML_ID): (agent.findtext(f"{_METADATA}name") or agent.get(_XML_ID) or "").strip()
        for agent in root.iter(f"{_METADATA}agent")
    }
    cues = []
    for i, paragraph in enumerate(root.iter(f"{{{_TT}}}p")):
        where = f"Paragraph {i + 1}: "
        start = _time(paragraph.get("begin"), rates, where)
        end = _time(paragraph.get("end"), rates, where)
        if end is None and paragraph.get("dur") is not None:
            end = (start or 0.0) + (_time(paragraph.get("dur"), rates, where) or 0.0)
        lines = _lines(paragraph)
        agent = paragraph.get(f"{_METADATA}agent") or next(
            (e.get(f"{_METADATA}agent") for e in paragraph.iter() if e.get(f"{_METADATA}agent")),
            None,
        )
        if agent and lines:
            lines[0] = f"<v {agents.get(agent) or agent}>{lines[0]}"
        if start is not None and lines:
            cues.append((start, end if end is not None else start, lines))
    return cues


def _lines(paragraph: ElementTree.Element) -> list[str]:
    """The paragraph's text, a line per `<br/>`."""
    lines = [""]

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            if child.tag == f"{{{_TT}}}br":
                lines.append("")
            else:
                lines[-1] += child.text or ""
                walk(child)
            lines[-1] += child.tail or ""

    lines[-1] += paragraph.text or ""
    walk(paragraph)
    return [" ".join(line.split()) for line in lines if line.strip()]


def _rate(value: str | None, default: float) -> float:
    """A frame or tick rate the document declares, per second."""
    if value is None:
        return default
    try:
        rate = float(value)
    except ValueError:
        rate = 0.0
    if not 0 < rate < float("inf"):
        raise ParseError(
            f"The TTML file's rate {value!r} is not a number of frames or ticks a second."
        )
    return rate


def _time(value: str | None, rates: dict[str, float], where: str) -> float | None:
    """Seconds in a TTML time expression, or None where there is none."""
    if value is None:
        return None
    value = value.strip()
    clock = _CLOCK.match(value)
    if clock:
        hours, minutes, secs, frames = clock.groups()
        return int(hours) * 3600 + int(minutes) * 60 + float(secs) + float(frames or 0) / rates["f"]
    offset = _OFFSET.match(value)
    if offset is None:
        raise ParseError(f"{where}{value!r} is not a TTML time.")
    number, unit = float(offset.group(1)), offset.group(2)
    per_second = {"h": 1 / 3600, "m": 1 / 60, "s": 1.0, "ms": 1000.0}.get(unit) or rates[unit]
    return number / per_second
