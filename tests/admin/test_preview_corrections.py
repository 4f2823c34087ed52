import re

import pytest
from django.urls import reverse

from interviews.models import Segment, SegmentEvent, Turn
from interviews.parsing import parse_transcript
from interviews.services.drafts import UNCERTAIN_BELOW
from tests.conftest import SEED_PATH

pytestmark = pytest.mark.django_db

ADD = reverse("admin:interviews_segment_add")


@pytest.fixture
def preview(editor_client):
    response = editor_client.post(ADD, {"text": SEED_PATH.read_text(encoding="utf-8")})
    return response["Location"]


def turn_speakers(html: str) -> list[str]:
    """The speaker shown on each turn of the preview, in order."""
    return re.findall(r'class="turn__name[^"]*"[^>]*>([^<]+)<', html)


def test_the_preview_lists_uncertain_turns_first_and_marks_them(editor_client, preview):
    html = editor_client.get(preview).content.decode()

    parsed = parse_transcript(SEED_PATH.read_text(encoding="utf-8"))
    uncertain = {
        n
        for n, turn in enumerate(parsed.turns, 1)
        if turn.attribution == "inferred" and turn.confidence < UNCERTAIN_BELOW
    }
    assert 16 in uncertain and 5 not in uncertain  # a guest's closing thanks; a labelled answer
    checks = html[html.index("Check these") : html.index("The transcript as the public")]
    assert set(map(int, re.findall(r"Turn (\d+)", checks))) == uncertain
    assert html.count("preview-turn--check") == len(uncertain)
    assert html.count("turn--uncertain") >= len(uncertain)


def test_the_preview_shows_speakers_with_role_and_affiliation(editor_client, preview):
    html = editor_client.get(preview).content.decode()

    speakers = html[html.index("<h2>Speakers</h2>") : html.index("Check these")]
    assert "Rukmini Callimachi" in speakers and 'value="The New York Times"' in speakers
    assert '<option value="host" selected>' in speakers


def test_reassigning_a_turn_is_shown_and_stored_as_the_editors(
    editor_client, preview, django_capture_on_commit_callbacks
):
    response = editor_client.post(
        preview, {"action": "assign:15", "speaker_15": "William Brangham", "title": "T"}
    )

    assert response["Location"].endswith("#turn-16")
    html = editor_client.get(preview).content.decode()
    assert turn_speakers(html)[15] == "William Brangham"
    # (With it corrected, the preview may have no turn left to check, and no such list.)
    checks = html.partition("Check these")[2].partition("The transcript as")[0]
    assert "Turn 16" not in checks
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(preview, {"action": "publish", "title": "T"})
    turn = Segment.objects.get().turns.get(sequence=16)
    assert turn.speaker.name == "William Brangham"
    assert turn.attribution == Turn.Attribution.EDITOR and turn.confidence == 1.0
    assert "1 corrected in the preview" in SegmentEvent.objects.get().message


def test_a_turn_can_be_given_to_a_new_speaker(editor_client, preview):
    editor_client.post(
        preview, {"action": "assign:0", "speaker_0": "", "new_speaker_0": "Judy Woodruff"}
    )
    editor_client.post(preview, {"action": "publish", "title": "T"})

    turn = Segment.objects.get().turns.get(sequence=1)
    assert turn.speaker.name == "Judy Woodruff"
    assert Segment.objects.get().appearances.filter(speaker__name="Judy Woodruff").exists()


def test_a_speaker_added_with_role_and_affiliation_appears_so(editor_client, preview):
    editor_client.post(
        preview,
        {
            "action": "add_speaker",
            "new_speaker_name": "Judy Woodruff",
            "new_speaker_role": "anchor",
            "new_speaker_affiliation": "PBS",
        },
    )
    editor_client.post(preview, {"action": "assign:0", "speaker_0": "Judy Woodruff"})
    editor_client.post(preview, {"action": "publish", "title": "T"})

    appearance = Segment.objects.get().appearances.get(speaker__name="Judy Woodruff")
    assert (appearance.role, appearance.affiliation) == ("anchor", "PBS")


def test_merging_two_turns_joins_their_text(editor_client, preview):
    editor_client.post(preview, {"action": "merge:14"})
    editor_client.post(preview, {"action": "publish", "title": "T"})

    turns = Segment.objects.get().turns.order_by("sequence")
    assert turns.count() == 15
    assert turns.last().text == "Thank you.\n\nThank you."
    assert turns.last().attribution == Turn.Attribution.EDITOR


def test_splitting_a_turn_makes_two_turns_the_editor_can_assign(editor_client, preview):
    html = editor_client.get(preview).content.decode()
    offset = re.search(r'name="split_2".*?<option value="(\d+)">', html, re.S).group(1)

    editor_client.post(preview, {"action": "split:2", "split_2": offset})
    editor_client.post(preview, {"action": "assign:3", "speaker_3": "Peter Neumann"})
    editor_client.post(preview, {"action": "publish", "title": "T"})

    turns = list(Segment.objects.get().turns.order_by("sequence"))
    assert len(turns) == 17
    assert turns[2].speaker.name == "Rukmini Callimachi"
    assert turns[3].speaker.name == "Peter Neumann"


def test_a_split_outside_a_sentence_boundary_is_refused(editor_client, preview):
    response = editor_client.post(preview, {"action": "split:2", "split_2": "3"}, follow=True)

    assert "only between sentences or paragraphs" in response.content.decode()


def test_the_details_typed_survive_a_correction(editor_client, preview):
    editor_client.post(
        preview,
        {"action": "merge:14", "title": "Kept title", "topics": "Terrorism, Iraq"},
    )

    html = editor_client.get(preview).content.decode()
    assert 'value="Kept title"' in html and 'value="Terrorism, Iraq"' in html


def test_suggested_and_typed_topics_are_saved(editor_client, preview):
    html = editor_client.get(preview).content.decode()
    assert 'name="suggested_topics" value="ISIS"' in html

    editor_client.post(
        preview,
        {
            "action": "publish",
            "title": "T",
            "suggested_topics": ["ISIS"],
            "topics": "Terrorism, isis",
        },
    )

    assert sorted(Segment.objects.get().topics.values_list("name", flat=True)) == [
        "ISIS",
        "Terrorism",
    ]


def test_a_forged_correction_gets_a_message_not_an_error(editor_client, preview):
    response = editor_client.post(preview, {"action": "merge:999"}, follow=True)

    assert response.status_code == 200
    assert "There is no turn 1000" in response.content.decode()


def test_naming_a_numbered_voice_on_one_turn_names_all_its_turns(editor_client):
    otter = (
        "Speaker 1  0:00\nWhere were you when the storm hit?\n\n"
        "Speaker 2  0:06\nAt home, with the kids.\n\n"
        "Speaker 1  0:14\nAnd then?\n\n"
        "Speaker 2  0:17\nWe went to the attic and waited.\n"
    )
    preview = editor_client.post(ADD, {"text": otter})["Location"]

    response = editor_client.post(
        preview,
        {"action": "assign:1", "speaker_1": "", "new_speaker_1": "Ann Lee"},
        follow=True,
    )

    html = response.content.decode()
    assert "Turn 2 and 1 more of the same voice are now spoken by Ann Lee." in html
    assert turn_speakers(html) == ["Speaker 1", "Ann Lee", "Speaker 1", "Ann Lee"]
