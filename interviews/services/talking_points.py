"""Find repeated talking points: near-identical passages said in different turns.

Every sentence of a published turn long enough to matter gets a MinHash signature in an LSH
index (datasketch), kept in `settings.TALKING_POINTS_DIR` with each turn's `modified` time, so a
re-run reads only new and changed turns. What the LSH proposes is confirmed on the exact shingle
sets, and confirmed pairs are joined (with the talking points they already belong to) into
TalkingPoint rows, so that "also said by" on a turn is one indexed lookup.
"""

import fcntl
import hashlib
import os
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import models, transaction

from interviews.models import TalkingPoint, TalkingPointPassage, Turn
from interviews.quotecheck import passages
from interviews.quotecheck.shingles import THRESHOLD, new_index, shingles, signature, similarity

STATE_FILE = "minhash-lsh.pickle"

# A passage: (turn id, start, end) character offsets into the turn's text.
Passage = tuple[int, int, int]


@dataclass(frozen=True)
class TalkingPointsResult:
    turns_read: int
    turns_dropped: int
    pairs: int
    talking_points: int


@dataclass
class _State:
    """The LSH index and, per turn indexed, its `modified` time and the passages it holds.

    `exact` maps a shingle set's digest to the first passage indexed with those shingles: a
    sentence said word for word a thousand times ("Mr. Chief Justice, and may it please the
    Court") joins its first saying directly instead of being compared with every earlier
    saying, which made the pairs grow with the square of its repeats.
    """

    lsh: object = field(default_factory=new_index)
    turns: dict[int, tuple[int, list[Passage]]] = field(default_factory=dict)
    exact: dict[str, Passage] = field(default_factory=dict)


def _load(directory: Path, *, empty: bool) -> _State:
    path = directory / STATE_FILE
    if empty or not path.exists():
        return _State()
    with open(path, "rb") as f:
        state = pickle.load(f)
    # State saved before `exact` existed: every passage in it is in the LSH index.
    state.__dict__.setdefault("exact", {})
    return state


def _save(directory: Path, state: _State) -> None:
    temporary = directory / f"{STATE_FILE}.tmp"
    with open(temporary, "wb") as f:
        pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, directory / STATE_FILE)


def _key(passage: Passage) -> str:
    return "{}:{}:{}".format(*passage)


def _passage(key: str) -> Passage:
    turn_id, start, end = (int(part) for part in key.split(":"))
    return turn_id, start, end


def _chunks(ids: Iterable[int], size: int = 5000):
    """Id lists small enough for one SQL `IN (...)` on every database."""
    ids = sorted(set(ids))
    for offset in range(0, len(ids), size):
        yield ids[offset : offset + size]


def _texts(turn_ids: Iterable[int]) -> dict[int, str]:
    texts = {}
    for chunk in _chunks(turn_ids):
        texts.update(Turn.objects.filter(pk__in=chunk).values_list("pk", "text"))
    return texts


def _find_pairs(state: _State, chunk: list[int], modified: dict[int, int]) -> list[tuple]:
    """Index the passages of the turns in `chunk`; the confirmed near-identical pairs they make."""
    texts = _texts(chunk)
    proposed: list[tuple[Passage, Passage]] = []
    sets: dict[Passage, set[bytes]] = {}
    for turn_id in chunk:
        if turn_id not in texts:
            continue
        held = []
        for span in passages(texts[turn_id]):
            passage = (turn_id, span.start, span.end)
            sets[passage] = shingles(span)
            minhash = signature(sets[passage])
            first = state.exact.setdefault(_digest(sets[passage]), passage)
            if first != passage and first[0] != turn_id:
                proposed.append((passage, first))
            else:
                proposed += [
                    (passage, _passage(other))
                    for other in state.lsh.query(minhash)
                    if _passage(other)[0] != turn_id
                ]
            state.lsh.insert(_key(passage), minhash)
            held.append(passage)
        state.turns[turn_id] = (modified[turn_id], held)

    others = _texts(other[0] for _, other in proposed if other[0] not in texts)
    texts.update(others)
    confirmed = []
    for passage, other in proposed:
        if other not in sets:
            spans = [s for s in passages(texts.get(other[0], "")) if s.start == other[1]]
            sets[other] = shingles(spans[0]) if spans else set()
        if similarity(sets[passage], sets[other]) >= THRESHOLD:
            confirmed.append((passage, other, texts[passage[0]], texts[other[0]]))
    return confirmed


def _digest(found: set[bytes]) -> str:
    return hashlib.blake2b(b"\n".join(sorted(found)), digest_size=16).hexdigest()


def _forget(state: _State, turn_ids: list[int]) -> None:
    gone = set(turn_ids)
    for turn_id in turn_ids:
        _, held = state.turns.pop(turn_id)
        for passage in held:
            state.lsh.remove(_key(passage))
    # The next saying of a forgotten first saying looks in the LSH index and becomes the first.
    state.exact = {d: first for d, first in state.exact.items() if first[0] not in gone}


def _record(pairs: list[tuple]) -> None:
    """Join confirmed pairs, and the talking points their passages already belong to, into groups."""
    parent: dict = {}

    def find(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a, b):
        parent[find(a)] = find(b)

    wording: dict[Passage, str] = {}
    for a, b, text_a, text_b in pairs:
        wording[a] = text_a[a[1] : a[2]].strip()
        wording[b] = text_b[b[1] : b[2]].strip()
        union(a, b)
    belongs = {}
    for chunk in _chunks(p[0] for p in wording):
        existing = TalkingPointPassage.objects.filter(turn_id__in=chunk)
        for turn_id, start, point in existing.values_list("turn_id", "start", "talking_point_id"):
            belongs[(turn_id, start)] = point
    for passage in wording:
        if (passage[0], passage[1]) in belongs:
            union(passage, ("point", belongs[(passage[0], passage[1])]))

    groups: dict = defaultdict(list)
    for node in list(parent):
        groups[find(node)].append(node)
    for members in groups.values():
        points = sorted(node[1] for node in members if node[0] == "point")
        new = [node for node in members if node[0] != "point"]
        if points:
            keep = points[0]
            TalkingPointPassage.objects.filter(talking_point_id__in=points[1:]).update(
                talking_point_id=keep
            )
            TalkingPoint.objects.filter(pk__in=points[1:]).delete()
        else:
            keep = TalkingPoint.objects.create(text=wording[min(new)]).pk
        TalkingPointPassage.objects.bulk_create(
            [
                TalkingPointPassage(
                    talking_point_id=keep, turn_id=p[0], start=p[1], end=p[2], text=wording[p]
                )
                for p in new
                if (p[0], p[1]) not in belongs
            ],
            ignore_conflicts=True,
        )


def talking_points_update(
    *,
    rebuild: bool = False,
    batch_size: int = 2000,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> TalkingPointsResult:
    """Bring the talking points up to date with the published turns.

    Reads only turns new or changed since the last update (all of them with `rebuild`), drops
    the passages of turns changed, unpublished or deleted since, and writes the database in one
    transaction; the LSH state is saved only once that transaction has committed.
    """
    directory = Path(settings.TALKING_POINTS_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = _load(directory, empty=rebuild)
        current = {
            pk: int(modified.timestamp() * 1_000_000)
            for pk, modified in Turn.objects.published()
            .spoken()
            .values_list("pk", "modified")
            .iterator()
        }
        stale = [pk for pk, (modified, _) in state.turns.items() if current.get(pk) != modified]
        _forget(state, stale)
        fresh = sorted(pk for pk in current if pk not in state.turns)
        if on_start:
            on_start(len(fresh))
        pairs = []
        for offset in range(0, len(fresh), batch_size):
            chunk = fresh[offset : offset + batch_size]
            pairs += _find_pairs(state, chunk, current)
            if on_progress:
                on_progress(len(chunk))
        with transaction.atomic():
            if rebuild:
                TalkingPoint.objects.all().delete()
            for chunk in _chunks(stale):
                TalkingPointPassage.objects.filter(turn_id__in=chunk).delete()
            _record(pairs)
            TalkingPoint.objects.annotate(n=models.Count("passages")).filter(n__lt=2).delete()
        _save(directory, state)
    return TalkingPointsResult(
        turns_read=len(fresh),
        turns_dropped=len(stale),
        pairs=len(pairs),
        talking_points=TalkingPoint.objects.count(),
    )
