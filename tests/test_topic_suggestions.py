import pytest

from interviews import parsing
from interviews.services.ingest import read_transcript
from interviews.services.topics import topic_suggest
from tests.conftest import SEED_PATH
from tests.factories import TopicFactory, TurnFactory

pytestmark = pytest.mark.django_db


def test_the_seeds_key_terms_are_suggested_without_its_speakers_names():
    transcript, _ = read_transcript(SEED_PATH)

    suggestions = topic_suggest(transcript=transcript)

    assert {"ISIS", "Iraq", "Syria"} <= set(suggestions)
    assert not {"Peter", "Neumann", "Rukmini", "William"} & set(suggestions)
    assert not {"They", "What", "Think"} & set(suggestions)


def test_words_common_across_the_archive_give_way_to_this_transcripts_own():
    for _ in range(30):
        TurnFactory(text="The budget and the budget committee met about the budget again.")
    transcript = parsing.Transcript(
        turns=[
            parsing.Turn(paragraphs=["The budget for the zeppelin fleet grew."]),
            parsing.Turn(paragraphs=["Zeppelin pilots want a bigger budget for zeppelin hangars."]),
        ]
    )

    suggestions = topic_suggest(transcript=transcript, limit=2)

    assert suggestions[0] == "Zeppelin"
    assert "Budget" not in suggestions


def test_an_existing_topic_is_suggested_under_its_own_name():
    TopicFactory(name="isis")
    transcript, _ = read_transcript(SEED_PATH)

    assert "isis" in topic_suggest(transcript=transcript)
