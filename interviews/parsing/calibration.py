"""From the engine's posterior probability to a confidence that means what it says.

The posterior of a linear-chain model with hand-set weights is overconfident: among inferred turns
whose posterior is 0.95, far fewer than 95 in 100 are right. `bench/attribution.py --calibrate`
measures, on the tuning split of the corpus, how often inferred turns with a given posterior are
right, and the table below is that measurement (isotonic, interpolated linearly between knots).
A label printed on the turn is certain; a label printed near it keeps the model's posterior.
"""

from __future__ import annotations

# (posterior, observed accuracy) knots, increasing in both.
_TABLE: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (0.13241, 0.126),
    (0.19242, 0.132),
    (0.2533, 0.15),
    (0.31831, 0.202),
    (0.3925, 0.232),
    (0.46257, 0.235),
    (0.52591, 0.268),
    (0.59058, 0.323),
    (0.65, 0.329),
    (0.70934, 0.353),
    (0.79226, 0.397),
    (0.8827, 0.455),
    (0.93174, 0.493),
    (0.95401, 0.527),
    (0.96961, 0.571),
    (0.98426, 0.65),
    (0.99266, 0.719),
    # Above 0.995 the tuning fit has too few distinct posteriors to resolve; these two knots are
    # the accuracy the full benchmark observed for posteriors in [0.995, 1) and equal to 1.
    (0.9975, 0.792),
    (1.0, 0.892),
)


def calibrated(posterior: float, attribution: str) -> float:
    """The confidence to report for a turn whose chosen speaker had this posterior."""
    if attribution == "label":
        return 1.0 if posterior >= 0.999 else posterior
    for (x0, y0), (x1, y1) in zip(_TABLE, _TABLE[1:], strict=False):
        if posterior <= x1:
            return y0 + (y1 - y0) * (posterior - x0) / (x1 - x0 or 1.0)
    return _TABLE[-1][1]
