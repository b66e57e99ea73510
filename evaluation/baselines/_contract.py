"""What every baseline shares: the contract-shaped record around one plain-text file,
the inputs a scorer's `prepare` wrote, and the script entry point.

The baselines are plain scripts (no newsledger imports: they measure other tools);
`evaluation/run.py` puts this folder on `sys.path` and calls each one's
`baseline_record(path, published)`, possibly in a pool of worker processes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

UNDERSTANDING = ("entities", "times", "quotes", "figures", "events")
Finder = Callable[[str, "str | None"], list[dict[str, Any]]]


def text_record(path: str, published: str | None, field: str, find: Finder) -> dict[str, Any]:
    """`find(text, published)` fills `field` of a record for the file at `path`; any
    failure of the tool is an error record, which the scorer counts as a miss."""
    record: dict[str, Any] = {"input": path, "error": None, "text": None,
                              "published": published}
    record.update({name: [] for name in UNDERSTANDING})
    try:
        text = Path(path).read_text(encoding="utf-8")
        record["text"] = text
        record[field] = find(text, published)
    except Exception as exc:  # any library failure is a scored miss
        record["error"] = f"{type(exc).__name__}: {exc}"
    return record


def input_files(prepared: Path, split: str | None = None) -> list[tuple[Path, str | None]]:
    """(input file, publication date) for each input a scorer's `prepare` wrote, from
    its manifest: a `files` map (keys relative to the folder or to `inputs_dir`), a
    `documents` list (TempEval) or an `inputs` map of files under `inputs/` (stories)."""
    manifest = json.loads((prepared / "manifest.json").read_text(encoding="utf-8"))
    if isinstance(manifest.get("inputs"), dict):  # stories: files under inputs/, in order
        return [(prepared / "inputs" / key, info.get("published"))
                for key, info in sorted(manifest["inputs"].items())]
    if "documents" in manifest:
        return [(prepared / doc["input"], doc.get("published"))
                for doc in manifest["documents"]]
    inputs_dir = prepared / manifest.get("inputs_dir", "")  # relative to the folder, or absolute
    found = []
    for key, info in manifest["files"].items():
        if split and info.get("split") not in (None, split):
            continue
        path = prepared / key if (prepared / key).exists() else inputs_dir / key
        found.append((path, info.get("published")))
    return found


def run_as_script(description: str, baseline_record: Callable[[str, str | None],
                                                              dict[str, Any]],
                  argv: list[str] | None = None) -> int:
    """`python BASELINE.py PREPARED_DIR [--split dev] [--jobs N] > records.jsonl`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("prepared", type=Path, help="a folder written by a scorer's prepare")
    parser.add_argument("--split", help="only the inputs of this split (e.g. dev)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    inputs = [(str(path), published) for path, published in input_files(args.prepared,
                                                                         args.split)]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for record in pool.map(baseline_record, *zip(*inputs, strict=True)):
            print(json.dumps(record, ensure_ascii=False), flush=True)
    return 0
