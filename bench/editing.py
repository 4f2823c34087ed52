"""How long the editor's steps take on long real transcripts.

    .venv/bin/python bench/editing.py [--transcripts 5] [--scan 400]

Takes the longest of the first `--scan` Supreme Court arguments in ../shared/corpus/, writes each
as the archive's JSON export, and times, through the admin with Django's test client
(in a throwaway archive under a temporary directory): paste and parse, topic suggestions, the
preview page, one speaker correction, publishing (write and index), re-parsing with that correction
kept, and merging two of its speakers. Prints one line per transcript and the medians.
"""

from __future__ import annotations

import argparse
import gzip
import heapq
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "scotus-1955-1990.jsonl.gz"
STEPS = ["parse", "topics", "preview", "correct", "publish", "reparse", "merge"]


def longest_arguments(path: Path, scan: int, count: int) -> list[dict]:
    """The `count` arguments with the most turns among the first `scan` in the corpus."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        rows = (json.loads(line) for _, line in zip(range(scan), lines, strict=False))
        return heapq.nlargest(count, rows, key=lambda row: len(row["turns"]))


def as_export(argument: dict) -> str:
    """The argument as the archive's JSON export, every tenth turn marked uncertain.

    The JSON export is the one format of the parser's that holds such long transcripts whole
    today; the uncertain turns give the preview its list of turns to check.
    """
    names = list(dict.fromkeys(turn["speaker"] for turn in argument["turns"]))
    turns = [
        {
            "speaker": turn["speaker"],
            "text": " ".join(turn["text"].split()),
            "attribution": "inferred" if n % 10 == 9 else "label",
            "confidence": 0.5 if n % 10 == 9 else 1.0,
        }
        for n, turn in enumerate(argument["turns"])
        if turn["text"].strip()
    ]
    speakers = [{"name": name, "role": "guest"} for name in names]
    return json.dumps({"title": argument["title"], "speakers": speakers, "turns": turns})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--transcripts", type=int, default=5)
    parser.add_argument("--scan", type=int, default=400)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-editing-")
    os.environ["ARCHIVE_VAR_DIR"] = workdir
    os.environ.pop("DATABASE_URL", None)
    os.environ["SEARCH_URL"] = f"whoosh://{workdir}/whoosh"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from interviews.models import Segment
    from interviews.services.ingest import transcript_parse
    from interviews.services.reparse import segment_reparse
    from interviews.services.speakers import speaker_merge
    from interviews.services.topics import topic_suggest

    call_command("migrate", verbosity=0)
    client = Client()
    client.force_login(User.objects.create_superuser("bench", password="bench"))
    add = reverse("admin:interviews_segment_add")

    arguments = longest_arguments(args.corpus, args.scan, args.transcripts)
    print(f"archive in {workdir}; {len(arguments)} longest of the first {args.scan} arguments")
    print(f"{'turns':>6} {'KB':>5} " + " ".join(f"{step:>8}" for step in STEPS) + "   (seconds)")
    timings: dict[str, list[float]] = {step: [] for step in STEPS}
    for argument in arguments:
        text = as_export(argument)
        took: dict[str, float] = {}

        def timed(step, call, took=took):
            start = time.perf_counter()
            result = call()
            took[step] = time.perf_counter() - start
            return result

        transcript, _ = timed("parse", lambda text=text: transcript_parse(text))
        timed("topics", lambda transcript=transcript: topic_suggest(transcript=transcript))
        preview = client.post(add, {"text": text})["Location"]
        assert "/preview/" in preview, "the transcript did not parse"
        page = timed("preview", lambda preview=preview: client.get(preview))
        assert page.status_code == 200
        first = transcript.speakers[0].name
        timed(
            "correct",
            lambda preview=preview, first=first: client.post(
                preview, {"action": "assign:1", "speaker_1": first}
            ),
        )
        saved = timed(
            "publish",
            lambda preview=preview: client.post(preview, {"action": "publish", "title": "Bench"}),
        )
        segment = Segment.objects.get(pk=int(saved["Location"].rstrip("/").split("/")[-2]))
        result = timed("reparse", lambda segment=segment: segment_reparse(segment=segment))
        assert result.corrections_kept == 1, result
        keep, merged = (a.speaker for a in segment.appearances.select_related("speaker")[:2])
        timed("merge", lambda keep=keep, merged=merged: speaker_merge(keep=keep, merged=[merged]))

        for step in STEPS:
            timings[step].append(took[step])
        print(
            f"{len(transcript.turns):>6} {len(text) // 1024:>5} "
            + " ".join(f"{took[step]:>8.3f}" for step in STEPS)
        )
    print(f"{'median':>12} " + " ".join(f"{statistics.median(timings[s]):>8.3f}" for s in STEPS))


if __name__ == "__main__":
    main()
