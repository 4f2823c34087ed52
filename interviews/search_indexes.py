"""One search document per turn: the quote unit that every search hit points to.

`TurnIndex.document(facts)` is the one place where a turn becomes a search document. Haystack
reaches it through `full_prepare(turn)`; the bulk index build reaches it with `TurnFacts` read
straight from the database, which is what makes a million-turn build fast.
"""

import datetime
from dataclasses import dataclass

from haystack import indexes
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.utils import get_model_ct

from interviews.models import Turn


@dataclass(frozen=True, slots=True)
class TurnFacts:
    """Everything a turn's search document is made of, as plain values."""

    pk: int
    text: str
    role: str
    sequence: int
    segment_id: int
    segment_title: str
    air_date: datetime.date | None
    speaker: str | None = None
    speaker_slug: str | None = None
    # The affiliation shown in this segment (None without an Appearance), and the current one.
    appearance_affiliation: str | None = None
    speaker_affiliation: str | None = None
    program: str | None = None
    topics: tuple[str, ...] = ()

    @classmethod
    def from_turn(cls, turn: Turn) -> "TurnFacts":
        """The facts of a turn loaded with `TurnIndex.index_queryset()` (related rows prefetched)."""
        segment = turn.segment
        speaker = turn.speaker if turn.speaker_id else None
        appearance_affiliation = None
        if speaker is not None:
            appearance_affiliation = next(
                (a.affiliation for a in segment.appearances.all() if a.speaker_id == speaker.pk),
                None,
            )
        return cls(
            pk=turn.pk,
            text=turn.text,
            role=turn.role,
            sequence=turn.sequence,
            segment_id=turn.segment_id,
            segment_title=segment.title,
            air_date=segment.air_date,
            speaker=speaker.name if speaker else None,
            speaker_slug=speaker.slug if speaker else None,
            appearance_affiliation=appearance_affiliation,
            speaker_affiliation=speaker.affiliation if speaker else None,
            program=segment.program.name if segment.program_id else None,
            topics=tuple(topic.name for topic in segment.topics.all()),
        )


class TurnIndex(indexes.SearchIndex, indexes.Indexable):
    # Stemmed words; the search engine's content field.
    text = indexes.CharField(document=True)
    # The same words unstemmed and lower-cased, with positions: what "exact phrases" match.
    text_exact = indexes.CharField(stored=False)
    speaker = indexes.CharField(faceted=True, null=True)
    speaker_slug = indexes.CharField(null=True)
    affiliation = indexes.CharField(faceted=True, null=True)
    role = indexes.CharField(faceted=True)
    segment_title = indexes.CharField()
    program = indexes.CharField(faceted=True, null=True)
    topics = indexes.MultiValueField(faceted=True)
    date = indexes.DateField(null=True)
    segment_id = indexes.IntegerField()
    sequence = indexes.IntegerField()

    def get_model(self):
        return Turn

    def index_queryset(self, using=None):
        return (
            Turn.objects.published()
            .select_related("segment__program", "speaker")
            .prefetch_related("segment__topics", "segment__appearances")
        )

    def read_queryset(self, using=None):
        """How search hits load their turns: with everything a rendered quote shows."""
        return Turn.objects.published().for_display()

    def get_updated_field(self):
        return "modified"

    def full_prepare(self, obj: Turn, with_string_facet: bool = True) -> dict:
        self.prepared_data = self.document(TurnFacts.from_turn(obj))
        return self.prepared_data

    prepare = full_prepare

    def document(self, facts: TurnFacts) -> dict:
        """The search document for a turn: index field name to value, without empty values."""
        # The affiliation shown in the segment wins, even when blank; without an appearance
        # the speaker's current one stands in.
        if facts.appearance_affiliation is None:
            affiliation = facts.speaker_affiliation or None
        else:
            affiliation = facts.appearance_affiliation or None
        document = {
            ID: f"{_TURN_CT}.{facts.pk}",
            DJANGO_CT: _TURN_CT,
            DJANGO_ID: str(facts.pk),
            "text": facts.text,
            "text_exact": facts.text,
            "speaker": facts.speaker,
            "speaker_exact": facts.speaker,
            "speaker_slug": facts.speaker_slug,
            "affiliation": affiliation,
            "affiliation_exact": affiliation,
            "role": facts.role,
            "role_exact": facts.role,
            "segment_title": facts.segment_title,
            "program": facts.program,
            "program_exact": facts.program,
            "topics": list(facts.topics),
            "topics_exact": list(facts.topics),
            "date": facts.air_date,
            "segment_id": facts.segment_id,
            "sequence": facts.sequence,
        }
        return {name: value for name, value in document.items() if value is not None}


_TURN_CT = get_model_ct(Turn)
