"""Pages for finding what was really said: quote check, search by meaning, talking points."""

from django import forms
from django.db.models import F
from django.shortcuts import get_object_or_404, render

from interviews.models import TalkingPoint, TalkingPointPassage, Turn
from interviews.search import meaning
from interviews.search.quotes import MAX_PASTE_CHARS, QuoteCheckError, quote_check


def quote_check_page(request):
    pasted = request.GET.get("quote", "")
    context = {"pasted": pasted, "max_paste_chars": MAX_PASTE_CHARS, "check": None, "error": None}
    if pasted.strip():
        try:
            context["check"] = quote_check(pasted)
        except QuoteCheckError as exc:
            context["error"] = str(exc)
    return render(
        request, "interviews/quote_check.html", context, status=400 if context["error"] else 200
    )


def meaning_search_page(request):
    query = request.GET.get("q", "").strip()[: meaning.MAX_QUERY_CHARS]
    unavailable = meaning.unavailable_reason()
    turns = meaning.search_turns(query) if query and not unavailable else []
    return render(
        request,
        "interviews/meaning_search.html",
        {"query": query, "turns": turns, "unavailable": unavailable},
        status=503 if query and unavailable else 200,
    )


def _echoes(turn: Turn) -> list[tuple[Turn, TalkingPointPassage]]:
    passages = list(TalkingPointPassage.objects.echoes_of(turn).order_by("turn_id", "start"))
    turns = Turn.objects.for_display().in_bulk({p.turn_id for p in passages})
    return [(turns[p.turn_id], p) for p in passages]


def similar_quotes_page(request, pk):
    turn = get_object_or_404(Turn.objects.published().for_display(), pk=pk)
    unavailable = meaning.unavailable_reason()
    return render(
        request,
        "interviews/similar_quotes.html",
        {
            "turn": turn,
            "echoes": _echoes(turn),
            "similar": [] if unavailable else meaning.similar_turns(turn),
            "unavailable": unavailable,
        },
    )


class DateRangeForm(forms.Form):
    start = forms.DateField(required=False, label="From", widget=forms.DateInput({"type": "date"}))
    end = forms.DateField(required=False, label="To", widget=forms.DateInput({"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError("The start date must come before the end date.")
        return cleaned


def talking_points_page(request):
    form = DateRangeForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    points = []
    if valid:
        span = form.cleaned_data if form.is_bound else {}
        points = TalkingPoint.objects.repeated(start=span.get("start"), end=span.get("end"))[:50]
    return render(
        request,
        "interviews/talking_points.html",
        {"form": form, "points": points},
        status=200 if valid else 400,
    )


def talking_point_page(request, pk):
    point = get_object_or_404(TalkingPoint, pk=pk)
    passages = list(
        point.passages.published().order_by(
            F("turn__segment__air_date").asc(nulls_last=True), "turn_id"
        )
    )
    turns = Turn.objects.for_display().in_bulk({p.turn_id for p in passages})
    return render(
        request,
        "interviews/talking_point.html",
        {"point": point, "echoes": [(turns[p.turn_id], p) for p in passages]},
    )
