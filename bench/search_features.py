"""How much the search features cost on top of the engine, on real transcripts.

    .venv/bin/python bench/search_features.py                      # the debates, ~16k turns
    .venv/bin/python bench/search_features.py --corpus scotus --turns 100000

Builds (or reuses) an archive in --archive-dir from ../shared/corpus/ through the ingest service,
then renders the search page for realistic queries through the full Django stack and reports, per
query kind: p50/p95 latency, engine searches and database queries per page (the page is meant to
cost one search and a handful of queries whatever the query), and the time to stream a full CSV
export and an Atom feed. Timings on a shared machine are noisy: compare runs on a quiet one.
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ROLES = {"moderator": "host", "candidate": "guest", "justice": "host", "advocate": "guest"}
PROGRAMS = {"debates": "Presidential debates", "scotus": "Supreme Court oral arguments"}
QUERIES = {
    "word": "economy",
    "common word": "people",
    "phrase": '"health care"',
    "boolean": "taxes OR deficit -iraq",
    "prefix": "immigra*",
    "speaker filter": "war speaker:{speaker}",
    "date range": "jobs date:{year}..{year_plus}",
    "filters only": "role:host date:{year}",
    "misspelled": "ecomony",
}


def setup(archive_dir: Path) -> None:
    archive_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ARCHIVE_VAR_DIR"] = str(archive_dir)
    os.environ.setdefault("SEARCH_URL", f"whoosh://{archive_dir / 'whoosh'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def transcripts(corpus: str, limit: int):
    path = CORPUS / ("debates.jsonl" if corpus == "debates" else "scotus-1955-1990.jsonl.gz")
    opener = gzip.open if path.suffix == ".gz" else open
    seen = 0
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if seen >= limit:
                return
            record = json.loads(line)
            seen += len(record["turns"])
            yield line, record


def build(corpus: str, limit: int) -> None:
    from django.core.management import call_command

    from interviews import parsing
    from interviews.models import Segment, Topic
    from interviews.services.ingest import segment_ingest

    call_command("migrate", verbosity=0)
    if Segment.objects.exists():
        print(f"reusing the archive in {os.environ['ARCHIVE_VAR_DIR']}")
        return
    started, turns = time.perf_counter(), 0
    for line, record in transcripts(corpus, limit):
        names = {}
        for turn in record["turns"]:
            names.setdefault(turn["speaker"], ROLES.get(turn.get("role"), "unknown"))
        transcript = parsing.Transcript(
            title=record["title"],
            program=PROGRAMS[corpus],
            speakers=[parsing.Speaker(name=n, role=r) for n, r in names.items()],
            turns=[
                parsing.Turn(
                    paragraphs=[t["text"]],
                    speaker=t["speaker"],
                    role=names[t["speaker"]],
                    attribution="label",
                    confidence=1.0,
                    label=t["speaker"],
                )
                for t in record["turns"]
                if t.get("text", "").strip()
            ],
        )
        kind = record.get("kind")
        topics = (Topic.objects.get_or_create(name=kind, slug=kind.lower())[0],) if kind else ()
        segment_ingest(
            transcript=transcript,
            raw_text=line,
            air_date=parsing_date(record["date"]),
            topics=topics,
        )
        turns += len(transcript.turns)
    elapsed = time.perf_counter() - started
    print(f"built {turns} turns in {elapsed:.0f} s ({turns / elapsed:.0f} turns/s, ingest+index)")


def parsing_date(text: str):
    import datetime

    return datetime.date.fromisoformat(text)


def measure(repeat: int) -> None:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from haystack import connections

    from interviews.models import Segment, Speaker, Turn

    setup_test_environment()  # so that the test client keeps each page's context
    backend = connections["default"].get_backend()
    searches = {"n": 0}
    original = backend.search

    def counting(*args, **kwargs):
        searches["n"] += 1
        return original(*args, **kwargs)

    backend.search = counting
    speaker = (
        Speaker.objects.annotate(said=Count("turns"))
        .order_by("-said")
        .values_list("name", flat=True)
        .first()
    )
    # The median air date of the dated segments: undated ones sort first on SQLite, last on
    # PostgreSQL, and would move the range (or make it None).
    days = list(
        Segment.objects.exclude(air_date=None)
        .order_by("air_date")
        .values_list("air_date", flat=True)
    )
    middle = days[len(days) // 2]
    values = {"speaker": f'"{speaker}"', "year": middle.year, "year_plus": middle.year + 4}
    client = Client()
    print(f"{Turn.objects.count()} turns; {repeat} renders per query, after one warm-up\n")
    print(
        f"{'query':<16} {'hits':>7} {'p50 ms':>8} {'p95 ms':>8} {'searches':>9} {'db queries':>11}"
    )
    for kind, template in QUERIES.items():
        q = template.format(**values)
        timings = []
        for i in range(repeat + 1):
            searches["n"] = 0
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get("/search/", {"q": q})
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (kind, response.status_code)
            if i:
                timings.append(elapsed)
        hits = response.context["results"].count
        p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
        print(
            f"{kind:<16} {hits:>7} {statistics.median(timings):>8.0f} {p95:>8.0f} "
            f"{searches['n']:>9} {len(queries):>11}"
        )
    for label, url, params in [
        ("group by speaker", "/search/", {"q": QUERIES["common word"], "group": "speaker"}),
        ("CSV export", "/search/quotes.csv", {"q": QUERIES["common word"]}),
        ("JSON export", "/search/quotes.json", {"q": QUERIES["common word"]}),
        ("Atom feed", "/search/feed/", {"q": QUERIES["word"]}),
    ]:
        started = time.perf_counter()
        response = client.get(url, params)
        size = (
            sum(len(chunk) for chunk in response) if response.streaming else len(response.content)
        )
        elapsed = (time.perf_counter() - started) * 1000
        print(f"{label:<16} {response.status_code} {elapsed:>8.0f} ms {size / 1024:>9.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("debates", "scotus"), default="debates")
    parser.add_argument(
        "--turns", type=int, default=20_000, help="stop loading after about this many"
    )
    parser.add_argument("--archive-dir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    archive_dir = (
        args.archive_dir or ROOT / "bench" / "out" / f"features-{args.corpus}-{args.turns}"
    )
    setup(archive_dir)
    build(args.corpus, args.turns)
    measure(args.repeat)


if __name__ == "__main__":
    main()
