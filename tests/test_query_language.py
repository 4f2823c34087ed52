import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviews.search.query import (
    MAX_QUERY_LENGTH,
    And,
    DateRange,
    Filter,
    Not,
    Or,
    Phrase,
    Term,
    describe_date_range,
    parse_date_range,
    parse_query,
)


def test_words_phrases_exclusions_and_filters_are_told_apart():
    parsed = parse_query('border "super gang" -Brussels speaker:"Peter Neumann" date:2016')

    assert parsed.text == And((Term("border"), Phrase("super gang"), Not(Term("Brussels"))))
    assert parsed.filters == (
        Filter("speaker", "Peter Neumann"),
        Filter("date", "2016"),
    )
    assert parsed.notices == ()


def test_or_binds_looser_than_the_implicit_and():
    assert parse_query("a b OR c").text == Or((And((Term("a"), Term("b"))), Term("c")))
    assert parse_query("(a OR b) c").text == And((Or((Term("a"), Term("b"))), Term("c")))


def test_not_and_minus_mean_the_same_and_cancel_when_doubled():
    assert parse_query("NOT isis").text == parse_query("-isis").text == Not(Term("isis"))
    assert parse_query("NOT -isis").text == Term("isis")


def test_a_trailing_star_is_a_prefix_search():
    assert parse_query("recruit*").text == Term("recruit", prefix=True)


def test_a_prefix_too_short_to_be_useful_is_searched_as_a_word_with_a_notice():
    parsed = parse_query("a*")

    assert parsed.text == Term("a")
    assert "at least 3 letters" in parsed.notices[0]


def test_lower_case_operators_are_ordinary_words():
    assert parse_query("war and peace").text == And((Term("war"), Term("and"), Term("peace")))


def test_a_negated_filter_excludes():
    assert parse_query("-topic:Syria").filters == (Filter("topic", "Syria", negated=True),)


def test_field_names_are_case_insensitive_and_have_aliases():
    parsed = parse_query("Speaker:Neumann topics:Terrorism show:Newshour year:2016")

    assert [f.field for f in parsed.filters] == ["speaker", "topic", "program", "date"]


def test_an_unknown_field_is_searched_as_words_with_a_notice():
    parsed = parse_query("foo:bar")

    assert parsed.text == And((Term("foo"), Term("bar")))
    assert parsed.filters == ()
    assert "There is no “foo:” filter" in parsed.notices[0]


def test_typographic_quotes_work_like_straight_ones():
    assert parse_query("“super gang”").text == Phrase("super gang")


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2016", "2016-01-01", "2016-12-31"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2016-03-05", "2016-03-05", "2016-03-05"),
        ("2016-01..2016-06", "2016-01-01", "2016-06-30"),
        ("2014..2016", "2014-01-01", "2016-12-31"),
        ("2016..", "2016-01-01", None),
        ("..2016-06", None, "2016-06-30"),
    ],
)
def test_dates_name_years_months_days_and_ranges(value, start, end):
    dates = parse_date_range(value)

    assert dates == DateRange(
        start and datetime.date.fromisoformat(start), end and datetime.date.fromisoformat(end)
    )


@pytest.mark.parametrize("value", ["2016-13", "2016-02-30", "sometime", "..", "16", "2016-01-01x"])
def test_impossible_dates_are_ignored_with_a_notice_saying_how_to_write_them(value):
    parsed = parse_query(f"border date:{value}")

    assert parsed.filters == ()
    assert parsed.text == Term("border")
    assert "date:2016-01..2016-06" in parsed.notices[0]


def test_dates_written_backwards_are_swapped():
    parsed = parse_query("date:2017..2015")

    assert parsed.filters == (Filter("date", "2015..2017"),)
    assert "swapped" in parsed.notices[0]


def test_date_filters_are_written_back_at_their_coarsest():
    assert parse_query("date:2016-01-01..2016-12-31").canonical() == "date:2016"
    assert parse_query("date:2016-03-01..2016-04-30").canonical() == "date:2016-03..2016-04"


def test_date_ranges_are_described_for_people():
    assert describe_date_range(parse_date_range("2016-03")) == "March 2016"
    assert describe_date_range(parse_date_range("2010..2012")) == "2010 to 2012"
    assert describe_date_range(parse_date_range("2016-06..")) == "since June 2016"


@pytest.mark.parametrize(
    ("query", "canonical", "notice"),
    [
        ('"unbalanced', '"unbalanced"', "quote was left open"),
        ("AND", "", "AND needs words on both sides"),
        ("a OR", "a", "OR needs words on both sides"),
        ("((a", "a", "bracket was left open"),
        ("a)", "a", "closing bracket had no opening one"),
        ("NOT", "", "NOT and - need a word"),
        ("speaker:", "", "speaker: needs a value"),
        ("a OR speaker:X", "a speaker:X", "Filters apply to the whole search"),
    ],
)
def test_a_query_that_cannot_be_parsed_is_read_leniently_with_a_notice(query, canonical, notice):
    parsed = parse_query(query)

    assert parsed.canonical() == canonical
    assert any(notice in text for text in parsed.notices), parsed.notices


def test_a_long_query_is_cut_at_a_word_boundary_with_a_notice():
    parsed = parse_query("word " * 200)

    assert len(parsed.canonical()) <= MAX_QUERY_LENGTH
    assert parsed.canonical().endswith("word")
    assert "cut to its first 500 characters" in parsed.notices[0]


def test_deep_brackets_do_not_exhaust_the_parser():
    parsed = parse_query("(" * 400 + "a" + ")" * 400)

    assert parsed.words == ["a"]


def test_the_canonical_form_puts_filters_after_the_words_in_a_fixed_order():
    parsed = parse_query('date:2016 topic:Syria  NOT  ISIS  speaker:"Peter Neumann" AND border')

    assert parsed.canonical() == '-ISIS border speaker:"Peter Neumann" topic:Syria date:2016'


def test_a_filter_added_to_words_joined_by_or_applies_to_them_all_without_a_notice():
    narrowed = parse_query("tariffs OR trade").with_filter(Filter("speaker", "Ann Lee"))

    assert narrowed.canonical() == '(tariffs OR trade) speaker:"Ann Lee"'
    assert parse_query(narrowed.canonical()).notices == ()
    assert parse_query("tariffs OR trade").canonical() == "tariffs OR trade"


def test_adding_a_date_replaces_the_dates_already_chosen():
    parsed = parse_query("border date:2010..2020 -date:2015")

    narrowed = parsed.with_filter(Filter("date", "2016"))

    assert narrowed.canonical() == "border date:2016 -date:2015"


def test_removing_a_filter_keeps_the_rest():
    parsed = parse_query("border speaker:A topic:B")

    assert parsed.without(Filter("speaker", "A")).canonical() == "border topic:B"


def test_chips_name_their_filter_for_people():
    labels = [
        f.label for f in parse_query('speaker:"Peter Neumann" -topic:Syria date:2016-03').filters
    ]

    assert labels == ["Speaker: Peter Neumann", "Not topic: Syria", "Date: March 2016"]


pieces = list('ab Z()"-*:: \t.é“') + ["AND", "OR", "NOT", "speaker:", "date:", "201", "6-0"]
queries = st.lists(st.sampled_from(pieces), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(queries)
def test_any_text_parses_and_its_canonical_form_is_stable(text):
    canonical = parse_query(text).canonical()

    assert parse_query(canonical).canonical() == canonical
    assert parse_query(canonical).notices == ()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=800))
def test_any_unicode_text_parses_within_the_length_bound(text):
    parsed = parse_query(text)

    assert len(parsed.canonical()) <= MAX_QUERY_LENGTH + 2 * len(parsed.filters) + 10
