"""Faults in real processes: an ingest killed with SIGKILL halfway leaves the database whole and
the index repairable; concurrent writers to SQLite wait for its lock instead of failing."""

import os
import signal
import time

import pytest

from tests.robustness.archive_process import write_transcripts

TURNS_PER_FILE = 80


def wait_for_segments(archive, at_least: int, process, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the ingest finished before it could be killed"
        if archive.query("SELECT COUNT(*) FROM interviews_segment")[0][0] >= at_least:
            return
        time.sleep(0.05)
    pytest.fail("the ingest made no progress")


def turns_per_segment(archive) -> set[int]:
    return {
        count
        for (count,) in archive.query(
            "SELECT COUNT(t.id) FROM interviews_segment s "
            "LEFT JOIN interviews_turn t ON t.segment_id = s.id GROUP BY s.id"
        )
    }


def test_an_ingest_killed_halfway_leaves_no_half_segment_and_repair_restores_the_index(
    archive_dir,
    tmp_path,
):
    files = write_transcripts(tmp_path / "in", 8, turns=TURNS_PER_FILE)
    ingest = archive_dir.start("ingest", str(tmp_path / "in"))
    wait_for_segments(archive_dir, 2, ingest)

    os.kill(ingest.pid, signal.SIGKILL)
    ingest.wait(timeout=60)
    ingest.stderr.close()

    assert ingest.returncode == -signal.SIGKILL
    stored = archive_dir.query("SELECT COUNT(*) FROM interviews_segment")[0][0]
    assert 0 < stored < len(files)
    # Each file is one transaction: a segment is there with every turn, or not at all.
    assert turns_per_segment(archive_dir) == {TURNS_PER_FILE}
    repaired = archive_dir.manage("check_index", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    checked = archive_dir.manage("check_index", "--deep")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    # Restarted, the same ingest completes: what was stored is skipped, the rest is added.
    again = archive_dir.manage("ingest", str(tmp_path / "in"))

    assert again.returncode == 0, again.stderr
    assert archive_dir.query("SELECT COUNT(*) FROM interviews_segment")[0][0] == len(files)
    assert turns_per_segment(archive_dir) == {TURNS_PER_FILE}
    assert archive_dir.manage("check_index", "--deep").returncode == 0


def test_concurrent_ingests_into_sqlite_wait_for_the_lock_and_all_succeed(
    archive_dir,
    tmp_path,
):
    folders = []
    for writer in range(4):
        write_transcripts(tmp_path / f"in{writer}", 4, turns=60, seed=100 + writer)
        folders.append(tmp_path / f"in{writer}")

    ingests = [archive_dir.start("ingest", str(folder)) for folder in folders]
    errors = [process.communicate(timeout=600)[1] for process in ingests]

    assert [p.returncode for p in ingests] == [0] * 4, errors
    assert not [e for e in errors if "locked" in e or "Traceback" in e]
    assert archive_dir.query("SELECT COUNT(*) FROM interviews_segment")[0][0] == 16
    assert turns_per_segment(archive_dir) == {60}
    checked = archive_dir.manage("check_index", "--deep")
    assert checked.returncode == 0, checked.stdout + checked.stderr
