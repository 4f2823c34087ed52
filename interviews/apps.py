from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Interview archive"

    def ready(self):
        from interviews.roles import editors_group_sync_after_migrate

        post_migrate.connect(editors_group_sync_after_migrate, sender=self)
