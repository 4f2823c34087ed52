import datetime
import html
import re

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from interviews.templatetags.archive import search_url
from tests.factories import (
    AppearanceFactory,
    SegmentFactory,
    SpeakerFactory,
    TurnFactory,
    index_segments,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    neumann = SpeakerFactory(name="Peter Neumann", key="peter neumann", slug="peter-neumann")
    host = SpeakerFactory(name="William Brangham", key="william brangham", slug="brangham")
    segments = []
    for year in (2012, 2014, 2016):
        segment = SegmentFactory(air_date=datetime.date(year, 5, 1), title=f"Gangs in {year}")
        AppearanceFactory(segment=segment, speaker=neumann, affiliation="ICSR")
        TurnFactory(segment=segment, speaker=neumann, text=f"The gang recruits ({year}).")
        TurnFactory(segment=segment, speaker=host, role="host", text="Why the gang?")
        segments.append(segment)
    index_segments(*segments)
    return {"neumann": neumann, "segments": segments}


def page(client, **params):
    response = client.get(reverse("interviews:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def hrefs(content: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', content)]


def test_filters_show_as_chips_that_each_remove_themselves(client, archive):
    content = page(client, q='gang speaker:"Peter Neumann" date:2014..2016')

    assert "Speaker: Peter Neumann" in content
    assert "Date: 2014 to 2016" in content
    assert "/search/?q=gang+date%3A2014..2016" in hrefs(content)
    assert "/search/?q=gang+speaker%3A%22Peter+Neumann%22" in hrefs(content)


def test_the_box_shows_the_query_as_the_archive_reads_it(client, archive):
    content = page(client, q="NOT  isis   gang speaker:neumann")

    assert 'value="-isis gang speaker:&quot;Peter Neumann&quot;"' in content


def test_notices_explain_how_an_odd_query_was_read(client, archive):
    content = page(client, q='"super gang')

    assert "A quote was left open; it was closed at the end." in content


def test_facets_show_counts_and_link_to_the_narrowed_search(client, archive):
    content = page(client, q="gang")

    assert re.search(r"Peter Neumann</a>\s*<span class=\"facet__count\">3</span>", content)
    assert "/search/?q=gang+speaker%3A%22Peter+Neumann%22" in hrefs(content)


def test_the_timeline_is_an_accessible_svg_whose_bars_narrow_the_dates(client, archive):
    content = page(client, q="gang")

    assert '<svg class="timeline__chart"' in content
    assert 'role="img"' in content
    assert 'aria-label="2014: 2 matches"' in content
    assert "/search/?q=gang+date%3A2014" in hrefs(content)


def test_the_timeline_labels_its_axis_outside_the_drawing_that_stretches(client, archive):
    content = page(client, q="gang")

    chart = content[content.index('<svg class="timeline__chart"') : content.index("</svg>")]
    assert 'preserveAspectRatio="none"' in chart and "<text" not in chart  # text would stretch
    labels = re.search(r'<ol class="timeline__labels" aria-hidden="true">(.*?)</ol>', content)
    cells = re.findall(r"<li>(.*?)</li>", labels.group(1))
    assert len(cells) == chart.count('class="timeline__hit"')  # one cell under each bar
    assert "<span>2014</span>" in cells
    assert '<span class="timeline__minor">2015</span>' in cells  # what a narrow screen leaves out


def test_the_timeline_draws_with_svg_numbers_whatever_the_locale(client, archive, settings):
    # German writes 12,5 for 12.5: a localised coordinate would break the drawing.
    settings.LANGUAGE_CODE = "de"
    content = page(client, q="gang")

    chart = content[content.index('<svg class="timeline__chart"') : content.index("</svg>")]
    bars = " ".join(re.findall(r"<rect [^>]*>", chart))
    coordinates = re.findall(r' (?:x|y|width|height)="([^"]*)"', bars)
    assert coordinates
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates), coordinates


def test_a_misspelled_search_offers_what_was_meant(client, archive):
    content = page(client, q="gnag")

    assert "Did you mean" in content
    assert "/search/?q=gang" in hrefs(content)


def test_people_named_like_the_query_are_listed_above_the_quotes(client, archive):
    content = page(client, q="neumann")

    assert content.index('href="/speakers/peter-neumann/"') < content.index('class="results"')


def test_grouping_by_speaker_ranks_who_said_it_most(client, archive):
    content = page(client, q="gang", group="speaker")

    assert "Who said it most" in content
    assert content.index("Peter Neumann") < content.index("William Brangham")
    assert "/search/?q=gang+speaker%3A%22William+Brangham%22" in hrefs(content)


def test_sort_and_group_links_keep_the_query(client, archive):
    content = page(client, q="gang")

    assert "/search/?q=gang&sort=newest" in hrefs(content)
    assert "/search/?q=gang&group=speaker" in hrefs(content)


def test_pagination_keeps_the_query_and_sort(client, archive):
    for i in range(25):
        TurnFactory(segment=archive["segments"][0], text=f"Another gang remark {i}.")
    index_segments(archive["segments"][0])

    content = page(client, q="gang", sort="oldest")

    assert "?q=gang&sort=oldest&page=2" in hrefs(content)
    assert "Page 1 of 2" in content


def test_a_filter_typed_in_a_box_joins_the_query_in_a_bookmarkable_url(client, archive):
    response = client.get(reverse("interviews:search"), {"q": "gang", "speaker": "Neumann"})

    assert response.status_code == 302
    assert response["Location"] == "/search/?q=gang+speaker%3ANeumann"


def test_a_hit_shows_speaker_affiliation_role_segment_program_date_and_permalink(client, archive):
    turn = archive["segments"][1].turns.get(speaker=archive["neumann"])

    content = page(client, q='"recruits (2014)"')

    for shown in ["Peter Neumann", "ICSR", "Guest", "Gangs in 2014", "1 May 2014"]:
        assert shown in content
    assert turn.segment.program.name in content
    assert turn.get_absolute_url() in hrefs(content)


def test_a_hit_in_a_long_turn_timed_by_paragraph_links_to_the_paragraph_and_its_moment(client):
    address = TurnFactory(
        text="We begin tonight.\n\nThe budget passed at dawn.\n\nNow the weather.",
        start_seconds=60.0,
        paragraph_starts=[60.0, 95.0, 130.0],
    )
    index_segments(address.segment)
    segment = address.segment.get_absolute_url()

    budget = page(client, q="budget")
    assert f"{segment}#turn-1-p2" in hrefs(budget) and f"{segment}?t=95" in hrefs(budget)
    assert ">1:35</a>" in budget and ">1:00</a>" not in budget
    weather = page(client, q='"the weather"')
    assert f"{segment}#turn-1-p3" in hrefs(weather) and ">2:10</a>" in weather
    begin = page(client, q="begin")
    assert f"{segment}#turn-1" in hrefs(begin) and ">1:00</a>" in begin


def test_every_hit_carries_a_citation_readable_without_javascript(client, archive):
    turn = archive["segments"][2].turns.get(speaker=archive["neumann"])

    content = page(client, q='"recruits (2016)"')

    citation = (
        f"Peter Neumann (ICSR), “Gangs in 2016”, {turn.segment.program.name}, 1 May 2016. "
        f"http://testserver{turn.get_absolute_url()}"
    )
    assert html.escape(citation, quote=False) in content
    assert "Copy citation" in content


def test_transcript_text_in_a_hit_is_escaped(client, archive):
    segment = SegmentFactory()
    TurnFactory(segment=segment, text='The gang said <script>alert("x")</script> & left.')
    index_segments(segment)

    content = page(client, q="gang alert")

    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content


def test_exports_and_feed_are_offered_with_the_cap_stated(client, archive, settings):
    settings.SEARCH_EXPORT_MAX_HITS = 2

    content = page(client, q="gang")

    assert "/search/quotes.csv?q=gang" in hrefs(content)
    assert "/search/feed/?q=gang" in hrefs(content)
    assert "the first 2 of 6: exports stop at 2" in content


@pytest.mark.parametrize(
    "q", ['"unbalanced', "AND", "((", "*", "speaker:", "-", "date:2016-99", "x" * 10_000]
)
def test_no_query_ever_breaks_the_page(client, archive, q):
    page(client, q=q, sort="sideways", page="-3", group="nonsense")


def test_estimated_facet_counts_are_marked_with_exact_counts_one_click_away(
    client, archive, monkeypatch
):
    from haystack.query import SearchQuerySet

    asked = []
    facet, facet_counts = SearchQuerySet.facet, SearchQuerySet.facet_counts

    def recording_facet(self, field, **options):
        asked.append((field, options))
        return facet(self, field, **options)

    def estimating(self):
        counts = facet_counts(self)
        return counts | {"approximate": [] if asked[-1][1] else ["speaker"]}

    monkeypatch.setattr(SearchQuerySet, "facet", recording_facet)
    monkeypatch.setattr(SearchQuerySet, "facet_counts", estimating)

    estimated = page(client, q="gang")
    exact = page(client, q="gang", exact="1")

    assert 'title="Estimated from a sample of the matches"' in estimated
    assert "/search/?q=gang&exact=1" in hrefs(estimated)
    assert ("speaker", {"exact": True}) in asked
    assert "Estimated from a sample" not in exact


def test_search_links_follow_the_path_the_archive_is_served_under():
    root = search_url("court", sort="newest")
    set_script_prefix("/archive/")
    try:
        mounted = search_url("court", sort="newest")
    finally:
        clear_script_prefix()

    assert root == "/search/?q=court&sort=newest"
    assert mounted == "/archive/search/?q=court&sort=newest"
