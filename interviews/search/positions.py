"""Positions files: a bulk-built segment's frequent word pairs as flat arrays, mapped into memory.

A phrase of three words or more is looked up as its pairs ("in this", "this case"), and the
documents holding every pair are then checked for the pairs standing one after another. Whoosh
keeps a posting's positions pickled with its document numbers and weights, a block of postings to
one pickle: for a pair that tens of thousands of documents hold, reading them costs some 100 ms
per segment, nearly all of it unpickling. So the bulk build also writes, beside each segment,
every pair that at least MIN_DOCS documents hold as three arrays (its documents, how often each
holds it, and the positions, in document order), which searches map into memory and read
without decoding anything. Rarer pairs, and segments that Whoosh's own writer made, are read
from the postings as before.

`<segment id>.<field>.pos` holds each such term's three arrays (uint32) one after another, then a
pickled dict from each term to where its arrays start and how long they are, then the byte offset
of that dict (uint64). The name starts with the segment's id, so Whoosh deletes the file with its
segment (a merge, a rebuild).
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
    return segment.make_filename(f".{fieldname}.pos")


class PositionsWriter:
    """Writes one field's positions file for a segment, a term at a time in term order."""

    def __init__(self, storage, segment, fieldname: str):
        self.file = storage.create_file(_filename(segment, fieldname))
        self.terms: dict[bytes, tuple[int, int, int]] = {}
        self.written = 0

    def add(self, btext: bytes, docs: array, values: bytes, sizes: array) -> None:
        """Keep a term if enough documents hold it to be worth it: `docs` are the documents
        holding it, `values` their postings' encoded positions one after another, `sizes` the
        length of each."""
        if len(docs) < MIN_DOCS:
            return
        counts, positions = array("I"), array("I")
        offset = 0
        for size in sizes:
            found = decode_positions(bytes(values[offset : offset + size]))
            counts.append(len(found))
            positions.extend(found)
            offset += size
        self.terms[btext] = (self.written, len(docs), len(positions))
        for part in (docs, counts, positions):
            self.file.write(np.asarray(part, dtype="<u4").tobytes())
            self.written += len(part)

    def close(self) -> None:
        self.file.write(pickle.dumps(self.terms, protocol=pickle.HIGHEST_PROTOCOL))
        self.file.write(_TRAILER.pack(self.written * 4))
        self.file.close()


class MappedPostings:
    """One segment's positions file for one field, mapped into memory."""

    def __init__(self, path: str):
        data = np.memmap(path, dtype=np.uint8, mode="r")
        (offset,) = _TRAILER.unpack(data[-_TRAILER.size :].tobytes())
        self.terms = pickle.loads(data[offset : -_TRAILER.size].tobytes())
        self.data = data[:offset].view("<u4")

    def get(self, btext: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(documents holding the term, how often each does, the positions in document order),
        or None for a term the file does not hold."""
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


def read_positions(leaf, fieldname: str) -> MappedPostings | None:
    """The segment's positions file for the field, or None where it has none."""
    folder = getattr(leaf._storage, "folder", None)
    if folder is None:
        return None
    path = os.path.join(folder, _filename(leaf._segment, fieldname))
    return MappedPostings(path) if os.path.exists(path) else None
