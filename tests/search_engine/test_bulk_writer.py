import datetime
import random

import pytest
from haystack import connections
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage

from interviews.models import Turn
from interviews.search import bulk, mapped
from interviews.search.docsets import LeafDocs, LeafTables
from interviews.search_indexes import TurnFacts

TEXTS = [
    "The court will hear argument first this morning in No. 17, Smith against Jones.",
    "the THE the: a an and of — it's the Court's view, isn't it? Yes, it is. Yes.",
    "Mr. Chief Justice, and may it please the Court: due process, due process, due process.",
    "Ünïcödé wörds, naïve café façades, 3.14 and U.S. 1,000,000 e.g. v. i.e. wild*card",
    "Yes.",
    "x",
    "",
]


def documents(count: int) -> list[dict]:
    """Turn documents as the index build makes them, with repeated and one-off values."""
    backend = connections["default"].get_backend()
    backend.setup()
    index = connections["default"].get_unified_index().get_index(Turn)
    rng = random.Random(5)
    words = " ".join(TEXTS).split()
    out = []
    for pk in range(1, count + 1):
        text = (
            TEXTS[pk % len(TEXTS)] if pk % 3 else " ".join(rng.choices(words, k=rng.randint(1, 90)))
        )
        facts = TurnFacts(
            pk=pk,
            text=text,
            role=rng.choice(["host", "guest", "unknown"]),
            sequence=pk % 40,
            segment_id=pk // 40,
            segment_title=f"Argument {pk // 40}: Smith v. Jones",
            air_date=None if pk % 11 == 0 else datetime.date(1960 + pk % 30, 1 + pk % 12, 1),
            speaker=None if pk % 13 == 0 else f"Justice Number {pk % 9}",
            speaker_slug=None if pk % 13 == 0 else f"justice-{pk % 9}",
            appearance_affiliation="Supreme Court" if pk % 2 else None,
            program="Supreme Court oral arguments" if pk % 7 else None,
            topics=("Law, Order", "Speech") if pk % 5 == 0 else (),
        )
        out.append(backend.whoosh_document(index.document(facts)))
    return out


def whoosh_index(path, docs, *, fast: bool, procs: int = 1):
    schema = connections["default"].get_backend().schema
    path.mkdir()
    index = FileStorage(str(path)).create_index(schema)
    if fast:
        bulk.write_index(
            index, docs, prepare=dict, procs=procs, mapped_fields=("text", "text_exact_pairs")
        )
    else:
        with index.writer() as writer:
            for document in docs:
                writer.add_document(**document)
    return index.refresh()


def test_the_bulk_writer_writes_exactly_what_whoosh_writes(tmp_path):
    docs = documents(700)
    ours = whoosh_index(tmp_path / "ours", docs, fast=True).reader()
    theirs = whoosh_index(tmp_path / "theirs", docs, fast=False).reader()

    assert list(ours.all_terms()) == list(theirs.all_terms())
    for fieldname, btext in theirs.all_terms():
        a, b = ours.postings(fieldname, btext), theirs.postings(fieldname, btext)
        while b.is_active():
            assert (a.id(), a.weight(), a.value()) == (b.id(), b.weight(), b.value())
            # What block skipping and quality checks read from each block's header.
            assert (
                a.block_max_id(),
                a.block_max_weight(),
                a.block_min_length(),
                a.block_max_length(),
            ) == (
                b.block_max_id(),
                b.block_max_weight(),
                b.block_min_length(),
                b.block_max_length(),
            )
            a.next()
            b.next()
        assert not a.is_active()
        info, expected = ours.term_info(fieldname, btext), theirs.term_info(fieldname, btext)
        assert (info.weight(), info.doc_frequency(), info.max_weight()) == (
            expected.weight(),
            expected.doc_frequency(),
            expected.max_weight(),
        )
        assert (info.min_length(), info.max_length(), info.min_id(), info.max_id()) == (
            expected.min_length(),
            expected.max_length(),
            expected.min_id(),
            expected.max_id(),
        )
    for docnum in range(len(docs)):
        assert ours.stored_fields(docnum) == theirs.stored_fields(docnum)
        for fieldname in ("text", "text_exact", "text_exact_pairs", "speaker", "segment_title"):
            assert ours.doc_field_length(docnum, fieldname) == theirs.doc_field_length(
                docnum, fieldname
            )
    for fieldname in ours.schema.names():
        assert ours.field_length(fieldname) == theirs.field_length(fieldname)


@pytest.mark.parametrize("procs", [1, 3])
def test_a_build_in_several_processes_finds_every_document(tmp_path, procs, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH", 50)
    docs = documents(400)
    index = whoosh_index(tmp_path / "ix", docs, fast=True, procs=procs)
    reference = whoosh_index(tmp_path / "reference", docs, fast=False)

    # Workers take batches as they ask: a fast one may take them all.
    assert 1 <= len(index._segments()) <= procs
    with index.searcher() as searcher:
        assert searcher.doc_count() == 400
        found = {int(fields["django_id"]) for fields in searcher.all_stored_fields()}
        assert found == set(range(1, 401))
        phrase = wq.Phrase("text_exact", ["due", "process", "due"])
        with reference.searcher() as whoosh_built:
            expected = {hit["django_id"] for hit in whoosh_built.search(phrase, limit=None)}
        assert len(expected) > 30
        assert {hit["django_id"] for hit in searcher.search(phrase, limit=None)} == expected


def test_a_failing_build_process_is_reported(tmp_path, monkeypatch):
    def broken(self, documents):
        raise ValueError("disk full")

    monkeypatch.setattr(bulk.SegmentBuilder, "add_documents", broken)
    (tmp_path / "ix").mkdir()
    index = FileStorage(str(tmp_path / "ix")).create_index(
        connections["default"].get_backend().schema
    )

    with pytest.raises(RuntimeError, match="disk full"):
        bulk.write_index(index, documents(10), prepare=dict, procs=2)


def test_frequent_words_and_pairs_are_read_from_mapped_postings(tmp_path, monkeypatch):
    monkeypatch.setattr(mapped, "MIN_DOCS", 25)
    docs = documents(700)
    index = whoosh_index(tmp_path / "ix", docs, fast=True)
    phrases = [
        "due process due",
        "due process due process",
        "process due process",
        "process due due",
        "it please the court",
        "the court will",
        "yes it is yes",
        "is it yes",
    ]

    with index.searcher() as searcher:
        leaf_searcher, _ = searcher.leaf_searchers()[0]
        tables = LeafTables(leaf_searcher.reader())
        assert tables.mapped_postings("text_exact_pairs", b"wild*card") is None  # rare
        assert tables.mapped_postings("text_exact", b"court") is None  # a field not mapped
        for fieldname, btext in [
            ("text_exact_pairs", b"due process"),
            ("text_exact_pairs", b"the court"),
            ("text_exact_pairs", b"it is"),
            ("text", b"court"),
            ("text", b"process"),
        ]:
            assert tables.mapped_postings(fieldname, btext) is not None
            held, weights = tables.term_postings(fieldname, btext)
            postings = leaf_searcher.reader().postings(fieldname, btext)
            assert list(zip(held.tolist(), weights.tolist(), strict=True)) == list(
                postings.items_as("weight")
            )
        found = LeafDocs(leaf_searcher, tables)
        matched = 0
        for phrase in phrases:
            q = wq.Phrase("text_exact", phrase.split())
            expected = {hit.docnum for hit in searcher.search(q, limit=None)}
            assert set(found.of(q).tolist()) == expected, phrase
            matched += bool(expected)
        assert matched >= 5

    assert [name for name in index.storage.list() if name.endswith(".mapped")]
    writer = index.writer()
    writer.add_document(**docs[0])
    writer.commit(optimize=True)
    # The merged segment has no mapped postings, and the old ones went with their segment.
    assert len(index.refresh()._segments()) == 1
    assert not [name for name in index.storage.list() if name.endswith(".mapped")]
