import pytest

from tests.factories import EditorFactory


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def editor_client(client, editor):
    """A browser session signed in as a member of the Editors group."""
    client.force_login(editor)
    return client
