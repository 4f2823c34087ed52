"""Keep the meaning index in step with the published turns: embed new and changed ones, drop the rest.

The index (usearch, float16 vectors keyed by turn id) and a small state file (each embedded
turn's `modified` time) sit in `settings.MEANING_INDEX_DIR`. A sync compares the state with the
database, so a re-run embeds only what changed, and an interrupted build resumes from its last
checkpoint. Files are replaced atomically: readers keep the old index until the new one is whole.
"""

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from interviews.models import Turn
from interviews.search import meaning

# Vectors written between checkpoints: what an interrupted build can lose.
CHECKPOINT_EVERY = 20_000


@dataclass(frozen=True)
class EmbeddingSyncResult:
    embedded: int
    removed: int
    total: int


@contextmanager
def _writer_lock(directory: Path) -> Iterator[None]:
    """One writer at a time across processes (two commands at once would lose each other's work)."""
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _microseconds(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def _load(directory: Path, *, empty: bool):
    import numpy as np
    from usearch.index import Index

    index = Index(ndim=meaning.DIMENSIONS, metric="cos", dtype="f16")
    state: dict[int, int] = {}
    saved = [directory / meaning.INDEX_FILE, directory / meaning.STATE_FILE]
    if not empty and all(path.exists() for path in saved):
        index.load(str(directory / meaning.INDEX_FILE))
        saved = np.load(directory / meaning.STATE_FILE)
        state = dict(zip(saved["ids"].tolist(), saved["modified"].tolist(), strict=True))
    return index, state


def _save(directory: Path, index, state: dict[int, int]) -> None:
    import numpy as np

    index.save(str(directory / f"{meaning.INDEX_FILE}.tmp"))
    with open(directory / f"{meaning.STATE_FILE}.tmp", "wb") as f:
        np.savez(
            f,
            ids=np.fromiter(state.keys(), dtype=np.int64, count=len(state)),
            modified=np.fromiter(state.values(), dtype=np.int64, count=len(state)),
        )
    info = {"vectors": len(state), "saved": datetime.now(UTC).isoformat(timespec="seconds")}
    (directory / f"{meaning.INFO_FILE}.tmp").write_text(json.dumps(info))
    for name in (meaning.STATE_FILE, meaning.INFO_FILE, meaning.INDEX_FILE):
        os.replace(directory / f"{name}.tmp", directory / name)


def turn_embeddings_sync(
    *,
    batch_size: int = 256,
    rebuild: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> EmbeddingSyncResult:
    """Embed the published turns that are new or changed since the last sync; drop the others.

    `on_start(n)` is told how many turns will be embedded, `on_progress(k)` after each batch;
    `rebuild` starts from an empty index. Needs the `meaning` extra.
    """
    import numpy as np

    if not meaning.installed():
        raise meaning.MeaningUnavailable(meaning.unavailable_reason())
    directory = meaning.index_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with _writer_lock(directory):
        index, state = _load(directory, empty=rebuild)
        current = {
            pk: _microseconds(modified)
            for pk, modified in Turn.objects.published()
            .spoken()
            .values_list("pk", "modified")
            .iterator()
        }
        stale = [pk for pk, modified in state.items() if current.get(pk) != modified]
        removed = sum(1 for pk in stale if pk not in current)
        if stale:
            index.remove(np.array(stale, dtype=np.uint64))
            for pk in stale:
                del state[pk]
        fresh = sorted(pk for pk, modified in current.items() if state.get(pk) != modified)
        if on_start:
            on_start(len(fresh))
        since_checkpoint = 0
        for offset in range(0, len(fresh), batch_size):
            chunk = fresh[offset : offset + batch_size]
            texts = dict(Turn.objects.filter(pk__in=chunk).values_list("pk", "text"))
            keys = [pk for pk in chunk if pk in texts]
            if keys:
                vectors = meaning.embed([texts[pk] for pk in keys], batch_size=64)
                index.add(np.array(keys, dtype=np.uint64), vectors)
                state.update((pk, current[pk]) for pk in keys)
            since_checkpoint += len(chunk)
            if since_checkpoint >= CHECKPOINT_EVERY:
                _save(directory, index, state)
                since_checkpoint = 0
            if on_progress:
                on_progress(len(chunk))
        _save(directory, index, state)
    return EmbeddingSyncResult(embedded=len(fresh), removed=removed, total=len(state))
