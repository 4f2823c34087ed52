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
the number of blocks and in the moves the memory allows (about as many as expanded states times
speakers, where all pairs of expanded states would be their square); numpy does the sums.
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
        # The moves the memory allows, a few per state among all the pairs: each block's step
        # scores only these, grouped by where they go (forward) and where they come from
        # (backward).
        sources, targets = np.nonzero(self.structure > NEG / 2)
        self.forward = _Moves(self, sources, targets, by_target=True)
        self.backward = _Moves(self, sources, targets, by_target=False)

    def _rows(self, emit: list[list[float]]) -> np.ndarray:
        """The expanded emission rows: a state that remembers another host than the one the
        text recalls at a block loses that host's score there."""
        rows = np.asarray(emit, dtype=float)[:, self.speaker]
        for i, hosts in enumerate(self.recalled):
            for host, score in hosts.items():
                rows[i, (self.last_host != host) & (self.last_host != _NONE)] -= score
        return rows

    def posteriors(self, emit: list[list[float]], trans: list, follow: list) -> list[list[float]]:
        """P(speaker of block i = s | everything), for every block and speaker."""
        rows = self._rows(emit)
        forward, backward = self.forward, self.backward
        n = len(rows)
        alpha = np.empty_like(rows)
        alpha[0] = rows[0] + self.start
        for i in range(1, n):
            moves = alpha[i - 1][forward.source] + forward.scores(trans[i], follow[i])
            alpha[i] = rows[i] + forward.logsumexp(moves)
        beta = np.zeros_like(rows)
        for i in range(n - 2, -1, -1):
            ahead = (rows[i + 1] + beta[i + 1])[backward.target]
            beta[i] = backward.logsumexp(backward.scores(trans[i + 1], follow[i + 1]) + ahead)
        joint = alpha + beta
        joint -= joint.max(axis=1, keepdims=True)
        weights = np.exp(joint)
        weights /= weights.sum(axis=1, keepdims=True)
        marginals = np.zeros((n, self.n))
        np.add.at(marginals.T, self.speaker, weights.T)
        return marginals.tolist()

    def best_path(self, emit: list[list[float]], trans: list, follow: list) -> list[int]:
        """The single most likely speaker sequence (Viterbi)."""
        rows = self._rows(emit)
        forward = self.forward
        score = rows[0] + self.start
        back = []
        for i in range(1, len(rows)):
            moves = score[forward.source] + forward.scores(trans[i], follow[i])
            best, pointers = forward.argmax(moves)
            back.append(pointers)
            score = best + rows[i]
        e = int(score.argmax())
        path = [e]
        for pointers in reversed(back):
            e = int(pointers[e])
            path.append(e)
        return [int(self.speaker[e]) for e in reversed(path)]


class _Moves:
    """The moves the memory allows between expanded states, grouped by the state they go to
    (`by_target`) or come from, each group in the order of the other end: a block's step scores
    these alone, where the whole states^2 matrix is mostly moves that cannot happen."""

    def __init__(self, chain: Chain, sources: np.ndarray, targets: np.ndarray, by_target: bool):
        keys, other = (targets, sources) if by_target else (sources, targets)
        order = np.lexsort((other, keys))
        self.source, self.target = sources[order], targets[order]
        keys = keys[order]
        self.starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        self.groups = keys[self.starts]
        self.counts = np.diff(np.r_[self.starts, len(keys)])
        self.size = len(chain.speaker)
        self.speakers = (chain.speaker[self.source], chain.speaker[self.target])
        self.structure = chain.structure[self.source, self.target]
        self.follow_same = chain.follow_same[self.source, self.target]
        self.follow_other = chain.follow_other[self.source, self.target]
        self._follow_ups: dict[tuple[float, float], np.ndarray] = {}

    def scores(self, table: list, follow: tuple[float, float]) -> np.ndarray:
        """Each move's score at a block: the speakers' transition, the memory's, a follow-up's."""
        if follow not in self._follow_ups:
            same, other = follow
            self._follow_ups[follow] = same * self.follow_same + other * self.follow_other
        return (
            np.asarray(table, dtype=float)[self.speakers]
            + self.structure
            + self._follow_ups[follow]
        )

    def logsumexp(self, values: np.ndarray) -> np.ndarray:
        """Per state, the log of the summed exponentials of its group's moves (NEG for none)."""
        top = np.maximum.reduceat(values, self.starts)
        top = np.where(top <= NEG / 2, 0.0, top)
        with np.errstate(divide="ignore"):  # moves that cannot happen sum to 0: log gives -inf
            total = np.log(
                np.add.reduceat(np.exp(values - np.repeat(top, self.counts)), self.starts)
            )
        result = np.full(self.size, NEG)
        result[self.groups] = np.maximum(total + top, NEG)
        return result

    def argmax(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per target state, the best move's score and its source (the first of equals)."""
        best = np.maximum.reduceat(values, self.starts)
        first = np.where(
            values == np.repeat(best, self.counts), np.arange(len(values)), len(values)
        )
        scores, pointers = np.full(self.size, NEG), np.zeros(self.size, dtype=np.intp)
        scores[self.groups] = best
        pointers[self.groups] = self.source[np.minimum.reduceat(first, self.starts)]
        return scores, pointers
