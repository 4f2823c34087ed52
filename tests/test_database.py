import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_that_database_url_names():
    url = os.environ.get("DATABASE_URL", "sqlite:")
    assert connection.vendor == ("postgresql" if url.startswith("postgres") else "sqlite")
