from pathlib import Path

import pytest

from interviews.parsing import parse_transcript

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEED = ROOT / "seeds" / "000_617853c208429a70.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    return parse_transcript(seed_text)


def data(name: str) -> bytes:
    """A sample transcript from tests/data, as the bytes an upload would carry."""
    return (DATA / name).read_bytes()
