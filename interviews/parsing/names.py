"""People's names as transcripts print them: canonical case, honorifics, keys and aliases.

A transcript prints one person many ways: "SEN. BERNIE SANDERS (I-VT)", "SANDERS", "Senator
Sanders", "Bernie". `canonical_name` gives the display form, `split_honorific` keeps a title apart
from the name, and `speaker_key` is the form two spellings of one person share.
"""

from __future__ import annotations

import functools
import re

from .text import fold

# Titles printed before a name. Longest first so "Vice President" wins over "President".
HONORIFICS = sorted(
    [
        "Mr.",
        "Mrs.",
        "Madam",
        "Madame",
        "Ms.",
        "Miss",
        "Mx.",
        "Dr.",
        "Prof.",
        "Professor",
        "Sen.",
        "Senator",
        "Rep.",
        "Representative",
        "Congressman",
        "Congresswoman",
        "Gov.",
        "Governor",
        "Lt. Gov.",
        "Lieutenant Governor",
        "President",
        "Pres.",
        "Vice President",
        "V.P.",
        "Former President",
        "President-elect",
        "Secretary",
        "Sec.",
        "Attorney General",
        "Atty. Gen.",
        # A police force's: "DET. JANE ROE", "SUPT. JOHN DOE".
        "Detective",
        "Det.",
        "Superintendent",
        "Supt.",
        "Ambassador",
        "Amb.",
        "Mayor",
        "Judge",
        "Justice",
        "Chief Justice",
        "Gen.",
        "General",
        "Adm.",
        "Admiral",
        "Col.",
        "Colonel",
        "Lt.",
        "Lieutenant",
        "Maj.",
        "Major",
        "Capt.",
        "Captain",
        "Sgt.",
        "Sergeant",
        "Rev.",
        "Reverend",
        "Father",
        "Rabbi",
        "Imam",
        "Bishop",
        "Cardinal",
        "Pope",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Prime Minister",
        "Minister",
        "Speaker",
        "Leader",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Commissioner",
        "Sheriff",
        "Chancellor",
        "Premier",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Hon.",
        "Honorable",
        "The Honorable",
        # Commonwealth parliaments print "Right Hon." and "The Rt Hon" before ministers.
        "Honourable",
        "The Honourable",
        "Right Hon.",
        "Rt. Hon.",
        "Right Honourable",
        "The Right Honourable",
        "Baroness",
        # Plurals head a list of people ("Justices White, Black and Clark also question").
        "Justices",
    ],
    key=lambda h: -len(h),
)
_HONORIFIC_KEYS = {fold(h).rstrip(".") for h in HONORIFICS}
# Words that open a sentence and are never a name: where a run of capitals goes on past a name
# into the sentence ("Bernie If I could finish", "Secretary Clinton I think"), and what makes a
# mixed-case "label" speech ("And I'm:").
_SENTENCE_OPENERS = {
    *("and", "but", "or", "nor", "not", "so", "well", "yes", "no", "oh", "thank", "thanks"),
    "please",
    *("let", "i", "im", "ive", "ill", "id", "it", "its", "we", "you", "he", "she", "they"),
    *("this", "that", "if", "because", "when", "what", "why", "how"),
}
# Letters a British name may carry after it: "Wes Streeting MP", "Jane Doe QC".
_POST_NOMINALS = {"mp", "msp", "mep", "qc", "obe", "mbe", "cbe"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md"} | _POST_NOMINALS
_SUFFIXES_IN_CAPITALS = {"ii", "iii", "iv", "v"} | _POST_NOMINALS
PARTICLES = {
    "de",
    "del",
    "della",
    "der",
    "den",
    "di",
    "da",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "van",
    "von",
    "bin",
    "ibn",
    "al",
    "el",
    "ter",
    "ten",
    "y",
}
# Names of seven letters or more that begin with "Mac" without being Mac-compounds (shorter
# ones, "Macron", "Mackey", are never taken for them: see `_case_part`).
_NOT_MAC = {"machado", "macklin", "macario"}
# Familiar forms of given names that share no prefix with them (generic English usage).
NICKNAMES = {
    "bill": "william",
    "billy": "william",
    "will": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "dick": "richard",
    "rick": "richard",
    "jim": "james",
    "jimmy": "james",
    "jack": "john",
    "johnny": "john",
    "ted": "edward",
    "ned": "edward",
    "ed": "edward",
    "tom": "thomas",
    "mike": "michael",
    "joe": "joseph",
    "chuck": "charles",
    "charlie": "charles",
    "peggy": "margaret",
    "maggie": "margaret",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "betsy": "elizabeth",
    "bess": "elizabeth",
    "hank": "henry",
    "harry": "henry",
    "larry": "lawrence",
    "tony": "anthony",
    "andy": "andrew",
    "pete": "peter",
    "kathy": "katherine",
    "kate": "katherine",
    "sue": "susan",
    "fred": "frederick",
    "dave": "david",
    "steve": "stephen",
    "jerry": "gerald",
    "nick": "nicholas",
    "sam": "samuel",
    "ben": "benjamin",
    "dan": "daniel",
    "don": "donald",
    "ron": "ronald",
    "tim": "timothy",
    "matt": "matthew",
    "pat": "patrick",
}

# Capitalised words that open sentences and must never be read as a shortened given name.
COMMON_WORDS = {
    "and",
    "but",
    "the",
    "then",
    "there",
    "these",
    "this",
    "that",
    "they",
    "when",
    "where",
    "what",
    "which",
    "while",
    "with",
    "will",
    "would",
    "could",
    "should",
    "have",
    "here",
    "good",
    "great",
    "well",
    "just",
    "know",
    "look",
    "make",
    "many",
    "more",
    "most",
    "much",
    "must",
    "never",
    "only",
    "over",
    "same",
    "some",
    "such",
    "take",
    "than",
    "thank",
    "thanks",
    "their",
    "them",
    "very",
    "want",
    "were",
    "your",
    "yours",
    "also",
    "back",
    "been",
    "both",
    "come",
    "does",
    "done",
    "down",
    "each",
    "even",
    "ever",
    "every",
    "from",
    "give",
    "going",
    "into",
    "like",
    "long",
    "made",
    "mean",
    "once",
    "part",
    "said",
    "says",
    "show",
    "tell",
    "time",
    "told",
    "true",
    "under",
    "until",
    "upon",
    "whom",
    "whose",
    "work",
    "year",
    "years",
    "about",
    "after",
    "again",
    "against",
    "because",
    "before",
    "being",
    "between",
    "during",
    "first",
    "since",
    "still",
    "those",
    "through",
    "today",
    "tonight",
    "together",
    "without",
    "americans",
    "america",
    "president",
    "senator",
    "governor",
}

_TOKEN = re.compile(r"[^\s]+")


def is_name_suffix(word: str) -> bool:
    """Whether a word ends a name rather than starting a title: "Jr.", "III", "Esq."."""
    return fold(word).strip(" .").replace(".", "") in _SUFFIXES


def _case_part(part: str, first: bool) -> str:
    low = part.lower()
    if not part or not any(c.isalpha() for c in part):
        return part
    if low.rstrip(".") in _SUFFIXES and not first:
        return part.upper() if low.rstrip(".") in _SUFFIXES_IN_CAPITALS else low.capitalize()
    if low in PARTICLES and not first:
        return low
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]?\.?", low):
        return low.upper()
    if first and re.fullmatch(r"[b-df-hj-np-tv-xz]{2}", low):
        return low.upper()  # initials without their stops: "JD Vance", "JB Pritzker"
    for apostrophe in "'’":
        if apostrophe in low:
            head, _, tail = low.partition(apostrophe)
            if len(head) == 1 and tail:
                # O'Rourke, D'Angelo: a one-letter prefix is a clan marker, not a possessive.
                return head.upper() + apostrophe + _case_part(tail, False).capitalize()
            return _case_part(head, first) + apostrophe + tail
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    # MacArthur, MacDonald, MacLeod: "Mac" and a name of four letters or more.
    if low.startswith("mac") and len(low) > 6 and low not in _NOT_MAC:
        return "Mac" + low[3:].capitalize()
    return low.capitalize()


# A surname in capitals as the Congressional Record prints it, its prefix in mixed case:
# "McGOVERN", "DeLAURO", "DesJARLAIS".
_PREFIXED_CAPITALS = re.compile(r"^(?P<prefix>[A-Z][a-z]{1,2})(?P<rest>[A-Z]{3}[A-Z'’]*)$")


def _case_token(token: str, first: bool) -> str:
    prefixed = _PREFIXED_CAPITALS.match(token)
    if prefixed:
        return prefixed.group("prefix") + _case_part(prefixed.group("rest"), False)
    if any(c.isupper() for c in token) and any(c.islower() for c in token):
        return token  # mixed case is how the writer wanted it (McCain, DeSantis, deGrasse)
    return "-".join(_case_part(p, first and i == 0) for i, p in enumerate(token.split("-")))


def canonical_name(name: str) -> str:
    """Display form of a printed name: "RUKMINI CALLIMACHI" -> "Rukmini Callimachi".

    All-capital or all-lower words get name case (McCain, MacArthur, O'Rourke, Smith-Jones,
    de la Cruz, Jr., III); words already in mixed case are kept as printed.
    """
    tokens = _TOKEN.findall(name.strip().strip(":,;").strip())
    return " ".join(_case_token(t, i == 0) for i, t in enumerate(tokens))


def _honorific_pattern(honorific: str) -> str:
    # A title's words may be parted by a hyphen where a line break was removed: "Vice- President".
    words = honorific.rstrip(".").split()
    return r"-?\s+".join(re.escape(word) for word in words) + r"\.?"


_HONORIFIC_RUN = re.compile(
    r"^(?:(?:" + "|".join(_honorific_pattern(h) for h in HONORIFICS) + r")\s+)+", re.I
)
_BROKEN_WORDS = re.compile(r"-\s+")


def split_honorific(name: str) -> tuple[str, str]:
    """Split a leading title off a name: "Sen. Bernie Sanders" -> ("Sen.", "Bernie Sanders").

    A title alone ("President", "Senator") is not split off: it is then all there is of the name.
    """
    stripped = name.strip()
    match = _HONORIFIC_RUN.match(stripped)
    if not match or match.end() >= len(stripped):
        return "", stripped
    title = _BROKEN_WORDS.sub(" ", match.group())
    return " ".join(title.split()), stripped[match.end() :].strip()


@functools.lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[str, ...]:
    """The folded words of a name without title, punctuation or generational suffix."""
    _, bare = split_honorific(name)
    words = re.sub(r"\([^)]*\)", " ", bare).split()  # "(D-NY)", "(voice-over)"
    while len(words) > 1 and is_name_suffix(words[-1].strip(",")):
        words.pop()  # "Jr.", and "M.D.", whose full stops would part it into two words
    tokens = [
        t for t in re.split(r"[^a-z0-9']+", fold(" ".join(words)).replace(".", " ")) if t.strip("'")
    ]
    return tuple(t.strip("'") for t in tokens)


def speaker_key(name: str) -> str:
    """Key shared by every printing of one person's name, for matching across segments.

    "Sen. Bernie Sanders", "BERNIE SANDERS" and "Bernie Sanders" all give "bernie sanders".
    """
    return " ".join(name_tokens(name))


_POLITE = {"mr", "mrs", "ms", "miss", "mx", "madam", "madame", "sir", "dr"}
# A label's "Sen." and a moderator's "Senator" give one office.
_ABBREVIATED = {
    "sen": "senator",
    "pres": "president",
    "rep": "representative",
    "gov": "governor",
    "lt": "lieutenant",
    "sec": "secretary",
    "amb": "ambassador",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "rev": "reverend",
    "prof": "professor",
    "hon": "honorable",
}


def title_of(printed: str) -> str:
    """The office in a printed title: "Mr. Vice President" -> "vice president", "Sen." ->
    "senator"; "" for "Mr."."""
    words = [fold(w).rstrip(".") for w in printed.split()]
    words = [_ABBREVIATED.get(w, w) for w in words]
    while words and words[0] in _POLITE:
        words.pop(0)
    return " ".join(words) if words and " ".join(words) in _HONORIFIC_KEYS else ""


def is_title(printed: str) -> bool:
    """Whether `printed` is titles and no name: "Senator", "Mr. Vice President" (an office
    whose "Vice" is no title on its own)."""
    return bool(title_of(printed)) or all(is_honorific(word) for word in printed.split())


def opens_sentence(word: str) -> bool:
    """Whether `word` ("I'm", "And") is one that opens a sentence and is never a name; an
    initial ("Samuel I. Rosenman") is not."""
    return re.sub(r"['’]", "", fold(word)) in _SENTENCE_OPENERS


def is_honorific(word: str) -> bool:
    """Whether `word` (e.g. "Senator", "Gov.") is a title printed before names."""
    return fold(word).rstrip(".") in _HONORIFIC_KEYS


def holder_of_office(words: list[str]) -> list[str]:
    """The holder's name that ends the words after an office of something ("State Antony
    Blinken" after "Secretary of", "New York Kathy C. Hochul" after "Governor of"): the last two
    words, or three where the middle one is an initial. Where the place ends and the name begins
    is not printed; most names printed after an office are two words."""
    return words[-3:] if len(words) >= 3 and re.fullmatch(r"[A-Z]\.", words[-2]) else words[-2:]


# How the Congressional Record prints a member: the surname in capitals, a prefix in mixed case or
# not ("SMITH", "McGOVERN"), and after it, where two members share it, their state ("JOHNSON of
# Georgia"), a part of their name but not of their surname.
RECORD_SURNAME = r"[A-Z](?:[a-z]{1,2}[A-Z])?[A-Z'’\-]+"
OF_STATE = r"\s+of\s+(?P<state>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
_OF_STATE = re.compile(OF_STATE + "$")


def state_in(name: str) -> re.Match[str] | None:
    """The place a name ends with, as a member's told apart by their state does ("Johnson of
    Georgia") or a peer's title ("Smith of Finsbury"): its `state` group, or None."""
    return _OF_STATE.search(name)


@functools.lru_cache(maxsize=4096)
def surname(name: str) -> str:
    """The folded family name: last word, skipping suffixes; particles kept ("de blasio"), and
    every part of a hyphenated one ("smith jones")."""
    name = _OF_STATE.sub("", name)
    tokens = name_tokens(name)
    if not tokens:
        return ""
    last = len(tokens) - 1 - _hyphen_joined(name, tokens)
    while last > 1 and tokens[last - 1] in PARTICLES:
        last -= 1
    return " ".join(tokens[max(last, 0) :])


def _hyphen_joined(name: str, tokens: tuple[str, ...]) -> int:
    """How many words a hyphen joins to the last of `tokens` ("Smith-Jones": 1)."""
    for word in reversed(split_honorific(name)[1].split()):
        parts = name_tokens(word)
        if parts and parts[-1] == tokens[-1]:
            return len(parts) - 1 if "-" in word else 0
    return 0


@functools.lru_cache(maxsize=4096)
def given_name(name: str) -> str:
    """The folded first name, all of a hyphenated one ("jean luc" of Jean-Luc Picard), or ""
    for a single-word name."""
    name = _OF_STATE.sub("", name)
    tokens = name_tokens(name)
    words = split_honorific(name)[1].split()
    size = len(name_tokens(words[0])) if words else 0
    return " ".join(tokens[:size]) if 0 < size < len(tokens) else ""


def same_given_name(written: str, given: str) -> bool:
    """Whether `written` ("Sandy", "Bill", "Pete") is a familiar form of the given name `given`."""
    written, given = fold(written), fold(given)
    if not written or not given:
        return False
    if written == given or NICKNAMES.get(written) == given:
        return True
    if len(written) < 4 or written in COMMON_WORDS or written == given + "s":
        return False  # "Williams" is a surname made of a given name, not a familiar William
    common = 0
    for a, b in zip(written, given, strict=False):
        if a != b:
            break
        common += 1
    return common >= 3 and common >= min(len(written), len(given)) - 1
