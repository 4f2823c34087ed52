"""Searching the archive's quotes: the one service the search page, exports, feeds and API use.

`quote_search(q=...)` takes a query in the archive's language (`interviews.search.query`), and
returns plain data: the page of hits, the count, facet counts, the timeline, "did you mean" and
the people whose name matches. It runs one engine search per call (hits, count, facets, dates
and spelling together) and loads the page's turns in one database query.

Everything goes through haystack's SearchQuerySet, never Whoosh directly, so that pointing
`SEARCH_URL` at Elasticsearch needs no change here.
"""

from __future__ import annotations

import datetime
import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet, Sum
from django.urls import reverse
from haystack import connections
from haystack.inputs import Exact
from haystack.query import SQ, SearchQuerySet

from interviews import parsing
from interviews.caching import per_content_version
from interviews.models import (
    Appearance,
    Program,
    Role,
    Segment,
    Speaker,
    Topic,
    Turn,
    counted,
)
from interviews.search.backend import ArchiveWhooshBackend, SearchUnavailable
from interviews.search.highlight import quoted_paragraph
from interviews.search.query import (
    FILTER_FIELDS,
    SINGLE_VALUED,
    And,
    Filter,
    Node,
    Not,
    ParsedQuery,
    Phrase,
    Term,
    parse_query,
)
from interviews.search.timeline import (
    Bucket,
    bucket_after,
    bucket_starts,
    bucket_unit,
    buckets_from_counts,
)

SORTS = {"relevance": None, "newest": "-date", "oldest": "date"}
SORT_LABELS = {"relevance": "Best match", "newest": "Newest", "oldest": "Oldest"}
PER_PAGE = 20
MAX_PER_PAGE = 100
# Facet values listed per field on the page; the full speaker ranking is the "group" view.
FACET_VALUES_SHOWN = 10
GROUP_SIZE = 50
PEOPLE_SHOWN = 5
SPELLED_WORDS = 6
SPELLED_WORD_LENGTH = 30

# Query-language field -> index field (each faceted, with a whole-value `_exact` companion).
INDEX_FIELDS = {
    "speaker": "speaker",
    "affiliation": "affiliation",
    "role": "role",
    "program": "program",
    "topic": "topics",
}
FACET_LABELS = {
    "speaker": "Speaker",
    "affiliation": "Affiliation",
    "role": "Role",
    "program": "Program",
    "topic": "Topic",
}
# The index's tokens: what the engine's analyzer keeps of a word (as Whoosh's RegexTokenizer).
_TOKEN = re.compile(r"\w+(?:\.?\w+)*")


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    q: str  # the canonical query narrowed to this value
    selected: bool = False

    @property
    def label(self) -> str:
        return self.value


@dataclass(frozen=True)
class Facet:
    field: str
    label: str
    values: list[FacetValue]
    approximate: bool = False
    more: int = 0  # values not listed


@dataclass(frozen=True)
class QuoteHit:
    """One search hit: the turn (with what a quote shows loaded) and its marked-up snippet."""

    turn: Turn
    snippet: str  # escaped HTML, the matched words in <mark>; empty when nothing was marked

    def as_dict(self) -> dict:
        return turn_as_dict(self.turn) | {"snippet_html": self.snippet}


# Marked words with only spaces between them read as one mark ("<mark>due process</mark>"),
# whichever engine marked them; marks on either side of a line (a snippet's paragraphs) stay two.
_ADJACENT_MARKS = re.compile(r"</mark>([ \t\u00a0]+)<mark>")


def _snippet(result) -> str:
    marked = (result.highlighted or {}).get("text", [""])[0]
    return _ADJACENT_MARKS.sub(r"\1", marked)


@dataclass(frozen=True)
class Person:
    name: str
    slug: str
    affiliation: str

    @property
    def url(self) -> str:
        return reverse("interviews:speaker", args=[self.slug])


@dataclass(frozen=True)
class SpeakerGroup:
    name: str
    count: int
    q: str
    slug: str | None  # their page, when exactly one speaker has this name


@dataclass
class SearchResults:
    """What one search found, as plain data (`as_dict()` gives it JSON-ready)."""

    query: ParsedQuery
    sort: str
    page: int = 1
    per_page: int = PER_PAGE
    count: int = 0
    hits: list[QuoteHit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    timeline: list[Bucket] = field(default_factory=list)
    timeline_unit: str = "year"
    suggestion: str | None = None  # a canonical query that may find what was meant
    people: list[Person] = field(default_factory=list)
    groups: list[SpeakerGroup] = field(default_factory=list)

    @property
    def q(self) -> str:
        return self.query.canonical()

    @property
    def notices(self) -> tuple[str, ...]:
        return self.query.notices

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.count else 0

    @property
    def end_index(self) -> int:
        return min(self.count, self.page * self.per_page)

    def as_dict(self) -> dict:
        return {
            "q": self.q,
            "notices": list(self.notices),
            "filters": [
                {"field": f.field, "value": f.value, "negated": f.negated, "label": f.label}
                for f in self.query.filters
            ],
            "sort": self.sort,
            "count": self.count,
            "page": self.page,
            "per_page": self.per_page,
            "num_pages": self.num_pages,
            "hits": [hit.as_dict() for hit in self.hits],
            "facets": {
                facet.field: {
                    "approximate": facet.approximate,
                    "values": [{"value": v.value, "count": v.count} for v in facet.values],
                }
                for facet in self.facets
            },
            "timeline": {
                "unit": self.timeline_unit,
                "buckets": [
                    {"start": b.start.isoformat(), "end": b.end.isoformat(), "count": b.count}
                    for b in self.timeline
                ],
            },
            "suggestion": self.suggestion,
            "people": [{"name": p.name, "slug": p.slug} for p in self.people],
        }


def turn_as_dict(turn: Turn) -> dict:
    """A turn as exports and the API give it (the turn loaded with `for_display()`)."""
    segment = turn.segment
    return {
        "id": turn.pk,
        "speaker": turn.speaker.name if turn.speaker_id else None,
        "speaker_slug": turn.speaker.slug if turn.speaker_id else None,
        "affiliation": getattr(turn, "affiliation", None) or "",
        "role": turn.role,
        "text": turn.text,
        "segment": segment.title,
        "segment_id": segment.pk,
        "program": segment.program.name if segment.program_id else "",
        "air_date": segment.air_date.isoformat() if segment.air_date else None,
        "path": turn.get_absolute_url(),
        "sequence": turn.sequence,
    }


# From the query language to a SearchQuerySet.


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _text_sq(node: Node) -> SQ | None:
    """The free text as haystack SQ objects: stemmed words on the document field, exact
    phrases on the unstemmed `text_exact`."""
    if isinstance(node, Term):
        tokens = _tokens(node.text)
        if not tokens:
            return None
        if node.prefix:
            *whole, last = tokens
            parts = [SQ(content=t) for t in whole] + [SQ(content__startswith=last.replace(".", ""))]
            return reduce(lambda a, b: a & b, parts)
        # "al-Qaida" is two index words: they must be adjacent, as the word was written.
        return SQ(content=tokens[0]) if len(tokens) == 1 else SQ(content=Exact(" ".join(tokens)))
    if isinstance(node, Phrase):
        tokens = _tokens(node.text)
        return SQ(text_exact=Exact(" ".join(tokens))) if tokens else None
    if isinstance(node, Not):
        inner = _text_sq(node.child)
        return ~inner if inner is not None else None
    parts = [sq for sq in (_text_sq(child) for child in node.children) if sq is not None]
    if not parts:
        return None
    return reduce((lambda a, b: a & b) if isinstance(node, And) else (lambda a, b: a | b), parts)


def _filter_kwargs(found: Filter, segment_ids: dict[str, int]) -> dict:
    if found.field == "date":
        dates = found.dates
        bounds = {}
        if dates.start:
            bounds["date__gte"] = dates.start
        if dates.end:
            bounds["date__lte"] = dates.end
        return bounds
    if found.field == "segment":
        return {"segment_id": segment_ids[found.value]}
    return {f"{INDEX_FIELDS[found.field]}_exact": Exact(found.value)}


def quote_queryset(
    query: ParsedQuery, *, sort: str = "relevance", segment_ids: dict[str, int] | None = None
) -> SearchQuerySet:
    """Published turns matching a (resolved) query, in the order asked for.

    Several values of a single-valued field (speaker, role...) mean any of them; several topics
    mean all of them; dates narrow each other; negated filters exclude.
    """
    segment_ids = segment_ids or {}
    sqs = SearchQuerySet().models(Turn)
    if query.text is not None and (text := _text_sq(query.text)) is not None:
        sqs = sqs.filter(text)
    for name in SINGLE_VALUED:
        values = query.of_field(name)
        if len(values) > 1 and name != "segment":
            sqs = sqs.filter(**{f"{INDEX_FIELDS[name]}_exact__in": [f.value for f in values]})
        elif len(values) > 1:
            sqs = sqs.filter(segment_id__in=[segment_ids[f.value] for f in values])
        elif values:
            sqs = sqs.filter(**_filter_kwargs(values[0], segment_ids))
    for found in query.filters:
        if found.negated:
            sqs = sqs.exclude(**_filter_kwargs(found, segment_ids))
        elif found.field not in SINGLE_VALUED:
            sqs = sqs.filter(**_filter_kwargs(found, segment_ids))
    if SORTS.get(sort):
        sqs = sqs.order_by(SORTS[sort])
    return sqs


# Filters named as people type them, matched to the archive's own spelling.


def _speaker_for(value: str) -> tuple[str | None, list[str]]:
    """The speaker name `value` means, or None and the names it might mean."""
    key = parsing.speaker_key(value)
    if not key:
        return None, []
    exact = Speaker.objects.filter(key=key).values_list("name", flat=True).first()
    if exact:
        return exact, []
    # "Neumann" or "Peter": one person whose name has that word is who was meant.
    candidates = list(
        Speaker.objects.filter(
            Q(key__startswith=f"{key} ") | Q(key__endswith=f" {key}") | Q(key__contains=f" {key} ")
        )
        .order_by("name")
        .values_list("name", flat=True)[:6]
    )
    return (candidates[0], []) if len(candidates) == 1 else (None, candidates)


def _resolve_filter(found: Filter, segment_ids: dict[str, int]) -> tuple[Filter | None, str | None]:
    """The filter with its value as the archive spells it, or None; and a notice, if any."""
    value = found.value
    if found.field == "speaker":
        name, candidates = _speaker_for(value)
        if name:
            note = None if name.lower() == value.lower() else f"speaker:{value} was read as {name}."
            return Filter("speaker", name, found.negated), note
        maybe = f" Did you mean {', '.join(candidates)}?" if candidates else ""
        return found, f"No speaker in the archive is called “{value}”.{maybe}"
    if found.field in ("topic", "program"):
        model = Topic if found.field == "topic" else Program
        name = model.objects.filter(name__iexact=value).values_list("name", flat=True).first()
        if name:
            return Filter(found.field, name, found.negated), None
        return found, f"There is no {found.field} called “{value}” in the archive."
    if found.field == "affiliation":
        shown = (
            Appearance.objects.filter(affiliation__iexact=value)
            .values_list("affiliation", flat=True)
            .first()
            or Speaker.objects.filter(affiliation__iexact=value)
            .values_list("affiliation", flat=True)
            .first()
        )
        return Filter("affiliation", shown or value, found.negated), None
    if found.field == "role":
        if value.lower() in Role.values:
            return Filter("role", value.lower(), found.negated), None
        return None, f"“{value}” is not a role; roles are {', '.join(Role.values)}."
    if found.field == "segment":
        segment_id = Segment.objects.published().filter(slug=value).values_list("pk", flat=True)
        if segment_id:
            segment_ids[value] = segment_id[0]
            return found, None
        return None, f"There is no published segment “{value}”; segment:{value} was ignored."
    return found, None


def query_resolve(query: ParsedQuery) -> tuple[ParsedQuery, dict[str, int]]:
    """Filters matched to the archive: speaker, topic and program names as the archive writes
    them (case, a surname alone), roles checked, segment slugs to ids; notices for the rest."""
    segment_ids: dict[str, int] = {}
    filters: list[Filter] = []
    notices: list[str] = []
    for found in query.filters:
        resolved, note = _resolve_filter(found, segment_ids)
        if resolved is not None and resolved not in filters:
            filters.append(resolved)
        if note:
            notices.append(note)
    resolved_query = ParsedQuery(query.text, tuple(filters), query.notices)
    return resolved_query.with_notices(*notices), segment_ids


# The parts of a results page.


@per_content_version
def _archive_span() -> dict:
    return Segment.objects.published().aggregate(first=Min("air_date"), last=Max("air_date"))


@per_content_version
def _speaking_people() -> list[tuple[str, Person]]:
    """Everyone with a published quote, by name, each with their key padded by spaces."""
    # Joined to the segment's status, not "segment in (published segments)": for each speaker
    # SQLite probed their index entry for every published segment (3.7 s at a million turns,
    # in a worker's first search); joined, it stops at their first published turn (26 ms).
    published = Turn.objects.filter(
        speaker=OuterRef("pk"), segment__status=Segment.Status.PUBLISHED
    )
    found = Speaker.objects.filter(Exists(published)).order_by("name")
    rows = found.values_list("key", "name", "slug", "affiliation")
    return [(f" {key} ", Person(*person)) for key, *person in rows]


def _date_bounds(query: ParsedQuery) -> tuple[datetime.date, datetime.date] | None:
    """The range the timeline covers: the dates asked for, within the archive's own."""
    span = _archive_span()
    first, last = span["first"], span["last"]
    if first is None:
        return None
    for found in query.of_field("date"):
        dates = found.dates
        first = max(first, dates.start) if dates.start else first
        last = min(last, dates.end) if dates.end else last
    return (first, last) if first <= last else None


def _timeline(facet_counts: dict, bounds, unit: str) -> list[Bucket]:
    counts = {}
    for key, count in facet_counts.get("dates", {}).get("date", []):
        if key is not None:
            start = key[0] if isinstance(key, tuple) else key
            counts[start.date() if isinstance(start, datetime.datetime) else start] = count
    return buckets_from_counts(counts, bounds[0], bounds[1], unit)


def _facet_values(facet_counts: dict, name: str) -> list[tuple[str, int]]:
    fields = facet_counts.get("fields", {})
    index_name = INDEX_FIELDS[name]
    values = fields.get(index_name, fields.get(f"{index_name}_exact", []))
    return [(value, count) for value, count in values if value and count]


def _facets(query: ParsedQuery, facet_counts: dict) -> list[Facet]:
    approximate = set(facet_counts.get("approximate", ()))
    facets = []
    for name, label in FACET_LABELS.items():
        values = _facet_values(facet_counts, name)
        chosen = {f.value for f in query.of_field(name)}
        listed = [
            FacetValue(
                value=value,
                count=count,
                q=query.with_filter(Filter(name, value)).canonical(),
                selected=value in chosen,
            )
            for value, count in values[:FACET_VALUES_SHOWN]
        ]
        index_name = INDEX_FIELDS[name]
        facets.append(
            Facet(
                field=name,
                label=label,
                values=listed,
                approximate=bool({index_name, f"{index_name}_exact"} & approximate),
                more=max(0, len(values) - FACET_VALUES_SHOWN),
            )
        )
    return facets


def _groups(query: ParsedQuery, facet_counts: dict) -> list[SpeakerGroup]:
    ranked = _facet_values(facet_counts, "speaker")[:GROUP_SIZE]
    slugs: dict[str, list[str]] = {}
    for name, slug in Speaker.objects.filter(name__in=[n for n, _ in ranked]).values_list(
        "name", "slug"
    ):
        slugs.setdefault(name, []).append(slug)
    return [
        SpeakerGroup(
            name=name,
            count=count,
            q=query.with_filter(Filter("speaker", name)).canonical(),
            slug=slugs[name][0] if len(slugs.get(name, ())) == 1 else None,
        )
        for name, count in ranked
    ]


def people_matching(query: ParsedQuery) -> list[Person]:
    """Speakers whose name is, or contains, the words searched for (at most a few)."""
    words = query.words
    if not words or len(words) > 4:
        return []
    key = parsing.speaker_key(" ".join(words))
    if len(key) < 3:
        return []
    # A speaker's `key` is their folded name: the words searched for are some of its words.
    words_run = f" {key} "
    found = (person for padded, person in _speaking_people() if words_run in padded)
    return list(itertools.islice(found, PEOPLE_SHOWN))


def _suggestion(query: ParsedQuery, suggested: str | None) -> str | None:
    """A query with each word respelled, when the free text is only words and one changed."""
    if not suggested or query.text is None:
        return None
    terms = list(query.text.children) if isinstance(query.text, And) else [query.text]
    if not all(isinstance(t, Term) and not t.prefix for t in terms):
        return None
    words = suggested.split()
    if len(words) != len(terms) or [w.lower() for w in words] == [t.text.lower() for t in terms]:
        return None
    respelled = And(tuple(Term(w) for w in words)) if len(words) > 1 else Term(words[0])
    return query.with_text(respelled).canonical()


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def quote_search(
    *,
    q: str,
    sort: str = "relevance",
    page: int | str | None = 1,
    per_page: int = PER_PAGE,
    facets: bool = True,
    exact_facets: bool = False,
    group: bool = False,
) -> SearchResults:
    """Search the published quotes.

    `q` is a query in the archive's language (words, "phrases", OR, -word, word*, filters such
    as speaker:"Peter Neumann" or date:2016-01..2016-06); it never raises: what cannot be read
    is searched leniently and `notices` say how. `sort` is relevance, newest or oldest;
    `page` counts from 1 (past the end gives the last page); `facets` adds facet counts, the
    timeline and the people whose name matches; `exact_facets` asks the engine not to estimate
    counts; `group` ranks every matching speaker by how many of the hits are theirs.
    """
    query, segment_ids = query_resolve(parse_query(q))
    if sort not in SORTS:
        query = query.with_notices(f"Results can be sorted by {', '.join(SORTS)}; not “{sort}”.")
        sort = "relevance"
    if query.is_empty:
        return SearchResults(query=query, sort=sort)
    if query.text is None and sort == "relevance":
        sort = "newest"  # with no words to rank by, the newest quotes come first
    per_page = max(1, min(MAX_PER_PAGE, per_page))
    number = _page_number(page)

    sqs = quote_queryset(query, sort=sort, segment_ids=segment_ids).highlight().load_all()
    bounds = None
    if facets or group:
        for name in FACET_LABELS:
            sqs = sqs.facet(INDEX_FIELDS[name], **({"exact": True} if exact_facets else {}))
        bounds = _date_bounds(query)
        if bounds:
            unit = bucket_unit(*bounds)
            first = bucket_starts(*bounds, unit)[0]  # buckets start on a year's or month's first
            sqs = sqs.date_facet("date", first, bucket_after(bounds[1], unit), gap_by=unit)
    # The suggester's cost grows with every word and its length: "did you mean" respells a
    # handful of words of ordinary length (a 500-letter "word" took it seconds).
    words = [w for w in query.words if _tokens(w) and len(w) <= SPELLED_WORD_LENGTH]
    words = words[:SPELLED_WORDS]
    if words:
        sqs = sqs.set_spelling_query(" ".join(words))

    results = _fetch(sqs, number, per_page)
    if not results and number > 1:
        # Past the last page (the engine then counts nothing): show the last page instead.
        sqs = sqs.all()
        results = _fetch(sqs, 1, per_page)
        number = max(1, math.ceil(sqs.count() / per_page))
        if number > 1:
            sqs = sqs.all()
            results = _fetch(sqs, number, per_page)
    count = sqs.count()
    if not count:
        index_ready_check()

    found = SearchResults(query=query, sort=sort, page=number, per_page=per_page, count=count)
    found.hits = [QuoteHit(turn=r.object, snippet=_snippet(r)) for r in results]
    for hit in found.hits:
        if hit.turn.paragraph_starts:  # a long turn timed by paragraph: link to the one quoted
            hit.turn.quoted_paragraph = quoted_paragraph(hit.turn.text, hit.snippet)
    if facets or group:
        facet_counts = sqs.facet_counts() or {}
        found.facets = _facets(query, facet_counts)
        if bounds:
            found.timeline_unit = bucket_unit(*bounds)
            found.timeline = _timeline(facet_counts, bounds, found.timeline_unit)
        if group:
            found.groups = _groups(query, facet_counts)
        found.people = people_matching(query)
    if not count and words:
        found.suggestion = _suggestion(query, sqs.spelling_suggestion())
    return found


def index_ready_check() -> None:
    """Raise SearchUnavailable when the index is empty while the archive has published quotes.

    Called only when a search found nothing: an index deleted and recreated empty by a restart,
    or never built, must not pass for "no results".
    """
    backend = connections["default"].get_backend()
    if not isinstance(backend, ArchiveWhooshBackend):
        return
    if backend.searcher().doc_count() == 0 and Turn.objects.published().exists():
        raise SearchUnavailable("it holds no quotes while the archive has some")


def _fetch(sqs: SearchQuerySet, number: int, per_page: int) -> list:
    start = (number - 1) * per_page
    return [r for r in sqs[start : start + per_page] if r is not None and r.object is not None]


# Everything that matched, for exports and feeds.


@dataclass(frozen=True)
class QuoteExport:
    query: ParsedQuery
    count: int  # all the hits
    turns: Iterator[Turn]  # at most `limit` of them, in order
    limit: int

    @property
    def truncated(self) -> bool:
        return self.count > self.limit


EXPORT_BATCH = 500


def quote_export(*, q: str, sort: str = "relevance", limit: int) -> QuoteExport:
    """Every hit of a search up to `limit`, as turns loaded in batches, in the search's order.

    One engine search fetches the ids; the turns are read from the database (published only)
    `EXPORT_BATCH` at a time while the caller streams them out.
    """
    query, segment_ids = query_resolve(parse_query(q))
    sort = sort if sort in SORTS else "relevance"
    if query.is_empty:
        return QuoteExport(query=query, count=0, turns=iter(()), limit=limit)
    if query.text is None and sort == "relevance":
        sort = "newest"
    ids_sqs = quote_queryset(query, sort=sort, segment_ids=segment_ids).values_list("pk", flat=True)
    ids = [int(pk) for pk in ids_sqs[:limit]]
    if not ids:
        index_ready_check()
    return QuoteExport(query=query, count=ids_sqs.count(), turns=_turns_in_order(ids), limit=limit)


def _turns_in_order(ids: list[int]) -> Iterator[Turn]:
    for start in range(0, len(ids), EXPORT_BATCH):
        batch = ids[start : start + EXPORT_BATCH]
        loaded = Turn.objects.published().for_display().in_bulk(batch)
        yield from (loaded[pk] for pk in batch if pk in loaded)


# Reads that the speaker, topic and program pages share with search.


def query_with_filters(q: str, filters: dict[str, str]) -> str:
    """`q` narrowed by filters given apart from it (a form's speaker box, "search within"),
    as the canonical query that a bookmarkable URL carries."""
    query = parse_query(q)
    for name in FILTER_FIELDS:
        value = " ".join((filters.get(name) or "").split()).replace('"', "")
        if value:
            query = query.with_filter(Filter(name, value))
    return query.canonical()


def speaker_suggest(*, term: str, limit: int = 10) -> list[Person]:
    """Speakers with published quotes whose name contains `term`, for autocomplete."""
    key = parsing.speaker_key(term)
    if not key:
        return []
    # Read from the remembered list of speaking people: the query that checked each speaker for
    # a published turn took 200 ms a keystroke at a million turns.
    word_start = f" {key}"
    found = (person for padded, person in _speaking_people() if word_start in padded)
    return list(itertools.islice(found, limit))


def frequent_speakers(segments: QuerySet[Segment], *, limit: int = 10) -> list[SpeakerGroup]:
    """Who speaks most in these segments (published ones only), with their number of turns."""
    # Each appearance's turns counted on the (speaker, segment) index, names fetched for the few
    # ranked: grouping every turn of a program of a million turns took 0.8 s, this 0.2 s. A
    # turn's speaker always appears in its segment (services.speakers.speaker_appearance_ensure).
    turns_here = Turn.objects.filter(segment=OuterRef("segment"), speaker=OuterRef("speaker"))
    ranked = (
        Appearance.objects.filter(segment__in=segments.published().values("pk"))
        .annotate(turns_here=counted(turns_here))
        .values("speaker")
        .annotate(turns=Sum("turns_here"))
        .order_by("-turns", "speaker")[:limit]
    )
    # Someone who appears without a turn (named in the summary only) ranks last, at no turns.
    ranked = [row for row in ranked if row["turns"]]
    speakers = Speaker.objects.in_bulk([row["speaker"] for row in ranked])
    # int(): PostgreSQL sums counts as numeric, which psycopg2 reads as Decimal.
    groups = [(speakers[row["speaker"]], int(row["turns"])) for row in ranked]
    groups.sort(key=lambda group: (-group[1], group[0].name))
    return [
        SpeakerGroup(
            name=speaker.name,
            count=count,
            q=Filter("speaker", speaker.name).render(),
            slug=speaker.slug,
        )
        for speaker, count in groups
    ]


def appearance_timeline(*, speaker: Speaker) -> tuple[list[Bucket], str]:
    """The speaker's published segments counted per year (or month, over a short span)."""
    days = list(
        Appearance.objects.filter(
            speaker=speaker,
            segment__status=Segment.Status.PUBLISHED,
            segment__air_date__isnull=False,
        ).values_list("segment__air_date", flat=True)
    )
    if not days:
        return [], "year"
    first, last = min(days), max(days)
    unit = bucket_unit(first, last)
    counts: dict[datetime.date, int] = {}
    for day in days:
        start = datetime.date(day.year, 1, 1) if unit == "year" else day.replace(day=1)
        counts[start] = counts.get(start, 0) + 1
    return buckets_from_counts(counts, first, last, unit), unit
