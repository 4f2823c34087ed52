from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from interviews.services.backup import BackupError, archive_import


class Command(BaseCommand):
    help = (
        "Restore a backup written by export_archive into an empty database, all or nothing, "
        "then rebuild the search index from it."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup file (.jsonl or .jsonl.gz).")
        parser.add_argument(
            "--no-index", action="store_true", help="Skip rebuilding the search index."
        )

    def handle(self, *args, path: Path, no_index: bool, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            result = archive_import(path=path)
        except (BackupError, DatabaseError) as exc:
            raise CommandError(f"Nothing was restored: {exc}") from exc
        for label, count in result.rows.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"{result.total} rows restored from {path}."))
        if not no_index:
            self.stdout.write("Rebuilding the search index...")
            call_command("rebuild_index", interactive=False, verbosity=0)
            self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
