"""Load: gunicorn on 127.0.0.1 under a newsroom's traffic, measured with Locust.

    .venv/bin/python bench/load.py --archive-dir bench/out/archive-1m

Points at an archive directory (its SQLite database and Whoosh index, as ARCHIVE_VAR_DIR), starts
gunicorn on it with production settings, and drives a realistic mix of requests picked from that
archive's own data: searches (some with filters, some on page 2), segment pages, speaker pages,
topic and program pages, and the JSON API. Two phases, each bounded in time:

- busy hour: --users users (20) who each pause about a second between requests;
- ramp: users without pauses, doubling each step, to find the highest request rate served with
  p95 under --p95-target ms (300) and no errors.

With --with-writes the busy hour also has an editor publishing and unpublishing segments through
the services the admin uses, and an `ingest` of new court arguments; those writes go to a copy of
the archive (made in --scratch-dir), never to --archive-dir, and afterwards `check_index` verifies
that every published turn is in the index and nothing else is.

Prints throughput, p50/p95/p99 and errors per phase (and per kind of request), and writes them
as JSON under bench/out/. The page cache starts empty, so every distinct URL is rendered at least
once; --no-cache measures every request rendered. With no database in --archive-dir,
--build-transcripts N first ingests N court arguments from the shared corpus through the ingest
service (for development; the million-turn archive comes from bench/search.py).
"""

# Locust patches the standard library for gevent: it must come first.
from locust import FastHttpUser, between, constant, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import collections
import gzip
import json
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import gevent

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "scotus-1955-1990.jsonl.gz"
OUT = ROOT / "bench" / "out"
ROLES = {"justice": "host", "advocate": "guest", "moderator": "host", "candidate": "guest"}
STOPWORDS = set(
    [
        "that",
        "this",
        "with",
        "have",
        "from",
        "they",
        "what",
        "there",
        "which",
        "would",
        "about",
        "their",
        "were",
        "been",
        "your",
        "will",
        "into",
        "them",
        "then",
        "than",
        "when",
        "where",
        "some",
        "could",
        "should",
        "these",
        "those",
        "just",
        "also",
        "very",
        "only",
        "over",
        "more",
        "most",
        "such",
        "other",
        "because",
        "said",
        "does",
        "doing",
        "being",
        "upon",
        "here",
        "make",
        "made",
        "case",
        "court",
    ]
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive-dir", type=Path, default=OUT / "archive-1m")
    parser.add_argument("--build-transcripts", type=int, default=0, metavar="N")
    parser.add_argument("--users", type=int, default=20, help="Busy-hour users (20).")
    parser.add_argument("--duration", type=float, default=60, help="Busy-hour seconds (60).")
    parser.add_argument("--ramp", default="1,2,4,8,16", help="Users per ramp step, no pauses.")
    parser.add_argument("--step-duration", type=float, default=30, help="Seconds per step (30).")
    parser.add_argument("--p95-target", type=float, default=300, help="Milliseconds (300).")
    parser.add_argument("--workers", type=int, help="gunicorn.conf.py's if not given.")
    parser.add_argument("--threads", type=int, help="gunicorn.conf.py's if not given.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-cache", action="store_true", help="Render every request.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--with-writes",
        action="store_true",
        help="An editor publishes and unpublishes, and an ingest runs, during the busy hour.",
    )
    parser.add_argument("--ingest-transcripts", type=int, default=10, metavar="N")
    parser.add_argument(
        "--scratch-dir",
        type=Path,
        default=OUT / "load-scratch",
        help="Page cache, static files and (with --with-writes) the archive copy.",
    )
    parser.add_argument("--no-ramp", action="store_true", help="The busy hour only.")
    return parser.parse_args()


def server_environment(args: argparse.Namespace, archive: Path) -> dict[str, str]:
    """Production settings on plain HTTP on the loopback, with this archive's data.

    The page cache and static files go to the scratch folder: the archive may be shared by other
    benchmarks, read-only.
    """
    scratch = args.scratch_dir.resolve()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="archive.settings",
        ARCHIVE_VAR_DIR=str(archive),
        SEARCH_URL=f"whoosh://{archive / 'whoosh'}",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_HTTPS="false",
        DJANGO_STATIC_ROOT=str(scratch / "static"),
        CACHE_URL="dummy://" if args.no_cache else f"file://{scratch / 'cache'}?max_entries=20000",
        # Every simulated user shares the loopback address.
        API_THROTTLE_RATE="1000000/s",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def shell_output(env: dict[str, str], script: str) -> str:
    """What a Python script run in the archive's Django shell prints."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def segment_count(env: dict[str, str]) -> int:
    script = "from interviews.models import Segment; print(Segment.objects.count())"
    return int(shell_output(env, script).split()[-1])


def build_archive(env: dict[str, str], transcripts: int) -> None:
    """Ingest the first `transcripts` court arguments through the ingest service."""
    script = f"""
import datetime, gzip, json
from interviews import parsing
from interviews.services.ingest import segment_ingest
ROLES = {ROLES!r}
with gzip.open({str(CORPUS)!r}, "rt", encoding="utf-8") as lines:
    for number, line in zip(range({transcripts}), lines):
        argument = json.loads(line)
        people = {{}}
        for turn in argument["turns"]:
            people.setdefault(turn["speaker"], ROLES.get(turn["role"], "unknown"))
        transcript = parsing.Transcript(
            title=argument["title"],
            program="Supreme Court oral arguments",
            air_date=argument.get("date"),
            format="labelled",
            speakers=[parsing.Speaker(name=n, role=r) for n, r in people.items()],
            turns=[
                parsing.Turn(
                    paragraphs=[t["text"]], speaker=t["speaker"], role=people[t["speaker"]],
                    attribution="label", confidence=1.0, label=t["speaker"].upper() + ":",
                    start=t.get("start"), end=t.get("stop"),
                )
                for t in argument["turns"]
            ],
        )
        raw = "\\n\\n".join(f"{{t.label}} {{t.text}}" for t in transcript.turns)
        segment_ingest(transcript=transcript, raw_text=raw)
        if number % 50 == 0:
            print(f"  {{number}} transcripts ingested", flush=True)
"""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True
    )


def archive_copy(source: Path, scratch: Path) -> Path:
    """A copy of the archive's database and index that the writes may change."""
    copy = scratch / "archive"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    for name in ("archive.sqlite3", "archive.sqlite3-wal", "archive.sqlite3-shm"):
        if (source / name).exists():
            shutil.copy2(source / name, copy / name)
    shutil.copytree(source / "whoosh", copy / "whoosh")
    return copy


def ingest_files(folder: Path, count: int) -> list[Path]:
    """The corpus's last `count` court arguments (after the million turns) as labelled transcripts."""
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        last = collections.deque(lines, maxlen=count)
    paths = []
    for number, line in enumerate(last):
        argument = json.loads(line)
        body = "\n\n".join(
            f"{turn['speaker'].upper()}: {turn['text']}"
            for turn in argument["turns"]
            if turn["speaker"].strip() and turn["text"].strip()
        )
        path = folder / f"argument-{number}.txt"
        path.write_text(f"{argument['title']}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


# An editor at work: unpublish a segment, look at it, publish it again, through the services the
# admin's buttons call. Every segment ends the run published, as it started.
EDITOR = """
import json, random, time, traceback
from interviews.models import Segment
from interviews.services.publishing import segment_publish, segment_unpublish
rng = random.Random({seed})
ids = list(Segment.objects.published().values_list("pk", flat=True))
deadline = time.monotonic() + {seconds}
done, errors, slowest = 0, [], 0.0
while time.monotonic() < deadline:
    segment = Segment.objects.get(pk=rng.choice(ids))
    for step in (segment_unpublish, segment_publish):
        started = time.monotonic()
        try:
            step(segment=segment)
            done += 1
        except Exception:
            errors.append(traceback.format_exc(limit=3)[-300:])
        slowest = max(slowest, time.monotonic() - started)
        time.sleep(rng.uniform(0.5, 1.5))
print(json.dumps({{"changes": done, "errors": errors, "slowest_s": round(slowest, 2)}}))
"""


class Writers:
    """The editor and the ingest, as processes beside gunicorn, for one busy hour."""

    def __init__(self, env: dict[str, str], args: argparse.Namespace, files: list[Path]):
        self.env, self.args, self.files = env, args, files

    def start(self) -> None:
        script = EDITOR.format(seed=self.args.seed, seconds=self.args.duration)
        self.started = time.monotonic()
        self.editor = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.ingest = subprocess.Popen(
            [sys.executable, "manage.py", "ingest", *map(str, self.files)],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def finish(self) -> dict:
        ingest_output, _ = self.ingest.communicate()
        ingest_seconds = time.monotonic() - self.started
        editor_output, _ = self.editor.communicate()
        try:
            editor = json.loads(editor_output.strip().splitlines()[-1])
        except (ValueError, IndexError):
            editor = {"changes": 0, "errors": [editor_output[-2000:]], "slowest_s": None}
        check = subprocess.run(
            [sys.executable, "manage.py", "check_index"],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        return {
            "editor": editor,
            "ingest": {
                "files": len(self.files),
                "exit_code": self.ingest.returncode,
                "seconds": round(ingest_seconds, 1),
                "output": ingest_output.strip().splitlines()[-3:],
            },
            "check_index": {
                "exit_code": check.returncode,
                "output": (check.stdout + check.stderr).strip()[-1000:],
            },
        }


def pick_targets(env: dict[str, str], seed: int) -> dict:
    """URLs and words from the archive itself, so requests look like real readers'."""
    script = f"""
import json, random
from interviews.models import Segment, Speaker, Topic, Program, Turn
rng = random.Random({seed})
segments = Segment.objects.published()
seg_ids = list(segments.values_list("pk", flat=True))
picked = segments.filter(pk__in=rng.sample(seg_ids, min(300, len(seg_ids))))
speakers = list(Speaker.objects.filter(appearances__segment__status="published").distinct().values_list("slug", flat=True)[:5000])
max_turn = Turn.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
texts = list(Turn.objects.filter(pk__in=[rng.randint(1, max_turn) for _ in range(1500)]).values_list("text", flat=True))
years = sorted({{d.year for d in segments.exclude(air_date=None).values_list("air_date", flat=True)[:20000]}})
print(json.dumps({{
    "segments": [s.get_absolute_url() for s in picked],
    "segment_ids": [s.pk for s in picked],
    "speakers": rng.sample(speakers, min(300, len(speakers))),
    "topics": list(Topic.objects.values_list("slug", flat=True)[:50]),
    "programs": list(Program.objects.values_list("slug", flat=True)[:50]),
    "texts": texts,
    "years": years,
}}))
"""
    targets = json.loads(shell_output(env, script).strip().splitlines()[-1])
    words = collections.Counter(
        word
        for text in targets.pop("texts")
        for word in re.findall(r"[a-z]{4,}", text.lower())
        if word not in STOPWORDS
    )
    common = [word for word, _ in words.most_common(300)]
    targets["common_words"] = common[:100]
    targets["rare_words"] = common[100:]
    targets["phrases"] = [f"{a} {b}" for a, b in zip(common[:40], common[40:80], strict=False)]
    if not targets["segments"]:
        sys.exit(f"No published segments in {env['ARCHIVE_VAR_DIR']}: nothing to load.")
    return targets


def server_options(args: argparse.Namespace) -> list[str]:
    """The gunicorn options given on the command line (the rest come from gunicorn.conf.py)."""
    options = []
    if args.workers is not None:
        options += ["--workers", str(args.workers)]
    if args.threads is not None:
        options += ["--threads", str(args.threads)]
    return options


class Gunicorn:
    """gunicorn on 127.0.0.1 for the length of a `with` block."""

    def __init__(self, env: dict[str, str], args: argparse.Namespace):
        self.env, self.args = env, args
        self.url = f"http://127.0.0.1:{args.port}"

    def __enter__(self) -> "Gunicorn":
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.args.port}",
            *server_options(self.args),
            "--access-logfile",
            "/dev/null",
        ]
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        # Ready when it answers and every worker it booted has warmed up (a deployment sends
        # traffic to a worker only then; the busy hour measures serving, not booting).
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            if self._answers() and self._all_workers_warm():
                return self
            time.sleep(0.3)
        self.__exit__(None, None, None)
        sys.exit("gunicorn did not start; its output:\n" + self.output())

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def _all_workers_warm(self) -> bool:
        log = self.output(whole=True)
        booted = log.count("Booting worker")
        return booted > 0 and log.count("Worker warmed up") >= booted

    def output(self, whole: bool = False) -> str:
        # pread leaves the file's offset alone: gunicorn writes through the same open file.
        fd = self.log.fileno()
        text = os.pread(fd, os.fstat(fd).st_size, 0).decode(errors="replace")
        return text if whole else text[-4000:]

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def reader_class(targets: dict, rng: random.Random, pause: bool) -> type[FastHttpUser]:
    """A reader of the archive: what they ask for, and how often."""

    def words() -> str:
        roll = rng.random()
        if roll < 0.5:
            return rng.choice(targets["common_words"])
        if roll < 0.75:
            return " ".join(rng.sample(targets["common_words"], 2))
        if roll < 0.9 and targets["phrases"]:
            return f'"{rng.choice(targets["phrases"])}"'
        return rng.choice(targets["rare_words"] or targets["common_words"])

    def api_filters() -> dict:
        params = {}
        if rng.random() < 0.3 and targets["speakers"]:
            params["speaker"] = rng.choice(targets["speakers"])
        if rng.random() < 0.3 and targets["years"]:
            year = rng.choice(targets["years"])
            params.update(date_from=f"{year}-01-01", date_to=f"{year}-12-31")
        if rng.random() < 0.2 and targets["programs"]:
            params["program"] = rng.choice(targets["programs"])
        return params

    class Reader(FastHttpUser):
        wait_time = between(0.5, 1.5) if pause else constant(0)

        @task(30)
        def search(self):
            params = {"q": words()}
            if rng.random() < 0.15:
                params["page"] = 2
            self.client.get("/search/", params=params, name="search page")

        @task(20)
        def segment(self):
            self.client.get(rng.choice(targets["segments"]), name="segment page")

        @task(15)
        def speaker(self):
            if targets["speakers"]:
                slug = rng.choice(targets["speakers"])
                self.client.get(f"/speakers/{slug}/", name="speaker page")

        @task(5)
        def browse(self):
            if targets["programs"] and rng.random() < 0.5:
                self.client.get(f"/programs/{rng.choice(targets['programs'])}/", name="program")
            else:
                self.client.get("/", name="home")

        @task(12)
        def api_search(self):
            params = {"q": words(), **api_filters()}
            self.client.get("/api/search/", params=params, name="api search")

        @task(8)
        def api_records(self):
            roll = rng.random()
            if roll < 0.4:
                self.client.get(
                    f"/api/segments/{rng.choice(targets['segment_ids'])}/", name="api segment"
                )
            elif roll < 0.8 and targets["speakers"]:
                params = {"speaker": rng.choice(targets["speakers"])}
                self.client.get("/api/turns/", params=params, name="api turns")
            else:
                self.client.get("/api/segments/", params=api_filters(), name="api segments")

    return Reader


def run_phase(url: str, user_class, users: int, seconds: float) -> dict:
    """`users` readers for `seconds`; the figures of what they got."""
    env = Environment(user_classes=[user_class], host=url)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=max(users, 1))
    gevent.sleep(min(5, seconds / 5))  # let every user start before counting
    env.stats.reset_all()
    started = time.monotonic()
    gevent.sleep(seconds)
    elapsed = time.monotonic() - started
    kinds = {
        name: summary(entry, elapsed)
        for (name, _method), entry in sorted(env.stats.entries.items())
    }
    total = summary(env.stats.total, elapsed)
    errors = {str(e.error)[:200]: e.occurrences for e in env.stats.errors.values()}
    runner.quit()
    return {"users": users, "seconds": round(elapsed, 1), **total, "kinds": kinds, "errors": errors}


def summary(entry, elapsed: float) -> dict:
    return {
        "requests": entry.num_requests,
        "rps": round(entry.num_requests / elapsed, 1) if elapsed else 0.0,
        "failures": entry.num_failures,
        "p50_ms": entry.get_response_time_percentile(0.50) or 0,
        "p95_ms": entry.get_response_time_percentile(0.95) or 0,
        "p99_ms": entry.get_response_time_percentile(0.99) or 0,
    }


def report_writes(writes: dict) -> dict:
    editor, ingest, check = writes["editor"], writes["ingest"], writes["check_index"]
    print(
        f"\nWrites: {editor['changes']} publish/unpublish changes by the editor, "
        f"{len(editor['errors'])} errors, slowest {editor['slowest_s']} s; "
        f"ingest of {ingest['files']} transcripts exited {ingest['exit_code']} "
        f"after {ingest['seconds']} s"
    )
    for error in editor["errors"][:5]:
        print(f"  editor error: {error}")
    if ingest["exit_code"]:
        print("  ingest: " + " | ".join(ingest["output"]))
    verdict = "matches the database" if check["exit_code"] == 0 else "DIFFERS from the database"
    print(f"Afterwards, check_index: the index {verdict}.")
    if check["exit_code"]:
        print("  " + check["output"].replace("\n", "\n  "))
    return writes


def line(label: str, figures: dict) -> str:
    return (
        f"{label:<22} {figures['requests']:>7} req {figures['rps']:>7.1f}/s  "
        f"p50 {figures['p50_ms']:>6.0f} ms  p95 {figures['p95_ms']:>6.0f} ms  "
        f"p99 {figures['p99_ms']:>6.0f} ms  errors {figures['failures']}"
    )


def main() -> None:
    args = parse_args()
    args.archive_dir.mkdir(parents=True, exist_ok=True)
    args.scratch_dir.mkdir(parents=True, exist_ok=True)
    archive = args.archive_dir.resolve()
    if args.with_writes:
        print(f"Copying the archive to {args.scratch_dir} for the writes...", flush=True)
        archive = archive_copy(archive, args.scratch_dir.resolve())
    env = server_environment(args, archive)
    manage(env, "migrate", "--noinput", "-v0")
    if args.build_transcripts and not segment_count(env):
        print(f"Building an archive of {args.build_transcripts} transcripts...", flush=True)
        build_archive(env, args.build_transcripts)
    manage(env, "collectstatic", "--noinput", "-v0")
    if not args.no_cache:
        manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    targets = pick_targets(env, args.seed)
    rng = random.Random(args.seed)
    print(
        f"Archive {args.archive_dir}: {len(targets['segments'])} segment and "
        f"{len(targets['speakers'])} speaker targets, {len(targets['common_words'])} common words; "
        f"gunicorn {' '.join(server_options(args)) or 'as gunicorn.conf.py sets it'}; "
        f"page cache {'off' if args.no_cache else 'on, starting empty'}.",
        flush=True,
    )
    results: dict = {"args": {k: str(v) for k, v in vars(args).items()}}
    writers = None
    if args.with_writes:
        files = ingest_files(args.scratch_dir / "ingest", args.ingest_transcripts)
        writers = Writers(env, args, files)
    with Gunicorn(env, args) as server:
        if writers:
            writers.start()
        busy = run_phase(server.url, reader_class(targets, rng, True), args.users, args.duration)
        results["busy_hour"] = busy
        print(
            f"\nBusy hour: {args.users} users pausing ~1 s, {busy['seconds']} s"
            f"{', with an editor and an ingest writing' if writers else ''}"
        )
        print(line("all requests", busy))
        for name, figures in busy["kinds"].items():
            print(line(f"  {name}", figures))
        for error, count in busy["errors"].items():
            print(f"  error x{count}: {error}")
        if writers:
            results["writes"] = report_writes(writers.finish())

        results["ramp"] = []
        best = None
        if not args.no_ramp:
            print(f"\nRamp without pauses, {args.step_duration:.0f} s per step")
        for users in [] if args.no_ramp else [int(n) for n in args.ramp.split(",")]:
            step = run_phase(
                server.url, reader_class(targets, rng, False), users, args.step_duration
            )
            results["ramp"].append(step)
            print(line(f"{users} users", step), flush=True)
            if step["p95_ms"] < args.p95_target and not step["failures"]:
                best = step if best is None or step["rps"] > best["rps"] else best
        results["highest_rate_within_target"] = best and {
            "users": best["users"],
            "rps": best["rps"],
            "p95_ms": best["p95_ms"],
        }
    verdict = busy["p95_ms"] < args.p95_target and not busy["failures"]
    print(
        f"\nBusy hour {'met' if verdict else 'MISSED'} the target (p95 < {args.p95_target:.0f} ms, "
        f"no errors): p95 {busy['p95_ms']:.0f} ms, {busy['failures']} errors."
    )
    if args.no_ramp:
        pass
    elif best:
        print(
            f"Highest rate held with p95 < {args.p95_target:.0f} ms and no errors: "
            f"{best['rps']:.1f} requests/s ({best['users']} users without pauses)."
        )
    else:
        print(f"No ramp step held p95 < {args.p95_target:.0f} ms without errors.")
    OUT.mkdir(parents=True, exist_ok=True)
    report = OUT / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    report.write_text(json.dumps(results, indent=2))
    print(f"Figures written to {report}.")


if __name__ == "__main__":
    main()
