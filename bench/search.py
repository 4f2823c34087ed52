"""Search at scale: build an archive of real court transcripts and time searches on it.

    .venv/bin/python bench/search.py --turns 1000000 --archive-dir bench/out/archive-1m

Builds (or reuses) an archive in --archive-dir (SQLite database + Whoosh index, usable by other
benchmarks through ARCHIVE_VAR_DIR) from ../shared/corpus/scotus-1955-1990.jsonl.gz: each oral
argument a published segment of the program "Supreme Court oral arguments", justices as hosts
and advocates as guests. Reports the database load and the index build (through the project's
`build_search_index` command), then times realistic searches three ways on the same index:

- view: the full Django stack, GET /search/?q=... (whatever search page exists);
- sqs:  the engine's contract, haystack SearchQuerySets as the search service builds them;
- raw:  Whoosh alone, one searcher kept open, the same top-20 with highlights and facets.

Each query runs --repeat times with the engine's caches emptied before every run, so the
figures are the engine's work, not its cache; "cached" is the same query answered again.
--breakdown then times the search page's parts apart (p50 ms of each kind's page loads), and
--pages the other pages that read many turns: a transcript's, a speaker's and a program's page,
and the speaker filter's autocomplete.
"""

import argparse
import gzip
import hashlib
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "scotus-1955-1990.jsonl.gz"
PROGRAM = "Supreme Court oral arguments"
ROLES = {"justice": "host", "advocate": "guest"}
COURT = "Supreme Court of the United States"

COMMON_WORDS = ["court", "think", "question", "statute", "evidence", "congress", "state", "case"]
PHRASES = [
    "the court",
    "due process",
    "the united states",
    "equal protection",
    "first amendment",
    "in this case",
    "the district court",
    "court of appeals",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=20_000)
    parser.add_argument("--archive-dir", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs of each query.")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="For the index build (cores)."
    )
    parser.add_argument(
        "--raw-repeat",
        type=int,
        help="Timed runs of each raw Whoosh query (default --repeat): its facets take seconds.",
    )
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the index even if built.")
    parser.add_argument(
        "--kinds", help='Only these kinds of query, comma-separated words of them: "phrase,rare".'
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--breakdown", action="store_true", help="Also time the search page's parts apart."
    )
    parser.add_argument(
        "--pages",
        action="store_true",
        help="Also time transcript, speaker and program pages and the speaker autocomplete.",
    )
    return parser.parse_args()


def setup_django(archive_dir: Path) -> None:
    archive_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ARCHIVE_VAR_DIR"] = str(archive_dir)
    os.environ["SEARCH_URL"] = f"whoosh://{archive_dir / 'whoosh'}"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_database(corpus: Path, turns_wanted: int, *, batch: int = 100) -> None:
    """Bulk-insert oral arguments until `turns_wanted` turns are stored.

    One transaction; segments, speakers and appearances are inserted `batch` arguments at a time
    with `bulk_create`, turns with one plain `executemany` (no per-row signals, no model
    instances), and the content version is bumped once.
    """
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from interviews import parsing
    from interviews.models import Appearance, Program, Segment, Speaker, Turn
    from interviews.services.content import content_version_bump

    started = time.monotonic()
    program, _ = Program.objects.get_or_create(name=PROGRAM, defaults={"slug": slugify(PROGRAM)})
    speakers: dict[str, Speaker] = {s.key: s for s in Speaker.objects.all()}
    keys: dict[str, str] = {}  # a name as written to its speaker's key
    stored = 0

    def speaker_for(name: str, role: str) -> Speaker:
        if name not in keys:
            keys[name] = parsing.speaker_key(name) or slugify(name)
        key = keys[name]
        if key not in speakers:
            speakers[key] = Speaker(
                key=key,
                name=name,
                slug=f"{slugify(name)[:180]}-{len(speakers)}",
                affiliation=COURT if role == "justice" else "",
            )
        return speakers[key]

    def store(arguments: list[tuple[int, dict, list]]) -> None:
        segments = Segment.objects.bulk_create(
            Segment(
                program=program,
                title=argument["title"][:300],
                slug=f"{slugify(argument['title'])[:150]}-{number}",
                air_date=date.fromisoformat(argument["date"]) if argument.get("date") else None,
                raw_text="",
                content_hash=hashlib.sha256(f"{number}".encode()).hexdigest(),
                status=Segment.Status.PUBLISHED,
            )
            for number, argument, _ in arguments
        )
        people = {}
        for _, _, turns in arguments:
            for turn in turns:
                name = turn["speaker"].strip() or "Unknown speaker"
                speaker = speaker_for(name, turn["role"])
                if speaker.pk is None:
                    people[speaker.key] = speaker
        Speaker.objects.bulk_create(people.values())
        appearances, rows = [], []
        for segment, (_, _, turns) in zip(segments, arguments, strict=True):
            roles: dict[int, str] = {}
            for sequence, turn in enumerate(turns, start=1):
                speaker = speakers[keys[turn["speaker"].strip() or "Unknown speaker"]]
                role = ROLES.get(turn["role"], "unknown")
                roles.setdefault(speaker.pk, role)
                rows.append(
                    (
                        now,
                        now,
                        segment.pk,
                        sequence,
                        speaker.pk,
                        turn["speaker"][:300],
                        role,
                        turn["text"],
                        Turn.Attribution.LABEL.value,
                        1.0,
                        turn.get("start"),
                        turn.get("stop"),
                        "[]",
                    )
                )
            appearances += [
                Appearance(
                    segment=segment,
                    speaker_id=speaker_id,
                    role=role,
                    affiliation=COURT if role == "host" else "",
                )
                for speaker_id, role in roles.items()
            ]
        Appearance.objects.bulk_create(appearances)
        # Plain parameter tuples: the ORM's per-field work was most of a million-row load.
        with connection.cursor() as cursor:
            cursor.executemany(insert_turn, rows)

    columns = [
        "created",
        "modified",
        "segment",
        "sequence",
        "speaker",
        "speaker_label",
        "role",
        "text",
        "attribution",
        "confidence",
        "start_seconds",
        "end_seconds",
        "paragraph_starts",
    ]
    quote = connection.ops.quote_name
    insert_turn = (
        f"INSERT INTO {quote(Turn._meta.db_table)} "
        f"({', '.join(quote(Turn._meta.get_field(c).column) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())

    with gzip.open(corpus, "rt", encoding="utf-8") as lines, transaction.atomic():
        if connection.vendor == "sqlite":
            # Indexes of a million rows stay in memory while they are built.
            connection.cursor().execute("PRAGMA cache_size = -524288")
        pending = []
        for number, line in enumerate(lines):
            if stored >= turns_wanted:
                break
            argument = json.loads(line)
            turns = argument["turns"][: turns_wanted - stored]
            pending.append((number, argument, turns))
            stored += len(turns)
            if len(pending) == batch:
                store(pending)
                pending = []
                print(f"\r  {stored:,} turns", end="", file=sys.stderr, flush=True)
        if pending:
            store(pending)
        content_version_bump()
    seconds = time.monotonic() - started
    print(file=sys.stderr)
    print(f"database: {stored:,} turns loaded in {seconds:.1f} s ({stored / seconds:,.0f} turns/s)")


def build_index(processes: int) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("build_search_index", processes=processes, stdout=out)
    print(f"index build: {out.getvalue().strip()}")


def pick_queries(searcher, rng: random.Random) -> dict[str, list]:
    """The benchmark's queries, by kind, chosen from what the archive actually holds."""
    import numpy as np

    from interviews.models import Speaker, Turn

    reader = searcher.reader()
    rare = [
        w.decode()
        for w, info in reader.iter_field("text_exact")
        if 20 <= info.doc_frequency() <= 200 and w.isalpha() and len(w) > 5
    ]
    rare = rng.sample(rare, min(8, len(rare)))
    top_speakers = list(
        Speaker.objects.filter(turns__isnull=False)
        .annotate(n=__import__("django.db.models", fromlist=["Count"]).Count("turns"))
        .order_by("-n")
        .values_list("name", flat=True)[:6]
    )
    years = sorted(
        {d.year for d in Turn.objects.values_list("segment__air_date", flat=True).distinct() if d}
    )
    lo = int(np.percentile(years, 40)) if years else 1970
    return {
        "word (common)": [{"q": w} for w in COMMON_WORDS],
        "word (rare)": [{"q": w} for w in rare],
        "phrase": [{"phrase": p} for p in PHRASES],
        "speaker filter": [
            {"q": COMMON_WORDS[i % len(COMMON_WORDS)], "speaker": s}
            for i, s in enumerate(top_speakers)
        ],
        "date range": [
            {"q": w, "years": (lo, lo + 4)} for w in COMMON_WORDS[:4] + [rare[0]] if rare or w
        ],
        "facets (speaker, role, year)": [
            {"q": w, "facets": True} for w in COMMON_WORDS[:4] + rare[:4]
        ],
    }


def view_params(spec: dict) -> dict:
    """The search page's query language for a spec (what a journalist would type)."""
    parts = []
    if "q" in spec:
        parts.append(spec["q"])
    if "phrase" in spec:
        parts.append(f'"{spec["phrase"]}"')
    if "speaker" in spec:
        parts.append(f'speaker:"{spec["speaker"]}"')
    if "years" in spec:
        parts.append(f"date:{spec['years'][0]}..{spec['years'][1]}")
    return {"q": " ".join(parts)}


def run_sqs(spec: dict):
    from haystack.inputs import AutoQuery, Exact
    from haystack.query import SearchQuerySet

    from interviews.models import Turn

    sqs = SearchQuerySet().models(Turn)
    if "q" in spec:
        sqs = sqs.filter(content=AutoQuery(spec["q"]))
    if "phrase" in spec:
        sqs = sqs.filter(text_exact=Exact(spec["phrase"]))
    if "speaker" in spec:
        sqs = sqs.filter(speaker_exact=Exact(spec["speaker"]))
    if "years" in spec:
        sqs = sqs.filter(
            date__gte=date(spec["years"][0], 1, 1), date__lte=date(spec["years"][1], 12, 31)
        )
    if spec.get("facets"):
        sqs = (
            sqs.facet("speaker_exact")
            .facet("role_exact")
            .date_facet("date", date(1955, 1, 1), date(1991, 1, 1), "year")
        )
    sqs = sqs.highlight()
    hits = [r.highlighted for r in sqs[:20]]
    count = sqs.count()
    if spec.get("facets"):
        sqs.facet_counts()
    return count, hits


def run_raw(ix_searcher, parser, spec: dict):
    """The same search with Whoosh alone: top 20, highlights, facets by Whoosh's own grouping."""
    from whoosh import query as wq
    from whoosh import sorting
    from whoosh.highlight import HtmlFormatter

    parts = []
    if "q" in spec:
        parts.append(parser.parse(spec["q"]))
    if "phrase" in spec:
        parts.append(wq.Phrase("text_exact", spec["phrase"].split()))
    if "speaker" in spec:
        parts.append(wq.Term("speaker_exact", spec["speaker"]))
    if "years" in spec:
        from datetime import datetime

        parts.append(
            wq.DateRange(
                "date",
                datetime(spec["years"][0], 1, 1),
                datetime(spec["years"][1], 12, 31),
            )
        )
    q = wq.And(parts) if len(parts) > 1 else parts[0]
    groupedby = None
    if spec.get("facets"):
        groupedby = {
            "speaker_exact": sorting.FieldFacet("speaker_exact", maptype=sorting.Count),
            "role_exact": sorting.FieldFacet("role_exact", maptype=sorting.Count),
        }
    results = ix_searcher.search(q, limit=20, groupedby=groupedby, terms=True)
    results.formatter = HtmlFormatter(tagname="mark")
    hits = [hit.highlights("text") for hit in results]
    count = len(results)
    if groupedby:
        for name in groupedby:
            results.groups(name)
    return count, hits


def page_parts() -> dict[str, tuple[object, str]]:
    """The parts of a search page that --breakdown times: (where it is looked up, its name)."""
    from haystack.query import SearchQuerySet

    from interviews import views
    from interviews.search import backend, queries

    return {
        "engine": (backend.ArchiveWhooshBackend, "search"),
        "quotes": (SearchQuerySet, "_load_model_objects"),  # the hits' turns, from the database
        "people": (queries, "people_matching"),
        "dates": (queries, "_date_bounds"),  # the archive's date span, for the timeline
        "template": (views, "render"),
    }


@contextmanager
def stopwatches(parts: dict[str, tuple[object, str]]):
    """Milliseconds spent in each part while the block runs."""
    spent = dict.fromkeys(parts, 0.0)
    originals = [(owner, name, getattr(owner, name)) for owner, name in parts.values()]

    def timing(part, original):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[part] += (time.perf_counter() - started) * 1000

        return timed

    for part, (owner, name, original) in zip(parts, originals, strict=True):
        setattr(owner, name, timing(part, original))
    try:
        yield spent
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def breakdown(client, queries: dict[str, list], repeat: int, before) -> None:
    parts = page_parts()
    print(f"\n{'kind (p50 ms)':<30} {'page':>7}" + "".join(f" {p:>8}" for p in parts) + "    other")
    for kind, specs in queries.items():
        times = defaultdict(list)
        for spec in specs:
            for _ in range(repeat):
                before()
                with stopwatches(parts) as spent:
                    started = time.perf_counter()
                    client.get("/search/", view_params(spec))
                    page = (time.perf_counter() - started) * 1000
                times["page"].append(page)
                times["other"].append(page - sum(spent.values()))
                for part, ms in spent.items():
                    times[part].append(ms)
        print(
            f"{kind:<30} {percentile(times['page'], 50):>7.1f}"
            + "".join(f" {percentile(times[p], 50):>8.1f}" for p in parts)
            + f" {percentile(times['other'], 50):>8.1f}"
        )


def time_pages(client, repeat: int) -> None:
    """Ten transcripts' first pages (a full page of turns), ten speakers' pages, the program's
    page (its most frequent speakers) and ten speaker autocompletions, each loaded `repeat`
    times after an untimed first load."""
    from django.db.models import Count
    from django.urls import reverse

    from interviews.models import TURNS_PER_PAGE, Program, Segment, Speaker

    long_enough = Segment.objects.published().annotate(turn_count=Count("turns"))
    speakers = Speaker.objects.order_by("pk")[:10]
    suggest = reverse("interviews:speaker_suggest")
    pages = {
        f"transcript page ({TURNS_PER_PAGE} turns)": [
            segment.get_absolute_url()
            for segment in long_enough.filter(turn_count__gte=TURNS_PER_PAGE).order_by("pk")[:10]
        ],
        "speaker page": [speaker.get_absolute_url() for speaker in speakers],
        "program page": [program.get_absolute_url() for program in Program.objects.all()[:10]],
        "speaker autocomplete": [f"{suggest}?term={s.name.split()[-1][:4]}" for s in speakers],
    }
    print(f"\n{'page':<30} {'p50':>7} {'p95':>7}   (ms; {repeat} runs each)")
    for label, urls in pages.items():
        times = []
        for url in urls:
            client.get(url)
            times += timed(lambda u=url: client.get(u), repeat)
        print(f"{label:<30} {percentile(times, 50):>7.0f} {percentile(times, 95):>7.0f}")


def timed(fn, repeat: int, before=None) -> list[float]:
    times = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    args = parse_args()
    archive_dir = (args.archive_dir or ROOT / "bench" / "out" / f"archive-{args.turns}").resolve()
    setup_django(archive_dir)

    from django.core.management import call_command
    from django.test import Client
    from haystack import connections

    from archive.wsgi import warm_up
    from interviews.models import Turn

    call_command("migrate", verbosity=0)
    have = Turn.objects.count()
    if have < args.turns:
        if have:
            sys.exit(f"{archive_dir} holds {have} turns, fewer than asked; use a new directory.")
        load_database(args.corpus, args.turns)
    else:
        print(f"database: reusing {have:,} turns in {archive_dir}")

    backend = connections["default"].get_backend()
    if args.rebuild or backend.searcher().doc_count() != Turn.objects.published().count():
        build_index(args.processes)
    else:
        print("index: reusing the index already built")
    searcher = backend.searcher()
    size = sum(f.stat().st_size for f in (archive_dir / "whoosh").iterdir())
    segments = len(searcher.reader().leaf_readers()) if searcher.doc_count() else 0
    print(
        f"index: {searcher.doc_count():,} documents, {size / 1_048_576:.0f} MB, {segments} segment(s)"
    )

    def empty_caches():
        for cache in (backend._docsets, backend._responses, backend._spellings):
            cache.clear()
        for tables in backend._tables.values():
            tables._terms.clear()

    warm_up()  # as each web worker does before its first request
    queries = pick_queries(searcher, random.Random(7))
    client = Client()
    raw_searcher = backend.index.refresh().searcher()
    raw_parser = backend.parser  # Whoosh's own, but "phrases" on the unstemmed text_exact
    print(
        f"\n{'kind':<30} {'view p50':>9} {'p95':>7} {'sqs p50':>8} {'p95':>7} "
        f"{'raw p50':>8} {'p95':>7} {'view/raw':>9} {'cached':>7}   "
        f"(ms; {args.repeat} runs each, raw {args.raw_repeat or args.repeat}; "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    if args.kinds:
        wanted = [word.strip() for word in args.kinds.split(",")]
        queries = {k: v for k, v in queries.items() if any(word in k for word in wanted)}
    for kind, specs in queries.items():
        view, sqs, raw, cached = [], [], [], []
        for spec in specs:
            params = view_params(spec)
            # One untimed run of each path first: Python's and the OS's caches, not ours.
            run_sqs(spec)
            run_raw(raw_searcher, raw_parser, spec)
            response = client.get("/search/", params)
            if response.status_code != 200:
                sys.exit(f"The search page answered {response.status_code} for {params}.")
            view += timed(lambda p=params: client.get("/search/", p), args.repeat, empty_caches)
            sqs += timed(lambda s=spec: run_sqs(s), args.repeat, empty_caches)
            raw += timed(
                lambda s=spec: run_raw(raw_searcher, raw_parser, s),
                args.raw_repeat or args.repeat,
                empty_caches,
            )
            cached += timed(lambda s=spec: run_sqs(s), args.repeat)
        print(
            f"{kind:<30} {percentile(view, 50):>9.0f} {percentile(view, 95):>7.0f} "
            f"{percentile(sqs, 50):>8.0f} {percentile(sqs, 95):>7.0f} "
            f"{percentile(raw, 50):>8.0f} {percentile(raw, 95):>7.0f} "
            f"{statistics.median(view) / statistics.median(raw):>8.2f}x "
            f"{percentile(cached, 50):>7.1f}"
        )
    if args.breakdown:
        breakdown(client, queries, args.repeat, empty_caches)
    if args.pages:
        time_pages(client, args.repeat)


if __name__ == "__main__":
    main()
