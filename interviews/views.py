from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from interviews.models import (
    TURNS_PER_PAGE,
    NewestFirst,
    Program,
    Segment,
    Speaker,
    SpeakerRedirect,
    Topic,
    Turn,
)
from interviews.public import (
    public_programs,
    public_speakers,
    public_topics,
    speakers_by_surname,
)
from interviews.search.exports import export_csv, export_json
from interviews.search.queries import (
    SORT_LABELS,
    appearance_timeline,
    frequent_speakers,
    query_with_filters,
    quote_export,
    quote_search,
    speaker_suggest,
)
from interviews.search.query import FILTER_FIELDS, Filter, ParsedQuery
from interviews.search.timeline import timeline_chart
from interviews.templatetags.archive import search_url


def home(request):
    segments = Segment.objects.published().newest_first().select_related("program")[:10]
    return render(request, "interviews/home.html", {"segments": segments})


def search(request):
    params = request.GET
    if any(params.get(name) for name in FILTER_FIELDS):
        # A form's filter box or "search within": fold it into the query's own text.
        q = query_with_filters(params.get("q", ""), params)
        return redirect(search_url(q, sort=params.get("sort", ""), group=params.get("group", "")))
    group = "speaker" if params.get("group") == "speaker" else ""
    exact = "1" if params.get("exact") == "1" else ""
    results = quote_search(
        q=params.get("q", ""),
        sort=params.get("sort", "relevance"),
        page=params.get("page"),
        exact_facets=bool(exact),
        group=bool(group),
    )
    sort = "" if results.sort == "relevance" else results.sort
    params_kept = {"q": results.q, "sort": sort, "group": group, "exact": exact}
    context = {
        "results": results,
        "page": Paginator(range(results.count), results.per_page).get_page(results.page),
        "params": urlencode({k: v for k, v in params_kept.items() if v}),
        "query": results.q,
        "group": group,
        "exact": exact,
        "sorts": SORT_LABELS,
        "chart": timeline_chart(results.timeline, results.timeline_unit, base=results.query),
        "export_limit": settings.SEARCH_EXPORT_MAX_HITS,
        "feed_query": results.q,
    }
    return render(request, "interviews/search.html", context)


def search_export(request, format):
    q = request.GET.get("q", "")
    export = quote_export(
        q=q, sort=request.GET.get("sort", "relevance"), limit=settings.SEARCH_EXPORT_MAX_HITS
    )
    if export.query.is_empty:
        return HttpResponse(
            "Nothing to export: the search is empty. Search first, then export its hits.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    writer, content_type = {
        "csv": (export_csv, "text/csv; charset=utf-8"),
        "json": (export_json, "application/json"),
    }[format]
    response = StreamingHttpResponse(
        writer(export, absolute=request.build_absolute_uri), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="quotes.{format}"'
    response["X-Total-Count"] = str(export.count)
    if export.truncated:
        response["X-Export-Truncated"] = f"first {export.limit} of {export.count} hits"
    return response


def speaker_suggestions(request):
    people = speaker_suggest(term=request.GET.get("term", "")[:100])
    return JsonResponse(
        {"speakers": [{"name": p.name, "affiliation": p.affiliation, "url": p.url} for p in people]}
    )


def segment_detail(request, slug, year=None, month=None, day=None):
    segment = get_object_or_404(
        Segment.objects.published().select_related("program").prefetch_related("topics"),
        slug=slug,
    )
    if request.path != segment.get_absolute_url():
        return redirect(segment, permanent=True)
    moment = segment.moment_url(request.GET.get("t", ""))
    if moment:
        return redirect(moment)
    page = segment.transcript_pages().get_page(request.GET.get("page"))
    context = {
        "segment": segment,
        "page": page,
        "turns": segment.transcript(page.object_list),
        "appearances": segment.appearances.select_related("speaker"),
        "turns_per_page": TURNS_PER_PAGE,
    }
    return render(request, "interviews/segment_detail.html", context)


LATEST_APPEARANCES = 5


def speaker_detail(request, slug):
    speaker = Speaker.objects.filter(slug=slug).first()
    if speaker is None:
        # A merged or renamed speaker's old address: links never break.
        moved = get_object_or_404(SpeakerRedirect.objects.select_related("speaker"), old_slug=slug)
        return redirect(moved.speaker, permanent=True)
    page = Paginator(NewestFirst(Turn.objects.by_speaker(speaker)), 20).get_page(
        request.GET.get("page")
    )
    buckets, unit = appearance_timeline(speaker=speaker)
    base = ParsedQuery(filters=(Filter("speaker", speaker.name),))
    appearances = speaker.appearances.published().newest_first().select_related("segment__program")
    context = {
        "speaker": speaker,
        "page": page,
        "chart": timeline_chart(buckets, unit, base=base),
        "appearances": appearances.defer("segment__raw_text")[:LATEST_APPEARANCES],
        "appearance_count": appearances.count(),
        "feed_query": base.canonical(),
    }
    return render(request, "interviews/speaker_detail.html", context)


INITIALS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIRECTORY_PAGE = 100


def speaker_list(request):
    """Everyone who appears in a published segment, by surname; or those of one initial."""
    initial = request.GET.get("initial", "").upper()
    if initial not in INITIALS:
        initial = ""
    ids = [pk for first, pk in speakers_by_surname() if first == initial or not initial]

    def speakers(page_ids):
        # A speaker unpublished since the list was read is left out, not an error.
        shown = public_speakers().in_bulk(page_ids)
        return [shown[pk] for pk in page_ids if pk in shown]

    params = urlencode({"initial": initial}) if initial else ""
    return _directory(
        request, "speaker", ids, load=speakers, initials=INITIALS, initial=initial, params=params
    )


def program_list(request):
    return _directory(request, "program", public_programs().order_by("name"))


def topic_list(request):
    return _directory(request, "topic", public_topics().order_by("name"))


def _directory(request, noun: str, rows, *, load=list, **context):
    """A page of `rows` (each shown as `load` makes it) in the directory of `noun`s."""
    page = Paginator(rows, DIRECTORY_PAGE).get_page(request.GET.get("page"))
    context |= {"noun": noun, "page": page, "items": load(page.object_list)}
    return render(request, "interviews/directory.html", context)


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    segments = topic.segments.published().newest_first().select_related("program")
    context = {
        "topic": topic,
        "page": Paginator(segments, 30).get_page(request.GET.get("page")),
        "speakers": frequent_speakers(segments),
        "feed_query": ParsedQuery(filters=(Filter("topic", topic.name),)).canonical(),
    }
    return render(request, "interviews/topic_detail.html", context)


def program_detail(request, slug):
    program = get_object_or_404(Program, slug=slug)
    segments = program.segments.published().newest_first().select_related("program")
    context = {
        "program": program,
        "page": Paginator(segments, 30).get_page(request.GET.get("page")),
        "speakers": frequent_speakers(segments),
        "feed_query": ParsedQuery(filters=(Filter("program", program.name),)).canonical(),
    }
    return render(request, "interviews/program_detail.html", context)
