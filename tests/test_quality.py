"""Quality gate: newsledger on the shared dev sets must score at least the floors.

Runs `newsledger extract` on both full sets (990 + 1,000 pages) through
evaluation/run.py, the same code as `make eval`, but without the baselines. The floors
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
    """Both tasks in one go: their two CLI runs go side by side. Both score only the
    ingest (body and date), so the understanding stages are switched off to save time;
    `make eval` runs the command exactly as the scorers print it."""
    with tempfile.TemporaryDirectory(prefix="newsledger-quality-") as work, \
            pytest.MonkeyPatch.context() as patch:
        config = Path(work) / "settings.toml"
        config.write_text("understanding = false\n", encoding="utf-8")
        patch.setenv("NEWSLEDGER_CONFIG", str(config))
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
