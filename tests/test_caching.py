import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from interviews.caching import content_version
from interviews.models import ContentVersion
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, SpeakerFactory, TurnFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def test_a_public_page_is_served_from_the_cache_the_second_time(client):
    turn = TurnFactory(text="A remark about lighthouses.")
    url = turn.segment.get_absolute_url()

    first, first_queries = queries_for(client, url)
    second, second_queries = queries_for(client, url)

    assert first.content == second.content
    assert "lighthouses" in second.content.decode()
    assert first_queries > 1
    assert second_queries == 1  # the content version, nothing else


def test_editing_a_turn_changes_the_page_at_once(client):
    turn = TurnFactory(text="The original wording.")
    url = turn.segment.get_absolute_url()
    assert "original wording" in client.get(url).content.decode()

    turn.text = "The corrected wording."
    turn.save()

    html = client.get(url).content.decode()
    assert "corrected wording" in html
    assert "original wording" not in html


def test_renaming_a_speaker_changes_every_page_that_shows_them(client):
    turn = TurnFactory(speaker__name="Jon Smith")
    segment_url = turn.segment.get_absolute_url()
    assert "Jon Smith" in client.get(segment_url).content.decode()

    turn.speaker.name = "John Smith"
    turn.speaker.save()

    assert "John Smith" in client.get(segment_url).content.decode()


def test_publishing_a_draft_shows_it_on_the_home_page(client):
    segment = SegmentFactory(status="draft", title="The embargoed interview")
    assert "embargoed" not in client.get(reverse("interviews:home")).content.decode()

    segment.status = "published"
    segment.save()

    assert "embargoed" in client.get(reverse("interviews:home")).content.decode()


def test_new_search_hits_appear_once_the_segment_is_indexed(client):
    url = reverse("interviews:search") + "?q=zeppelin"
    assert client.get(url).content.decode().count("<article") == 0

    turn = TurnFactory(text="A passing zeppelin.")
    segment_index_sync(segment_id=turn.segment_id)

    assert client.get(url).content.decode().count("<article") == 1


def test_the_version_lives_in_the_database_so_a_bump_by_another_worker_is_seen(client):
    turn = TurnFactory(text="Before.")
    url = turn.segment.get_absolute_url()
    client.get(url)
    # Another worker's edit: the row changes underneath, without this process's signals.
    type(turn).objects.filter(pk=turn.pk).update(text="After.")
    ContentVersion.objects.update(number=999)

    assert "After." in client.get(url).content.decode()


def test_a_segment_page_answers_a_conditional_request_with_304(client):
    url = TurnFactory().segment.get_absolute_url()
    response = client.get(url)
    etag, last_modified = response["ETag"], response["Last-Modified"]

    unchanged = client.get(url, headers={"if-none-match": etag})
    since = client.get(url, headers={"if-modified-since": last_modified})

    assert unchanged.status_code == since.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == etag
    assert "no-cache" in response["Cache-Control"]


def test_a_speaker_page_answers_304_until_something_changes(client):
    speaker = TurnFactory().speaker
    url = speaker.get_absolute_url()
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304

    speaker.affiliation = "The Daily Planet"
    speaker.save()

    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "The Daily Planet" in response.content.decode()


def test_a_rolled_back_change_rolls_its_version_bump_back():
    before = content_version()

    with pytest.raises(RuntimeError), transaction.atomic():
        SpeakerFactory()
        assert content_version().number > before.number
        raise RuntimeError("the editor's save failed")

    assert content_version() == before


def test_signed_in_editors_bypass_the_cache(client, admin_user):
    turn = TurnFactory(text="Fresh for editors.")
    url = turn.segment.get_absolute_url()
    client.force_login(admin_user)
    client.get(url)

    response, queries = queries_for(client, url)

    assert queries > 1
    assert "ETag" not in response


def test_missing_pages_are_not_stored(client, page_cache):
    client.get("/speakers/nobody-at-all/")

    assert client.get("/speakers/nobody-at-all/").status_code == 404
    assert page_cache._cache == {}


def test_admin_pages_are_never_cached(client, admin_user, page_cache):
    client.force_login(admin_user)
    client.get(reverse("admin:index"))
    client.logout()

    assert client.get(reverse("admin:index")).status_code == 302
    assert page_cache._cache == {}
