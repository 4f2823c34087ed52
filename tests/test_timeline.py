import datetime

from interviews.search.query import ParsedQuery, parse_query
from interviews.search.timeline import Bucket, bucket_unit, buckets_from_counts, timeline_chart

D = datetime.date


def test_two_years_or_less_are_counted_by_month_and_longer_ranges_by_year():
    assert bucket_unit(D(2015, 1, 1), D(2016, 12, 31)) == "month"
    assert bucket_unit(D(2010, 1, 1), D(2016, 12, 31)) == "year"


def test_every_bucket_of_the_range_is_present_even_when_empty():
    buckets = buckets_from_counts({D(2016, 1, 1): 3}, D(2015, 6, 1), D(2017, 2, 1), "year")

    assert buckets == [
        Bucket(D(2015, 1, 1), D(2015, 12, 31), 0),
        Bucket(D(2016, 1, 1), D(2016, 12, 31), 3),
        Bucket(D(2017, 1, 1), D(2017, 12, 31), 0),
    ]


def test_months_end_on_their_last_day_across_a_new_year():
    buckets = buckets_from_counts({}, D(2015, 12, 3), D(2016, 2, 1), "month")

    assert [(b.start, b.end) for b in buckets] == [
        (D(2015, 12, 1), D(2015, 12, 31)),
        (D(2016, 1, 1), D(2016, 1, 31)),
        (D(2016, 2, 1), D(2016, 2, 29)),
    ]


def test_bars_scale_to_the_peak_keep_small_counts_visible_and_link_to_their_dates():
    buckets = buckets_from_counts(
        {D(2014, 1, 1): 1, D(2016, 1, 1): 400}, D(2014, 1, 1), D(2016, 1, 1), "year"
    )

    chart = timeline_chart(buckets, "year", base=parse_query("gang date:2010..2020"))

    small, empty, peak = chart.bars
    assert peak.height == chart.height and peak.y == 0
    assert 0 < small.height < 5
    assert empty.height == 0
    assert peak.q == "gang date:2016"
    assert [bar.label for bar in chart.bars] == ["2014", "2015", "2016"]


def test_a_month_bar_narrows_to_its_month():
    buckets = buckets_from_counts({D(2016, 3, 1): 2}, D(2016, 3, 1), D(2016, 3, 1), "month")

    chart = timeline_chart(buckets, "month", base=ParsedQuery())

    assert chart.bars[0].q == "date:2016-03"
    assert chart.bars[0].label == "Mar 2016"


def test_no_chart_is_drawn_when_nothing_was_counted():
    buckets = buckets_from_counts({}, D(2016, 1, 1), D(2016, 3, 1), "month")

    assert timeline_chart(buckets, "month", base=ParsedQuery()) is None
