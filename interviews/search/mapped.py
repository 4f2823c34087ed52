"""Mapped postings: a bulk-built segment's frequent terms as flat arrays, mapped into memory.

Whoosh pickles each block of 128 postings (document numbers, weights and any positions) as one
value. Reading a term that 150,000 turns hold ("court") unpickles some 1,100 blocks, 80 ms, and
checking a phrase of common words reads its pairs' positions the same way ("in this case": some
100 ms a segment). So the bulk build also writes, beside each segment and for the fields searches
read in bulk (the words, and the word pairs phrases are looked up in), every term that at least
MIN_DOCS documents hold as three arrays: its documents, how often each holds it, and (where the
field keeps them) its positions in document order. Searches map the file into memory and read a
term's arrays without decoding anything. Rarer terms, and segments that Whoosh's own writer made,
are read from the postings as before.

`<segment id>.<field>.mapped` holds each such term's arrays (uint32) one after another, then a
pickled dict from each term to where its arrays start and how long they are, then the byte
offset of that dict (uint64). The name starts with the segment's id, so Whoosh deletes the file
with its segment (a merge, a rebuild).
"""

import os
import pickle
import struct
from array import array
from functools import lru_cache

import numpy as np
from whoosh.formats import Positions

MIN_DOCS = 1024
_TRAILER = struct.Struct("<Q")
# Positions decoded, remembered per value: most words occur once in a turn, so a few thousand
# values (one position each) make up most postings.
decode_positions = lru_cache(maxsize=65536)(Positions().decode_positions)


def _filename(segment, fieldname: str) -> str:
    return segment.make_filename(f".{fieldname}.mapped")


class MappedWriter:
    """Writes one field's mapped postings for a segment, a term at a time in term order."""

    def __init__(self, storage, segment, fieldname: str, *, positions: bool):
        self.file = storage.create_file(_filename(segment, fieldname))
        self.positions = positions
        self.terms: dict[bytes, tuple[int, int, int]] = {}
        self.written = 0

    def add(self, btext: bytes, docs: array, weights: array, values: list[bytes]) -> None:
        """Keep a term if enough documents hold it to be worth it: `docs` are the documents
        holding it, `weights` how often each does, `values` their postings' encoded values."""
        if len(docs) < MIN_DOCS:
            return
        counts, positions = np.asarray(weights, dtype="<u4"), array("I")
        if self.positions:
            for value in values:
                positions.extend(decode_positions(value))
        self.terms[btext] = (self.written, len(docs), len(positions))
        for part in (docs, counts, positions):
            self.file.write(np.asarray(part, dtype="<u4").tobytes())
            self.written += len(part)

    def close(self) -> None:
        self.file.write(pickle.dumps(self.terms, protocol=pickle.HIGHEST_PROTOCOL))
        self.file.write(_TRAILER.pack(self.written * 4))
        self.file.close()


class MappedPostings:
    """One segment's mapped postings for one field."""

    def __init__(self, path: str):
        data = np.memmap(path, dtype=np.uint8, mode="r")
        (offset,) = _TRAILER.unpack(data[-_TRAILER.size :].tobytes())
        self.terms = pickle.loads(data[offset : -_TRAILER.size].tobytes())
        self.data = data[:offset].view("<u4")

    def get(self, btext: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(documents holding the term, how often each does, its positions in document order,
        empty for a field without positions), or None for a term the file does not hold."""
        where = self.terms.get(btext)
        if where is None:
            return None
        start, docs, positions = where
        counts = start + docs
        return (
            self.data[start:counts],
            self.data[counts : counts + docs],
            self.data[counts + docs : counts + docs + positions],
        )


def read_mapped(leaf, fieldname: str) -> MappedPostings | None:
    """The segment's mapped postings for the field, or None where it has none."""
    folder = getattr(leaf._storage, "folder", None)
    if folder is None:
        return None
    path = os.path.join(folder, _filename(leaf._segment, fieldname))
    return MappedPostings(path) if os.path.exists(path) else None
