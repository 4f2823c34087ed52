"""From the engine's posterior probability to a confidence that means what it says.

The posterior of a linear-chain model is overconfident: among inferred turns whose posterior is
0.95, far fewer than 95 in 100 are right. `bench/attribution.py --calibrate --formats
'scraped,srt>>,pasted,restyled,guests'` measures, on the tuning split of the corpus, how often
inferred turns with a given posterior are right in the shapes without a label on every turn, and
the table below is that measurement (isotonic, interpolated linearly between knots); an
automatic transcript's named voices have their own figure.
A label printed on the turn is certain; a label printed near it keeps the model's posterior.
"""

from __future__ import annotations

# (posterior, observed accuracy) knots, increasing in both.
_TABLE: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (0.14031, 0.174),
    (0.21962, 0.247),
    (0.28569, 0.29),
    (0.3503, 0.348),
    (0.41501, 0.388),
    (0.48122, 0.425),
    (0.54444, 0.484),
    (0.60749, 0.5),
    (0.67249, 0.554),
    (0.7371, 0.623),
    (0.79404, 0.647),
    (0.84246, 0.649),
    (0.88181, 0.697),
    (0.9139, 0.72),
    (0.93783, 0.747),
    (0.95534, 0.773),
    (0.96846, 0.787),
    (0.9783, 0.806),
    (0.98624, 0.829),
    (0.99214, 0.881),
    # Above 0.995 the tuning fit has too few distinct posteriors to resolve; these knots are the
    # accuracy the benchmark observed for posteriors in [0.995, 0.999) (92.4% of 4,664 turns),
    # in [0.999, 1) (93.5% of 2,542) and at 1 (96.7% of 4,433).
    (0.997, 0.924),
    (0.9995, 0.935),
    (1.0, 0.967),
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
