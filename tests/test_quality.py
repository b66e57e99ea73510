"""Quality gate: newsledger on the shared dev sets must score at least the floors.

Runs `newsledger extract` on the full development set of every task with a floor
through evaluation/run.py, the same code as `make eval`, but without the baselines. The floors
live in evaluation/floors.toml. Shared data: $NEWSLEDGER_SHARED, else ../shared.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED") or REPO.parent / "shared")


def _load_harness() -> ModuleType:
    # evaluation/ is a folder of scripts, not a package: load run.py by path.
    spec = importlib.util.spec_from_file_location("evaluation_run", REPO / "evaluation" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


harness = _load_harness()
FLOORS = [(task, metric, floor) for task, table in harness.read_floors().items()
          for metric, floor in table.items()]


@pytest.fixture(scope="module")
def scores() -> Iterator[dict[str, dict[str, Any]]]:
    """Every task with a floor in one go, two CLI runs side by side, as `make eval`
    runs them (the ingest-only tasks with the understanding stages off)."""
    with tempfile.TemporaryDirectory(prefix="newsledger-quality-") as work:
        yield harness.measure_ours(SHARED.resolve(), sorted({t for t, _, _ in FLOORS}),
                                   Path(work))


@pytest.mark.quality
@pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data absent: {SHARED}")
@pytest.mark.parametrize(("task", "metric", "floor"), FLOORS)
def test_score_at_least_floor(scores: dict[str, dict[str, Any]], task: str, metric: str,
                              floor: float) -> None:
    measured = scores[task][metric]
    assert measured >= floor, (
        f"{task} {metric} {measured:.4f} is under the floor {floor} "
        f"(evaluation/floors.toml); {scores[task]['summary']}")
