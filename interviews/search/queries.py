"""Searching the archive's quotes."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from haystack.query import SearchQuerySet

from interviews.models import Turn

MAX_QUERY_LENGTH = 500


@dataclass
class QuoteHit:
    turn: Turn
    highlighted: str


def quote_search(query: str) -> SearchQuerySet:
    """Published turns matching `query` (words, "phrases", -exclusions), best first."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    return SearchQuerySet().models(Turn).auto_query(query).highlight().load_all()


def quote_page(query: str, page_number: str | int, per_page: int = 20) -> Page:
    """One page of hits; each hit carries its turn and an HTML snippet with the query marked."""
    page = Paginator(quote_search(query), per_page).get_page(page_number)
    page.object_list = [
        QuoteHit(turn=result.object, highlighted=(result.highlighted or {}).get("text", [""])[0])
        for result in page.object_list
        if result is not None and result.object is not None
    ]
    return page
