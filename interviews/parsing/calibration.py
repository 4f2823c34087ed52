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
    (0.12569, 0.199),
    (0.19235, 0.218),
    (0.25033, 0.262),
    (0.30741, 0.337),
    (0.37162, 0.401),
    (0.44212, 0.488),
    (0.51452, 0.519),
    (0.58394, 0.531),
    (0.65732, 0.587),
    (0.73213, 0.684),
    (0.79861, 0.691),
    (0.85146, 0.717),
    (0.8941, 0.726),
    (0.93747, 0.795),
    (0.96246, 0.823),
    (0.9733, 0.845),
    (0.98462, 0.871),
    (0.99262, 0.926),
    # Above 0.995 the tuning fit has too few distinct posteriors to resolve; these knots are the
    # accuracy the full benchmark observed for posteriors in [0.995, 1), pooled as its two
    # buckets there were not in order (93.9% of 2,894 turns, then 92.6% of 1,591), and at 1.
    (0.998, 0.934),
    (1.0, 0.973),
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
