import pytest
from django.urls import reverse
from haystack.query import SearchQuerySet

from interviews.models import Segment, SegmentEvent, Turn
from interviews.services.publishing import segment_delete, segment_publish, segment_unpublish
from tests.factories import EditorFactory, SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db


def indexed_turn_ids() -> set[int]:
    return {int(pk) for (pk,) in SearchQuerySet().models(Turn).values_list("pk")}


@pytest.fixture
def draft_turn():
    return TurnFactory(segment__status=Segment.Status.DRAFT, text="The zeppelin landed at noon.")


def test_publishing_a_draft_indexes_it_at_once(draft_turn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        changed = segment_publish(segment=draft_turn.segment)

    assert changed
    assert indexed_turn_ids() == {draft_turn.pk}
    assert draft_turn.segment.events.get().action == SegmentEvent.Action.PUBLISHED


def test_unpublishing_removes_the_segment_from_the_index_at_once(
    draft_turn, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        segment_publish(segment=draft_turn.segment)
    with django_capture_on_commit_callbacks(execute=True):
        segment_unpublish(segment=draft_turn.segment)

    assert indexed_turn_ids() == set()
    assert Segment.objects.get().status == Segment.Status.DRAFT


def test_publishing_twice_records_one_change(draft_turn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        segment_publish(segment=draft_turn.segment)
        assert not segment_publish(segment=draft_turn.segment)

    assert draft_turn.segment.events.count() == 1


def test_deleting_removes_the_segment_from_the_index(django_capture_on_commit_callbacks):
    turn = TurnFactory(text="The zeppelin landed at noon.")
    with django_capture_on_commit_callbacks(execute=True):
        segment_publish(segment=turn.segment)
        segment_unpublish(segment=turn.segment)
        segment_publish(segment=turn.segment)
    assert indexed_turn_ids() == {turn.pk}

    with django_capture_on_commit_callbacks(execute=True):
        segment_delete(segment=turn.segment)

    assert indexed_turn_ids() == set()
    assert not Turn.objects.exists()


def test_a_draft_never_shows_on_a_public_page_in_search_or_by_url(
    client, draft_turn, django_capture_on_commit_callbacks
):
    segment, speaker = draft_turn.segment, draft_turn.speaker
    segment.topics.create(name="Airships", slug="airships")

    assert client.get(segment.get_absolute_url()).status_code == 404
    assert client.get(reverse("interviews:segment_undated", args=[segment.slug])).status_code == 404
    for url in [
        reverse("interviews:home"),
        speaker.get_absolute_url(),
        reverse("interviews:topic", args=["airships"]),
        segment.program.get_absolute_url(),
    ]:
        html = client.get(url).content.decode()
        assert segment.title not in html and "zeppelin" not in html, url
    html = client.get(reverse("interviews:search"), {"q": "zeppelin"}).content.decode()
    assert "zeppelin landed" not in html


def test_the_segment_page_shows_publish_or_unpublish_and_both_work(
    client, django_capture_on_commit_callbacks
):
    client.force_login(EditorFactory())
    segment = SegmentFactory(status=Segment.Status.DRAFT)
    change = reverse("admin:interviews_segment_change", args=[segment.pk])
    assert "Draft: only editors can see it." in client.get(change).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:interviews_segment_publish", args=[segment.pk]), follow=True
        )

    html = response.content.decode()
    assert "is published and searchable" in html and "Unpublish" in html
    segment.refresh_from_db()
    assert segment.is_published
    assert client.get(segment.get_absolute_url()).status_code == 200

    client.post(reverse("admin:interviews_segment_unpublish", args=[segment.pk]))
    segment.refresh_from_db()
    assert not segment.is_published


def test_publishing_needs_a_post(client):
    client.force_login(EditorFactory())
    segment = SegmentFactory(status=Segment.Status.DRAFT)

    response = client.get(reverse("admin:interviews_segment_publish", args=[segment.pk]))

    assert response.status_code == 405
    segment.refresh_from_db()
    assert not segment.is_published


def test_the_list_publishes_and_unpublishes_in_bulk(
    admin_client, django_capture_on_commit_callbacks
):
    turns = [TurnFactory(segment__status=Segment.Status.DRAFT) for _ in range(2)]
    changelist = reverse("admin:interviews_segment_changelist")
    ids = [turn.segment_id for turn in turns]

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(changelist, {"action": "publish_selected", "_selected_action": ids})
    assert indexed_turn_ids() == {turn.pk for turn in turns}

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(changelist, {"action": "unpublish_selected", "_selected_action": ids})
    assert indexed_turn_ids() == set()


def test_deleting_from_the_list_removes_from_the_index(
    admin_client, django_capture_on_commit_callbacks
):
    turn = TurnFactory()
    with django_capture_on_commit_callbacks(execute=True):
        segment_unpublish(segment=turn.segment)
        segment_publish(segment=turn.segment)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:interviews_segment_changelist"),
            {"action": "delete_selected", "_selected_action": [turn.segment_id], "post": "yes"},
        )

    assert not Segment.objects.exists()
    assert indexed_turn_ids() == set()
