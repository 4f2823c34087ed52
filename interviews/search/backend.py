"""The embedded Whoosh engine: haystack's Whoosh backend made correct, safe and fast at scale.

What it changes, and why:

- Schema: `text_exact` is analysed without stemming (exact phrases) and its adjacent words are
  also indexed as pairs (`text_exact_pairs`), so that a phrase is looked up, not walked; `_exact` facet companions
  hold whole values, multi-valued fields split on a separator no name contains (haystack's comma
  would split "Law, Order"), and no field keeps a sort column or spelling graph it never uses.
- Writes: serialised across threads and processes by the index's own lock file, waited for with
  a timeout instead of failing; a whole segment's turns are replaced in one commit; a bulk build
  is made aside and swapped in, so readers and editors never see a half-built index.
- Reads: one long-lived searcher per thread, refreshed when another process commits; matches
  counted, sorted by date and faceted with numpy (`docsets`) instead of Python loops, frequent
  words and pairs read from the arrays a bulk build maps beside its segments (`mapped`); results
  cached per index generation, so a write is visible to the very next search.
- Robustness: a query that cannot be parsed is searched as plain words, and no query string
  raises out of `search()`. An index that is missing or damaged raises SearchUnavailable
  rather than answering "no results"; a bulk build replaces it whatever state it is in.
"""

import datetime
import glob
import itertools
import logging
import os
import pickle
import re
import shutil
import struct
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from django.utils.encoding import force_str
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.fields import FacetCharField, FacetMultiValueField, MultiValueField
from haystack.models import SearchResult
from haystack.utils import get_model_ct
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import LowercaseFilter, RegexTokenizer, ShingleFilter, StemmingAnalyzer
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.fields import DATETIME, NUMERIC, STORED, TEXT
from whoosh.fields import ID as WHOOSH_ID
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import PhrasePlugin, QueryParser
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F
from whoosh.support.relativedelta import relativedelta
from whoosh.util.times import datetime_to_long
from whoosh.writing import CLEAR, SegmentWriter

from interviews.search import bulk
from interviews.search import highlight as highlighting
from interviews.search.docsets import (
    BM25,
    DOCNUM,
    LRU,
    NO_VALUE,
    PAIR_SEPARATOR,
    LeafDocs,
    LeafTables,
    Unscorable,
    pairs_field,
)

log = logging.getLogger(__name__)

# Joins the values of a multi-valued field; control characters are removed from the values.
VALUE_SEPARATOR = "\x1f"
_CONTROL = re.compile(r"[\x00-\x1f]")
# Unstemmed, lower-cased words with positions: what exact phrases match.
EXACT_ANALYZER = RegexTokenizer() | LowercaseFilter()
# The same words two by two ("due process", "process clause"), with positions: a phrase of n
# words is a phrase of n - 1 pairs, far rarer terms than its words ("the", "of").
PAIRS_ANALYZER = EXACT_ANALYZER | ShingleFilter(size=2, sep=PAIR_SEPARATOR)
VALUES_ANALYZER = RegexTokenizer(r"[^\x1f]+")
# Longest query string the engine parses; the search page bounds user input well below this.
MAX_QUERY_CHARS = 2000
# Spelling suggestions look at this many words of this length at most (the corrector is slow).
MAX_SPELLING_WORDS, MAX_SPELLING_WORD_CHARS = 8, 30
# Quote check's candidates: how many are weighed by length, per candidate wanted; how many of
# a passage's pairs of words are looked up (measured by bench/quote_check.py at a million turns:
# 8 pairs took top-5 recall from 94% to 99.2%; 16 found no more and cost 160 ms more at p95);
# BM25's constants (Whoosh's defaults).
PASSAGE_POOL = 20
PASSAGE_PAIRS = 8
BM25_K1, BM25_B = 1.2, 0.75
EMPTY = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}


def _cached_reader(self, fieldname, column):
    """W3PerDocReader._cached_reader, remembering fields that have no column too.

    whoosh-reloaded 2.7.5 re-checks the file system for every posting of every field without a
    length column (ids, whole-value facets): a `stat()` per posting, a third of build time.
    """
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


W3PerDocReader._cached_reader = _cached_reader


class IndexBusy(Exception):
    """The index stayed locked by another writer for longer than the write timeout."""


class SearchUnavailable(Exception):
    """The index cannot be read: deleted, damaged, or emptied while the archive has quotes.

    Searches must say so rather than answer "no results"; `build_search_index` (or
    `rebuild_index`) rebuilds it from the database.
    """

    def __init__(self, reason: str = ""):
        super().__init__(
            "Search is unavailable: the search index "
            + (f"cannot be read ({reason})" if reason else "is missing")
            + ". Run `manage.py build_search_index` to rebuild it from the database."
        )


# What reading a damaged index raises: a deleted file, a truncated or garbled one.
INDEX_DAMAGE = (
    whoosh_index.IndexError,
    OSError,
    EOFError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
)


@dataclass(frozen=True)
class BulkBuild:
    documents: int
    seconds: float
    bytes: int


class _Searchers(threading.local):
    searcher = None


class _SharedState:
    """What every thread's backend for one index shares within a process.

    Haystack gives each thread its own backend instance; the tables derived from the index
    (hundreds of MB at a million turns, two seconds to read), the caches and the write lock must
    not be per thread, or each of a server's threads reads them again on its first search.
    """

    def __init__(self):
        self.write_lock = threading.RLock()
        self.tables: dict[str, LeafTables] = {}
        self.tables_lock = threading.Lock()
        self.docsets = LRU(64)
        self.responses = LRU(256)
        self.spellings = LRU(256)
        self.facet_vocabularies = LRU(32)


_shared_states: dict[str, _SharedState] = {}
_shared_states_lock = threading.Lock()


def _shared_state(path: str) -> _SharedState:
    with _shared_states_lock:
        return _shared_states.setdefault(os.path.abspath(path), _SharedState())


class ArchiveWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        self.write_timeout = float(options.get("WRITE_TIMEOUT", 120))
        # Exact facet counts up to this many matches; above it, estimated from a sample.
        self.facet_exact_limit = int(options.get("FACET_EXACT_LIMIT", 500_000))
        self.facet_sample_size = int(options.get("FACET_SAMPLE_SIZE", 50_000))
        self.include_spelling = options.get("INCLUDE_SPELLING", True)
        # Words whose postings a worker reads before it takes requests (`warm_up`).
        self.warm_terms = int(options.get("WARM_TERMS", 100))
        self._searchers = _Searchers()
        shared = _shared_state(self.path)
        self._write_lock = shared.write_lock
        self._tables, self._tables_lock = shared.tables, shared.tables_lock
        self._docsets, self._responses = shared.docsets, shared.responses
        self._spellings = shared.spellings
        self._facet_vocabularies = shared.facet_vocabularies

    # Schema -------------------------------------------------------------------------------

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        self.multivalued = set()
        for field in fields.values():
            replacement = self._whoosh_field(field)
            if replacement is not None:
                schema.remove(field.index_fieldname)
                schema.add(field.index_fieldname, replacement)
            if field.is_multivalued:
                self.multivalued.add(field.index_fieldname)
        if "text_exact" in schema:
            schema.add(pairs_field("text_exact"), TEXT(stored=False, analyzer=PAIRS_ANALYZER))
        return content_field_name, schema

    @staticmethod
    def _whoosh_field(field):
        """The Whoosh field for a haystack field where haystack's choice is wrong or wasteful.

        Haystack makes every CharField a stemmed text field with a sort column: facets on
        `speaker_exact` would count the words "peter" and "neumann", not the person, and every
        text would be stored twice.
        """
        if isinstance(field, FacetCharField):
            return WHOOSH_ID(stored=True)
        if isinstance(field, FacetMultiValueField):
            return WHOOSH_ID(stored=True, analyzer=VALUES_ANALYZER)
        if isinstance(field, MultiValueField):
            return WHOOSH_ID(stored=True, analyzer=VALUES_ANALYZER | LowercaseFilter())
        if field.index_fieldname == "text_exact":
            return TEXT(stored=False, analyzer=EXACT_ANALYZER, phrase=True)
        if field.field_type == "string" and field.index_fieldname.endswith("_slug"):
            return WHOOSH_ID(stored=True)
        if field.field_type == "string" and not field.indexed:
            return STORED()
        if field.document:
            # No word positions: phrases go to `text_exact`, and positions made up four fifths
            # of what is read to find a word's documents.
            return TEXT(stored=field.stored, analyzer=StemmingAnalyzer(), phrase=False)
        if field.field_type == "string":
            return TEXT(stored=field.stored, analyzer=StemmingAnalyzer())
        if field.field_type == "integer":
            # Filtered by value, never by range: one term per document, not eight.
            return NUMERIC(stored=field.stored, numtype=int, bits=64, shift_step=0)
        return None

    def setup(self):
        try:
            super().setup()
        except Exception as exc:
            # A damaged table of contents: left as it is for a rebuild to replace; every search
            # meanwhile says the index is unavailable, and the next one tries to open it again.
            raise SearchUnavailable(_reason(exc)) from exc
        self.parser = _query_parser(self.content_field_name, self.schema)

    def _setup_for_rebuild(self) -> None:
        """What a bulk build needs (storage and schema) when the index itself cannot be opened."""
        from haystack import connections

        os.makedirs(self.path, exist_ok=True)
        self.storage = FileStorage(self.path)
        self.content_field_name, self.schema = self.build_schema(
            connections[self.connection_alias].get_unified_index().all_searchfields()
        )
        self.parser = _query_parser(self.content_field_name, self.schema)
        self.index = None

    def _refreshed_index(self):
        """The index at its latest generation; SearchUnavailable when it cannot be opened."""
        if self.index is None:
            raise SearchUnavailable("it could not be opened")
        try:
            return self.index.refresh()
        except INDEX_DAMAGE as exc:
            raise SearchUnavailable(_reason(exc)) from exc

    def _from_python(self, value):
        if isinstance(value, list | tuple):
            return VALUE_SEPARATOR.join(_CONTROL.sub(" ", force_str(v)) for v in value)
        return super()._from_python(value)

    def whoosh_document(self, prepared: dict) -> dict:
        """A prepared search document (`SearchIndex.full_prepare`) as Whoosh field values."""
        document = {
            name: self._from_python(value)
            for name, value in prepared.items()
            if name != "boost" and name in self.schema
        }
        if "text_exact" in document:
            document[pairs_field("text_exact")] = document["text_exact"]
        return document

    # Writes -------------------------------------------------------------------------------

    @contextmanager
    def index_lock(self):
        """Hold the index's write lock: one writer at a time across threads and processes.

        Waits (polling, with back-off) up to the WRITE_TIMEOUT option, then raises IndexBusy.
        """
        if not self.setup_complete:
            try:
                self.setup()
            except SearchUnavailable:
                # The lock does not depend on the index's state: a rebuild takes it to replace
                # a damaged index.
                self._setup_for_rebuild()
        deadline = time.monotonic() + self.write_timeout
        if not self._write_lock.acquire(timeout=self.write_timeout):
            raise IndexBusy(f"The search index stayed busy for {self.write_timeout:.0f} s.")
        try:
            lock = self.storage.lock(f"{whoosh_index._DEF_INDEX_NAME}_WRITELOCK")
            delay = 0.005
            while not lock.acquire():
                if time.monotonic() > deadline:
                    raise IndexBusy(
                        f"The search index stayed locked by another writer for "
                        f"{self.write_timeout:.0f} s."
                    )
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
            try:
                yield
            finally:
                lock.release()
        finally:
            self._write_lock.release()

    @contextmanager
    def writer(self, **commit_options):
        """A Whoosh writer under the index lock: committed on success, cancelled on error."""
        with self.index_lock():
            self.index = self._refreshed_index()
            writer = SegmentWriter(self.index, _lk=False)
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            writer.commit(**commit_options)

    def update(self, index, iterable, commit=True):
        with self.writer() as writer:
            for obj in iterable:
                writer.update_document(**self.whoosh_document(index.full_prepare(obj)))

    def remove(self, obj_or_string, commit=True):
        from haystack.utils import get_identifier

        with self.writer() as writer:
            writer.delete_by_term(ID, get_identifier(obj_or_string))

    def clear(self, models=None, commit=True):
        """Empty the index (or remove some models' documents) in place, under the write lock.

        Haystack deletes the index directory instead, under the feet of other processes.
        """
        if models is None:
            try:
                with self.writer(mergetype=CLEAR):
                    return
            except SearchUnavailable:
                # Deleted or damaged: start again from an empty index (haystack's rebuild_index).
                self._setup_for_rebuild()
                with self.index_lock():
                    self.index = self.storage.create_index(self.schema)
                self.setup_complete = True
                return
        with self.writer() as writer:
            for model in models:
                writer.delete_by_term(DJANGO_CT, get_model_ct(model))

    def replace(self, *, field: str, value, documents) -> int:
        """Replace every document whose `field` is `value` with `documents`, in one commit.

        `documents` may be a callable, called with the lock held: reading the database inside the
        lock means two writers of the same segment cannot commit in the wrong order.
        """
        with self.writer() as writer:
            writer.delete_by_query(wq.Term(field, value))
            prepared = documents() if callable(documents) else documents
            for document in prepared:
                writer.add_document(**self.whoosh_document(document))
        return len(prepared)

    def bulk_build(self, items, *, prepare=lambda document: document, procs: int = 1) -> BulkBuild:
        """Build a whole new index from `prepare(item)` for each item, aside, and swap it in.

        `prepare` gives an item's search document (as `SearchIndex.full_prepare` would); with
        several processes it runs in them, so items should be small plain values.

        The new index is written by `bulk.write_index`: one segment per process, written
        directly rather than through Whoosh's sorting writer. Searches go on against the old
        index meanwhile, and other writers wait only for the swap. Documents written to the old
        index during the build are dropped by the swap: the caller re-syncs whatever changed.
        """
        if not self.setup_complete:
            try:
                self.setup()
            except SearchUnavailable:
                self._setup_for_rebuild()
        started = time.monotonic()
        stages = f"{self.path.rstrip(os.sep)}.building-"
        for stale in glob.glob(f"{glob.escape(stages)}*"):
            # Left by a build that was killed (a whole index's worth of disk): a live one goes on.
            if not _process_alive(stale.removeprefix(stages)):
                shutil.rmtree(stale, ignore_errors=True)
        stage = f"{stages}{os.getpid()}"
        shutil.rmtree(stage, ignore_errors=True)
        os.makedirs(stage)
        try:
            stage_index = FileStorage(stage).create_index(self.schema)
            count = bulk.write_index(
                stage_index,
                items,
                prepare=lambda item: self.whoosh_document(prepare(item)),
                procs=procs,
                # The words and pairs searches read whole: common words, phrases of them.
                mapped_fields=(self.content_field_name, pairs_field("text_exact")),
            )
            self._swap_in(stage_index)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        size = sum(os.path.getsize(os.path.join(self.path, f)) for f in os.listdir(self.path))
        return BulkBuild(documents=count, seconds=time.monotonic() - started, bytes=size)

    def _swap_in(self, stage_index) -> None:
        """Make the staged index's segments the live index's next generation."""
        segments = stage_index._segments()
        os.makedirs(self.path, exist_ok=True)  # the live index may have been deleted
        with self.index_lock():
            for segment in segments:
                for filename in segment.list_files(stage_index.storage):
                    os.replace(
                        os.path.join(stage_index.storage.folder, filename),
                        os.path.join(self.path, filename),
                    )
            # From the file names, not the table of contents, which may be the damaged part.
            name = whoosh_index._DEF_INDEX_NAME
            generation = whoosh_index.TOC._latest_generation(self.storage, name) + 1
            whoosh_index.TOC(self.schema, segments, generation).write(self.storage, name)
            whoosh_index.clean_files(self.storage, name, generation, segments)
            self.index = self.storage.open_index(indexname=name, schema=self.schema)
            self.setup_complete = True

    def optimize(self):
        with self.writer(optimize=True):
            return

    def indexed_documents(self) -> dict[int, int]:
        """Every live document's model id (haystack's django_id) to its global document number."""
        searcher = self.searcher()
        found = {}
        for leaf_searcher, offset in searcher.leaf_searchers():
            leaf = leaf_searcher.reader()
            for btext in leaf.lexicon(DJANGO_ID):
                for docnum in leaf.postings(DJANGO_ID, btext).all_ids():
                    found[int(btext.decode())] = docnum + offset
        return found

    # Reads --------------------------------------------------------------------------------

    def searcher(self):
        """This thread's searcher, reopened after any commit (by this process or another).

        Reopened from scratch: Whoosh's cheaper `refresh()` reuses segment readers with their
        old deletions, so a deleted turn would still be found. The arrays derived from each
        segment survive the reopening (`LeafTables`, keyed by segment).
        """
        if not self.setup_complete:
            self.setup()
        searcher = self._searchers.searcher
        try:
            stale = searcher is None or not searcher.up_to_date()
            if stale:
                self._searchers.searcher = None
                searcher = self._refreshed_index().searcher()
        except INDEX_DAMAGE as exc:
            raise SearchUnavailable(_reason(exc)) from exc
        if stale:
            self._searchers.searcher = searcher
            live = {_segment_key(leaf) for leaf, _ in searcher.reader().leaf_readers()}
            with self._tables_lock:
                for segment_id in set(self._tables) - live:
                    del self._tables[segment_id]
        return searcher

    def warm_up(self) -> None:
        """Read now what every search page uses: each facet's values, the dates, word lengths,
        and the postings of the most frequent words.

        A process's first searches otherwise read them while their readers wait (five seconds
        at a million turns); gunicorn calls this before a worker takes requests.
        """
        try:
            searcher = self.searcher()
        except SearchUnavailable as exc:
            log.warning("Search index not warmed up: %s", exc)
            return
        facets = [
            name
            for name in self.schema.names()
            if name.endswith("_exact") and isinstance(self.schema[name], WHOOSH_ID)
        ]
        dates = [name for name in self.schema.names() if isinstance(self.schema[name], DATETIME)]
        # The fields words are ranked on (not names or titles, which would cost a column each).
        scored = [
            name
            for name in (self.content_field_name, "text_exact", pairs_field("text_exact"))
            if name in self.schema
        ]
        for _, tables, _ in self._leaves(searcher):
            if not tables.doc_count_all:
                continue
            for name in facets:
                tables.facet(name)
            for name in dates:
                tables.numbers(name)
            for name in scored:
                tables.lengths(name)
            tables.read_frequent_terms(self.content_field_name, self.warm_terms)
        for name in facets:
            self._facet_values(searcher, name)

    def _leaf_tables(self, leaf) -> LeafTables:
        # Tables hold their own reader of the segment's immutable files (deletions are read
        # from the current reader, in LeafDocs), so they stay valid across reopenings; and
        # every thread uses them, so they never read through a thread's own reader.
        key = _segment_key(leaf)
        with self._tables_lock:
            if key not in self._tables:
                own = (
                    leaf
                    if key is None
                    else SegmentReader(self.storage, self.schema, leaf.segment())
                )
                self._tables[key] = LeafTables(own)
            return self._tables[key]

    def _leaves(self, searcher):
        """(leaf searcher, its tables, its first global document number) for each segment."""
        return [
            (leaf_searcher, self._leaf_tables(leaf_searcher.reader()), offset)
            for leaf_searcher, offset in searcher.leaf_searchers()
        ]

    def parse(self, query_string: str):
        """A Whoosh query for a query string; never raises; None when nothing is searchable.

        The parser is lenient already; what it cannot take (odd field values, runaway syntax) is
        searched again as its plain words.
        """
        if not self.setup_complete:
            self.setup()
        query_string = force_str(query_string)[:MAX_QUERY_CHARS].strip()
        if not query_string:
            return None
        try:
            parsed = self.parser.parse(query_string)
        except Exception:
            log.info("Query not parsed, searching its words: %r", query_string[:200])
            words = re.findall(r"\w+", query_string)
            if not words:
                return None
            try:
                parsed = self.parser.parse(" ".join(words))
            except Exception:
                return None
        if parsed is None or parsed is wq.NullQuery:
            return None
        return parsed

    def _docs(self, searcher, q, key) -> np.ndarray:
        """Sorted global numbers of the live documents matching q (cached per generation)."""

        def compute():
            parts = []
            for leaf_searcher, tables, offset in self._leaves(searcher):
                parts.append(LeafDocs(leaf_searcher, tables).of(q) + offset)
            return np.concatenate(parts) if parts else np.empty(0, DOCNUM)

        return self._docsets.get_or_compute(key, compute)

    def _by_segment(self, searcher, docs: np.ndarray) -> list[tuple[LeafTables, np.ndarray]]:
        """Sorted global document numbers cut by segment: (its tables, its numbers of them)."""
        parts = []
        for _, tables, offset in self._leaves(searcher):
            first, end = np.searchsorted(docs, [offset, offset + tables.doc_count_all])
            parts.append((tables, docs[first:end] - offset))
        return parts

    def _numbers(self, searcher, fieldname: str, docs: np.ndarray) -> np.ndarray:
        """A numeric field's values for sorted `docs` (NO_VALUE where missing)."""
        parts = self._by_segment(searcher, docs)
        return np.concatenate(
            [tables.numbers(fieldname)[inside] for tables, inside in parts]
            or [np.empty(0, np.int64)]
        )

    def _model_restriction(self, searcher, models, limit_to_registered_models):
        """A filter on the document's model, or None when it would keep every document."""
        if models:
            choices = sorted(get_model_ct(model) for model in models)
        elif limit_to_registered_models is not False:
            choices = self.build_models_list()
        else:
            return None
        reader = searcher.reader()
        if sum(reader.doc_frequency(DJANGO_CT, ct) for ct in choices) >= reader.doc_count_all():
            return None
        return wq.Or([wq.Term(DJANGO_CT, ct) for ct in choices])

    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        fields="",
        highlight=False,
        facets=None,
        date_facets=None,
        query_facets=None,
        narrow_queries=None,
        spelling_query=None,
        within=None,
        dwithin=None,
        distance_point=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
    ):
        try:
            return self._search(
                query_string,
                sort_by=sort_by,
                start_offset=start_offset or 0,
                end_offset=end_offset,
                highlight=highlight,
                facets=facets or {},
                date_facets=date_facets or {},
                narrow_queries=narrow_queries or (),
                spelling_query=spelling_query,
                models=models,
                limit_to_registered_models=limit_to_registered_models,
                result_class=result_class or SearchResult,
            )
        except (IndexBusy, SearchUnavailable):
            raise
        except INDEX_DAMAGE as exc:
            log.exception("Search index unreadable")
            raise SearchUnavailable(_reason(exc)) from exc
        except Exception:
            # A search must answer: log the failure for us, show "no results" to the reader.
            log.exception("Search failed for %r", force_str(query_string)[:200])
            return dict(EMPTY)

    def _search(
        self,
        query_string,
        *,
        sort_by,
        start_offset,
        end_offset,
        highlight,
        facets,
        date_facets,
        narrow_queries,
        spelling_query,
        models,
        limit_to_registered_models,
        result_class,
    ):
        searcher = self.searcher()
        parsed = self.parse(query_string)
        if not searcher.doc_count_all():
            return dict(EMPTY)
        spelling = self._spelling(searcher, spelling_query or query_string)
        if parsed is None:
            return dict(EMPTY, spelling_suggestion=spelling)
        restrictions = [self.parse(nq) for nq in narrow_queries]
        restrictions.append(self._model_restriction(searcher, models, limit_to_registered_models))
        restrictions = [r for r in restrictions if r is not None]
        q = wq.And([parsed, *restrictions]).normalize() if restrictions else parsed

        key = (_index_version(searcher), repr(q))
        docs = self._docs(searcher, q, key)
        hits = len(docs)
        end = hits if end_offset is None else min(end_offset, hits)
        response_key = (key, tuple(sort_by or ()), start_offset, end)

        def ranked():
            if start_offset >= end:
                return [], []
            if sort_by:
                return self._sorted(searcher, q, docs, sort_by, start_offset, end)
            return self._ranked(searcher, q, docs, start_offset, end)

        docnums, scores = self._responses.get_or_compute(response_key, ranked)

        terms = None
        if highlight:
            terms = highlighting.match_terms(
                q, stemmed_field=self.content_field_name, exact_field="text_exact"
            )
        results = [
            self._result(searcher, docnum, score, terms, result_class)
            for docnum, score in zip(docnums, scores or [0] * len(docnums), strict=True)
        ]
        response = {"results": results, "hits": hits, "spelling_suggestion": spelling}
        if facets or date_facets:
            response["facets"] = self._facets(searcher, key, docs, facets, date_facets)
        else:
            response["facets"] = {}
        return response

    def passage_candidates(
        self, words: list[str], *, limit: int, terms: int = 10
    ) -> list[tuple[int, str]]:
        """(model id, stored text) of the documents most likely to hold a remembered passage.

        What quote check needs and a search page does not. The passage's `terms` rarest words
        that the index holds at all are looked up (a word the archive never heard is a
        misremembered one, and the commonest words find everything), and so are its
        `PASSAGE_PAIRS` rarest pairs of adjacent words: the pairs a misquote keeps tell the turn
        that said the words in that order from the many that merely use them, and find a
        passage of common words ("and so it is"). Each document scores the summed rarity (idf)
        of the words and pairs it holds, with numpy over the postings: Whoosh's own scoring
        walks an OR query's matches one at a time in Python, seconds at a million turns.
        """
        searcher = self.searcher()
        reader = searcher.reader()
        parts = [
            wq.Term(fieldname, term)
            for fieldname, text, count in (
                (self.content_field_name, words, terms),
                (pairs_field("text_exact"), [" ".join(words)], PASSAGE_PAIRS),
            )
            for term in self._rarest_terms(reader, fieldname, text, count)
        ]
        leaves = self._leaves(searcher)
        docsets = [
            (LeafDocs(leaf_searcher, tables), offset) for leaf_searcher, tables, offset in leaves
        ]
        total = max(reader.doc_count(), 1)
        docs, weights = [], []
        for part in parts:
            found = [docset.of(part) + offset for docset, offset in docsets]
            count = sum(map(len, found))
            if count:
                docs += found
                weights.append(np.full(count, np.log(1 + total / count)))
        if not docs:
            return []
        scores = np.bincount(np.concatenate(docs), weights=np.concatenate(weights))
        held = np.flatnonzero(scores)
        size = limit * PASSAGE_POOL
        if len(held) > size:
            held = held[np.argpartition(-scores[held], size - 1)[:size]]
        # Best first; among equals, the earlier document.
        pool = held[np.lexsort((held, -scores[held]))]
        # A long turn holds many words by chance, so the best few thousand by rarity are also
        # weighed by their length as BM25 does (each word counted once); but a remembered
        # sentence is often in a long turn, so the candidates alternate between both rankings.
        lengths = np.ones(len(pool))
        for _, tables, offset in leaves:
            inside = (pool >= offset) & (pool < offset + tables.doc_count_all)
            lengths[inside] = tables.lengths(self.content_field_name)[pool[inside] - offset]
        average = max(reader.field_length(self.content_field_name) / total, 1.0)
        norm = (BM25_K1 + 1) / (
            1 + BM25_K1 * (1 - BM25_B + BM25_B * np.maximum(lengths, 1) / average)
        )
        by_length = pool[np.argsort(-scores[pool] * norm, kind="stable")]
        best = list(dict.fromkeys(itertools.chain(*zip(by_length, pool, strict=True))))[:limit]
        stored = (searcher.stored_fields(int(docnum)) for docnum in best)
        return [
            (int(fields[DJANGO_ID]), fields.get(self.content_field_name, "")) for fields in stored
        ]

    def _rarest_terms(self, reader, fieldname: str, texts: list[str], count: int) -> list[str]:
        """The `count` terms of `texts`, as `fieldname` indexes them, that the fewest documents
        hold, leaving out those none holds."""
        if fieldname not in self.schema:
            return []
        frequency: dict[str, int] = {}
        for text in texts:
            for term in self.schema[fieldname].process_text(text, mode="query"):
                if term not in frequency:
                    frequency[term] = reader.doc_frequency(fieldname, term)
        return [term for _, term in sorted((df, t) for t, df in frequency.items() if df)[:count]]

    def _ranked(self, searcher, q, docs, start, end):
        """The page of `docs` by relevance: only the words are scored, within `docs`.

        Filters (dates, people) and positions (phrases) are already settled by `docs`; leaving
        them out of the scoring query spares a date range's many terms and a second positional
        pass, and changes no score but the filters' constant share. Words joined by AND / OR
        are scored with numpy over their postings (Whoosh's BM25F, same figures); anything else
        is left to Whoosh, which scores every match in Python (seconds for a common word).
        """
        scoring = self._scoring_query(q)
        if scoring is None:
            # Only filters: there is no relevance to rank by; keep the index's order.
            return docs[start:end].tolist(), [0.0] * len(docs[start:end])
        scores = self._scores(searcher, scoring, docs)
        if scores is not None:
            return _best(docs, scores, start, end)
        # Phrases as their words: their positions are settled by `docs` already.
        scoring = _unphrased(scoring)
        top = searcher.search(scoring, limit=end, filter=set(docs.tolist()))
        pairs = list(top.top_n)[start:end]
        return [docnum for _, docnum in pairs], [score for score, _ in pairs]

    def _scores(self, searcher, q, docs) -> np.ndarray | None:
        """q's BM25F score for each of `docs`, or None when only Whoosh can score q."""
        if type(searcher.weighting) is not BM25F:
            return None
        bm25 = BM25(searcher, searcher.weighting)
        scores = np.zeros(len(docs))
        try:
            for leaf_searcher, tables, offset in self._leaves(searcher):
                lo, hi = np.searchsorted(docs, [offset, offset + tables.doc_count_all])
                if lo < hi:
                    leaf = LeafDocs(leaf_searcher, tables)
                    scores[lo:hi] = leaf.scores(q, docs[lo:hi] - offset, bm25)
        except Unscorable:
            return None
        return scores

    def _scoring_query(self, q):
        """q's positive word and phrase parts; None when it has none."""
        words = {self.content_field_name, "text_exact"}

        def on_words(node) -> bool:
            leaves = list(node.leaves()) if node.is_leaf() is False else [node]
            return bool(leaves) and all(
                getattr(leaf, "fieldname", None) in words and not isinstance(leaf, wq.Every)
                for leaf in leaves
            )

        parts = q.subqueries if isinstance(q, wq.And) else [q]
        kept = [part for part in parts if not isinstance(part, wq.Not) and on_words(part)]
        if not kept:
            return None
        return (wq.And(kept) if len(kept) > 1 else kept[0]).normalize()

    def _sorted(self, searcher, q, docs, sort_by, start, end):
        fields = [s.lstrip("-") for s in sort_by]
        descending = sort_by[0].startswith("-")
        if len(fields) == 1 and isinstance(self.schema[fields[0]], NUMERIC):
            values = self._numbers(searcher, fields[0], docs)
            missing = values == NO_VALUE
            # Newest or oldest first; undated documents last either way; ties in index order.
            keys = np.where(missing, np.iinfo(np.int64).max, -values if descending else values)
            order = np.lexsort((docs, keys))[start:end]
            return docs[order].tolist(), [0.0] * len(order)
        top = searcher.search(q, limit=end, sortedby=fields, reverse=descending)
        pairs = list(top.top_n)[start:end]
        return [docnum for _, docnum in pairs], [0.0] * len(pairs)

    def _result(self, searcher, docnum, score, terms, result_class):
        stored = searcher.stored_fields(docnum)
        app_label, model_name = stored[DJANGO_CT].split(".")
        fields = {}
        for name, value in stored.items():
            if name in (ID, DJANGO_CT, DJANGO_ID):
                continue
            if name in self.multivalued:
                fields[name] = value.split(VALUE_SEPARATOR) if value else []
            elif isinstance(value, datetime.datetime) and name == "date":
                fields[name] = value.date()
            else:
                fields[name] = value
        if terms is not None:
            text = stored.get(self.content_field_name, "")
            fields["highlighted"] = {self.content_field_name: [highlighting.snippet(text, terms)]}
        return result_class(app_label, model_name, stored[DJANGO_ID], score, **fields)

    # Facets -------------------------------------------------------------------------------

    def _facets(self, searcher, key, docs, facets, date_facets) -> dict:
        counts = {"fields": {}, "dates": {}, "queries": {}}
        # A dict (facet name: True) so that haystack renames its keys like the counts' keys.
        approximate = {}
        everything = self._by_segment(searcher, docs)
        sampled = None
        for name, options in facets.items():
            parts = everything
            if not (options or {}).get("exact") and len(docs) > self.facet_exact_limit:
                if sampled is None:
                    rng = np.random.default_rng(len(docs))
                    sample = np.sort(rng.choice(docs, size=self.facet_sample_size, replace=False))
                    sampled = self._by_segment(searcher, sample)
                parts = sampled
                approximate[name] = True
            values, held = self._facet_counts(searcher, self._fieldname(name), parts)
            if parts is sampled:
                scale = len(docs) / self.facet_sample_size
                held = np.maximum(1, np.rint(held * scale)).astype(np.int64)
            # Most held first; the values arrive in order, so a stable sort breaks ties by value.
            order = np.argsort(-held, kind="stable")
            ranked = list(zip(values[order].tolist(), held[order].tolist(), strict=True))
            limit = (options or {}).get("limit") or (options or {}).get("size")
            counts["fields"][name] = ranked[: int(limit)] if limit else ranked
        for name, options in date_facets.items():
            counts["dates"][name] = self._date_counts(
                searcher, self._fieldname(name), docs, options
            )
        if approximate:
            counts["approximate"] = approximate
        return counts

    def _fieldname(self, name: str) -> str:
        """The index field a facet counts: its whole-value companion where there is one.

        Haystack hands `.facet("speaker_exact")` over as "speaker"; counting that stemmed field
        would count the words of names.
        """
        return f"{name}_exact" if f"{name}_exact" in self.schema else name

    def _facet_counts(self, searcher, fieldname: str, parts) -> tuple[np.ndarray, np.ndarray]:
        """(values, how many of the documents hold each): the values held, in value order."""
        values, ids_by_segment = self._facet_values(searcher, fieldname)
        held = np.zeros(len(values), dtype=np.int64)
        for (tables, inside), ids in zip(parts, ids_by_segment, strict=True):
            if len(inside):
                held[ids] += tables.facet_counts(fieldname, inside)[1]
        nonzero = np.flatnonzero(held)
        return values[nonzero], held[nonzero]

    def _facet_values(self, searcher, fieldname: str) -> tuple[np.ndarray, list[np.ndarray]]:
        """Every value of a facet field in the index, sorted, and where each segment's values
        are in that array: counts from several segments add up without merging names."""

        def compute():
            per_segment = [tables.facet(fieldname)[0] for _, tables, _ in self._leaves(searcher)]
            values = np.unique(np.concatenate(per_segment or [np.array([], dtype=object)]))
            return values, [np.searchsorted(values, own) for own in per_segment]

        key = (fieldname, _index_version(searcher))
        return self._facet_vocabularies.get_or_compute(key, compute)

    def _date_counts(self, searcher, fieldname, docs, options) -> list:
        start = _as_datetime(options["start_date"])
        end = _as_datetime(options["end_date"])
        gap = relativedelta(**{f"{options['gap_by']}s": int(options.get("gap_amount", 1))})
        edges = []
        cursor = start
        while cursor < end:
            edges.append(cursor)
            cursor += gap
        if not edges:
            return []
        bounds = np.array([datetime_to_long(e) for e in [*edges, end]], dtype=np.int64)
        values = self._numbers(searcher, fieldname, docs)
        values = values[(values != NO_VALUE) & (values >= bounds[0]) & (values < bounds[-1])]
        per_bucket = np.bincount(
            np.searchsorted(bounds, values, side="right") - 1, minlength=len(edges)
        )
        return [(edge, int(n)) for edge, n in zip(edges, per_bucket, strict=True)]

    # Spelling -----------------------------------------------------------------------------

    def _spelling(self, searcher, query_string) -> str | None:
        """The query's words with unknown ones replaced by the closest indexed word, or None."""
        if not self.include_spelling or not query_string:
            return None
        text = re.sub(
            r"\b(?!text_exact)\w+:(\"[^\"]*\"|\([^)]*\)|\[[^\]]*\]|\S+)", " ", query_string
        )
        words = [
            w.lower()
            for w in re.findall(r"[^\W\d_]+", text)
            if w not in self.RESERVED_WORDS and w != "text_exact"
        ][:MAX_SPELLING_WORDS]
        if not words:
            return None
        version = _index_version(searcher)

        def suggest():
            corrector = searcher.reader().corrector("text_exact")
            suggested, changed = [], False
            for word in words:
                if len(word) > MAX_SPELLING_WORD_CHARS or ("text_exact", word) in searcher.reader():
                    suggested.append(word)
                    continue
                best = corrector.suggest(word, limit=1, maxdist=2, prefix=1)
                suggested.append(best[0] if best else word)
                changed = changed or bool(best)
            return " ".join(suggested) if changed else None

        return self._spellings.get_or_compute((version, tuple(words)), suggest)

    def create_spelling_suggestion(self, query_string):
        return self._spelling(self.searcher(), query_string)


class ExactPhrasePlugin(PhrasePlugin):
    """Quoted phrases on the content field are matched on its unstemmed twin, `text_exact`
    (the content field keeps no positions): "exact phrases" mean the words as written."""

    class PhraseNode(PhrasePlugin.PhraseNode):
        def query(self, parser):
            if (self.fieldname or parser.fieldname) == parser.fieldname:
                self.fieldname = "text_exact"
            return super().query(parser)

    class PhraseTagger(PhrasePlugin.PhraseTagger):
        def create(self, parser, match):
            node = super().create(parser, match)
            return ExactPhrasePlugin.PhraseNode(node.text, node.textstartchar, node.slop)

    def taggers(self, parser):
        return [(self.PhraseTagger(self.expr), 0)]


def _query_parser(content_field_name: str, schema) -> QueryParser:
    parser = QueryParser(content_field_name, schema=schema)
    if "text_exact" in schema:
        parser.remove_plugin_class(PhrasePlugin)
        parser.add_plugin(ExactPhrasePlugin())
    return parser


def _process_alive(pid: str) -> bool:
    if not pid.isdigit():
        return True  # not one of ours: leave it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _unphrased(q: wq.Query) -> wq.Query:
    if isinstance(q, wq.Phrase):
        return wq.And([wq.Term(q.fieldname, word) for word in q.words], boost=q.boost)
    return q.apply(_unphrased)


def _best(docs: np.ndarray, scores: np.ndarray, start: int, end: int):
    """Documents start..end by score, ties in index order (as Whoosh's collector orders them)."""
    keep = np.arange(len(docs))
    if end < len(docs):
        # Only the documents scoring at least the end-th best can be on the page.
        threshold = np.partition(scores, len(scores) - end)[len(scores) - end]
        keep = np.flatnonzero(scores >= threshold)
    order = keep[np.lexsort((docs[keep], -scores[keep]))][start:end]
    return docs[order].tolist(), scores[order].tolist()


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:200]


def _index_version(searcher) -> tuple:
    """The index a searcher reads: its generation and its segments' names (random), so that
    caches shared by threads never mix two indexes at one path (a rebuild, a test's fresh one)."""
    reader = searcher.reader()
    return reader.generation(), tuple(_segment_key(leaf) for leaf, _ in reader.leaf_readers())


def _segment_key(leaf) -> str | None:
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    return segment.segment_id() if segment is not None else None


def _as_datetime(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime(value.year, value.month, value.day)


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
