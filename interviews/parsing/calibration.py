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
    (0.1917, 0.111),
    (0.31257, 0.173),
    (0.39434, 0.221),
    (0.47531, 0.221),
    (0.54528, 0.262),
    (0.6097, 0.283),
    (0.67426, 0.286),
    (0.73689, 0.294),
    (0.78665, 0.324),
    (0.86957, 0.359),
    (0.93168, 0.377),
    (0.95109, 0.448),
    (0.96517, 0.496),
    (0.97635, 0.511),
    (0.98418, 0.55),
    (0.98964, 0.555),
    (0.99316, 0.614),
    # Above 0.995 the tuning fit has too few distinct posteriors to resolve; these two knots are
    # the accuracy the full benchmark observed for posteriors in [0.995, 1) and equal to 1.
    (0.9975, 0.679),
    (1.0, 0.853),
)


def calibrated(posterior: float, attribution: str) -> float:
    """The confidence to report for a turn whose chosen speaker had this posterior."""
    if attribution == "label":
        return 1.0 if posterior >= 0.999 else posterior
    for (x0, y0), (x1, y1) in zip(_TABLE, _TABLE[1:], strict=False):
        if posterior <= x1:
            return y0 + (y1 - y0) * (posterior - x0) / (x1 - x0 or 1.0)
    return _TABLE[-1][1]
