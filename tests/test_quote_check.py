import pytest
from django.urls import reverse

from interviews.quotecheck import Verdict
from interviews.search.quotes import MAX_PASTE_CHARS, QuoteCheckError, quote_check
from interviews.services.indexing import segment_index_sync
from tests.factories import SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db

MISQUOTE = "I don't buy it, because the data does not support it"


def test_a_misquote_of_the_seed_finds_rukmini_callimachis_real_words(seed_segment):
    check = quote_check(MISQUOTE)

    assert check.verdict is Verdict.CLOSE
    best = check.matches[0]
    assert best.turn.speaker.name == "Rukmini Callimachi"
    assert best.turn.segment == seed_segment
    assert "doesn't back" in [p.text for p in best.diff.real if p.kind == "differs"]


def test_the_exact_words_are_reported_verbatim(seed_segment):
    check = quote_check("“Ghanima is an Arabic term”")

    assert check.verdict is Verdict.VERBATIM
    assert "Ghanima is an Arabic term" in check.matches[0].turn.text


def test_words_the_archive_never_heard_are_no_close_match(seed_segment):
    check = quote_check("the farm subsidy bill will lower grocery prices for working families")

    assert check.verdict is Verdict.NONE


def test_the_rarest_words_find_the_turn_among_many_that_share_the_common_ones(monkeypatch):
    monkeypatch.setattr("interviews.search.quotes.CANDIDATES", 3)
    segment = SegmentFactory()
    for n in range(20):
        TurnFactory(
            segment=segment,
            text=f"Counsel, the government's argument about jurisdiction is important, {n}.",
        )
    said = TurnFactory(
        segment=segment,
        text="The government's argument about the zeppelin's jurisdiction is important.",
    )
    segment_index_sync(segment_id=segment.pk)

    check = quote_check("the government argument on the zeppelin's jurisdiction was important")

    assert check.matches[0].turn == said


def test_the_turn_that_said_the_words_in_that_order_is_found_among_many_that_use_them(
    monkeypatch,
):
    monkeypatch.setattr("interviews.search.quotes.CANDIDATES", 3)
    segment = SegmentFactory()
    for _ in range(20):
        TurnFactory(segment=segment, text="Board the tax on whether it was settled in a ruling.")
    said = TurnFactory(segment=segment, text="Whether the tax board settled it was in a ruling.")
    segment_index_sync(segment_id=segment.pk)

    check = quote_check("whether the tax board had settled it")

    assert check.matches[0].turn == said


def test_a_word_the_archive_never_heard_does_not_lose_the_passage(seed_segment):
    check = quote_check("I don't buy it, because the flurbodata doesn't back it up")

    assert check.matches[0].turn.text.startswith("I don't buy it")


def test_drafts_are_never_offered_as_matches():
    segment = SegmentFactory(status="draft")
    TurnFactory(segment=segment, text="The confidential xylophone budget doubled last spring.")
    segment_index_sync(segment_id=segment.pk)

    assert quote_check("the confidential xylophone budget doubled").matches == []


@pytest.mark.parametrize(
    "pasted, message",
    [
        ("two words", "at least 3 words"),
        ("x " * MAX_PASTE_CHARS, f"at most {MAX_PASTE_CHARS:,} characters"),
    ],
)
def test_unusable_pastes_are_refused_with_a_reason(pasted, message):
    with pytest.raises(QuoteCheckError, match=message):
        quote_check(pasted)


def test_a_paste_of_only_common_words_is_still_found_by_its_words_in_order():
    segment = SegmentFactory()
    said = TurnFactory(segment=segment, text="Well, and so it is, and we were right all along.")
    TurnFactory(segment=segment, text="It is so, and we were never told what it was.")
    segment_index_sync(segment_id=segment.pk)

    check = quote_check("and so it is and we were")

    assert check.verdict is Verdict.VERBATIM
    assert check.matches[0].turn == said


def test_a_paste_of_only_common_words_the_archive_never_said_is_no_close_match(client):
    response = client.get(reverse("interviews:quote_check"), {"quote": "the and of"})

    assert response.status_code == 200
    assert "No close match" in response.content.decode()


def test_the_page_shows_the_real_wording_beside_the_pasted_one(client, seed_segment):
    response = client.get(reverse("interviews:quote_check"), {"quote": MISQUOTE})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Close." in html
    assert '<del class="diff">does not support</del>' in html
    assert '<ins class="diff">doesn&#x27;t back</ins>' in html
    turn = seed_segment.turns.get(text__startswith="I don't buy it")
    assert turn.get_absolute_url() in html
    assert "The New York Times" in html


def test_transcript_text_and_the_paste_are_escaped(client):
    segment = SegmentFactory()
    TurnFactory(segment=segment, text="We will <script>alert(1)</script> defend the harbour walls.")
    segment_index_sync(segment_id=segment.pk)

    response = client.get(
        reverse("interviews:quote_check"), {"quote": "we will <b>defend</b> the harbour walls"}
    )
    html = response.content.decode()

    assert "<script>alert(1)</script>" not in html and "<b>defend</b>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("pasted", ["no", "x" * 5000, "*", '"((', "\x00 \x00 \x00"])
def test_odd_pastes_get_a_message_not_an_error(client, pasted):
    response = client.get(reverse("interviews:quote_check"), {"quote": pasted})

    assert response.status_code == 400
    assert 'class="notice notice--error"' in response.content.decode()


def test_the_home_page_offers_the_quote_check_box(client):
    html = client.get(reverse("interviews:home")).content.decode()

    assert f'action="{reverse("interviews:quote_check")}"' in html


def test_the_search_page_offers_the_quote_check_box(client):
    html = client.get(reverse("interviews:search"), {"q": "ghanima"}).content.decode()

    assert 'name="quote"' in html


def test_beside_a_close_match_passages_that_are_not_close_are_left_out(seed_segment):
    check = quote_check(MISQUOTE)

    assert [m.verdict for m in check.matches] == [Verdict.CLOSE]


def test_without_a_close_match_the_nearest_passages_are_still_shown(seed_segment):
    check = quote_check("ISIS recruits criminals for its propaganda videos in Germany")

    assert check.verdict is Verdict.NONE
    assert 1 <= len(check.matches) <= 3
