"""Page-number pagination for the API: the same envelope for database lists and search hits."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import PaginationBase

from interviews.search.queries import SearchResults

MAX_PAGE_SIZE = 100


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Which page, from 1.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="Results per page, 1 to 100.")


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def page_envelope(
    request: HttpRequest,
    items: Any,
    params: PageParams,
) -> dict:
    """One page of `items` (a queryset) with the count and neighbours' URLs.

    A page past the last answers 404 with the number of the last page.
    """
    paginator = Paginator(items, params.page_size)
    if params.page > paginator.num_pages and params.page > 1:
        raise HttpError(
            404, f"There is no page {params.page}: the last page is {paginator.num_pages}."
        )
    page = paginator.page(params.page)
    return _envelope(
        request,
        count=paginator.count,
        number=page.number,
        pages=paginator.num_pages,
        results=list(page.object_list),
    )


def search_envelope(request: HttpRequest, found: SearchResults) -> dict:
    """A page of search hits (from the search service) in the API's envelope."""
    return _envelope(
        request,
        count=found.count,
        number=found.page,
        pages=found.num_pages,
        results=[hit.turn for hit in found.hits],
    ) | {"q": found.q, "notices": list(found.notices)}


def _envelope(request: HttpRequest, *, count: int, number: int, pages: int, results: list) -> dict:
    return {
        "count": count,
        "page": number,
        "pages": pages,
        "next": _page_url(request, number + 1) if number < pages else None,
        "previous": _page_url(request, number - 1) if number > 1 else None,
        "results": results,
    }


class Pages(PaginationBase):
    """Ninja's pagination hook, giving every list endpoint the envelope of `page_envelope`."""

    Input = PageParams

    class Output(Schema):
        count: int = Field(description="Results across all pages.")
        page: int
        pages: int
        next: str | None = Field(description="URL of the next page, or null on the last.")
        previous: str | None = Field(description="URL of the previous page, or null on the first.")
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(self, queryset, pagination: PageParams, request: HttpRequest, **params):
        return page_envelope(request, queryset, pagination)
