import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack import connections
from haystack.inputs import Exact
from haystack.query import SearchQuerySet

from interviews.models import Turn
from interviews.search import bulk
from interviews.search_indexes import TurnFacts
from interviews.services.indexing import published_turn_facts, segment_index_sync
from tests.factories import AppearanceFactory, SegmentFactory, TopicFactory, TurnFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def segments():
    first = SegmentFactory()
    first.topics.set([TopicFactory(name="Law, Order")])
    speaker = AppearanceFactory(segment=first, affiliation="ICSR").speaker
    TurnFactory.create_batch(3, segment=first, speaker=speaker)
    TurnFactory(segment=first, speaker=None)
    second = SegmentFactory(program=None, air_date=None)
    TurnFactory.create_batch(2, segment=second)
    SegmentFactory(status="draft").turns.create(sequence=1, text="draft only")
    return first, second


def test_the_bulk_build_makes_exactly_the_documents_haystack_would(segments):
    index = connections["default"].get_unified_index().get_index(Turn)
    from_rows = {facts.pk: index.document(facts) for facts in published_turn_facts()}
    from_models = {turn.pk: index.full_prepare(turn) for turn in index.index_queryset()}

    assert from_rows == from_models
    assert len(from_rows) == 6


def test_the_build_command_indexes_every_published_turn_in_one_segment(segments, capsys):
    call_command("build_search_index", no_progress=True, processes=1)

    assert "Indexed 6 turns" in capsys.readouterr().out
    searcher = connections["default"].get_backend().searcher()
    assert searcher.doc_count() == 6
    assert len(searcher.reader().leaf_readers()) == 1
    assert SearchQuerySet().models(Turn).filter(topics_exact=Exact("Law, Order")).count() == 4


def test_the_build_command_maps_the_words_and_pairs_searches_read_whole(segments):
    call_command("build_search_index", no_progress=True, processes=1)

    path = connections["default"].get_backend().path
    mapped = {name.split(".", 1)[1] for name in os.listdir(path) if name.endswith(".mapped")}
    assert mapped == {"text.mapped", "text_exact_pairs.mapped"}


def test_the_build_command_in_several_processes_finds_the_same_turns(segments, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH", 2)
    call_command("build_search_index", no_progress=True, processes=1)
    one = set(SearchQuerySet().models(Turn).values_list("pk", flat=True))

    call_command("build_search_index", no_progress=True, processes=3)

    # Workers take batches as they ask, so a fast one may take two: at most one segment each.
    searcher = connections["default"].get_backend().searcher()
    assert 1 <= len(searcher.reader().leaf_readers()) <= 3
    assert set(SearchQuerySet().models(Turn).values_list("pk", flat=True)) == one
    assert len(one) == 6


def test_a_build_removes_what_a_killed_build_left_and_spares_a_running_one(segments):
    path = connections["default"].get_backend().path.rstrip(os.sep)
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    dead = Path(f"{path}.building-{finished.pid}")
    running = Path(f"{path}.building-{os.getppid()}")
    for stage in (dead, running):
        stage.mkdir()
        (stage / "MAIN_segment.seg").write_bytes(b"half written")

    call_command("build_search_index", no_progress=True, processes=1)

    assert not dead.exists()
    assert running.exists()
    shutil.rmtree(running)


def test_check_index_finds_missing_and_extra_turns_and_repair_fixes_them(segments, capsys):
    first, second = segments
    segment_index_sync(segment_id=first.pk)
    segment_index_sync(segment_id=second.pk)
    second.turns.first().delete()  # deleted without a sync: the index keeps it
    TurnFactory(segment=first)  # added without a sync: the index lacks it

    with pytest.raises(SystemExit) as exit_code:
        call_command("check_index")
    report = capsys.readouterr().out
    assert exit_code.value.code == 1
    assert "1 missing turns" in report and "1 extra turns" in report

    call_command("check_index", "--repair", "--deep")
    assert "The index matches the database." in capsys.readouterr().out
    call_command("check_index", "--deep")


def test_a_deep_check_finds_documents_that_no_longer_say_what_the_turn_says(segments, capsys):
    first, _ = segments
    segment_index_sync(segment_id=first.pk)
    Turn.objects.filter(segment=first).update(text="Edited without a sync.")

    with pytest.raises(SystemExit):
        call_command("check_index", "--deep")

    assert "4 stale turns" in capsys.readouterr().out


def test_turn_facts_of_a_turn_without_speaker_have_no_person():
    turn = TurnFactory(speaker=None)

    facts = TurnFacts.from_turn(turn)

    assert (facts.speaker, facts.speaker_slug, facts.appearance_affiliation) == (None, None, None)
