import pytest

from interviews import parsing
from interviews.services.drafts import (
    DraftError,
    TranscriptDraft,
    draft_speaker_add,
    draft_speaker_assign,
    draft_speaker_update,
    draft_turn_split,
    draft_turns_merge,
    split_points,
)


@pytest.fixture
def draft() -> TranscriptDraft:
    transcript = parsing.Transcript(
        title="Interview",
        format="scraped",
        speakers=[
            parsing.Speaker(name="Jane Doe", role="host"),
            parsing.Speaker(name="John Roe", role="guest", affiliation="Acme"),
        ],
        turns=[
            parsing.Turn(
                paragraphs=["Welcome. Tell us more."],
                speaker="Jane Doe",
                role="host",
                attribution="label",
                confidence=1.0,
            ),
            parsing.Turn(
                paragraphs=["Thanks.", "It started in May."],
                speaker="Jane Doe",
                role="host",
                attribution="inferred",
                confidence=0.4,
            ),
        ],
    )
    return TranscriptDraft(transcript=transcript, raw_text="raw")


def test_a_draft_round_trips_through_its_dict_with_the_editors_marks(draft):
    draft_speaker_assign(draft, turn=1, name="John Roe")

    again = TranscriptDraft.from_dict(draft.to_dict())

    assert again.transcript.to_dict() == draft.transcript.to_dict()
    assert again.edited == [False, True]


def test_a_damaged_draft_is_refused_with_a_message():
    with pytest.raises(DraftError, match="no longer valid"):
        TranscriptDraft.from_dict({"transcript": {"turns": "nope"}, "raw_text": "", "edited": []})


def test_uncertain_turns_need_checking_until_the_editor_sets_them(draft):
    assert draft.turns_to_check() == {1}

    draft_speaker_assign(draft, turn=1, name="John Roe")

    assert draft.turns_to_check() == set()
    assert draft.transcript.turns[1].role == "guest"


def test_a_stage_direction_needs_no_checking_and_an_unknown_speaker_does(draft):
    draft.transcript.turns.append(parsing.Turn(paragraphs=["(APPLAUSE)"], attribution="direction"))
    draft.transcript.turns.append(parsing.Turn(paragraphs=["Who was that?"]))
    draft.edited += [False, False]

    assert draft.turns_to_check() == {1, 3}


def test_only_the_drafts_speakers_can_be_assigned(draft):
    with pytest.raises(DraftError, match="not one of this transcript's speakers"):
        draft_speaker_assign(draft, turn=0, name="Somebody Else")


def test_adding_another_spelling_of_a_speaker_gives_the_same_speaker(draft):
    assert draft_speaker_add(draft, name="  JOHN   ROE ") == "John Roe"
    assert draft_speaker_add(draft, name="Ann Poe", role="correspondent") == "Ann Poe"
    assert len(draft.transcript.speakers) == 3
    with pytest.raises(DraftError):
        draft_speaker_add(draft, name="  ")


def test_updating_a_speakers_role_changes_their_turns(draft):
    draft_speaker_update(draft, name="Jane Doe", role="anchor", affiliation=" PBS ")

    assert draft.transcript.speaker("Jane Doe").affiliation == "PBS"
    assert [turn.role for turn in draft.transcript.turns] == ["anchor", "anchor"]


def test_merging_joins_a_turn_with_the_next(draft):
    draft_turns_merge(draft, turn=0)

    assert draft.transcript.turns[0].paragraphs == [
        "Welcome. Tell us more.",
        "Thanks.",
        "It started in May.",
    ]
    assert draft.edited == [True]
    with pytest.raises(DraftError, match="no turn after"):
        draft_turns_merge(draft, turn=0)


def test_a_turn_splits_only_between_sentences_or_paragraphs(draft):
    text = draft.transcript.turns[1].text
    assert [words for _, words in split_points(text)] == ["It started in May."]

    draft_turn_split(draft, turn=1, at=split_points(text)[0][0])

    assert [t.text for t in draft.transcript.turns] == [
        "Welcome. Tell us more.",
        "Thanks.",
        "It started in May.",
    ]
    assert draft.edited == [False, True, True]
    with pytest.raises(DraftError, match="only between sentences"):
        draft_turn_split(draft, turn=0, at=3)


def test_splitting_and_merging_keep_the_times_paragraphs_start_at(draft):
    first, second = draft.transcript.turns
    first.start, first.end = 0.0, 8.0
    second.start, second.end, second.paragraph_starts = 8.0, 30.0, [8.0, 12.5]

    draft_turn_split(draft, turn=1, at=split_points(second.text)[0][0])
    cut = draft.transcript.turns[2]
    assert (second.start, second.end, second.paragraph_starts) == (8.0, 12.5, [])
    assert (cut.start, cut.end, cut.text) == (12.5, 30.0, "It started in May.")

    draft_turns_merge(draft, turn=0)
    assert (first.end, first.paragraph_starts) == (12.5, [0.0, 8.0])
    draft_turns_merge(draft, turn=0)
    assert (first.end, first.paragraph_starts) == (30.0, [0.0, 8.0, 12.5])
    # Cut inside a paragraph, where the recording is cut is not known.
    draft_turn_split(draft, turn=0, at=split_points(first.text)[0][0])
    assert (first.text, first.end, draft.transcript.turns[1].start) == ("Welcome.", None, None)
    assert draft.transcript.turns[1].paragraph_starts == [None, 8.0, 12.5]


def test_naming_one_turn_of_a_numbered_voice_names_its_other_turns_the_editor_left_alone():
    voice = parsing.parse_transcript(
        "Speaker 1  0:00\nWhere were you?\n\nSpeaker 2  0:04\nAt home.\n\n"
        "Speaker 1  0:08\nAnd then?\n\nSpeaker 2  0:10\nThe attic.\n\n"
        "Speaker 1  0:14\nWho else?\n\nSpeaker 2  0:16\nMy neighbours.\n"
    )
    draft = TranscriptDraft(transcript=voice, raw_text="raw")
    draft_speaker_add(draft, name="Ann Lee", role="guest")
    draft_speaker_add(draft, name="Bo Park", role="guest")
    assert draft.turns_to_check() == {0, 1}  # each unnamed voice's first turn

    assert draft_speaker_assign(draft, turn=1, name="Ann Lee") == 2
    assert draft.turns_to_check() == {0}
    assert [t.speaker for t in draft.transcript.turns][1::2] == ["Ann Lee"] * 3
    assert draft.edited == [False, True] * 3

    # The editor hears someone else in the last one: only that turn changes.
    assert draft_speaker_assign(draft, turn=5, name="Bo Park") == 0
    assert [t.speaker for t in draft.transcript.turns] == [
        None,
        "Ann Lee",
        None,
        "Ann Lee",
        None,
        "Bo Park",
    ]
