"""The Jinja2 environment of templates/jinja2/: the partials a page renders many times over.

Django's template language spends about 0.4 ms on a quote whatever the quote holds, and a page
shows 20 (a search) to 100 (a transcript); the timeline and the facets of a search loop over
dozens of bars and values. Jinja2 compiles a template to Python code. The pages themselves, and
what they show once, stay in Django's templates.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import HttpRequest
from django.template.defaultfilters import capfirst, date, pluralize
from jinja2 import Environment

from interviews.citations import turn_citation
from interviews.links import path_to, search_url
from interviews.models import Turn


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals.update(url=path_to, search_url=search_url, citation=citation)
    env.filters.update(
        capfirst=capfirst,
        clock=clock,
        date=date,
        intcomma=intcomma,
        passages=passages,
        pluralize=pluralize,
    )
    return env


def clock(seconds: float) -> str:
    """A time into a recording as a player shows it: 0:07, 12:34, 1:02:03."""
    minutes, second = divmod(int(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02}:{second:02}" if hours else f"{minute}:{second:02}"


def citation(turn: Turn, request: HttpRequest | None) -> str:
    """The attribution for `turn`, with an absolute link to it."""
    link = turn.get_absolute_url()
    return turn_citation(turn, url=request.build_absolute_uri(link) if request else link)


def passages(snippet: str) -> list[str]:
    """A highlighted snippet split at its paragraph breaks (still the engine's escaped HTML)."""
    return [part for part in snippet.split("\n\n") if part.strip()]
