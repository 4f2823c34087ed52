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
    (0.19613, 0.215),
    (0.30894, 0.263),
    (0.39578, 0.294),
    (0.47239, 0.335),
    (0.57312, 0.361),
    (0.66308, 0.373),
    (0.71496, 0.397),
    (0.80706, 0.445),
    (0.88417, 0.469),
    (0.91168, 0.489),
    (0.93484, 0.511),
    (0.95294, 0.524),
    (0.96665, 0.608),
    (0.97706, 0.627),
    (0.9843, 0.654),
    (0.99127, 0.706),
    # Above 0.995 the tuning fit has too few distinct posteriors to resolve; these knots are the
    # accuracy the full benchmark observed for posteriors in [0.995, 0.999), [0.999, 1) and 1.
    (0.997, 0.739),
    (0.9995, 0.781),
    (1.0, 0.916),
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
