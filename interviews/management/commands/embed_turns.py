import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from interviews.search import meaning
from interviews.services.embeddings import turn_embeddings_sync


class Command(BaseCommand):
    help = (
        "Embed the published turns for search by meaning (needs the `meaning` extra). Only turns "
        "new or changed since the last run are embedded; unpublished and deleted ones are dropped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Start from an empty index and embed every turn."
        )
        parser.add_argument("--batch-size", type=int, default=256, help="Turns read per batch.")

    def handle(self, *args, rebuild, batch_size, **options):
        if not meaning.installed():
            raise CommandError(meaning.unavailable_reason())
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        progress = tqdm(unit="turn", file=sys.stderr, mininterval=5)
        started = time.perf_counter()
        result = turn_embeddings_sync(
            batch_size=batch_size,
            rebuild=rebuild,
            on_start=lambda n: setattr(progress, "total", n),
            on_progress=progress.update,
        )
        progress.close()
        elapsed = time.perf_counter() - started
        rate = f" ({result.embedded / elapsed:.1f} turns/s)" if result.embedded else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.embedded} turns embedded{rate}, {result.removed} dropped; "
                f"{result.total} in the index, {meaning.index_stats()['bytes'] / 1e6:.2f} MB on disk."
            )
        )
