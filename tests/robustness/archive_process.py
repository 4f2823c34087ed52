"""A throwaway archive (SQLite file and Whoosh index) that real `manage.py` processes work on."""

import json
import os
import random
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
WORDS = [
    "border",
    "security",
    "smuggler",
    "harbour",
    "committee",
    "minister",
    "river",
    "night",
    "election",
    "senate",
    "budget",
    "court",
    "ruling",
    "appeal",
    "witness",
    "evidence",
    "ceasefire",
    "refugee",
    "vaccine",
    "inflation",
    "pension",
    "tariff",
]


@dataclass
class ArchiveDir:
    path: Path

    @property
    def database(self) -> Path:
        return self.path / "archive.sqlite3"

    def env(self) -> dict:
        return {
            **os.environ,
            "DJANGO_ENV": "development",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "SEARCH_URL": f"whoosh://{self.path / 'whoosh'}",
            "ARCHIVE_VAR_DIR": str(self.path),
            "CACHE_URL": "dummy://",
        }

    def manage(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def query(self, sql: str) -> list[tuple]:
        """Read the archive's database directly, as a second client would."""
        with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=30) as db:
            return db.execute(sql).fetchall()


def write_transcripts(folder: Path, count: int, *, turns: int, seed: int = 0) -> list[Path]:
    """`count` distinct transcripts (archive JSON), each of `turns` turns by three speakers."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        speakers = [f"Speaker {seed}-{n}-{i}" for i in range(3)]
        transcript = {
            "title": f"Generated hearing {seed}-{n}",
            "speakers": [{"name": name, "role": "guest"} for name in speakers],
            "turns": [
                {
                    "speaker": speakers[t % 3],
                    "attribution": "label",
                    "confidence": 1,
                    "text": " ".join(rng.choices(WORDS, k=40)) + f" marker{seed}x{n}x{t}.",
                }
                for t in range(turns)
            ],
        }
        path = folder / f"hearing-{seed}-{n:03}.json"
        path.write_text(json.dumps(transcript), encoding="utf-8")
        paths.append(path)
    return paths
