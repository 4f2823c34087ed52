import os

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from interviews.models import Turn
from interviews.search.backend import IndexBusy
from interviews.services.indexing import search_index_build


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database's published turns, in bulk. Searches and "
        "edits go on meanwhile; the new index replaces the old one in one step at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--processes",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes writing the index, one segment each (Whoosh only; default: cores).",
        )
        parser.add_argument("--chunk-size", type=int, default=20_000)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, processes, chunk_size, no_progress, **options):
        if processes < 1 or chunk_size < 1:
            raise CommandError("--processes and --chunk-size must be positive.")
        total = Turn.objects.published().count()
        bar = tqdm(total=total, unit="turn", disable=no_progress, file=self.stderr)

        def progress(done: int) -> None:
            bar.update(done - bar.n)

        try:
            result = search_index_build(
                chunk_size=chunk_size, processes=processes, progress=progress
            )
        except IndexBusy as exc:
            raise CommandError(f"{exc} Nothing was replaced; try again.") from exc
        finally:
            bar.close()
        rate = result.documents / result.seconds if result.seconds else 0
        self.stdout.write(
            f"Indexed {result.documents} turns in {result.seconds:.1f} s ({rate:.0f} turns/s); "
            f"index {result.bytes / 1_048_576:.1f} MB; "
            f"{result.resynced_segments} segments changed meanwhile were synced again."
        )
