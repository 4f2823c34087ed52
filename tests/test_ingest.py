import datetime
import json
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from interviews.models import Appearance, Segment, Speaker, Turn
from interviews.parsing import parse_transcript
from interviews.services import ingest as ingest_service
from tests.conftest import SEED_PATH as SEED
from tests.documents import docx

pytestmark = pytest.mark.django_db


def test_ingesting_the_seed_stores_its_segment_speakers_and_turns(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(SEED))

    segment = Segment.objects.get()
    assert segment.title == "If ISIS falls, where will its fighters flee?"
    assert segment.is_published
    assert segment.raw_text == SEED.read_text(encoding="utf-8")
    assert set(Speaker.objects.values_list("name", flat=True)) == {
        "William Brangham",
        "Rukmini Callimachi",
        "Peter Neumann",
    }
    roles = dict(Appearance.objects.values_list("speaker__name", "role"))
    assert roles == {
        "William Brangham": "host",
        "Rukmini Callimachi": "guest",
        "Peter Neumann": "guest",
    }
    assert Appearance.objects.get(speaker__name="Rukmini Callimachi").affiliation == (
        "The New York Times"
    )
    turns = list(segment.turns.order_by("sequence"))
    assert [t.sequence for t in turns] == list(range(1, len(turns) + 1))
    assert turns[0].speaker is None and turns[0].role == "anchor"


def test_a_transcripts_dateline_dates_its_segment(tmp_path, capsys):
    title = "If ISIS falls, where will its fighters flee?"
    page = tmp_path / "dated.txt"
    page.write_text(SEED.read_text(encoding="utf-8").replace(title, f"{title}\n\nNov 3, 2016", 1))
    call_command("ingest", str(page), "--dry-run")
    assert f"{page}: {title}\n  aired 2016-11-03\n" in capsys.readouterr().out
    call_command("ingest", str(page))
    assert Segment.objects.get().air_date == datetime.date(2016, 11, 3)


def test_a_transcript_without_a_title_is_titled_by_its_program_and_air_date(tmp_path, capsys):
    page = tmp_path / "rush.txt"
    page.write_text(
        'This is a rush transcript from "Special Report," May 5, 2023.\n\n'
        "BRET BAIER, ANCHOR: Good evening.\n\nSEN. MARIA TORRES: Thanks, Bret.\n"
    )
    call_command("ingest", str(page), "--dry-run")
    assert f"{page}: Special Report, May 5, 2023\n" in capsys.readouterr().out
    call_command("ingest", str(page))
    segment = Segment.objects.get()
    assert (segment.title, segment.program.name) == (
        "Special Report, May 5, 2023",
        "Special Report",
    )
    untold = parse_transcript("ANN LEE: Hi.\n\nTOM WU: Hello.\n")
    assert (untold.headline(), replace(untold, air_date="2023-05-05").headline()) == (
        "",
        "May 5, 2023",
    )
    # An export may carry anything as its date: it titles nothing and dates nothing.
    export = tmp_path / "export.json"
    export.write_text(json.dumps({**untold.to_dict(), "program": "Q", "air_date": "soon"}))
    call_command("ingest", str(export))
    assert Segment.objects.get(program__name="Q").title == "Q"
    assert Segment.objects.get(program__name="Q").air_date is None


def test_ingesting_the_same_content_twice_gives_one_segment(capsys):
    call_command("ingest", str(SEED))
    call_command("ingest", str(SEED))

    assert Segment.objects.count() == 1
    assert "0 segments added, 1 already in the archive, 0 failed." in capsys.readouterr().out


def test_a_folder_is_ingested_file_by_file_with_a_summary(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_text("WILLIAM SMITH: Hello there.\n\nJANE DOE: Hello to you.\n")
    (tmp_path / "c.html").write_text(
        "<html><body><p>ANN LEE: Hello there.</p><p>BOB ROSS: Hello to you.</p></body></html>"
    )
    (tmp_path / "d.docx").write_bytes(docx("CAROL KING: Hello, all.", "DAN LEE: Hello, Carol."))
    (tmp_path / "e.csv").write_text('Speaker,Text\nEVE ADAMS,Hi.\nFRED HALL,"Hi, Eve."\n')
    (tmp_path / "f.sbv").write_text(
        "0:00:01.000,0:00:02.000\nGIL MOORE: Hi.\n\n0:00:02.000,0:00:03.000\nHAL WEST: Hi, Gil.\n"
    )
    (tmp_path / "g.rtf").write_bytes(rb"{\rtf1\ansi IVY CHO: Hi.\par JOE LUM: Hi, Ivy.\par}")
    (tmp_path / "h.dfxp").write_text(
        '<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s" end="2s">KIM OH: Hi.</p>'
        '<p begin="2s" end="3s">LEO FOX: Hi, Kim.</p></div></body></tt>'
    )
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")

    call_command("ingest", str(tmp_path))

    assert Segment.objects.count() == 8
    assert "8 segments added, 0 already in the archive, 0 failed." in capsys.readouterr().out
    assert Turn.objects.filter(speaker__name="Leo Fox", text="Hi, Kim.", start_seconds=2.0).exists()
    assert Turn.objects.filter(speaker__name="Joe Lum", text="Hi, Ivy.").exists()
    assert Turn.objects.filter(speaker__name="Bob Ross", text="Hello to you.").exists()
    assert Turn.objects.filter(speaker__name="Dan Lee", text="Hello, Carol.").exists()
    assert Turn.objects.filter(speaker__name="Fred Hall", text="Hi, Eve.").exists()
    assert Turn.objects.filter(
        speaker__name="Hal West", text="Hi, Gil.", start_seconds=2.0
    ).exists()


def test_the_times_a_long_turns_paragraphs_start_at_are_stored(tmp_path):
    (tmp_path / "address.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Lee>We begin.\n\n"
        "00:00:40.000 --> 00:00:44.000\n<v Ann Lee>The budget passed.\n\n"
        "00:00:45.000 --> 00:00:47.000\n<v Tom Wu>Thanks, Ann.\n"
    )

    call_command("ingest", str(tmp_path / "address.vtt"))

    stored = Turn.objects.order_by("sequence")
    assert [(t.text, t.start_seconds, t.paragraph_starts) for t in stored] == [
        ("We begin.\n\nThe budget passed.", 1.0, [1.0, 40.0]),
        ("Thanks, Ann.", 45.0, []),
    ]


def test_a_failure_while_storing_leaves_nothing_behind(monkeypatch):
    def fail(*args, **kwargs):
        raise ingest_service.DatabaseError("disk full")

    monkeypatch.setattr(Turn.objects, "bulk_create", fail)

    with pytest.raises(CommandError, match="1 failed"):
        call_command("ingest", str(SEED))

    assert not Segment.objects.exists()
    assert not Speaker.objects.exists()
    assert not Appearance.objects.exists()


def test_a_bad_file_is_named_with_the_reason_and_the_others_still_go_in(tmp_path, capsys):
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.txt").write_text("")

    with pytest.raises(CommandError, match="1 segment added, 0 already in the archive, 1 failed"):
        call_command("ingest", str(tmp_path))

    assert "empty.txt" in capsys.readouterr().err
    assert Segment.objects.count() == 1


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings, capsys):
    settings.TRANSCRIPT_MAX_BYTES = 1000
    big = tmp_path / "big.txt"
    big.write_text("WILLIAM SMITH: " + "word " * 1000)

    with pytest.raises(CommandError):
        call_command("ingest", str(big))

    assert "largest transcript accepted" in capsys.readouterr().err
    assert not Segment.objects.exists()


def test_a_missing_path_is_a_clear_error():
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("ingest", "/nonexistent/transcript.txt")


def test_dry_run_json_prints_the_parse_and_writes_nothing(capsys):
    call_command("ingest", str(SEED), "--dry-run", "--json")

    parsed = json.loads(capsys.readouterr().out)
    assert {"title", "summary", "speakers", "turns"} <= parsed.keys()
    assert {"name", "affiliation", "role"} <= parsed["speakers"][0].keys()
    assert {"speaker", "text", "attribution", "confidence"} <= parsed["turns"][0].keys()
    names = {s["name"] for s in parsed["speakers"]}
    assert all(t["speaker"] is None or t["speaker"] in names for t in parsed["turns"])
    assert not Segment.objects.exists()


def test_an_automatic_transcripts_unnamed_voices_are_kept_and_shown_by_their_numbers(
    tmp_path, client, capsys
):
    path = tmp_path / "otter.txt"
    path.write_text(
        "Speaker 1  0:00\nWelcome back. Where were you when the storm hit?\n\n"
        "Speaker 2  0:06\nAt home, with the kids.\n\n"
        "Speaker 1  0:14\nAnd then?\n\n"
        "Speaker 2  0:17\nWe went to the attic and waited.\n"
    )
    call_command("ingest", str(path), "--dry-run")
    assert "(Speaker 2, guest) [label 1.00]: 'At home, with the kids.'" in capsys.readouterr().out

    call_command("ingest", str(path))

    turns = list(Turn.objects.order_by("sequence"))
    assert [(t.speaker, t.speaker_label, t.start_seconds) for t in turns[:2]] == [
        (None, "Speaker 1", 0),
        (None, "Speaker 2", 6),
    ]
    assert [t.speaker_name for t in turns] == ["Speaker 1", "Speaker 2"] * 2
    page = client.get(turns[0].segment.get_absolute_url()).content.decode()
    assert page.count(">Speaker 2</span>") == 2


def test_an_office_is_shown_as_printed_and_never_stored_as_an_archive_wide_speaker(
    tmp_path, client
):
    path = tmp_path / "hearing.txt"
    path.write_text(
        "THE COURT: Call your witness.\n\nMR. HARRIS: The plaintiff calls Ellen Marsh.\n\n"
        "THE WITNESS: I do.\n\nMR. HARRIS: Where do you work?\n\nTHE WITNESS: At the library.\n"
    )

    call_command("ingest", str(path))

    assert list(Speaker.objects.values_list("name", flat=True)) == ["Harris"]
    turns = list(Turn.objects.order_by("sequence"))
    assert [t.speaker_name for t in turns] == [
        "The Court",
        "Harris",
        "The Witness",
        "Harris",
        "The Witness",
    ]
    page = client.get(turns[0].segment.get_absolute_url()).content.decode()
    assert page.count(">The Witness</span>") == 2


@pytest.mark.parametrize(
    ("export", "message"),
    [
        ({"title": "T" * 301, "speakers": [], "turns": [{"text": "Hi."}]}, "The title is 301"),
        (
            {
                "speakers": [{"name": "Ann Lee", "affiliation": "A" * 400}],
                "turns": [{"speaker": "Ann Lee", "text": "Hi."}],
            },
            "'Ann Lee''s affiliation is 400",
        ),
        ({"segments": [{"speaker": "S" * 301, "text": "Hi."}]}, "The label"),
    ],
)
def test_a_field_longer_than_the_archive_keeps_is_refused_before_anything_is_written(
    tmp_path, capsys, export, message
):
    path = tmp_path / "long.json"
    path.write_text(json.dumps(export))

    with pytest.raises(CommandError, match="1 failed"):
        call_command("ingest", str(path))

    assert message in capsys.readouterr().err
    assert not Segment.objects.exists()
