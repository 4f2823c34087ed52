"""The decoder's memory: what one block needs, not what all of them do."""

import tracemalloc

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
