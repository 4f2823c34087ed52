"""Who is in a transcript, and where the text names them.

`Roster` holds the people a transcript's labels, summary and introductions name, and resolves a
printed form ("INSKEEP", "Senator Sanders", "Bill") to one of them. `find_mentions` locates every
naming of a roster person in a stretch of speech and says how the name is used: addressed to the
listener (a vocative), claimed by the speaker ("I'm ..."), or talked about.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .names import (
    COMMON_WORDS,
    PARTICLES,
    canonical_name,
    given_name,
    holder_of_office,
    is_honorific,
    is_title,
    name_tokens,
    opens_sentence,
    same_given_name,
    speaker_key,
    split_honorific,
    state_in,
    surname,
    title_of,
)
from .text import STAGE_DIRECTION, fold, sentence_spans


@dataclass
class Person:
    """One person the transcript names, with everything learnt about them while parsing."""

    name: str
    honorific: str = ""
    affiliation: str = ""
    role: str = "unknown"
    aliases: list[str] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    titles: Counter = field(default_factory=Counter)  # offices the text gives them, counted

    @property
    def key(self) -> str:
        return speaker_key(self.name)

    @property
    def shown_name(self) -> str:
        """The name as the archive shows it: one the speech printed in capitals ("JUDY
        WOODRUFF") as a label's would be."""
        return canonical_name(self.name) if self.name.isupper() else self.name


class Roster:
    """The people of one transcript, resolving printed forms of their names to them."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        # What `find` made of each printed form since the last `add`: the speech repeats names.
        self._found: dict[str, Person | None] = {}

    def __iter__(self):
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)

    def find(self, printed: str) -> Person | None:
        """The one person `printed` refers to, or None when it names nobody or several people."""
        if printed not in self._found:
            self._found[printed] = self._find(printed)
        return self._found[printed]

    def _find(self, printed: str) -> Person | None:
        tokens = name_tokens(printed)
        if not tokens:
            return None
        key = " ".join(tokens)
        exact = [p for p in self.people if p.key == key]
        if exact or state_in(printed):
            return exact[0] if exact else None  # "Johnson of Georgia" is no other Johnson
        if set(tokens[:-1]) <= PARTICLES or surname(printed) == key:
            # A surname alone, its particles included: "Mr. de Blasio", "DeBlasio" and "De Blasio"
            # name Bill de Blasio, and the person known only as "De Blasio" (whose capital
            # particle could have been a given name, as in "Al Gore").
            by_surname = [
                p
                for p in self.people
                if _same_surname(surname(p.name), key) or _same_surname(p.key, key)
            ]
            if len(by_surname) == 1:
                return by_surname[0]
            # "Secretary Clinton" where Bill Clinton is talked of too: whoever holds the office.
            office = title_of(split_honorific(printed)[0])
            titled = [p for p in by_surname if office and p.titles[office]]
            if by_surname:
                return titled[0] if len(titled) == 1 else None
        if len(tokens) == 1 or " " not in printed.strip():  # "Jean-Luc" is one given name
            by_given = [p for p in self.people if same_given_name(key, given_name(p.name))]
            return by_given[0] if len(by_given) == 1 else None
        last = surname(printed)
        first = tokens[0]
        matches = [
            p
            for p in self.people
            if _same_surname(surname(p.name), last)
            and (
                not given_name(p.name)
                or same_given_name(first, given_name(p.name))
                or given_name(p.name).startswith(first)
                or first.startswith(given_name(p.name))
            )
        ]
        if not matches:
            # "Judy Woodruff" is whoever was known only as "Judy" ("JUDY:" labels her turns).
            matches = [p for p in self.people if p.key == first and " " not in p.name.strip()]
        return matches[0] if len(matches) == 1 else None

    def by_title(self, printed: str) -> Person | None:
        """The person a bare title addresses ("Mr. President", "Senator"), if only one fits.

        A label gives a person their office, and so does an introduction by their full name
        ("joined by Senator Jane Lee"); before a surname alone speech must give it twice, for
        that may be a namesake's ("as Chief Justice Lee wrote in 1803").
        """
        title = title_of(printed)
        if not title:
            return None
        holders = sorted(
            ((p.titles[title], i) for i, p in enumerate(self.people) if p.titles[title]),
            reverse=True,
        )
        if not holders or (len(holders) > 1 and holders[1][0] * 2 > holders[0][0]):
            return None
        holder = self.people[holders[0][1]]
        if holders[0][0] < 2 and title_of(holder.honorific) != title:
            return None
        return holder

    def learn_titles(self, texts: list[str]) -> None:
        """Note the offices printed before people's names ("Governor Reagan") in `texts`."""
        for text in texts:
            for _, _, run in name_runs(text):
                for start, end, person, by_title in _resolve_run(self, run):
                    # An office is printed before a surname: "Justice Lee" is not Lee Park.
                    named = split_honorific(run[start:end])[1]
                    if by_title or not _same_surname(surname(named), surname(person.name)):
                        continue
                    title, _ = split_honorific(run[start:])
                    office = title_of(title) or title_of(title.split()[-1] if title else "")
                    if office:
                        person.titles[office] += 2 if speaker_key(named) == person.key else 1
        self._found.clear()  # an office now tells apart people of one surname

    def add(
        self,
        printed: str,
        *,
        honorific: str = "",
        affiliation: str = "",
        role: str = "unknown",
        evidence: str = "",
    ) -> Person:
        """Record a naming of a person, merging it into an existing one when it resolves."""
        title, bare = split_honorific(printed)
        honorific = honorific or title
        if fold(honorific).rstrip(".") == fold(bare).rstrip("."):
            honorific = ""  # "KING:" after "MARTIN LUTHER KING JR.:" is a surname, not a title
        person = self.find(bare)
        self._found.clear()  # whom a printed form names may change with this naming
        if person is None:
            person = Person(name=bare)
            self.people.append(person)
        elif len(name_tokens(bare)) > len(name_tokens(person.name)):
            person.aliases.append(person.name)
            person.name = bare  # the fullest printing is the display name
        elif bare != person.name and bare not in person.aliases:
            person.aliases.append(bare)
        person.honorific = person.honorific or honorific
        if title_of(honorific):
            person.titles[title_of(honorific)] += 1
        person.affiliation = person.affiliation or affiliation
        if role != "unknown" and person.role == "unknown":
            person.role = role
        if evidence:
            person.evidence.add(evidence)
        return person


def _same_surname(a: str, b: str) -> bool:
    """Whether two folded surnames are one, however the apostrophe and the space after a
    particle were printed: transcripts typed in a hurry and speech-to-text drop them
    ("ORourke", "OMalley", "DeBlasio")."""
    return a == b or _unspaced(a) == _unspaced(b)


def _unspaced(folded: str) -> str:
    return folded.replace("'", "").replace(" ", "")


@dataclass(frozen=True)
class Mention:
    """A naming of `person` at `start`:`end` of a text; `kind` is vocative, self or third.

    `thanks`: the sentence thanks the person (a goodbye to whoever just spoke, not a handover);
    `directed`: a third-person naming that directs the floor ("a question for Senator Kerry").
    """

    person: Person
    start: int
    end: int
    kind: str
    sentence: int
    thanks: bool = False
    directed: bool = False
    trailing: bool = False  # a vocative that ends its sentence: "I listen, Pat." "Pat?"


# A hyphen joins the parts of a double name ("Smith-Jones") and, before a space, the halves of
# one parted at a removed line break ("Vice- President"); two hyphens are a dash ("Sanders--").
# A dotted abbreviation ("U.S.", "J.R.") is one word: its letters are not initials of two names.
# A particle may open a name's word ("deBlasio", "al-Assad", "d'Alembert"); a capital inside a
# word of lower case opens none ("iPhone").
_PARTICLE = r"(?:de|del|della|der|den|di|da|du|la|le|van|von|bin|al|el)"
_NAME_WORD = (
    rf"(?<![\w'’])(?:(?:[A-Z]\.){{2,}}|(?:{_PARTICLE}[\-'’]?|[a-z]['’])?[A-Z][\w'’]*(?:-[\w'’]+)*"
    r"(?:-(?=\s+[A-Z]))?\.?|[A-Z]\.)"
)
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_PARTICLE}(?=[ \t]+[A-Z])))*")
# Someone saying who they are: "I'm Neal Conan", "My name is Ann Lee".
SELF_INTRO = re.compile(
    r"\b(?:I['’]?m|I am|[Mm]y name is)\s+"
    r"(?P<name>(?:[A-Z](?:[\w'’\-]+|\.)\s+){1,3}[A-Z][\w'’\-]+)"
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you're|you’re|you've|you’ve)\b", re.I)
# "I'm", and "Im" as the corpus of record prints it without apostrophes.
_SELF = re.compile(r"(?:\bI['’]?m|\bI am|\bmy name is|\bthis is)\s+$", re.I)
# Words that open a sentence before a vocative without being part of it ("Honestly, Grace, ...").
_OPENERS = re.compile(
    r"^(?:(?:well|ok|okay|all right|alright|now|and|so|but|yes|no|oh|look|listen|please|"
    r"thank you(?: (?:very|so) much)?|thanks|welcome(?: back)?|hello|hi|good (?:morning|"
    r"evening|afternoon|night)|again|first|finally|next|sir|ma['’]am|\w+ly)[,.!]?\s+)*$",
    re.I,
)
_APPOSITION = re.compile(r",\s+(?:who|which|whose|the|a|an|our|his|her|their)\b", re.I)
_APPOSITION_VERB = re.compile(r",\s+(?:is|was|has|had|will|said|says|told|joins)\b")
_SENTENCE_END = re.compile(r"\s*[.?!…]*[\"'”’)\]]*\s*")
# Who a name at a sentence's end renames rather than addresses: "I agree with my friend, Ann."
_RENAMED = re.compile(
    r"\b(?:my|our|his|her|their|your)\s+(?:\w+\s+)?(?:friends?|colleagues?|opponents?|rivals?|"
    r"running mate|wife|husband|partner|predecessor|successor),\s*$",
    re.I,
)
_PREDICATE = re.compile(
    r",\s+(?:is|was|has|had|will|would|could|should|can|may|might|must|does|did|said|says|"
    r"wants|wanted|thinks|believes)\b(?!\s+you\b)",
    re.I,
)
# An em-dash however it is typed: "—", "–", "--", or "- -" as the corpus of record prints it.
_DASH_MARK = r"(?:—|–|-\s*-)"
_DASH = re.compile(rf"^\s*{_DASH_MARK}")
_STAGE_DIRECTION = re.compile(STAGE_DIRECTION)
_GROUP_HEAD = re.compile(r"(?:[A-Z][\w'’.\-]*\s+)+(?:and|&)\s+$")
_RESTARTED = re.compile(rf"(?:[A-Z][\w'’.\-]*\s+)*[A-Z][\w'’.\-]*\s*{_DASH_MARK}\s*$")
_GROUP_JOIN = re.compile(r"^\s*(?:,\s*|\s+)(?:and|&)\s+$|^\s*,\s*$")


def name_runs(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str]]:
    """Runs of capitalised words in `text` that may print a name, with their offsets; a run
    ends with its sentence ("Thank you, Vice President. Senator Sanders." holds two).
    `sentences`: the text's `sentence_spans`, where the caller has them already."""
    ends = [end for _, end in (sentence_spans(text) if sentences is None else sentences)]
    runs = []
    for match in _NAME_RUN.finditer(text):
        start = match.start()
        for end in ends[bisect.bisect_right(ends, start) :]:
            if end >= match.end():
                break
            runs.append((start, end, text[start:end]))
            gap = text[end : match.end()]
            start = end + len(gap) - len(gap.lstrip())
        runs.append((start, match.end(), text[start : match.end()]))
    return runs


def _resolve_run(roster: Roster, run: str) -> list[tuple[int, int, Person, bool]]:
    """People named inside one run of capitalised words: (start, end, person, by title only)."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", run)]
    found: list[tuple[int, int, Person, bool]] = []
    i = 0
    while i < len(words):
        hit = None
        for j in range(min(len(words), i + 5), i, -1):
            printed = run[words[i][0] : words[j - 1][1]].rstrip(".,")
            by_title = is_title(printed)
            person = roster.by_title(printed) if by_title else _find_owner(roster, printed)
            if person is not None:
                hit = (j, person, by_title)
                break
        if hit is None or _given_name_of_another(run, words, i, hit[0], hit[1]):
            i += 1
            continue
        j, person, by_title = hit
        # A title just before the name belongs to the naming ("Senator Sanders").
        found.append((words[i][0], words[j - 1][1], person, by_title))
        i = j
    return found


_POSSESSIVE = re.compile(r"['’]s?$")


def _find_owner(roster: Roster, printed: str) -> Person | None:
    """The person `printed` names, possessive or not: "Governor Romney's plan", and
    "Governor Romneys plan" where the apostrophe was lost (as scraped and speech-to-text
    transcripts lose it) but only for a surname, so that "Williams" is not William Smith."""
    person = roster.find(printed)
    if person is not None:
        return person
    if _POSSESSIVE.search(printed):
        return roster.find(_POSSESSIVE.sub("", printed))
    if printed.endswith("s") and len(printed.split()[-1]) > 2:
        person = roster.find(printed[:-1])
        if person is not None and surname(printed[:-1]) == surname(person.name):
            return person
    return None


def find_mentions(text: str, roster: Roster) -> list[Mention]:
    """Every naming of a roster person in `text`, classified by how the name is used."""
    if not len(roster):
        return []
    sentences = sentence_spans(text) or [(0, len(text))]
    mentions: list[Mention] = []
    sentence_index = 0
    for run_start, _, run in name_runs(text, sentences):
        for offset, end_offset, person, by_title in _resolve_run(roster, run):
            start, end = run_start + offset, run_start + end_offset
            while sentence_index + 1 < len(sentences) and sentences[sentence_index][1] <= start:
                sentence_index += 1
            s_start, s_end = sentences[sentence_index]
            kind = _classify(text, start, end, s_start, s_end)
            if by_title and kind != "vocative":
                continue  # "the President said" may mean anyone; "Mr. President," is addressed
            thanks = _thanks(text, s_start, start, end, s_end)
            directed = kind == "third" and _directs(text[s_start:start], text[end:s_end])
            trailing = kind == "vocative" and bool(_SENTENCE_END.fullmatch(text[end:s_end]))
            mentions.append(
                Mention(person, start, end, kind, sentence_index, thanks, directed, trailing)
            )
    mentions += _office_mentions(text, roster, sentences)
    mentions += _office_vocatives(text, roster, sentences)
    mentions.sort(key=lambda m: m.start)
    return _reported(text, _spread_group_vocatives(text, mentions))


# A quotation within a paragraph: “...” or "...".
_QUOTATION = re.compile(r'(?<!\w)[“"][^“”"\n]{1,600}?[”"](?!\w)')


def _reported(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a name addressed or introduced inside a quotation made third-person: the
    speaker reports someone else's words ("a woman stood up and said, “Senator McCain, I want
    you to ...”"), and who they addressed then is not who the speaker addresses now."""
    quotations = [match.span() for match in _QUOTATION.finditer(text)]
    return [
        replace(m, kind="third", thanks=False, trailing=False)
        if m.kind != "third" and any(start < m.start < end for start, end in quotations)
        else m
        for m in mentions
    ]


def _office_mentions(text: str, roster: Roster, sentences: list[tuple[int, int]]) -> list[Mention]:
    """People talked about by their office alone ("the governor said"), where the office fits
    one person of the roster: in a debate between a governor and a president, "the governor"
    is not the one speaking."""
    found = []
    for match, sentence, s_start, s_end in _offices(_THE_OFFICE, text, sentences):
        person = roster.by_title(match.group("office"))
        if person is not None:
            directed = _directs(text[s_start : match.start()], text[match.end() : s_end])
            found.append(
                Mention(person, match.start(), match.end(), "third", sentence, False, directed)
            )
    return found


def _office_vocatives(text: str, roster: Roster, sentences: list[tuple[int, int]]) -> list[Mention]:
    """People addressed by their office printed in lower case ("Thank you, senator."), as
    speech-to-text and hurried typists print it, where the office fits one person."""
    found = []
    for match, sentence, s_start, s_end in _offices(_LOWER_OFFICE, text, sentences):
        person = roster.by_title(match.group())
        start, end = match.span()
        if person is not None and _classify(text, start, end, s_start, s_end) == "vocative":
            thanks = _thanks(text, s_start, start, end, s_end)
            found.append(Mention(person, start, end, "vocative", sentence, thanks))
    return found


def _offices(
    pattern: re.Pattern, text: str, sentences: list[tuple[int, int]]
) -> Iterator[tuple[re.Match, int, int, int]]:
    """Each office `pattern` finds in `text`, with its sentence's index, start and end."""
    starts = [start for start, _ in sentences]
    for match in pattern.finditer(text):
        sentence = bisect.bisect_right(starts, match.start()) - 1
        yield match, sentence, *sentences[sentence]


_OFFICE = (
    r"(?:vice[ -])?president|governor|senator|mayor|congress(?:wo)?man|secretary|judge|justice|"
    r"chief justice|general|ambassador|speaker|prime minister"
)
_THE_OFFICE = re.compile(
    rf"\b[Tt]he\s+(?P<office>(?i:{_OFFICE}))\b"
    r"(?!\s+[A-Z])(?!['’]?s\b\s+(?:office|race|debate))"
)
# Capitalised offices are runs of capitalised words, found with the names.
_LOWER_OFFICE = re.compile(rf"\b(?:{_OFFICE})\b")
_THANKS = re.compile(r"\bthank|\bthanks\b", re.I)
# "thank you" and a first name or title set off by a comma, right before a second name.
_AFTER_THANKED = re.compile(
    r"\b(?i:thank you|thanks)(?i: (?:very|so) much)?,?\s+(?:[A-Z][\w'’.\-]*\s+)*[A-Z][\w'’.\-]*,\s*$"
)
_ONLY_NAMES_AFTER = re.compile(r"(?:,?\s+(?:and\s+)?[A-Z][\w'’.\-]*)*\s*[.!…]*[\"'”’)\]]*\s*")
_DIRECTED = re.compile(r"\b(?:to|for|from|with|turn to|go to|ask|bring in)\s+(?:you,?\s+)?$", re.I)
# Whoever is to ask next is given the floor: "Ann Lee has a question for you", "Mr. Levy with
# the next question", "It will be asked by Ann Lee."
_ASKER = re.compile(
    r"\s+(?:has|have|with|asks|will ask)(?:\s+(?:got|a|an|the|that|this|our|his|her|another|"
    r"one more|next|first|last|final))*\s+(?:questions?\b|follow)",
    re.I,
)
_ASKED_BY = re.compile(r"\b(?:asked|posed|put|questions?(?: is| will be)?)\s+by\s+$", re.I)
# "Bring Senator Lee in" hands over too, its "in" after the name rather than before it.
_BRING = re.compile(r"\bbring\s+$", re.I)
_IN = re.compile(r"\s+(?:back\s+)?in(?:to)?\b", re.I)
_ANSWERED = re.compile(
    r"\b(?:respond|responding|reply|replying|react|reacting|answer|answering|listen|listening|"
    r"refer|referring)\s+to\s+(?:you,?\s+)?$",
    re.I,
)


def _thanks(text: str, s_start: int, start: int, end: int, s_end: int) -> bool:
    """Whether the sentence naming someone at `start`:`end` thanks them. A moderator thanks
    whoever spoke and names the next in one breath ("Thank you Congresswoman, Senator Harris, your
    response?"): the second name is handed the floor, unless nothing but names follows it, a
    list of goodbyes ("Thank you, Vice President Gore, Governor Bush.")."""
    if not _THANKS.search(text, s_start, s_end):
        return False
    after_thanked = _AFTER_THANKED.search(text, s_start, start)
    return not after_thanked or bool(_ONLY_NAMES_AFTER.fullmatch(text, end, s_end))


def _directs(before: str, after: str) -> bool:
    """Whether the words around a name give that person the floor ("a question for", "turn
    to", "bring ... in", "... has a question"), rather than ask for an answer to them
    ("respond to")."""
    brought_in = _BRING.search(before) and _IN.match(after)
    asks = _ASKER.match(after) or _ASKED_BY.search(before)
    return bool(_DIRECTED.search(before) or brought_in or asks) and not _ANSWERED.search(before)


def _classify(text: str, start: int, end: int, s_start: int, s_end: int) -> str:
    # Earlier names joined by "and" share this name's position: "Peter and Ann, thank you", as
    # does a name broken off by a dash and said again: "Senator Lee -- Senator Lee, why?". A
    # stage direction is nobody's words: "(CROSSTALK) Governor Romney?" opens with the name. A
    # dash after a name sets it off as a comma would: "Senator Lee -- your response?"
    before = _STAGE_DIRECTION.sub(" ", text[s_start:start])
    before = _GROUP_HEAD.sub("", _RESTARTED.sub("", before))
    after = _DASH.sub(",", text[end:s_end], count=1)
    if _SELF.search(before):
        return "self"
    after_stripped = after.strip()
    opens = bool(_OPENERS.match(before.strip() + " ")) or not before.strip()
    if opens and (not after_stripped or after_stripped[0] in ".?!"):
        return "vocative"  # the name is the whole sentence: "Sandy." "Senator?"
    # "Peter, just staying with you" addresses Peter; "Peter Neumann, who runs the centre, says"
    # is an apposition about him, closed by a comma ("Jim, the floor is yours." is not).
    apposition = _APPOSITION.match(after_stripped) and "," in after_stripped[1:]
    sentence = text[s_start:s_end]
    # "Peter Neumann, joins us from London." is about him; "Senator, is there a fix?" asks her.
    asks = sentence.rstrip().endswith("?")
    if (
        opens
        and after_stripped.startswith(",")
        and not apposition
        and (asks or not _APPOSITION_VERB.search(after_stripped))
    ):
        return "vocative"
    if (
        before.rstrip().endswith(",")
        and _SENTENCE_END.fullmatch(after)
        and not _RENAMED.search(before)
    ):
        return "vocative"  # "I don't think that follows, William." "It does, Amna."
    # "New question, Mr. President, to you." addresses him; "your rival, Mr. Lee, would win"
    # is about him (but "Tell me, Mr. Lee, would you?" asks him).
    set_off = (
        before.rstrip().endswith(",")
        and after_stripped[:1] in (",", "")
        and not _PREDICATE.match(after_stripped)
    )
    if set_off and (_SECOND_PERSON.search(sentence) or asks):
        return "vocative"  # "New question, Mr. President, to you."
    return "third"


def _given_name_of_another(
    run: str, words: list[tuple[int, int, str]], i: int, j: int, person: Person
) -> bool:
    """Whether a lone given name that resolved to `person` is followed by a surname that is not
    theirs: "John Kerry" is not John Edwards."""
    if j != i + 1 or j >= len(words) or is_honorific(words[j][2]):
        return False
    following = fold(words[j][2]).strip(".,")
    if following in _NOT_NAME_OPENERS or opens_sentence(following):
        return False  # "Bernie If I could finish": the name ends where the sentence begins
    return surname(person.name) != surname(run[words[i][0] : words[i][1]])


def _spread_group_vocatives(text: str, mentions: list[Mention]) -> list[Mention]:
    """In "Peter Neumann and Rukmini Callimachi, thank you both" every name is addressed."""
    result = list(mentions)
    for i in range(len(result) - 2, -1, -1):
        current, following = result[i], result[i + 1]
        if (
            current.kind == "third"
            and following.kind == "vocative"
            and following.sentence == current.sentence
            and _GROUP_JOIN.match(text[current.end : following.start])
        ):
            result[i] = Mention(
                current.person,
                current.start,
                current.end,
                "vocative",
                current.sentence,
                current.thanks,
            )
    return result


# In capitals, a given name, perhaps initials, and a surname: "PAUL D. CLEMENT" (looked for at
# every word, for "OF JANE R. SMITH" holds the pair "OF JANE" as well).
_CAPITAL_NAME = re.compile(r"(?=\b([A-Z][A-Z'’-]+)((?:\s+[A-Z]\.)*)\s+([A-Z][A-Z'’-]+)\b)")
# Words before a surname in capitals that are no given name.
_NOT_GIVEN = COMMON_WORDS | {"of", "by", "for", "to", "be", "on", "from", "at", "in"}


def names_in_capitals(text: str, surnames: set[str]) -> list[str]:
    """The full names that headings printed in capitals give people known by their surnames
    alone: "ORAL ARGUMENT OF PAUL D. CLEMENT ON BEHALF OF THE PETITIONERS" names "MR. CLEMENT:",
    "STATEMENT OF HON. MARTIN HEINRICH, U.S. SENATOR FROM NEW MEXICO" "Senator HEINRICH."."""
    found: list[str] = []
    for line in text.splitlines():
        if any(c.islower() for c in line):
            continue
        for match in _CAPITAL_NAME.finditer(line):
            given, initials, last = match.groups()
            name = f"{given}{initials} {last}"
            if (
                surname(name) in surnames
                and fold(given) not in _NOT_GIVEN
                and not is_honorific(given)
            ):
                found.append(name)
    return found


# A header's lines of their own ("Matthew Miller, Department Spokesperson" above "Washington, DC")
# run shorter than lines wrapped at a width, which a summary's sentences run on over.
_OWN_LINE = 50


def _rest_of_line(text: str, start: int, end: int) -> str:
    """What follows the name at `start:end` up to the end of its line, where that line is a
    paragraph's last or one of its own; the rest of the text where it is wrapped at a width."""
    after = text[end:]
    newline = after.find("\n")
    if newline < 0:
        return after
    line = text[text.rfind("\n", 0, start) + 1 : end + newline]
    if len(line) < _OWN_LINE or re.match(r"\n\s*\n", after[newline:]):
        return after[:newline]
    return after


def prose_people(text: str) -> list[tuple[str, str, bool]]:
    """People a summary or introduction names: (printed name, affiliation, is_subject).

    A name is taken when it is two to five capitalised words not preceded by an article or a
    preposition of place ("the Islamic State", "of King's College" are not people).
    `is_subject` is true when the name opens a clause and a verb follows ("William Brangham
    learns more ..."), or others join them ("... join Judy Woodruff"): the position a program's
    own host or reporter takes.
    """
    people: list[tuple[str, str, bool]] = []
    spans: list[tuple[int, int, bool]] = []  # each person's run, and whether it opens a clause
    for start, end, run in _name_pieces(name_runs(text)):
        before = text[max(0, start - 40) : start]
        closing = text[start + len(run.rstrip("'’.,")) :]
        if re.match(r"[,.]?[\"”’']", closing) and (
            re.search(r"[\"“‘']$", before) or _inside_quotes(text[:start])
        ):
            continue  # "Salt Roads", "Journal: The Conversation Continues": a work's title
        words = run.split()
        occupied = False
        while (
            words
            and not is_honorific(words[0])
            and (fold(words[0]) in _NOT_NAME_OPENERS or opens_sentence(words[0]))
        ):
            occupied = occupied or fold(words[0]) in _OCCUPATIONS
            words = words[1:]  # "No HMO or insurance company can ..."
        # "Secretary of State Antony Blinken", "U.S. Ambassador to Ukraine William Taylor": an
        # office of a place or body, whose holder's name ends the run after it; the office's own
        # words ("U.S. Ambassador") are no one.
        if words and is_honorific(words[-1]) and _OFFICE_OF.match(text[end:]):
            continue
        office = _OFFICE_BEFORE.search(before)
        held = bool(office and is_honorific(office.group("title")) and len(words) >= 3)
        if held:
            words = holder_of_office(words)
        # What stands before a title describes the person: "Vermont Senator Bernie Sanders",
        # "the U.S. Chamber of Commerce President Tom Donohue".
        described = 0
        if not split_honorific(" ".join(words))[0]:
            titled = (i for i in range(1, len(words)) if split_honorific(" ".join(words[i:]))[0])
            described = next(titled, 0)
            words = words[described:]
        honorific_free = split_honorific(" ".join(words))[1].split()
        if not 2 <= len(honorific_free) <= 5:
            continue
        # (Titled, it is someone whatever stands before it: "the view of Rep. Adam Schiff".)
        titled = bool(split_honorific(" ".join(words))[0])
        if not (described or held or titled) and re.search(
            r"\b(?:the|of|at|for|in|on|to the|an?)\s*$", before, re.I
        ):
            continue
        if any(fold(w).strip(".,") in _ORG_WORDS for w in honorific_free):
            continue
        if fold(honorific_free[0]) in _PLACE_OPENERS:
            continue  # "San Antonio", "West Texas", "New Hampshire": places, greeted as people are
        if len({fold(w) for w in honorific_free}) < len(honorific_free):
            continue  # "Jake, Jake": a name said twice, not a person's two names
        if _DESCRIBES.match(text[end:]):
            continue
        # "NPR's Mary Louise Kelly speaks with ...": a broadcaster's own person, named after it.
        network = _NETWORKS.match(words[0]) if len(honorific_free) >= 3 else None
        if network:
            words, honorific_free = words[1:], honorific_free[1:]
        # "Morning Edition's Leila Fadel": a program's own person, named after its name.
        program = _PROGRAMS.match(" ".join(words))
        if program and not network:
            network = program
            words = words[len(program.group(0).split()) :]
            honorific_free = split_honorific(" ".join(words))[1].split()
        if re.search(r"['’]s$", honorific_free[0]):
            continue  # "Yahoo's IntoNow": something of someone's, not a person
        # "Ruth Akers's new novel": the person whose novel it is.
        words[-1] = re.sub(r"['’]s$", "", words[-1])
        printed = " ".join(words)
        if printed.endswith(".") and len(words[-1]) > 2:
            printed = printed[:-1]  # the sentence's full stop, not an initial
        after = _rest_of_line(text, start, end)
        affiliation = ""
        # "of" and "for" join the words of a name: "the University of Chicago", "the Institute
        # for the Study of War".
        org = re.match(
            r"\s*(?:of|from|at|with)\s+((?:the\s+|The\s+)?"
            r"(?:[A-Z][\w'’.&\-]*(?:\s+(?:of|for)(?:\s+the)?(?=\s+[A-Z]))?\s*)+)",
            after,
        )
        if org:
            # The words run on over a full stop into the next sentence: "of Ohio. Senator, ..."
            affiliation = re.split(r"(?<=[a-z]{2})\.\s", org.group(1).strip())[0]
            if re.search(r"[a-z]{3}\.$", affiliation):
                affiliation = affiliation[:-1]
        else:
            # "William J. Brennan, Jr., of ...", "PAUL D. CLEMENT, ESQUIRE, ...": a suffix to a
            # name is no affiliation.
            after = _SUFFIX_AFTER.sub("", after, count=1)
            appos = re.match(
                r",\s+((?:the\s+|The\s+)?[A-Z][^,;.]{1,60}?)(?:,|;|\.(?:\s|$)|$)", after
            )
            behalf = _ON_BEHALF.match(after)
            if behalf:
                affiliation = f"on behalf of {behalf.group('party').strip()}"
            elif appos and not re.match(rf"(?:and|but|who|which)\b|{_MONTH}", appos.group(1)):
                affiliation = appos.group(1).strip()
        clause_start = (
            not before.strip()
            or before.rstrip()[-1] in ".?!:;"
            or re.search(
                r"(?:\b(?:and|as|while|own|correspondent|reporter|anchor|host)|,)\s*$", before
            )
        )
        verb = re.match(
            # (Whoever "joins" a program is its guest.) In the past tense too: "Our own Jeffrey
            # Brown sat down with him", "Amna Nawaz talked with".
            r"\s+(?:also\s+)?(?!(?:versus|plus|minus|thus|perhaps|always|across|towards|joins)\b)"
            r"[a-z]+s\b|\s+(?:has|is|looks|talks|sat|spoke|met|[a-z]{2,}ed)\b",
            after,
        )
        # "Theresa May interviewed by John Humphrys": the subject of a passive is asked.
        passive = re.match(
            r"\s+(?:is\s+|was\s+)?(?:interviewed|questioned|asked|quizzed|grilled)\s+by\b", after
        )
        if network and not affiliation:
            affiliation = network.group("network")
        # "... join Judy Woodruff to discuss": whom guests join is the program's own.
        joined = re.search(r"\bjoin(?:s|ed)?\s+$", before)
        # (An affiliation wrapped over lines is one line of words.)
        people.append(
            (
                printed,
                " ".join(affiliation.split()),
                bool((clause_start and verb and not passive and not occupied) or joined),
            )
        )
        spans.append((start, end, not before.strip() or before.rstrip()[-1] in ".?!:;"))
    # "Steve Inskeep and Leila Fadel speak with ...": both are the sentence's subject.
    for i in range(len(people) - 1):
        (_, end, opens), (start, after, _) = spans[i], spans[i + 1]
        if (
            opens
            and re.fullmatch(r"\s+and\s+", text[end:start])
            and _PLURAL_VERB.match(text[after:])
        ):
            people[i : i + 2] = [(p, a, True) for p, a, _ in people[i : i + 2]]
    # A byline ("By Helen Park") names who wrote the piece: in a print interview, who asks.
    bylines = [m.span() for m in BYLINE.finditer(text)]
    for i, (start, end, _) in enumerate(spans):
        if any(a <= start and end <= b for a, b in bylines):
            people[i] = (people[i][0], people[i][1], True)
    # In a list of people ("questions from Ann Lee, Bob Cole and ..."), the name after a comma
    # is the next person, not what the one before it works for ("Bob R." of "Bob R. Cole" too).
    names = {printed for printed, _, _ in people}
    return [
        (p, "" if a and any(n.startswith(a) or a.startswith(n) for n in names) else a, subject)
        for p, a, subject in people
    ]


def _inside_quotes(text: str) -> bool:
    """Whether text ends inside a quotation it opens."""
    return text.count('"') % 2 == 1 or text.rfind("“") > text.rfind("”")


_OFFICE_OF = re.compile(r"\s+(?:of|to|for)\s+(?:the\s+)?[A-Z]")
_OFFICE_BEFORE = re.compile(r"(?P<title>[A-Z][\w.]*)\s+(?:of|to|for)\s+(?:the\s+)?$")
# "Colorado River negotiator Tanya Trujillo", "New Yorker staff writer Jane Mayer": the
# capitals before someone's occupation say where they work, and are no one.
_DESCRIBES = re.compile(
    r"\s+(?:(?!(?:and|or|nor|but|for|of|the|to|with|by|as|at|in|on)\b)[a-z]+\s+)?"
    r"(?!(?:after|over|under|ever|never|other|rather|whether|together|later|former|latter)\b)"
    r"[a-z]{2,}(?:or|er|ar|ist|ent|ant|ian|ee|ert|ial|man|woman|person)\s+[A-Z][\w'’.\-]*\s+[A-Z]"
)
# A date set off after a name ("Tom Reed, March 3, 2019.") says when, not where they work.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
# Counsel as a court's record lists them: "PAUL D. CLEMENT, ESQUIRE, Alexandria, Virginia; on
# behalf of the Petitioners." (whom they appear for, not where they practise).
_ON_BEHALF = re.compile(
    r",(?:(?!\.\s)[^\n]){0,150}?[,;]\s*on\s+behalf\s+of\s+(?P<party>(?:the\s+)?[A-Z][^.;,\n]{1,60})"
)
_SUFFIX_AFTER = re.compile(r"^,?\s*(?:Jr|Sr|II|III|IV|(?i:esq|esquire))\b\.?(?=,|\s|$)")


def askers(text: str) -> set[str]:
    """Whom a summary says puts the questions, as `prose_people` prints them: "with questions
    from Ann Lee and Bob Cole", "moderated by Ann Lee", "Justices Ann Lee and Bob Cole also
    question counsel"; each name of such a list asks."""
    found: set[str] = set()
    named = [printed for printed, _, _ in prose_people(text)]
    runs = [(start, end, run) for start, end, run in name_runs(text) if _printed_in(run, named)]
    listed: list[list[tuple[int, int, str]]] = []
    for run in runs:
        if listed and _LIST_JOIN.fullmatch(text[listed[-1][-1][1] : run[0]]):
            listed[-1].append(run)
        else:
            listed.append([run])
    for group in listed:
        start, end = group[0][0], group[-1][1]
        before = text[max(0, start - 40) : start]
        if _ASKED_BEFORE.search(before) or _ASKS_AFTER.match(text[end:]):
            found.update(_printed_in(run, named) for _, _, run in group)
        elif _TALKS_TO.search(before) and not _named_before(runs, text, start):
            # "The author of "Salt Roads" talks to Peter Lang": whom someone the summary
            # describes, never names, talks to is the one who asks.
            found.update(_printed_in(run, named) for _, _, run in group)
    return found


def _named_before(runs: list[tuple[int, int, str]], text: str, start: int) -> bool:
    """Whether one of the runs stands before `start` in its sentence."""
    opens = max((at for at, _ in sentence_spans(text) if at <= start), default=0)
    return any(opens <= run_start < start for run_start, _, _ in runs)


def _printed_in(run: str, named: list[str]) -> str:
    return next((printed for printed in named if printed in run), "")


# Between two names of a list, perhaps after what the first works for: "Ann Lee of CNN, and".
_LIST_JOIN = re.compile(r"(?:\s+(?:of|from|at)\s+[^,;.]{1,60}?)?(?:,?\s+(?:and|&)\s+|,\s+)")
_ASKED_BEFORE = re.compile(
    r"\b(?:questions?\s+(?:will\s+be\s+(?:put|asked)\s+)?(?:from|by)|"
    r"(?:moderated|hosted|anchored|questioned|asked|interviewed|conducted)"
    r"\s+by|moderators?|panel(?:ists)?|co-?hosts?|hosts?)[:,]?\s+$",
    re.I,
)
_TALKS_TO = re.compile(r"\b(?:talks|talked|speaks|spoke|sits down|sat down)\s+(?:to|with)\s+$")
_ASKS_AFTER = re.compile(r",?\s+(?:also\s+)?(?:ask|question|moderate|host|interview)s?\b")
# A verb after two names ("... and Leila Fadel speak with"): a lower-case word that is not a
# preposition, a conjunction, "are" or "join" ("are joined by", "join us": they are guests), or
# "also" (those who "also question" are not the program's lead).
_PLURAL_VERB = re.compile(
    r"\s+(?!(?:of|from|at|in|on|for|to|by|with|about|as|and|or|but|who|whose|which|that"
    r"|are|were|join|also|the|a|an)\b)[a-z]+\b"
)
# "By Helen Park", "By Ann Lee and Tom Wu", "By — Helen Park" on a line of its own: who wrote
# the page.
BYLINE = re.compile(
    r"^[ \t]*By\s+(?:[—–-][ \t]+)?"
    r"[A-Z][\w'’.\-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’.\-]*,?)*[ \t]*$",
    re.M,
)
# A broadcaster in the possessive, its name with two capitals at least: "NPR's", "CNN's",
# "NewsHour's" (not "Yahoo's Enter Now app", nor "the People's Liberation Army").
_NETWORKS = re.compile(r"^(?P<network>[A-Z][\w&]*[A-Z][\w&]*)['’]s$")
# Two capitalised words or more, the last in the possessive, before a name of two words or more.
_PROGRAMS = re.compile(r"(?P<network>(?:[A-Z][\w&.\-]*\s+)+[A-Z][\w&.\-]*)['’]s\s+(?=\S+\s+\S)")


def _name_pieces(runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The runs of capitalised words cut where one name in them ends: at a pronoun or
    conjunction after the first word (dropped), and before a second title, as when a name is
    said twice ("Senator Sanders Senator Sanders") or two are named without a comma between."""
    pieces = []
    for start, _, run in runs:
        cuts: list[list[re.Match]] = [[]]
        for word in re.finditer(r"\S+", run):
            piece = cuts[-1]
            if piece and opens_sentence(word.group()):
                cuts.append([])
                continue
            second_title = any(is_honorific(w.group()) for w in piece[:-1])
            if second_title and is_honorific(word.group()):
                cuts.append(piece := [])
            piece.append(word)
        pieces += [
            (
                start + piece[0].start(),
                start + piece[-1].end(),
                run[piece[0].start() : piece[-1].end()],
            )
            for piece in cuts
            if piece
        ]
    return pieces


# What someone does, said before their name: "Author Julia Sweig says ...". Who is so described
# is someone the program talks to or about, not its own host or reporter.
_OCCUPATIONS = {
    *("author", "writer", "columnist", "journalist", "editor", "critic", "commentator"),
    *("historian", "economist", "novelist", "poet", "playwright", "biographer", "comedian"),
    *("actor", "actress", "singer", "musician", "filmmaker", "director", "producer", "artist"),
    *("analyst", "scholar", "lawyer", "attorney", "activist", "scientist", "researcher"),
    *("strategist", "pollster", "entrepreneur", "investor", "diplomat", "lawmaker", "coach"),
}
_NOT_NAME_OPENERS = {
    "if",
    "when",
    "but",
    "and",
    "so",
    "as",
    "in",
    "on",
    "at",
    "the",
    "a",
    "an",
    "turning",
    "now",
    "tonight",
    "today",
    "this",
    "that",
    "with",
    "from",
    "for",
    "after",
    "before",
    "while",
    "correspondent",
    "special",
    "senior",
    "chief",
    "reporter",
    "anchor",
    "host",
    "moderator",
    "newshour",
    "our",
    "your",
    "my",
    "his",
    "her",
    "their",
    "plus",
    "also",
    "then",
    "here",
    "there",
    "why",
    "how",
    "what",
    "who",
    "where",
    "meanwhile",
    "later",
    "join",
    "joined",
    "watch",
    "listen",
    "to",
    "by",
    "im",
    "i'm",
    "well",
    "because",
    "thanks",
    "democrat",
    "democratic",
    "republican",
    "independent",
    "former",
    *_OCCUPATIONS,
    # Prepositions: "Between Iowa and New Hampshire", "Under Joe Biden's plan".
    "about",
    "against",
    "among",
    "around",
    "between",
    "during",
    "into",
    "like",
    "over",
    "since",
    "through",
    "under",
    "until",
    "without",
}
# Words that open the names of places, never of people.
_PLACE_OPENERS = {
    *("san", "santa", "los", "las", "fort", "port", "mount", "lake", "new"),
    *("north", "south", "east", "west", "northern", "southern", "eastern", "western"),
}
_ORG_WORDS = {
    "college",
    "university",
    "chamber",
    "commerce",
    "times",
    "news",
    "post",
    "journal",
    "institute",
    "center",
    "centre",
    "council",
    "foundation",
    "committee",
    "department",
    "school",
    "house",
    "senate",
    "congress",
    "court",
    "state",
    "states",
    "united",
    "party",
    "network",
    "press",
    "radio",
    "tv",
    "television",
    "magazine",
    "agency",
    "association",
    "company",
    "group",
    "bank",
    "fund",
    "office",
    "ministry",
    "league",
    "union",
    "city",
    "county",
    "republic",
    "kingdom",
    "nations",
    "club",
    "commission",
    "board",
    "service",
    "corporation",
    "inc",
    "llc",
    "review",
    "daily",
    "tribune",
    "herald",
    "globe",
    "report",
    "street",
    "avenue",
    "affairs",
    "world",
    "american",
    "democratic",
    "republican",
    "debate",
    "debates",
    "presidential",
    "vice",
    "program",
    "administration",
    "army",
    "navy",
    "hotel",
    "museum",
    "hospital",
    "library",
    "bureau",
    "authority",
    "organization",
    "institution",
    "airport",
    # A law's parts: "Article One", "Section Eight".
    "article",
    "section",
    "amendment",
    "clause",
    # Days: "Super Tuesday", "Black Friday".
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
