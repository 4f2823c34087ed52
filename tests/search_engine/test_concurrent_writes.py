import multiprocessing
import threading

import pytest
from haystack import connections
from haystack.query import SearchQuerySet

from interviews.models import Turn
from tests.search_engine.writer_process import turn_document as document
from tests.search_engine.writer_process import write_segments

pytestmark = pytest.mark.django_db


def indexed_pks() -> set[int]:
    return {int(pk) for (pk,) in SearchQuerySet().models(Turn).values_list("pk")}


def test_writers_in_threads_and_processes_never_fail_or_lose_an_update(search_index_dir):
    backend = connections["default"].get_backend()
    spawn = multiprocessing.get_context("spawn")
    processes = [
        spawn.Process(target=write_segments, args=(str(search_index_dir), 100 + 10 * i, 8))
        for i in range(2)
    ]
    errors = []

    def thread_writer(first: int) -> None:
        try:
            for segment_id in range(first, first + 8):
                backend.replace(
                    field="segment_id",
                    value=segment_id,
                    documents=[
                        document(segment_id * 10 + n, segment_id, "zeppelin") for n in range(3)
                    ],
                )
                backend.remove(f"interviews.turn.{segment_id * 10}")
        except Exception as exc:  # collected: a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=thread_writer, args=(10 * i,)) for i in range(1, 4)]
    for worker in processes + threads:
        worker.start()
    for worker in processes + threads:
        worker.join(timeout=300)

    assert errors == []
    assert [p.exitcode for p in processes] == [0, 0]
    from_processes = {s * 10 + n for s in (*range(100, 108), *range(110, 118)) for n in range(3)}
    from_threads = {s * 10 + n for s in range(10, 38) if s % 10 < 8 for n in (1, 2)}
    assert indexed_pks() == from_processes | from_threads
    assert backend.searcher().doc_count() == len(from_processes | from_threads)


def test_a_delete_waits_for_a_writer_holding_the_lock():
    backend = connections["default"].get_backend()
    backend.replace(field="segment_id", value=1, documents=[document(11, 1, "kept")])
    held = threading.Event()
    release = threading.Event()

    def hold_lock():
        with backend.index_lock():
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    held.wait(5)
    threading.Timer(0.3, release.set).start()
    backend.remove("interviews.turn.11")
    holder.join()

    assert indexed_pks() == set()
