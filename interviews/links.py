"""Paths into the archive, reversed once per process rather than once per link."""

from functools import lru_cache
from urllib.parse import urlencode

from django.urls import get_script_prefix, get_urlconf, reverse


def path_to(name: str, *args) -> str:
    """reverse(name, args=args), remembered.

    reverse() costs about 40 µs, and a page links to the same few paths over and over: a search
    page to search itself some eighty times, and each of its quotes to a segment, a speaker and
    the similar quotes. The path depends only on what it is keyed on here.
    """
    return _reversed(get_script_prefix(), get_urlconf(), name, args)


@lru_cache(maxsize=16384)
def _reversed(script_prefix: str, urlconf, name: str, args: tuple) -> str:
    return reverse(name, args=args)


def search_url(q: str = "", *, sort: str = "", group: str = "", page=None, exact: str = "") -> str:
    """A bookmarkable search URL; parameters at their default are left out."""
    params = {"q": q}
    if sort and sort != "relevance":
        params["sort"] = sort
    if group:
        params["group"] = group
    if exact:
        params["exact"] = exact
    if page and str(page) != "1":
        params["page"] = page
    return f"{path_to('interviews:search')}?{urlencode(params)}"


def feed_url(q: str) -> str:
    """The Atom feed of the newest quotes matching the search `q`."""
    return f"{path_to('interviews:search_feed')}?{urlencode({'q': q})}"
