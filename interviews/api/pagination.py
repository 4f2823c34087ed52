"""Page-number pagination for the API: the same envelope for database lists and search hits."""

from collections.abc import Callable, Iterable
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import PaginationBase

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
    transform: Callable[[Iterable], list] = list,
) -> dict:
    """One page of `items` (a queryset or a SearchQuerySet) with the count and neighbours' URLs.

    A page past the last answers 404 with the number of the last page.
    """
    paginator = Paginator(items, params.page_size)
    if params.page > paginator.num_pages and params.page > 1:
        raise HttpError(
            404, f"There is no page {params.page}: the last page is {paginator.num_pages}."
        )
    page = paginator.page(params.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": (
            _page_url(request, page.previous_page_number()) if page.has_previous() else None
        ),
        "results": transform(page.object_list),
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
