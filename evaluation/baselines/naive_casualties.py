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

import re
import sys
from typing import Any

from _contract import run_as_script, text_record

NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "twenty"]
PATTERN = re.compile(r"\b(?P<number>\d+|" + "|".join(NUMBER_WORDS) + r")\b"
                     r"(?:\W+\w+){0,3}?\W+(?P<word>killed|dead|injured|wounded)\b", re.I)
MEASURE = {"killed": "killed", "dead": "killed", "injured": "injured", "wounded": "injured"}


def baseline_record(path: str, published: str | None) -> dict[str, Any]:
    """The pattern's casualty figures for one plain-text file."""
    return text_record(path, published, "figures",
                       lambda text, _day: [figure(m) for m in PATTERN.finditer(text)])


def figure(match: re.Match[str]) -> dict[str, Any]:
    number = match["number"].lower()
    value = int(number) if number.isdigit() else NUMBER_WORDS.index(number) + 1
    return {"start": match.start(), "end": match.end(), "text": match.group(0),
            "value": value, "qualifier": "exact", "unit": "person", "subject": None,
            "measure": MEASURE[match["word"].lower()], "direction": None, "source": None,
            "as_of": None}


def main(argv: list[str] | None = None) -> int:
    return run_as_script(__doc__.split("\n")[0], baseline_record, argv)


if __name__ == "__main__":
    sys.exit(main())
