from django.db import migrations, models

# What the parser has always set apart as a stage direction: a whole turn in parentheses or
# brackets ("(APPLAUSE)", "[inaudible]"), spoken by nobody, with no label and no confidence.
DIRECTION = r"^\s*(\([^()]{1,80}\)|\[[^\[\]]{1,80}\])\s*$"


def mark_directions(apps, schema_editor):
    """Turns parsed before directions were told apart read "Unidentified speaker"."""
    Turn = apps.get_model("interviews", "Turn")
    Turn.objects.filter(
        speaker=None, speaker_label="", attribution="unknown", confidence=0, text__regex=DIRECTION
    ).update(attribution="direction")


def unmark_directions(apps, schema_editor):
    Turn = apps.get_model("interviews", "Turn")
    Turn.objects.filter(attribution="direction").update(attribution="unknown")


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0009_speaker_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="turn",
            name="attribution",
            field=models.CharField(
                choices=[
                    ("label", "Labelled in the transcript"),
                    ("inferred", "Inferred from the text"),
                    ("unknown", "Unknown"),
                    ("editor", "Set by an editor"),
                    ("direction", "Stage direction"),
                ],
                default="unknown",
                max_length=10,
            ),
        ),
        migrations.RunPython(mark_directions, unmark_directions),
    ]
