"""Exact inference over speaker sequences: posteriors (forward-backward) and the best path.

Scores are log-potentials: `emit[i][s]` for speaker s on block i, `trans[i][a][b]` for a then b
between blocks i-1 and i. The chain also remembers which host last spoke, so a debate whose
moderators take turns by segment keeps giving the floor back to the same moderator: a host
speaking again scores `continuity` when they are the last host, minus `continuity` when another
host was. Only the host memory is added to the state, so the cost stays linear in the number of
blocks and quadratic in the number of expanded states; numpy does the inner products.
"""

from __future__ import annotations

import numpy as np

NEG = -1e9
_NONE = -1


class Chain:
    """The expanded state space: (speaker, last host) pairs for the given host speakers."""

    def __init__(self, n_states: int, hosts: list[int], continuity: float) -> None:
        self.n = n_states
        host_set = set(hosts) if len(hosts) > 1 and continuity else set()
        memories = [_NONE, *sorted(host_set)]
        states: list[tuple[int, int]] = []
        for s in range(n_states):
            if s in host_set:
                states.append((s, s))
            else:
                states.extend((s, m) for m in memories)
        self.speaker = np.array([s for s, _ in states], dtype=np.intp)
        size = len(states)
        # structure[p, e]: the score of moving from expanded state p to e, NEG where the memory
        # would not follow (only a host speaking changes the remembered host).
        self.structure = np.full((size, size), NEG)
        for p, (_, memory) in enumerate(states):
            for e, (b, own_memory) in enumerate(states):
                follows = own_memory == (b if b in host_set else memory)
                if not follows:
                    continue
                bonus = 0.0
                if b in host_set and memory != _NONE:
                    bonus = continuity if memory == b else -continuity
                self.structure[p, e] = bonus
        self.start = np.array(
            [0.0 if m == _NONE or s in host_set else NEG for s, m in states], dtype=float
        )

    def _expanded(self, emit: list[list[float]], trans: list) -> tuple[np.ndarray, list]:
        rows = np.asarray(emit, dtype=float)[:, self.speaker]
        steps = [None]
        for table in trans[1:]:
            speaker_scores = np.asarray(table, dtype=float)[np.ix_(self.speaker, self.speaker)]
            steps.append(speaker_scores + self.structure)
        return rows, steps

    def posteriors(self, emit: list[list[float]], trans: list) -> list[list[float]]:
        """P(speaker of block i = s | everything), for every block and speaker."""
        rows, steps = self._expanded(emit, trans)
        n = len(rows)
        alpha = np.empty_like(rows)
        alpha[0] = rows[0] + self.start
        for i in range(1, n):
            alpha[i] = rows[i] + _logsumexp(alpha[i - 1][:, None] + steps[i], axis=0)
        beta = np.zeros_like(rows)
        for i in range(n - 2, -1, -1):
            beta[i] = _logsumexp(steps[i + 1] + (rows[i + 1] + beta[i + 1])[None, :], axis=1)
        joint = alpha + beta
        joint -= joint.max(axis=1, keepdims=True)
        weights = np.exp(joint)
        weights /= weights.sum(axis=1, keepdims=True)
        marginals = np.zeros((n, self.n))
        np.add.at(marginals.T, self.speaker, weights.T)
        return marginals.tolist()

    def best_path(self, emit: list[list[float]], trans: list) -> list[int]:
        """The single most likely speaker sequence (Viterbi)."""
        rows, steps = self._expanded(emit, trans)
        score = rows[0] + self.start
        back = []
        for i in range(1, len(rows)):
            candidates = score[:, None] + steps[i]
            pointers = candidates.argmax(axis=0)
            back.append(pointers)
            score = candidates[pointers, np.arange(len(pointers))] + rows[i]
        e = int(score.argmax())
        path = [e]
        for pointers in reversed(back):
            e = int(pointers[e])
            path.append(e)
        return [int(self.speaker[e]) for e in reversed(path)]


def _logsumexp(values: np.ndarray, axis: int) -> np.ndarray:
    top = values.max(axis=axis, keepdims=True)
    top = np.where(top <= NEG / 2, 0.0, top)
    with np.errstate(divide="ignore"):  # a column of impossible moves sums to 0: log gives -inf
        total = np.log(np.exp(values - top).sum(axis=axis, keepdims=True)) + top
    return np.squeeze(np.maximum(total, NEG), axis=axis)
