"""No query, however odd, gets a server error or takes unbounded time."""

import json
import time
from pathlib import Path

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ODD_QUERIES = json.loads((Path(__file__).parent.parent / "data" / "odd_queries.json").read_text())
TIME_BOUND_SECONDS = 2.0
SEARCH_ENDPOINTS = ["interviews:search"]

pytestmark = pytest.mark.django_db


def assert_answers_cleanly(client, url_name: str, query: str) -> None:
    started = time.perf_counter()
    response = client.get(reverse(url_name), {"q": query})
    elapsed = time.perf_counter() - started

    assert response.status_code in (200, 400), (query, response.status_code)
    assert elapsed < TIME_BOUND_SECONDS, (query[:80], elapsed)


def test_the_odd_query_list_is_long_enough_to_mean_something():
    assert len(ODD_QUERIES) >= 200


@pytest.mark.parametrize("url_name", SEARCH_ENDPOINTS)
def test_every_odd_query_answers_200_or_400_within_the_bound(client, seed_segment, url_name):
    for query in ODD_QUERIES:
        assert_answers_cleanly(client, url_name, query)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.text(
        alphabet=st.characters(codec="utf-8"),
        max_size=300,
    )
    | st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "AND",
                "OR",
                "NOT",
                "-",
                "*",
                "speaker:",
                "date:",
                "..",
                "ghanima",
                " ",
                "~",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_generated_queries_answer_200_or_400_within_the_bound(client, seed_segment, query):
    for url_name in SEARCH_ENDPOINTS:
        assert_answers_cleanly(client, url_name, query)
