from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Interview archive"

    def ready(self) -> None:
        from interviews.roles import editors_group_sync_after_migrate
        from interviews.services.content import connect_signals

        post_migrate.connect(editors_group_sync_after_migrate, sender=self)
        connect_signals()
