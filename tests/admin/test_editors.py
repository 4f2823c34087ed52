import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from interviews.models import SegmentEvent, Turn
from tests.conftest import SEED_PATH
from tests.factories import SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_editors_group_manages_the_archive_but_is_not_superuser(editor):
    assert Group.objects.filter(name="Editors").exists()
    assert not editor.is_superuser
    for model in ["segment", "turn", "speaker", "appearance", "topic", "program"]:
        for action in ["add", "change", "delete"]:
            assert editor.has_perm(f"interviews.{action}_{model}"), f"{action}_{model}"
    assert editor.has_perm("interviews.view_segmentevent")
    assert not editor.has_perm("interviews.change_segmentevent")
    assert not editor.has_perm("auth.add_user")


def test_an_editor_can_add_and_publish_a_transcript(editor_client):
    add = reverse("admin:interviews_segment_add")
    preview = editor_client.post(add, {"text": SEED_PATH.read_text(encoding="utf-8")})

    response = editor_client.post(preview["Location"], {"action": "publish", "title": "T"})

    assert response.status_code == 302
    assert editor_client.get(response["Location"]).status_code == 200


def test_someone_not_staff_cannot_reach_the_admin(client):
    client.force_login(UserFactory())

    for url in [
        reverse("admin:index"),
        reverse("admin:interviews_segment_add"),
        reverse("admin:interviews_segment_preview", args=["x"]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_staff_outside_the_editors_group_cannot_add_transcripts(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("admin:interviews_segment_add")).status_code == 403


def test_the_history_shows_who_did_what_and_when(editor_client, editor):
    add = reverse("admin:interviews_segment_add")
    preview = editor_client.post(add, {"text": SEED_PATH.read_text(encoding="utf-8")})
    change = editor_client.post(preview["Location"], {"action": "save_draft", "title": "T"})
    segment_id = int(change["Location"].rstrip("/").split("/")[-2])
    editor_client.post(reverse("admin:interviews_segment_publish", args=[segment_id]))

    html = editor_client.get(
        reverse("admin:interviews_segment_history", args=[segment_id])
    ).content.decode()

    assert html.count(f"<td>{editor.username}</td>") == 2
    assert "Ingested" in html and "Added as draft: 16 turns" in html and "Published" in html


def test_reassigning_a_turn_on_a_saved_segment_is_the_editors_and_recorded(
    editor_client, seed_segment
):
    turn = seed_segment.turns.get(sequence=15)
    brangham = seed_segment.appearances.get(speaker__name="William Brangham").speaker
    url = reverse("admin:interviews_turn_change", args=[turn.pk])

    response = editor_client.post(
        url,
        {
            "segment": seed_segment.pk,
            "sequence": 15,
            "speaker": brangham.pk,
            "speaker_label": "",
            "role": "host",
            "text": turn.text,
        },
    )

    assert response.status_code == 302
    turn.refresh_from_db()
    assert (turn.speaker, turn.attribution, turn.confidence) == (
        brangham,
        Turn.Attribution.EDITOR,
        1.0,
    )
    assert seed_segment.events.filter(action=SegmentEvent.Action.EDITED).exists()


def test_a_turn_given_to_someone_new_to_the_segment_brings_them_into_it(
    editor_client, seed_segment
):
    turn = seed_segment.turns.get(sequence=15)
    newcomer = SpeakerFactory(name="Judy Woodruff", affiliation="PBS NewsHour")

    editor_client.post(
        reverse("admin:interviews_turn_change", args=[turn.pk]),
        {
            "segment": seed_segment.pk,
            "sequence": 15,
            "speaker": newcomer.pk,
            "speaker_label": "",
            "role": "host",
            "text": turn.text,
        },
    )

    appearance = seed_segment.appearances.get(speaker=newcomer)
    assert (appearance.role, appearance.affiliation) == ("host", "PBS NewsHour")
    page = editor_client.get(seed_segment.get_absolute_url()).content.decode()
    assert '<span class="turn__affiliation">PBS NewsHour</span>' in page


def test_an_unchanged_turn_keeps_the_parsers_attribution(editor_client, seed_segment):
    turn = seed_segment.turns.get(sequence=15)
    url = reverse("admin:interviews_turn_change", args=[turn.pk])

    editor_client.post(
        url,
        {
            "segment": seed_segment.pk,
            "sequence": 15,
            "speaker": turn.speaker_id,
            "speaker_label": turn.speaker_label,
            "role": turn.role,
            "text": turn.text,
        },
    )

    turn.refresh_from_db()
    assert turn.attribution == Turn.Attribution.INFERRED


def test_the_speaker_list_is_reachable_and_searchable_by_alias(editor_client):
    speaker = SpeakerFactory(name="Rukmini Callimachi")
    speaker.aliases.create(name="R. Callimachi", key="r callimachi")

    response = editor_client.get(
        reverse("admin:interviews_speaker_changelist"), {"q": "R. Callimachi"}
    )

    assert "Rukmini Callimachi" in response.content.decode()


def change_form_data(segment) -> dict:
    """What the segment's admin page posts back when saved unchanged."""
    data = {
        "program": segment.program_id or "",
        "title": segment.title,
        "slug": segment.slug,
        "summary": segment.summary,
        "air_date": segment.air_date or "",
        "source_url": segment.source_url,
        "raw_text": segment.raw_text,
    }
    for prefix, rows, fields in [
        ("appearances", segment.appearances.all(), ["speaker", "role", "affiliation"]),
        ("turns", segment.turns.order_by("sequence"), ["sequence", "speaker", "role", "text"]),
    ]:
        rows = list(rows)
        data |= {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": len(rows)}
        for n, row in enumerate(rows):
            data[f"{prefix}-{n}-id"] = row.pk
            data[f"{prefix}-{n}-segment"] = segment.pk
            for field in fields:
                value = getattr(row, f"{field}_id" if field == "speaker" else field)
                data[f"{prefix}-{n}-{field}"] = "" if value is None else value
    return data


def test_reassigning_a_turn_on_the_segment_page_is_recorded_in_its_history(
    editor_client, seed_segment, django_capture_on_commit_callbacks
):
    brangham = seed_segment.appearances.get(speaker__name="William Brangham").speaker
    data = change_form_data(seed_segment)
    data["turns-14-speaker"] = brangham.pk

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:interviews_segment_change", args=[seed_segment.pk]), data
        )

    assert response.status_code == 302, response.content.decode()[:3000]
    turn = seed_segment.turns.get(sequence=15)
    assert (turn.speaker, turn.attribution) == (brangham, Turn.Attribution.EDITOR)
    assert seed_segment.turns.filter(attribution=Turn.Attribution.EDITOR).count() == 1
    reassigned = seed_segment.events.get(action=SegmentEvent.Action.SPEAKER_REASSIGNED)
    assert reassigned.message == "Turn 15: William Brangham (was Peter Neumann)."
    assert seed_segment.events.filter(action=SegmentEvent.Action.EDITED).exists()
