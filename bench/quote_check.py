#!/usr/bin/env python
"""Quote check at scale: how often a misquote finds the turn it came from, and how fast.

    .venv/bin/python bench/quote_check.py --archive-dir bench/out/archive-100000 --turns 100000
    .venv/bin/python bench/quote_check.py --archive-dir ../bench-data/archive-1m \
        --out-dir ../bench-data/quote2 --meaning

Reads the archive in --archive-dir (an SQLite database and a Whoosh index, as `bench/search.py`
builds them; an archive that holds turns is only read, never migrated or written), or builds one
there first with `bench/search.py`'s loader from the Supreme Court arguments in ../shared/corpus/.
What it writes (the meaning bench's vector index) goes to --out-dir.

Then takes --samples real sentences from random turns, misquotes each the way people do (words
substituted, dropped, reordered, tense changed, truncated; half of them also lose one more
word), runs quote check on each and reports top-1 and top-5 recall of the true turn (the turn
the sentence came from, or another saying it word for word; a refused paste is a miss) and
latency; runs sentences from the presidential debates (not in the archive) to calibrate the
close/no-match threshold. With --meaning it also measures the embedding rate and memory on real
turns, and search by meaning over a vector index of --vector-scale vectors (the real embeddings,
filled up with synthetic ones: real ones plus noise).
"""

import argparse
import importlib.util
import json
import os
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PROGRAM = "Supreme Court oral arguments"
ROLES = {"justice": "host", "advocate": "guest"}


def setup_django(archive_dir: Path, out_dir: Path) -> None:
    archive_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ARCHIVE_VAR_DIR"] = str(archive_dir)
    os.environ["SEARCH_URL"] = f"whoosh://{archive_dir / 'whoosh'}"
    os.environ.pop("DATABASE_URL", None)
    # What this benchmark writes goes to --out-dir, so a shared archive is only ever read.
    os.environ["MEANING_INDEX_DIR"] = str(out_dir / "meaning")
    os.environ["TALKING_POINTS_DIR"] = str(out_dir / "talking-points")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def archive_ready(turns_wanted: int, corpus: Path) -> None:
    """Reuse the archive, or build it as bench/search.py does (bulk load, then one index build).

    An archive that already holds turns is only read (never migrated or added to), so the shared
    million-turn archive can be measured while others use it.
    """
    from django.core.management import call_command
    from django.db import connection

    from interviews.models import Turn

    if Turn._meta.db_table in connection.introspection.table_names():
        have = Turn.objects.published().count()
        if have:
            print(f"archive: reusing {have:,} published turns")
            return
    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search.py")
    search_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(search_bench)
    call_command("migrate", verbosity=0)
    search_bench.load_database(corpus / "scotus-1955-1990.jsonl.gz", turns_wanted)
    search_bench.build_index(processes=1)


# How people misquote. Each takes the sentence's words and a random generator.
SYNONYMS = {
    "think": "believe",
    "believe": "think",
    "court": "judge",
    "case": "matter",
    "question": "issue",
    "issue": "question",
    "important": "crucial",
    "right": "correct",
    "said": "stated",
    "says": "states",
    "say": "state",
    "very": "really",
    "big": "large",
    "small": "little",
    "people": "folks",
    "country": "nation",
    "government": "state",
    "law": "statute",
    "statute": "law",
    "problem": "difficulty",
    "answer": "reply",
    "whether": "if",
    "because": "since",
    "but": "yet",
    "also": "too",
    "only": "just",
    "point": "argument",
    "argument": "point",
    "clear": "plain",
    "course": "certainly",
    "record": "file",
    "position": "view",
    "reason": "cause",
    "decision": "ruling",
    "show": "prove",
    "shows": "proves",
    "find": "discover",
    "found": "discovered",
    "money": "funds",
    "job": "work",
    "work": "job",
    "help": "assist",
    "need": "require",
    "begin": "start",
    "start": "begin",
    "want": "wish",
    "get": "obtain",
    "make": "create",
}
TENSES = {
    "is": "was",
    "was": "is",
    "are": "were",
    "were": "are",
    "has": "had",
    "have": "had",
    "had": "has",
    "will": "would",
    "would": "will",
    "can": "could",
    "could": "can",
    "do": "did",
    "does": "did",
    "did": "does",
    "shall": "should",
    "may": "might",
}


def substitute(words, rng):
    spots = [i for i, w in enumerate(words) if w.lower() in SYNONYMS]
    spots += rng.sample([i for i, w in enumerate(words) if len(w) > 3], k=1)
    for i in rng.sample(spots, k=min(2, len(spots))):
        words[i] = SYNONYMS.get(words[i].lower(), words[rng.randrange(len(words))])
    return words


def drop(words, rng):
    for _ in range(max(2, len(words) // 8)):
        del words[rng.randrange(len(words))]
    return words


def reorder(words, rng):
    text = " ".join(words)
    parts = re.split(r",\s+|\s+(?=(?:and|but|because|so|which|that)\s)", text, maxsplit=1)
    if len(parts) == 2 and all(len(p.split()) >= 3 for p in parts):
        return f"{parts[1]}, {parts[0]}".split()
    i = rng.randrange(len(words) - 3)
    words[i : i + 4] = words[i + 2 : i + 4] + words[i : i + 2]
    return words


def tense(words, rng):
    spots = [i for i, w in enumerate(words) if w.lower() in TENSES]
    if not spots:
        return substitute(words, rng)
    for i in rng.sample(spots, k=min(2, len(spots))):
        words[i] = TENSES[words[i].lower()]
    return words


def truncate(words, rng):
    keep = max(6, int(len(words) * 0.6))
    start = rng.randrange(len(words) - keep + 1)
    return words[start : start + keep]


MISQUOTES = {
    "substituted": substitute,
    "dropped": drop,
    "reordered": reorder,
    "tense": tense,
    "truncated": truncate,
}


def misquote(sentence: str, kind: str, rng: random.Random) -> str:
    words = MISQUOTES[kind](sentence.split(), rng)
    if rng.random() < 0.5 and len(words) > 6:
        del words[rng.randrange(len(words))]
    return " ".join(words)


def sample_sentences(n: int, rng: random.Random) -> list[tuple[int, str]]:
    """(turn id, sentence) for `n` real sentences of 10-40 words, from random published turns."""
    from interviews.models import Turn
    from interviews.quotecheck import sentences

    ids = list(Turn.objects.published().values_list("pk", flat=True))
    rng.shuffle(ids)
    chosen = []
    for turn_id in ids:
        if len(chosen) == n:
            break
        text = Turn.objects.get(pk=turn_id).text
        spans = [s for s in sentences(text) if 10 <= len(s.words) <= 40]
        if spans:
            span = rng.choice(spans)
            chosen.append((turn_id, text[span.start : span.end].strip()))
    return chosen


def says(text: str, sentence: str) -> bool:
    """Whether `text` holds `sentence` word for word (case and punctuation aside)."""
    from interviews.quotecheck import words

    def joined(value: str) -> str:
        return " " + " ".join(w.norm for w in words(value)) + " "

    return joined(sentence) in joined(text)


def outside_sentences(n: int, rng: random.Random, corpus: Path) -> list[str]:
    """Sentences from the presidential debates, which the Supreme Court archive does not hold."""
    from interviews.quotecheck import sentences

    found = []
    with open(corpus / "debates.jsonl", encoding="utf-8") as lines:
        for line in lines:
            for turn in json.loads(line)["turns"]:
                text = turn["text"]
                found += [
                    text[s.start : s.end].strip()
                    for s in sentences(text)
                    if 10 <= len(s.words) <= 40
                ]
    return rng.sample(found, n)


def load() -> str:
    """The machine's load average: the figures beside it are only as quiet as it was."""
    return "load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def percentile(values: list[float], p: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[p - 1]
        if len(values) > 1
        else values[0]
    )


def bench_quote_check(samples, outside) -> None:
    """Top-1/top-5 recall of the true turn, latency, and the close/no-match calibration.

    A returned turn is the true one if it is the turn the sentence was taken from or another
    turn that says the same sentence word for word: the same words said twice (a stock phrase,
    a justice reading the question presented again) are the same answer to "what was said".
    A paste that quote check refuses counts as a miss.
    """
    from interviews.quotecheck import CLOSE_SCORE
    from interviews.search.quotes import QuoteCheckError, quote_check

    rows, latencies, cpu, true_scores, refused, repeated = [], [], [], [], 0, 0
    for turn_id, sentence, kind, pasted in samples:
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            check = quote_check(pasted)
        except QuoteCheckError:
            refused += 1
            check = None
        latencies.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        matches = check.matches if check else []
        truth = [m.turn.pk == turn_id or says(m.turn.text, sentence) for m in matches]
        rank = truth.index(True) + 1 if True in truth else None
        repeated += rank is not None and matches[rank - 1].turn.pk != turn_id
        rows.append((kind, rank))
        if rank:
            true_scores.append(matches[rank - 1].alignment.score)

    def recall(subset, k):
        return sum(1 for _, rank in subset if rank and rank <= k) / len(subset)

    print(f"\nquote check: {len(rows)} misquotes of real sentences")
    print(f"  {'misquote':<12} {'n':>4} {'top-1':>7} {'top-5':>7}")
    for kind in MISQUOTES:
        subset = [r for r in rows if r[0] == kind]
        print(f"  {kind:<12} {len(subset):>4} {recall(subset, 1):>7.1%} {recall(subset, 5):>7.1%}")
    print(f"  {'all':<12} {len(rows):>4} {recall(rows, 1):>7.1%} {recall(rows, 5):>7.1%}")
    print(
        f"  refused by quote check (counted as misses): {refused}; best true match is another turn"
        f" saying the sentence word for word: {repeated}"
    )
    print(
        f"  latency ms: p50 {percentile(latencies, 50):.0f}  p95 {percentile(latencies, 95):.0f}"
        f"  max {max(latencies):.0f}; CPU time ms (what a quiet machine would take): "
        f"p50 {percentile(cpu, 50):.0f}  p95 {percentile(cpu, 95):.0f}; {load()}"
    )

    outside_scores = []
    for sentence in outside:
        try:
            check = quote_check(sentence)
        except QuoteCheckError:
            continue
        outside_scores.append(check.matches[0].alignment.score if check.matches else 0.0)
    print(
        f"\ncalibration: best score of the true turn for misquotes vs best score of {len(outside)} sentences from outside the archive"
    )
    for p in (1, 5, 10, 50):
        print(
            f"  misquotes p{p:<3} {percentile(true_scores, p):5.1f}    outside p{100 - p:<3} {percentile(outside_scores, 100 - p):5.1f}"
        )
    print(
        f"  at CLOSE_SCORE={CLOSE_SCORE:.0f}: {sum(s >= CLOSE_SCORE for s in true_scores) / len(true_scores):.1%} of found misquotes "
        f"are called close or verbatim; {sum(s >= CLOSE_SCORE for s in outside_scores) / len(outside_scores):.1%} of outside sentences are wrongly called close"
    )


def bench_meaning(samples, embed_turns: int, scale: int) -> None:
    """Embedding rate and memory on real turns; search latency on a vector index of `scale`.

    Embedding a whole large archive takes hours on a shared 2-core machine, so the rate is taken
    on `embed_turns` real turns through the service's own `embed`, and the index is filled up to
    `scale` vectors with random unit vectors (marked as such) to time the vector search at scale.
    """
    import numpy as np
    from usearch.index import Index

    from interviews.models import Turn
    from interviews.search import meaning

    if not meaning.installed():
        print("\nmeaning: skipped (the meaning extra is not installed)")
        return
    ids = [turn_id for turn_id, *_ in samples]
    ids += list(
        Turn.objects.published()
        .exclude(pk__in=ids)
        .order_by("?")
        .values_list("pk", flat=True)[: max(embed_turns - len(ids), 0)]
    )
    texts = dict(Turn.objects.filter(pk__in=ids).values_list("pk", "text"))
    meaning.embed(["load the model first"])
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    vectors = np.vstack(
        [meaning.embed([texts[pk] for pk in ids[i : i + 256]]) for i in range(0, len(ids), 256)]
    )
    elapsed = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = len(ids) / elapsed
    print(
        f"\nmeaning: embedded {len(ids):,} real turns in {elapsed:.0f} s = {rate:.1f} turns/s "
        f"(a million turns: {1_000_000 / rate / 3600:.1f} h); peak memory {rss_after:.0f} MB "
        f"({rss_after - rss_before:+.0f} MB while embedding); {load()}"
    )

    index = Index(ndim=meaning.DIMENSIONS, metric="cos", dtype="f16")
    rng = np.random.default_rng(0)
    started = time.perf_counter()
    index.add(np.array(ids, dtype=np.uint64), vectors)
    next_key = max(ids) + 1
    for offset in range(0, max(scale - len(ids), 0), 100_000):
        n = min(100_000, scale - len(ids) - offset)
        # Real embeddings moved a little at random: clustered like real turns, which is what
        # an approximate index finds hard; uniformly random vectors would flatter it.
        filler = vectors[rng.integers(len(vectors), size=n)] + rng.normal(
            0, 0.5 / meaning.DIMENSIONS**0.5, (n, meaning.DIMENSIONS)
        ).astype(np.float32)
        filler /= np.linalg.norm(filler, axis=1, keepdims=True)
        index.add(np.arange(next_key + offset, next_key + offset + n, dtype=np.uint64), filler)
    built = time.perf_counter() - started
    path = Path(meaning.index_dir()) / "bench.usearch"
    path.parent.mkdir(parents=True, exist_ok=True)
    index.save(str(path))
    print(
        f"  vector index: {len(index):,} vectors ({len(ids):,} real, the rest synthetic: real ones "
        f"plus noise) built in "
        f"{built:.0f} s, {path.stat().st_size / 1e6:.0f} MB on disk, "
        f"{index.memory_usage / 1e6:.0f} MB in memory while built"
    )
    view = Index.restore(str(path), view=True)
    latencies, hits1, hits5 = [], 0, 0
    for turn_id, _sentence, _kind, pasted in samples:
        started = time.perf_counter()
        found = [int(k) for k in view.search(meaning.embed([pasted])[0], 5).keys]
        latencies.append((time.perf_counter() - started) * 1000)
        hits1 += bool(found) and found[0] == turn_id
        hits5 += turn_id in found
    path.unlink()
    n = len(samples)
    print(
        f"  search by meaning (embed the query + search {len(index):,} vectors), {n} queries: "
        f"p50 {percentile(latencies, 50):.0f} ms, p95 {percentile(latencies, 95):.0f} ms "
        f"({load()}); "
        f"the misquotes as queries find their turn top-1 {hits1 / n:.1%}, top-5 {hits5 / n:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--archive-dir", type=Path, default=ROOT / "bench" / "out" / "archive-100000"
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        help="where the meaning and talking-point indexes go (default: the archive directory)",
    )
    parser.add_argument(
        "--turns", type=int, default=100_000, help="turns to load when building an archive"
    )
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument(
        "--outside", type=int, default=200, help="sentences from outside the archive"
    )
    parser.add_argument("--seed", type=int, default=1955)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--meaning", action="store_true", help="also embed and search by meaning")
    parser.add_argument(
        "--query-words", type=int, help="words asked of the index (default: service's)"
    )
    parser.add_argument(
        "--candidates", type=int, help="turns the index proposes (default: service's)"
    )
    parser.add_argument("--embed-turns", type=int, default=3000, help="real turns embedded")
    parser.add_argument("--vector-scale", type=int, default=1_000_000, help="vectors searched")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()

    archive_dir = args.archive_dir.resolve()
    setup_django(archive_dir, (args.out_dir or archive_dir).resolve())
    archive_ready(args.turns, args.corpus)
    if args.build_only:
        return
    from interviews.models import Turn
    from interviews.search import quotes

    quotes.QUERY_WORDS = args.query_words or quotes.QUERY_WORDS
    quotes.CANDIDATES = args.candidates or quotes.CANDIDATES
    print(f"quote check: {quotes.QUERY_WORDS} words asked, {quotes.CANDIDATES} candidates aligned")
    print(f"archive: {Turn.objects.published().count():,} published turns in {args.archive_dir}")
    rng = random.Random(args.seed)
    kinds = list(MISQUOTES)
    samples = [
        (turn_id, sentence, kinds[i % len(kinds)], misquote(sentence, kinds[i % len(kinds)], rng))
        for i, (turn_id, sentence) in enumerate(sample_sentences(args.samples, rng))
    ]
    outside = outside_sentences(args.outside, rng, args.corpus)
    bench_quote_check(samples, outside)
    if args.meaning:
        bench_meaning(samples, args.embed_turns, args.vector_scale)


if __name__ == "__main__":
    main()
