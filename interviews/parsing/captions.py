"""Caption files: WebVTT with <v Name> voice tags, SRT (and YouTube's SBV) with "NAME:" or ">>"
speaker changes, and TTML, whose paragraphs `ttml.py` reads as cues.

A label may open a cue's line, "NAME:" in capitals, or in mixed case ("Ann Lee:", as Zoom prints
its captions; "Speaker 2:") by the rule labelled transcripts follow (`labels.mixed_case_is_label`);
or in brackets, as subtitles for the deaf print it ("[ANN LEE] Welcome."), where two names each
open two lines or more so.

Cues are a few words each; consecutive cues of one speaker make one block, whose start and end
are the first cue's start and the last cue's end. A ">>" opening a cue line marks a new speaker
without naming them, and so does a "- " in a dialogue cue (one whose later lines open with "- ",
the subtitle convention for two speakers in one cue), or opening any cue of a file that has such
dialogue cues; the attribution engine decides who it is. Elsewhere a cue opening with "- " is
speech, and so is "- -" anywhere: transcripts write interruptions so.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .draft import Block, Draft
from .labelled import TIMESTAMP, seconds
from .labels import Label, in_capitals, label_key, mixed_case_is_label, parse_label, speaker_id
from .model import ParseError
from .ttml import ttml_cues

_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3}"  # some tools leave units unpadded: "0:0:3.450"
_TIMING = re.compile(rf"^\s*(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})(?:\s.*)?$")
# Whisper's console: "[00:00.000 --> 00:03.240]  Welcome back."
_LINED = re.compile(rf"^\s*\[(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})\]\s*(?P<text>.*)$")
# YouTube's SubViewer cues: "0:00:04.000,0:00:08.000" on the line above the text, no number.
_SBV_TIMING = re.compile(
    r"^\s*(?P<start>\d+:\d{2}:\d{2}\.\d{3}),(?P<end>\d+:\d{2}:\d{2}\.\d{3})\s*$"
)
# The time alone on a line, as a video page's transcript prints it: "0:03", "1:02:03".
_START = re.compile(rf"^\s*{TIMESTAMP}\s*$")
# Blocks of a WebVTT file that hold no captions, and cue numbers out of place.
_NOT_SPEECH = re.compile(r"^(?:NOTE|STYLE|REGION)\b|^\s*\d+\s*$")
# A cue shown for less than this many seconds is a roll-up's step, not speech.
_BLINK = 0.05
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+(?P<name>[^>]*))?>", re.I)
# Markup, word timings ("<00:00:01.200>") and the positioning codes subtitle editors leave
# ("{\an8}").
_TAG = re.compile(r"</?[a-z][^>]*>|<\d[\d:.]*>|\{\\[^{}]*\}", re.I)
_CHEVRONS = re.compile(r"^\s*(?:>>+|(?:&gt;){2,})\s*")  # escaped, as YouTube writes them
_DASH = re.compile(r"^\s*-\s+(?!-)")
_NAMED = re.compile(r"^(?P<label>[^:]{2,60}?):(?:\s+(?P<text>\S.*))?\s*$", re.S)
_SPEAKER_ID = re.compile(r"^\[(?P<id>(?:speaker|spk)[ _-]*\w{1,3})\]$", re.I)
# Subtitles for the deaf name the speaker in brackets: "[ANN LEE] Welcome back."
_BRACKETED = re.compile(r"^\[(?P<label>[^\[\]]{2,60})\]\s+(?P<text>\S.*)$", re.S)


@dataclass
class _Piece:
    start: float
    end: float
    text: str
    change: bool  # the caption marks a new speaker here
    label: Label | None
    heading: bool = False  # a chapter's title, which nobody speaks


def looks_webvtt(text: str) -> bool:
    """Whether the text is a WebVTT file (it must open with the WEBVTT signature)."""
    return text.lstrip().startswith("WEBVTT")


def looks_srt(lines: list[str]) -> bool:
    """Whether the text opens like an SRT file, a cue number then a timing line, or as Whisper
    prints its captions, each on a line of its own after its timing in brackets."""
    content = [line for line in lines[:20] if line.strip()]
    if len(content) >= 2 and all(_LINED.match(line) for line in content[:2]):
        return True
    return len(content) >= 2 and content[0].strip().isdigit() and bool(_TIMING.match(content[1]))


def looks_sbv(lines: list[str]) -> bool:
    """Whether the text opens like an SBV file, a timing line then text, or like the transcript
    YouTube shows beside a video, copied: each line of text below the time it starts at."""
    content = [line for line in lines[:20] if line.strip()]
    if len(content) >= 2 and _SBV_TIMING.match(content[0]):
        return True
    starts = sum(1 for line in content if _START.match(line))
    # (A chapter's title stands between a line of words and the time below it, once in many
    # lines: a name above every time is a labelled transcript's.)
    titles = sum(
        1
        for n, line in enumerate(content[:-1])
        if not _START.match(line)
        and _START.match(content[n + 1])
        and (n == 0 or not _START.match(content[n - 1]))
    )
    titles = titles if titles * 4 <= starts else 0
    return (
        len(content) >= 4 and _video_transcript(content) and (starts + titles) * 2 >= len(content)
    )


def _video_transcript(content: list[str]) -> bool:
    """Whether the lines open as a video page's transcript does: with a time, or with the title
    of its first chapter above one ("Intro", then "0:00")."""
    return any(_START.match(line) for line in content[:2])


def read_captions(text: str, format: str) -> Draft:
    """Read WebVTT (`format="webvtt"`), SRT (`"srt"`), SBV (`"sbv"`) or TTML (`"ttml"`) captions
    into a draft."""
    lines = text.split("\n")
    content = [line for line in lines if line.strip()]
    first = content[0] if content else ""
    chapters: dict[float, list[str]] = {}
    if format == "sbv" and _video_transcript(content):
        cues, chapters = _started_cues(content)
    elif format == "srt" and _LINED.match(first):
        cues = _lined_cues(lines)
    elif format == "ttml":
        cues = ttml_cues(text)
    else:
        cues = _cues(text, format)
    cues = _unrolled(cues)
    dialogue = any(_is_dialogue(payload) for _, _, payload in cues)
    labels = _Labels(
        [line for _, _, payload in cues for line in payload],
        [payload[0] for _, _, payload in cues if len(payload) >= 2],
    )
    pieces: list[_Piece] = []
    for start, end, payload in cues:
        for at in sorted(t for t in chapters if t <= start):
            pieces += [
                _Piece(at, at, title, True, None, heading=True) for title in chapters.pop(at)
            ]
        pieces += _cue_pieces(payload, start, end, dialogue=dialogue, labels=labels)
    if all(piece.heading for piece in pieces):
        raise ParseError(f"No timed captions were found in this {format.upper()} file.")
    return Draft(format=format, blocks=_blocks(pieces))


def _cues(text: str, format: str) -> list[tuple[float, float, list[str]]]:
    """Cues parted by blank lines, each with its timing line: (start, end, lines of text)."""
    timings = _SBV_TIMING if format == "sbv" else _TIMING
    cues = []
    for cue in re.split(r"\n\s*\n", text):
        lines = [line for line in cue.split("\n") if line.strip()]
        timing_at = next((i for i, line in enumerate(lines) if timings.match(line)), None)
        if timing_at is None:
            # Text after a line of spaces (YouTube parts a cue's lines so) is still the cue's; the
            # WEBVTT header, NOTE, STYLE and REGION blocks and stray numbering are no captions.
            if cues and lines and not _NOT_SPEECH.match(lines[0]):
                cues[-1][2].extend(lines)
            continue
        timing = timings.match(lines[timing_at])
        start, end = seconds(timing.group("start")), seconds(timing.group("end"))
        cues.append((start, end, lines[timing_at + 1 :]))
    return cues


def _started_cues(
    content: list[str],
) -> tuple[list[tuple[float, float, list[str]]], dict[float, list[str]]]:
    """Cues that each open with the time they start at, and end where the next starts; and the
    titles of the chapters a video's transcript prints between them (a line right above a time,
    where the cue above has its words already), by the time of the cue below each."""
    cues: list[tuple[float, float, list[str]]] = []
    chapters: dict[float, list[str]] = {}
    for n, line in enumerate(content):
        below = content[n + 1] if n + 1 < len(content) else ""
        if _START.match(line):
            start = seconds(line)
            if cues:
                cues[-1] = (cues[-1][0], max(cues[-1][0], start), cues[-1][2])
            cues.append((start, start, []))
        elif _START.match(below) and (not cues or cues[-1][2]):
            chapters.setdefault(seconds(below), []).append(line.strip())
        elif cues:
            cues[-1][2].append(line)
    return cues, chapters


def _unrolled(cues: list[tuple[float, float, list[str]]]) -> list[tuple[float, float, list[str]]]:
    """Cues without the lines they repeat from the cue before, as captions that roll up print
    them (YouTube's automatic ones, a broadcast's): a cue's opening lines that are the last cue's
    closing ones, where new lines follow them, and a cue of a few milliseconds that only repeats."""
    kept: list[tuple[float, float, list[str]]] = []
    before: list[str] = []  # the last cue kept, as its lines read
    for start, end, payload in cues:
        lines = [line for line in payload if _plain(line)]
        plain = [_plain(line) for line in lines]
        repeated = next((n for n in range(len(lines), 0, -1) if plain[:n] == before[-n:]), 0)
        if repeated == len(lines) and end - start < _BLINK:
            continue
        if repeated < len(lines):
            lines, plain = lines[repeated:], plain[repeated:]
        kept.append((start, end, lines))
        before = plain
    return kept


def _lined_cues(lines: list[str]) -> list[tuple[float, float, list[str]]]:
    """Cues a line each, "[00:00.000 --> 00:03.240]  Welcome back."; other lines go with the cue
    above them."""
    cues: list[tuple[float, float, list[str]]] = []
    for line in lines:
        lined = _LINED.match(line)
        if lined:
            start, end = seconds(lined.group("start")), seconds(lined.group("end"))
            cues.append((start, end, [lined.group("text")]))
        elif line.strip() and cues:
            cues[-1][2].append(line)
    return cues


def _is_dialogue(payload: list[str]) -> bool:
    return any(_DASH.match(line) for line in payload[1:])


class _Labels:
    """Which labels opening the file's cue lines are labels: "NAME:" in capitals always; a
    mixed-case "Ann Lee:" as in labelled transcripts (`labels.mixed_case_is_label`); a name in
    brackets where two names or more each open two lines or more so ("[MUSIC] ..." once, or
    "[APPLAUSE]" alone, labels nothing); a full name alone on a cue's first line, above its
    speech, where two names or more each do so twice or more."""

    def __init__(self, lines: list[str], heads: list[str]) -> None:
        colon = _opening_labels(lines, _NAMED)
        self.counts = Counter(label_key(label) for label in colon)
        self.capitals = any(in_capitals(label) for label in colon)
        bracketed = Counter(label_key(label) for label in _opening_labels(lines, _BRACKETED))
        self.bracketed = _recurring(bracketed)
        alone = Counter(label_key(label) for label in map(self._alone, heads) if label)
        self.alone = _recurring(alone)

    @staticmethod
    def _alone(line: str) -> Label | None:
        """The name a cue's first line holds and nothing else ("Ann Lee", as Teams wrote it)."""
        plain = _plain(line)
        label = parse_label(plain) if not re.search(r"[,:]", plain) else None
        full = label is not None and (in_capitals(label) or " " in label.name)
        return label if full and label.name and label.printed == plain else None

    def heading(self, line: str) -> Label | None:
        """The name heading a cue's speech on a line of its own, where such names recur."""
        label = self._alone(line)
        return label if label and label_key(label) in self.alone else None

    def find(self, text: str) -> tuple[Label, str] | None:
        """The label opening `text` and the speech after it, if it is one."""
        named = _NAMED.match(text)
        # WhisperX prints its speaker ids in brackets: "[SPEAKER_00]: Hello."
        identified = _SPEAKER_ID.match(named.group("label")) if named else None
        voice = speaker_id(identified.group("id")) if identified else None
        if voice:
            return voice, (named.group("text") or "").strip()
        label = parse_label(named.group("label")) if named else None
        if label is not None and (
            in_capitals(label) or mixed_case_is_label(label, self.counts, capitals=self.capitals)
        ):
            return label, (named.group("text") or "").strip()
        bracketed = _BRACKETED.match(text)
        label = parse_label(bracketed.group("label")) if bracketed else None
        # (A person, or a part: "[MODERATOR]"; not a sound, "[APPLAUSE]".)
        someone = label is not None and (label.name or label.role != "unknown")
        if someone and label_key(label) in self.bracketed:
            return label, bracketed.group("text").strip()
        return None


def _recurring(counts: Counter[str]) -> set[str]:
    """The names counted, where two or more of them are counted twice or more; else none."""
    return set(counts) if sum(1 for n in counts.values() if n >= 2) >= 2 else set()


def _opening_labels(lines: Iterable[str], pattern: re.Pattern[str]) -> list[Label]:
    """The labels `pattern` finds opening the lines."""
    found = (pattern.match(_plain(line)) for line in lines)
    labels = (parse_label(match.group("label")) for match in found if match)
    return [label for label in labels if label is not None]


def _plain(line: str) -> str:
    return html.unescape(_TAG.sub("", line)).strip()


def _cue_pieces(
    payload: list[str], start: float, end: float, *, dialogue: bool, labels: _Labels
) -> list[_Piece]:
    """The cue's lines as pieces of speech; in a file with `dialogue` cues, a dash opening a
    line marks a new speaker; a label opening a line counts where `labels` says it does."""
    pieces: list[_Piece] = []
    heading = labels.heading(payload[0]) if len(payload) >= 2 else None
    if heading:
        payload = payload[1:]
    for line in payload:
        voice = _VOICE.search(line)
        label = parse_label(voice.group("name")) if voice and voice.group("name") else heading
        marker = _CHEVRONS.match(line) or (_DASH.match(line) if dialogue else None)
        change = bool(voice) or bool(marker) or bool(heading)
        heading = None
        plain = _plain(line[marker.end() :] if marker else line)
        found = labels.find(plain) if label is None else None
        if found:
            (label, plain), change = found, True
        if not plain:
            heading = label if found else None  # "TOM WU:" alone heads the line below it
            continue
        if pieces and not change:
            pieces[-1].text += " " + plain
        else:
            pieces.append(_Piece(start, end, plain, change, label))
    return pieces


def _blocks(pieces: list[_Piece]) -> list[Block]:
    blocks: list[Block] = []
    current: Label | None = None
    for piece in pieces:
        if piece.heading:
            blocks.append(Block([piece.text], start=piece.start, direction=True))
            continue
        same_voice = piece.label is not None and current is not None and _same(piece.label, current)
        if blocks and not blocks[-1].direction and (not piece.change or same_voice):
            blocks[-1].go_on(piece.text, piece.start, piece.end)
            continue
        # After a chapter's title the voice before it goes on, unless a new one is marked.
        resumed = bool(blocks) and not piece.change
        label = current if resumed else piece.label
        separation = "soft" if resumed and label is None else "turn"
        blocks.append(
            Block(
                [piece.text], label=label, separation=separation, start=piece.start, end=piece.end
            )
        )
        current = label
    return blocks


def _same(a: Label, b: Label) -> bool:
    """Whether two labels stand for one speaker: one person, or one numbered voice or part."""
    if a.name or b.name:
        return a.name == b.name
    return (a.voice, a.role) == (b.voice, b.role)
