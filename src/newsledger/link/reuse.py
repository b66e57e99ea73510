"""Passage reuse: the paragraphs an article shares with others, near-duplicates included,
each reported against its likely origin (the earlier article).

Needs: an open store connection inside the caller's transaction (migration 0006), the
article's id, text and publication date; the article's row should already be stored.
Adds: the article's passages and their LSH band keys (`reuse_passages`, `reuse_bands`)
and one `reused_passages` row per reused passage, in whichever article is the reuser.

MinHash signatures come from datasketch; its own LSH index lives in memory, so the bands
are kept here in an indexed SQLite table instead: a passage's candidates are the passages
that share one of its band keys, read by index with a cap per key, so the work per
article does not grow with the store. Every candidate is then checked on the words
themselves (`reuse_text.align`), which also gives the matching span.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from datasketch import MinHash, MinHashLSH

from .reuse_text import Passage, Word, align, passages, shingles, words

EXTRACTOR = "minhash-lsh"
NUM_PERM = 64
LSH_THRESHOLD = 0.3      # trigram Jaccard that LSH should catch; the check below is stricter
MIN_SIMILARITY = 0.6     # share of the shorter passage in aligned runs of words
KEY_LIMIT = 32           # passages read per band key: a stock paragraph repeated in
                         # thousands of articles still costs a bounded lookup
VERIFY_LIMIT = 4         # candidates per passage aligned word by word, most band hits first


def _banding() -> tuple[int, int]:
    """datasketch's choice of bands x rows for the threshold (it minimises the
    weighted false positive and negative areas under the S-curve)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


BANDS, ROWS = _banding()


@dataclass(frozen=True)
class ReusedPassage:
    """`text` (= the article's text[start:end]) repeats origin's text[origin_start:
    origin_end], the origin being the earlier article."""

    article: str
    start: int
    end: int
    text: str
    origin: str
    origin_start: int
    origin_end: int
    similarity: float
    extractor: str


@dataclass(frozen=True)
class _Dated:
    """An article's place in time: its date, and the order it was stored in."""

    id: str
    published: str | None
    order: int


@dataclass(frozen=True)
class _Match:
    """A verified pair: a span of the new article and a span of a stored one."""

    own: tuple[int, int]
    other: _Dated
    other_span: tuple[int, int]
    other_text: str
    similarity: float


# --------------------------------------------------------------------------- linking

def link_reuse(db: sqlite3.Connection, article_id: str, text: str,
               published: str | None) -> tuple[ReusedPassage, ...]:
    """Index the article's passages and record the reuse pairs involving it, in either
    direction (it may be the origin of a stored article published later). Linking an
    article again adds nothing and returns what is recorded. No commit."""
    if _indexed(db, article_id):
        return _recorded(db, article_id)
    own = passages(text)
    keys = band_keys(own)
    me = _Dated(article_id, published, _stored_order(db, article_id))
    found = [m for passage, passage_keys in zip(own, keys, strict=True)
             for m in _matches(db, passage, passage_keys)]
    _index(db, article_id, own, keys)
    as_reuser = [m for m in found if _earlier(m.other, me)]
    as_origin = [m for m in found if not _earlier(m.other, me)]
    # each pair with its origin's place in time
    pairs = [(_reuse_of(me, text, m), m.other) for m in _one_per_passage(as_reuser)]
    pairs += [(_reused_by(me, m), me) for m in as_origin]
    return tuple(row for row, origin in pairs if _record(db, row, origin))


def band_keys(own: Sequence[Passage]) -> list[list[int]]:
    """For each passage, its BANDS band keys: a 64-bit hash of each band's MinHash values."""
    signatures = MinHash.bulk([sorted(shingles(p.norms)) for p in own], num_perm=NUM_PERM)
    return [[_key(sig.hashvalues[band * ROWS:(band + 1) * ROWS].tobytes())
             for band in range(BANDS)] for sig in signatures]


def _key(values: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(values, digest_size=8).digest(), "big", signed=True)


def _indexed(db: sqlite3.Connection, article_id: str) -> bool:
    return db.execute("SELECT 1 FROM reuse_passages WHERE article_id = ? LIMIT 1",
                      (article_id,)).fetchone() is not None


def _stored_order(db: sqlite3.Connection, article_id: str) -> int:
    row = db.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
    return int(row[0]) if row else 1 << 62  # not stored yet: it is the newest


def _earlier(first: _Dated, second: _Dated) -> bool:
    """Is `first` the likelier origin? The earlier date when both are known and
    differ, otherwise the article stored first."""
    if first.published and second.published and first.published != second.published:
        return first.published < second.published
    return first.order < second.order


# --------------------------------------------------------------------------- candidates

def _matches(db: sqlite3.Connection, passage: Passage, keys: list[int]) -> list[_Match]:
    """Stored passages sharing a band key with this one that really repeat it."""
    hits = Counter(row[0] for row in db.execute(_BAND_LOOKUP, [
        value for band, key in enumerate(keys) for value in (band, key, KEY_LIMIT)]))
    best = sorted(hits, key=lambda pid: (-hits[pid], pid))[:VERIFY_LIMIT]
    return [m for row in _candidates(db, best) if (m := _verify(passage, row)) is not None]


# One statement per passage, one capped index lookup per band.
_BAND_LOOKUP = " UNION ALL ".join(
    ["SELECT * FROM (SELECT passage FROM reuse_bands WHERE band = ? AND key = ?"
     " ORDER BY passage LIMIT ?)"] * BANDS)


def _candidates(db: sqlite3.Connection, ids: list[int]) -> list[sqlite3.Row]:
    if not ids:
        return []
    return db.execute(
        "SELECT p.id, p.start, substr(a.text, p.start + 1, p.end - p.start) AS text,"
        " a.id AS article, a.published, a.rowid AS stored FROM reuse_passages p"
        " JOIN articles a ON a.id = p.article_id"
        " WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id",
        (json.dumps(ids),)).fetchall()


def _verify(passage: Passage, row: sqlite3.Row) -> _Match | None:
    theirs = words(row["text"])
    alignment = align(passage.norms, [w.norm for w in theirs])
    if alignment is None or alignment.similarity < MIN_SIMILARITY:
        return None
    own = _char_span(passage.words, alignment.first, (passage.start, passage.end))
    local = _char_span(theirs, alignment.second, (0, len(row["text"])))
    other = _Dated(row["article"], row["published"], int(row["stored"]))
    return _Match(own, other, (row["start"] + local[0], row["start"] + local[1]),
                  row["text"][local[0]:local[1]], round(alignment.similarity, 3))


def _char_span(found: Sequence[Word], span: tuple[int, int],
               bounds: tuple[int, int]) -> tuple[int, int]:
    """Character offsets of a word range; a range that reaches an edge of the passage
    takes the passage's edge, with its quotation marks and final full stop."""
    first, last = span
    return (bounds[0] if first == 0 else found[first].start,
            bounds[1] if last == len(found) else found[last - 1].end)


def _index(db: sqlite3.Connection, article_id: str, own: Sequence[Passage],
           keys: list[list[int]]) -> None:
    for passage, passage_keys in zip(own, keys, strict=True):
        pid = db.execute("INSERT INTO reuse_passages (article_id, start, end) VALUES (?, ?, ?)",
                         (article_id, passage.start, passage.end)).lastrowid
        db.executemany("INSERT OR IGNORE INTO reuse_bands VALUES (?, ?, ?)",
                       [(band, key, pid) for band, key in enumerate(passage_keys)])


# --------------------------------------------------------------------------- choosing

def _one_per_passage(matches: list[_Match]) -> list[_Match]:
    """One match per reused stretch of the new article: the earliest origin first
    (then the closest match), overlapping windows onto the same origin merged."""
    ordered = sorted(matches, key=functools.cmp_to_key(_by_origin_then_similarity))
    kept: list[_Match] = []
    for match in ordered:
        overlapping = [k for k in kept if _overlap(k.own, match.own)]
        if not overlapping:
            kept.append(match)
        elif len(overlapping) == 1 and overlapping[0].other.id == match.other.id:
            kept[kept.index(overlapping[0])] = _merged(overlapping[0], match)
    return sorted(kept, key=lambda m: m.own)


def _by_origin_then_similarity(first: _Match, second: _Match) -> int:
    if first.other.id != second.other.id:
        return -1 if _earlier(first.other, second.other) else 1
    if first.similarity != second.similarity:
        return -1 if first.similarity > second.similarity else 1
    return -1 if first.own < second.own else int(first.own > second.own)


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _merged(kept: _Match, other: _Match) -> _Match:
    """Two overlapping windows matched the same origin: one stretch covering both,
    as long as the origin spans are contiguous too."""
    if not _overlap(kept.other_span, other.other_span):
        return kept
    own = (min(kept.own[0], other.own[0]), max(kept.own[1], other.own[1]))
    span = (min(kept.other_span[0], other.other_span[0]),
            max(kept.other_span[1], other.other_span[1]))
    return _Match(own, kept.other, span, "", max(kept.similarity, other.similarity))


def _reuse_of(me: _Dated, text: str, match: _Match) -> ReusedPassage:
    start, end = match.own
    return ReusedPassage(me.id, start, end, text[start:end], match.other.id,
                         *match.other_span, match.similarity, EXTRACTOR)


def _reused_by(me: _Dated, match: _Match) -> ReusedPassage:
    return ReusedPassage(match.other.id, *match.other_span, match.other_text, me.id,
                         *match.own, match.similarity, EXTRACTOR)


# --------------------------------------------------------------------------- recording

def _record(db: sqlite3.Connection, row: ReusedPassage, origin: _Dated) -> bool:
    """Store the pair unless the reuser's span already has an origin as early; a later
    origin recorded before is replaced (an earlier article arrived after it)."""
    overlapping = db.execute(
        "SELECT r.start, r.end, a.id, a.published, a.rowid FROM reused_passages r"
        " JOIN articles a ON a.id = r.origin_id"
        " WHERE r.article_id = ? AND r.start < ? AND r.end > ?",
        (row.article, row.end, row.start)).fetchall()
    if any(not _earlier(origin, _Dated(o[2], o[3], int(o[4]))) for o in overlapping):
        return False
    db.executemany("DELETE FROM reused_passages WHERE article_id = ? AND start = ? AND end = ?",
                   [(row.article, o[0], o[1]) for o in overlapping])
    db.execute("INSERT INTO reused_passages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (row.article, row.start, row.end, row.origin, row.origin_start,
                row.origin_end, row.similarity, row.extractor))
    return True


# --------------------------------------------------------------------------- reading

_LISTING = (
    "SELECT r.article_id AS article, r.start, r.end,"
    " substr(a.text, r.start + 1, r.end - r.start) AS text, r.origin_id AS origin,"
    " r.origin_start, r.origin_end, r.similarity, r.extractor"
    " FROM reused_passages r JOIN articles a ON a.id = r.article_id")
_ORDER = " ORDER BY a.published IS NULL, a.published, a.rowid, r.start"


def list_reuse(db: sqlite3.Connection,
               articles: Collection[str] | None = None) -> list[dict[str, Any]]:
    """One object per reused passage in the contract's shape, the reusing articles in
    date order; `articles` keeps only passages reused by those articles."""
    if articles is None:
        rows = db.execute(_LISTING + _ORDER).fetchall()
    else:
        rows = db.execute(_LISTING + " WHERE r.article_id IN (SELECT value FROM json_each(?))"
                          + _ORDER, (json.dumps(sorted(articles)),)).fetchall()
    return [{k: row[k] for k in ("article", "start", "end", "text", "origin", "origin_start",
                                 "origin_end", "similarity")} for row in rows]


def _recorded(db: sqlite3.Connection, article_id: str) -> tuple[ReusedPassage, ...]:
    rows = db.execute(_LISTING + " WHERE r.article_id = ? OR r.origin_id = ?" + _ORDER,
                      (article_id, article_id)).fetchall()
    return tuple(ReusedPassage(r["article"], r["start"], r["end"], r["text"], r["origin"],
                               r["origin_start"], r["origin_end"], r["similarity"],
                               r["extractor"]) for r in rows)
