"""Matching documents as numpy arrays, and facet counts over them.

Whoosh walks every match of a query in Python, one document at a time: fine for a page of
twenty hits, ruinous for counting the 150,000 turns that say "court". This module reads a term's
postings a block at a time into an array, combines arrays for AND / OR / NOT, and counts facet
values with `numpy.bincount` over per-segment value tables. Query nodes it does not know are
left to Whoosh, so the answer is always right and usually fast.

Everything here works on one Whoosh segment ("leaf") at a time; `LeafTables` caches what is
derived from a segment's immutable files under the segment's id, so a write to the index (a new
small segment, or deletions) never invalidates the tables of the big segment beside it.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from itertools import pairwise

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.fields import NUMERIC
from whoosh.formats import Positions
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from .mapped import MappedPostings, decode_positions, read_mapped

DOCNUM = np.int64
WEIGHT = np.float64
# Date columns hold this where a document has no value.
NO_VALUE = np.iinfo(np.int64).min
# Joins two adjacent words in a pairs field's terms (words never hold a space).
PAIR_SEPARATOR = " "
_BYTE_TO_LENGTH = np.array([byte_to_length(b) for b in range(256)], WEIGHT)
# A word's occurrence as one number: its document times this, plus its position.
_SPAN = 1 << 32


def pairs_field(fieldname: str) -> str:
    """The field that indexes `fieldname`'s adjacent words as pairs, where the schema has one."""
    return f"{fieldname}_pairs"


class LRU:
    """A small thread-safe least-recently-used cache."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key, compute: Callable):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def __contains__(self, key) -> bool:
        with self._lock:
            return key in self._items

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _postings_arrays(leaf, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(document numbers, weights) of every posting of the term in this segment, deleted
    documents included; a posting's weight is how often the term occurs in the document."""
    try:
        matcher = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
    except KeyError:
        return np.empty(0, DOCNUM), np.empty(0, WEIGHT)
    if not isinstance(matcher, W3LeafMatcher):
        # Short postings lists are stored inline; they are small enough to walk.
        docs, weights = [], []
        while matcher.is_active():
            docs.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        return np.asarray(docs, DOCNUM), np.asarray(weights, WEIGHT)
    # Block by block: each block's data is (delta-encoded ids, weights, values) in one pickle
    # (whoosh-reloaded 2.7's on-disk layout, read through its private attributes because no
    # public API hands out a block at once; the pinned version keeps this stable).
    id_chunks, weight_chunks = [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        ids, weights = matcher._data[0], matcher._data[1]
        id_chunks.append(np.cumsum(np.asarray(ids, dtype=DOCNUM)))
        if weights is None or isinstance(weights, float):
            weight_chunks.append(np.full(len(ids), 1.0 if weights is None else weights, WEIGHT))
        else:
            weight_chunks.append(np.asarray(weights, WEIGHT))
        matcher._next_block()
    if not id_chunks:
        return np.empty(0, DOCNUM), np.empty(0, WEIGHT)
    return np.concatenate(id_chunks), np.concatenate(weight_chunks)


def _postings_array(leaf, fieldname: str, btext: bytes) -> np.ndarray:
    """Every document number holding the term in this segment, deleted ones included."""
    return _postings_arrays(leaf, fieldname, btext)[0]


class LeafTables:
    """Arrays derived from one immutable segment: term postings, facet values, numeric columns."""

    def __init__(self, leaf):
        self.leaf = leaf
        self.doc_count_all = leaf.doc_count_all()
        self._lock = threading.Lock()
        self._terms = LRU(512)
        self._facets: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
        self._numbers: dict[str, np.ndarray] = {}
        self._lengths: dict[str, np.ndarray] = {}
        self._mapped: dict[str, MappedPostings | None] = {}

    def term_docs(self, fieldname: str, btext: bytes) -> np.ndarray:
        """Sorted document numbers (deleted ones included) holding one term."""
        return self.term_postings(fieldname, btext)[0]

    def term_postings(self, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """(sorted document numbers, weights) of one term, deleted documents included."""

        def read():
            mapped = self.mapped_postings(fieldname, btext)
            if mapped is not None:
                # A posting's weight is how often the document holds the term.
                return mapped[0], mapped[1].astype(WEIGHT)
            # One reader, shared by every thread: its files are read by one at a time.
            with self._lock:
                return _postings_arrays(self.leaf, fieldname, btext)

        return self._terms.get_or_compute((fieldname, btext), read)

    def mapped_postings(self, fieldname: str, btext: bytes) -> tuple | None:
        """(sorted document numbers, occurrences in each, their positions in document order)
        of a term the segment's mapped postings hold; None for any other term."""
        with self._lock:
            if fieldname not in self._mapped:
                self._mapped[fieldname] = read_mapped(self.leaf, fieldname)
            mapped = self._mapped[fieldname]
        found = mapped.get(btext) if mapped is not None else None
        if found is None:
            return None
        docs, counts, positions = found
        return docs.astype(DOCNUM), counts.astype(np.int64), positions

    def read_frequent_terms(self, fieldname: str, number: int) -> None:
        """Read now the postings of the field's `number` most frequent terms: the costliest to
        read (a tenth of a second for a word in a fifth of the turns) and the likeliest asked."""
        with self._lock:
            frequent = self.leaf.most_frequent_terms(fieldname, number)
        for _, btext in frequent:
            self.term_postings(fieldname, btext)

    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in the field, as Whoosh's scoring sees it (0: no words)."""
        with self._lock:
            if fieldname not in self._lengths:
                column = self.leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
                lengths = np.zeros(self.doc_count_all, WEIGHT)
                if column is not None:
                    # One byte per document, in order (Whoosh's encoded lengths); read at once.
                    raw = np.frombuffer(
                        column._dbfile.get(column._basepos, column._count), np.uint8
                    )
                    lengths[: len(raw)] = _BYTE_TO_LENGTH[raw]
                self._lengths[fieldname] = lengths
            return self._lengths[fieldname]

    def facet(self, fieldname: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
        """(values, docs, value_ids, by_doc): the whole values in order (an array of strings),
        one (doc, value) pair per posting, and where no document holds two values, each
        document's value id (-1: none)."""
        with self._lock:
            if fieldname not in self._facets:
                field = self.leaf.schema[fieldname]
                values, docs, ids = [], [], []
                for btext in self.leaf.lexicon(fieldname):
                    postings = _postings_array(self.leaf, fieldname, btext)
                    docs.append(postings)
                    ids.append(np.full(len(postings), len(values), dtype=np.int32))
                    values.append(field.from_bytes(btext))
                docs = np.concatenate(docs) if docs else np.empty(0, DOCNUM)
                ids = np.concatenate(ids) if ids else np.empty(0, np.int32)
                by_doc = np.full(self.doc_count_all, -1, dtype=np.int32)
                by_doc[docs] = ids
                single = np.count_nonzero(by_doc >= 0) == len(docs)
                self._facets[fieldname] = (
                    np.array(values, dtype=object),
                    docs,
                    ids,
                    by_doc if single else None,
                )
            return self._facets[fieldname]

    def facet_counts(self, fieldname: str, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(values, how many of `docs` hold each value)."""
        values, value_docs, value_ids, by_doc = self.facet(fieldname)
        if by_doc is not None:
            # One value per document: a lookup per matched document, whatever the index size.
            held = by_doc[docs]
            return values, np.bincount(held[held >= 0], minlength=len(values))
        matched = np.zeros(self.doc_count_all, dtype=bool)
        matched[docs] = True
        return values, np.bincount(value_ids[matched[value_docs]], minlength=len(values))

    def numbers(self, fieldname: str) -> np.ndarray:
        """A numeric field's full-precision value per document (NO_VALUE where it has none)."""
        with self._lock:
            if fieldname not in self._numbers:
                field = self.leaf.schema[fieldname]
                column = np.full(self.doc_count_all, NO_VALUE, dtype=np.int64)
                for btext in field.sortable_terms(self.leaf, fieldname):
                    column[_postings_array(self.leaf, fieldname, btext)] = NUMERIC.from_bytes(
                        field, btext
                    )
                self._numbers[fieldname] = column
            return self._numbers[fieldname]


class Unscorable(Exception):
    """A query the vectorised scorer does not know: Whoosh ranks it itself."""


class BM25:
    """Whoosh's BM25F over arrays: its formula, with the whole index's idf and average lengths."""

    def __init__(self, searcher, weighting: BM25F):
        self.searcher = searcher
        self.weighting = weighting

    def term(self, fieldname: str, text, weights: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        idf = self.searcher.idf(fieldname, text)
        average = self.searcher.avg_field_length(fieldname) or 1
        b = self.weighting._field_B.get(fieldname, self.weighting.B)
        k1 = self.weighting.K1
        return idf * (weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths / average))


def _position_decoder(format_) -> Callable[[bytes], list[int]]:
    return decode_positions if type(format_) is Positions else format_.decode_positions


class LeafDocs:
    """Evaluates a parsed Whoosh query to a sorted array of live document numbers in one segment."""

    def __init__(self, searcher, tables: LeafTables):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.tables = tables
        deleted = self.reader.deleted_docs_set if self.reader.has_deletions() else ()
        self.deleted = np.fromiter(sorted(deleted), DOCNUM) if deleted else None

    def live(self, docs: np.ndarray) -> np.ndarray:
        if self.deleted is None or not len(docs):
            return docs
        return docs[~np.isin(docs, self.deleted, assume_unique=True)]

    def all(self) -> np.ndarray:
        return self.live(np.arange(self.tables.doc_count_all, dtype=DOCNUM))

    def of(self, q: wq.Query) -> np.ndarray:
        return self.live(self._eval(q))

    def scores(self, q: wq.Query, docs: np.ndarray, bm25: BM25) -> np.ndarray:
        """q's relevance score for each of `docs` (sorted, all matching q), as Whoosh's matchers
        would sum it, computed a term's postings at a time instead of a document at a time.

        Raises Unscorable for a query made of anything but words joined by AND and OR.
        """
        return self._score(q, docs, bm25)[1]

    def _score(self, q, docs, bm25) -> tuple[np.ndarray, np.ndarray]:
        """(which of docs match q, their scores: 0 where they do not)."""
        if type(q) is wq.Term:
            schema = self.reader.schema
            if q.fieldname not in schema or not schema[q.fieldname].scorable:
                raise Unscorable(q)
            postings, weights = self._postings(q.fieldname, q.text)
            at = np.searchsorted(postings, docs)
            found = at < len(postings)
            found[found] = postings[at[found]] == docs[found]
            score = np.zeros(len(docs), WEIGHT)
            lengths = self.tables.lengths(q.fieldname)[docs[found]]
            score[found] = bm25.term(q.fieldname, q.text, weights[at[found]], lengths) * q.boost
            return found, score
        if type(q) is wq.Phrase:
            # Ranked by how often and how rarely the phrase's pairs (or its words) occur.
            pairs = self._pairs(q)
            if isinstance(pairs, wq.Term):
                terms = [wq.Term(pairs.fieldname, pairs.text)]
            else:
                terms = [wq.Term(pairs.fieldname, word) for word in pairs.words]
            return self._score(wq.And(terms, boost=q.boost), docs, bm25)
        if type(q) in (wq.And, wq.Or) and not getattr(q, "minmatch", 0):
            if getattr(q, "scale", None):
                raise Unscorable(q)
            parts = [self._score(child, docs, bm25) for child in q.subqueries]
            masks = [mask for mask, _ in parts]
            found = (
                np.logical_and.reduce(masks) if type(q) is wq.And else np.logical_or.reduce(masks)
            )
            score = np.sum([score for _, score in parts], axis=0) * q.boost
            score[~found] = 0
            return found, score
        raise Unscorable(q)

    def _postings(self, fieldname: str, text) -> tuple[np.ndarray, np.ndarray]:
        if fieldname not in self.reader.schema:
            return np.empty(0, DOCNUM), np.empty(0, WEIGHT)
        try:
            btext = self.reader.schema[fieldname].to_bytes(text)
        except ValueError:
            return np.empty(0, DOCNUM), np.empty(0, WEIGHT)
        if (fieldname, btext) not in self.reader:
            return np.empty(0, DOCNUM), np.empty(0, WEIGHT)
        return self.tables.term_postings(fieldname, btext)

    def _term(self, fieldname: str, text) -> np.ndarray:
        return self._postings(fieldname, text)[0]

    def _eval(self, q: wq.Query) -> np.ndarray:
        """Documents matching q, possibly including deleted ones (removed once, at the top)."""
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text)
        if isinstance(q, wq.Every) and not q.fieldname:
            return np.arange(self.tables.doc_count_all, dtype=DOCNUM)
        if q is wq.NullQuery:
            return np.empty(0, DOCNUM)
        if isinstance(q, wq.And):
            positive = [c for c in q.subqueries if not isinstance(c, wq.Not)]
            negative = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
            if not positive:
                docs = np.arange(self.tables.doc_count_all, dtype=DOCNUM)
            else:
                # Smallest first, so each intersection shrinks the next one's work.
                arrays = sorted((self._eval(c) for c in positive), key=len)
                docs = arrays[0]
                for other in arrays[1:]:
                    docs = np.intersect1d(docs, other, assume_unique=True)
            for child in negative:
                docs = np.setdiff1d(docs, self._eval(child), assume_unique=True)
            return docs
        if isinstance(q, wq.Or | wq.DisjunctionMax) and not getattr(q, "minmatch", 0):
            arrays = [self._eval(c) for c in q.subqueries]
            return np.unique(np.concatenate(arrays)) if arrays else np.empty(0, DOCNUM)
        if isinstance(q, wq.AndNot):
            return np.setdiff1d(self._eval(q.a), self._eval(q.b), assume_unique=True)
        if isinstance(q, wq.AndMaybe):
            return self._eval(q.a)
        if isinstance(q, wq.Require):
            return np.intersect1d(self._eval(q.a), self._eval(q.b), assume_unique=True)
        if isinstance(q, wq.Not):
            everything = np.arange(self.tables.doc_count_all, dtype=DOCNUM)
            return np.setdiff1d(everything, self._eval(q.query), assume_unique=True)
        if (
            isinstance(q, wq.NumericRange)
            and q.fieldname in self.reader.schema
            and isinstance(self.reader.schema[q.fieldname], NUMERIC)
        ):
            return self._numeric_range(q)
        if isinstance(q, wq.PatternQuery | wq.FuzzyTerm | wq.TermRange):
            # Prefix, wildcard, fuzzy and text ranges: the union of the terms they expand to.
            arrays = [self._term(q.fieldname, text) for text in q._btexts(self.reader)]
            return np.unique(np.concatenate(arrays)) if arrays else np.empty(0, DOCNUM)
        if isinstance(q, wq.Phrase):
            return self._phrase(q)
        # Anything else (spans, nested queries...): Whoosh's own matcher, one document at a time.
        return np.fromiter(q.docs(self.searcher), DOCNUM)

    def _numeric_range(self, q: wq.NumericRange) -> np.ndarray:
        values = self.tables.numbers(q.fieldname)
        keep = values != NO_VALUE
        if q.start is not None:
            keep &= values > q.start if q.startexcl else values >= q.start
        if q.end is not None:
            keep &= values < q.end if q.endexcl else values <= q.end
        return np.flatnonzero(keep).astype(DOCNUM)

    def _pairs(self, q: wq.Phrase) -> wq.Query:
        """The phrase as its adjacent pairs (a Term for two words, else a Phrase of pairs), or q
        itself where the segment has no pairs (one written before pairs were indexed)."""
        field = pairs_field(q.fieldname)
        if len(q.words) < 2 or q.slop != 1 or field not in self.reader.schema:
            return q
        if not self.reader.field_length(field) and self.reader.field_length(q.fieldname):
            return q
        pairs = [PAIR_SEPARATOR.join(pair) for pair in pairwise(q.words)]
        if len(pairs) == 1:
            return wq.Term(field, pairs[0], boost=q.boost)
        return wq.Phrase(field, pairs, boost=q.boost)

    def _phrase(self, q: wq.Phrase) -> np.ndarray:
        """Candidates holding every word (cheap arrays), then their positions are checked.

        Words are looked up two by two where the segment indexes pairs: two words are then one
        term, and longer phrases are checked on pairs, which few documents hold, instead of
        on words like "the" that nearly all do.
        """
        pairs = self._pairs(q)
        if pairs is not q:
            return self._eval(pairs)
        candidates = None
        for word in q.words:
            docs = self._term(q.fieldname, word)
            candidates = docs if candidates is None else np.intersect1d(candidates, docs, True)
            if not len(candidates):
                return candidates
        if candidates is None:
            return np.empty(0, DOCNUM)
        if q.slop != 1:
            # Words within a distance ("a b"~3): Whoosh's matcher, on the candidates only.
            return np.intersect1d(candidates, np.fromiter(q.docs(self.searcher), DOCNUM), True)
        return self._in_order(q.fieldname, q.words, candidates)

    def _in_order(self, fieldname: str, words: list[str], candidates: np.ndarray) -> np.ndarray:
        """The candidates in which the words occur one right after another."""
        field = self.reader.schema[fieldname]
        starts = None
        for offset, word in enumerate(words):
            # Each occurrence as where the phrase would start if it belonged to one.
            found = self._occurrences(fieldname, field, word, candidates) - offset
            starts = found if starts is None else np.intersect1d(starts, found, True)
            if not len(starts):
                break
        return np.unique(starts // _SPAN)

    def _occurrences(self, fieldname, field, word, candidates: np.ndarray) -> np.ndarray:
        """The word's occurrences in the candidates, as document * _SPAN + position."""
        btext = field.to_bytes(word)
        mapped = self.tables.mapped_postings(fieldname, btext)
        if mapped is None:
            found = self._positions(fieldname, field, word, candidates)
            docs = np.fromiter(found, DOCNUM, len(found))
            counts = np.fromiter(map(len, found.values()), np.int64, len(found))
            positions = np.fromiter(
                (p for poslist in found.values() for p in poslist), np.int64, int(counts.sum())
            )
            return np.repeat(docs, counts) * _SPAN + positions
        docs, counts, positions = mapped
        ends = np.cumsum(counts)
        at = np.searchsorted(docs, candidates)
        at = at[at < len(docs)]
        at = at[docs[at] == candidates[: len(at)]]
        # The positions of the postings at `at`: a run of counts[k] from ends[k] - counts[k].
        held = counts[at]
        runs = np.repeat(ends[at] - held - (np.cumsum(held) - held), held)
        chosen = positions[runs + np.arange(len(runs))].astype(np.int64)
        return np.repeat(docs[at], held) * _SPAN + chosen

    def _positions(self, fieldname, field, word, candidates: np.ndarray) -> dict[int, list[int]]:
        """The word's positions in each candidate document holding it.

        Only the posting blocks that hold a candidate are read: Whoosh's phrase matcher reads
        positions a document at a time through several layers of matchers, which costs more
        than the reading itself.
        """
        btext = field.to_bytes(word)
        matcher = self.reader._terms.matcher(fieldname, btext, field.format)
        decode = _position_decoder(field.format)
        found: dict[int, list[int]] = {}
        if not isinstance(matcher, W3LeafMatcher):
            while matcher.is_active():
                found[matcher.id()] = decode(matcher.value())
                matcher.next()
            return found
        lowest = 0
        while matcher.is_active():
            highest = matcher.block_max_id()
            start, stop = np.searchsorted(candidates, [lowest, highest + 1])
            if start < stop:
                matcher._read_data()
                ids = np.cumsum(np.asarray(matcher._data[0], dtype=DOCNUM))
                matcher._read_values()
                values = matcher._values
                wanted = candidates[start:stop]
                at = np.searchsorted(ids, wanted)
                for docnum, i in zip(wanted.tolist(), at.tolist(), strict=True):
                    if i < len(ids) and ids[i] == docnum:
                        found[docnum] = decode(values[i])
            lowest = highest + 1
            matcher._next_block()
        return found
