"""The "Editors" group: newsroom staff who add, correct and publish transcripts in the admin.

Created by a data migration, and brought up to date after every `migrate` (and every test
database flush) so that models added later are covered too.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
# What editors manage fully, and what they may only look at (history and redirects are written by
# the archive itself, never by hand).
MANAGED = ["segment", "turn", "speaker", "speakeralias", "appearance", "topic", "program"]
VIEWED = ["segmentevent", "speakerredirect"]


def editor_codenames() -> list[str]:
    """The `interviews` permissions an editor holds."""
    actions = ("add", "change", "delete", "view")
    return [f"{a}_{model}" for model in MANAGED for a in actions] + [f"view_{m}" for m in VIEWED]


def editors_group_sync(apps=global_apps) -> None:
    """Create the Editors group if missing and give it exactly the editors' permissions.

    Takes the app registry so that a migration can pass its historical one.
    """
    interviews = apps.get_app_config("interviews")
    # Permissions are normally created after all migrations have run; create ours now, so that
    # the group gets them on a fresh database too.
    # (A migration's app config is a stub that create_permissions skips without models_module.)
    previous = getattr(interviews, "models_module", None)
    interviews.models_module = previous or True
    try:
        create_permissions(interviews, verbosity=0, apps=apps)
    finally:
        interviews.models_module = previous

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="interviews", codename__in=editor_codenames()
        )
    )


def editors_group_sync_after_migrate(sender, apps=global_apps, **kwargs) -> None:
    """post_migrate receiver: keep the Editors group's permissions complete."""
    editors_group_sync(apps)
