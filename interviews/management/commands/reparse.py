import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from interviews.models import Segment
from interviews.services.ingest import IngestError
from interviews.services.reparse import segment_reparse


class Command(BaseCommand):
    help = (
        "Parse segments again from their kept raw text, as the parser now reads it, keeping the "
        "editors' corrections wherever their words are unchanged. Each segment is its own "
        "transaction: one that no longer parses is reported and left as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG", help="Segments to parse again.")
        parser.add_argument(
            "--all", action="store_true", dest="every", help="Every segment, drafts too."
        )

    def handle(self, *args, slugs, every, **options):
        if bool(slugs) == every:
            raise CommandError("Name the segments to parse again by their slugs, or give --all.")
        segments = Segment.objects.order_by("pk")
        if slugs:
            segments = segments.filter(slug__in=slugs)
            unknown = sorted(set(slugs) - set(segments.values_list("slug", flat=True)))
            if unknown:
                raise CommandError(f"No segment has the slug {', '.join(unknown)}.")
        changed = unchanged = kept = lost = 0
        failed = []
        for segment in tqdm(
            segments.only("pk", "slug"), unit="segment", file=sys.stderr, disable=None
        ):
            try:
                result = segment_reparse(segment=segment)
            except IngestError as exc:
                failed.append(segment.slug)
                self.stderr.write(f"{segment.slug}: not parsed again: {exc}")
                continue
            kept, lost = kept + result.corrections_kept, lost + result.corrections_lost
            if not result.turns_changed:
                unchanged += 1
                continue
            changed += 1
            self.stdout.write(
                f"{segment.slug}: {result.turns_changed} of {result.turns_after} turns changed"
                + (
                    f", {result.corrections_lost} corrections lost"
                    if result.corrections_lost
                    else ""
                )
            )
        total = changed + unchanged + len(failed)
        summary = (
            f"{total} segment{'' if total == 1 else 's'}: {changed} changed, "
            f"{unchanged} unchanged, {len(failed)} failed; "
            f"{kept} editor's corrections kept, {lost} lost."
        )
        if failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
