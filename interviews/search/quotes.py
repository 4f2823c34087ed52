"""Quote check: the real passages closest to a remembered or misquoted one.

Candidates come from the full-text index (the turns holding most of the pasted text's rarest
words and pairs of adjacent words, so a turn is found even when some of the words are wrong or
moved); each candidate's stored text is then aligned with the pasted text
(`interviews.quotecheck`) and the best alignments win.
"""

from dataclasses import dataclass

from haystack import connections
from haystack.inputs import Exact, Raw
from haystack.query import SQ, SearchQuerySet

from interviews.models import Turn
from interviews.quotecheck import Alignment, Verdict, WordDiff, align, verdict, word_diff
from interviews.quotecheck.text import informative_words, norms, words
from interviews.search.queries import index_ready_check

MAX_PASTE_CHARS = 1000
MIN_PASTE_WORDS = 3
# How many turns the index proposes, and how many words of the paste it is asked for (besides
# its pairs of words). Measured by bench/quote_check.py at a million turns: 20, 30 and 40
# candidates find the true turn equally often (top-5 99.2%), at the same p95; 40 leaves room
# for an archive whose turns repeat each other more. Asking for more than 8 words found no more.
CANDIDATES = 40
QUERY_WORDS = 8
NEAREST_SHOWN = 3


class QuoteCheckError(ValueError):
    """The pasted text cannot be checked; the message says why, for the person who pasted it."""


@dataclass(frozen=True)
class QuoteMatch:
    turn: Turn
    alignment: Alignment
    verdict: Verdict
    diff: WordDiff


@dataclass(frozen=True)
class QuoteCheck:
    pasted: str
    verdict: Verdict
    matches: list[QuoteMatch]


def clean_paste(pasted: str) -> str:
    """The pasted text with its outer space and quotation marks gone; QuoteCheckError if unusable."""
    text = pasted.strip().strip("\"'“”‘’«»").strip()
    if len(text) > MAX_PASTE_CHARS:
        raise QuoteCheckError(
            f"Paste at most {MAX_PASTE_CHARS:,} characters (this is {len(text):,}): "
            "the sentence or two you want to check is enough."
        )
    if len(words(text)) < MIN_PASTE_WORDS:
        raise QuoteCheckError(f"Paste at least {MIN_PASTE_WORDS} words of the quote to check.")
    return text


def candidate_texts(pasted: str, *, limit: int | None = None) -> list[tuple[int, str]]:
    """(turn id, text) of the published turns most likely to hold `pasted`, likeliest first.

    The Whoosh backend chooses the paste's words by how rare they are in the archive
    (`passage_candidates`); another engine gets an OR of its longest uncommon words.
    """
    limit = limit or CANDIDATES
    backend = connections["default"].get_backend()
    if hasattr(backend, "passage_candidates"):
        found = backend.passage_candidates(norms(pasted), limit=limit, terms=QUERY_WORDS)
    else:
        terms = informative_words(pasted, limit=QUERY_WORDS)
        if terms:
            query = SQ(content=Raw(f"({' OR '.join(terms)})"))
        else:
            # Only common words: in their order they are still a phrase.
            query = SQ(text_exact=Exact(" ".join(norms(pasted))))
        results = SearchQuerySet().models(Turn).filter(query)[:limit]
        found = [(int(result.pk), result.text) for result in results if result is not None]
    if not found:
        index_ready_check()
    return found


def quote_check(pasted: str, *, limit: int = 5, candidates: int | None = None) -> QuoteCheck:
    """The `limit` real passages closest to `pasted`, best first, with the overall verdict.

    Raises QuoteCheckError, with a message for the user, for text too short or too long.
    """
    text = clean_paste(pasted)
    scored = []
    for rank, (turn_id, turn_text) in enumerate(candidate_texts(text, limit=candidates)):
        alignment = align(text, turn_text)
        if alignment is not None:
            scored.append((-alignment.score, rank, turn_id, turn_text, alignment))
    scored.sort(key=lambda item: item[:2])
    best = scored[:limit]
    turns = Turn.objects.published().for_display().in_bulk([item[2] for item in best])
    matches = []
    for *_, turn_id, indexed_text, alignment in best:
        turn = turns.get(turn_id)
        if turn is None:
            continue
        if turn.text != indexed_text:
            # Edited since it was indexed: show the words as they now stand.
            alignment = align(text, turn.text)
            if alignment is None:
                continue
        diff = word_diff(text, turn.text, alignment)
        matches.append(QuoteMatch(turn, alignment, verdict(alignment), diff))
    # Beside a real match, passages that are not close are noise; without one, the nearest few
    # show how far off the paste is.
    matches = [m for m in matches if m.verdict is not Verdict.NONE] or matches[:NEAREST_SHOWN]
    return QuoteCheck(
        pasted=text,
        verdict=matches[0].verdict if matches else Verdict.NONE,
        matches=matches,
    )
