import pytest

from tests.robustness.archive_process import ArchiveDir


@pytest.fixture
def archive_dir(tmp_path) -> ArchiveDir:
    """An empty, migrated archive in a temporary folder, for real `manage.py` processes."""
    archive = ArchiveDir(tmp_path / "archive")
    archive.path.mkdir()
    migrated = archive.manage("migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr
    return archive
