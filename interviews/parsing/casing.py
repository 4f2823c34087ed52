"""Words printed in capitals in the case prose is printed in: speech in capitals throughout, as
broadcast closed captions are, for the engine to read names from, and the affiliations broadcast
labels print so ("FOX NEWS"), for the archive to show and count as one with "Fox News".

The engine finds people by their capitals ("Dr. Alan Brooks", "Thanks, Maria."); in captions
printed in capitals every word looks like a name and none stands out. So the engine reads a copy
in lower case but for sentence starts, "I", titles, and the words of names: those the labels or a
header in ordinary case give, those after a title ("DR. ALAN BROOKS.", "SENATOR WARREN"), and
whom a speaker introduces as themself ("I'M MARIA LOPEZ.") where someone calls on them by a word
of that name ("THANKS, MARIA."). The turns keep the words as printed.
"""

from __future__ import annotations

import re

from .names import COMMON_WORDS, HONORIFICS, canonical_name, is_honorific, opens_sentence
from .text import sentence_spans

_NAME_WORD = r"[A-Z][A-Z'’-]*"
_TITLE = "|".join(re.escape(h.rstrip(".")) for h in HONORIFICS)
# A title and the name after it: up to three words where punctuation ends them, one elsewhere.
_TITLED = re.compile(
    rf"\b(?i:{_TITLE})\.?\s+((?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}(?=[,.?!;:]|\s*$)|{_NAME_WORD})"
)
# A title after these is a noun, not a name's: "THE SENATOR SAID", "A GOVERNOR WHO".
_DETERMINER = re.compile(
    r"(?:^|\W)(?:THE|A|AN|THIS|THAT|EVERY|EACH|ANY|NO|MY|OUR|YOUR|HIS|HER|THEIR)\s+$"
)
# Someone called on by a word: "MARIA, ..." or "..., MARIA.".
_CALLED = re.compile(rf"(?:^|[.?!>]\s*)({_NAME_WORD}),|,\s+({_NAME_WORD})[.?!]", re.M)
_SELF_NAMED = re.compile(
    rf"\b(?:I['’]M|I AM|MY NAME IS)\s+((?:{_NAME_WORD}\s+){{1,2}}{_NAME_WORD})(?=[,.?!]|\s*$)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# An affiliation's words, and its abbreviations kept as printed: "U.S.", "D.C.", a party and a
# state ("D-CA").
_AFFILIATION_WORD = re.compile(
    r"(?P<abbreviation>\b(?:[A-Z]\.){2,}|\b[A-Z]{1,2}-[A-Z]{1,2}\b)|[A-Za-z][A-Za-z'’-]*"
)
# The small words of a title, in lower case but for the first: "President of the United States".
MINOR_WORDS = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
_PRONOUN = re.compile(r"\bi(?=\b|['’])")


def all_in_capitals(texts: list[str]) -> bool:
    """Whether the texts have letters and none of them in lower case."""
    joined = "".join(texts)
    return any(c.isalpha() for c in joined) and not any(c.islower() for c in joined)


def readable(texts: list[str], known: list[str]) -> list[str]:
    """`texts`, printed in capitals, in ordinary case, the words of the `known` names and of the
    names the texts give (see the module's docstring) capitalised."""
    whole = "\n".join(texts)
    names = {word.lower() for name in known for word in _WORD.findall(name)}
    titled = [
        match.group(1).split()
        for match in _TITLED.finditer(whole)
        if not _DETERMINER.search(whole[max(match.start() - 6, 0) : match.start()])
    ]
    called = {m.group(1) or m.group(2) for m in _CALLED.finditer(whole)}
    # "GOVERNOR HOCHUL AGREED.": the words after the first are a name's where its last is one
    # elsewhere too, after a title or called on ("DR. ALAN BROOKS." and "DR. BROOKS,").
    named = {words[0] for words in titled} | called
    for words in titled:
        names.update(_name_words(" ".join(words if words[-1] in named else words[:1])))
    for match in _SELF_NAMED.finditer(whole):
        words = _name_words(match.group(1))
        if len(words) == len(match.group(1).split()) and called & {w.upper() for w in words}:
            names.update(words)
    return [_recased(text, names) for text in texts]


def _name_words(printed: str) -> list[str]:
    """The words of a name found in capitals, none of them a word that opens a sentence."""
    words = [w.lower() for w in printed.split()]
    return [w for w in words if w not in COMMON_WORDS and not opens_sentence(w)]


def _recased(text: str, names: set[str]) -> str:
    def word(match: re.Match[str]) -> str:
        printed = match.group(0)
        if printed in names:
            return canonical_name(printed)
        return printed.capitalize() if is_honorific(printed) else printed

    recased = list(_PRONOUN.sub("I", _WORD.sub(word, text.lower())))
    for start, _ in sentence_spans(text):  # read in capitals, where every word may open one
        first = _WORD.search(text, start)
        if first:
            recased[first.start()] = recased[first.start()].upper()
    return "".join(recased)


def readable_affiliations(affiliations: list[str], texts: list[str]) -> list[str]:
    """Affiliations printed in capitals, as broadcast labels print them ("FOX NEWS", "PRESIDENT
    OF THE UNITED STATES"), in title case ("Fox News", "President of the United States"), so
    that one transcript's "FOX NEWS" and another's "Fox News" are one affiliation. A word the
    `texts` print only in capitals stays so ("CNN"), as does an abbreviation ("U.S.", "D-CA")
    and, where the texts never print it, a word of two letters or of no vowel ("AP", "NBC")."""
    if not any(all_in_capitals([a]) for a in affiliations):
        return affiliations
    ordinary: set[str] = set()
    capitals: set[str] = set()
    for text in texts:
        if not all_in_capitals([text]):
            for printed in _WORD.findall(text):
                (capitals if printed.isupper() else ordinary).add(printed.lower())

    def recased(match: re.Match[str]) -> str:
        printed, lower = match.group(0), match.group(0).lower()
        if match.group("abbreviation") or lower in capitals - ordinary:
            return printed
        # A title's first word, or the first of a work's title in quotes, is capitalised.
        before = match.string[: match.start()].rstrip(" ")
        if lower in MINOR_WORDS:
            return printed.capitalize() if not before or before[-1] in "\"“‘':(—–" else lower
        if lower not in ordinary and (len(lower) <= 2 or not re.search("[aeiouy]", lower)):
            return printed
        return "-".join(part.capitalize() for part in printed.split("-"))

    return [_AFFILIATION_WORD.sub(recased, a) if all_in_capitals([a]) else a for a in affiliations]
