"""MinHash signatures of passages, so that near-identical ones are found without comparing all pairs.

A passage is a sentence (see `text.passages`); its shingles are its overlapping runs of three
words, compared case- and punctuation-blind. Two passages whose shingle sets have a Jaccard
similarity of at least THRESHOLD say the same thing in nearly the same words.
"""

from datasketch import LeanMinHash, MinHash, MinHashLSH

from .text import Span

NUM_PERM = 64
THRESHOLD = 0.6
SHINGLE_WORDS = 3


def shingles(span: Span) -> set[bytes]:
    """The passage's overlapping three-word runs."""
    norms = [word.norm for word in span.words]
    return {
        " ".join(norms[i : i + SHINGLE_WORDS]).encode()
        for i in range(max(len(norms) - SHINGLE_WORDS + 1, 1))
    }


def signature(found: set[bytes]) -> LeanMinHash:
    """The MinHash signature of a set of shingles."""
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(list(found))
    return LeanMinHash(minhash)


def similarity(a: set[bytes], b: set[bytes]) -> float:
    """The exact Jaccard similarity of two shingle sets, to confirm what the LSH proposes."""
    return len(a & b) / len(a | b) if a or b else 0.0


def new_index() -> MinHashLSH:
    """An empty LSH index proposing passages likely to be at least THRESHOLD alike."""
    return MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
