"""Where a remembered quote sits in a real turn, how close it is, and what differs, word by word.

People misquote by changing, dropping, adding and reordering words, changing tenses and cutting
a passage short. The alignment is fuzzy in two steps: rapidfuzz's partial alignment finds the
stretch of the turn most like the pasted text (characters, so "said" still resembles "says"),
then the window's ends are moved a few words either way to the best fit. The score is the better
of an order-aware and an order-free similarity, so a reordered quote still scores high.
"""

import bisect
import itertools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .text import Word, norms, sentence_ends, words

# Scores are 0-100. A real passage scoring at least this is shown as a close match: calibrated by
# bench/quote_check.py so that misquotes of archive passages score above it and sentences from
# outside the archive fall below it (see the README for the figures): at a million turns, 99.2-99.8%
# of the misquotes found score at least 78, and 98.5% of debate sentences (not in the archive)
# score below it against their nearest court passage (at 76: 99.6-100% and 96.5%).
CLOSE_SCORE = 78.0
# How far (in words) each end of the located window may move while looking for the best fit.
_SLACK = 3
# Context shown around a matched passage, in words on each side, at most.
_CONTEXT_WORDS = 30
_SPACE = re.compile(r"\s*")


class Verdict(StrEnum):
    VERBATIM = "verbatim"
    CLOSE = "close"
    NONE = "none"


@dataclass(frozen=True)
class Alignment:
    """The best passage of a text for a pasted quote: words [start, end) of `words(text)`."""

    score: float
    verbatim: bool
    start: int
    end: int


@dataclass(frozen=True)
class Piece:
    """A run of text on one side of a word diff.

    `kind` is "equal" (said and pasted alike), "differs" (on the pasted side: not said so; on
    the real side: said, but not pasted so) or "context" (around the passage, not compared).
    """

    kind: Literal["equal", "differs", "context"]
    text: str


@dataclass(frozen=True)
class WordDiff:
    pasted: list[Piece]
    real: list[Piece]


def _joined(norms: list[str]) -> tuple[str, list[int]]:
    """The words joined by single spaces, and where each word starts in that string."""
    offsets = list(itertools.accumulate((len(norm) + 1 for norm in norms), initial=0))
    return " ".join(norms), offsets[:-1]


def _similarity(pasted: str, window: str) -> float:
    return max(fuzz.ratio(pasted, window), fuzz.token_sort_ratio(pasted, window))


def align(pasted: str, text: str) -> Alignment | None:
    """The passage of `text` closest to `pasted`, or None when either has no words."""
    pasted_norms = norms(pasted)
    text_norms = norms(text)
    if not pasted_norms or not text_norms:
        return None
    needle, _ = _joined(pasted_norms)
    haystack, offsets = _joined(text_norms)

    found = f" {haystack} ".find(f" {needle} ")
    if found >= 0:
        start = bisect.bisect_left(offsets, found)
        return Alignment(100.0, True, start, start + len(pasted_norms))

    # `dest_*` is always the stretch of the second string (all of it when that is the shorter).
    located = fuzz.partial_ratio_alignment(needle, haystack)
    first = max(bisect.bisect_right(offsets, located.dest_start) - 1, 0)
    last = max(bisect.bisect_left(offsets, located.dest_end), first + 1)
    best = (-1.0, first, last)
    for start in range(max(first - _SLACK, 0), min(first + _SLACK, len(text_norms) - 1) + 1):
        for end in range(max(last - _SLACK, start + 1), min(last + _SLACK, len(text_norms)) + 1):
            score = _similarity(needle, " ".join(text_norms[start:end]))
            if score > best[0]:
                best = (score, start, end)
    score, start, end = best
    return Alignment(round(score, 1), False, start, end)


def verdict(alignment: Alignment | None) -> Verdict:
    """Verbatim, close, or no close match, for the best alignment found."""
    if alignment is None:
        return Verdict.NONE
    if alignment.verbatim:
        return Verdict.VERBATIM
    return Verdict.CLOSE if alignment.score >= CLOSE_SCORE else Verdict.NONE


def _pieces(text: str, found: list[Word], differs: list[bool]) -> list[Piece]:
    """`text` from the first word to the last, split into runs of equal and differing words."""
    pieces: list[Piece] = []
    for i, word in enumerate(found):
        if i:
            gap = text[found[i - 1].end : word.start]
            # A gap between two differing words belongs to the change; otherwise it is neutral.
            _add(pieces, "differs" if differs[i - 1] and differs[i] else "equal", gap)
        _add(pieces, "differs" if differs[i] else "equal", word.text)
    return pieces


def _add(pieces: list[Piece], kind: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))


def _context(text: str, all_words: list[Word], alignment: Alignment) -> tuple[str, str]:
    """The rest of the sentences the passage sits in, cut to a few words on each side."""
    ends = sentence_ends(text)
    first_word, last_word = all_words[alignment.start], all_words[alignment.end - 1]
    opening = _SPACE.match(text, ends[bisect.bisect_right(ends, first_word.start) - 1]).end()
    opening = 0 if first_word.start < ends[0] else opening
    closing = ends[min(bisect.bisect_right(ends, last_word.start), len(ends) - 1)]
    before_index = max(alignment.start - _CONTEXT_WORDS, 0)
    after_index = min(alignment.end + _CONTEXT_WORDS, len(all_words)) - 1
    opening = max(opening, all_words[before_index].start)
    closing = min(closing, max(all_words[after_index].end, last_word.end))
    before = text[opening : first_word.start]
    after = text[last_word.end : closing].rstrip()
    if opening > 0 and not text[:opening].rstrip().endswith((".", "?", "!", "…")):
        before = "…" + before
    if closing < len(text.rstrip()) and not after.endswith((".", "?", "!", "…")):
        after += "…"
    return before, after


def word_diff(pasted: str, text: str, alignment: Alignment) -> WordDiff:
    """The pasted quote and the real passage side by side, with the words that differ marked.

    The real side keeps the turn's own spelling and punctuation and is set in the rest of its
    sentence as context; words are compared as `align` compares them (case and apostrophes
    aside).
    """
    pasted_words = words(pasted)
    all_words = words(text)
    window = all_words[alignment.start : alignment.end]
    pasted_differs = [True] * len(pasted_words)
    real_differs = [True] * len(window)
    for op in Levenshtein.opcodes([w.norm for w in pasted_words], [w.norm for w in window]):
        if op.tag == "equal":
            pasted_differs[op.src_start : op.src_end] = [False] * (op.src_end - op.src_start)
            real_differs[op.dest_start : op.dest_end] = [False] * (op.dest_end - op.dest_start)
    before, after = _context(text, all_words, alignment)
    real = [Piece("context", before)] if before else []
    real += _pieces(text, window, real_differs)
    if after:
        real.append(Piece("context", after))
    return WordDiff(pasted=_pieces(pasted, pasted_words, pasted_differs), real=real)
