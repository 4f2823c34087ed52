"""Fit the attribution engine's evidence weights by coordinate search on the tuning split.

    python bench/tune_weights.py                       # scraped shape, from engine.Weights()
    python bench/tune_weights.py --formats scraped,srt>> --sweeps 1
    python bench/tune_weights.py --start '{"handover": 5.25}' --evaluate

Each weight in turn is scaled up and down by --step; a change is kept when it gets at least
--min-gain more paragraphs right over the tuning split's transcripts rendered as bench/attribution.py
renders them. The search stops after --sweeps passes or a pass that keeps nothing. It then scores
the held-out split, which the search never saw, with the starting and the found weights: only a
gain there says the new weights are better and not fitted to the tuning transcripts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict, fields
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution import RENDER, load, score  # noqa: E402

from interviews.parsing.api import read  # noqa: E402
from interviews.parsing.engine import Weights  # noqa: E402

Case = tuple[str, str, str, list]  # corpus, format, rendered text, truth

_cases: list[Case] = []  # each worker's copy, set before the pool forks


def rendered(split: str, formats: list[str], seed: int) -> list[Case]:
    """The split's transcripts in `formats`, rendered exactly as bench/attribution.py does, the
    longest first (the pool then ends with short ones, keeping both cores busy)."""
    cases = []
    for script in load(63, 30, seed):
        if script.split != split:
            continue
        rng = random.Random(f"{seed}:{script.title}")
        for fmt in RENDER:  # every shape in order: the renderings share one random stream
            text, truth = RENDER[fmt](script, rng)
            if fmt in formats:
                cases.append((script.corpus, fmt, text, truth))
    return sorted(cases, key=lambda case: -len(case[2]))


def _right(job: tuple[int, dict]) -> tuple[str, int, int]:
    index, weights = job
    corpus, fmt, text, truth = _cases[index]
    outcome = score(read(text, weights=Weights(**weights)), truth)
    return f"{corpus} {fmt}", sum(r for _, r in outcome.paragraphs), len(outcome.paragraphs)


def evaluate(pool, weights: dict) -> tuple[int, dict[str, float]]:
    """Paragraphs right over all cases, and the share right in each corpus and format."""
    tally: dict[str, list[int]] = {}
    for key, right, total in pool.map(_right, [(i, weights) for i in range(len(_cases))], 1):
        counts = tally.setdefault(key, [0, 0])
        counts[0] += right
        counts[1] += total
    shares = {key: round(100 * right / total, 2) for key, (right, total) in tally.items()}
    return sum(right for right, _ in tally.values()), shares


def search(pool, start: dict, step: float, min_gain: int, sweeps: int) -> dict:
    best, shares = evaluate(pool, start)
    print(f"start: {best} paragraphs right {shares}", flush=True)
    weights = dict(start)
    tunable = [f.name for f in fields(Weights) if isinstance(weights[f.name], float)]
    for sweep in range(sweeps):
        kept_any = False
        for name in tunable:
            for factor in (step, 1 / step):
                trial = {**weights, name: round(weights[name] * factor, 3)}
                right, trial_shares = evaluate(pool, trial)
                kept = right >= best + min_gain
                print(f"  {name} = {trial[name]}: {right} {trial_shares}{'  kept' if kept else ''}")
                if kept:
                    best, weights, kept_any = right, trial, True
                    break
        changed = {k: v for k, v in weights.items() if v != start[k]}
        print(f"sweep {sweep + 1}: {best} paragraphs right, changed {json.dumps(changed)}")
        if not kept_any:
            break
    return weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--formats", default="scraped", help="comma-separated formats")
    parser.add_argument("--start", default="{}", help="JSON of weights to start from")
    parser.add_argument("--step", type=float, default=1.5, help="scale each weight by this")
    parser.add_argument("--min-gain", type=int, default=10, help="paragraphs a change must gain")
    parser.add_argument("--sweeps", type=int, default=2)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--evaluate", action="store_true", help="only score --start on both splits")
    args = parser.parse_args()
    formats = args.formats.split(",")
    start = {**asdict(Weights()), **json.loads(args.start)}
    began = time.time()
    _cases[:] = rendered("tune", formats, args.seed)
    with Pool(args.processes) as pool:
        if args.evaluate:
            found = start
            right, shares = evaluate(pool, start)
            print(f"tune: {right} paragraphs right {shares}")
        else:
            found = search(pool, start, args.step, args.min_gain, args.sweeps)
    _cases[:] = rendered("held-out", formats, args.seed)
    with Pool(args.processes) as pool:
        for label, weights in [("start", start)] + ([("found", found)] if found != start else []):
            right, shares = evaluate(pool, weights)
            print(f"held-out, {label} weights: {right} paragraphs right {shares}")
    print(f"{time.time() - began:.0f}s")


if __name__ == "__main__":
    main()
