"""Template helpers for links into search and for showing a quote."""

from urllib.parse import urlencode

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

from interviews.links import path_to
from interviews.models import Turn
from interviews.search.query import Filter, ParsedQuery

register = template.Library()


@register.simple_tag
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


@register.simple_tag(takes_context=True)
def quote(context, turn: Turn, *, snippet: str = "", in_context: bool = False) -> str:
    """One quote, as every page shows it (templates/jinja2/interviews/_turn.html)."""
    shown = {"turn": turn, "snippet": snippet, "in_context": in_context}
    template = engines["jinja2"].get_template("interviews/_turn.html")
    return mark_safe(template.render(shown, context.get("request")))


@register.filter
def without(query: ParsedQuery, removed: Filter) -> str:
    """The canonical query with one filter taken out (a chip's remove link)."""
    return query.without(removed).canonical()
