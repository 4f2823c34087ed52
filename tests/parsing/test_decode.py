"""The decoder's memory: what one block needs, not what all of them do."""

import itertools
import tracemalloc

import numpy as np

from interviews.parsing.decode import Chain


def test_a_long_transcript_with_many_hosts_and_guests_decodes_in_bounded_memory():
    hosts, guests = list(range(10)), list(range(10, 20))
    chain = Chain(21, hosts, guests, continuity=1.0)
    blocks = 800
    table = [[0.1 * ((a + b) % 3) for b in range(21)] for a in range(21)]
    emit = [[float((i * 7 + s) % 5) for s in range(21)] for i in range(blocks)]
    trans = [None] + [table] * (blocks - 1)
    follow = [(0.0, 0.0)] * blocks

    tracemalloc.start()
    marginals = chain.posteriors(emit, trans, follow)
    path = chain.best_path(emit, trans, follow)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert len(marginals) == len(path) == blocks
    # Every block's expanded transition matrix at once took 800 x 221^2 floats: 310 MB.
    assert peak < 40 * 2**20, f"{peak / 2**20:.0f} MB"


def test_posteriors_and_best_path_are_those_of_every_speaker_sequence_scored_in_full():
    # Two hosts, two guests and an anchor over five blocks: each of the 5^5 speaker sequences
    # walks one path of expanded states (the memory follows from who spoke), scored by the
    # chain's own matrices; the decoder must agree with all of them summed and compared.
    chain = Chain(5, [0, 1], [2, 3], continuity=0.7, recalled=[{}, {}, {0: 0.4}, {}, {}])
    rng = np.random.default_rng(3)
    blocks = 5
    emit = rng.normal(size=(blocks, 5)).tolist()
    trans = [None] + [rng.normal(size=(5, 5)).tolist() for _ in range(blocks - 1)]
    follow = [(0.0, 0.0), (0.5, -0.5), (0.0, 0.0), (0.3, -0.2), (0.5, -0.5)]
    rows = np.asarray(emit)[:, chain.speaker]
    rows[2, (chain.last_host != 0) & (chain.last_host != -1)] -= 0.4
    totals = np.zeros((blocks, 5))
    best, best_score = None, -np.inf
    for speakers in itertools.product(range(5), repeat=blocks):
        starts = [e for e in np.flatnonzero(chain.speaker == speakers[0]) if chain.start[e] == 0]
        state, score = starts[0], rows[0, starts[0]]
        for i in range(1, blocks):
            allowed = (chain.structure[state] > -1e8) & (chain.speaker == speakers[i])
            nxt = int(np.flatnonzero(allowed)[0])
            same, other = follow[i]
            score += (
                trans[i][speakers[i - 1]][speakers[i]]
                + chain.structure[state, nxt]
                + same * chain.follow_same[state, nxt]
                + other * chain.follow_other[state, nxt]
                + rows[i, nxt]
            )
            state = nxt
        weight = np.exp(score)
        for i, speaker in enumerate(speakers):
            totals[i, speaker] += weight
        if score > best_score:
            best, best_score = list(speakers), score
    expected = totals / totals.sum(axis=1, keepdims=True)

    assert np.allclose(chain.posteriors(emit, trans, follow), expected, atol=1e-9)
    assert chain.best_path(emit, trans, follow) == best
