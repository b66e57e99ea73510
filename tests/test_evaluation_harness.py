"""The eval harness's own plumbing, without the shared data: reading the command a
scorer prints, the numbers of its summary line, and a prepared folder's inputs."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from .test_quality import harness


def test_the_output_file_of_a_printed_command_or_group_of_commands():
    single = "newsledger extract --lang en /w/q/inputs --jsonl > /w/q/predictions.jsonl"
    grouped = ("{ newsledger extract --published 1989-10-25 --lang en /w/a.txt --jsonl; "
               "newsledger extract --published 1989-10-26 --lang en /w/b.txt --jsonl; } "
               "> /w/timex/predictions.jsonl")
    assert harness.output_of(single) == Path("/w/q/predictions.jsonl")
    assert harness.output_of(grouped) == Path("/w/timex/predictions.jsonl")
    with pytest.raises(ValueError, match="unexpected command"):
        harness.output_of("rm -rf / > x")


def test_summary_numbers_fill_what_the_json_nests():
    result = {"summary": "quotes: split=dev content_f1=0.6873 speaker_acc_resolved=0.8655",
              "content_f1": 0.5}
    harness.with_summary_numbers(result, "quotes", "casualties: killed_acc=1.0")
    assert result["content_f1"] == 0.5  # the JSON's own value wins
    assert result["speaker_acc_resolved"] == 0.8655
    assert "split" not in result and "killed_acc" not in result


def test_inputs_of_a_prepared_folder_by_split(tmp_path):
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "b.txt").write_text("b", encoding="utf-8")
    manifest = {"inputs_dir": "inputs", "files": {
        "dev/a.txt": {"split": "dev", "published": "2016-09-12"},
        "test/c.txt": {"split": "test", "published": None},
        "b.txt": {"published": None}}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    task = harness.TASKS["quotes"]
    assert harness.input_files(tmp_path, task) == [
        (tmp_path / "dev" / "a.txt", "2016-09-12"), (tmp_path / "inputs" / "b.txt", None)]


def test_every_understanding_task_has_a_baseline_module():
    for name, task in harness.TASKS.items():
        if not task.understanding:
            continue
        module = importlib.import_module(harness.BASELINE_MODULES[name])
        whole_set = callable(getattr(module, "baseline_records", None))
        assert whole_set or callable(harness.baseline_function(name)), name
