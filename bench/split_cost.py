"""The cost of checking a young story for two events, by the story's size.

    python bench/split_cost.py --shared ../shared [--probes 120]

Each time an article joins a story of 6 to 40 members, linking checks whether the story
holds two events (`link/story_split.py`: the members' pairwise similarities, then a
spectral cut). `link_cost.py` does not meet that check (its filler articles are stories
of one article each), so it is timed here: real Gaza articles (`link_cost.probe_articles`)
are linked in corpus order into a fresh store, and after each one the check of the
story it joined is timed again on its own, inside a transaction rolled back afterwards.

Returns (and prints as JSON) the median and largest milliseconds per check, by story
size in bands of ten members, and how many checks each band holds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from link_cost import probe_articles  # beside this script

from newsledger.link.stories import story_members, story_of
from newsledger.link.story_split import split_story
from newsledger.store import Store


def measure_split_cost(shared: Path, probes: int = 120) -> dict[str, Any]:
    timings: dict[int, list[float]] = defaultdict(list)
    with Store.open(":memory:") as store:
        for analysis in probe_articles(shared, probes):
            store.add(analysis.article, analysis)
            db = store.connection
            story = story_of(db, analysis.article.id)
            size = len(story_members(db, story)) if story else 0
            if not 6 <= size <= 40:
                continue
            db.execute("BEGIN")
            try:
                started = time.perf_counter()
                split_story(db, str(story))
                timings[size // 10 * 10].append((time.perf_counter() - started) * 1000)
            finally:
                db.execute("ROLLBACK")
    return {"probes": probes, "bands": {
        f"{band}-{band + 9}": {"checks": len(found),
                               "median_ms": round(statistics.median(found), 2),
                               "max_ms": round(max(found), 2)}
        for band, found in sorted(timings.items())}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--probes", type=int, default=120)
    args = parser.parse_args(argv)
    print(json.dumps(measure_split_cost(args.shared, args.probes), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
