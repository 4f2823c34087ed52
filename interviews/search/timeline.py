"""Matches over time: buckets of a date range, and the bar chart drawn from them.

Pure: the search service fills the buckets from the engine's date facet, the speaker page from
the database; both are drawn by `templates/jinja2/interviews/_timeline.html` from a `Chart`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from interviews.search.query import DateRange, Filter, ParsedQuery, render_date_range

# A range this long or shorter is counted by month; longer ranges by year.
MONTHS_UP_TO_DAYS = 2 * 366

CHART_WIDTH = 640
CHART_HEIGHT = 102


@dataclass(frozen=True)
class Bucket:
    start: datetime.date
    end: datetime.date  # inclusive
    count: int

    @property
    def date_value(self) -> str:
        """The `date:` filter value that narrows a search to this bucket."""
        return render_date_range(DateRange(self.start, self.end))


def bucket_unit(start: datetime.date, end: datetime.date) -> str:
    """ "month" for a range within about two years, "year" beyond."""
    return "month" if (end - start).days <= MONTHS_UP_TO_DAYS else "year"


def bucket_after(day: datetime.date, unit: str) -> datetime.date:
    """The first day of the year or month after the one holding `day`."""
    if unit == "year":
        return datetime.date(day.year + 1, 1, 1)
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def bucket_starts(start: datetime.date, end: datetime.date, unit: str) -> list[datetime.date]:
    """The first day of every year or month from `start`'s to `end`'s."""
    day = datetime.date(start.year, 1, 1) if unit == "year" else start.replace(day=1)
    starts = []
    while day <= end:
        starts.append(day)
        day = bucket_after(day, unit)
    return starts


def buckets_from_counts(
    counts: dict[datetime.date, int], start: datetime.date, end: datetime.date, unit: str
) -> list[Bucket]:
    """Every bucket of the range, empty ones included, from counts keyed by bucket start."""
    return [
        Bucket(day, bucket_after(day, unit) - datetime.timedelta(days=1), counts.get(day, 0))
        for day in bucket_starts(start, end, unit)
    ]


@dataclass(frozen=True)
class Bar:
    bucket: Bucket
    label: str
    q: str  # the search narrowed to this bucket
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    unit: str
    bars: list[Bar]
    total: int
    peak: int
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT

    @property
    def axis_labels(self) -> list[Bar]:
        """The bars whose label is printed under the axis: about eight, evenly spread."""
        step = max(1, round(len(self.bars) / 8))
        return self.bars[::step]

    @property
    def first(self) -> Bucket | None:
        return self.bars[0].bucket if self.bars else None

    @property
    def last(self) -> Bucket | None:
        return self.bars[-1].bucket if self.bars else None


def _label(bucket: Bucket, unit: str) -> str:
    return str(bucket.start.year) if unit == "year" else f"{bucket.start:%b %Y}"


def timeline_chart(buckets: list[Bucket], unit: str, *, base: ParsedQuery) -> Chart | None:
    """Bars scaled to the largest bucket, each linking to `base` narrowed to its dates;
    None when nothing was counted."""
    total = sum(bucket.count for bucket in buckets)
    if not total:
        return None
    peak = max(bucket.count for bucket in buckets)
    plot = CHART_HEIGHT
    slot = CHART_WIDTH / len(buckets)
    gap = min(2.0, slot * 0.2)
    bars = []
    for i, bucket in enumerate(buckets):
        # A bucket with any match stays visible, however small next to the peak.
        height = max(2.0, plot * bucket.count / peak) if bucket.count else 0.0
        bars.append(
            Bar(
                bucket=bucket,
                label=_label(bucket, unit),
                q=base.with_filter(Filter("date", bucket.date_value)).canonical(),
                x=round(i * slot + gap / 2, 2),
                y=round(plot - height, 2),
                width=round(slot - gap, 2),
                height=round(height, 2),
            )
        )
    return Chart(unit=unit, bars=bars, total=total, peak=peak)
