"""Exact inference over speaker sequences: posteriors (forward-backward) and the best path.

Scores are log-potentials: `emit[i][s]` for speaker s on block i, `trans[i][a][b]` for a then b
between blocks i-1 and i. The chain also remembers which host last spoke, so a debate whose
moderators take turns by segment keeps giving the floor back to the same moderator: a host
speaking again scores `continuity` when they are the last host, minus `continuity` when another
host was. Only the host memory is added to the state, so the cost stays linear in the number of
blocks and quadratic in the number of speakers.
"""

from __future__ import annotations

import math

NEG = -1e9
_NONE = -1


class Chain:
    """The expanded state space: (speaker, last host) pairs for the given host speakers."""

    def __init__(self, n_states: int, hosts: list[int], continuity: float) -> None:
        self.n = n_states
        self.hosts = set(hosts) if len(hosts) > 1 and continuity else set()
        self.continuity = continuity
        memories = [_NONE] + sorted(self.hosts)
        self.states: list[tuple[int, int]] = []
        for s in range(n_states):
            if s in self.hosts:
                self.states.append((s, s))
            else:
                self.states.extend((s, m) for m in memories)
        self.index = {state: e for e, state in enumerate(self.states)}
        self.with_memory: dict[int, list[int]] = {m: [] for m in memories}
        for e, (_, m) in enumerate(self.states):
            self.with_memory[m].append(e)

    def _successor(self, memory: int, b: int) -> int:
        return self.index[(b, b) if b in self.hosts else (b, memory)]

    def _bonus(self, memory: int, b: int) -> float:
        if b not in self.hosts or memory == _NONE:
            return 0.0
        return self.continuity if memory == b else -self.continuity

    def _incoming(self, e: int) -> list[int]:
        b, memory = self.states[e]
        return list(range(len(self.states))) if b in self.hosts else self.with_memory[memory]

    def posteriors(self, emit: list[list[float]], trans: list) -> list[list[float]]:
        """P(speaker of block i = s | everything), for every block and speaker."""
        n, states = len(emit), self.states
        size = len(states)
        alpha = [[emit[0][s] if m == _NONE or s in self.hosts else NEG for s, m in states]]
        incoming = [self._incoming(e) for e in range(size)]
        for i in range(1, n):
            table, prev, row_emit = trans[i], alpha[-1], emit[i]
            row = []
            for e in range(size):
                b, _ = states[e]
                terms = [prev[p] + table[states[p][0]][b] + self._bonus(states[p][1], b)
                         for p in incoming[e]]
                row.append(row_emit[b] + _logsumexp(terms))
            alpha.append(row)
        beta = [[0.0] * size for _ in range(n)]
        for i in range(n - 2, -1, -1):
            table, nxt, row_emit = trans[i + 1], beta[i + 1], emit[i + 1]
            row = []
            for a, memory in states:
                terms = []
                for b in range(self.n):
                    f = self._successor(memory, b)
                    terms.append(table[a][b] + self._bonus(memory, b) + row_emit[b] + nxt[f])
                row.append(_logsumexp(terms))
            beta[i] = row
        result = []
        for i in range(n):
            joint = [alpha[i][e] + beta[i][e] for e in range(size)]
            total = _logsumexp(joint)
            marginal = [0.0] * self.n
            for e, value in enumerate(joint):
                if value > NEG / 2:
                    marginal[states[e][0]] += math.exp(value - total)
            result.append(marginal)
        return result

    def best_path(self, emit: list[list[float]], trans: list) -> list[int]:
        """The single most likely speaker sequence (Viterbi)."""
        n, states = len(emit), self.states
        size = len(states)
        score = [emit[0][s] if m == _NONE or s in self.hosts else NEG for s, m in states]
        incoming = [self._incoming(e) for e in range(size)]
        back: list[list[int]] = []
        for i in range(1, n):
            table, row_emit = trans[i], emit[i]
            row, pointers = [], []
            for e in range(size):
                b, _ = states[e]
                best, best_score = -1, NEG * 2
                for p in incoming[e]:
                    value = score[p] + table[states[p][0]][b] + self._bonus(states[p][1], b)
                    if value > best_score:
                        best, best_score = p, value
                pointers.append(best)
                row.append(best_score + row_emit[b])
            score = row
            back.append(pointers)
        e = max(range(size), key=lambda x: score[x])
        path = [e]
        for pointers in reversed(back):
            e = pointers[e]
            path.append(e)
        return [states[e][0] for e in reversed(path)]


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top <= NEG / 2:
        return NEG
    return top + math.log(sum(math.exp(v - top) for v in values))
