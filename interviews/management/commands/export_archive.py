from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from interviews.services.backup import BackupError, archive_export


class Command(BaseCommand):
    help = (
        "Back up the whole archive (segments with their raw text, speakers, turns, topics, "
        "programs, editors' corrections and history) to one JSON Lines file; .gz compresses it."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The file to write, e.g. archive.jsonl.gz.")
        parser.add_argument("--force", action="store_true", help="Overwrite an existing file.")

    def handle(self, *args, path: Path, force: bool, **options):
        if path.exists() and not force:
            raise CommandError(f"{path} exists; pass --force to overwrite it.")
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent} is not a folder.")
        try:
            result = archive_export(path=path)
        except (BackupError, OSError) as exc:
            path.unlink(missing_ok=True)
            raise CommandError(f"Backup failed: {exc}") from exc
        for label, count in result.rows.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"{result.total} rows written to {path}."))
