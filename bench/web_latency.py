"""The web app's page latency with 10k articles in the store (issue 5: p95 under 200 ms).

    python bench/web_latency.py --shared ../shared [--articles 10000] [--understood 60]
                                [--requests 50]

The store: the two examples and `--understood` articles of the Gaza corpus, read and
understood as `newsledger ingest` does (so their stories have timelines, figures and
quotes), then filled up to `--articles` with `link_cost.py`'s filler articles (real
sentences in random mixtures, each indexed as a story of its own, without findings).
It is built once under bench/work/ and reused while its size matches.

Then `newsledger serve` runs on it as a user starts it, and each page (HTML and its JSON
twin) is requested `--requests` times in a row after a first request: the story list,
a search, the largest story, the examples' story, an article and a speaker. Prints (JSON)
the first request's, the median and p95 milliseconds per page, measured from the client
(httpx, keep-alive). The app keeps a story's view and page until the store receives
another article, so the first request of a story page is the one that computes it.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from link_cost import GAZA, WORK, filler_articles, grow, sentence_pool

from newsledger.ingest import read_inputs
from newsledger.ingest.batch import store_result
from newsledger.records import Article
from newsledger.settings import load_settings
from newsledger.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def build_store(shared: Path, path: Path, articles: int, understood: int) -> Path:
    if path.exists():
        with Store.open(str(path)) as store:
            if store.count() >= articles:
                return path
        path.unlink()
    settings = load_settings({"understanding": True})
    gaza = [r for r in read_inputs([str(shared / GAZA)], settings) if isinstance(r, Article)]
    real = [r for r in read_inputs([str(EXAMPLES)], settings) if isinstance(r, Article)]
    real += gaza[:understood]
    with Store.open(str(path)) as store:
        for article in real:
            store_result(store, article, settings)
        fillers = filler_articles(sentence_pool(shared, {a.id for a in real}))
        grow(store, fillers, articles - store.count())
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pages(client: httpx.Client, db: Path) -> dict[str, str]:
    """The pages measured, found through the app's own JSON (the largest story through
    the store: the list shows a page of the newest stories)."""
    with Store.open_readonly(str(db)) as store:
        largest = store.connection.execute(
            "SELECT id FROM stories ORDER BY articles DESC, id LIMIT 1").fetchone()[0]
    examples = client.get("/api/stories", params={"q": "Ansari"}).json()["stories"][0]
    article = client.get(f"/api/stories/{examples['story']}").json()["articles"][0]["id"]
    speaker = quote("Majed Al-Ansari")
    paths = {"story list": "/", "search": "/?q=ceasefire",
             "largest story": f"/stories/{largest}",
             "examples' story": f"/stories/{examples['story']}",
             "article": f"/articles/{article}", "speaker": f"/speakers/{speaker}"}
    twins = {f"{name} (JSON)": "/api" + (path if path != "/" and not path.startswith("/?")
                                         else path.replace("/", "/stories", 1))
             for name, path in paths.items()}
    return {**paths, **twins}


def measure(client: httpx.Client, path: str, requests: int) -> dict[str, float]:
    started = time.perf_counter()  # the first request: a story's view is computed here
    assert client.get(path).status_code == 200, path
    first = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    return {"first_ms": round(first, 1), "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(p95, 1), "bytes": len(response.content)}


def serve_and_measure(db: Path, requests: int) -> dict[str, Any]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsledger.cli", "serve", "--db", str(db),
                               "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for _ in range(300):
                try:
                    client.get("/api/stories?q=x")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            return {name: measure(client, path, requests)
                    for name, path in pages(client, db).items()}
    finally:
        server.terminate()
        server.wait(timeout=20)


def measure_web_latency(shared: Path, articles: int = 10_000, understood: int = 60,
                        requests: int = 50) -> dict[str, Any]:
    """The store (built once), then every page's median and p95 through the server."""
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    db = build_store(shared, WORK / f"web-{articles}.db", articles, understood)
    built = time.perf_counter() - started
    with Store.open(str(db)) as store:
        size = store.count()
    return {"articles": size, "store_built_s": round(built, 1), "requests": requests,
            "pages": serve_and_measure(db, requests)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--understood", type=int, default=60)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args(argv)
    results = measure_web_latency(args.shared, args.articles, args.understood, args.requests)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
