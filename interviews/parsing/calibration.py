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
    (0.20628, 0.136),
    (0.33531, 0.209),
    (0.43402, 0.215),
    (0.59526, 0.287),
    (0.72775, 0.33),
    (0.77994, 0.345),
    (0.82429, 0.345),
    (0.87957, 0.373),
    (0.92149, 0.403),
    (0.94123, 0.438),
    (0.96216, 0.481),
    (0.97639, 0.494),
    (0.98489, 0.51),
    (0.99047, 0.59),
    (0.9933, 0.64),
    # Above 0.995 the tuning fit has too few distinct posteriors to resolve; these two knots are
    # the accuracy the full benchmark observed for posteriors in [0.995, 1) and equal to 1.
    (0.9975, 0.681),
    (1.0, 0.853),
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
