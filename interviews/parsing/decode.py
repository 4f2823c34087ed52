"""Exact inference over speaker sequences: posteriors (forward-backward) and the best path.

Scores are log-potentials: `emit[i][s]` for speaker s on block i, `trans[i][a][b]` for a then b
between blocks i-1 and i. The chain also remembers, for each speaker, the last speaker of the other
side: a host remembers which guest spoke last, a guest which host. So a debate whose moderators
take turns by segment keeps giving the floor back to the same moderator (a host speaking again
scores `continuity` when they are the last host, minus `continuity` when another host was), and
a host's follow-up is answered by the guest they were talking with (a guest speaking after a
host scores `follow[i][0]` when they are the last guest, `follow[i][1]` when another guest is).
Speakers on neither side (an anchor, an audience member) forget both. The text may tell who the
last host was at a block (`recalled[i]`, from "Lester, thank you." said after it): states that
remember another host there lose that host's score. The cost stays linear in
the number of blocks and quadratic in the number of expanded states; numpy does the inner
products.
"""

from __future__ import annotations

import numpy as np

NEG = -1e9
_NONE = -1


class Chain:
    """The expanded state space: (speaker, last host, last guest) for the given sides."""

    def __init__(
        self,
        n_states: int,
        hosts: list[int],
        guests: list[int],
        continuity: float,
        recalled: list[dict[int, float]] | None = None,
    ) -> None:
        self.n = n_states
        self.recalled = recalled or []
        host_side, guest_side = set(hosts), set(guests)
        remembered_hosts = host_side if len(hosts) > 1 and continuity else set()
        remembered_guests = guest_side if len(guests) > 1 else set()
        states: list[tuple[int, int, int]] = []
        for s in range(n_states):
            if s in host_side:
                own = s if s in remembered_hosts else _NONE
                states.extend((s, own, g) for g in [_NONE, *sorted(remembered_guests)])
            elif s in guest_side:
                own = s if s in remembered_guests else _NONE
                states.extend((s, h, own) for h in [_NONE, *sorted(remembered_hosts)])
            else:
                states.append((s, _NONE, _NONE))
        self.speaker = np.array([s for s, _, _ in states], dtype=np.intp)
        self.last_host = np.array([h for _, h, _ in states], dtype=np.intp)
        size = len(states)
        # structure[p, e]: the score of moving from expanded state p to e, NEG where the memory
        # would not follow. follow_same / follow_other: 1 where a guest speaks after a host who
        # remembers a guest, and it is / is not that guest.
        self.structure = np.full((size, size), NEG)
        self.follow_same = np.zeros((size, size))
        self.follow_other = np.zeros((size, size))
        for p, (a, last_host, last_guest) in enumerate(states):
            for e, (b, own_host, own_guest) in enumerate(states):
                if b in host_side and own_guest != last_guest:
                    continue
                if b in guest_side and own_host != last_host:
                    continue
                bonus = 0.0
                if b in remembered_hosts and last_host != _NONE:
                    bonus = continuity if last_host == b else -continuity
                self.structure[p, e] = bonus
                if b in remembered_guests and a in host_side and last_guest != _NONE:
                    (self.follow_same if last_guest == b else self.follow_other)[p, e] = 1.0
        self.start = np.array(
            [0.0 if h in (_NONE, s) and g in (_NONE, s) else NEG for s, h, g in states]
        )

    def _expanded(self, emit: list[list[float]], trans: list, follow: list) -> tuple:
        """The expanded emission rows, and a function giving block i's transition matrix: made
        when asked, as all of them at once would take blocks x states^2 of memory (gigabytes for
        a long transcript that names many people)."""
        rows = np.asarray(emit, dtype=float)[:, self.speaker]
        for i, hosts in enumerate(self.recalled):
            for host, score in hosts.items():
                rows[i, (self.last_host != host) & (self.last_host != _NONE)] -= score
        # A block's follow-up scores are one of few pairs (none, or this round's): one matrix each.
        follow_ups: dict[tuple[float, float], np.ndarray] = {}

        def step(i: int) -> np.ndarray:
            scores = follow[i]
            if scores not in follow_ups:
                same, other = scores
                follow_ups[scores] = same * self.follow_same + other * self.follow_other
            table = np.asarray(trans[i], dtype=float)[np.ix_(self.speaker, self.speaker)]
            return table + self.structure + follow_ups[scores]

        return rows, step

    def posteriors(self, emit: list[list[float]], trans: list, follow: list) -> list[list[float]]:
        """P(speaker of block i = s | everything), for every block and speaker."""
        rows, step = self._expanded(emit, trans, follow)
        n = len(rows)
        alpha = np.empty_like(rows)
        alpha[0] = rows[0] + self.start
        for i in range(1, n):
            alpha[i] = rows[i] + _logsumexp(alpha[i - 1][:, None] + step(i), axis=0)
        beta = np.zeros_like(rows)
        for i in range(n - 2, -1, -1):
            beta[i] = _logsumexp(step(i + 1) + (rows[i + 1] + beta[i + 1])[None, :], axis=1)
        joint = alpha + beta
        joint -= joint.max(axis=1, keepdims=True)
        weights = np.exp(joint)
        weights /= weights.sum(axis=1, keepdims=True)
        marginals = np.zeros((n, self.n))
        np.add.at(marginals.T, self.speaker, weights.T)
        return marginals.tolist()

    def best_path(self, emit: list[list[float]], trans: list, follow: list) -> list[int]:
        """The single most likely speaker sequence (Viterbi)."""
        rows, step = self._expanded(emit, trans, follow)
        score = rows[0] + self.start
        back = []
        for i in range(1, len(rows)):
            candidates = score[:, None] + step(i)
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
