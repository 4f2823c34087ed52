"""The backend contract: what every search backend must do, on the SearchQuerySet surface.

Runs against Whoosh always, and against Elasticsearch when TEST_ELASTICSEARCH_URL names one
(`elasticsearch://host:9200/test_index`; needs `pip install -e '.[elasticsearch]'`).
"""

import datetime
import os

import pytest
from haystack import connections

from archive.env import search_connections
from interviews.services.indexing import segment_index_sync
from tests.factories import AppearanceFactory, SegmentFactory, TopicFactory, TurnFactory

BACKENDS = ["whoosh", "elasticsearch"]


@pytest.fixture(params=BACKENDS)
def backend_name(request, search_index_dir):
    """Points haystack's default connection at the backend under test for one test."""
    saved = dict(connections.connections_info["default"])
    if request.param == "elasticsearch":
        url = os.environ.get("TEST_ELASTICSEARCH_URL")
        if not url:
            pytest.skip("Set TEST_ELASTICSEARCH_URL=elasticsearch://host:9200/index to run")
        connections.connections_info["default"] = search_connections(url)["default"]
        connections.reload("default")
        connections["default"].get_backend().clear()
    yield request.param
    connections.connections_info["default"] = saved
    connections.reload("default")


@pytest.fixture
def archive(db, backend_name):
    """Two programs' worth of turns, with people, roles, topics and dates, indexed."""
    morning = SegmentFactory(
        title="Morning edition", program__name="Morning", air_date=datetime.date(2016, 3, 1)
    )
    evening = SegmentFactory(
        title="Evening news", program__name="Evening", air_date=datetime.date(2018, 7, 9)
    )
    morning.topics.set([TopicFactory(name="Law, Order"), TopicFactory(name="Borders")])
    neumann = AppearanceFactory(
        segment=morning, speaker__name="Peter Neumann", affiliation="King's College"
    ).speaker
    AppearanceFactory(segment=evening, speaker=neumann, affiliation="ICSR")
    host = AppearanceFactory(segment=morning, speaker__name="Jane Host", role="host").speaker
    turns = {
        "gang": TurnFactory(
            segment=morning,
            speaker=neumann,
            text="It is a super gang of recruits, <b>bold</b> & proud.",
        ),
        "recruiting": TurnFactory(
            segment=morning, speaker=host, role="host", text="Who is recruiting them?"
        ),
        "supers": TurnFactory(
            segment=evening, speaker=neumann, text="Gangs of supers recruit in the evening."
        ),
        "anon": TurnFactory(segment=evening, speaker=None, text="Thunder over the border."),
    }
    for segment in (morning, evening):
        segment_index_sync(segment_id=segment.pk)
    return {"morning": morning, "evening": evening, "neumann": neumann, **turns}
