from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse
from haystack.inputs import Exact
from haystack.query import SearchQuerySet

from interviews import parsing
from interviews.models import Appearance, SegmentEvent, Speaker, SpeakerAlias, Turn
from interviews.services.ingest import segment_ingest, speaker_get_or_create
from interviews.services.publishing import segments_index_sync_on_commit
from interviews.services.speakers import SpeakerMergeError, speaker_edit_apply, speaker_merge
from tests.factories import AppearanceFactory, SpeakerFactory, TurnFactory

pytestmark = pytest.mark.django_db


def indexed_speakers() -> set[str]:
    return {hit.speaker for hit in SearchQuerySet().models(Turn)}


@pytest.fixture
def duplicates(django_capture_on_commit_callbacks):
    """One person under two names, each speaking in their own segment, both indexed."""
    kept = SpeakerFactory(name="Peter Neumann", slug="peter-neumann", key="peter neumann")
    duplicate = SpeakerFactory(
        name="Peter R. Neumann", slug="peter-r-neumann", key="peter r neumann", affiliation="KCL"
    )
    with django_capture_on_commit_callbacks(execute=True):
        for speaker in (kept, duplicate):
            turn = TurnFactory(speaker=speaker)
            AppearanceFactory(segment=turn.segment, speaker=speaker)
            segments_index_sync_on_commit([turn.segment_id])
    return kept, duplicate


def test_merging_moves_turns_and_appearances_to_the_kept_speaker(
    duplicates, django_capture_on_commit_callbacks
):
    kept, duplicate = duplicates

    with django_capture_on_commit_callbacks(execute=True):
        result = speaker_merge(keep=kept, merged=[duplicate])

    assert result.turns_moved == 1 and len(result.segment_ids) == 1
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    assert Turn.objects.filter(speaker=kept).count() == 2
    assert Appearance.objects.filter(speaker=kept).count() == 2
    kept.refresh_from_db()
    assert kept.affiliation == "KCL"
    assert indexed_speakers() == {"Peter Neumann"}
    event = SegmentEvent.objects.get(action=SegmentEvent.Action.SPEAKERS_MERGED)
    assert event.message == "Peter R. Neumann merged into Peter Neumann."


def test_the_merged_speakers_address_redirects_to_the_kept_one(client, duplicates):
    kept, duplicate = duplicates
    speaker_merge(keep=kept, merged=[duplicate])

    response = client.get(reverse("interviews:speaker", args=["peter-r-neumann"]))

    assert response.status_code == 301
    assert response["Location"] == kept.get_absolute_url()
    assert client.get(reverse("interviews:speaker", args=["nobody"])).status_code == 404


def test_a_later_ingest_of_the_merged_name_finds_the_kept_speaker(duplicates):
    kept, duplicate = duplicates
    speaker_merge(keep=kept, merged=[duplicate])

    assert speaker_get_or_create(name="Peter R. Neumann") == kept
    transcript = parsing.Transcript(
        title="Later",
        speakers=[parsing.Speaker(name="Peter R. Neumann", role="guest")],
        turns=[parsing.Turn(paragraphs=["Again."], speaker="Peter R. Neumann")],
    )
    segment = segment_ingest(transcript=transcript, raw_text="later").segment
    assert segment.turns.get().speaker == kept


def test_where_both_appear_in_one_segment_the_kept_appearance_stays(duplicates):
    kept, duplicate = duplicates
    turn = Turn.objects.get(speaker=kept)
    AppearanceFactory(segment=turn.segment, speaker=duplicate, affiliation="Other")
    TurnFactory(segment=turn.segment, speaker=duplicate)

    speaker_merge(keep=kept, merged=[duplicate])

    assert list(turn.segment.appearances.values_list("speaker", flat=True)) == [kept.pk]


def test_merging_a_speaker_into_itself_is_refused(duplicates):
    kept, _ = duplicates

    with pytest.raises(SpeakerMergeError, match="two different speakers"):
        speaker_merge(keep=kept, merged=[kept])


def test_merging_from_the_speaker_list_asks_which_to_keep(
    admin_client, duplicates, django_capture_on_commit_callbacks
):
    kept, duplicate = duplicates
    changelist = reverse("admin:interviews_speaker_changelist")
    selection = {"action": "merge_selected", "_selected_action": [kept.pk, duplicate.pk]}

    confirm = admin_client.post(changelist, selection)
    assert "Choose the one to keep" in confirm.content.decode()
    assert Speaker.objects.count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(changelist, {**selection, "keep": kept.pk}, follow=True)

    assert "Peter R. Neumann merged into Peter Neumann" in response.content.decode()
    assert list(Speaker.objects.all()) == [kept]


def test_renaming_a_speaker_keeps_the_old_name_as_an_alias_and_reaches_search(
    duplicates, django_capture_on_commit_callbacks
):
    _, speaker = duplicates
    speaker.name = "Peter Rudolf Neumann"
    speaker.slug = "peter-rudolf-neumann"
    speaker.save()

    with django_capture_on_commit_callbacks(execute=True):
        speaker_edit_apply(
            speaker=speaker, previous_slug="peter-r-neumann", previous_name="Peter R. Neumann"
        )

    assert speaker_get_or_create(name="Peter R. Neumann") == speaker
    assert speaker_get_or_create(name="Peter Rudolf Neumann") == speaker
    assert "Peter Rudolf Neumann" in indexed_speakers()
    hits = SearchQuerySet().models(Turn).filter(speaker_exact=Exact("Peter Rudolf Neumann"))
    assert hits.count() == 1


def test_editing_a_speaker_in_the_admin_redirects_its_old_address(
    admin_client, client, duplicates, django_capture_on_commit_callbacks
):
    _, speaker = duplicates
    url = reverse("admin:interviews_speaker_change", args=[speaker.pk])
    form = {
        "name": "Peter Rudolf Neumann",
        "slug": "peter-rudolf-neumann",
        "honorific": "Prof.",
        "affiliation": "King's College London",
        "aliases-TOTAL_FORMS": "1",
        "aliases-INITIAL_FORMS": "0",
        "aliases-0-name": "P. R. Neumann",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, form)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert client.get("/speakers/peter-r-neumann/")["Location"] == "/speakers/peter-rudolf-neumann/"
    assert set(SpeakerAlias.objects.values_list("name", flat=True)) == {
        "Peter R. Neumann",
        "P. R. Neumann",
    }
    assert "Peter Rudolf Neumann" in indexed_speakers()


def test_a_speaker_cannot_take_another_speakers_name(admin_client, duplicates):
    kept, speaker = duplicates
    url = reverse("admin:interviews_speaker_change", args=[speaker.pk])

    response = admin_client.post(
        url,
        {
            "name": "PETER NEUMANN",
            "slug": speaker.slug,
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "already has this name" in response.content.decode()
    speaker.refresh_from_db()
    assert speaker.name == "Peter R. Neumann"


def test_the_migration_brings_speakers_of_reassigned_turns_into_their_segments():
    add_missing_appearances = import_module(
        "interviews.migrations.0007_appearances_of_reassigned_turns"
    ).add_missing_appearances
    turn = TurnFactory(speaker__affiliation="PBS", role="host")
    TurnFactory(segment=turn.segment, speaker=turn.speaker)
    turn.segment.appearances.all().delete()

    add_missing_appearances(apps, None)  # the live models stand in for the historical ones

    appearance = turn.segment.appearances.get()
    assert (appearance.speaker, appearance.role, appearance.affiliation) == (
        turn.speaker,
        "host",
        "PBS",
    )
