"""The archive's content version: bumped by every change that public pages or the API may show.

Stored pages and ETags carry the version (interviews.caching). Bumping it inside the transaction
that changes the data means a reader sees either the old rows with the old version or the new
rows with the new one, in every worker and on every server that shares the database; a rolled
back change rolls its bump back too.
"""

from django.db import DEFAULT_DB_ALIAS
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from interviews.models import ContentVersion

SINGLETON_PK = 1


def content_version_bump(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Mark the archive's public content as changed.

    Model signals call this for every save and delete in the app; call it yourself after writes
    that send none (`QuerySet.update`, `bulk_create`) and after changing the search index.
    """
    versions = ContentVersion.objects.using(using).filter(pk=SINGLETON_PK)
    if not versions.update(number=F("number") + 1, changed=timezone.now()):
        # The migration creates the row; this only happens if someone deleted it.
        ContentVersion.objects.using(using).get_or_create(
            pk=SINGLETON_PK, defaults={"number": 1, "changed": timezone.now()}
        )


def _on_archive_change(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if sender._meta.app_label == "interviews" and sender is not ContentVersion:
        content_version_bump(using=using)


def connect_signals() -> None:
    """Bump the content version on every save, delete and many-to-many change in the archive."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_archive_change, dispatch_uid=f"content_version_{id(signal)}")
