"""Writing a whole Whoosh segment in one pass: the bulk index build's writer.

Whoosh's own writer turns every posting into a tuple, sorts them all (spilling sorted runs to
disk and merging them back past `limitmb`), and then feeds them one at a time, with a length
lookup each, to the codec; and its analysers build a `Token` object per word. At a million turns
that is most of an hour of pure Python. A bulk build knows every document up front, in document
order, so this writer keeps each field's postings in flat arrays as documents arrive, groups them
by term with one numpy sort at the end (no spilling), tokenises the two big text fields with one
regular expression call and a stem cache, hands the codec a block of postings at a time, and
writes a term held by one document (most word pairs) directly.

What it writes is byte-for-byte what Whoosh's writer writes for the same documents (the same
codec and formats; `tests/search_engine/test_bulk_writer.py` compares the two), so readers cannot tell.
"""

import multiprocessing
import queue
import re
import traceback
from array import array
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from itertools import pairwise
from pickle import dumps
from typing import NamedTuple

import numpy as np
from whoosh.analysis import (
    CompositeAnalyzer,
    IDTokenizer,
    LowercaseFilter,
    RegexTokenizer,
    ShingleFilter,
    StemFilter,
)
from whoosh.analysis.filters import StopFilter
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.fields import ID
from whoosh.formats import Existence, Frequency, Positions
from whoosh.index import TOC, FileIndex
from whoosh.system import pack_uint, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from .mapped import MappedWriter

# The codec's posting block size (W3Codec's default): postings are handed over this many at once.
BLOCK = 128
# Values up to SHORT characters (names, titles, roles, dates) repeat: the terms of up to
# KNOWN_VALUES of them per field are worked out once.
SHORT, KNOWN_VALUES = 200, 50_000
# Items handed to a build process at a time.
BATCH = 2000


class _Terms(NamedTuple):
    """One field's terms of one document, in parallel lists."""

    texts: list[bytes]
    weights: list[float]
    values: bytes  # the encoded values one after another
    sizes: list[int]  # the length of each
    length: int  # the field's length in the document: its words counted

    @classmethod
    def of(cls, texts, freqs, weights, values: list[bytes]) -> "_Terms":
        """From each term's text, frequency, weight and encoded value."""
        return cls(texts, weights, b"".join(values), [len(v) for v in values], sum(freqs))


class _FieldPostings:
    """One field's postings in the order documents arrive: for each posting, its term's number,
    the document, the weight and the encoded value.

    Flat arrays extended a document at a time, rather than arrays per term appended a posting at
    a time: no Python loop per posting, and no object per term (most terms are word pairs that
    one document holds). The postings are grouped by term once, at the end (`by_term`).
    """

    __slots__ = ("term_ids", "terms", "docs", "weights", "values", "sizes")

    def __init__(self):
        self.term_ids: dict[bytes, int] = {}
        self.terms = array("I")
        self.docs = array("I")
        self.weights = array("f")
        self.values = bytearray()
        self.sizes = array("I")

    def add(self, docnum: int, found: _Terms) -> None:
        ids = self.term_ids
        self.terms.extend([ids.setdefault(text, len(ids)) for text in found.texts])
        self.docs.extend(array("I", [docnum]) * len(found.texts))
        self.weights.extend(found.weights)
        self.values += found.values
        self.sizes.extend(found.sizes)

    def by_term(self) -> Iterator[tuple[bytes, array, array, list[bytes]]]:
        """Each term in byte order with its postings' documents, weights and values, in
        document order; the arrays are given up as it goes."""
        terms = np.frombuffer(self.terms, dtype=np.uint32)
        # Stable: within a term, the postings stay in the order their documents came.
        order = np.argsort(terms, kind="stable")
        bounds = array("q", [0])
        bounds.extend(np.cumsum(np.bincount(terms, minlength=len(self.term_ids))).tolist())
        del terms
        self.terms = None
        sizes = np.frombuffer(self.sizes, dtype=np.uint32).astype(np.int64)
        starts = array("q", (np.cumsum(sizes) - sizes)[order].tobytes())
        sizes = array("q", sizes[order].tobytes())
        docs = array("I", np.frombuffer(self.docs, dtype=np.uint32)[order].tobytes())
        weights = array("f", np.frombuffer(self.weights, dtype=np.float32)[order].tobytes())
        del order
        self.docs = self.weights = self.sizes = None
        values, self.values = bytes(self.values), None
        term_ids, self.term_ids = self.term_ids, {}
        for btext in sorted(term_ids):
            number = term_ids[btext]
            lo, hi = bounds[number], bounds[number + 1]
            yield (
                btext,
                docs[lo:hi],
                weights[lo:hi],
                [
                    values[at : at + size]
                    for at, size in zip(starts[lo:hi], sizes[lo:hi], strict=True)
                    if size
                ],
            )


def _words(pattern: re.Pattern, value: str, last: list) -> list[str]:
    """The lower-cased tokens of `value`; `last` remembers them for the next field's same text."""
    if last and last[0] is value and last[1] is pattern:
        return last[2]
    words = [m.group().lower() for m in pattern.finditer(value)]
    last[:] = [value, pattern, words]
    return words


@lru_cache(maxsize=65536)
def _encode_single(position: int) -> bytes:
    return pack_uint(1) + dumps([position], 2)


def _encode_positions(poslist: list[int]) -> bytes:
    """`Positions.encode`: a count, then the pickled gaps between positions (most words: one)."""
    if len(poslist) == 1:
        return _encode_single(poslist[0])
    deltas, base = [], 0
    for p in poslist:
        deltas.append(p - base)
        base = p
    return pack_uint(len(deltas)) + dumps(deltas, 2)


def _encode_frequency(poslist: list[int]) -> bytes:
    """`Frequency.word_values`'s value: how many times the word occurs."""
    return pack_uint(len(poslist))


def _fast_terms(
    analyzer, last_words: list, *, with_positions: bool
) -> Callable[[str], _Terms] | None:
    """A fast equivalent of `Positions.word_values` (or `Frequency.word_values`, without
    positions) for the analysers the archive uses.

    Handles a regex tokenizer, lower-casing, then optionally stop words and stemming or pairs
    of adjacent words (`EXACT_ANALYZER`, Whoosh's `StemmingAnalyzer`, `PAIRS_ANALYZER`), in
    that order; returns None for anything else, which
    then goes through Whoosh's own analysis. `last_words` is shared by the fields of one
    builder, so that `text` and `text_exact` (the same string) are tokenised once.
    """
    items = list(analyzer.items) if isinstance(analyzer, CompositeAnalyzer) else [analyzer]
    kinds = [type(item) for item in items]
    if (
        kinds
        not in (
            [RegexTokenizer, LowercaseFilter],
            [RegexTokenizer, LowercaseFilter, StopFilter, StemFilter],
            [RegexTokenizer, LowercaseFilter, ShingleFilter],
        )
        or items[0].gaps
        or (kinds[-1] is ShingleFilter and items[-1].size != 2)
    ):
        return None
    pattern = items[0].expression
    stops = stop_min = stop_max = stemmer = None
    pair_separator = items[-1].sep if kinds[-1] is ShingleFilter else None
    if len(items) == 4:
        stop_filter, stem_filter = items[2], items[3]
        if not stop_filter.renumber:
            return None
        stops, stop_min, stop_max = stop_filter.stops, stop_filter.min, stop_filter.max
        stemfn, ignore = stem_filter.stemfn, stem_filter.ignore
        cache: dict[str, str] = {}

        def stemmer(word: str) -> str:
            stemmed = cache.get(word)
            if stemmed is None:
                stemmed = cache[word] = word if word in ignore else stemfn(word)
            return stemmed

    def terms(value: str) -> _Terms:
        words = _words(pattern, value, last_words)
        positions: dict[str, list[int]] = {}
        if pair_separator is not None and len(words) > 1:
            # ShingleFilter(2): each word joined to the next, at the first one's position.
            words = [pair_separator.join(pair) for pair in pairwise(words)]
        if stemmer is None:
            for pos, word in enumerate(words):
                if word in positions:
                    positions[word].append(pos)
                else:
                    positions[word] = [pos]
        else:
            # StopFilter(renumber=True): the first kept word keeps its position, the rest follow it.
            pos = None
            for original, word in enumerate(words):
                if len(word) < stop_min or (stop_max and len(word) > stop_max) or word in stops:
                    continue
                pos = original if pos is None else pos + 1
                stemmed = stemmer(word)
                if stemmed in positions:
                    positions[stemmed].append(pos)
                else:
                    positions[stemmed] = [pos]
        encode = _encode_positions if with_positions else _encode_frequency
        freqs = [len(poslist) for poslist in positions.values()]
        return _Terms.of(
            [word.encode("utf-8") for word in positions],
            freqs,
            freqs,  # a word's weight is how often it occurs (the field boost is 1)
            [encode(poslist) for poslist in positions.values()],
        )

    return terms


def _whole_value_terms(weight: float, value: str) -> _Terms:
    """`Existence.word_values` of an `IDTokenizer` field (ids, mostly one per document): the
    whole value, once."""
    return _Terms([value.encode("utf-8")], [weight], b"", [0], 1)


def _whoosh_terms(field, value) -> _Terms:
    """A field's terms of a value as Whoosh's own analysis gives them."""
    found = list(field.index(value))
    return _Terms.of(
        [text for text, _, _, _ in found],
        [freq for _, freq, _, _ in found],
        [weight for _, _, weight, _ in found],
        [encoded for _, _, _, encoded in found],
    )


class SegmentBuilder:
    """Writes documents, given in order, as one new segment of an empty Whoosh index."""

    def __init__(self, index: FileIndex, mapped_fields: Iterable[str] = ()):
        self.index = index
        self.schema = index.schema
        # Blocks not zlib-compressed: compressing millions of small blocks was half of a
        # build's time, and decompressing them a good part of reading a common word.
        self.codec = W3Codec(compression=0)
        self.segment = self.codec.new_segment(index.storage, index.indexname)
        self.perdoc = self.codec.per_document_writer(index.storage, self.segment)
        self.docnum = 0
        self.postings: dict[str, _FieldPostings] = {}
        # Per field, each document's length as the codec stores it (one byte, lossy).
        self.lengths: dict[str, array] = {}
        self.fast: dict[str, Callable | None] = {}
        # Short fields repeat (names, roles, dates): their terms are worked out once per value.
        self.known: dict[str, dict] = {}
        last_words: list = []
        for name, field in self.schema.items():
            if field.separate_spelling() or field.vector:
                raise NotImplementedError(f"{name}: spelling graphs and vectors are not built.")
            fast = None
            kind = type(field.format)
            if field.indexed and kind in (Positions, Frequency) and field.format.field_boost == 1:
                fast = _fast_terms(field.analyzer, last_words, with_positions=kind is Positions)
            elif type(field) is ID and kind is Existence and type(field.analyzer) is IDTokenizer:
                fast = partial(_whole_value_terms, field.format.field_boost)
            self.fast[name] = fast
        # Fields whose frequent terms are also written as mapped postings (see mapped.py).
        self.mapped_fields = {name for name in mapped_fields if self.fast.get(name)}

    def add_documents(self, documents: Iterable[dict]) -> int:
        """Add documents (Whoosh field name to value); returns how many were added."""
        schema, perdoc, postings, fast, known = (
            self.schema,
            self.perdoc,
            self.postings,
            self.fast,
            self.known,
        )
        count = 0
        for fields in documents:
            docnum = self.docnum
            perdoc.start_doc(docnum)
            for fieldname in sorted(fields):
                value = fields[fieldname]
                if value is None or fieldname.startswith("_"):
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    terms_fn = fast[fieldname]
                    if terms_fn is not None and len(value) > SHORT:
                        found = terms_fn(value)
                    else:
                        seen = known.setdefault(fieldname, {})
                        found = seen.get(value)
                        if found is None:
                            found = terms_fn(value) if terms_fn else _whoosh_terms(field, value)
                            if len(seen) < KNOWN_VALUES:
                                seen[value] = found
                    table = postings.get(fieldname)
                    if table is None:
                        table = postings[fieldname] = _FieldPostings()
                    table.add(docnum, found)
                    if field.scorable:
                        length = found.length
                if length:
                    column = self.lengths.get(fieldname)
                    if column is None:
                        column = self.lengths[fieldname] = array("I")
                    column.extend([0] * (docnum + 1 - len(column)))
                    column[docnum] = byte_to_length(length_to_byte(length))
                perdoc.add_field(fieldname, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(
                        fieldname, field.column_type, field.to_column_value(value)
                    )
            perdoc.finish_doc()
            self.docnum += 1
            count += 1
        return count

    def finish(self):
        """Write the postings and close the segment's files; returns the Whoosh segment."""
        self.perdoc.close()
        self.segment.set_doc_count(self.docnum)
        writer = self.codec.field_writer(self.index.storage, self.segment)
        for fieldname in sorted(self.postings):
            table = self.postings.pop(fieldname)
            writer.start_field(fieldname, self.schema[fieldname])
            doc_lengths = self.lengths.get(fieldname)
            if doc_lengths is not None:
                doc_lengths.extend([0] * (self.docnum - len(doc_lengths)))
            mapped = None
            if fieldname in self.mapped_fields:
                with_positions = type(self.schema[fieldname].format) is Positions
                mapped = MappedWriter(
                    self.index.storage, self.segment, fieldname, positions=with_positions
                )
            single = _single_posting_writer(writer, self.schema[fieldname].format)
            for btext, docs, weights, values in table.by_term():
                if len(docs) == 1:
                    single(btext, docs[0], weights[0], values, doc_lengths)
                    continue
                if mapped is not None:
                    mapped.add(btext, docs, weights, values)
                self._write_term(writer, btext, docs, weights, values, doc_lengths)
            if mapped is not None:
                mapped.close()
            writer.finish_field()
        writer.close()
        return self.segment

    @staticmethod
    def _write_term(
        writer,
        btext: bytes,
        docs: array,
        weights: array,
        values: list[bytes],
        doc_lengths: array | None,
    ) -> None:
        # What W3FieldWriter.add would buffer one posting at a time, a block at a time.
        writer.start_term(btext)
        postings = writer._postwriter
        total = len(docs)
        for start in range(0, total, BLOCK):
            stop = min(start + BLOCK, total)
            ids = docs[start:stop]
            block_weights = weights[start:stop]
            block_lengths = [doc_lengths[d] for d in ids] if doc_lengths is not None else []
            block_lengths = [n for n in block_lengths if n]
            postings._ids = ids
            postings._weights = block_weights
            postings._values = values[start:stop]  # none for a field without values
            postings._maxweight = max(max(block_weights), 0)
            postings._minlength = min(block_lengths) if block_lengths else None
            postings._maxlength = max(block_lengths) if block_lengths else 0
            if stop < total:
                postings._write_block()
        writer.finish_term()


def _single_posting_writer(writer, format_) -> Callable:
    """Writes a term with one posting as `_write_term` would, without Whoosh's per-term layers.

    Most terms of a big index (word pairs above all) occur in one document, and going through
    the postings writer's buffers, block statistics and minifiers cost more than the two
    pickles and the table row actually written. The bytes are the same (the bulk writer's
    tests compare them with Whoosh's) for the uncompressed blocks this builder's codec writes.
    """
    postfile, terms = writer._postfile, writer._tindex
    field_key = pack_ushort(writer._fieldid)
    fixed = format_.fixed_value_size()

    def minified(values: list[bytes]):
        # W3PostingsWriter._mini_values of a block holding one value.
        if fixed is None:
            return tuple(values)
        return values[0] if fixed else None

    def write(btext: bytes, docnum: int, weight: float, values: list[bytes], doc_lengths) -> None:
        length = doc_lengths[docnum] if doc_lengths is not None else 0
        data = dumps(((docnum,), None if weight == 1.0 else weight, minified(values)), 2)
        maxweight = max(weight, 0)
        info = dumps(
            (1, docnum, maxweight, 0, length_to_byte(length or None), length_to_byte(length)), 2
        )
        start = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        postfile.write_int(-(len(info) + len(data)))
        postfile.write(info)
        postfile.write(data)
        terminfo = W3TermInfo(weight, 1, length or None, length, maxweight, docnum, docnum)
        terminfo.set_extent(start, postfile.tell() - start)
        terms.add(field_key + btext, terminfo.to_bytes())

    return write


def write_index(
    index: FileIndex,
    items: Iterable,
    *,
    prepare: Callable[[object], dict],
    procs: int = 1,
    mapped_fields: Iterable[str] = (),
) -> int:
    """Write `prepare(item)` for every item into the empty `index` and commit it.

    Returns how many documents were written. With several processes, each prepares and writes
    its own segment from batches of items handed out as it asks for them (the caller's iterator,
    reading the database, runs in this process meanwhile), and the index is made of those
    segments: a document's number follows its segment, not the order it was given in. Each
    segment also gets mapped postings of the frequent terms of `mapped_fields`.
    """
    builder = partial(SegmentBuilder, index, tuple(mapped_fields))
    if procs <= 1:
        segment = builder()
        count = segment.add_documents(map(prepare, items))
        segments = [segment.finish()]
    else:
        count, segments = _write_in_processes(builder, items, prepare, procs)
    generation = index.latest_generation() + 1
    TOC(index.schema, [s for s in segments if s.doc_count_all()], generation).write(
        index.storage, index.indexname
    )
    return count


def _write_in_processes(builder: Callable, items: Iterable, prepare: Callable, procs: int):
    context = multiprocessing.get_context("fork")
    tasks = context.Queue(maxsize=2 * procs)
    results = context.Queue()
    workers = [
        context.Process(
            target=_segment_worker, args=(builder, prepare, tasks, results), daemon=True
        )
        for _ in range(procs)
    ]
    for worker in workers:
        worker.start()
    count, finished = 0, False
    try:
        batch = []
        for item in items:
            batch.append(item)
            if len(batch) == BATCH:
                _put(tasks, batch, workers)
                count += len(batch)
                batch = []
        if batch:
            _put(tasks, batch, workers)
            count += len(batch)
        for _ in workers:
            _put(tasks, None, workers)
        segments = []
        for _ in workers:
            outcome = results.get()
            if isinstance(outcome, str):
                raise RuntimeError(f"An index build process failed:\n{outcome}")
            segments.append(outcome)
        finished = True
    finally:
        for worker in workers:
            if not finished:
                worker.terminate()
            worker.join()
    return count, segments


def _put(tasks, item, workers) -> None:
    # A worker that died would leave a full queue blocking for ever: notice it instead.
    while True:
        try:
            tasks.put(item, timeout=1)
            return
        except queue.Full:
            if any(worker.exitcode not in (None, 0) for worker in workers):
                raise RuntimeError("An index build process died.") from None


def _segment_worker(builder: Callable, prepare: Callable, tasks, results) -> None:
    try:
        segment = builder()
        while (batch := tasks.get()) is not None:
            segment.add_documents(map(prepare, batch))
        results.put(segment.finish())
    except BaseException:
        results.put(traceback.format_exc())
