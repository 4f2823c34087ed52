"""Plain labelled transcripts: "NAME: text", "NAME, Title: text", timestamps, stage directions.

Broadcast transcripts print a full label the first time ("STEVE INSKEEP, HOST:") and the surname
after ("INSKEEP:"); the roster resolves both to one person. Transcription tools and web pages print
labels their own ways too: in bold ("**Ann Lee:**"), a name alone on the line above its speech, a
time in brackets or a dash standing for the colon, "Q:" and "A:" (or "Q." and "A.") for the two
sides, and hearings an office and a surname in capitals before a full stop ("Senator LEAHY.").
An office ("THE COURT:") is whoever holds it in the transcript (`labels.parse_label`); in
testimony, "Q." is the examiner a heading names ("BY MS. CHEN:") and "A." the witness.
Paragraphs without a label continue the turn above them, unless the transcript shows it leaves
some speakers unlabelled (see `_unlabel_continuations`). A line that is only a stage direction
("(CROSSTALK)", "[inaudible]") is kept as a block of its own that nobody speaks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from .casing import MINOR_WORDS
from .draft import Block, Draft
from .header import (
    air_date,
    footer_start,
    is_dateline,
    program_named,
    title_like,
    without_asides,
)
from .labels import (
    HOST_LIKE,
    Label,
    in_capitals,
    label_key,
    mixed_case_is_label,
    office_held,
    parse_label,
)
from .names import (
    OF_STATE,
    RECORD_SURNAME,
    canonical_name,
    given_name,
    is_name_suffix,
    is_title,
    opens_sentence,
    surname,
    title_of,
)
from .people import (
    SELF_INTRO,
    Roster,
    askers,
    name_runs,
    names_in_capitals,
    prose_people,
)
from .text import STAGE_DIRECTION, ends_sentence, fold, split_sentences, stops_short
from .webpage import calls_to_action, controls_run_together

TIMESTAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# A time in brackets, or the span a turn takes as Riverside prints it: "(00:00:01 - 00:00:05)".
_SPAN = rf"{TIMESTAMP}(?:\s*[-–—]\s*{TIMESTAMP})?"
_BRACKETED_STAMP = rf"\[{_SPAN}\]|\({_SPAN}\)"
_STAMP = rf"(?:{_BRACKETED_STAMP}|{TIMESTAMP}(?=\s|$))"
# Words in brackets within a label, never a time: "[Ann Lee]:", "Ann Lee [Host]:"; and what
# a person is, in parentheses, may hold a colon of its own: "Mr. BILL MOYERS (Author, "Bill
# Moyers Journal: The Conversation Continues"):".
_PART_IN_BRACKETS = r"\[[^\[\]:\n]{1,60}\]"
_ASIDE = r"\([^()\n]{1,200}\)"
_LEADING_STAMP = re.compile(rf"^\s*(?P<stamp>{_STAMP})\s*")
_LABEL = re.compile(
    rf"^(?P<label>(?:[^:\[\]()\n\t]|{_PART_IN_BRACKETS}|{_ASIDE}){{1,100}}?)"
    rf"\s*(?P<stamp>{_STAMP})?\s*:(?:\s+|$)"
    r"(?P<text>.*)$"
)
# A label in capitals with the speech run on after its colon, as NBC's pages print some:
# "GOV. CHRIS CHRISTIE:There it is--".
_UNSPACED = re.compile(r"^(?P<label>[A-Z][A-Z.'’\- ]{1,60}?):(?P<text>[A-Z“\"‘'(\[].*)$")
# A table pasted from a word processor or a spreadsheet: the name, perhaps the time, and the
# speech in cells parted by tabs.
_TABBED = re.compile(
    rf"^(?P<label>[^:\[\]\n\t]{{1,100}}?) *\t\s*(?:(?P<stamp>{_STAMP}) *\t\s*)?(?P<text>\S.*)$"
)
# A time in brackets can stand for the colon: "Ann Lee [00:01:02] Hello" (Sonix, Trint).
_STAMPED = re.compile(
    rf"^(?P<label>[^:\[\]\n]{{1,100}}?)\s+(?P<stamp>{_BRACKETED_STAMP})\s+(?P<text>\S.*)$"
)
# Depositions and print interviews: "Q. Where were you?" and "A. At home."; White House
# transcripts: "Q Mr. President, ..." (see `label_lines`). Not a name's initials: "A. L. Wirin".
_DOTTED = re.compile(r"^(?P<label>[QA])\.\s+(?![A-Z]\.\s)(?P<text>\S.*)$")
_ASKED = re.compile(r"^(?P<label>Q)\s+(?P<text>[A-Z\"“‘].*)$")
# Congressional hearings and records: an office or a courtesy title, the surname and a full stop,
# "Senator LEAHY. Judge, ...", "Mr. SMITH. I yield", "Mr. JOHNSON of Georgia. Thank you", "The
# CHAIRMAN. Without objection", "The SPEAKER pro tempore. The gentleman ..."; Senate
# hearings print the surname in mixed case ("Chairman Grassley.", "The Chairman."), taken only
# after a title or for an office (see `_split_label`).
_STOPPED = re.compile(
    r"^(?P<label>(?:(?:[A-Z][a-z]{0,3}\.|[A-Z][a-z]+)\s+){1,3}"
    rf"(?:{RECORD_SURNAME}(?:\s+{RECORD_SURNAME}){{0,2}}(?:{OF_STATE}|\s+pro\s+tempore)?"
    # (The Senate names who presides the first time: "The PRESIDING OFFICER (Mr. KAINE).")
    rf"(?:\s+\((?:[A-Z][a-z]{{0,3}}\.\s+)?{RECORD_SURNAME}\))?"
    r"|(?P<mixed>[A-Z][a-z][\w'’\-]*)))"
    r"\.\s+(?P<text>\S.*)$"
)
# A dash for the colon, "NICK ROBINSON — Good morning." (only names in capitals, see `label_lines`);
# not a tab before speech opening with a dash, "Ann Lee<tab>— is down.", a table's cells.
_DASHED = re.compile(r"^(?P<label>[^:\[\]\n\t—–]{1,100}?) +(?:—|–|--?)\s+(?P<text>\S.*)$")
# A name in capitals and a space for the colon, "ANN LEE Good evening." (pages made from PDFs);
# not "HARRY A. BLACKMUN", whose "A." is an initial, not the speech's first word, nor "W. Edward
# Morgan", a name in mixed case after an initial.
_SPACED = re.compile(
    r"^(?![A-Z]\.\s)(?P<label>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})\s+"
    r"(?P<text>(?:[A-Z][a-z]|[IA]\b(?!\.)|[\d\"“‘(\[]).*)$"
)
# A full stop after a name's last word, not an initial's ("JOHN F.") or a suffix's ("JR.").
_STOP_AFTER_NAME = re.compile(r"(?<=[A-Z'’\-]{2})(?<!\bJR)(?<!\bSR)\.$")
# The layout of automatic transcripts (Otter, for one): the speaker and the time on a line of
# their own, "Speaker 1  0:03", "Ann Lee  1:02:03", "Speaker 1 [00:00:05]", "Ann Lee (00:00:01 -
# 00:00:05)" or, as Zoom prints it, "[Ann Lee] 10:02:15", and the speech on the lines below.
_HEADING = re.compile(
    rf"^\[?(?P<label>[^:\[\]\n]{{1,100}}?)\]?\s+"
    rf"(?P<stamp>{_SPAN}|{_BRACKETED_STAMP})\s*$"
)
_DIRECTION = re.compile(rf"^\s*(?:{STAGE_DIRECTION})\s*$")
# A label set in bold or italics, as web pages and Markdown print them: "**Ann Lee:** Hello",
# "**Ann Lee**: Hello", "*Q:* Why?".
_EMPHASIS = re.compile(r"^(?P<mark>\*\*|__|\*)(?P<label>[^*_\n]{1,100}?)(?P=mark)")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A name called on: opening a paragraph ("David, ...", "So, Mr. Brooks, ..."), or after a comma
# at the end of a sentence ("Good evening, Judy.").
_VOCATIVE = re.compile(
    r"(?:^(?i:(?:so|and|now|well|but|ok|okay|all right),?\s+)?"
    r"(?i:(?:mr|mrs|ms|dr|senator|governor|congressman|congresswoman)\.?\s+)?"
    r"(?P<name>[A-Z][\w'’\-]+),|,\s+(?P<last>[A-Z][\w'’\-]+)[.!?])"
)
# The end of something said: a sentence's stop, or a quotation's or a parenthesis' close.
_SAID = re.compile(r"[.!?…\"”’)]$")
# A heading a record prints between turns, in capitals and no sentence: "ORAL ARGUMENT OF PAUL D.
# CLEMENT ON BEHALF OF THE PETITIONERS", "STATEMENT OF HON. JANE DOE, SECRETARY OF ENERGY".
_RECORD_HEADING = re.compile(
    r"^(?=[^a-z]*$)(?=(?:.*?\b[A-Z]{2,}){2})[A-Z][^\s:]*(?:\s+\S+)+[A-Z0-9]$"
)
# Words of speech, not of narration: the first and second person, but for a program's own people
# ("our host Priya Nair speaks with ...").
_SPOKEN = re.compile(
    # (Not the "I" of a word spaced out letter by letter: "P R O C E E D I N G S".)
    r"\b(?:(?<!\b\w )i(?! \w\b)|me|my|we|us|you|your|"
    r"our(?!\s+(?:own\s+)?(?:host|guest|correspondent|reporter|anchor|moderator|panel|producer)s?\b))\b",
    re.I,
)
# A name alone on its line, perhaps in brackets ("[Ann Lee]") or with an affiliation ("Ann Lee,
# Acme Corp"), the speech on the lines right below it (exports of recorded calls and podcasts):
# a label only where the layout repeats, see `label_lines`. (Speech set apart that calls on
# someone and breaks off is none: "Governor, we have actually produced more oil —".)
_NAME_LINE = re.compile(
    r"^(?P<label>[^:\[\]\n!?,;\"“”]{2,60}(?:,\s+(?P<affiliation>[^:\[\]\n!?,;\"“”]{2,60}))?)"
    r"(?:(?<![.,…—–-])|(?<=\b[JjSs][Rr]\.))$"
)
# A name alone on its line in lower case, two or three words, initials and a suffix: "michael
# barbaro", "george w. bush", "william a. kehoe, jr.".
_LOWER_NAME = re.compile(
    r"^[a-z][a-z'’-]+(?: (?:[a-z]\.|[a-z][a-z'’-]+)){0,2} [a-z][a-z'’-]+(?:,? [js]r\.)?$"
)
_BRACKETED_NAME_LINE = re.compile(r"^\[(?P<label>[^:\[\]\n!?,;\"“”]{2,60})\]$")


def seconds(stamp: str) -> float:
    """Seconds in a printed timestamp: "[01:02:03]" -> 3723.0, "(1:02.5)" -> 62.5; where it
    is a span, its start's."""
    start = re.split(r"\s*[-–—]\s*", stamp.strip("[]() "))[0]
    parts = start.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


class _Split(NamedTuple):
    start: float | None
    label: Label | None
    text: str
    upper: bool = False  # the label's name printed in capitals
    # How the label is set off when not by a colon or a time: "alone" on its line, "dotted"
    # ("Q." and "A."), "asked" ("Q" and a space), "stopped" ("Senator LEAHY."), "dashed",
    # "spaced" ("ANN LEE Good evening."), "tabbed" (a table's cells).
    layout: str = ""


_BLANK = _Split(None, None, "")


def _label_matches(plain: str, stamped: bool) -> Iterator[tuple[re.Match[str] | None, str]]:
    """The ways a line may open with a label, surest first: (match, layout)."""
    yield _LABEL.match(plain), ""
    yield _UNSPACED.match(plain), ""
    yield _STAMPED.match(plain), ""
    if not stamped:
        yield _HEADING.match(plain), ""
    yield _DOTTED.match(plain), "dotted"
    yield _ASKED.match(plain), "asked"
    yield _STOPPED.match(plain), "stopped"
    yield _DASHED.match(plain), "dashed"
    yield _SPACED.match(plain), "spaced"
    yield _TABBED.match(plain), "tabbed"
    yield _name_line(plain), "alone"
    yield _BRACKETED_NAME_LINE.match(plain), "alone"


def _name_line(plain: str) -> re.Match[str] | None:
    """A name alone on its line, with what it is affiliated to in title case if anything (not
    speech set apart that calls on someone and says more, "Governor, we have produced more oil —",
    "Mr. President, Im still speaking. (CROSSTALK)")."""
    match = _NAME_LINE.match(plain)
    affiliation = match and not _LOWER_NAME.match(plain) and match.group("affiliation")
    if affiliation and any(
        w[0].islower() and w not in MINOR_WORDS
        for w in re.findall(r"[^\W\d_][\w'’.-]*", affiliation)
    ):
        return None
    return match


def _split_label(line: str) -> _Split:
    """One line's timestamp, label and the rest of its text."""
    start = None
    stamp = _LEADING_STAMP.match(line)
    rest = line.strip()
    if stamp:
        start, rest = seconds(stamp.group("stamp")), line[stamp.end() :].strip()
    # A name set as a Markdown heading ("### Ann Lee") is one alone on its line.
    plain = _EMPHASIS.sub(r"\g<label>", MARKDOWN_HEADING.sub("", rest, count=1), count=1)
    for match, layout in _label_matches(plain, bool(stamp)):
        printed = match.group("label") if match else ""
        if layout == "spaced":
            printed = _STOP_AFTER_NAME.sub("", printed)  # "ANN LEE. Hello.": the stop ends it
        label = parse_label(printed) if match else None
        if match and layout == "alone" and _LOWER_NAME.match(match.group("label")):
            # The New York Times prints its podcasts' speakers so: "michael barbaro".
            named = parse_label(canonical_name(match.group("label")))
            label = replace(named, printed=plain) if named and named.name else None
        if label is None or (
            match.groupdict().get("mixed") and not (label.honorific or label.office)
        ):
            continue
        if match.groupdict().get("stamp"):
            start = seconds(match.group("stamp"))
        text = match.groupdict().get("text") or ""
        later = _LEADING_STAMP.match(text)
        if later:
            start, text = seconds(later.group("stamp")), text[later.end() :]
        return _Split(start, label, text.strip(), in_capitals(label), layout)
    if stamp and stamp.group("stamp")[0].isdigit() and rest:
        # A bare "1:25" opening an unlabelled line is more likely words than a timestamp.
        return _Split(None, None, line.strip())
    return _Split(start, None, rest)


def label_lines(lines: list[str]) -> list[tuple[float | None, Label | None, str]]:
    """Each line split into timestamp, accepted label and text.

    Capitalised labels are always labels. A mixed-case "Name:" (or "Name<tab>") could be the
    start of an ordinary sentence ("Here's the thing: ..."), so it counts only when the same name
    labels two lines, or when it is a first-and-last name in a transcript that has other labels.
    A name alone on its line (a time before it allowed) is a label only where it heads the speech
    on the line right below it, and it and another such name each do so at least twice; labels
    set off by a full stop, a space, a dash or a tab only where the layout repeats
    (`_set_off_layouts`).
    """
    split = [_split_label(line) if line.strip() else _BLANK for line in lines]
    # (Set-off labels first: speech below a name alone that only looks set off, "Mr. President,
    # the next question ... Governor Romney — ...", is speech the name heads.)
    split = _set_off_layouts(split, lines)
    split = _name_lines(split, lines)
    split = _colons_left_out(split, lines)
    counts = Counter(label_key(s.label) for s in split if s.label)
    capitals = any(s.upper for s in split if s.label)
    result = []
    for line, (start, label, text, upper, layout) in zip(lines, split, strict=True):
        mixed = label is not None and not upper and layout in ("", "tabbed")
        if mixed and not mixed_case_is_label(label, counts, capitals=capitals):
            start, label, text = None, None, line.strip()
        result.append((start, label, text))
    return _headline(_header_names(result, lines, counts), split, lines, counts)


def _colons_left_out(split: list[_Split], lines: list[str]) -> list[_Split]:
    """A line printing only a label in capitals that labels two lines or more elsewhere, its
    colon left out ("CHUCK TODD" alone among "CHUCK TODD:" lines), is that label."""
    printed = Counter(s.label.printed.strip() for s in split if s.label and s.upper)
    labels = {s.label.printed.strip(): s.label for s in split if s.label and s.upper}
    return [
        _Split(None, labels[line.strip()], "", True)
        if s.label is None and printed[line.strip()] >= 2
        else s
        for line, s in zip(lines, split, strict=True)
    ]


def _header_names(
    result: list[tuple[float | None, Label | None, str]], lines: list[str], counts: Counter[str]
) -> list[tuple[float | None, Label | None, str]]:
    """Lines at the top that say, in a label's layout, whom the transcript is with ("INTERVIEW:
    RACHEL REEVES, CHANCELLOR") as words: a one-word label printed once, then a full name and no
    sentence."""
    for i, (_, label, text) in enumerate(result):
        if label is None:
            continue
        named = parse_label(text) if not _SAID.search(text) else None
        once = counts[label_key(label)] == 1 and " " not in label.printed.strip()
        if not (once and named and len(named.name.split()) >= 2):
            break
        result[i] = (None, None, lines[i].strip())
    return result


def _headline(
    result: list[tuple[float | None, Label | None, str]],
    split: list[_Split],
    lines: list[str],
    counts: Counter[str],
) -> list[tuple[float | None, Label | None, str]]:
    """The first line as words where it is a headline ("The Long Game, Episode 42: Rebuilding
    trust") rather than a label: a mixed-case name printed once, the words after it no sentence,
    and below it a paragraph with no label or a line of the header ("Interviewer: Thomas Baker").
    A label with the time its speech starts ("Ann Lee  0:00"), or set off by a full stop as
    hearings print them, is no headline."""
    printed = [i for i, line in enumerate(lines) if line.strip()]
    if len(printed) < 2:
        return result
    first, below = printed[0], result[printed[1]]
    _, label, text = result[first]
    if label is None or split[first].upper or split[first].start is not None:
        return result
    if split[first].layout == "stopped":  # "Chairman Grassley. The Committee will ..."
        return result
    if counts[label_key(label)] != 1 or _SAID.search(text):
        return result
    if below[1] is None or _cast(below[1], below[2]):
        result[first] = (None, None, lines[first].strip())
    return result


def _name_lines(split: list[_Split], lines: list[str]) -> list[_Split]:
    """Names alone on their lines kept as labels where each heads the speech below it
    (`_speech_below`), and at least two names do so twice or more, or one does and three in
    capitals do; the others are words. Where the layout is so, a name that heads speech once is a label
    too if it is plainly a person's: in capitals, with a title or an office ("Mr Speaker", "Mrs
    Badenoch"), with what parliaments print after it ("(North West Essex) (Con)"), or a full
    name set as a heading or whose surname the transcript prints again."""

    def heading(names: set[str]) -> dict[int, int]:
        """The lines heading speech: each name alone's line and its speech's first line."""
        spoken = {
            i: _speech_below(split, lines, i, names)
            for i, s in enumerate(split)
            if s.layout == "alone"
        }
        return {i: below for i, below in spoken.items() if below is not None}

    # First, a name alone under another is speech where it is printed alone only once.
    alone = Counter(label_key(s.label) for s in split if s.layout == "alone")
    headed = heading({key for key, n in alone.items() if n >= 2})
    counts = Counter(label_key(split[i].label) for i in headed)
    names = {key for key, n in counts.items() if n >= 2}
    capitals = {label_key(split[i].label) for i in headed if split[i].upper}
    laid_out = len(names) >= 2 or (len(names) == 1 and len(capitals) >= 3)
    if laid_out:
        # Where the layout is so, a line alone under a name that is none of its recurring names
        # is speech: "Senator", "Can I", a fragment in lower case ("in my lifetime").
        headed = heading(names)
        # (A line that is speech under a name is no name itself: "Senator (APPLAUSE)".)
        headed = {i: below for i, below in headed.items() if i not in headed.values()}

    # Words capitalised inside a sentence, as names are ("Steve Kornacki has the numbers").
    said = Counter(w for line in lines for w in _INSIDE_A_SENTENCE.findall(line))

    def kept(s: _Split, line: str) -> bool:
        label = s.label
        plainly = s.upper or label.office or label.honorific or label.affiliation
        # (Or a full name set as a heading, "### Steve Kornacki", or whose surname the speech
        # names: Kornacki over his one report, the moderator having sent viewers to him.)
        words = label.name.split()
        full = 2 <= len(words) <= 4
        mentioned = full and (said[words[-1]] >= 2 or bool(MARKDOWN_HEADING.match(line.strip())))
        return label_key(label) in names or bool(plainly or mentioned or is_title(label.name))

    return [
        s
        if s.layout != "alone" or (i in headed and laid_out and kept(s, line))
        else _Split(None, None, line.strip())
        for i, (s, line) in enumerate(zip(split, lines, strict=True))
    ]


def _set_off_layouts(split: list[_Split], lines: list[str]) -> list[_Split]:
    """Labels set off by a full stop, a space, a dash or a tab kept only where the transcript is
    laid out so: "Q." and "A." where each opens two lines or more ("A. Lincoln wrote ..." is no
    answer); "Q" and a space twice in a transcript with two colon labels or more; "Senator
    LEAHY.", "NICK ROBINSON —", "ANN LEE Good evening" or "Ann Lee<tab>" where two names each
    open two lines so (a dateline "WASHINGTON — ..." opens one). A dash after a name in mixed
    case ("Ann Lee — Welcome back") only where the name is a full one, or a part ("Moderator"),
    and opens two lines so: speech stammers "So I'm - I'm"."""
    layouts = {"dotted", "asked", "stopped", "dashed", "spaced", "tabbed"}

    def layout(s: _Split) -> str:
        return "mixed dashed" if s.layout == "dashed" and not s.upper else s.layout

    def key(s: _Split) -> tuple[str, str]:
        return layout(s), label_key(s.label) or s.label.printed

    def set_off(s: _Split) -> bool:
        if s.layout not in layouts:
            return False
        # (In mixed case, a full name or a part: "Ann Lee", "Moderator".)
        return layout(s) != "mixed dashed" or " " in s.label.name or not s.label.name

    opened: Counter[tuple[str, str]] = Counter(key(s) for s in split if set_off(s))
    colons = sum(1 for s in split if s.label and not s.layout)
    recurring = Counter(layout for (layout, _), n in opened.items() if n >= 2)
    kept = {
        "dotted": opened["dotted", "Q"] >= 2 and opened["dotted", "A"] >= 2,
        "asked": opened["asked", "Q"] >= 2 and colons >= 2,
        "stopped": recurring["stopped"] >= 2,
        "dashed": recurring["dashed"] >= 2,
        "mixed dashed": recurring["mixed dashed"] >= 2,
        "spaced": recurring["spaced"] >= 2,
        "tabbed": recurring["tabbed"] >= 2,
    }

    def keeps(s: _Split) -> bool:
        return (
            set_off(s) and kept[layout(s)] and (layout(s) != "mixed dashed" or opened[key(s)] >= 2)
        )

    return [
        _Split(None, None, line.strip()) if s.layout in layouts and not keeps(s) else s
        for s, line in zip(split, lines, strict=True)
    ]


_INSIDE_A_SENTENCE = re.compile(
    r"(?:(?<=[a-z,;] )|(?<=\bMr\. )|(?<=\bMs\. )|(?<=\bDr\. )|(?<=\bMrs\. ))[A-Z][\w'’-]+"
)


def _speech_below(split: list[_Split], lines: list[str], i: int, names: set[str]) -> int | None:
    """The line where the speech the name alone on line `i` heads begins, if it heads any: a
    line that is no label, or a name alone that is none of `names` (those that recur)."""
    label = split[i].label
    # One capitalised word alone ("Okay", "Right") is too often speech to be read as a name.
    named = (
        split[i].upper
        or label.voice
        or label.honorific
        or not label.name
        or len(label.name.split()) >= 2
    )
    # Below it, the speech; perhaps first the time it starts, alone on a line ("Ann Lee", "0:07",
    # the speech); and, under a heading, blank lines between them (a page's "### Ann Lee", or
    # its boxes of name, time and speech).
    spaced = _headed(split[i], lines[i])

    def past_blanks(k: int) -> int:
        while spaced and k + 1 < len(split) and split[k] == _BLANK:
            k += 1
        return k

    below = past_blanks(i + 1)
    if below + 1 < len(split) and split[below].start is not None and not split[below].text:
        below = past_blanks(below + 1)
    if not named or below >= len(split):
        return None
    speech = split[below]
    if speech.label is not None and speech.layout == "alone":
        return below if label_key(speech.label) not in names else None
    return below if speech.text and speech.label is None else None


def _headed(named: _Split, line: str) -> bool:
    """Whether a name alone on its line, a blank line below it, is a heading over the speech
    after it, as a page's headings are ("### Ann Lee"): a full name, a part ("Moderator") or a
    name in capitals ("MAJOR GARRETT"), nothing after it (speech set apart as a paragraph calls
    on someone, "Senator Sanders?", "Governor Bush —")."""
    label = named.label
    full = named.upper or not label.name or len(label.name.split()) >= 2
    last = line.split()[-1]
    return full and (last[-1].isalnum() or is_name_suffix(last))


# Titles that, printed alone as a label, are an office and hardly ever a surname (unlike "KING:",
# "JUDGE:", "BISHOP:", "LORD:").
_OFFICES_ALONE = {
    "president",
    "president-elect",
    "governor",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "mayor",
    "premier",
    "minister",
    "secretary",
    "ambassador",
    "commissioner",
    "sheriff",
    "professor",
    "admiral",
    "colonel",
    "sergeant",
    "rabbi",
    "imam",
    "reverend",
}


def _titles_alone_as_offices(
    split: list[tuple[float | None, Label | None, str]],
) -> list[tuple[float | None, Label | None, str]]:
    """A label that is a title alone ("GOVERNOR:", "PRESIDENT:") is an office, shown as printed
    and never one speaker across the archive, unless it is the surname another label prints in
    full."""
    surnames = {surname(label.name) for _, label, _ in split if label and " " in label.name}

    def office(label: Label | None) -> bool:
        return bool(
            label
            and fold(label.name) in _OFFICES_ALONE - surnames
            and fold(label.name) == fold(label.honorific)
        )

    return [
        (start, replace(label, name="", honorific="", voice=label.name, office=True), text)
        if office(label)
        else (start, label, text)
        for start, label, text in split
    ]


def looks_labelled(lines: list[str]) -> bool:
    """Whether labels open the text's turns: at least a quarter of its paragraphs.

    A paragraph opens after a blank line; a labelled line always opens one, so a transcript that
    puts every turn on a line of its own, with no blank line anywhere, counts as labelled too;
    and a name alone on its line opens the one below it, a blank line between them or not.
    """
    split = label_lines(lines)
    labelled = sum(1 for _, label, _ in split if label)
    openings = 0
    heading = False  # a name alone above, the speech not begun
    for i, (_, label, text) in enumerate(split):
        if label or (text and not heading and (i == 0 or not lines[i - 1].strip())):
            openings += 1
        if label or text:
            heading = bool(label and not text)
    return labelled >= 2 and labelled >= openings / 4


def read_labelled(text: str) -> Draft:
    """Read a labelled transcript into a draft whose speech blocks carry their labels; a copied
    page's footer below the first label is not read."""
    lines = _labels_unwrapped(without_asides(text.split("\n")))
    split = label_lines(lines)
    listed = _listed_people(lines, split)
    split = [
        (None, None, line.strip()) if i in listed else s
        for i, (line, s) in enumerate(zip(lines, split, strict=True))
    ]
    split = _titles_alone_as_offices(split)
    first_label = next((i for i, (_, label, _) in enumerate(split) if label), len(lines))
    end = footer_start(lines, first_label)
    lines, split = lines[:end], split[:end]
    cast = _cast_lines(split)
    apart = cast.keys() | _header_fields(lines[:first_label])
    # Blank lines separate paragraphs, or nothing does and the lines are wrapped at a width.
    wraps = any(not line.strip() for line in lines) or _wrapped(split)
    capitals = _mostly_in_capitals(split)
    chapters = _chapter_titles(split)

    def is_heading(i: int) -> bool:
        """A heading between turns: a record's, where speech is not in capitals too, or a
        podcast's chapter ("## Why prices rose", or "Plasma physics" alone before a label)."""
        _, label, body = split[i]
        if i <= first_label or label:
            return False
        if MARKDOWN_HEADING.match(body) or i in chapters:
            return True
        return not capitals and bool(_RECORD_HEADING.match(body))

    indents = _indents_paragraphs(lines, split)
    draft = Draft(format="labelled")
    pending_start: float | None = None
    previous_blank = True
    blanks = 0
    label_lines_of: dict[int, str] = {}  # block index -> the label line that opened it
    for i, (line, (start, label, body)) in enumerate(zip(lines, split, strict=True)):
        if not line.strip():
            previous_blank = True
            blanks += 1
            continue
        if i in apart:
            label, body, previous_blank = None, line.strip(), True  # a header line, as printed
        elif _EXAMINED_BY.match(line.strip()) or is_heading(i):
            # A heading, set apart as a direction is (a Markdown one without its marks).
            label, body = None, MARKDOWN_HEADING.sub("", line.strip())
        if start is not None and label is None and not body:
            heading = draft.blocks and draft.blocks[-1].label and not draft.blocks[-1].paragraphs
            if heading and draft.blocks[-1].start is None:
                draft.blocks[-1].start = start  # the time below a name dates that name's turn
            else:
                pending_start = start  # a timestamp on a line of its own dates the next turn
            continue
        start = start if start is not None else pending_start
        if label is not None:
            label_lines_of[len(draft.blocks)] = line.strip()
            draft.blocks.append(Block([body] if body else [], label=label, start=start))
            pending_start = None
        elif is_heading(i) and not previous_blank and is_heading(i - 1):
            draft.blocks[-1].paragraphs[-1] += " " + body  # a heading wrapped at a width
        elif (
            (_DIRECTION.match(body) or _EXAMINED_BY.match(body))
            and (previous_blank or not wraps or bool(_SAID.search(lines[i - 1].rstrip())))
            or is_heading(i)
        ):
            # (A direction that the wrapping of a paragraph brought to a line start, mid-sentence,
            # stays in it; a heading in capitals is set apart wherever it stands.)
            draft.blocks.append(Block([body], separation="turn", start=start, direction=True))
            pending_start = None
        elif not draft.blocks:
            draft.blocks.append(Block([body], start=start))
            pending_start = None
        elif draft.blocks[-1].direction:
            # Speech resumes after "(CROSSTALK)": the last label printed still holds.
            resumed = next((b.label for b in reversed(draft.blocks) if not b.direction), None)
            draft.blocks.append(Block([body], label=resumed, start=start))
            pending_start = None
        elif (
            draft.blocks[-1].paragraphs
            and (wraps or indents)
            and not previous_blank
            and split[i][0] is None  # (a line of its own time is no wrapped line)
            and not _new_list_item(lines[i - 1], line)
            and not _LOGO.match(line.strip())
        ):
            if indents and line[:1].isspace() and _SAID.search(lines[i - 1].rstrip()):
                draft.blocks[-1].paragraphs.append(body)
            else:
                draft.blocks[-1].paragraphs[-1] += " " + body
        else:
            draft.blocks[-1].blanks_before[len(draft.blocks[-1].paragraphs)] = blanks
            draft.blocks[-1].add_paragraph(body, start)
            pending_start = None
        previous_blank = i in apart  # the header's next line is a paragraph of its own too
        blanks = 0
    draft.blocks = _directions_apart(_keep_labels_of_nothing(draft.blocks, label_lines_of))
    _drop_page_controls(draft)
    _take_title(draft)
    _name_office_holders(draft)
    _take_preamble(draft)
    header = [draft.title, *draft.summary.split("\n\n")]
    draft.air_date, draft.program = air_date(header), program_named(header)
    _headline_under_program(draft)
    _play_cast(draft, list(cast.values()))
    _name_the_examination(draft)
    _name_from_headings(draft)
    _self_introductions_apart(draft)
    _unlabel_continuations(draft)
    return draft


# Headings over the people a transcript lists before it begins, their names on the lines below
# ("PARTICIPANTS:", "MODERATOR:", as the Commission on Presidential Debates prints them; a
# court's "APPEARANCES:", counsel with whom they appear for).
_LISTINGS = {
    "appearances",
    "participants",
    "panelists",
    "panel",
    "moderator",
    "moderators",
    "hosts",
    "guests",
    "speakers",
    "candidates",
    "witnesses",
    "present",
}


# A paragraph of such a list that may be a sentence: a name in capitals, then what they are
# ("PAUL D. CLEMENT, ESQUIRE, Alexandria, Virginia; on behalf of the Petitioners.").
_LISTED = re.compile(r"^[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*)+,")


def _listed_people(
    lines: list[str], split: list[tuple[float | None, Label | None, str]]
) -> set[int]:
    """The lines above the speech that list people under such a heading, heading included, by
    index: the header, as printed, where the heading had been taken for a speaker's label and
    the names for their words."""
    listed: set[int] = set()
    i = 0
    while i < len(split):
        _, label, text = split[i]
        if label is None:
            i += 1
            continue
        below = i + 1
        while below < len(lines) and split[below][1] is None:
            below += 1
        names = [line.strip() for line in lines[i + 1 : below]]
        if text or label.printed.lower() not in _LISTINGS or not any(names):
            break
        if not _lists_people(names):
            break  # speech under a part's label
        listed.update(range(i, below))
        i = below
    return listed


def _lists_people(lines: list[str]) -> bool:
    """Whether the lines under a listing's heading list people, not speech: no sentence but in a
    paragraph that opens with a name in capitals, and stage directions ("(10:02 a.m.)") aside."""
    named = False  # whether the paragraph so far opens with a name
    for line in lines:
        named = named if line else False
        if not line or _DIRECTION.match(line):
            continue
        named = named or bool(_LISTED.match(line))
        if not named and ends_sentence(line):
            return False
    return True


# A header's line giving one fact: "Interviewer: Thomas Reed", "Date: March 3, 2019".
_FIELD = re.compile(r"^[A-Z][a-z]+(?: [A-Za-z]+){0,2}:\s+\S(?:\S*\s+){0,7}\S*$")


# A chapter's title: two to eight words and no punctuation but within words ("Plasma physics").
_CHAPTER = re.compile(r"^[A-Z][\w'’&]*(?:-[\w'’&]+)*(?: [\w'’&]+(?:-[\w'’&]+)*){1,7}$")


def _chapter_titles(split: list[tuple[float | None, Label | None, str]]) -> set[int]:
    """The lines that are chapters' titles, as podcasts print them between turns ("Plasma
    physics"), by index: a few words alone between blank lines, in no sentence and no one's first
    or second person, after a sentence's end and right before a label; where two lines or more
    are so (speech broken off, "Stop playing", is once)."""

    def printed(j: int) -> bool:
        return bool(split[j][1] or split[j][2])

    def title(i: int) -> bool:
        body = split[i][2]
        if split[i][1] or not _CHAPTER.match(body):
            return False
        if opens_sentence(body.split()[0]) or _SPOKEN.search(body):
            return False
        before = next((j for j in range(i - 1, -1, -1) if printed(j)), i)
        after = next((j for j in range(i + 1, len(split)) if printed(j)), i)
        return (
            before < i - 1
            and ends_sentence(split[before][2])
            and after > i + 1
            and split[after][1] is not None
        )

    titles = {i for i in range(len(split)) if title(i)}
    return titles if len(titles) >= 2 else set()


# A label in capitals run into the line after a sentence's end: "... in Washington. MIKE JOHNSON:
# Good morning.", "(End VT) DONALD TRUMP (President of the United States): The military's ...".
_RUN_IN_LABEL = re.compile(
    r"(?<=[.!?…)\]\"”’'])[ \t]+"
    r"(?P<label>(?P<title>[A-Z][a-z]{1,4}\.[ \t]+)?(?P<name>[A-Z][A-Z.'’\- ]{1,60}?)"
    r"(?:[ \t]*\([^()\n]{1,80}\))?(?:,[^:\n]{1,80}?)?):[ \t]+(?=\S)"
)


def labels_run_in(text: str) -> str:
    """Text whose labels a copy ran into its lines (a page flattening a transcript into one
    paragraph) with each such label opening a paragraph: where three or more labels in capitals
    naming two people or more follow a sentence's end mid-line, and a name among them recurs."""
    found = [
        (m, label)
        for m in _RUN_IN_LABEL.finditer(text)
        if (label := parse_label(m["label"]))
        and not any(c.islower() for c in m["name"])
        and (not m["title"] or stops_short(m["title"].strip()))  # "Mr. JOHNSON:"
        and not stops_short(text[: m.start()].rsplit(None, 1)[-1])  # "HORACE S. MANGES:"
    ]
    names = Counter(label_key(label) for _, label in found if label.name)
    if len(names) < 2 or names.total() < 3 or names.most_common(1)[0][1] < 2:
        return text
    pieces, at = [], 0
    for m, _ in found:
        pieces += [text[at : m.start()], "\n\n"]
        at = m.start("label")
    return "".join(pieces) + text[at:]


# The first line of a label wrapped at a width: a name in capitals, then what they are, up to a
# comma ("BRYAN MCKUNE, Manager of Pilot Development," over "Alaska Airlines: It's ...").
_LABEL_HEAD = re.compile(r"^[A-Z][A-Z.'’\- ]+,[^:]*,$")
_LABEL_TAIL = re.compile(r"^(?P<tail>[^:]{1,80}):\s+\S")


def _labels_unwrapped(lines: list[str]) -> list[str]:
    """The lines, with a label a width wrapped over two lines on one."""
    unwrapped: list[str] = []
    for line in lines:
        head = unwrapped[-1].strip() if unwrapped else ""
        tail = _LABEL_TAIL.match(line.strip())
        if _LABEL_HEAD.match(head) and tail and parse_label(f"{head} {tail['tail']}"):
            unwrapped[-1] = f"{head} {line.strip()}"
        else:
            unwrapped.append(line)
    return unwrapped


def _header_fields(header: list[str]) -> set[int]:
    """The lines above the first label that give one fact each, under a name and a colon or a
    date alone, by index: lines of their own, not a summary's wrapped lines to join; and a
    headline over them, a first line ending no sentence far short of the lines below it
    ("Episode Transcript" over an automatic transcript's notice)."""
    fields = {i for i, line in enumerate(header) if _FIELD.match(line.strip()) or is_dateline(line)}
    lines = [line.strip() for line in header]
    if len(lines) >= 2 and lines[0] and lines[1][:1].isupper() and not _SAID.search(lines[0]):
        fields |= {0} if len(lines[0]) * 2 < max(map(len, lines[1:])) else set()
    return fields


def _headline_under_program(draft: Draft) -> None:
    """Where the first line is the program's name (CNN's "ANDERSON COOPER 360"), the line below
    it is the title, where it is a headline ("Interview With Senator Mark Ellis; Storms Hit
    Midwest. Aired 8-9p ET") and not when the program aired or a notice in capitals."""
    if not draft.program or draft.title != draft.program:
        return
    below, *rest = draft.summary.split("\n\n")
    if below and len(below.split()) <= 30 and not below.isupper() and not air_date([below]):
        draft.title, draft.summary = below, "\n\n".join(rest)


def _mostly_in_capitals(split: list[tuple[float | None, Label | None, str]]) -> bool:
    """Whether most lines of speech are printed in capitals, as captions' often are."""
    texts = [text for _, _, text in split if text]
    return sum(1 for text in texts if not any(c.islower() for c in text)) * 2 > len(texts)


def _wrapped(split: list[tuple[float | None, Label | None, str]]) -> bool:
    """Whether most lines stop short of a sentence's end, as lines wrapped at a width do."""
    texts = [text for _, _, text in split if text]
    return sum(1 for text in texts if not _SAID.search(text)) * 2 > len(texts)


def _indents_paragraphs(
    lines: list[str], split: list[tuple[float | None, Label | None, str]]
) -> bool:
    """Whether the text is wrapped at a fixed width with each paragraph's first line indented,
    as hearing records are: an indented line goes on, unlabelled, on a line flush left."""
    return any(
        line[:1].isspace() and after.strip() and not after[:1].isspace() and not below[1]
        for line, after, below in zip(lines[:-1], lines[1:], split[1:], strict=True)
    )


def _cast_lines(split: list[tuple[float | None, Label | None, str]]) -> dict[int, _Casting]:
    """The lines above the speech that say who plays a part or a numbered voice ("Interviewer:
    Thomas Baker", "HOST: Dana Whitfield", "Speaker 1: Ann Lee (host)"), by index; two at least,
    for one such line could be a moderator's "Good Evening" without its full stop."""
    cast: dict[int, _Casting] = {}
    for i, (_, label, text) in enumerate(split):
        if label is None:
            continue
        named = _cast(label, text)
        if named is None:
            break
        cast[i] = _Casting(_part(label), named)
    return cast if len(cast) >= 2 else {}


class _Casting(NamedTuple):
    part: str  # a part's role, or a numbered voice's key
    person: Label


def _part(label: Label) -> str:
    """What a nameless label prints: a numbered voice ("Speaker 1") or a part ("HOST")."""
    return label_key(label) if label.voice else label.role


def _cast(label: Label, text: str) -> Label | None:
    """The person a label line casts in the part or voice it prints ("HOST: Dana Whitfield"),
    if it does, with the part it plays."""
    nameless = not label.name and (label.voice or label.role != "unknown")
    said = re.search(r"[.!?…\"”]$", text)  # a sentence, not a name (perhaps "(host)" after it)
    named = parse_label(text) if nameless and not said else None
    if named is None or len(named.name.split()) < 2:
        return None
    return replace(named, role=named.role if label.voice else label.role)


def _play_cast(draft: Draft, cast: list[_Casting]) -> None:
    """Labels that print a part ("INTERVIEWER:"), a voice ("Speaker 1:") or initials ("TB:")
    name the person the header casts so or whose initials they are ("Interviewer: Thomas Baker";
    people the title or the summary names, or a label named in full above, count for initials
    too), printed as they were, where one fits."""
    by_part = {casting.part: casting.person for casting in cast}
    if len(by_part) < len(cast):
        by_part = {}  # two people cast in one part: the part's label names neither
    header = f"{draft.title}\n\n{draft.summary}"
    summary = [parse_label(printed) for printed, _, _ in prose_people(header)]
    by_initials: dict[str, dict[str, Label]] = {}
    for person in [*(casting.person for casting in cast), *summary]:
        if person and person.name:
            by_initials.setdefault(_initials(person.name), {}).setdefault(person.name, person)
    for block in draft.blocks:
        label = block.label
        if label is None:
            continue
        people = by_initials.get(label.printed, {}) if label.printed.isupper() else {}
        if not label.name and _part(label) in by_part:
            block.label = replace(by_part[_part(label)], printed=label.printed)
        elif label.name and len(people) == 1:
            block.label = replace(*people.values(), printed=label.printed)
        elif _initials(label.name):  # "LAURA KUENSSBERG:", and "LK:" after
            by_initials.setdefault(_initials(label.name), {}).setdefault(label.name, label)


# Testimony's headings, in capitals, say who puts the questions from there on: "BY MR. HARTLEY:",
# "CROSS-EXAMINATION BY MS. PARK:", "REDIRECT EXAMINATION" (the examiner's line to follow).
_EXAMINED_BY = re.compile(
    r"^(?=[^a-z]*$)(?:(?:(?:RE)?DIRECT|(?:RE)?CROSS|FURTHER)[- ]?)*"
    r"(?:EXAMINATION|(?:EXAMINATION\s+)?BY\s+(?P<label>[^:]{2,60}?)):?$"
)
# The witness, as the header or the court reporter names them: "DEPOSITION OF MARK ELLISON",
# "MARK ELLISON, having been first duly sworn, testified as follows:".
_WITNESS = re.compile(
    r"\b(?:DEPOSITION|TESTIMONY)\s+OF\s+(?P<title>[^,;\n]{2,60})|"
    r"(?:^|\n)(?P<sworn>[^,;\n]{2,60}),\s+(?:having\s+been|being|was)\s+(?:first\s+)?(?:duly\s+)?"
    r"(?:sworn|affirmed)",
    re.I,
)


def _name_the_examination(draft: Draft) -> None:
    """In testimony, "Q." is whoever the heading above it says examines, and "A." and "THE
    WITNESS:" are the witness, where the transcript names them (see `_EXAMINED_BY`,
    `_WITNESS`), printed as they were."""
    witness = _witness(draft)
    examiner: Label | None = None
    for block in draft.blocks:
        heading = _EXAMINED_BY.match(block.text) if block.direction else None
        if heading:
            examiner = parse_label(heading.group("label") or "") or examiner
            continue
        label = block.label
        if label is None or label.name:
            continue
        if label.role == "host" and label.printed.upper() == "Q" and examiner and examiner.name:
            block.label = replace(examiner, printed=label.printed, role="host")
        elif label.role == "guest" and label.printed.upper() in {"A", "THE WITNESS"} and witness:
            block.label = replace(witness, printed=label.printed, role="guest")


def _name_from_headings(draft: Draft) -> None:
    """Labels that print a surname alone ("MR. CLEMENT:") name the person a heading in capitals
    names in full ("ORAL ARGUMENT OF PAUL D. CLEMENT"), where it names one such."""
    surnames = {
        surname(b.label.name) for b in draft.blocks if b.label and " " not in b.label.name.strip()
    } - {""}
    headings = [draft.title, draft.summary, *(b.text for b in draft.blocks if b.direction)]
    named: dict[str, set[str]] = {}
    for printed in names_in_capitals("\n".join(headings), surnames):
        full = parse_label(printed)
        if full and full.name:
            named.setdefault(surname(full.name), set()).add(full.name)
    for block in draft.blocks:
        label = block.label
        if label and " " not in label.name.strip() and len(named.get(surname(label.name), ())) == 1:
            (name,) = named[surname(label.name)]
            block.label = replace(label, name=name)


def _witness(draft: Draft) -> Label | None:
    """The witness whom the title or a paragraph that nobody speaks names."""
    unspoken = [block.text for block in draft.blocks if block.label is None]
    for text in (draft.title, draft.summary, *unspoken):
        found = _WITNESS.search(text)
        named = parse_label(found.group("title") or found.group("sworn")) if found else None
        if named and len(named.name.split()) >= 2:
            return named
    return None


def _initials(name: str) -> str:
    """A name's initials as a label prints them ("TB" for Thomas Baker), "" for one word."""
    capitals = [word[0] for word in name.split() if word[:1].isupper()]
    return "".join(capitals) if len(capitals) >= 2 else ""


def _directions_apart(blocks: list[Block]) -> list[Block]:
    """Blocks where a labelled speaker's paragraph after the first is a stage direction and
    nothing else, as one wrapped over two lines becomes ("(Whereupon, at 12:22 p.m., the case
    was" over "submitted.)"), parted there: the direction nobody's words, the speech after it
    the same label's."""
    parted: list[Block] = []
    for block in blocks:
        if block.label is None or not any(map(_DIRECTION.match, block.paragraphs[1:])):
            parted.append(block)
            continue
        piece = replace(block, paragraphs=[], paragraph_starts={}, blanks_before={})
        for k, paragraph in enumerate(block.paragraphs):
            start = block.paragraph_starts.get(k)
            if k and _DIRECTION.match(paragraph):
                parted += [piece] if piece.paragraphs else []
                parted.append(Block([paragraph], separation="turn", start=start, direction=True))
                piece = Block([], label=block.label)
            else:
                if k and not piece.paragraphs:
                    piece.start = start
                elif k in block.blanks_before:
                    piece.blanks_before[len(piece.paragraphs)] = block.blanks_before[k]
                piece.add_paragraph(paragraph, start if piece.paragraphs else None)
        parted += [piece] if piece.paragraphs else []
    return parted


def _keep_labels_of_nothing(blocks: list[Block], label_lines_of: dict[int, str]) -> list[Block]:
    """Blocks with speech, where a label line that labels nothing is kept as words.

    A label line labels nothing when the next speech after it, stage directions aside, opens with
    a label line of its own or never comes: "A:" at the end of a transcript is more likely the
    last words of the turn above than a speaker who said nothing, and no word is ever dropped.
    """
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if block.paragraphs:
            kept.append(block)
            continue
        following = next((j for j in range(i + 1, len(blocks)) if not blocks[j].direction), None)
        if following is not None and following not in label_lines_of:
            continue  # speech resumes after a stage direction under this label
        words = label_lines_of[i]
        if kept and not kept[-1].direction:
            kept[-1].paragraphs.append(words)
        else:
            kept.append(Block([words], start=block.start))
    return kept


def _name_office_holders(draft: Draft) -> None:
    """An office's labels are the person the title or an earlier label names as its holder,
    printed as they were: under "Remarks by President Biden", "THE PRESIDENT" is Biden; after
    "The Prime Minister (Keir Starmer)", "The Prime Minister" is Keir Starmer."""
    holders: dict[str, Label] = {}
    for _, _, run in name_runs(draft.title):
        named = parse_label(run)
        if named and named.name and title_of(named.honorific):
            holders.setdefault(title_of(named.honorific), named)
    offices = {office_held(b.label) for b in draft.blocks if b.label and not b.label.name} - {""}
    for office, holder in _holders_addressed(draft, offices - holders.keys()).items():
        holders[office] = holder
    for block in draft.blocks:
        office = office_held(block.label) if block.label else ""
        if not office:
            continue
        if block.label.name:
            holders[office] = block.label
        elif office in holders:
            block.label = replace(holders[office], printed=block.label.printed)


def _holders_addressed(draft: Draft, offices: set[str]) -> dict[str, Label]:
    """Who holds each of `offices`, where others address one person by it ("Thank you, Chairman
    Lee, and members of the committee"), named in full where the summary does ("Hon. Mike Lee,
    chairman, presiding"). Not someone labelled by name: an office's label is not them."""
    labelled = {surname(b.label.name) for b in draft.blocks if b.label and b.label.name}
    in_summary: dict[str, list[Label]] = {}
    for printed, _, _ in prose_people(draft.summary):
        person = parse_label(printed)
        if person and " " in person.name:
            in_summary.setdefault(surname(person.name), []).append(person)
    holders: dict[str, Label] = {}
    for office in offices:
        # Others address the holder so; the holder addressing another by it ("THE PRESIDENT:
        # Thank you, President Obama") is not.
        speech = "\n".join(
            b.text for b in draft.blocks if b.label and office_held(b.label) != office
        )
        words = r"\s+".join(re.escape(word) for word in office.split())
        addressed = re.finditer(
            rf"(?m:^|,\s+)(?i:{words})\s+(?P<name>[A-Z][\w'’-]+)(?=[,.?!])", speech
        )
        names = {surname(m.group("name")): m.group("name") for m in addressed}
        if len(names) != 1 or names.keys() & labelled:
            continue
        ((key, name),) = names.items()
        full = in_summary.get(key, [])
        holder = full[0] if len(full) == 1 else parse_label(f"{office.title()} {name}")
        if holder and holder.name:
            holders[office] = replace(holder, honorific=office.title())
    return holders


def _title_run_into_summary(draft: Draft) -> bool:
    """Take the title where the first line runs it into the page's summary, as a page's own
    title and description copied together do ("Improving the World's View of America At a time
    when ..."), and the page prints the title again on a line of its own below."""
    first = draft.blocks[0]
    opening = first.paragraphs[0]
    for paragraph in first.paragraphs[1:]:
        rest = opening[len(paragraph) :]
        if title_like(paragraph) and opening.startswith(paragraph) and rest[:1].isspace():
            draft.title, draft.summary = paragraph, rest.strip(" :|-–—")
            del first.paragraphs[0]
            # (The page prints both again above the transcript, which may begin unlabelled.)
            unlabelled = next(
                (i for i, b in enumerate(draft.blocks) if b.label or b.direction), len(draft.blocks)
            )
            for block in draft.blocks[:unlabelled]:
                block.paragraphs = [
                    p for p in block.paragraphs if p not in (draft.title, draft.summary)
                ]
            draft.blocks = [b for b in draft.blocks if b.paragraphs]
            return True
    return False


_LIST_ITEM = re.compile(r"^\s*[•·▪●◦‣∙►▸]\s*")
_MARKUP = re.compile(r"^<[a-z][a-z0-9]*\b[^<>]*>$", re.I)
_LOGO = re.compile(r"^(?:\S+\s+){1,3}logo$", re.I)
# A page's notice about the reader's browser ("IE 11 is not supported. For an optimal experience
# visit our site on another browser.", "Please enable JavaScript", "This site uses cookies").
_NOTICE = re.compile(
    r"^(?=.*\b(?:browser|javascript|cookies)\b)(?=.*\b(?:supported|enable|accept|uses)\b)"
    r"(?:\S+\s+){0,29}\S+$",
    re.I,
)


def _take_title(draft: Draft) -> None:
    """A short unlabelled first line above the first label is the transcript's title; on a
    copied page, the first after its controls ("Leave your feedback", "Share", "Transcript") and
    its section's name ("Politics")."""
    if len(draft.blocks) < 2 or draft.blocks[0].label is not None or draft.blocks[0].direction:
        return
    first = draft.blocks[0]
    if _title_run_into_summary(draft):
        return
    controls = 0
    while controls < len(first.paragraphs) - 1 and controls_run_together(
        first.paragraphs[controls]
    ):
        controls += 1
    at = controls if title_like(first.paragraphs[controls]) else 0
    # A section's name above the headline ("Politics"), as news sites print it, is no title.
    if len(first.paragraphs[at].split()) == 1 and at + 1 < len(first.paragraphs):
        at += title_like(first.paragraphs[at + 1]) and not is_dateline(first.paragraphs[at + 1])
    heading = first.paragraphs[at]
    if len(heading.split()) <= 15 and not re.search(r"[.,;:]$", heading):
        draft.title = MARKDOWN_HEADING.sub("", heading)
        del first.paragraphs[: at + 1]
        if not first.paragraphs:
            draft.blocks.pop(0)


def _new_list_item(above: str, line: str) -> bool:
    """Whether `line` is no wrapped part of the line above but a list's next item, or what
    follows the list: a page's controls copied as a list ("• Download" over "• Transcript")."""
    if _LIST_ITEM.match(line):
        return True
    indent = len(line) - len(line.lstrip())
    return bool(_LIST_ITEM.match(above)) and indent <= len(above) - len(above.lstrip())


def _drop_page_controls(draft: Draft) -> None:
    """A web page's furniture above the first label, copied with the transcript, is neither its
    summary nor anyone's words: its controls ("Leave your feedback", "• Download", "Transcript"),
    a player's markup copied as text, a logo's name ("NPR logo"), a notice about the browser,
    and the headline again. What follows its last link to the transcript is the transcript."""
    if len(draft.blocks) < 2 or draft.blocks[0].label is not None or draft.blocks[0].direction:
        return
    first = draft.blocks[0]
    kept: list[int] = []  # the paragraphs kept, by index
    said: set[str] = set()
    opens = 0  # where the page's own words end: after its last link to the transcript
    for k, paragraph in enumerate(first.paragraphs):
        bare = _LIST_ITEM.sub("", paragraph)
        if calls_to_action(bare) and "transcript" in bare.lower():
            opens = len(kept)
        elif not (
            calls_to_action(bare)
            or _MARKUP.match(bare)
            or _LOGO.match(bare)
            or _NOTICE.search(bare)
        ):
            again = paragraph in said and title_like(paragraph) and not _SAID.search(paragraph)
            kept += [] if again else [k]
            said.add(paragraph)
    if opens == 0 and len(kept) == len(first.paragraphs):
        return
    # ("Read the Full Transcript" between the page's summary and an unlabelled anchor's words.)
    draft.blocks[:1] = [
        replace(
            first,
            paragraphs=[first.paragraphs[k] for k in piece],
            start=first.paragraph_starts.get(piece[0], first.start) if piece[0] else first.start,
            paragraph_starts={
                n: first.paragraph_starts[k]
                for n, k in enumerate(piece)
                if n and k in first.paragraph_starts
            },
            blanks_before={},
        )
        for piece in (kept[:opens], kept[opens:])
        if piece
    ]


def _take_preamble(draft: Draft) -> None:
    """Unlabelled paragraphs above the first label that nobody says in the first or second
    person ("The Economist sat down with ...", a broadcaster's "Aired March 3, 2021") introduce
    the transcript: its summary, not a turn. From the first paragraph in "I" or "you" on, the
    text is the speech of someone whose label the transcript leaves out, and stays a turn."""
    if draft.summary or len(draft.blocks) < 2 or draft.blocks[0].label is not None:
        return
    first = draft.blocks[0]
    if first.direction or not any(b.label for b in draft.blocks[1:]):
        return
    narration = 0
    while narration < len(first.paragraphs) and not _SPOKEN.search(first.paragraphs[narration]):
        narration += 1
    if not narration:
        return
    draft.summary = "\n\n".join(MARKDOWN_HEADING.sub("", p) for p in first.paragraphs[:narration])
    del first.paragraphs[:narration]
    if not first.paragraphs:
        draft.blocks.pop(0)


def _self_introductions_apart(draft: Draft) -> None:
    """Unlabelled paragraphs in which one person, then another, says who they are ("Hey, I'm
    Kelly McEvers." over "And I'm Eric Mennel.", two hosts opening their show) are the turns of
    two people, whom the engine tells apart."""
    blocks: list[Block] = []
    for block in draft.blocks:
        cuts = [] if block.label or block.direction else _self_introduced(block.paragraphs)
        if not cuts:
            blocks.append(block)
            continue
        for begin, end in zip([0, *cuts], [*cuts, len(block.paragraphs)], strict=True):
            piece = replace(
                block,
                paragraphs=block.paragraphs[begin:end],
                paragraph_starts={
                    k - begin: t for k, t in block.paragraph_starts.items() if begin < k < end
                },
            )
            if begin:
                piece.separation, piece.start = "soft", block.paragraph_starts.get(begin)
                piece.end, piece.blanks_before = None, {}
            blocks.append(piece)
    draft.blocks = blocks


def _self_introduced(paragraphs: list[str]) -> list[int]:
    """Where, among paragraphs, someone other than the last to say who they were opens by
    saying who they are."""
    cuts, introduced = [], None
    for k, paragraph in enumerate(paragraphs):
        found = SELF_INTRO.search(split_sentences(paragraph)[0]) if paragraph.strip() else None
        if found and introduced and found.group("name") != introduced:
            cuts.append(k)
        introduced = found.group("name") if found else introduced
    return cuts


def _unlabel_continuations(draft: Draft) -> None:
    """Where the transcript labels some speakers and not others (a page that labels its guests,
    never its host, or its host only once), every paragraph without a label of its own is set
    apart, for the engine to decide who says it, rather than taken for the labelled speaker's next
    paragraph; and a labelled person who speaks unlabelled is a host.

    It shows it does where someone calls on a person the summary names and no label does ("Good
    evening, Judy."); where others call on a labelled person three times or more, and over twice
    as often as their label is printed (a questioner from the audience is called on twice; a host
    labelled "MODERATOR:" after their first turn speaks labelled); where, twice or more, a
    paragraph under a label calls on the very person the label names ("DAVID BROOKS: ..." then
    "David, ...", by a name no other label shares; once could be a slip of the transcript's);
    where the labels name a person again over paragraphs of no label (`_relabelled`); or where
    the host the summary names is no one's label and a paragraph going on under a label asks.
    Where the page sets turns further apart than paragraphs, a turn keeps its paragraphs.
    """
    labelled = [block for block in draft.blocks if block.label and block.label.name]
    who, labelled_people = _label_people(list(dict.fromkeys(b.label.name for b in labelled)))
    names = Counter(n for name in set(who.values()) for n in _called_by(name))
    person = {n: name for name in set(who.values()) for n in _called_by(name) if names[n] == 1}
    unnamed = {
        given_name(printed)
        for printed, _, _ in prose_people(draft.summary)
        if len(printed.split()) <= 3 and given_name(printed) not in names
    } - {""}
    calls_unnamed = any(_called(p) & unnamed for block in labelled for p in block.paragraphs)
    calls_itself = 0
    called: Counter[str] = Counter()  # paragraphs calling on each labelled person, by others
    for block in labelled:
        speaker = who[block.label.name]
        for i, paragraph in enumerate(block.paragraphs):
            people = {person[n] for n in _called(paragraph) if n in person}
            calls_itself += bool(i and speaker in people)
            called.update(people - {speaker})
    printed = Counter(who[block.label.name] for block in labelled)
    hosts_unnamed = any(
        b.label and not b.label.name and b.label.role in HOST_LIKE for b in draft.blocks
    )
    silent = {
        name for name, n in called.items() if n >= 3 and n > 2 * printed[name] and not hosts_unnamed
    }
    relabelled = _relabelled(draft.blocks, who)
    # The host the summary names ("Jim Lehrer puts questions to Ann Lee and Bob Cole.") whom no
    # label names, where labels name two people or more and no part is a host's, and a
    # paragraph going on under a label asks, as the unlabelled host does.
    told = {p for p, _, subject in prose_people(draft.summary) if subject} | askers(draft.summary)
    host_unlabelled = (
        len(set(who.values())) >= 2
        and not hosts_unnamed
        and any(p.rstrip().endswith("?") for block in labelled for p in block.paragraphs[1:])
        and any(not (labelled_people.find(p) or labelled_people.find(surname(p))) for p in told)
    )
    if not (calls_unnamed or silent or calls_itself >= 2 or relabelled or host_unlabelled):
        return
    turn_gap = _turn_gap(draft.blocks)
    blocks: list[Block] = []
    for block in draft.blocks:
        label = block.label
        if label and who.get(label.name) in silent and label.role == "unknown":
            label = replace(label, role="host")
        blocks.append(replace(block, paragraphs=block.paragraphs[:1], label=label))
        for k, paragraph in enumerate(block.paragraphs[1:], 1):
            if turn_gap is None or label is None:
                blocks.append(Block([paragraph], separation="soft"))
            elif block.blanks_before.get(k, 0) >= turn_gap:
                blocks.append(Block([paragraph], separation="turn"))
            else:
                blocks[-1].paragraphs.append(paragraph)
    draft.blocks = blocks
    draft.labels_guests = True
    draft.guests_labelled_each_turn = relabelled


def _turn_gap(blocks: list[Block]) -> int | None:
    """The blank lines that part turns where a page sets its turns further apart than their
    paragraphs: a wider gap than the narrowest between paragraphs, seen twice or more. None
    where every gap is alike, and a paragraph without a label may be anyone's."""
    gaps = Counter(n for block in blocks if block.label for n in block.blanks_before.values())
    return next((n for n in sorted(gaps)[1:] if sum(gaps[m] for m in gaps if m >= n) >= 2), None)


def _relabelled(blocks: list[Block], who: dict[str, str]) -> bool:
    """Whether the labels keep naming again the person they named last, over paragraphs of no
    label: a page that labels every answer of its guest and none of the host's questions between.

    A transcript labelling everyone names a person again only after someone else, or a direction
    ("(SOUNDBITE OF MUSIC)"), has come between."""
    again = 0
    for before, after in zip(blocks, blocks[1:], strict=False):
        if before.label and before.label.name and after.label and after.label.name:
            again += (
                len(before.paragraphs) > 1
                and not before.direction
                and not after.direction
                and who[before.label.name] == who[after.label.name]
            )
    labelled = sum(bool(b.label and b.label.name) for b in blocks)
    return again >= 2 and 10 * again >= labelled


def _label_people(names: list[str]) -> tuple[dict[str, str], Roster]:
    """Each name the labels print, mapped to the name of its person as the roster resolves it:
    "Inskeep" after "Steve Inskeep" is him (a surname two full names share names neither); and
    that roster."""
    roster = Roster()
    for name in names:
        roster.add(name)
    found = {name: roster.find(name) for name in names}
    return {name: person.name if person else name for name, person in found.items()}, roster


def _called_by(name: str) -> set[str]:
    """The folded names a person is called by: given name and surname."""
    return {n for n in (given_name(name), surname(name)) if n}


def _called(paragraph: str) -> set[str]:
    """The folded names a paragraph calls on: "David, ...", "So, Mr. Brooks, ...", "... , Judy."."""
    return {fold(m.group("name") or m.group("last")) for m in _VOCATIVE.finditer(paragraph)}
