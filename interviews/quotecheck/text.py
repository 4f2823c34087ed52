"""Words and sentences of transcript text, with their positions so that results map back to it."""

import re
from dataclasses import dataclass

# A word keeps its inner apostrophes ("doesn't", "Peter's") so that a diff shows it whole.
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# A sentence ends at . ? ! or … (with any closing quotes or brackets) followed by a space.
_SENTENCE_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=\s)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Words too common to find a passage by (and which full-text engines mostly do not index).
_COMMON_WORDS = """a about after again all also am an and any are as at be because been before being both
    but by can could did do does doing don down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my no nor
    not now of off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yes yeah well oh okay ok let us let's it's that's i'm i've i'd we're you're they're
    think know going like really get got say said mean want"""
STOP_WORDS = frozenset(_COMMON_WORDS.split())

# The commonest of those, which full-text engines drop: not worth asking for even when a paste
# has few other words.
_FUNCTION_WORDS = """a an and are as at be by can for from have if in is it may not of on or
    that the this to us we when will with yet you your i he she they them his her its our their
    was were been has had do does did so but me my don"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# A query of fewer words than this finds too many turns at random: fill up with common words.
MIN_QUERY_WORDS = 6

# A passage shorter than this is a stock phrase ("Thank you very much."), not a talking point.
MIN_PASSAGE_WORDS = 8


@dataclass(frozen=True)
class Word:
    """One word as written, its comparison form, and where it sits in its text."""

    text: str
    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """A stretch of a text by character offsets, with its words."""

    start: int
    end: int
    words: tuple[Word, ...]


def normalise(word: str) -> str:
    """The form words are compared in: lower case, one kind of apostrophe."""
    return word.lower().replace("’", "'")


def words(text: str) -> list[Word]:
    """Every word of `text`, in order."""
    return [
        Word(text=m.group(), norm=normalise(m.group()), start=m.start(), end=m.end())
        for m in _WORD.finditer(text)
    ]


def norms(text: str) -> list[str]:
    """The comparison form of every word of `text`, in order: `words` without positions.

    Quote check compares a paste with a hundred turns, some of thousands of words; building a
    `Word` for each of them was most of its time.
    """
    lowered = normalise(text)
    if len(lowered) == len(text):
        return _WORD.findall(lowered)
    # A letter whose lower case is longer ("İ") could move word boundaries: word by word.
    return [normalise(word) for word in _WORD.findall(text)]


def sentence_ends(text: str) -> list[int]:
    """Where the sentences of `text` end, in order, the end of the text last."""
    boundaries = [m.end() for m in _SENTENCE_END.finditer(text)]
    boundaries += [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    return sorted(set(boundaries) | {len(text)})


def sentences(text: str) -> list[Span]:
    """The sentences of `text` (paragraph breaks end a sentence too); empty ones are left out."""
    spans = []
    start = 0
    for end in sentence_ends(text):
        if end <= start:
            continue
        found = tuple(words(text[start:end]))
        if found:
            shifted = tuple(Word(w.text, w.norm, w.start + start, w.end + start) for w in found)
            spans.append(Span(start=shifted[0].start, end=end, words=shifted))
        start = end
    return spans


def passages(text: str, *, min_words: int = MIN_PASSAGE_WORDS) -> list[Span]:
    """The sentences of a turn long enough to be a talking point rather than a stock phrase."""
    return [span for span in sentences(text) if len(span.words) >= min_words]


def informative_words(text: str, *, limit: int = 12) -> list[str]:
    """The words of `text` most likely to find it in a full-text index, at most `limit`.

    Stop words are left out, each word counts once, and longer words are preferred as a cheap
    stand-in for rarer ones. A text with few such words ("Now, I should like to proceed") is
    filled up to MIN_QUERY_WORDS with its common words that are not mere function words. Only
    letters and digits are kept, so the result is safe to join into a query.
    """
    strong: dict[str, int] = {}
    weak: dict[str, int] = {}
    for position, word in enumerate(words(text)):
        for part in re.split(r"['_]", word.norm):
            if len(part) < 3 or part in FUNCTION_WORDS or part in strong or part in weak:
                continue
            if word.norm in STOP_WORDS or part in STOP_WORDS:
                weak[part] = position
            else:
                strong[part] = position
    ranked = sorted(strong, key=lambda part: (-len(part), strong[part]))[:limit]
    fill = max(min(MIN_QUERY_WORDS, limit) - len(ranked), 0)
    ranked += sorted(weak, key=lambda part: (-len(part), weak[part]))[:fill]
    order = {**weak, **strong}
    return sorted(ranked, key=order.__getitem__)
