"""What was really said: pure text algorithms behind quote check and talking points. No Django.

    align(pasted, text) -> Alignment       where a remembered quote sits in a real turn, how close
    word_diff(pasted, text, alignment)     the real wording beside the pasted one, word by word
    verdict(alignment) -> Verdict          verbatim, close, or no close match
    passages(text) -> list[Span]           the sentences of a turn worth comparing across turns

`interviews.search.quotes` feeds `align` the candidates the full-text index finds;
`interviews.services.talking_points` groups near-identical passages with MinHash.
"""

from .align import (
    CLOSE_SCORE,
    Alignment,
    Piece,
    Verdict,
    WordDiff,
    align,
    verdict,
    word_diff,
)
from .text import Span, Word, informative_words, passages, sentences, words

__all__ = [
    "CLOSE_SCORE",
    "Alignment",
    "Piece",
    "Span",
    "Verdict",
    "Word",
    "WordDiff",
    "align",
    "informative_words",
    "passages",
    "sentences",
    "verdict",
    "word_diff",
    "words",
]
