"""One search document per turn: the quote unit that every search hit points to."""

from haystack import indexes

from interviews.models import Turn


class TurnIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, model_attr="text")
    # The same words unstemmed, for "exact phrases" (the backend indexes it lower-cased, unstored).
    text_exact = indexes.CharField(model_attr="text", stored=False)
    speaker = indexes.CharField(faceted=True, null=True)
    speaker_slug = indexes.CharField(indexed=False, null=True)
    affiliation = indexes.CharField(faceted=True, null=True)
    role = indexes.CharField(model_attr="role", faceted=True)
    segment_title = indexes.CharField(model_attr="segment__title")
    program = indexes.CharField(faceted=True, null=True)
    topics = indexes.MultiValueField(faceted=True)
    date = indexes.DateField(model_attr="segment__air_date", null=True)
    segment_id = indexes.IntegerField(model_attr="segment_id")
    sequence = indexes.IntegerField(model_attr="sequence")

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
        return self.index_queryset(using).for_display()

    def get_updated_field(self):
        return "modified"

    def prepare_speaker(self, turn: Turn) -> str | None:
        return turn.speaker.name if turn.speaker_id else None

    def prepare_speaker_slug(self, turn: Turn) -> str | None:
        return turn.speaker.slug if turn.speaker_id else None

    def prepare_affiliation(self, turn: Turn) -> str | None:
        """The affiliation shown in this segment, which may differ from the current one."""
        if not turn.speaker_id:
            return None
        for appearance in turn.segment.appearances.all():
            if appearance.speaker_id == turn.speaker_id:
                return appearance.affiliation or None
        return turn.speaker.affiliation or None

    def prepare_program(self, turn: Turn) -> str | None:
        return turn.segment.program.name if turn.segment.program_id else None

    def prepare_topics(self, turn: Turn) -> list[str]:
        return [topic.name for topic in turn.segment.topics.all()]
