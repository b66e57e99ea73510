"""The cross-article commands (issue 4): stories, figure series, passage reuse, a story's
timeline, and what an article adds. Thin: each reads one `Store` view and renders it."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

import click

from ..ingest import read_inputs
from ..ingest.batch import store_result
from ..link.series import series_to_contract
from ..present.listing import render
from ..records import FailedInput
from ..settings import load_settings
from ..store import Store
from . import (
    EXIT_OK,
    EXIT_SOME_ERRORS,
    article_filter_options,
    db_option,
    friendly_errors,
    main,
    open_store,
    output_options,
)

STORY_COLUMNS = ("story", "first", "last", "size", "threads", "outlets", "title")
THREAD_COLUMNS = ("thread", "first", "last", "size", "outlets", "title")
SERIES_COLUMNS = ("story", "measure", "subject", "place", "source", "readings", "latest",
                  "statuses")
SUM_COLUMNS = ("status", "total", "parts_sum", "text", "parts", "article")
REUSE_COLUMNS = ("article", "origin", "similarity", "text")
TIMELINE_COLUMNS = ("date", "type", "text", "sources")
FIGURE_MENTION_COLUMNS = ("published", "outlet", "measure", "subject", "qualifier", "value",
                          "unit", "as_of", "source", "text", "article")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@output_options(default="table", extra=("jsonl",))
@friendly_errors
def stories(paths: tuple[str, ...], db: str | None, fmt: str) -> None:
    """List the stories of the store; or, given PATHS, group those files into stories.

    With PATHS (and no --db) the files are read into a store in memory, in the order
    given, and one line per article is printed: {"input": PATH, "story": ID}.
    """
    if paths:
        sys.exit(_stories_of_files(paths, db))
    with open_store(load_settings({"db": db})) as store:
        rows = store.stories()
    click.echo(_render_groups(rows, fmt, STORY_COLUMNS, "stories"))


@main.command()
@click.argument("story")
@db_option
@output_options(default="table")
@friendly_errors
def threads(story: str, db: str | None, fmt: str) -> None:
    """List the threads of STORY (id or id prefix): its sub-stories, such as the
    hostage exchanges of a war, the most recently joined first."""
    with open_store(load_settings({"db": db})) as store:
        rows = store.threads(story)
    click.echo(_render_groups(rows, fmt, THREAD_COLUMNS, "threads"))


def _render_groups(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...],
                   kind: str) -> str:
    """Stories or threads: a table or CSV shows each one's size, not its article ids."""
    if fmt in ("table", "csv"):
        rows = [{**row, "size": len(row["articles"])} for row in rows]
    return render(rows, fmt, columns, title=f"{len(rows)} {kind}")


def _stories_of_files(paths: tuple[str, ...], db: str | None) -> int:
    """The lines are printed once every file is linked: a young story can still split
    in two as later files join it (`link.story_split`)."""
    settings = load_settings({"db": db or ":memory:"})
    records: list[dict[str, Any]] = []
    failed = 0
    with Store.open(settings.db) as store:
        for result in read_inputs(list(paths), settings):
            if isinstance(result, FailedInput):
                failed += 1
                records.append({**result.to_contract(), "story": None})
                continue
            store_result(store, result, settings)
            records.append({"input": result.input, "id": result.id})
        for record in records:
            if "story" not in record:  # linked: its story as it stands now
                record["story"] = store.story_of(record["id"])
            click.echo(json.dumps(record, ensure_ascii=False))
    return EXIT_SOME_ERRORS if failed else EXIT_OK


@main.command()
@db_option
@click.option("--story", help="Only this story (id or id prefix).")
@click.option("--measure", help="Only series of this measure (killed, injured...).")
@click.option("--mentions", is_flag=True,
              help="List every figure mention of the store instead of the series.")
@click.option("--sums", is_flag=True,
              help="Check the breakdowns that should add up to a total, article by article.")
@click.option("--article", help="With --mentions or --sums: only this article (id or prefix).")
@article_filter_options
@output_options(default="table")
@friendly_errors
def figures(db: str | None, story: str | None, measure: str | None, mentions: bool,
            sums: bool, fmt: str, **filters: Any) -> None:
    """Figure series: the readings of one quantity across a story's articles, ordered by
    the date they hold for, each marked first, repeat, update, revision or conflict.

    With --mentions, the numeric claims one by one, as each article states them; with
    --sums, each total that a breakdown follows ("240, including 71 women and 169
    children") and whether the parts add up.
    """
    with open_store(load_settings({"db": db})) as store:
        if sums:
            checks = [asdict(c) for c in store.sum_checks(story, filters.get("article"))]
            click.echo(render(checks, fmt, SUM_COLUMNS, title=f"{len(checks)} breakdowns"))
            return
        if mentions:
            rows = store.findings("figures", match=measure, **filters)
            click.echo(render(rows, fmt, FIGURE_MENTION_COLUMNS, title=f"{len(rows)} figures"))
            return
        found = [series_to_contract(s) for s in store.series(story)
                 if not measure or measure.lower() in s.measure.lower()]
    if fmt in ("table", "csv"):
        found = [_series_row(series) for series in found]
    click.echo(render(found, fmt, SERIES_COLUMNS, title=f"{len(found)} series"))


def _series_row(series: dict[str, Any]) -> dict[str, Any]:
    readings = series["readings"]
    latest = readings[-1] if readings else {}
    return {**series, "readings": len(readings),
            "latest": f"{latest.get('qualifier', '')} {latest.get('value', '')}".strip(),
            "statuses": " ".join(r["status"] for r in readings)}


@main.command()
@db_option
@click.option("--story", help="Only passages within this story (id or id prefix).")
@output_options(default="table")
@friendly_errors
def reuse(db: str | None, story: str | None, fmt: str) -> None:
    """Passages an article shares with an earlier one (its likely origin), identical or
    lightly edited."""
    with open_store(load_settings({"db": db})) as store:
        rows = store.reuse(story)
    click.echo(render(rows, fmt, REUSE_COLUMNS, title=f"{len(rows)} reused passages"))


@main.command()
@click.argument("story")
@db_option
@output_options(default="table", extra=("md",))
@friendly_errors
def timeline(story: str, db: str | None, fmt: str) -> None:
    """The story's events and dated figures, merged across articles and ordered by when
    they happened, each with the articles that reported it."""
    with open_store(load_settings({"db": db})) as store:
        rows = [entry.to_contract() for entry in store.timeline(story)]
    click.echo(render(rows, fmt, TIMELINE_COLUMNS, title=f"timeline of story {story}"))


@main.command("new")
@click.argument("article")
@db_option
@output_options(default="table", extra=("md",))
@friendly_errors
def new_command(article: str, db: str | None, fmt: str) -> None:
    """What ARTICLE adds to its story: events, figures, quotes and entities no earlier
    article of the story reported."""
    with open_store(load_settings({"db": db})) as store:
        novelty = store.novelty(article).to_contract()
    if fmt == "json":
        click.echo(json.dumps(novelty, ensure_ascii=False, indent=2))
        return
    rows = [{"kind": kind, "item": _item_text(kind, item)}
            for kind in ("events", "figures", "quotes", "entities") for item in novelty[kind]]
    click.echo(render(rows, fmt, ("kind", "item"),
                      title=f"new in {novelty['article']} (story {novelty['story']})"))


def _item_text(kind: str, item: dict[str, Any]) -> str:
    if kind == "events":
        return f"{item['type']} {item.get('date') or ''}: {item['text']}"
    if kind == "figures":
        return f"{item['measure']}: {item['text']} ({item.get('as_of') or ''})"
    if kind == "quotes":
        return f"{item.get('speaker') or '?'}: {item['text']}"
    return f"{item['entity']} ({item['label']})"
