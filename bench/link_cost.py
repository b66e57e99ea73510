"""Per-article linking time as the store grows: 1k, 10k, 100k articles.

    python bench/link_cost.py --shared ../shared [--sizes 1000,10000,100000] [--probes 40]

Linking (story, identities, passage reuse) runs once per ingested article; issue 4 asks
that its cost at 100k articles be at most twice the cost at 1k. This script grows one
store and, at each size, times `link_article` on the same probe articles, each inside a
transaction that is rolled back, so the probes never change the store they measure.

- Probes: real articles of `corpora/gaza-bbc-npr-2023` (the long-running story, so they
  meet stories, names and passages already stored), read and understood once, before
  any timing.
- Filler: there are not 100k real articles in the corpora, so the store is filled with
  articles made of real sentences: each paragraph joins two or three sentences drawn at
  random (fixed seed) from the Gaza, BBC and BASIL corpora, each article dated at random
  over 2023-2024. Each filler is indexed as linking indexes any article: its story
  features (from its words, without the spaCy stages) go into the story index, as a
  story of its own (choosing its story would cost the full assignment, and these
  articles are random mixtures anyway), and its passages go through `link_reuse`. The
  fillers name no entities, so the identity tables grow only with the probes' names.

Returns (and prints as JSON) the median and p90 milliseconds per probe at each size and
the ratio of the largest size to the smallest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsledger.ingest import read_inputs
from newsledger.link import stories
from newsledger.link.linker import link_article
from newsledger.link.reuse import link_reuse
from newsledger.link.stories import StoryAssignment, story_id_for
from newsledger.link.story_signals import story_signals
from newsledger.records import Article, article_id
from newsledger.settings import load_settings
from newsledger.store import Store
from newsledger.understand import Analysis, understand

GAZA = "corpora/gaza-bbc-npr-2023/articles.jsonl"
FILLER_SOURCES = (GAZA, "corpora/bbc-fulltext", "corpora/basil-triplets-nyt-fox-hpo")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
OUTLETS = ("Wire A", "Wire B", "Daily C", "Times D", "Post E", "Herald F")
BATCH = 1_000  # filler articles per transaction while the store grows
WORK = Path(__file__).resolve().parent / "work"


def probe_articles(shared: Path, count: int) -> list[Analysis]:
    """`count` Gaza articles spread over the corpus, understood once."""
    settings = load_settings({"understanding": True})
    articles = [r for r in read_inputs([str(shared / GAZA)], settings)
                if isinstance(r, Article)]
    step = max(1, len(articles) // count)
    return [understand(a) for a in articles[::step][:count]]


def sentence_pool(shared: Path, probe_ids: set[str]) -> list[str]:
    settings = load_settings({"understanding": False})
    pool: list[str] = []
    for source in FILLER_SOURCES:
        for result in read_inputs([str(shared / source)], settings):
            if isinstance(result, Article) and result.id not in probe_ids:
                pool.extend(s.strip() for s in SENTENCE.split(result.text)
                            if 40 <= len(s.strip()) <= 400)
    return pool


def filler_articles(pool: list[str], seed: int = 7) -> Iterator[Article]:
    rng = random.Random(seed)
    first_day = dt.date(2023, 1, 1)
    number = 0
    while True:
        number += 1
        paragraphs = [" ".join(rng.sample(pool, rng.randint(2, 3)))
                      for _ in range(rng.randint(5, 10))]
        text = "\n\n".join(paragraphs)
        day = first_day + dt.timedelta(days=rng.randrange(730))
        yield Article(id=article_id(text), input=f"filler-{number}", text=text,
                      title=paragraphs[0][:80], source=rng.choice(OUTLETS), language="en",
                      published=day.isoformat())


def grow(store: Store, fillers: Iterator[Article], count: int) -> None:
    for start in range(0, count, BATCH):
        with store.transaction():
            for _ in range(min(BATCH, count - start)):
                article = next(fillers)
                if not store.knows(article.id):
                    index_filler(store, article)


def index_filler(store: Store, article: Article) -> None:
    """What linking writes for an article, with the story chosen as its own (see the
    module docstring); the private calls are the bench's shortcut, not an API."""
    db = store.connection
    store._insert_article(db, article)  # noqa: SLF001
    signals = story_signals(Analysis(article))
    own = StoryAssignment(article.id, story_id_for(article.id), 0.0, True, "bench-filler")
    stories._record(db, signals, own, stories.articles_linked(db))  # noqa: SLF001
    link_reuse(db, article.id, article.text, article.published)


def time_probes(store: Store, probes: list[Analysis]) -> list[float]:
    """Milliseconds of `link_article` per probe, each rolled back afterwards."""
    from newsledger.store.findings import insert_findings

    db = store.connection
    timings = []
    for analysis in probes:
        db.execute("BEGIN")
        try:
            store._insert_article(db, analysis.article)  # noqa: SLF001
            insert_findings(db, analysis)
            started = time.perf_counter()
            link_article(db, analysis)
            timings.append((time.perf_counter() - started) * 1000)
        finally:
            db.execute("ROLLBACK")
    return timings


def measure_link_cost(shared: Path, sizes: tuple[int, ...] = (1_000, 10_000, 100_000),
                      probes: int = 40) -> dict[str, Any]:
    WORK.mkdir(parents=True, exist_ok=True)
    probe_set = probe_articles(shared, probes)
    pool = sentence_pool(shared, {p.article.id for p in probe_set})
    fillers = filler_articles(pool)
    time_probes(Store.open(":memory:"), probe_set[:3])  # imports and caches warmed once
    results: dict[str, Any] = {"probes": len(probe_set), "sentence_pool": len(pool),
                               "sizes": {}}
    with tempfile.TemporaryDirectory(dir=WORK) as folder, \
            Store.open(f"{folder}/cost.db") as store:
        # a throw-away store: it need not survive a crash while it is filled
        store.connection.execute("PRAGMA synchronous = OFF")
        grown = 0
        for size in sorted(sizes):
            started = time.perf_counter()
            grow(store, fillers, size - grown)
            grown = store.count()
            timings = time_probes(store, probe_set)
            results["sizes"][str(size)] = {
                "articles": grown, "fill_seconds": round(time.perf_counter() - started, 1),
                "median_ms": round(statistics.median(timings), 2),
                "p90_ms": round(statistics.quantiles(timings, n=10)[-1], 2),
                "mean_ms": round(statistics.fmean(timings), 2)}
            print(f"link cost at {grown} articles: {results['sizes'][str(size)]}",
                  file=sys.stderr, flush=True)
    low, high = str(min(sizes)), str(max(sizes))
    results["ratio_largest_to_smallest"] = round(
        results["sizes"][high]["median_ms"] / results["sizes"][low]["median_ms"], 2)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--probes", type=int, default=40)
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    print(json.dumps(measure_link_cost(args.shared, sizes, args.probes), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
