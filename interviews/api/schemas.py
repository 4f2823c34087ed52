"""What the API returns: plain JSON documents, each with its public page and its API address."""

import datetime

from ninja import Field, Schema

from interviews.links import path_to


def absolute(request, path: str) -> str:
    """`path` (a reversed one, already quoted) on the site the request came to.

    The scheme and host are worked out once per request: a long argument's JSON holds thousands
    of links, and building each one absolute in full took a quarter of its time.
    """
    origin = getattr(request, "_api_origin", None)
    if origin is None:
        origin = request._api_origin = request.build_absolute_uri("/")[:-1]
    return origin + path


class ProgramRef(Schema):
    name: str
    slug: str


class SegmentRef(Schema):
    id: int
    title: str
    slug: str
    air_date: datetime.date | None
    program: ProgramRef | None
    url: str = Field(description="The segment's public page.")
    api_url: str

    @staticmethod
    def resolve_url(segment, context) -> str:
        return absolute(context["request"], segment.get_absolute_url())

    @staticmethod
    def resolve_api_url(segment, context) -> str:
        return absolute(context["request"], path_to("api:segment", segment.pk))


class SegmentSummary(SegmentRef):
    summary: str
    topics: list[str]
    turn_count: int

    @staticmethod
    def resolve_topics(segment) -> list[str]:
        return [topic.name for topic in segment.topics.all()]


class SpeakerRef(Schema):
    id: int
    name: str
    slug: str
    url: str
    api_url: str

    @staticmethod
    def resolve_url(speaker, context) -> str:
        return absolute(context["request"], speaker.get_absolute_url())

    @staticmethod
    def resolve_api_url(speaker, context) -> str:
        return absolute(context["request"], path_to("api:speaker", speaker.pk))


class TurnBase(Schema):
    id: int
    sequence: int
    speaker: SpeakerRef | None
    speaker_name: str = Field(
        description="The speaker; when nobody was identified, the numbered voice an automatic"
        ' transcript gave them ("Speaker 2"), or else the role.'
    )
    speaker_label: str = Field(description="The label printed in the transcript, if any.")
    affiliation: str | None = Field(description="The speaker's affiliation in this segment.")
    role: str
    attribution: str = Field(
        description="label, inferred, unknown, editor, or direction (a stage direction or heading)."
    )
    confidence: float
    start_seconds: float | None
    end_seconds: float | None
    text: str
    paragraph_starts: list[float | None] = Field(
        description="When each paragraph of `text` starts, in seconds (null where unknown);"
        " empty where only the turn is timed."
    )
    url: str = Field(description="Permalink: the turn in its transcript.")
    api_url: str

    @staticmethod
    def resolve_affiliation(turn) -> str | None:
        return getattr(turn, "affiliation", None) or None

    @staticmethod
    def resolve_url(turn, context) -> str:
        return absolute(context["request"], turn.get_absolute_url())

    @staticmethod
    def resolve_api_url(turn, context) -> str:
        return absolute(context["request"], path_to("api:turn", turn.pk))


class TurnOut(TurnBase):
    segment: SegmentRef


class SearchHit(TurnOut):
    snippet: str = Field(description="HTML-escaped passage with the matched words in <mark>.")


class AppearanceOut(Schema):
    speaker: SpeakerRef
    role: str
    affiliation: str


class SegmentDetail(SegmentSummary):
    source_url: str
    appearances: list[AppearanceOut]
    turns: list[TurnBase]

    @staticmethod
    def resolve_appearances(segment) -> list:
        return list(segment.appearances.select_related("speaker"))

    @staticmethod
    def resolve_turns(segment) -> list:
        return list(segment.turns_shown)


class SpeakerSummary(SpeakerRef):
    honorific: str
    affiliation: str = Field(description="Current affiliation.")
    segment_count: int = Field(description="Published segments they appear in.")


class SpeakerAppearance(Schema):
    segment: SegmentRef
    role: str
    affiliation: str


class SpeakerDetail(SpeakerSummary):
    appearances: list[SpeakerAppearance] = Field(description="The newest appearances.")
    segments_api_url: str = Field(description="Every segment they appear in, page by page.")
    turns_api_url: str = Field(description="Every turn they spoke, page by page.")

    @staticmethod
    def resolve_appearances(speaker) -> list:
        return list(speaker.appearances_shown)

    @staticmethod
    def resolve_segments_api_url(speaker, context) -> str:
        return absolute(context["request"], f"{path_to('api:segments')}?speaker={speaker.slug}")

    @staticmethod
    def resolve_turns_api_url(speaker, context) -> str:
        return absolute(context["request"], f"{path_to('api:turns')}?speaker={speaker.slug}")


class NamedGroup(Schema):
    id: int
    name: str
    slug: str
    segment_count: int
    url: str
    segments_api_url: str

    @staticmethod
    def resolve_url(group, context) -> str:
        return absolute(context["request"], group.get_absolute_url())


class TopicOut(NamedGroup):
    @staticmethod
    def resolve_segments_api_url(topic, context) -> str:
        return absolute(context["request"], f"{path_to('api:segments')}?topic={topic.slug}")


class ProgramOut(NamedGroup):
    description: str

    @staticmethod
    def resolve_segments_api_url(program, context) -> str:
        return absolute(context["request"], f"{path_to('api:segments')}?program={program.slug}")


class Error(Schema):
    detail: str
