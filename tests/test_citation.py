import datetime

import pytest

from interviews.citations import turn_citation
from interviews.models import Turn
from tests.factories import AppearanceFactory, SegmentFactory, TurnFactory

pytestmark = pytest.mark.django_db


def test_a_citation_names_who_as_whom_on_what_when_and_links_to_the_quote():
    segment = SegmentFactory(
        title="ISIS fighters", air_date=datetime.date(2016, 10, 19), program__name="NewsHour"
    )
    appearance = AppearanceFactory(
        segment=segment, speaker__name="Peter Neumann", affiliation="ICSR"
    )
    turn = TurnFactory(segment=segment, speaker=appearance.speaker)

    shown = Turn.objects.for_display().get(pk=turn.pk)

    assert turn_citation(shown, url="https://a.example/q") == (
        "Peter Neumann (ICSR), “ISIS fighters”, NewsHour, 19 October 2016. https://a.example/q"
    )


def test_an_undated_unattributed_quote_is_still_citable():
    turn = TurnFactory(speaker=None, role="host", segment__air_date=None, segment__program=None)

    citation = turn_citation(Turn.objects.for_display().get(pk=turn.pk), url="u")

    assert citation == f"Host, “{turn.segment.title}”. u"
