#!/usr/bin/env python3
"""quantulum3 as the quantities baseline, in the contract's shape.

    baseline_record(path, published) -> {"input", "error", "text", "figures": [...], ...}

Each quantity `quantulum3.parser.parse` finds in the file's text becomes a contract
figure: its value, its unit's name ("percentage", "dollar"; "dimensionless" means no
unit), its span (offsets into the text as read) and qualifier `exact`, since quantulum3
reports no bound. A range comes back as quantulum3 gives it, one number (the CQE paper
scored it the same way). This is how the CQE paper ran quantulum3 on NewsQuant (value
F1 73.0 there).

quantulum3 ships a unit classifier pickled with an older scikit-learn, which the installed
one cannot load (`No module named '_loss'`). Rather than retrain it, the baseline runs
quantulum3 without it (`classifier.USE_CLF = False`): ambiguous unit names are then
resolved by quantulum3's own frequency rule. Values, which the headline metric scores,
do not depend on it.

Run as a script it writes the records for a prepared folder:

    python evaluation/baselines/quantulum.py PREPARED_DIR > baseline.jsonl
"""

from __future__ import annotations

import sys
import warnings
from functools import lru_cache
from typing import Any

from _contract import run_as_script, text_record


@lru_cache(maxsize=1)
def quantulum_parser() -> Any:
    with warnings.catch_warnings():  # the stale classifier pickle warns on import
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    return parser


def baseline_record(path: str, published: str | None) -> dict[str, Any]:
    """quantulum3's quantities for one plain-text file."""
    return text_record(path, published, "figures", quantities)


def quantities(text: str, _published: str | None) -> list[dict[str, Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = quantulum_parser().parse(text)
    return [figure(quantity, text) for quantity in found]


def figure(quantity: Any, text: str) -> dict[str, Any]:
    start, end = quantity.span
    unit = quantity.unit.name
    return {"start": start, "end": end, "text": text[start:end], "value": quantity.value,
            "qualifier": "exact", "unit": None if unit == "dimensionless" else unit,
            "subject": None, "measure": None, "direction": None, "source": None,
            "as_of": None}


def main(argv: list[str] | None = None) -> int:
    return run_as_script(__doc__.split("\n")[0], baseline_record, argv)


if __name__ == "__main__":
    sys.exit(main())
