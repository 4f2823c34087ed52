from django.db import migrations
from django.db.models import Exists, OuterRef


def add_missing_appearances(apps, schema_editor):
    """Before turns an editor reassigned brought their speaker into the segment, the admin left
    some speakers with turns in a segment they did not appear in."""
    Appearance = apps.get_model("interviews", "Appearance")
    Turn = apps.get_model("interviews", "Turn")
    appears = Appearance.objects.filter(segment=OuterRef("segment"), speaker=OuterRef("speaker"))
    missing = (
        Turn.objects.exclude(speaker=None)
        .exclude(Exists(appears))
        .order_by("segment", "speaker", "sequence")
        .values_list("segment", "speaker", "role", "speaker__affiliation")
    )
    seen = set()
    for segment_id, speaker_id, role, affiliation in missing:
        if (segment_id, speaker_id) not in seen:
            seen.add((segment_id, speaker_id))
            Appearance.objects.create(
                segment_id=segment_id, speaker_id=speaker_id, role=role, affiliation=affiliation
            )


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0006_turn_speaker_segment"),
    ]

    operations = [
        migrations.RunPython(add_missing_appearances, migrations.RunPython.noop),
    ]
