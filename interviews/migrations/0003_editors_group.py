"""The "Editors" group: newsroom staff who add, correct and publish transcripts in the admin."""

from django.db import migrations

from interviews.roles import EDITORS, editors_group_sync


def create_editors_group(apps, schema_editor):
    editors_group_sync(apps)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("interviews", "0002_speaker_aliases_redirects_and_segment_history"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
