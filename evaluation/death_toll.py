#!/usr/bin/env python3
"""How closely a store's Gaza death-toll series follows the tolls outlets reported.

    python evaluation/death_toll.py STORE.db death-toll-2023.tsv [--window 3] [--json]

Needs: a store built by `newsledger ingest` (with understanding) from a corpus about the
war, e.g. ../shared/corpora/gaza-bbc-npr-2023, and the tsv of dated tolls
(`date  toll  publisher  title  origin`) from ../shared/corpora/gaza-headlines-multi-outlet.

The series is `link.series.build_series` over every `killed` figure of the store (no
stories: the store is one long story), with the places the figures' sentences give;
the death-toll series is the largest one counted in the place `--place` (Gaza, the Gaza
Strip). At each date of the tsv the reference toll is the median of the tolls reported
that day; the series' value is its reading on the latest day on or before that date and
no more than `--window` days before it (the highest reading of that day: a day's smaller
numbers are usually counts of one strike). A date without such a reading is not covered.
Prints `death_toll: median_rel_error=... dates_covered=... of=...` last.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sqlite3
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsledger.link.series import Reading, Series, build_series
from newsledger.link.series_groups import place_key
from newsledger.link.series_values import nominal
from newsledger.store.findings import COLUMNS, decode


def stored(db: sqlite3.Connection, measure: str) -> tuple[list[dict[str, Any]],
                                                         list[dict[str, Any]]]:
    """The store's figures of one measure with their sentences, and the place entities
    of those sentences."""
    columns = ", ".join(f"f.{c}" for c in COLUMNS["figures"])
    figures = [decode(dict(row)) for row in db.execute(
        f"SELECT f.article_id AS article, a.published, a.source AS outlet, {columns},"
        " substr(a.text, s.start + 1, s.end - s.start) AS sentence_text"
        " FROM figures f JOIN articles a ON a.id = f.article_id"
        " LEFT JOIN sentences s ON s.article_id = f.article_id AND s.sentence = f.sentence"
        " WHERE f.measure = ?", (measure,))]
    entities = [dict(row) for row in db.execute(
        "SELECT e.article_id AS article, e.sentence, e.label, e.text, e.entity"
        " FROM entities e JOIN figures f ON f.article_id = e.article_id"
        " AND f.sentence = e.sentence WHERE f.measure = ? AND e.label IN ('GPE','LOC','FAC')",
        (measure,))]
    return figures, entities


def toll_series(series: list[Series], place: str) -> Series | None:
    wanted = place_key(place)
    found = [s for s in series if place_key(s.place) == wanted]
    return max(found, key=lambda s: len(s.readings)) if found else None


def reference_tolls(tsv: Path) -> dict[str, float]:
    by_date: dict[str, list[float]] = defaultdict(list)
    with tsv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            by_date[row["date"]].append(float(row["toll"]))
    return {date: statistics.median(tolls) for date, tolls in sorted(by_date.items())}


def reading_at(readings: tuple[Reading, ...], date: str, window: int) -> Reading | None:
    earliest = (dt.date.fromisoformat(date) - dt.timedelta(days=window)).isoformat()
    candidates = [r for r in readings if r.day and earliest <= r.day <= date]
    if not candidates:
        return None
    latest = max(r.day or "" for r in candidates)
    return max((r for r in candidates if r.day == latest), key=lambda r: nominal(r.value))


def score(series: Series | None, tolls: dict[str, float], window: int) -> dict[str, Any]:
    rows = []
    for date, toll in tolls.items():
        reading = reading_at(series.readings, date, window) if series else None
        value = nominal(reading.value) if reading else None
        rows.append({"date": date, "toll": toll, "series": value,
                     "day": reading.day if reading else None,
                     "rel_error": abs(value - toll) / toll if value is not None else None})
    errors = [r["rel_error"] for r in rows if r["rel_error"] is not None]
    return {"median_rel_error": round(statistics.median(errors), 4) if errors else None,
            "dates_covered": len(errors), "of": len(rows), "window_days": window,
            "series": {"measure": series.measure, "subject": series.subject,
                       "place": series.place, "source": series.source,
                       "readings": len(series.readings)} if series else None,
            "dates": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("tsv", type=Path)
    parser.add_argument("--place", default="Gaza")
    parser.add_argument("--window", type=int, default=3, help="days a reading may lag")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    db = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    figures, entities = stored(db, "killed")
    result = score(toll_series(build_series(figures, None, entities), args.place),
                   reference_tolls(args.tsv), args.window)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for row in result["dates"]:
            print(f"{row['date']}  toll {row['toll']:>8.0f}  series {row['series'] or '-':>8}"
                  f"  ({row['day'] or 'not covered'})")
    print(f"death_toll: median_rel_error={result['median_rel_error']} "
          f"dates_covered={result['dates_covered']} of={result['of']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
