"""No query, however odd, gets a server error or takes unbounded time, wherever it is typed.

Every odd query (`tests/data/odd_queries.json`) and every generated one goes through each
endpoint that takes a query: the search page, the JSON API's search, the Atom feed, the CSV and
JSON exports, and the quote check box. Each must answer 200, or 400 with a message, in time.
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ODD_QUERIES = json.loads((Path(__file__).parent.parent / "data" / "odd_queries.json").read_text())
TIME_BOUND_SECONDS = 2.0


@dataclass(frozen=True)
class Endpoint:
    url_name: str
    parameter: str = "q"

    def __str__(self) -> str:
        return self.url_name


ENDPOINTS = [
    Endpoint("interviews:search"),
    Endpoint("api:search"),
    Endpoint("interviews:search_feed"),
    Endpoint("interviews:search_csv"),
    Endpoint("interviews:search_json"),
    Endpoint("interviews:quote_check", parameter="quote"),
]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unthrottled_api(settings):
    """The API's rate limit would answer 429 long before the list is through."""
    settings.API_THROTTLE_RATE = "1000000/min"


def answer(client, endpoint: Endpoint, query: str) -> tuple[int, str, float]:
    """The status, body and seconds taken (a streamed export is read to its end)."""
    started = time.perf_counter()
    response = client.get(reverse(endpoint.url_name), {endpoint.parameter: query})
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8", errors="replace")
    return response.status_code, body, time.perf_counter() - started


def assert_answers_cleanly(client, endpoint: Endpoint, query: str) -> None:
    status, body, elapsed = answer(client, endpoint, query)

    assert status in (200, 400), (str(endpoint), query[:80], status)
    if status == 400:
        assert body.strip(), (str(endpoint), query[:80], "a 400 without a message")
    assert elapsed < TIME_BOUND_SECONDS, (str(endpoint), query[:80], elapsed)


def test_the_odd_query_list_is_long_enough_to_mean_something():
    assert len(ODD_QUERIES) >= 200


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_every_odd_query_answers_200_or_400_within_the_bound(client, seed_segment, endpoint):
    for query in ODD_QUERIES:
        assert_answers_cleanly(client, endpoint, query)


def test_a_400_says_what_was_wrong(client, seed_segment):
    status, body, _ = answer(client, Endpoint("interviews:search_csv"), "")
    assert (status, "Nothing to export" in body) == (400, True)
    status, body, _ = answer(client, Endpoint("interviews:quote_check", "quote"), "two words")
    assert (status, "at least 3 words" in body) == (400, True)


QUERY_PIECES = [
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
    "topic:",
    "..",
    "ghanima",
    "neumann",
    " ",
    "~",
    "\u202e",
    "\x00",
    "🙂",
    "'; DROP TABLE",
    ".*",
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
    | st.lists(st.sampled_from(QUERY_PIECES), max_size=30).map("".join)
)
def test_generated_queries_answer_200_or_400_within_the_bound(client, seed_segment, query):
    for endpoint in ENDPOINTS:
        assert_answers_cleanly(client, endpoint, query)
