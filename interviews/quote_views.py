"""Pages for finding what was really said: quote check, search by meaning, talking points."""

from django.shortcuts import render

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
