from django.core.management.base import BaseCommand, CommandError

from interviews.search.backend import IndexBusy, SearchUnavailable
from interviews.services.indexing import search_index_check, search_index_repair


class Command(BaseCommand):
    help = (
        "Report differences between the published turns in the database and the search index; "
        "with --repair, re-sync the segments concerned. Exits 1 when differences remain."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Fix what is found.")
        parser.add_argument(
            "--deep", action="store_true", help="Also compare every document's stored values."
        )

    def handle(self, *args, repair, deep, **options):
        try:
            check = search_index_check(deep=deep)
        except (NotImplementedError, SearchUnavailable) as exc:
            raise CommandError(str(exc)) from exc
        for label, ids in (
            ("missing", check.missing),
            ("extra", check.extra),
            ("stale", check.stale),
        ):
            if ids:
                sample = ", ".join(str(i) for i in sorted(ids)[:10])
                more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
                self.stdout.write(f"{len(ids)} {label} turns: {sample}{more}")
        if check.ok:
            self.stdout.write("The index matches the database.")
            return
        if not repair:
            self.stdout.write(f"{len(check.segments)} segments differ; run with --repair.")
            raise SystemExit(1)
        try:
            synced = search_index_repair(check=check)
        except IndexBusy as exc:
            raise CommandError(f"{exc} Run the repair again.") from exc
        after = search_index_check(deep=deep)
        self.stdout.write(f"Re-synced {synced} segments.")
        if not after.ok:
            self.stdout.write("Differences remain (edits may be under way); run again.")
            raise SystemExit(1)
        self.stdout.write("The index matches the database.")
