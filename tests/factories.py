import factory

from interviews.models import Appearance, Program, Segment, Speaker, Topic, Turn
from interviews.services.speakers import speaker_appearance_ensure


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class SegmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Segment

    program = factory.SubFactory(ProgramFactory)
    title = factory.Sequence(lambda n: f"Segment {n}")
    slug = factory.Sequence(lambda n: f"segment-{n}")
    air_date = factory.Faker("date_between", start_date="-10y", end_date="today")
    raw_text = factory.LazyAttribute(lambda o: f"Transcript of {o.title}")
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    status = Segment.Status.PUBLISHED


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    key = factory.LazyAttribute(lambda o: o.name.lower())


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appearance

    segment = factory.SubFactory(SegmentFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    role = "guest"

    @classmethod
    def _create(cls, model_class, *args, segment, speaker, **fields):
        # A turn made first has already brought its speaker into the segment.
        appearance, _ = model_class.objects.update_or_create(
            segment=segment, speaker=speaker, defaults=fields
        )
        return appearance


class TurnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Turn
        skip_postgeneration_save = True  # the hook adds an appearance; the turn is unchanged

    segment = factory.SubFactory(SegmentFactory)
    # Numbered from 1 in each segment, as ingest numbers them (a turn's transcript page follows).
    sequence = factory.LazyAttribute(lambda turn: turn.segment.turns.count() + 1)
    speaker = factory.SubFactory(SpeakerFactory)
    role = "guest"
    text = factory.Faker("paragraph")
    attribution = Turn.Attribution.LABEL
    confidence = 1.0

    @factory.post_generation
    def appearance(turn, create, extracted, **kwargs):
        # As ingest and the admin do: a turn's speaker appears in its segment.
        if create:
            speaker_appearance_ensure(turn=turn)


def index_segments(*segments: Segment) -> None:
    """Put the segments' turns in the search index, as publishing does after its commit."""
    from interviews.services.indexing import segment_index_sync

    for segment in segments:
        segment_index_sync(segment_id=segment.pk)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class EditorFactory(UserFactory):
    """Newsroom staff: may use the admin, in the Editors group, not a superuser."""

    class Meta:
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        if create:
            from django.contrib.auth.models import Group

            self.groups.add(Group.objects.get(name="Editors"))
