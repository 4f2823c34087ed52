from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Interview archive"

    def ready(self) -> None:
        from interviews.services.content import connect_signals

        connect_signals()
