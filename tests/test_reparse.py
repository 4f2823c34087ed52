import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from haystack.query import SearchQuerySet

from interviews import parsing
from interviews.models import SegmentEvent, Turn
from interviews.services import ingest
from interviews.services.drafts import (
    TranscriptDraft,
    draft_speaker_assign,
    draft_turn_split,
    draft_turns_merge,
    split_points,
)
from interviews.services.ingest import IngestError, read_transcript, segment_ingest
from interviews.services.reparse import segment_reparse
from tests.conftest import SEED_PATH

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft() -> TranscriptDraft:
    transcript, raw_text = read_transcript(SEED_PATH)
    return TranscriptDraft(transcript=transcript, raw_text=raw_text)


def store(draft: TranscriptDraft):
    return segment_ingest(
        transcript=draft.transcript, raw_text=draft.raw_text, edited=draft.edited
    ).segment


def speakers(segment) -> list[str | None]:
    return [t.speaker.name if t.speaker else None for t in segment.turns.order_by("sequence")]


@pytest.fixture
def improved_parser(monkeypatch):
    """A parser 'improvement' that rewrites chosen turns' text; returns the set to rewrite."""
    real = parsing.parse_transcript
    rewrites: dict[int, str] = {}

    def parse(data, *, format=None):
        transcript = real(data, format=format)
        for index, text in rewrites.items():
            transcript.turns[index].paragraphs = [text]
        return transcript

    monkeypatch.setattr(ingest.parsing, "parse_transcript", parse)
    return rewrites


def test_reparsing_keeps_a_reassigned_speaker_where_the_turn_is_unchanged(draft):
    draft_speaker_assign(draft, turn=14, name="William Brangham")
    segment = store(draft)
    before = speakers(segment)

    result = segment_reparse(segment=segment)

    assert (result.corrections_kept, result.corrections_lost) == (1, 0)
    assert speakers(segment) == before
    turn = segment.turns.get(sequence=15)
    assert turn.attribution == Turn.Attribution.EDITOR and turn.confidence == 1.0


def test_reparsing_without_corrections_takes_the_new_parse(draft, improved_parser):
    segment = store(draft)
    improved_parser[1] = "A better reading of the second turn."

    result = segment_reparse(segment=segment)

    assert result.turns_after == result.turns_before == 16
    assert segment.turns.get(sequence=2).text == "A better reading of the second turn."


def test_reparsing_counts_the_turns_it_changed(draft, improved_parser):
    segment = store(draft)
    assert segment_reparse(segment=segment).turns_changed == 0

    improved_parser[1] = "A better reading of the second turn."
    improved_parser[3] = "And of the fourth."
    assert segment_reparse(segment=segment).turns_changed == 2


def test_the_command_parses_again_the_segments_named_or_all_and_says_what_changed(
    draft, improved_parser, capsys
):
    first = store(draft)
    second = segment_ingest(
        transcript=parsing.parse_transcript("ANN LEE: Hello.\n\nTOM WU: Hi, Ann.\n"),
        raw_text="ANN LEE: Hello.\n\nTOM WU: Hi, Ann.\n",
    ).segment
    improved_parser[1] = "A better reading of the second turn."

    call_command("reparse", first.slug)
    assert capsys.readouterr().out == (
        f"{first.slug}: 1 of 16 turns changed\n"
        "1 segment: 1 changed, 0 unchanged, 0 failed; 0 editor's corrections kept, 0 lost.\n"
    )
    assert first.turns.get(sequence=2).text == "A better reading of the second turn."
    assert first.events.filter(action=SegmentEvent.Action.REPARSED, user=None).exists()

    second.raw_text = ""  # no longer a transcript: reported, left as it was, the run failing
    second.save()
    with pytest.raises(CommandError, match="2 segments: 0 changed, 1 unchanged, 1 failed"):
        call_command("reparse", "--all")
    assert f"{second.slug}: not parsed again:" in capsys.readouterr().err
    assert second.turns.count() == 2

    for wrong in ([], [first.slug, "--all"], ["no-such-segment"]):
        with pytest.raises(CommandError):
            call_command("reparse", *wrong)


def test_reparsing_keeps_merged_and_split_turns(draft):
    draft_turns_merge(draft, turn=14)
    offset = split_points(draft.transcript.turns[2].text)[0][0]
    draft_turn_split(draft, turn=2, at=offset)
    draft_speaker_assign(draft, turn=3, name="Peter Neumann")
    segment = store(draft)
    texts_before = list(segment.turns.order_by("sequence").values_list("text", flat=True))
    speakers_before = speakers(segment)

    result = segment_reparse(segment=segment)

    assert result.corrections_lost == 0
    assert list(segment.turns.order_by("sequence").values_list("text", flat=True)) == texts_before
    assert speakers(segment) == speakers_before


def test_a_correction_whose_text_changed_gives_way_to_the_new_parse(draft, improved_parser):
    draft_speaker_assign(draft, turn=14, name="William Brangham")
    segment = store(draft)
    improved_parser[14] = "Thank you so much."

    result = segment_reparse(segment=segment)

    assert (result.corrections_kept, result.corrections_lost) == (0, 1)
    turn = segment.turns.get(sequence=15)
    assert turn.text == "Thank you so much." and turn.speaker.name == "Peter Neumann"


def test_a_correction_survives_changes_elsewhere_in_the_transcript(draft, improved_parser):
    draft_speaker_assign(draft, turn=14, name="William Brangham")
    segment = store(draft)
    improved_parser[13] = "All right, thank you both."

    result = segment_reparse(segment=segment)

    assert result.corrections_kept == 1
    assert segment.turns.get(sequence=15).speaker.name == "William Brangham"


def test_a_speaker_renamed_since_stays_on_the_corrected_turn(draft):
    draft_speaker_assign(draft, turn=14, name="William Brangham")
    segment = store(draft)
    brangham = segment.turns.get(sequence=15).speaker
    brangham.name = "Bill Brangham"
    brangham.save()

    segment_reparse(segment=segment)

    assert segment.turns.get(sequence=15).speaker == brangham


def test_when_the_text_no_longer_parses_nothing_changes(draft, monkeypatch):
    segment = store(draft)
    before = list(segment.turns.values_list("pk", flat=True))

    def fail(data, *, format=None):
        raise parsing.ParseError("No transcript turns were found in the file.")

    monkeypatch.setattr(ingest.parsing, "parse_transcript", fail)

    with pytest.raises(IngestError, match="No transcript turns"):
        segment_reparse(segment=segment)
    assert list(segment.turns.values_list("pk", flat=True)) == before


def test_the_admin_button_reparses_reports_and_records_it(
    admin_client, draft, django_capture_on_commit_callbacks
):
    draft_speaker_assign(draft, turn=14, name="William Brangham")
    segment = store(draft)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:interviews_segment_reparse", args=[segment.pk]), follow=True
        )

    assert (
        "16 turns before, 16 now, 0 of them changed; 1 of your corrections kept."
        in response.content.decode()
    )
    event = segment.events.filter(action=SegmentEvent.Action.REPARSED).get()
    assert event.message == "16 turns before, 16 after; 1 of the editor's corrections kept."


def test_reparsing_keeps_each_positions_turn_and_the_index_holds_exactly_the_turns(
    draft, improved_parser, django_capture_on_commit_callbacks
):
    draft_turns_merge(draft, turn=14)
    with django_capture_on_commit_callbacks(execute=True):
        segment = store(draft)
    ids_before = list(segment.turns.order_by("sequence").values_list("pk", flat=True))
    improved_parser[14] = "Thank you, William."

    with django_capture_on_commit_callbacks(execute=True):
        result = segment_reparse(segment=segment)

    ids_after = list(segment.turns.order_by("sequence").values_list("pk", flat=True))
    assert (result.turns_before, result.turns_after, result.corrections_lost) == (15, 16, 1)
    assert ids_after[:15] == ids_before
    indexed = {int(pk) for (pk,) in SearchQuerySet().models(Turn).values_list("pk")}
    assert indexed == set(ids_after)
