"""The archive's query language: free text plus filters, parsed leniently, rendered canonically.

Pure: no Django, no search engine. A query such as

    border "super gang" -Brussels speaker:"Peter Neumann" date:2016-01..2016-06

parses into a free-text expression (stemmed words, "exact phrases", AND / OR / NOT, `-word`,
prefixes `word*`, brackets) and filters (`speaker:`, `affiliation:`, `role:`, `program:`,
`topic:`, `segment:`, `date:`, each negatable with `-`). Nothing here raises on user input:
whatever cannot be understood is searched as words or dropped, and a notice says so. The
canonical rendering is what URLs, chips and facet links carry, and parsing it again gives it back.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass, field, replace

MAX_QUERY_LENGTH = 500
# Brackets nested deeper than this are read as if absent: no real query needs them.
MAX_DEPTH = 8
# A prefix shorter than this would expand to a large share of the vocabulary.
MIN_PREFIX = 3

OPERATORS = ("AND", "OR", "NOT")

# The filters, in the order the canonical query writes them, with the names people also type.
FILTER_FIELDS = ("speaker", "affiliation", "role", "program", "topic", "segment", "date")
_FIELD_ALIASES = {
    **{name: name for name in FILTER_FIELDS},
    "topics": "topic",
    "show": "program",
    "by": "speaker",
    "year": "date",
    "when": "date",
}
# A turn has one of each of these, so several positive values can only mean "any of them".
SINGLE_VALUED = frozenset({"speaker", "affiliation", "role", "program", "segment"})

FILTER_LABELS = {
    "speaker": "Speaker",
    "affiliation": "Affiliation",
    "role": "Role",
    "program": "Program",
    "topic": "Topic",
    "segment": "Segment",
    "date": "Date",
}

_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"'})
_FIELD_RE = re.compile(r"([A-Za-z_]+):")
_BARE_END = re.compile(r'[\s()"]')
_WORD_CHARS = re.compile(r"\w")
_DATE_PART = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_BARE_VALUE = re.compile(r'^[^\s()"-][^\s()"]*$')


# The free-text expression.


@dataclass(frozen=True)
class Term:
    """A word, stemmed when searched; `prefix` for `word*`."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must appear exactly (unstemmed) and in this order."""

    text: str


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Phrase | Not | And | Or


def _and(parts: list[Node]) -> Node | None:
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.children if isinstance(part, And) else (part,))
    return None if not flat else flat[0] if len(flat) == 1 else And(tuple(flat))


def _or(parts: list[Node]) -> Node | None:
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.children if isinstance(part, Or) else (part,))
    return None if not flat else flat[0] if len(flat) == 1 else Or(tuple(flat))


def _negate(node: Node) -> Node:
    return node.child if isinstance(node, Not) else Not(node)


def render_text(node: Node | None) -> str:
    """The canonical text of a free-text expression (AND is implicit, NOT is written `-`)."""
    if node is None:
        return ""
    if isinstance(node, Term):
        return node.text + ("*" if node.prefix else "")
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, Not):
        inner = render_text(node.child)
        return f"-({inner})" if isinstance(node.child, And | Or) else f"-{inner}"
    if isinstance(node, And):
        return " ".join(
            f"({render_text(c)})" if isinstance(c, Or) else render_text(c) for c in node.children
        )
    return " OR ".join(render_text(c) for c in node.children)


def positive_words(node: Node | None) -> list[str]:
    """The words a hit must or may contain (not those excluded), phrases split into words."""
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Term):
        return [node.text]
    if isinstance(node, Phrase):
        return node.text.split()
    return [word for child in node.children for word in positive_words(child)]


# Filters and dates.


@dataclass(frozen=True)
class DateRange:
    """Inclusive; either end may be open."""

    start: datetime.date | None
    end: datetime.date | None


def _date_bounds(text: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day that `2016`, `2016-03` or `2016-03-05` cover."""
    match = _DATE_PART.match(text)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, 1), datetime.date(year, month, last)
        day_date = datetime.date(year, month, day)
    except ValueError:
        return None
    return day_date, day_date


def parse_date_range(value: str) -> DateRange | None:
    """`2016`, `2016-03`, `2016-03-05`, or `A..B` with either side optional; None if invalid."""
    if ".." not in value:
        bounds = _date_bounds(value)
        return DateRange(*bounds) if bounds else None
    left, _, right = value.partition("..")
    start = _date_bounds(left) if left else (None, None)
    end = _date_bounds(right) if right else (None, None)
    if start is None or end is None or (not left and not right):
        return None
    return DateRange(start[0], end[1])


def _granularity(start: datetime.date | None, end: datetime.date | None) -> str:
    """The coarsest unit, "year", "month" or "day", in which both ends can be written."""
    starts_year = start is None or (start.month, start.day) == (1, 1)
    ends_year = end is None or (end.month, end.day) == (12, 31)
    if starts_year and ends_year:
        return "year"
    starts_month = start is None or start.day == 1
    ends_month = end is None or end.day == calendar.monthrange(end.year, end.month)[1]
    return "month" if starts_month and ends_month else "day"


_FORMATS = {
    "year": ("{d.year}", "{d.year}"),
    "month": ("{d:%Y-%m}", "{month} {d.year}"),
    "day": ("{d:%Y-%m-%d}", "{d.day} {month} {d.year}"),
}


def _write(day: datetime.date | None, unit: str, *, human: bool) -> str:
    if day is None:
        return ""
    return _FORMATS[unit][human].format(d=day, month=calendar.month_name[day.month])


def render_date_range(dates: DateRange) -> str:
    """The canonical value of a `date:` filter: `2016`, `2016-03`, `2016-01..2016-06`, `..2012`."""
    unit = _granularity(dates.start, dates.end)
    start, end = _write(dates.start, unit, human=False), _write(dates.end, unit, human=False)
    return start if start == end else f"{start}..{end}"


def describe_date_range(dates: DateRange) -> str:
    """A date range for people: "2016", "March 2016", "2010 to 2012", "since June 2016"."""
    unit = _granularity(dates.start, dates.end)
    start, end = _write(dates.start, unit, human=True), _write(dates.end, unit, human=True)
    if start == end:
        return start
    if not end:
        return f"since {start}"
    if not start:
        return f"until {end}"
    return f"{start} to {end}"


@dataclass(frozen=True)
class Filter:
    field: str
    value: str
    negated: bool = False

    @property
    def dates(self) -> DateRange | None:
        return parse_date_range(self.value) if self.field == "date" else None

    @property
    def label(self) -> str:
        """How a chip names this filter: "Speaker: Peter Neumann", "Not topic: Terrorism"."""
        name = FILTER_LABELS[self.field]
        shown = describe_date_range(self.dates) if self.dates else self.value
        return f"Not {name.lower()}: {shown}" if self.negated else f"{name}: {shown}"

    def render(self) -> str:
        value = self.value if _BARE_VALUE.match(self.value) else f'"{self.value}"'
        return f"{'-' if self.negated else ''}{self.field}:{value}"


# The parsed query.


@dataclass(frozen=True)
class ParsedQuery:
    text: Node | None = None
    filters: tuple[Filter, ...] = ()
    notices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        return self.text is None and not self.filters

    @property
    def free_text(self) -> str:
        return render_text(self.text)

    @property
    def words(self) -> list[str]:
        """The positive words of the free text, in order (for spelling and people's names)."""
        return positive_words(self.text)

    def canonical(self) -> str:
        """The query as the archive writes it: free text, then filters in a fixed order."""
        order = {name: i for i, name in enumerate(FILTER_FIELDS)}
        filters = sorted(self.filters, key=lambda f: (order[f.field], f.negated))
        text = self.free_text
        if filters and isinstance(self.text, Or):
            text = f"({text})"  # filters after "a OR b" would read as one side of the OR
        return " ".join(part for part in [text, *(f.render() for f in filters)] if part)

    def of_field(self, name: str, *, negated: bool = False) -> list[Filter]:
        return [f for f in self.filters if f.field == name and f.negated == negated]

    def without(self, removed: Filter) -> ParsedQuery:
        """This query with one filter taken out (a chip's "remove" link)."""
        return replace(self, filters=tuple(f for f in self.filters if f != removed), notices=())

    def with_filter(self, added: Filter) -> ParsedQuery:
        """This query narrowed by one more filter (a facet link, a timeline bar).

        A date replaces the dates already set (a bar is a narrower range inside them).
        """
        kept = [f for f in self.filters if f != added]
        if added.field == "date" and not added.negated:
            kept = [f for f in kept if f.field != "date" or f.negated]
        return replace(self, filters=(*kept, added), notices=())

    def with_text(self, text: Node | None) -> ParsedQuery:
        return replace(self, text=text, notices=())

    def with_notices(self, *notices: str) -> ParsedQuery:
        merged = list(self.notices)
        merged.extend(n for n in notices if n not in merged)
        return replace(self, notices=tuple(merged))


# Reading the text.


@dataclass(frozen=True)
class _Token:
    kind: str  # "(", ")", "phrase", "word", "field", "neg", "op"
    text: str = ""
    name: str = ""
    closed: bool = True


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_SMART_QUOTES)
    return "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)


def _read_phrase(text: str, i: int) -> tuple[str, bool, int]:
    """The phrase opening at text[i] (a quote): its words, whether it was closed, where it ends."""
    end = text.find('"', i + 1)
    if end == -1:
        return text[i + 1 :], False, len(text)
    return text[i + 1 : end], True, end + 1


def _tokens(text: str, notices: list[str]) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char))
            i += 1
        elif char == '"':
            words, closed, i = _read_phrase(text, i)
            tokens.append(_Token("phrase", words, closed=closed))
        elif char == "-" and i + 1 < n and not text[i + 1].isspace():
            tokens.append(_Token("neg"))
            i += 1
        elif char == "-":
            i += 1
        else:
            match = _FIELD_RE.match(text, i)
            if match and match.group(1).lower() in _FIELD_ALIASES:
                name = _FIELD_ALIASES[match.group(1).lower()]
                i = match.end()
                if i < n and text[i] == '"':
                    value, closed, i = _read_phrase(text, i)
                else:
                    end = _BARE_END.search(text, i)
                    value, closed = text[i : end.start() if end else n], True
                    i = end.start() if end else n
                tokens.append(_Token("field", value, name=name, closed=closed))
            elif match:
                # Not a filter: the name is a word, and what follows is read as usual.
                notices.append(
                    f"There is no “{match.group(1)}:” filter, so “{match.group(1)}” was searched "
                    f"as a word. Filters: {', '.join(f'{f}:' for f in FILTER_FIELDS)}."
                )
                tokens.append(_Token("word", match.group(1)))
                i = match.end()
            else:
                end = _BARE_END.search(text, i)
                word = text[i : end.start() if end else n]
                i = end.start() if end else n
                tokens.append(_Token("op" if word in OPERATORS else "word", word))
    return tokens


class _Parser:
    """Recursive descent over: or := and (OR and)*; and := unary ([AND] unary)*;
    unary := (NOT | -)* primary; primary := ( or ) | "phrase" | word | field:value."""

    def __init__(self, tokens: list[_Token], notices: list[str]):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0
        self.filters: list[Filter] = []
        self.notices = notices

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def at(self, kind: str, text: str | None = None) -> bool:
        token = self.peek()
        return token is not None and token.kind == kind and (text is None or token.text == text)

    def notice(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)

    def parse(self) -> Node | None:
        node = self.or_expr()
        while self.pos < len(self.tokens):  # only a stray ")" stops the top level early
            self.notice("A closing bracket had no opening one; it was ignored.")
            self.pos += 1
            node = _and([part for part in (node, self.or_expr()) if part is not None])
        return node

    def or_expr(self) -> Node | None:
        filters_before = len(self.filters)
        parts = [self.and_expr()]
        while self.at("op", "OR"):
            self.pos += 1
            parts.append(self.and_expr())
        if len(parts) > 1 and None in parts:
            self.notice("OR needs words on both sides; the empty side was ignored.")
        if len(parts) > 1 and len(self.filters) > filters_before:
            self.notice("Filters apply to the whole search, not to one side of an OR.")
        return _or([part for part in parts if part is not None])

    def and_expr(self) -> Node | None:
        parts: list[Node] = []
        while (token := self.peek()) is not None:
            if token.kind == "op" and token.text == "OR":
                break
            if token.kind == ")":
                if self.depth:
                    break
                self.notice("A closing bracket had no opening one; it was ignored.")
                self.pos += 1
                continue
            if token.kind == "op" and token.text == "AND":
                self.pos += 1
                following = self.peek()
                if (
                    not parts
                    or following is None
                    or following.kind == ")"
                    or (following.kind == "op" and following.text in ("AND", "OR"))
                ):
                    self.notice("AND needs words on both sides; it was ignored.")
                continue
            node = self.unary()
            if node is not None:
                parts.append(node)
        return _and(parts)

    def unary(self) -> Node | None:
        negated = False
        while self.at("neg") or self.at("op", "NOT"):
            self.pos += 1
            negated = not negated
        token = self.peek()
        if token is None or token.kind == ")" or (token.kind == "op"):
            self.notice("NOT and - need a word, a phrase or a filter right after them.")
            return None
        return self.primary(negated)

    def primary(self, negated: bool) -> Node | None:
        token = self.tokens[self.pos]
        self.pos += 1
        node: Node | None
        if token.kind == "(":
            if self.depth >= MAX_DEPTH:
                self.notice(f"Brackets nested deeper than {MAX_DEPTH} levels were ignored.")
                return None
            self.depth += 1
            node = self.or_expr()
            self.depth -= 1
            if self.at(")"):
                self.pos += 1
            else:
                self.notice("A bracket was left open; it was closed at the end.")
        elif token.kind == "phrase":
            if not token.closed:
                self.notice("A quote was left open; it was closed at the end.")
            words = " ".join(token.text.split())
            node = Phrase(words) if _WORD_CHARS.search(words) else None
        elif token.kind == "word":
            node = self.term(token.text)
        else:
            self.filter(token, negated)
            return None
        return _negate(node) if negated and node is not None else node

    def term(self, text: str) -> Node | None:
        prefix = text.endswith("*")
        core = text.replace("*", "").lstrip("-")
        if not _WORD_CHARS.search(core):
            return None
        if _FIELD_RE.match(core):
            # Written back as "name:..." it would read as a filter: keep its words apart.
            parts = [self.term(part) for part in core.split(":")]
            return _and([part for part in parts if part is not None])
        if core in OPERATORS:
            core = core.lower()
        if prefix and len(core) < MIN_PREFIX:
            self.notice(
                f"A prefix needs at least {MIN_PREFIX} letters before the *; "
                f"“{core}” was searched as a word."
            )
            prefix = False
        return Term(core, prefix)

    def filter(self, token: _Token, negated: bool) -> None:
        value = " ".join(token.text.split())
        example = 'speaker:"Peter Neumann"' if token.name != "date" else "date:2016-01..2016-06"
        if not token.closed:
            self.notice("A quote was left open; it was closed at the end.")
        if not value:
            self.notice(f"{token.name}: needs a value, as in {example}; it was ignored.")
            return
        if token.name == "date":
            dates = parse_date_range(value)
            if dates is None:
                self.notice(
                    f"“{value}” is not a date the archive understands, so date:{value} was "
                    "ignored. Write date:2016, date:2016-03, date:2016-03-05 or "
                    "date:2016-01..2016-06."
                )
                return
            if dates.start and dates.end and dates.start > dates.end:
                left, _, right = value.partition("..")
                dates = parse_date_range(f"{right}..{left}")
                self.notice("The dates were the wrong way round; they were swapped.")
            value = render_date_range(dates)
        if self.depth:
            self.notice("Filters apply to the whole search, not only inside brackets.")
        found = Filter(token.name, value, negated)
        if found not in self.filters:
            self.filters.append(found)


def _bounded(text: str, max_length: int) -> tuple[str, str | None]:
    if len(text) <= max_length:
        return text, None
    cut = text[:max_length]
    space = cut.rfind(" ")
    if space > max_length - 50:
        cut = cut[:space]
    return cut, f"The search was cut to its first {max_length} characters."


def parse_query(text: str, *, max_length: int = MAX_QUERY_LENGTH) -> ParsedQuery:
    """Parse what someone typed into free text, filters and notices; never raises."""
    notices: list[str] = []
    text, cut_notice = _bounded(_clean(text or "").strip(), max_length)
    if cut_notice:
        notices.append(cut_notice)
    parser = _Parser(_tokens(text, notices), notices)
    node = parser.parse()
    return ParsedQuery(text=node, filters=tuple(parser.filters), notices=tuple(notices))
