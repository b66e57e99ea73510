#!/usr/bin/env python3
"""The naive casualty pattern as the GVDB baseline, in the contract's shape.

    baseline_record(path, published) -> {"input", "error", "text", "figures": [...], ...}

The simplest reading of a casualty count: a number (digits, or a number word up to
twenty) followed within three words by killed, dead, injured or wounded ("two people
were killed", "3 wounded"). Each match is a figure with that number as its value and
measure `killed` (killed, dead) or `injured` (injured, wounded); the scorer takes the
largest per measure. Nothing else is read: no victim counted in words ("a man was shot
and killed"), no negation, no "one fatally".

Run as a script it writes the records for a prepared folder:

    python evaluation/baselines/naive_casualties.py PREPARED_DIR > baseline.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

UNDERSTANDING = ("entities", "times", "quotes", "figures", "events")
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "twenty"]
PATTERN = re.compile(r"\b(?P<number>\d+|" + "|".join(NUMBER_WORDS) + r")\b"
                     r"(?:\W+\w+){0,3}?\W+(?P<word>killed|dead|injured|wounded)\b", re.I)
MEASURE = {"killed": "killed", "dead": "killed", "injured": "injured", "wounded": "injured"}


def baseline_record(path: str, published: str | None) -> dict[str, Any]:
    """The pattern's casualty figures for one plain-text file."""
    record: dict[str, Any] = {"input": path, "error": None, "text": None,
                              "published": published}
    record.update({name: [] for name in UNDERSTANDING})
    try:
        text = Path(path).read_text(encoding="utf-8")
        record["text"] = text
        record["figures"] = [figure(match) for match in PATTERN.finditer(text)]
    except Exception as exc:  # an unreadable file is a scored miss
        record["error"] = f"{type(exc).__name__}: {exc}"
    return record


def figure(match: re.Match[str]) -> dict[str, Any]:
    number = match["number"].lower()
    value = int(number) if number.isdigit() else NUMBER_WORDS.index(number) + 1
    return {"start": match.start(), "end": match.end(), "text": match.group(0),
            "value": value, "qualifier": "exact", "unit": "person", "subject": None,
            "measure": MEASURE[match["word"].lower()], "direction": None, "source": None,
            "as_of": None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("prepared", help="OUT_DIR of the scorer's prepare (reads OUT_DIR/inputs)")
    args = ap.parse_args(argv)
    manifest = json.loads((Path(args.prepared) / "manifest.json").read_text(encoding="utf-8"))
    inputs = Path(args.prepared) / manifest.get("inputs_dir", "inputs")
    for name, info in sorted(manifest["files"].items()):
        record = baseline_record(str(inputs / name), info.get("published"))
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
