"""What the public may see: the published segments and what appears in them.

Pages, the API and the sitemap read through these, so that a draft's speakers, topics and
programs stay out of sight until it is published.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from interviews.caching import per_content_version
from interviews.models import Appearance, Program, Segment, Speaker, Topic, Turn, counted
from interviews.parsing.names import surname

PUBLISHED = Segment.Status.PUBLISHED


def public_segments() -> QuerySet[Segment]:
    return Segment.objects.published()


def public_turns() -> QuerySet[Turn]:
    return Turn.objects.published()


def public_speakers() -> QuerySet[Speaker]:
    """Speakers who appear in a published segment, with the number of those segments."""
    # Counted for each speaker listed, on the (speaker, segment) index: grouping every
    # appearance took 130 ms a page of the API at a million turns.
    published = Appearance.objects.published().filter(speaker=OuterRef("pk"))
    return Speaker.objects.filter(Exists(published)).annotate(segment_count=counted(published))


@per_content_version
def speakers_by_surname() -> list[tuple[str, int]]:
    """Every public speaker as (initial of their surname, pk), in the order of surnames: the
    order people are looked up in ("Byron R. White" among the W's)."""
    names = public_speakers().values_list("pk", "name")
    keyed = sorted(((surname(name) or name.casefold(), name.casefold()), pk) for pk, name in names)
    return [(key[0][:1].upper(), pk) for key, pk in keyed]


def public_topics() -> QuerySet[Topic]:
    """Topics of a published segment, with the number of those segments."""
    return Topic.objects.annotate(
        segment_count=Count("segments", filter=Q(segments__status=PUBLISHED), distinct=True)
    ).filter(segment_count__gt=0)


def public_programs() -> QuerySet[Program]:
    """Programs with a published segment, with the number of those segments."""
    return Program.objects.annotate(
        segment_count=Count("segments", filter=Q(segments__status=PUBLISHED), distinct=True)
    ).filter(segment_count__gt=0)
