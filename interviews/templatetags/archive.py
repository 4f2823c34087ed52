"""Template helpers for links into search and for the partials rendered by Jinja2."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

from interviews.links import feed_url, search_url
from interviews.search.query import Filter, ParsedQuery

register = template.Library()


register.simple_tag(search_url)
register.simple_tag(feed_url)


@register.simple_tag(takes_context=True)
def partial(context, name: str, **values) -> str:
    """The Jinja2 template `name` of templates/jinja2/, given `values` (interviews/jinja.py)."""
    template = engines["jinja2"].get_template(name)
    return mark_safe(template.render(values, context.get("request")))


@register.filter
def without(query: ParsedQuery, removed: Filter) -> str:
    """The canonical query with one filter taken out (a chip's remove link)."""
    return query.without(removed).canonical()
