from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from interviews.models import Program, Segment, Speaker, SpeakerRedirect, Topic, Turn
from interviews.search.queries import quote_page


def home(request):
    segments = Segment.objects.published().newest_first().select_related("program")[:10]
    return render(request, "interviews/home.html", {"segments": segments})


def search(request):
    query = request.GET.get("q", "").strip()
    page = quote_page(query, request.GET.get("page")) if query else None
    return render(request, "interviews/search.html", {"query": query, "page": page})


def segment_detail(request, slug, year=None, month=None, day=None):
    segment = get_object_or_404(
        Segment.objects.published().select_related("program").prefetch_related("topics"),
        slug=slug,
    )
    if request.path != segment.get_absolute_url():
        return redirect(segment, permanent=True)
    turns = segment.turns.for_display()
    appearances = segment.appearances.select_related("speaker")
    return render(
        request,
        "interviews/segment_detail.html",
        {"segment": segment, "turns": turns, "appearances": appearances},
    )


def speaker_detail(request, slug):
    speaker = Speaker.objects.filter(slug=slug).first()
    if speaker is None:
        # A merged or renamed speaker's old address: links never break.
        moved = get_object_or_404(SpeakerRedirect.objects.select_related("speaker"), old_slug=slug)
        return redirect(moved.speaker, permanent=True)
    quotes = Turn.objects.published().by_speaker(speaker).newest_first().for_display()
    page = Paginator(quotes, 20).get_page(request.GET.get("page"))
    return render(request, "interviews/speaker_detail.html", {"speaker": speaker, "page": page})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    segments = topic.segments.published().newest_first().select_related("program")
    return render(request, "interviews/topic_detail.html", {"topic": topic, "segments": segments})


def program_detail(request, slug):
    program = get_object_or_404(Program, slug=slug)
    segments = program.segments.published().newest_first()
    return render(
        request, "interviews/program_detail.html", {"program": program, "segments": segments}
    )
