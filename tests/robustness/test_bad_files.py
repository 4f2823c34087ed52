"""Odd files, through the ingest command and the admin upload: each is parsed, or refused with a
clear message and nothing written (`tests/data/bad_files/manifest.json` says which)."""

import contextlib
import json
import random
import shutil
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from interviews import parsing
from interviews.models import Segment, Speaker, Turn
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

BAD_FILES = Path(__file__).parent.parent / "data" / "bad_files"
MANIFEST = json.loads((BAD_FILES / "manifest.json").read_text(encoding="utf-8"))["files"]
# The parser's slowest honest input here (a million short lines) must still be answered in time.
TIME_BOUND_SECONDS = 120


def nothing_written() -> bool:
    return not (Segment.objects.exists() or Turn.objects.exists() or Speaker.objects.exists())


def cases(*, with_xfail: bool) -> list:
    """The manifest as test parameters; known parser bugs as strict xfails when asked."""
    params = []
    for name, expected in MANIFEST.items():
        marks = []
        if with_xfail and "xfail" in expected:
            marks = [pytest.mark.xfail(strict=True, reason=f"parser bug: {expected['xfail']}")]
        params.append(pytest.param(name, expected, id=name, marks=marks))
    return params


def assert_ingest_outcome(path: Path, expected: dict, capsys) -> None:
    if expected["outcome"] == "error":
        with pytest.raises(CommandError, match="1 failed"):
            call_command("ingest", str(path))
        assert expected["message"] in capsys.readouterr().err
        assert nothing_written()
        return
    call_command("ingest", str(path))
    turn = (
        Turn.objects.filter(text__contains=expected["contains"]).select_related("speaker").first()
    )
    assert turn is not None
    if "speaker" in expected:
        assert turn.speaker is not None and turn.speaker.name == expected["speaker"]
    # UTF-8 read as Windows-1252 ("•" as "â€¢", "é" as "Ã©"): the decoder guessed wrong.
    assert not Turn.objects.filter(text__regex="â€|Ã[\x80-\xbf]").exists()


def test_every_committed_file_has_an_expected_outcome():
    committed = {p.name for p in BAD_FILES.iterdir() if p.name != "manifest.json"}
    assert committed == set(MANIFEST)


@pytest.mark.parametrize(("name", "expected"), cases(with_xfail=True))
def test_the_ingest_command_parses_or_refuses_each_odd_file(name, expected, capsys):
    assert_ingest_outcome(BAD_FILES / name, expected, capsys)


@pytest.mark.parametrize(("name", "expected"), cases(with_xfail=False))
def test_the_admin_upload_previews_or_refuses_each_odd_file_and_writes_nothing(
    client, name, expected
):
    client.force_login(EditorFactory())
    upload = SimpleUploadedFile(name, (BAD_FILES / name).read_bytes())

    response = client.post(reverse("admin:interviews_segment_add"), {"file": upload})

    if expected["outcome"] == "error":
        message = expected.get("admin_message", expected["message"])
        assert response.status_code == 200
        assert message in response.content.decode().replace("&quot;", '"')
    else:
        assert response.status_code == 302 and "/preview/" in response["Location"]
        assert client.get(response["Location"]).status_code == 200
    assert nothing_written()


def test_the_command_exits_non_zero_and_names_every_refused_file(archive_dir, tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(BAD_FILES, folder, ignore=shutil.ignore_patterns("manifest.json"))

    result = archive_dir.manage("ingest", str(folder))

    assert result.returncode == 1
    refused = [name for name, expected in MANIFEST.items() if expected["outcome"] == "error"]
    for name in refused:
        assert f"{name}: " in result.stderr, name
    assert f"{len(refused)} failed" in result.stderr
    segments = archive_dir.query("SELECT COUNT(*) FROM interviews_segment")[0][0]
    assert 1 <= segments <= len(MANIFEST) - len(refused)
    empty = archive_dir.query(
        "SELECT COUNT(*) FROM interviews_segment s WHERE NOT EXISTS "
        "(SELECT 1 FROM interviews_turn t WHERE t.segment_id = s.id)"
    )[0][0]
    assert empty == 0


# Large odd inputs, made on the spot rather than committed.


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(8).randbytes(1_000_000))


def fifty_megabytes(path: Path) -> None:
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with path.open("r+b") as f:
        f.write(b"  \xe2\x80\xa2 BOB JONES:\n\n    Hello.\n")


def a_million_short_lines(path: Path) -> None:
    path.write_text("".join(f"line {n}\n" for n in range(1_000_000)), encoding="utf-8")


def deeply_nested_json(path: Path) -> None:
    path.write_text('{"turns": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")


def nested_objects_json(path: Path) -> None:
    path.write_text('{"turns": [' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "]}")


def one_five_megabyte_line(path: Path) -> None:
    path.write_text("  \xe2\x80\xa2 BOB JONES:\n\n    " + "word " * 1_000_000, encoding="utf-8")


LARGE = [
    (random_bytes, "error", "binary file"),
    (fifty_megabytes, "error", "the largest transcript accepted is 20 MB"),
    (a_million_short_lines, "error", "No transcript turns were found"),
    (deeply_nested_json, "error", "not valid JSON"),
    (nested_objects_json, "error", "not valid JSON"),
    (one_five_megabyte_line, "parsed", "word word word"),
]


@pytest.mark.parametrize(("make", "outcome", "message"), LARGE, ids=[m.__name__ for m, *_ in LARGE])
def test_large_odd_files_are_parsed_or_refused_in_bounded_time(
    tmp_path, capsys, make, outcome, message
):
    path = tmp_path / f"{make.__name__}.txt"
    make(path)
    started = time.monotonic()

    assert_ingest_outcome(
        path, {"outcome": outcome, "message": message, "contains": message}, capsys
    )

    assert time.monotonic() - started < TIME_BOUND_SECONDS


def test_many_short_label_lines_are_answered_within_seconds():
    lines = "".join(
        "  \u2022 BOB JONES:\n" if n % 2 == 0 else f"    ok {n}\n" for n in range(50_000)
    )
    started = time.monotonic()

    with contextlib.suppress(parsing.ParseError):
        parsing.parse_transcript(lines)

    assert time.monotonic() - started < 5
