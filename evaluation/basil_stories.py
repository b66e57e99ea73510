#!/usr/bin/env python3
"""Stories on BASIL: is each event, reported by NYT, Fox News and HuffPost, one story?

    python evaluation/basil_stories.py SHARED WORK_DIR [--json]

BASIL (corpora/basil-triplets-nyt-fox-hpo) holds 100 events, each covered by the three
outlets (`triplet-uuid` names the event). The 300 articles are written as one JSON Lines
file (title, text from the body paragraphs, date, outlet, url), in publication order as
a user would ingest them, and grouped by `newsledger stories FILE --jsonl`. Reported:
the share of events whose three articles share one story (`triplets_whole`), and the
number of stories that hold articles of more than one event (`mixed_stories`), beside
the number of stories found. Prints `basil: triplets_whole=... mixed_stories=...` last.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from run import newsledger_bin  # beside this script: the venv's newsledger, not PATH's

CORPUS = "corpora/basil-triplets-nyt-fox-hpo/articles"
OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}


def basil_records(shared: Path) -> list[dict[str, Any]]:
    records = []
    for path in sorted((shared / CORPUS).rglob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = item["body-paragraphs"]
        if isinstance(paragraphs, str):  # stored as the text of a Python list
            paragraphs = ast.literal_eval(paragraphs)
        text = "\n\n".join(" ".join(sentences) for sentences in paragraphs)
        records.append({"id": item["uuid"], "title": item["title"], "text": text,
                        "date": item["date"], "url": item.get("url"),
                        "outlet": OUTLETS.get(item["source"].lower(), item["source"]),
                        "event": item["triplet-uuid"]})
    return sorted(records, key=lambda r: (r["date"], r["id"]))


def run_stories(records: list[dict[str, Any]], work: Path) -> list[str | None]:
    """One story id per record, in order (the jsonl reader keeps the file's order)."""
    work.mkdir(parents=True, exist_ok=True)
    inputs = work / "basil.jsonl"
    inputs.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "event"},
                                         ensure_ascii=False) + "\n" for r in records),
                      encoding="utf-8")
    out = subprocess.run([newsledger_bin(), "stories", str(inputs), "--jsonl"],
                         capture_output=True, text=True, check=False).stdout
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(lines) != len(records):
        raise RuntimeError(f"{len(lines)} story lines for {len(records)} articles")
    return [line.get("story") for line in lines]


def score(records: list[dict[str, Any]], stories: list[str | None]) -> dict[str, Any]:
    by_event: dict[str, set[str | None]] = defaultdict(set)
    by_story: dict[str | None, set[str]] = defaultdict(set)
    for record, story in zip(records, stories, strict=True):
        by_event[record["event"]].add(story)
        by_story[story].add(record["event"])
    whole = sum(1 for found in by_event.values() if len(found) == 1 and None not in found)
    mixed = sum(1 for events in by_story.values() if len(events) > 1)
    return {"events": len(by_event), "triplets_whole": round(whole / len(by_event), 4),
            "mixed_stories": mixed, "stories": len(by_story), "articles": len(records)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    records = basil_records(args.shared)
    result = score(records, run_stories(records, args.work))
    if args.json:
        print(json.dumps(result))
    print(f"basil: triplets_whole={result['triplets_whole']} mixed_stories="
          f"{result['mixed_stories']} stories={result['stories']} events={result['events']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
