"""Quote snippets with the matched words marked, everything else HTML-escaped.

Transcript text is untrusted, so the snippet is built from escaped pieces and only our own
`<mark>` tags are raw. What counts as a match comes from the parsed query, not from its text:
stemmed words match any form ("recruit" marks "recruiting"), exact phrases mark only their words
in order, prefixes mark the words they begin, and excluded words are never marked.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape

from whoosh import query as wq
from whoosh.lang.porter import stem

WORD = re.compile(r"\w+(?:\.\w+)*")
# A page of long turns stems thousands of words, most of them the same few hundred.
_stem = lru_cache(maxsize=65536)(stem)


@dataclass
class MatchTerms:
    """The words a query looks for, by how they match."""

    stems: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.stems or self.words or self.prefixes or self.phrases)


def match_terms(q: wq.Query, *, stemmed_field: str, exact_field: str) -> MatchTerms:
    """The positive words of a parsed query on the two text fields (negated parts are skipped)."""
    terms = MatchTerms()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if isinstance(node, wq.Term) and isinstance(node.text, str):
            if node.fieldname == stemmed_field:
                terms.stems.add(node.text)
            elif node.fieldname == exact_field:
                terms.words.add(node.text)
        elif isinstance(node, wq.Prefix) and node.fieldname in (stemmed_field, exact_field):
            terms.prefixes.add(node.text.lower())
        elif isinstance(node, wq.Phrase) and node.fieldname in (stemmed_field, exact_field):
            if node.fieldname == exact_field:
                terms.phrases.append(tuple(node.words))
            else:
                terms.stems.update(node.words)
        for child in node.children():
            walk(child)

    walk(q)
    return terms


def snippet(text: str, terms: MatchTerms, *, width: int = 240) -> str:
    """An escaped window of `text` around its best run of matches, matches in `<mark>`.

    Without any match (a hit found through a filter alone) it is the start of the text.
    """
    spans = _marked_spans(text, terms)
    start, end = _window(text, spans, width)
    out = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[cursor:s], quote=False))
        out.append(f"<mark>{escape(text[s:e], quote=False)}</mark>")
        cursor = e
    out.append(escape(text[cursor:end], quote=False))
    if end < len(text):
        out.append("…")
    return "".join(out)


def quoted_paragraph(text: str, snippet: str) -> int:
    """The index of the paragraph of `text` where `snippet` (as either engine marks it) marks
    its first word; 0 where it marks none or cannot be found in the text."""
    first = snippet.find("</mark>")
    if first < 0:
        return 0
    quoted = unescape(re.sub(r"</?mark>", "", snippet[:first])).lstrip("…")
    found = text.find(quoted)
    return text.count("\n\n", 0, found + len(quoted)) if quoted and found >= 0 else 0


def _marked_spans(text: str, terms: MatchTerms) -> list[tuple[int, int]]:
    """Where the words to mark are in `text`, in order."""
    spans = []
    if terms.stems or terms.words or terms.prefixes:
        initials = frozenset(word[:1] for word in (*terms.stems, *terms.words, *terms.prefixes))
        spans = [
            m.span()
            for m in _words_beginning(initials).finditer(text)
            if _matches(m.group().lower(), terms)
        ]
    if not terms.phrases:
        return spans
    tokens = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    marked = set(spans)
    for phrase in terms.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tokens[i][2] == phrase[0] and all(tokens[i + k][2] == phrase[k] for k in range(n)):
                marked.update((tokens[i + k][0], tokens[i + k][1]) for k in range(n))
    return sorted(marked)


@lru_cache(maxsize=256)
def _words_beginning(initials: frozenset[str]) -> re.Pattern:
    """The words (as WORD reads them) that begin with one of `initials`, in either case.

    A page's 20 turns run to thousands of words; only those beginning as a searched word does
    can match it (a Porter stem keeps its word's first letter), and a regular expression finds
    them about five times faster than reading and testing every word.
    """
    letters = re.escape("".join(sorted(initials)))
    return re.compile(rf"(?<!\w)(?<!\w\.)(?i:[{letters}])\w*(?:\.\w+)*")


def _matches(word: str, terms: MatchTerms) -> bool:
    return (
        word in terms.words
        or (bool(terms.stems) and _stem(word) in terms.stems)
        or any(word.startswith(p) for p in terms.prefixes)
    )


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The `width`-character window holding the most matches, widened to word boundaries."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, 0
    j = 0
    for i, (s, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] - s <= width:
            j += 1
        if j - i > best_count:
            best_start, best_count = s, j - i
    # Some context before the first match, then snap both edges to whitespace.
    start = max(0, best_start - width // 4) if best_count else 0
    end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best_start else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end
