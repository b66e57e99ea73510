#!/usr/bin/env python3
"""Per-article cost of passage reuse linking (`link_reuse`) with 1k, 10k and 100k
articles in the store.

    python bench/reuse_cost.py --shared ../shared [--sizes 1000 10000 100000]

The store is filled from corpus texts without the understanding stages (reuse reads only
text): the Gaza BBC/NPR articles in date order, then the BBC full-text corpus. Past the
corpus size, texts are replicated with small distinct changes: copy c of a text has every
ninth word (from an offset that depends on c) marked with a suffix naming the copy, so
the copies are distinct articles that are near-duplicates of their original -- the worst
case for reuse lookups (every reused paragraph has many near-copies in the store). The
fill is written with executemany of precomputed passages and band rows (the same
`reuse_text.passages` and `reuse.band_keys` that `link_reuse` uses); only the measured
articles go through `link_reuse`.

Measured articles: every 12th Gaza article of December 2023, held out of the fill; each
is stored and linked inside a transaction that is rolled back, so every size sees the
same store state. The store grows from one size to the next; each size is measured on
the same articles.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from link_cost import GAZA  # beside this script

from newsledger.link.reuse import band_keys, link_reuse
from newsledger.link.reuse_text import passages
from newsledger.store import Store

BBC = "corpora/bbc-fulltext/bbc"
HELD_OUT_MONTH = "2023-12"
HELD_OUT_STEP = 12
BATCH = 2_000


def measure_reuse_cost(shared: Path, sizes: tuple[int, ...] = (1_000, 10_000, 100_000),
                       folder: Path | None = None) -> dict[str, Any]:
    """Median and mean `link_reuse` time per article at each store size, with the
    candidate work it did; the ratio of the largest size to the smallest."""
    fill, queries = corpus_texts(shared)
    with tempfile.TemporaryDirectory(prefix="newsledger-reuse-", dir=folder) as tmp:
        store = Store.open(str(Path(tmp) / "reuse.db"))
        # a throw-away store: no need to survive a crash while it is filled
        store.connection.execute("PRAGMA synchronous = OFF")
        store.connection.execute("PRAGMA cache_size = -262144")
        rows: list[dict[str, Any]] = []
        filled, build_s = 0, 0.0
        for size in sorted(sizes):
            started = time.perf_counter()
            filled = extend(store.connection, fill, filled, size)
            build_s += time.perf_counter() - started
            rows.append({"articles": size, "build_s": round(build_s, 1),
                         **passage_counts(store.connection), **timed(store, queries)})
        store.close()
    first, last = rows[0], rows[-1]
    return {"rows": rows, "queries": len(queries), "fill_texts": len(fill),
            "ratio_median": round(last["median_ms"] / first["median_ms"], 2),
            "ratio_mean": round(last["mean_ms"] / first["mean_ms"], 2),
            "note": __doc__.split("\n\n")[2].replace("\n", " ")}


# --------------------------------------------------------------------------- texts

def corpus_texts(shared: Path) -> tuple[list[tuple[str, str | None]], list[dict[str, Any]]]:
    """(text, date) to fill the store with, and the held-out articles to measure."""
    items = [json.loads(line) for line in (shared / GAZA).open(encoding="utf-8")]
    items.sort(key=lambda r: (r["date"] or "9999", r["id"]))
    december = [r for r in items if (r["date"] or "").startswith(HELD_OUT_MONTH)]
    held = {r["id"] for r in december[::HELD_OUT_STEP]}
    fill = [(r["text"], (r["date"] or "")[:10] or None) for r in items if r["id"] not in held]
    for path in sorted((shared / BBC).rglob("*.txt")):
        if path.name[0].isdigit():
            fill.append((path.read_text(encoding="latin-1"), "2005-01-01"))
    queries = [r for r in items if r["id"] in held]
    return fill, queries


def replica(text: str, copy: int) -> str:
    """Copy `copy` of a text: every ninth word, from an offset of its own, marked."""
    if copy == 0:
        return text
    mark = _letters(copy)
    words = text.split(" ")
    for i in range(copy % 9, len(words), 9):
        words[i] = words[i] + mark
    return " ".join(words)


def _letters(number: int) -> str:
    out = ""
    while number:
        number, digit = divmod(number, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[digit]
    return out


# --------------------------------------------------------------------------- filling

def extend(db: sqlite3.Connection, fill: list[tuple[str, str | None]], have: int,
           size: int) -> int:
    """Add articles have..size-1 with their passages and band rows, in batches."""
    for start in range(have, size, BATCH):
        db.execute("BEGIN")
        _write_batch(db, list(_articles(fill, start, min(size, start + BATCH))))
        db.execute("COMMIT")
    return max(have, size)


def _articles(fill: list[tuple[str, str | None]], start: int,
              end: int) -> Iterator[tuple[str, str, str | None]]:
    for n in range(start, end):
        text, date = fill[n % len(fill)]
        yield f"fill-{n:06d}", replica(text, n // len(fill)), date


def _write_articles(db: sqlite3.Connection, batch: list[tuple[str, str, str | None]]) -> None:
    db.executemany(
        "INSERT INTO articles (id, input, format, published, text, ingested_at)"
        " VALUES (?, ?, 'text', ?, ?, '2025-01-01T00:00:00')",
        [(key, f"bench:{key}", date, text) for key, text, date in batch])


def _write_batch(db: sqlite3.Connection, batch: list[tuple[str, str, str | None]]) -> None:
    _write_articles(db, batch)
    next_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM reuse_passages").fetchone()[0]
    passage_rows, band_rows = [], []
    for key, text, _date in batch:
        found = passages(text)
        for passage, keys in zip(found, band_keys(found), strict=True):
            passage_rows.append((next_id, key, passage.start, passage.end))
            band_rows += [(band, value, next_id) for band, value in enumerate(keys)]
            next_id += 1
    db.executemany("INSERT INTO reuse_passages VALUES (?, ?, ?, ?)", passage_rows)
    db.executemany("INSERT OR IGNORE INTO reuse_bands VALUES (?, ?, ?)", band_rows)


def passage_counts(db: sqlite3.Connection) -> dict[str, int]:
    return {"passages": db.execute("SELECT count(*) FROM reuse_passages").fetchone()[0],
            "band_rows": db.execute("SELECT count(*) FROM reuse_bands").fetchone()[0]}


# --------------------------------------------------------------------------- timing

def timed(store: Store, queries: list[dict[str, Any]]) -> dict[str, Any]:
    """Each held-out article stored and linked, then rolled back: the link time only."""
    from newsledger.records import Article

    times, found = [], 0
    db = store.connection
    for item in queries:
        article = Article(id=item["id"], input=item["id"], text=item["text"],
                          published=(item["date"] or "")[:10] or None)
        db.execute("BEGIN")
        _write_articles(db, [(article.id, article.text, article.published)])
        started = time.perf_counter()
        found += len(link_reuse(db, article.id, article.text, article.published))
        times.append(time.perf_counter() - started)
        db.execute("ROLLBACK")
    return {"median_ms": round(1000 * statistics.median(times), 2),
            "mean_ms": round(1000 * statistics.mean(times), 2),
            "p90_ms": round(1000 * sorted(times)[int(0.9 * len(times))], 2),
            "reused_found": found}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--work", type=Path, help="folder for the temporary store")
    args = ap.parse_args(argv)
    result = measure_reuse_cost(args.shared, tuple(args.sizes), args.work)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
