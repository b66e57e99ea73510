#!/usr/bin/env python3
"""Score newsledger, and the off-the-shelf library beside it, on the shared dev sets.

    python evaluation/run.py --shared ../shared [--only extraction|pubdate] [--json]

For each task the scorer in SHARED/tools/eval/ is driven exactly as its docstring says:
`prepare` writes the inputs and prints a `newsledger extract` command, we run that command
with this venv's `newsledger`, then `score ... --json`. The baseline (trafilatura for
extraction, htmldate for pubdate) writes records of the same shape for the same input files
in the same run, and the same scorer scores them, so the two rows differ only by the system.

Writes evaluation/last-scores.json and docs/quality.md. Work files go to evaluation/work/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.about import library_versions

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "evaluation" / "work"
FLOORS = REPO / "evaluation" / "floors.toml"
SCORES = REPO / "evaluation" / "last-scores.json"
DOC = REPO / "docs" / "quality.md"
LIBRARIES = ("newsledger", "trafilatura", "htmldate", "lxml", "justext", "dateparser",
             "charset-normalizer")
# Upstream's canonical extraction settings (trafilatura tests/eval_common.py EXTRACT_OPTS,
# run "fallback" = fast=False). extract()'s own default keeps comments, which upstream's
# benchmark and our HTML reader both leave out, so comments are off here too.
TRAFILATURA_OPTS = {"fast": False, "include_comments": False, "include_tables": True,
                    "include_formatting": False}


@dataclass(frozen=True)
class Task:
    name: str
    scorer: str  # file name under SHARED/tools/eval/
    dataset: str  # folder name under SHARED/eval/
    baseline: str  # library measured beside us
    call: str  # the baseline call, as shown in the report
    metrics: tuple[str, ...]  # report order; the first is the headline
    published: str  # upstream's published figure for the baseline, for the report


TASKS = {
    "extraction": Task(
        "extraction", "extraction.py", "trafilatura-eval", "trafilatura",
        "trafilatura.extract(html_bytes, fast=False, include_comments=False, "
        "include_tables=True, include_formatting=False)  # txt, no metadata",
        ("f1", "precision", "recall", "accuracy"),
        "trafilatura 2.2.0 standard: F1 0.924 (docs/evaluation.rst); shared/README.md: 0.926"),
    "pubdate": Task(
        "pubdate", "pubdate.py", "htmldate-eval", "htmldate",
        "htmldate.find_date(decode_file(html_bytes), extensive_search=True, original_date=True)",
        ("accuracy", "precision", "recall", "f1"),
        "htmldate 1.10.0 extensive: accuracy 0.903, P 0.908, R 0.993, F1 0.949"),
}


# --------------------------------------------------------------------------- scorer driving

def scorer(shared: Path, task: Task) -> Path:
    return shared / "tools" / "eval" / task.scorer


def dataset(shared: Path, task: Task) -> Path:
    return shared / "eval" / task.dataset


def newsledger_bin() -> str:
    """This venv's newsledger, whatever PATH says: the one that scores is the one we ship."""
    beside = Path(sys.executable).with_name("newsledger")
    return str(beside if beside.exists() else REPO / ".venv" / "bin" / "newsledger")


def prepare(shared: Path, task: Task, work: Path) -> tuple[list[str], Path]:
    """Run `scorer prepare`; return the printed command (argv, our newsledger) and its
    output file. The scorer prints the command on its last stdout line."""
    out = subprocess.run([sys.executable, str(scorer(shared, task)), "prepare",
                          str(dataset(shared, task)), str(work)],
                         check=True, capture_output=True, text=True).stdout
    line = [ln for ln in out.splitlines() if ln.strip() and not ln.startswith("#")][-1]
    return parse_command(line)


def parse_command(line: str) -> tuple[list[str], Path]:
    """`newsledger extract IN --jsonl > OUT` to (argv, OUT); no shell needed."""
    words = shlex.split(line)
    if words[0] != "newsledger" or ">" not in words:
        raise ValueError(f"unexpected command from the scorer: {line}")
    cut = words.index(">")
    return [newsledger_bin(), *words[1:cut]], Path(words[cut + 1])


def start_ours(argv: list[str], predictions: Path) -> subprocess.Popen[bytes]:
    """Start the printed command. stderr goes to a file beside the predictions: a pipe
    left unread while the other task runs could fill and stall this one."""
    with open(predictions, "wb") as out, open(predictions.with_suffix(".stderr"), "wb") as err:
        return subprocess.Popen(argv, stdout=out, stderr=err)


def check_ours(proc: subprocess.Popen[bytes], predictions: Path) -> None:
    """Exit 1 only means some inputs gave error records, which the scorer counts."""
    if proc.returncode not in (0, 1):
        err = predictions.with_suffix(".stderr").read_text(errors="replace")
        raise RuntimeError(f"newsledger exited {proc.returncode}: {err[-2000:]}")


def score(shared: Path, task: Task, predictions: Path, manifest: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(scorer(shared, task)), "score",
                          str(dataset(shared, task)), str(predictions),
                          "--manifest", str(manifest), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def measure_ours(shared: Path, names: list[str], work: Path) -> dict[str, dict[str, Any]]:
    """newsledger on each task's full set; the tasks' CLI runs go side by side (one
    process each) so two tasks take the time of one on a 2-core machine."""
    runs = {}
    for name in names:
        argv, predictions = prepare(shared, TASKS[name], work / name)
        runs[name] = (predictions, start_ours(argv, predictions), time.perf_counter())
    seconds: dict[str, float] = {}
    while len(seconds) < len(runs):  # poll, so each task's time is its own
        for name, (_, proc, started) in runs.items():
            if name not in seconds and proc.poll() is not None:
                seconds[name] = round(time.perf_counter() - started, 1)
        time.sleep(0.1)
    scores = {}
    for name, (predictions, proc, _) in runs.items():
        check_ours(proc, predictions)
        scores[name] = score(shared, TASKS[name], predictions, work / name / "manifest.json")
        scores[name]["seconds"] = seconds[name]
    return scores


# --------------------------------------------------------------------------- baselines

def contract_record(path: str, **fields: Any) -> dict[str, Any]:
    """A record in the contract's shape, so the scorer reads it as it reads ours."""
    record: dict[str, Any] = {"id": None, "input": path, "error": None, "url": None,
                              "source": None, "language": None, "title": None,
                              "subtitle": None, "authors": [], "published": None,
                              "updated": None, "dateline": None, "text": None}
    record.update({k: [] for k in ("entities", "times", "quotes", "figures", "events")})
    record.update(fields)
    return record


def trafilatura_record(path: str) -> dict[str, Any]:
    import trafilatura  # in the worker: the parent never pays for it

    try:  # a crash is a miss, as upstream counts it
        text = trafilatura.extract(Path(path).read_bytes(), **TRAFILATURA_OPTS)
    except Exception as exc:  # any library failure is a scored miss
        return contract_record(path, error=f"{type(exc).__name__}: {exc}")
    return contract_record(path, text=text)


def htmldate_record(path: str) -> dict[str, Any]:
    from htmldate import find_date
    from htmldate.utils import decode_file

    # Upstream's evaluation decodes with htmldate's decode_file, then calls find_date.
    try:
        day = find_date(decode_file(Path(path).read_bytes()), extensive_search=True,
                        original_date=True)
    except Exception as exc:  # any library failure is a scored miss
        return contract_record(path, error=f"{type(exc).__name__}: {exc}")
    return contract_record(path, published=day)


BASELINE_RECORD = {"extraction": trafilatura_record, "pubdate": htmldate_record}


def measure_baseline(shared: Path, name: str, work: Path, jobs: int) -> dict[str, Any]:
    """The library alone on the inputs `prepare` wrote, `jobs` worker processes."""
    task = TASKS[name]
    manifest = work / name / "manifest.json"
    files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    paths = [str(work / name / rel) for rel in files]
    predictions = work / name / "baseline-predictions.jsonl"
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool, open(predictions, "w") as out:
        for record in pool.map(BASELINE_RECORD[name], paths, chunksize=8):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = score(shared, task, predictions, manifest)
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["jobs"] = jobs
    return result


# --------------------------------------------------------------------------- report



def read_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def previous_scores() -> dict[str, Any]:
    """Keep the tasks not rerun (--only) so the report always shows both."""
    try:
        return json.loads(SCORES.read_text(encoding="utf-8")).get("tasks", {})
    except (OSError, ValueError):
        return {}


def task_entry(shared: Path, name: str, ours: dict[str, Any],
               base: dict[str, Any]) -> dict[str, Any]:
    task = TASKS[name]
    vers = library_versions(LIBRARIES)
    return {
        "dataset": task.dataset, "dataset_dir": str(dataset(shared, task)),
        "docs": ours["docs"], "scorer": f"tools/eval/{task.scorer}",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "timezone": time.strftime("%Z"), "versions": vers,
        "newsledger": ours,
        "baseline": {"library": f"{task.baseline} {vers[task.baseline]}", "call": task.call,
                     "published": task.published, **base},
    }


def fmt_row(label: str, scores: dict[str, Any], metrics: tuple[str, ...]) -> str:
    cells = [f"{scores[m]:.4f}" for m in metrics]
    missing = scores.get("no_answer", scores.get("missing", 0) + scores.get("error", 0)
                         + scores.get("no_text", 0))
    return f"| {label} | " + " | ".join(cells) + f" | {missing} | {scores['seconds']} s |"


def task_section(name: str, entry: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    task = TASKS[name]
    ours, base = entry["newsledger"], entry["baseline"]
    vers = entry["versions"]
    floor = ", ".join(f"{k} >= {v}" for k, v in floors.get(name, {}).items()) or "none"
    head = " | ".join(m if m != "f1" else "F1" for m in task.metrics)
    lines = [
        f"## {name}", "",
        f"Dataset: `{task.dataset}` ({entry['docs']} pages), scored by `{entry['scorer']}`. "
        f"Run {entry['date']} (local time zone {entry['timezone']}); "
        f"newsledger {vers['newsledger']}, trafilatura {vers['trafilatura']}, "
        f"htmldate {vers['htmldate']}, lxml {vers['lxml']}, Python {vers['python']}.", "",
        f"| system | {head} | no answer | wall time |",
        "|---" * (len(task.metrics) + 3) + "|",
        fmt_row(f"newsledger {vers['newsledger']} (`newsledger extract`, 1 process)", ours,
                task.metrics),
        fmt_row(f"baseline: {base['library']} ({base['jobs']} processes)", base, task.metrics),
        "",
        f"Baseline call: `{base['call']}`.  ",
        f"Published upstream: {base['published']}.  ",
        f"Floor in `evaluation/floors.toml`: {floor}.  ",
    ]
    if name == "pubdate":
        lines.append(f"newsledger wrong answers: {ours['fp']} (off by one day "
                     f"{ours['off_by_one']}); htmldate: {base['fp']} (off by one "
                     f"{base['off_by_one']}).")
    return lines + [""]


def shown(path: Path) -> str:
    """The shared folder as the Makefile names it, when it is the default one."""
    return "../shared" if path == (REPO.parent / "shared").resolve() else str(path)


def write_report(shared: Path, tasks: dict[str, Any]) -> None:
    floors = read_floors()
    lines = ["# Quality", "",
             "Generated by `evaluation/run.py`; do not edit by hand. Reproduce with `make eval`",
             f"(= `.venv/bin/python evaluation/run.py --shared {shown(shared)}`), or one task with",
             "`--only extraction|pubdate`. newsledger and the baseline are measured in the same",
             "run, on the same input files, by the same scorer. Wall times are not a benchmark",
             "(see docs/performance.md): the baseline runs in a pool of processes.", ""]
    for name in TASKS:
        if name in tasks:
            lines += task_section(name, tasks[name], floors)
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--only", choices=sorted(TASKS))
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--jobs", type=int, default=2, help="baseline worker processes (max 2)")
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"shared data absent ({args.shared}): nothing to evaluate")
        return 0
    names = [args.only] if args.only else list(TASKS)
    shared = args.shared.resolve()
    # One heavy thing at a time: our runs (side by side), then each baseline's pool.
    ours = measure_ours(shared, names, WORK)
    tasks = previous_scores()
    jobs = max(1, min(args.jobs, 2))
    for name in names:
        base = measure_baseline(shared, name, WORK, jobs)
        tasks[name] = task_entry(shared, name, ours[name], base)
    SCORES.write_text(json.dumps({"tasks": tasks}, indent=1, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    write_report(shared, tasks)
    if args.json:
        print(json.dumps({"tasks": {n: tasks[n] for n in names}}, indent=1, ensure_ascii=False))
    else:
        for name in names:
            print_summary(name, tasks[name])
    return 0


def print_summary(name: str, entry: dict[str, Any]) -> None:
    for who in ("newsledger", "baseline"):
        scores = entry[who]
        shown = " ".join(f"{m}={scores[m]:.4f}" for m in TASKS[name].metrics)
        print(f"{name}: {who:<10} {shown} ({scores['seconds']} s)")


if __name__ == "__main__":
    sys.exit(main())
