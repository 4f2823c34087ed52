"""The "Editors" group: newsroom staff who add, correct and publish transcripts in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
# What editors manage fully, and what they may only look at (history and redirects are written by
# the archive itself, never by hand).
MANAGED = ["segment", "turn", "speaker", "speakeralias", "appearance", "topic", "program"]
VIEWED = ["segmentevent", "speakerredirect"]


def editor_codenames() -> list[str]:
    codenames = [f"{action}_{model}" for model in MANAGED for action in ("add", "change", "delete", "view")]
    return codenames + [f"view_{model}" for model in VIEWED]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations run; create ours now so the group
    # can be given them on a fresh database too.
    interviews = apps.get_app_config("interviews")
    interviews.models_module = True
    create_permissions(interviews, verbosity=0, apps=apps)
    interviews.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="interviews", codename__in=editor_codenames()
        )
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("interviews", "0002_speaker_aliases_redirects_and_segment_history"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
