"""A page's header above its transcript (furniture, a headline, a byline, a summary) and its
footer below it."""

from __future__ import annotations

import datetime
import re

from .people import BYLINE, prose_people
from .text import ends_sentence, split_sentences
from .webpage import calls_to_action, opens_with_call


def summary_index(paragraphs: list[str]) -> int | None:
    """The first paragraph of a dozen words or more that is a sentence and no one's speech
    ("I'm Lester Holt" opens a transcript, not its summary), or a shorter one whose subject is a
    person ("Ann Lee talks with the economist Tom Wu about rates.")."""
    return next(
        (
            i
            for i, paragraph in enumerate(paragraphs)
            if (len(paragraph.split()) >= 12 and _narrates(paragraph))
            or _tells_of_people(paragraph)
        ),
        None,
    )


def _tells_of_people(paragraph: str) -> bool:
    """A sentence of six words or more, in no one's first person, whose subject is a person."""
    return (
        len(paragraph.split()) >= 6
        and len(split_sentences(paragraph)) == 1
        and _narrates(paragraph)
        and any(subject for *_, subject in prose_people(paragraph))
    )


def _narrates(paragraph: str) -> bool:
    """Whether a paragraph ends as a sentence does and is in no one's first person."""
    return ends_sentence(paragraph) and not _FIRST_PERSON.search(paragraph)


# "Updated on Oct 17, 2016 6:45 PM EDT", "Aired: Tuesday, April 10, 2018", CNN's "Aired June 3,
# 2024 - 18:00   ET", "17 October 2016", "2016-10-17".
_DATE = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|"
    r"\d{4}-\d\d-\d\d)"
)
_DATELINE = re.compile(
    r"^(?:(?:Last\s+)?(?:Updated|Published|Posted|Aired|Broadcast|Recorded|Date)(?:\s+on)?:?\s+)?"
    # Where, as a court's or a committee's record heads the day: "Washington, D.C. Wednesday, ...".
    r"(?:[A-Z][\w.'’ -]{1,30},\s+[A-Z][\w.]{1,20}\s+)?"
    rf"{_DATE}"
    r"(?:,?\s+(?:[-–—]\s*|at\s+)?\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.I,
)
# A byline and the date: "By Tom Wu · March 4, 2024", "By Tom Wu | 4 March 2024".
_DATED_BYLINE = re.compile(rf"^By\s+[^.!?\n]{{2,80}}?\s*[·|•,–—-]\s*{_DATE}$")
# A network's notice naming the program and its date: "This is a rush transcript from "Special
# Report," May 5, 2023.", "... of "This Week," airing Sunday, March 12, 2023 on ABC News."
_TRANSCRIPT_OF = re.compile(
    rf"\btranscript (?:from|of) [\"“](?P<program>[^\"”]{{2,60}}?),?[\"”],?\s+"
    rf"(?:(?:airing|aired|broadcast)\s+)?(?:on\s+)?{_DATE}\b"
)
# A headline naming the program and the date: CBS's "Transcript: Sen. Ann Lee on "Face the
# Nation," May 7, 2023", NBC's "MEET THE PRESS - May 7, 2023".
_ON_PROGRAM = re.compile(rf"\bon [\"“](?P<program>[^\"”]{{2,60}}?),?[\"”],?\s+{_DATE}$")
_PROGRAM_DATELINE = re.compile(rf"^(?P<program>[A-Z][A-Z0-9 '’&.]{{2,60}}?)\s+[-–—|:]\s+{_DATE}$")
# A headline and, after a dash, the date: "Meet the Press - March 2, 2025" (in mixed case no
# program can be told from an episode's title, but the date is the broadcast's).
_TITLE_DATED = re.compile(rf"^[A-Z][^\n]{{2,80}}?\s+[-–—|]\s+{_DATE}$")
# A headline opening with the date: "September 29, 2020 Debate Transcript".
_DATED_HEADLINE = re.compile(rf"^{_DATE}\s+[A-Z][\w'’]*(?:\s+[\w'’]+){{0,6}}$", re.I)
_DATE_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
# ("I." between capitalised names is an initial: "Samuel I. Rosenman".)
_FIRST_PERSON = re.compile(r"\b(?:I(?!\.\s+[A-Z])|I['’]m|I['’]ve|I['’]d|me|my)\b")


def is_dateline(line: str) -> bool:
    """Whether a line tells when and nothing else ("March 2, 2025", "By Tom Wu · March 4,
    2024"): in a header, a line of its own."""
    return bool(_DATELINE.match(line.strip()) or _DATED_BYLINE.match(line.strip()))


def air_date(paragraphs: list[str]) -> str | None:
    """The date (ISO) of the first of the paragraphs that is a dateline ("Aired: March 5, 2024",
    "TUESDAY, APRIL 10, 2018", "By Tom Wu · March 4, 2024") or, the first, a headline opening
    with one ("September 29, 2020 Debate Transcript"), or None; a date within a sentence dates
    what it tells, not the broadcast."""
    for i, paragraph in enumerate(paragraphs):
        line = (
            _DATELINE.match(paragraph.strip())
            or _DATED_BYLINE.match(paragraph.strip())
            or _TRANSCRIPT_OF.search(paragraph)
        )
        if line is None and i == 0:
            headline = paragraph.strip()
            line = (
                _headline_dated(headline)
                or _DATED_HEADLINE.match(headline)
                or _TITLE_DATED.match(headline)
            )
        if line is None:
            continue
        printed = re.sub(r"[.,]", "", line.group("date")).replace("Sept ", "Sep ").title()
        for form in _DATE_FORMATS:
            try:
                return datetime.datetime.strptime(printed, form).date().isoformat()
            except ValueError:
                continue
    return None


# "Heard on Morning Edition" (NPR's pages).
_HEARD_ON = re.compile(
    r"^(?:Heard|As heard|Aired|Broadcast) on (?P<program>[A-Z][\w'’&.\- ]{1,60}?)\.?$"
)
_AIRED = re.compile(r"^(?:Aired|Broadcast)\b", re.I)


def program_named(paragraphs: list[str]) -> str:
    """The program a header names, or "": "Heard on Morning Edition", a network's "rush
    transcript from "Special Report," May 5, 2023", a headline's "... on "Face the Nation," May
    7, 2023" or "MEET THE PRESS - May 7, 2023", or its first line where it is a few words in
    capitals and the header says when the program aired, as CNN's transcripts open ("THE
    SITUATION ROOM", then "Aired June 3, 2024 - 18:00 ET")."""
    for paragraph in paragraphs:
        heard = _HEARD_ON.match(paragraph.strip()) or _TRANSCRIPT_OF.search(paragraph)
        if heard and not _DATELINE.match(paragraph.strip()):
            return heard.group("program").strip()
    printed = [p.strip() for p in paragraphs if p.strip()]
    aired = any(_AIRED.match(p) and _DATELINE.match(p) for p in printed)
    first = printed[0] if printed else ""
    dated = _headline_dated(first)
    if dated and title_like(dated.group("program")):
        return dated.group("program").strip()
    if aired and first.isupper() and len(first.split()) <= 6 and title_like(first):
        return first  # ("TRANSCRIPT", a page's control, names no program)
    return ""


def _headline_dated(headline: str) -> re.Match[str] | None:
    """The program and date a headline names (`_ON_PROGRAM`, `_PROGRAM_DATELINE`), if it does."""
    return _ON_PROGRAM.search(headline) or _PROGRAM_DATELINE.match(headline)


def title_like(paragraph: str) -> bool:
    """Whether a paragraph could be a headline: one sentence of 25 words at most, and no call
    to action, byline or dateline."""
    words = paragraph.split()
    return (
        1 <= len(words) <= 25
        and len(split_sentences(paragraph)) == 1
        and not opens_with_call(paragraph)
        and not BYLINE.match(paragraph)  # who wrote the page, never its headline
        and not _DATELINE.match(paragraph)  # nor when
    )


def title_and_summary(header: list[str]) -> tuple[str, str]:
    """The page's headline and its summary; the byline joins the summary where the summary names
    no one who asks: a print interview's questions are its writer's."""
    summary_at = summary_index(header)
    titles = [p for p in header[:summary_at] if title_like(p)]
    summary = header[summary_at] if summary_at is not None else ""
    bylines = [p for p in header if BYLINE.fullmatch(p)]
    if bylines and not any(subject for *_, subject in prose_people(summary)):
        summary = "\n\n".join([*bylines[:1], summary]).strip()
    return (titles[-1] if titles else ""), summary


# What a page sets among a transcript's paragraphs that nobody says: an advertisement's marker,
# a link to another story ("READ MORE: The plant, one year later"), a photograph's caption or
# credit ("Photo: Workers leave the plant. (AP Photo/Tony Dejak)").
_ASIDE = re.compile(
    r"^\s*(?:(?:skip\s+)?advertisement|sponsored(?:\s+content)?|"
    r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
    r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?)\s*$|"
    r"^\s*(?:read\s+more|related(?:\s+stories)?|see\s+also|more\s+on\s+this|watch|listen)"
    r"\s*[:|]\s*\S[^.!?]*$|"
    r"^\s*(?:photo|image|file\s+photo)\s*:|"
    r"\((?:AP|Reuters|AFP|Getty(?:\s+Images)?)(?:\s+Photo)?\s*/[^()]*\)\s*$|"
    r"\bphoto\s+by\s+[A-Z][\w.'’\- ]*/\s*[A-Z]",
    re.I,
)


def without_asides(lines: list[str]) -> list[str]:
    """The lines without those a page sets among the transcript that nobody says, each with the
    blank lines after it (the gap before it still parts what it stood between)."""
    kept: list[str] = []
    aside = False
    for line in lines:
        if _ASIDE.search(line):
            aside = True
        elif not (aside and not line.strip()):
            aside = False
            kept.append(line)
    return kept


# "Copyright © 2024 NPR. All rights reserved.", "© 2024 Cable News Network.", Fox's "Content and
# Programming Copyright 2023 Fox News Network, LLC."
_COPYRIGHT = re.compile(
    r"^[^.!?]{0,40}?(?<![\w-])(?:Copyright|©|\([Cc]\))(?:\s*(?:©|\([Cc]\)))?\s*(?:19|20)\d\d\b"
)


# The mark a transcript ends at: "END", "END 1:52 P.M. EDT" (the White House's), "ENDS" (an
# Australian minister's), "###", "-- END OF TRANSCRIPT --".
_END_MARK = re.compile(
    r"^[\s\-–—*]*(?:ENDS?(?: OF (?:TRANSCRIPT|INTERVIEW|SHOW|PROGRAM))?|###)[\s\-–—*]*"
    r"(?:\d{1,2}:\d\d\s*[AP]\.?M\.?(?:\s+[A-Z]{2,4})?\s*)?$"
)


# A network's notice of what the transcript is: "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE
# IN ITS FINAL FORM ...", which MSNBC prints below the transcript and CNN above it.
_NOTICE = re.compile(
    r"^(?i:this is a rush transcript|this copy may not be in its final form|"
    r"to order a video of this transcript)\b"
)


def footer_start(lines: list[str], after: int = 0) -> int:
    """Where a copied page's footer begins, past line `after`: at a copyright notice ("© 2024
    NPR") or a network's ("THIS IS A RUSH TRANSCRIPT."), at the mark a transcript ends at
    ("END"), or at two page controls in a row ("Listen to this Segment", "Watch the Full
    Episode"; speech never reads so: its sentences end with a stop); `len(lines)` where there is
    none."""

    def control(line: str) -> bool:
        return calls_to_action(line) and not ends_sentence(line)

    printed = [i for i in range(after, len(lines)) if lines[i].strip()]
    for n, i in enumerate(printed):
        if any(mark.match(lines[i].strip()) for mark in (_COPYRIGHT, _END_MARK, _NOTICE)):
            return i
        if control(lines[i]) and n + 1 < len(printed) and control(lines[printed[n + 1]]):
            return i
    return len(lines)
