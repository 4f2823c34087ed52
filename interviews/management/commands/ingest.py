import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from interviews import parsing
from interviews.models import Segment
from interviews.services.ingest import IngestError, file_ingest, read_transcript

TRANSCRIPT_SUFFIXES = {
    ".txt",
    ".vtt",
    ".srt",
    ".sbv",
    ".ttml",
    ".dfxp",
    ".csv",
    ".tsv",
    ".json",
    ".text",
    ".md",
    ".html",
    ".htm",
    ".docx",
    ".rtf",
    ".pdf",
}


def transcript_paths(paths: list[str]) -> list[Path]:
    """The files named, and the transcript files inside the folders named, in a stable order."""
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES
            )
        elif path.exists():
            found.append(path)
        else:
            raise CommandError(f"{path}: no such file or folder.")
    return found


class Command(BaseCommand):
    help = (
        "Ingest transcript files (or every transcript in the folders given) into the archive. "
        "The same content twice gives one segment; a file that fails leaves nothing behind."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--format", choices=parsing.FORMATS, help="Skip detection and read as this format."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Parse and report, write nothing."
        )
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="With --dry-run: print the parse as JSON.",
        )
        parser.add_argument(
            "--draft", action="store_true", help="Store as drafts instead of publishing."
        )

    def handle(self, *args, paths, format, dry_run, as_json, draft, **options):
        files = transcript_paths(paths)
        if not files:
            raise CommandError("No transcript files found in the paths given.")
        if dry_run:
            return self.dry_run(files, format=format, as_json=as_json)
        if as_json:
            raise CommandError("--json only goes with --dry-run.")

        status = Segment.Status.DRAFT if draft else Segment.Status.PUBLISHED
        created = skipped = 0
        failures = []
        progress = tqdm(files, unit="file", disable=len(files) < 2, file=sys.stderr)
        for path in progress:
            progress.set_postfix_str(path.name[-40:])
            try:
                result = file_ingest(path=path, format=format, status=status)
            except IngestError as exc:
                failures.append(str(exc))
                continue
            if result.created:
                created += 1
            else:
                skipped += 1
        for failure in failures:
            self.stderr.write(self.style.ERROR(failure))
        summary = (
            f"{created} segment{'s' if created != 1 else ''} added, "
            f"{skipped} already in the archive, {len(failures)} failed."
        )
        if failures:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def dry_run(self, files: list[Path], *, format: str | None, as_json: bool) -> None:
        if as_json and len(files) != 1:
            raise CommandError("--dry-run --json takes exactly one file.")
        for path in files:
            try:
                transcript, _ = read_transcript(path, format=format)
            except IngestError as exc:
                raise CommandError(str(exc)) from exc
            if as_json:
                self.stdout.write(json.dumps(transcript.to_dict(), ensure_ascii=False, indent=2))
                continue
            self.stdout.write(f"{path}: {transcript.headline() or 'untitled'}")
            header = {"program": transcript.program, "aired": transcript.air_date}
            if any(header.values()):
                self.stdout.write("  " + ", ".join(f"{k} {v}" for k, v in header.items() if v))
            for turn in transcript.turns:
                who = turn.speaker or f"({', '.join(filter(None, (turn.label, turn.role)))})"
                self.stdout.write(
                    f"  {who} [{turn.attribution} {turn.confidence:.2f}]: {turn.text[:70]!r}"
                )
