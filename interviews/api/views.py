"""The read-only JSON API: segments, speakers, turns, topics, programs and search.

Endpoints parse parameters (Ninja validates them against the schemas), read through the public
querysets, and leave rendering to the schemas. Only published content is ever returned.
"""

import datetime
import logging

from django.conf import settings
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.pagination import paginate

from interviews.api.pagination import PageParams, Pages, search_envelope
from interviews.api.schemas import (
    Error,
    ProgramOut,
    SearchHit,
    SegmentDetail,
    SegmentSummary,
    SpeakerDetail,
    SpeakerSummary,
    TopicOut,
    TurnOut,
)
from interviews.api.throttling import ClientRateThrottle
from interviews.models import Appearance, NewestFirst, Program, Topic, Turn
from interviews.public import (
    public_programs,
    public_segments,
    public_speakers,
    public_topics,
    public_turns,
)
from interviews.search.backend import SearchUnavailable
from interviews.search.queries import query_with_filters, quote_search
from interviews.search.query import MAX_QUERY_LENGTH

SPEAKER_APPEARANCES_SHOWN = 50
log = logging.getLogger(__name__)

api = NinjaAPI(
    title="Interview Archive API",
    version="1",
    description=(
        "Read-only JSON for the archive's published transcripts. Lists are paginated with "
        "`page` and `page_size`; bad parameters answer 400 with a message in `detail`."
    ),
    urls_namespace="api",
    docs_url="/docs/",
    openapi_url="/openapi.json",
    throttle=[ClientRateThrottle()],
)


@api.exception_handler(ValidationError)
def bad_parameters(request, exc: ValidationError):
    problems = []
    for error in exc.errors:
        where = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        problems.append(f"{'.'.join(where) or 'request'}: {error.get('msg', 'invalid')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)


@api.exception_handler(SearchUnavailable)
def search_unavailable(request, exc: SearchUnavailable):
    log.error("%s (%s)", exc, request.path)
    response = api.create_response(
        request,
        {"detail": "Search is unavailable while its index is rebuilt; try again in a few minutes."},
        status=503,
    )
    response["Retry-After"] = "300"
    return response


@api.exception_handler(Throttled)
def too_many_requests(request, exc: Throttled):
    response = api.create_response(
        request,
        {"detail": f"Too many requests: the limit is {settings.API_THROTTLE_RATE} per client."},
        status=429,
    )
    if exc.wait:
        response["Retry-After"] = str(max(1, round(exc.wait)))
    return response


class DateRange(Schema):
    date_from: datetime.date | None = Field(None, description="Aired on or after (YYYY-MM-DD).")
    date_to: datetime.date | None = Field(None, description="Aired on or before (YYYY-MM-DD).")

    def checked(self) -> "DateRange":
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise HttpError(400, "date_from is after date_to.")
        return self


class SegmentFilters(DateRange):
    program: str | None = Field(None, description="A program's slug.")
    topic: str | None = Field(None, description="A topic's slug.")
    speaker: str | None = Field(None, description="A speaker's slug: segments they appear in.")


class TurnFilters(Schema):
    speaker: str | None = Field(None, description="A speaker's slug.")
    segment: int | None = Field(None, description="A segment's id.")


class SearchParams(DateRange):
    q: str = Field(
        ...,
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        description='Words, "exact phrases", -excluded words.',
    )
    speaker: str | None = Field(None, description="A speaker's slug.")
    program: str | None = Field(None, description="A program's slug.")
    topic: str | None = Field(None, description="A topic's slug.")


def _named(queryset, slug: str, what: str):
    """The published speaker, topic or program with this slug; 400 naming it if there is none."""
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise HttpError(400, f"No {what} with the slug {slug!r} appears in the archive.")
    return found


def _segment_list():
    return (
        public_segments()
        .newest_first()
        .select_related("program")
        .prefetch_related("topics")
        # Counted per listed segment: a join grouped over every turn took seconds at a million.
        .annotate(
            turn_count=Coalesce(
                Subquery(
                    Turn.objects.filter(segment=OuterRef("pk"))
                    .order_by()
                    .values("segment")
                    .annotate(count=Count("pk"))
                    .values("count")
                ),
                0,
            )
        )
    )


@api.get(
    "/segments/",
    response=list[SegmentSummary],
    url_name="segments",
    summary="Segments, newest first",
    tags=["segments"],
)
@paginate(Pages)
def segment_list(request, filters: Query[SegmentFilters]):
    filters.checked()
    segments = _segment_list()
    if filters.program:
        segments = segments.filter(program=_named(public_programs(), filters.program, "program"))
    if filters.topic:
        segments = segments.filter(topics=_named(public_topics(), filters.topic, "topic"))
    if filters.speaker:
        speaker = _named(public_speakers(), filters.speaker, "speaker")
        segments = segments.filter(appearances__speaker=speaker)
    if filters.date_from:
        segments = segments.filter(air_date__gte=filters.date_from)
    if filters.date_to:
        segments = segments.filter(air_date__lte=filters.date_to)
    return segments


@api.get(
    "/segments/{segment_id}/",
    response={200: SegmentDetail, 404: Error},
    url_name="segment",
    summary="A segment with its speakers and every turn",
    tags=["segments"],
)
def segment_detail(request, segment_id: int):
    segment = get_object_or_404(_segment_list(), pk=segment_id)
    segment.turns_shown = segment.transcript()
    return segment


@api.get(
    "/speakers/",
    response=list[SpeakerSummary],
    url_name="speakers",
    summary="Speakers who appear in published segments, by name",
    tags=["speakers"],
)
@paginate(Pages)
def speaker_list(request, q: str | None = Query(None, description="Part of a name.")):
    speakers = public_speakers().order_by("name", "pk")
    return speakers.filter(name__icontains=q.strip()) if q and q.strip() else speakers


@api.get(
    "/speakers/{speaker_id}/",
    response={200: SpeakerDetail, 404: Error},
    url_name="speaker",
    summary="A speaker with their newest appearances",
    tags=["speakers"],
)
def speaker_detail(request, speaker_id: int):
    speaker = get_object_or_404(public_speakers(), pk=speaker_id)
    speaker.appearances_shown = (
        Appearance.objects.filter(speaker=speaker, segment__in=public_segments())
        .select_related("segment__program")
        # Undated last: PostgreSQL would put them first when sorting newest first.
        .order_by(F("segment__air_date").desc(nulls_last=True), "-segment__created")[
            :SPEAKER_APPEARANCES_SHOWN
        ]
    )
    return speaker


@api.get(
    "/turns/",
    response=list[TurnOut],
    url_name="turns",
    summary="Turns, newest segment first, in order within a segment",
    tags=["turns"],
)
@paginate(Pages)
def turn_list(request, filters: Query[TurnFilters]):
    turns = Turn.objects.all()
    if filters.speaker:
        turns = turns.by_speaker(_named(public_speakers(), filters.speaker, "speaker"))
    if filters.segment is not None:
        if not public_segments().filter(pk=filters.segment).exists():
            raise HttpError(400, f"No published segment has the id {filters.segment}.")
        turns = turns.filter(segment_id=filters.segment)
    return NewestFirst(turns)


@api.get(
    "/turns/{turn_id}/",
    response={200: TurnOut, 404: Error},
    url_name="turn",
    summary="One turn, with its segment",
    tags=["turns"],
)
def turn_detail(request, turn_id: int):
    return get_object_or_404(public_turns().for_display(), pk=turn_id)


@api.get(
    "/topics/",
    response=list[TopicOut],
    url_name="topics",
    summary="Topics of published segments",
    tags=["topics and programs"],
)
@paginate(Pages)
def topic_list(request):
    return public_topics().order_by("name")


@api.get(
    "/programs/",
    response=list[ProgramOut],
    url_name="programs",
    summary="Programs with published segments",
    tags=["topics and programs"],
)
@paginate(Pages)
def program_list(request):
    return public_programs().order_by("name")


class SearchPage(Pages.Output):
    q: str = Field(description="The query as the archive read it, in canonical form.")
    notices: list[str] = Field(description="What was done to a query that could not be read.")
    results: list[SearchHit]


@api.get(
    "/search/",
    response={200: SearchPage, 400: Error},
    url_name="search",
    summary="Search quotes: every turn is a hit, best first",
    tags=["search"],
)
def search(request, params: Query[SearchParams], paging: Query[PageParams]):
    params.checked()
    filters = {}
    if params.speaker:
        filters["speaker"] = _named(public_speakers(), params.speaker, "speaker").name
    if params.program:
        filters["program"] = _named(Program.objects, params.program, "program").name
    if params.topic:
        filters["topic"] = _named(Topic.objects, params.topic, "topic").name
    if params.date_from or params.date_to:
        since = params.date_from.isoformat() if params.date_from else ""
        until = params.date_to.isoformat() if params.date_to else ""
        filters["date"] = f"{since}..{until}"
    found = quote_search(
        q=query_with_filters(params.q, filters),
        page=paging.page,
        per_page=paging.page_size,
        facets=False,
    )
    if paging.page > found.num_pages:
        raise HttpError(404, f"There is no page {paging.page}: the last page is {found.num_pages}.")
    for hit in found.hits:
        hit.turn.snippet = hit.snippet
    return search_envelope(request, found)
