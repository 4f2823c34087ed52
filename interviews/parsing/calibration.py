"""From the engine's posterior probability to a confidence that means what it says.

The posterior of a linear-chain model is overconfident: among inferred turns whose posterior is
0.95, far fewer than 95 in 100 are right. `bench/attribution.py --calibrate --formats
scraped,srt>>` measures, on the tuning split of the corpus, how often inferred turns with a given
posterior are right in the shapes without a label on every turn, and the table below is that
measurement (isotonic, interpolated linearly between knots); an automatic transcript's named
voices have their own figure.
A label printed on the turn is certain; a label printed near it keeps the model's posterior.
"""

from __future__ import annotations

# (posterior, observed accuracy) knots, increasing in both.
_TABLE: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (0.13586, 0.165),
    (0.20364, 0.221),
    (0.25136, 0.282),
    (0.29947, 0.326),
    (0.34638, 0.379),
    (0.39619, 0.415),
    (0.44913, 0.461),
    (0.50863, 0.493),
    (0.57228, 0.589),
    (0.64405, 0.613),
    (0.71506, 0.667),
    (0.78459, 0.721),
    (0.84645, 0.747),
    (0.89471, 0.772),
    (0.93016, 0.818),
    (0.95333, 0.833),
    (0.96894, 0.868),
    (0.97971, 0.877),
    (0.9876, 0.914),
    (0.9926, 0.929),
    # Above 0.995 the tuning fit has too few distinct posteriors to resolve; these knots are the
    # accuracy the full benchmark observed for posteriors in [0.995, 1), pooled as its two
    # buckets there were not in order (94.2% of 3,006 turns, then 92.6% of 1,848), and at 1.
    (0.998, 0.936),
    (1.0, 0.964),
)


# How often a numbered voice ("Speaker 2") named from the speech has the right name, whatever
# its posterior, on the tuning split of bench/attribution.py --formats diarized (73.1% of 4,579
# turns; their posteriors did not tell the right from the wrong).
VOICE_NAMED_ACCURACY = 0.73


def calibrated(posterior: float, attribution: str, *, voice: bool = False) -> float:
    """The confidence to report for a turn whose chosen speaker had this posterior."""
    if voice:
        return VOICE_NAMED_ACCURACY
    if attribution == "label":
        return 1.0 if posterior >= 0.999 else posterior
    for (x0, y0), (x1, y1) in zip(_TABLE, _TABLE[1:], strict=False):
        if posterior <= x1:
            return y0 + (y1 - y0) * (posterior - x0) / (x1 - x0 or 1.0)
    return _TABLE[-1][1]
