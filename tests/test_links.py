from datetime import date

from django.urls import set_script_prefix

from interviews.links import path_to
from interviews.models import Segment, Speaker


def test_a_remembered_path_follows_what_it_is_made_of():
    segment = Segment(title="A talk", slug="a-talk", air_date=date(2016, 10, 19))
    assert segment.get_absolute_url() == "/segments/2016/10/19/a-talk/"

    segment.air_date, segment.slug = date(2017, 1, 2), "another-talk"
    assert segment.get_absolute_url() == "/segments/2017/01/02/another-talk/"
    segment.air_date = None
    assert segment.get_absolute_url() == "/segments/another-talk/"
    assert Speaker(slug="jane-doe").get_absolute_url() == "/speakers/jane-doe/"


def test_a_remembered_path_follows_the_prefix_the_archive_is_served_under():
    at_root = path_to("interviews:search")
    set_script_prefix("/archive/")
    try:
        assert path_to("interviews:search") == f"/archive{at_root}"
    finally:
        set_script_prefix("/")
