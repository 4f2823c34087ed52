"""Speaker labels: the "NAME, Affiliation:" prefixes transcripts print before speech."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

from .casing import MINOR_WORDS
from .names import (
    PARTICLES,
    canonical_name,
    holder_of_office,
    is_honorific,
    is_name_suffix,
    is_title,
    opens_sentence,
    speaker_key,
    split_honorific,
    state_in,
)
from .text import fold, sentence_spans

# Words in a label's title part that say which part the speaker plays on the program.
_ROLE_WORDS = [
    ("anchor", ("anchor", "newscaster", "presenter", "newsreader")),
    ("host", ("host", "co-host", "cohost", "moderator", "interviewer", "panelist")),
    ("correspondent", ("correspondent", "reporter", "byline", "contributor", "analyst")),
    ("guest", ("guest", "caller")),
]
# The parts a program's own people play, as against its guests'.
HOST_LIKE = ("host", "anchor", "correspondent")
_SPACED_DASH = re.compile(r"\s+[—–-]\s+")
_QUALIFIER = re.compile(r"\s*\((?P<q>[^()]{1,60})\)\s*$")
# A parliament's "Hon. Jane Doe (Leader of the Opposition, CPC)" and "Mr Tom Hayes (Bournemouth
# East) (Lab)": all after the name is in parentheses, commas and all.
_QUALIFIED_NAME = re.compile(r"^(?P<name>[^(),]+?)\s*(?P<q>(?:\([^()]{1,80}\)\s*)+)$")
_TIME_ONLY = re.compile(r"^[\d:.,\s]+$")
# Parentheses that say how someone is heard, not who they are: "(voice-over)", "(on camera)".
_DELIVERY_WORDS = {
    "voice",
    "over",
    "vo",
    "camera",
    "oc",
    "os",
    "translator",
    "translation",
    "interpreter",
    "interpreted",
    "phone",
    "telephone",
    "tape",
    "video",
    "videotape",
    "mike",
    "mic",
    "audio",
    "cont",
    "continued",
    "contd",
    "recorded",
    "live",
    "remote",
    "remotely",
    "via",
    "through",
}
_BULLETS = "•·▪●◦‣∙*►▸>–—-"
_NAME_WORD = re.compile(r"^(?:[a-z]{1,4}['’\-]?)?[A-Z][\w'’.\-]*$")  # "vanEngelsdorp", "al-Assad"
# "SPEAKER 2", "Unidentified Male #1", "Speaker B": one particular person, left unnamed.
_NUMBERED = re.compile(r"(?:\s*#?\d+|\s+[A-Z])$")
# A speech-to-text service's speaker id: "SPEAKER_00", "spk_1", "B".
_SPEAKER_ID = re.compile(r"^(?:speaker|spk)?[ _-]*(?P<id>[0-9]+|[A-Za-z])$", re.I)
# Parliamentary committees number each question before the member's name: "Q12 Chair:".
_QUESTION_NUMBER = re.compile(r"^Q\d{1,4}\s+")
_OF_BODY = re.compile(r"(?:of|to|for)\s+(?:the\s+)?", re.I)
# "The CHAIRMAN", "The SPEAKER pro tempore", "The Secretary of State for Health".
_THE_OFFICE = re.compile(
    r"^the [a-z]+(?: [a-z]+)?(?: of [a-z]+(?: [a-z]+)?| pro tempore)?(?: for [a-z]+(?: [a-z]+){0,3})?$"
)
_COURTESY = {"mr", "mrs", "ms", "madam", "madame"}


# Words of what a transcript hears rather than who speaks: "[APPLAUSE]", "(CROWD CHEERING)".
_SOUNDS = {
    "applause",
    "laughter",
    "laughing",
    "laughs",
    "music",
    "cheering",
    "cheers",
    "booing",
    "boos",
    "crosstalk",
    "inaudible",
    "unintelligible",
    "indistinct",
    "silence",
    "noise",
    "chanting",
    "singing",
}

# Labels that name a part, not a person ("QUESTION:", "UNIDENTIFIED MALE:"), and that part.
_NAMELESS = {
    # Print interviews label their two sides "Q:" and "A:".
    "host": {
        "moderator",
        "host",
        "co-host",
        "presenter",  # the BBC's
        "interviewer",
        "panelist",
        "questioner",
        "q",
        "court",
        "judge",
        "chair",
        "chairman",
        "chairwoman",
        "presiding officer",
        "operator",  # a conference call's
    },
    "anchor": {
        "anchor",
        "announcer",
        "newsreader",
        "narrator",
        "voiceover",
        "voice-over",
        "voice over",
    },
    "correspondent": {"reporter", "correspondent", "journalist"},
    "guest": {
        "question",
        "audience",
        "audience member",
        "caller",
        "student",
        "resident",
        "protester",
        "protesters",
        "protestors",
        "crowd",
        "candidate",
        "attorney",
        "participant",
        "contributor",
        "vox pop",
        # People a report hears from by what they are, not who (but not a word that is as often
        # a surname: "NURSE:" after "PAUL NURSE:", "CHILD:" after "JULIA CHILD:").
        "voter",
        "supporter",
        "customer",
        "passerby",
        "passer-by",
        "listener",
        "viewer",
        "patient",
        "worker",
        "teacher",
        "doctor",
        "soldier",
        "officer",
        "police officer",
        "official",
        "aide",
        "prosecutor",
        "defense attorney",
        "defence counsel",
        "questioner from audience",
        "guest",
        "a",
        "answer",
        "respondent",
        "interviewee",
        "witness",
        "deponent",
        "defendant",
        "plaintiff",
        # A briefing's: "Spokesman: Good afternoon." answers the "Question:"s.
        "spokesman",
        "spokeswoman",
        "spokesperson",
    },
    "unknown": {
        "unknown",
        "unidentified",
        "unidentified male",
        "unidentified female",
        "unidentified man",
        "unidentified woman",
        "unidentified speaker",
        "unknown speaker",
        "unknown male",
        "unknown female",
        "male",
        "female",
        "man",
        "woman",
        "voice",
        "speaker",
        "interpreter",
        "producer",
        "clerk",
        "bailiff",
        "male voice",
        "female voice",
        "translator",
        "various",
        "several",
        "all",
        "both",
        "group",
        "crosstalk",
    },
}


@dataclass(frozen=True)
class Label:
    """A parsed speaker label. `printed` is the label as it appeared, without bullet and colon.

    `name` is empty when the label names a part rather than a person ("QUESTION", "MODERATOR").
    `voice` is set when it numbers one unnamed person among several, as automatic transcripts
    do ("Speaker 2"): the same person throughout, whose name the speech may give. An `office`
    ("THE COURT") is such a person too, whoever holds it in this transcript, but shown as printed
    and never renamed from the speech: the clerk who speaks once is no one the speech names.
    """

    printed: str
    name: str
    honorific: str = ""
    affiliation: str = ""
    role: str = "unknown"
    voice: str = ""
    office: bool = False


def role_from_title(title: str) -> str:
    """The program role a label's title names ("CNN ANCHOR" -> "anchor"), or "unknown"."""
    words = set(re.findall(r"[a-z][a-z\-]*", fold(title)))
    for role, markers in _ROLE_WORDS:
        if words & set(markers):
            return role
    return "unknown"


def speaker_id(printed: str, *, from_zero: bool = False) -> Label | None:
    """The numbered voice a speech-to-text service's speaker id stands for ("SPEAKER_00",
    "spk_1", "B"), labelled as the archive shows an unnamed voice ("Speaker 1"), or None. Ids
    counted from zero (pyannote's "SPEAKER_00", or any where the service said `from_zero`, as
    Deepgram's 0 and Amazon's "spk_0") are shown counted from one."""
    numbered = _SPEAKER_ID.match(printed)
    if not numbered:
        return None
    number = numbered.group("id").upper()
    if number.isdigit() and (from_zero or (len(number) > 1 and number.startswith("0"))):
        number = str(int(number) + 1)
    voice = f"Speaker {number}"
    return Label(printed=voice, name="", voice=voice)


_RUNS_ON = re.compile(r"(?:,|\s(?i:of|and|the|for|with|from))$")


def parse_label(printed: str, *, upper_only: bool = False) -> Label | None:
    """Parse "SEN. BERNIE SANDERS (I-VT), Vermont" and the like; None if it is not a name label.

    With `upper_only` the name must be printed in capitals, the only reliable sign of a label in
    running text; mixed-case names ("Steve Inskeep") are accepted only where the layout already
    says the line is a label.
    """
    printed = printed.strip().strip(_BULLETS).strip()
    # A name or a list that runs on to the next line is no label: "LOPER BRIGHT ENTERPRISES, ET
    # AL., :", "GINA RAIMONDO, SECRETARY OF :", a case's caption.
    if not printed or len(printed) > 120 or _RUNS_ON.search(printed):
        return None
    # Brackets set off a name or a part as parentheses do: "[Ann Lee]", "Ann Lee [Host]".
    name_part, title, qualifier = _label_parts(re.sub(r"\[([^\[\]]*)\]", r"(\1)", printed))
    if not name_part and qualifier:
        name_part, qualifier = qualifier, ""
    # "[SPEAKER_00]:", as WhisperX prints its speaker ids in a transcript.
    identified = (
        speaker_id(name_part) if re.match(r"(?:speaker|spk)[ _-]", name_part, re.I) else None
    )
    if identified:
        return replace(identified, printed=printed)
    name_part = _QUESTION_NUMBER.sub("", name_part)
    number = _NUMBERED.search(name_part)
    nameless = fold(name_part[: number.start()] if number else name_part).strip(". ")
    if _SOUNDS & set(nameless.split()):
        return None  # what is heard, "[APPLAUSE]", "MUSIC PLAYING": no one who speaks
    # (Not words in lower case after "The": "The point — the point is ...".)
    lower = nameless.startswith("the ") and name_part[4:].islower()
    office = _office_in(nameless) if not lower else ""
    if office:
        part = next((p for p, words in _NAMELESS.items() if office in words), "unknown")
        # "The Prime Minister (Keir Starmer)": a parliament names the holder the first time, the
        # Lords after the department too ("The Minister of State, Department for Energy (Lord
        # Hunt of Kings Heath) (Lab)"); a party's initials name no one.
        held_by = [qualifier, *re.findall(r"\(([^()]+)\)", title)]
        holders = [parse_label(q) for q in held_by if q]
        holder = next((h for h in holders if h and (h.honorific or " " in h.name)), None)
        # The office as printed ("Secretary of State"), or in name case where in capitals.
        shown = name_part[len(name_part) - len(office) :]
        shown = shown if any(c.islower() for c in shown) else canonical_name(office)
        if holder:
            return replace(holder, printed=printed, role=part, affiliation=shown)
        voice = canonical_name(name_part)
        return Label(printed, "", affiliation=title, role=part, voice=voice, office=True)
    if re.match(r"(?:unidentified|unknown) ", nameless):  # "UNIDENTIFIED PROTESTER"
        nameless = "unidentified"
    for part, words in _NAMELESS.items():
        if nameless in words:
            # (Not how they are heard: "NARRATOR (V.O.)".)
            named = (
                parse_label(qualifier)
                if qualifier and part != "unknown" and not _delivery(qualifier)
                else None
            )
            if named and named.name:
                # "HOST (Sam Rivera)", "MODERATOR (CHRIS WALLACE)": the part, then who plays it.
                return replace(named, printed=printed, role=part)
            voice = canonical_name(name_part) if number and part == "unknown" else ""
            return Label(printed=printed, name="", affiliation=title, role=part, voice=voice)
    # "PRIME MINISTER:", a press conference's: an office, as printed ("KING:" is more likely a
    # surname than a title).
    if " " in nameless and is_title(nameless):
        return Label(printed, "", affiliation=title, voice=canonical_name(name_part), office=True)
    honorific, bare = split_honorific(name_part)
    # "SECRETARY OF STATE ANTONY BLINKEN": an office of a place or body before its holder's name,
    # the office where they speak from, as "ANTONY BLINKEN, SECRETARY OF STATE" prints it; with
    # no room for a name after the place ("SECRETARY OF STATE:", "PRESIDENT OF THE UNITED
    # STATES:"), an office alone.
    body = _OF_BODY.match(bare) if honorific else None
    if body:
        held = bare[body.end() :].split()
        holder = holder_of_office(held) if len(held) >= 3 else []
        if not holder or any(fold(word) in MINOR_WORDS for word in holder):
            return Label(
                printed, "", affiliation=title, voice=canonical_name(name_part), office=True
            )
        office = name_part[: len(name_part) - len(" ".join(holder))].strip()
        bare, title = " ".join(holder), title or office
    # A place after a titled name is part of it: the House's record tells members of one surname
    # apart by their states ("Mr. JOHNSON of Georgia"), and a peer's title names one ("Lord Smith
    # of Finsbury").
    of_state = state_in(bare) if honorific else None
    if of_state:
        bare = bare[: of_state.start()]
    tokens = bare.split()
    if not 1 <= len(tokens) <= 6 or not any(c.isalpha() for c in bare):
        return None
    if not all(_NAME_WORD.match(t) or t in PARTICLES for t in tokens):
        return None
    letters = [c for c in bare if c.isalpha()]
    all_caps = all(c.isupper() for c in letters)
    if upper_only and not all_caps:
        return None
    if not all_caps and (len(tokens) > 4 or not tokens[0][0].isupper() or _speech(tokens)):
        return None
    if len(tokens) == 1 and is_honorific(tokens[0]) and not honorific:
        honorific, bare = tokens[0], tokens[0]
    role = role_from_title(title) if title else "unknown"
    if role == "unknown" and qualifier:
        role = role_from_title(qualifier)
    if not title and not _TIME_ONLY.match(qualifier) and not _delivery(qualifier):
        title = qualifier
    return Label(
        printed=printed,
        name=canonical_name(bare) + (f" of {of_state.group('state')}" if of_state else ""),
        honorific=canonical_name(honorific) if honorific.isupper() else honorific,
        affiliation=_without_role_words(title),
        role=role,
    )


def _speech(tokens: list[str]) -> bool:
    """Whether capitalised words are the start of a sentence, not a name: "And I'm", "Sure.
    But" (a sentence ends inside it), as a transcript's speech opens a line before a dash."""
    return opens_sentence(tokens[0]) or len(sentence_spans(" ".join(tokens))) > 1


def _label_parts(printed: str) -> tuple[str, str, str]:
    """A label's name part, its title after a comma and what it puts in parentheses:
    "SEN. BERNIE SANDERS (I-VT), Vermont" -> ("SEN. BERNIE SANDERS", "Vermont", "I-VT")."""
    whole = _QUALIFIED_NAME.match(printed)
    if whole:
        groups = re.findall(r"\(([^()]*)\)", whole.group("q"))
        return whole.group("name"), "", ", ".join(g.strip() for g in groups)
    # "ANN LEE — CNN": a spaced dash sets the title off as a comma does.
    parted = printed if "," in printed else _SPACED_DASH.sub(",", printed, count=1)
    name_part, _, title = parted.partition(",")
    suffix, _, after_suffix = title.partition(",")
    if is_name_suffix(suffix):
        # "ROBERT F. KENNEDY, JR., CANDIDATE": the suffix ends the name, the title follows it.
        name_part, title = f"{name_part} {suffix.strip()}", after_suffix
    qualifier = _QUALIFIER.search(name_part) or _QUALIFIER.search(title)
    if not qualifier:
        return name_part.strip(), title.strip(), ""
    name_part = _QUALIFIER.sub("", name_part).strip()
    return name_part, _QUALIFIER.sub("", title).strip(), qualifier.group("q").strip()


def _delivery(qualifier: str) -> bool:
    return bool(set(re.findall(r"[a-z]+", re.sub(r"['’.]", "", fold(qualifier)))) & _DELIVERY_WORDS)


def _office_in(nameless: str) -> str:
    """The office a folded label names instead of a person, whoever holds it in the transcript:
    "the court" and "the chairman" -> "court", "chairman"; "mr speaker" -> "speaker"; or ""."""
    if _THE_OFFICE.match(nameless):
        held = nameless[4:].removesuffix(" pro tempore")
        of = re.search(r" (?:of|for) ", held)
        # "The Senator Smith" is a person, and "The Secretary of State" an office where a title
        # heads it ("The Future of Energy" is a headline).
        if is_title(held[: of.start()]) if of else not all(split_honorific(held)):
            return nameless[4:]
    courtesy, _, rest = nameless.partition(" ")
    # "Mr Speaker", "Madam Deputy Speaker".
    office = rest.removeprefix("deputy ")
    return rest if courtesy.rstrip(".") in _COURTESY and office and is_title(office) else ""


def office_held(label: Label) -> str:
    """The office a label speaks for ("prime minister" for "THE PRIME MINISTER" and for "The
    Prime Minister (Keir Starmer)"), or "" for a label of a person or a part."""
    if not (label.office or label.name):
        return ""
    return _office_in(fold(_label_parts(label.printed)[0]).strip(". "))


def label_key(label: Label) -> str:
    """What two labels of one speaker share: "INSKEEP" and "Inskeep", "Speaker 2" and "SPEAKER 2"."""
    return speaker_key(label.name or label.voice)


def in_capitals(label: Label) -> bool:
    """Whether the label's name is printed in capitals, the sign of a label wherever it stands;
    how it is heard may be in lower case ("ELAM (on camera)")."""
    name = re.split(r"[,(\[]", label.printed, maxsplit=1)[0].strip() or label.printed
    return not any(c.islower() for c in name)


def mixed_case_is_label(label: Label, counts: Counter[str], *, capitals: bool) -> bool:
    """Whether a label printed in mixed case ("Ann Lee:") is one, not the start of a sentence
    ("Here's the thing:"): the same name labels two lines or more (`counts`: the lines each
    `label_key` opens), or it is a full name, a titled one ("Baroness Hayman") or a numbered
    voice in a transcript with labels in `capitals` or labels of two names or more, as is a part
    named in two words or more ("Unknown Speaker"), which no sentence opens with, or an
    announcer's ("Announcer", "Narrator"; not "Court", which a line wrapped at "the" may open)."""
    part = not label.name and (label.role == "anchor" or len(label.printed.split()) >= 2)
    full = len(label.name.split()) >= 2 or bool(label.voice or label.honorific) or part
    return counts[label_key(label)] >= 2 or (full and (capitals or len(counts) >= 2))


@functools.lru_cache(maxsize=1024)
def voice_of(printed: str) -> str:
    """The numbered voice a printed label stands for ("Speaker 2"), or "" for any other label."""
    label = parse_label(printed) if printed else None
    return label.voice if label else ""


def _without_role_words(title: str) -> str:
    """The affiliation in a label's title, as printed: "CNN ANCHOR" -> "CNN", "HOST" -> "";
    where another part names where they work, the part naming the role goes whole ("Chief White
    House Correspondent, Bloomberg News" -> "Bloomberg News")."""
    markers = {m for _, group in _ROLE_WORDS for m in group}
    parts = [part.split() for part in title.split(",")]
    roled = [any(fold(w).strip(".;") in markers for w in words) for words in parts]
    if any(roled) and not all(roled):
        parts = [words for words, has_role in zip(parts, roled, strict=True) if not has_role]
    kept = [" ".join(w for w in words if fold(w).strip(".;") not in markers) for words in parts]
    return ", ".join(part for part in kept if part).strip(" ,;")
