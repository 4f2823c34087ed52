import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from interviews.services.talking_points import talking_points_update


class Command(BaseCommand):
    help = (
        "Find repeated talking points: near-identical passages said in different turns. Reads "
        "only turns new or changed since the last run; --rebuild starts again from nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Forget earlier runs.")
        parser.add_argument("--batch-size", type=int, default=2000, help="Turns read per batch.")

    def handle(self, *args, rebuild, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        progress = tqdm(unit="turn", file=sys.stderr, disable=None)
        result = talking_points_update(
            rebuild=rebuild,
            batch_size=batch_size,
            on_start=lambda n: setattr(progress, "total", n),
            on_progress=progress.update,
        )
        progress.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.turns_read} turns read, {result.turns_dropped} dropped; "
                f"{result.pairs} near-identical pairs; {result.talking_points} talking points."
            )
        )
