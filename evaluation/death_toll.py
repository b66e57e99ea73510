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
numbers are usually counts of one strike), leaving out readings that jump far above the
week before and are not sustained in the week after (`sustained`). A date without such
a reading is not covered.
Prints `death_toll: median_rel_error=... dates_covered=... of=...` last.

`--baseline` scores the naive reading instead, on the same store's article texts: in
every sentence that names Gaza, a number followed within three words by "killed" or
"dead" is a toll for the article's day; per day the highest counts, as above.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sqlite3
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsledger.link.series import Reading, Series, build_series
from newsledger.link.series_groups import place_key
from newsledger.link.series_values import nominal
from newsledger.store.findings import finding_rows


def stored(db: sqlite3.Connection, measure: str) -> tuple[list[dict[str, Any]],
                                                         list[dict[str, Any]]]:
    """The store's figures of one measure with their sentences, and the place entities
    of those sentences."""
    figures = finding_rows(db, "figures", ["f.measure = ?"], [measure], "f.article_id, f.start")
    entities = [dict(row) for row in db.execute(
        "SELECT e.article_id AS article, e.sentence, e.label, e.text, e.entity"
        " FROM entities e JOIN figures f ON f.article_id = e.article_id"
        " AND f.sentence = e.sentence WHERE f.measure = ? AND e.label IN ('GPE','LOC','FAC')",
        (measure,))]
    return figures, entities


NAIVE_TOLL = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\W+\w+){0,3}?\W+(?:killed|dead)\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def naive_series(db: sqlite3.Connection, place: str) -> Series:
    """The baseline: every "N ... killed" in a sentence naming the place, as a reading
    on its article's day, classed by the same series code."""
    readings = []
    for article, published, text in db.execute(
            "SELECT id, published, text FROM articles WHERE published IS NOT NULL"):
        for sentence in SENTENCE_END.split(text):
            if place.lower() not in sentence.lower():
                continue
            for match in NAIVE_TOLL.finditer(sentence):
                readings.append({"article": article, "published": published, "start": 0,
                                 "value": float(match[1].replace(",", "")),
                                 "qualifier": "exact", "measure": "killed",
                                 "subject": None, "place": place, "as_of": None,
                                 "text": match[0], "sentence_text": sentence})
    found = build_series(readings)
    return max(found, key=lambda s: len(s.readings))


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
    candidates = [r for r in readings if r.day and earliest <= r.day <= date
                  and sustained(r, readings)]
    if not candidates:
        return None
    latest = max(r.day or "" for r in candidates)
    return max((r for r in candidates if r.day == latest), key=lambda r: nominal(r.value))


def sustained(reading: Reading, readings: tuple[Reading, ...], days: int = 7) -> bool:
    """A running toll does not jump and fall back: a reading far above everything of
    the week before that no reading of the week after comes near is a count of
    something else (a population, a misread number), not the toll."""
    day = dt.date.fromisoformat(reading.day or "")
    before = [nominal(r.value) for r in readings if r.day and
              0 < (day - dt.date.fromisoformat(r.day)).days <= days]
    after = [nominal(r.value) for r in readings if r.day and
             0 < (dt.date.fromisoformat(r.day) - day).days <= days]
    value = nominal(reading.value)
    jumped = bool(before) and value > JUMP * max(before)
    kept_up = any(later >= KEPT_UP * value for later in after)
    return not jumped or kept_up


# A reading more than JUMP times the week before's highest is checked against the week
# after: some reading there must reach KEPT_UP of it.
JUMP, KEPT_UP = 1.5, 0.8


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
    parser.add_argument("--baseline", action="store_true",
                        help="score the naive number-before-killed reading instead")
    args = parser.parse_args(argv)
    db = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    if args.baseline:
        series: Series | None = naive_series(db, args.place)
    else:
        figures, entities = stored(db, "killed")
        series = toll_series(build_series(figures, None, entities), args.place)
    result = score(series, reference_tolls(args.tsv), args.window)
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
