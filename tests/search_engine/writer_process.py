"""What a second process (another gunicorn worker, an ingest) does to the index in the tests.

Importable before Django is set up, so that a spawned process can run it.
"""

import os


def turn_document(pk: int, segment_id: int, text: str) -> dict:
    """A minimal search document for a turn, as `TurnIndex.document` would shape it."""
    return {
        "id": f"interviews.turn.{pk}",
        "django_ct": "interviews.turn",
        "django_id": str(pk),
        "text": text,
        "text_exact": text,
        "role": "guest",
        "role_exact": "guest",
        "segment_title": "Concurrent",
        "segment_id": segment_id,
        "sequence": pk,
    }


def write_segments(path: str, first: int, count: int) -> None:
    """Replace segments first..first+count-1 one commit at a time, as an editor would."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from haystack import connections

    from archive.env import WHOOSH_ENGINE

    connections.connections_info["default"] = {"ENGINE": WHOOSH_ENGINE, "PATH": path}
    connections.reload("default")
    backend = connections["default"].get_backend()
    for segment_id in range(first, first + count):
        backend.replace(
            field="segment_id",
            value=segment_id,
            documents=[
                turn_document(segment_id * 10 + n, segment_id, "zeppelin") for n in range(3)
            ],
        )
