"""An Atom feed per search, so that researchers hear of new matches."""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from interviews.models import Turn
from interviews.search.queries import quote_export
from interviews.templatetags.archive import search_url

FEED_SIZE = 50
# XML 1.0 cannot carry these; transcripts scraped from the web sometimes do.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


class SearchFeed(Feed):
    """The newest quotes matching a search, newest first (`/search/feed/?q=...`)."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return quote_export(q=request.GET.get("q", ""), sort="newest", limit=FEED_SIZE)

    def title(self, export) -> str:
        q = export.query.canonical()
        return f"Interview Archive: quotes matching {q}" if q else "Interview Archive: quotes"

    def link(self, export) -> str:
        return search_url(export.query.canonical(), sort="newest")

    def subtitle(self, export) -> str:
        return f"The {FEED_SIZE} newest quotes that match; new matches appear as they are added."

    def items(self, export) -> list[Turn]:
        return list(export.turns)

    def item_title(self, turn: Turn) -> str:
        words = Truncator(turn.text.replace("\n", " ")).words(14)
        return _xml_text(f"{turn.speaker_name}: {words}")

    def item_description(self, turn: Turn) -> str:
        # The summary is HTML to feed readers: the transcript is text, so it is escaped.
        paragraphs = (f"<p>{escape(_xml_text(p))}</p>" for p in turn.paragraphs)
        title = escape(_xml_text(turn.segment.title))
        source = f"<p>— {escape(_xml_text(turn.speaker_name))}, {title}</p>"
        return "".join(paragraphs) + source

    def item_link(self, turn: Turn) -> str:
        return turn.get_absolute_url()

    def item_author_name(self, turn: Turn) -> str:
        return _xml_text(turn.speaker_name)

    def item_pubdate(self, turn: Turn) -> datetime.datetime:
        day = turn.segment.air_date
        if day is None:
            return turn.created
        return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)

    def item_updateddate(self, turn: Turn) -> datetime.datetime:
        return turn.modified
