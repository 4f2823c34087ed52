import gzip
import json

import pytest
from django.core.management import CommandError, call_command

from interviews.models import Segment, Turn
from interviews.search.queries import quote_search
from interviews.services.backup import (
    BackupError,
    archive_export,
    archive_import,
    archive_models,
)
from tests.factories import AppearanceFactory, SegmentFactory, SpeakerFactory, TurnFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(seed_segment):
    """The seed, plus a draft with every kind of field an editor may have set or corrected."""
    draft = SegmentFactory(
        status="draft",
        title="Entretien: l'été à Zürich",
        summary="Two lines\nof summary.",
        source_url="https://example.org/x",
        program__description="Late-night talk.",
    )
    draft.topics.create(name="Économie", slug="economie")
    seed_segment.topics.add(draft.topics.get())
    speaker = SpeakerFactory(name="Dr. Zoë Ñúñez", honorific="Dr.", affiliation="Université X")
    AppearanceFactory(segment=draft, speaker=speaker, role="guest", affiliation="Old job")
    TurnFactory(
        segment=draft,
        speaker=speaker,
        sequence=1,
        text="First paragraph.\n\nSecond — with “quotes”.",
        attribution=Turn.Attribution.EDITOR,
        confidence=0.123456789012345,
        start_seconds=12.345,
        end_seconds=67.891,
        paragraph_starts=[12.345, 40.5],
        speaker_label="ZOË:",
    )
    TurnFactory(segment=draft, speaker=None, sequence=2, role="host", attribution="unknown")
    return seed_segment


def snapshot() -> dict:
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in archive_models()
    }


def empty_the_archive() -> None:
    for model in reversed(archive_models()):
        model._base_manager.all().delete()


@pytest.mark.parametrize("name", ["archive.jsonl", "archive.jsonl.gz"])
def test_export_then_import_gives_back_every_field_of_every_row(archive, tmp_path, name):
    before = snapshot()
    path = tmp_path / name

    exported = archive_export(path=path)
    empty_the_archive()
    imported = archive_import(path=path)

    assert imported.rows == exported.rows
    assert exported.rows["interviews.segment_topics"] == 2
    assert snapshot() == before
    assert Segment.objects.get(status="draft").raw_text
    assert Segment.objects.get(pk=archive.pk).raw_text == archive.raw_text


def test_the_backup_names_every_column_of_every_table(archive, tmp_path):
    path = tmp_path / "a.jsonl"
    archive_export(path=path)

    header = json.loads(path.read_text().splitlines()[0])

    assert header["format"] == "interview-archive" and header["version"] == 1
    for model in archive_models():
        assert header["tables"][model._meta.label_lower] == [
            f.attname for f in model._meta.concrete_fields
        ]


def test_new_rows_after_a_restore_get_fresh_ids(archive, tmp_path):
    path = tmp_path / "a.jsonl"
    archive_export(path=path)
    empty_the_archive()
    archive_import(path=path)

    new = TurnFactory()

    assert new.pk > max(Turn.objects.exclude(pk=new.pk).values_list("pk", flat=True))


def test_an_unknown_version_is_refused_loudly(tmp_path):
    path = tmp_path / "future.jsonl"
    path.write_text(json.dumps({"format": "interview-archive", "version": 99}) + "\n")

    with pytest.raises(BackupError, match="version 99 backup; this archive reads version 1"):
        archive_import(path=path)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text("hello\n")

    with pytest.raises(BackupError, match="is not an Interview Archive backup"):
        archive_import(path=path)


def test_restoring_over_an_archive_is_refused(archive, tmp_path):
    path = tmp_path / "a.jsonl"
    archive_export(path=path)

    with pytest.raises(BackupError, match="not empty"):
        archive_import(path=path)


def test_a_damaged_backup_restores_nothing(archive, tmp_path):
    path = tmp_path / "a.jsonl"
    archive_export(path=path)
    lines = path.read_text().splitlines()
    lines[-2] = '{"model": "interviews.turn", "fields": {"confidence": "very"'
    path.write_text("\n".join(lines) + "\n")
    empty_the_archive()

    with pytest.raises(BackupError, match=f"line {len(lines) - 1}"):
        archive_import(path=path)

    assert all(not rows for rows in snapshot().values())


def test_a_backup_with_a_column_the_archive_no_longer_has_is_refused(archive, tmp_path):
    path = tmp_path / "a.jsonl"
    archive_export(path=path)
    lines = path.read_text().splitlines()
    header = json.loads(lines[0])
    header["tables"]["interviews.speaker"].append("shoe_size")
    path.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    empty_the_archive()

    with pytest.raises(BackupError, match="Speaker has no field shoe_size"):
        archive_import(path=path)


def test_a_truncated_gzip_restores_nothing(archive, tmp_path):
    path = tmp_path / "a.jsonl.gz"
    archive_export(path=path)
    path.write_bytes(path.read_bytes()[:-200])
    empty_the_archive()

    with pytest.raises(BackupError, match="cannot be read"):
        archive_import(path=path)

    assert all(not rows for rows in snapshot().values())


def test_the_commands_round_trip_and_rebuild_the_index(archive, tmp_path, capsys):
    path = tmp_path / "backup.jsonl.gz"
    call_command("export_archive", str(path))
    with gzip.open(path, "rt") as backup:
        assert backup.readline().startswith('{"format": "interview-archive"')
    empty_the_archive()
    call_command("clear_index", interactive=False, verbosity=0)
    assert quote_search(q="ghanima").count == 0

    call_command("import_archive", str(path))

    assert quote_search(q="ghanima").count == 1
    assert "rows restored" in capsys.readouterr().out


def test_the_export_command_will_not_overwrite_a_file_unless_told(tmp_path):
    path = tmp_path / "backup.jsonl"
    path.write_text("precious")

    with pytest.raises(CommandError, match="pass --force"):
        call_command("export_archive", str(path))
    assert path.read_text() == "precious"


def test_the_import_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_archive", str(tmp_path / "nope.jsonl"))
