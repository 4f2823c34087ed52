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
    (0.12258, 0.1),
    (0.16368, 0.112),
    (0.20526, 0.189),
    (0.25511, 0.189),
    (0.31931, 0.22),
    (0.40437, 0.297),
    (0.49882, 0.362),
    (0.58436, 0.406),
    (0.67519, 0.416),
    (0.77466, 0.463),
    (0.8626, 0.52),
    (0.92723, 0.581),
    (0.96395, 0.595),
    (0.99524, 0.603),
    # Above 0.995 the tuning fit had too few distinct posteriors to resolve; these two knots are
    # the accuracy the full benchmark observed for posteriors just under 1 and equal to 1.
    (0.99999, 0.70),
    (1.0, 0.84),
)


def calibrated(posterior: float, attribution: str) -> float:
    """The confidence to report for a turn whose chosen speaker had this posterior."""
    if attribution == "label":
        return 1.0 if posterior >= 0.999 else posterior
    for (x0, y0), (x1, y1) in zip(_TABLE, _TABLE[1:], strict=False):
        if posterior <= x1:
            return y0 + (y1 - y0) * (posterior - x0) / (x1 - x0 or 1.0)
    return _TABLE[-1][1]
