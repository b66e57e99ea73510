"""The command-line shell. This package is the only one that imports click; all work is in
the library.

Errors raised on purpose (`newsledger.errors`) become one line on stderr, here and
nowhere else.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import NewsledgerError
from ..ingest import read_inputs
from ..present.listing import render
from ..records import FailedInput, IngestResult
from ..settings import Settings, load_settings
from ..store import LIST_COLUMNS, Store
from ..understand import understand

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_SOME_ERRORS, EXIT_USAGE = 0, 1, 2
ARTICLE_COLUMNS = ("id", "published", "source", "language", "title", "authors", "dateline")


def friendly_errors(command: F) -> F:
    """Turn a NewsledgerError into one clear line and exit status 2 (bad usage)."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except NewsledgerError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(EXIT_USAGE)

    return wrapper  # type: ignore[return-value]


def output_options(default: str, extra: tuple[str, ...] = ()) -> Callable[[F], F]:
    """The shared --table/--json/--csv switch of every listing command (plus `extra`)."""

    def decorate(command: F) -> F:
        formats = ("table", "json", "csv") + extra
        command = click.option("--format", "fmt", type=click.Choice(formats), default=default,
                               show_default=True, help="Output format.")(command)
        for fmt in reversed(formats):
            command = click.option(f"--{fmt}", "fmt", flag_value=fmt,
                                   help=f"Same as --format {fmt}.")(command)
        return command

    return decorate


def _valid_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from ..ingest.dates import parse_date

    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)")
    return parsed


@click.group()
@click.version_option(__version__, prog_name="newsledger")
def main() -> None:
    """newsledger: a sourced, dated record of developing news stories."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", callback=_valid_date,
              help="Publication date for every input (YYYY-MM-DD).")
@click.option("--source", help="Outlet name for every input.")
@click.option("--lang", "language", help="Language code for every input (skips detection).")
@output_options(default="text", extra=("jsonl", "text"))
@friendly_errors
def extract(paths: tuple[str, ...], published: str | None, source: str | None,
            language: str | None, fmt: str) -> None:
    """Read articles from PATHS (files or folders) and print their records.

    With --jsonl, one contract record per line (../shared/CONTRACT.md). Exit status
    is 1 when some input gave an error record.
    """
    settings = load_settings({"published": published, "source": source, "language": language})
    results = read_inputs(list(paths), settings)
    failed = _print_records(results, fmt, settings.understanding)
    sys.exit(EXIT_SOME_ERRORS if failed else EXIT_OK)


def _print_records(results: Iterable[IngestResult], fmt: str, understanding: bool) -> int:
    """Stream JSON Lines as they come; gather the rest for one rendering."""
    failed = 0
    gathered: list[dict[str, Any]] = []
    for result in results:
        failed += isinstance(result, FailedInput)
        record = result.to_contract() if isinstance(result, FailedInput) \
            else understand(result, understanding).to_contract()
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            gathered.append(record)
    if fmt == "text":
        click.echo(_articles_as_text(gathered))
    elif fmt != "jsonl":
        click.echo(render(gathered, fmt, ARTICLE_COLUMNS + ("input", "error")))
    return failed


def _articles_as_text(records: list[dict[str, Any]]) -> str:
    """A human reading: each article's metadata, then its clean body."""
    blocks = []
    for record in records:
        if record.get("error"):
            blocks.append(f"== {record['input']}\nerror: {record['error']}")
            continue
        meta = [f"{key}: {_show(record[key])}" for key in
                ("id", "title", "subtitle", "authors", "source", "published", "updated",
                 "dateline", "language", "url")]
        meta.append(f"entities: {_entity_summary(record.get('entities') or [])}")
        meta.extend(_findings_lines(record))
        blocks.append("\n".join([f"== {record['input']}", *meta, "", record["text"]]))
    return "\n\n".join(blocks)


def _entity_summary(entities: list[dict[str, Any]]) -> str:
    """Each canonical name once, with its label, in order of first mention."""
    seen = dict.fromkeys(f"{e['entity']} ({e['label']})" for e in entities)
    return ", ".join(seen) if seen else "-"


def _findings_lines(record: dict[str, Any]) -> list[str]:
    """One line per time, quote, figure and event, under a heading each."""
    lines = []
    for kind, describe in (("times", _time_line), ("quotes", _quote_line),
                           ("figures", _figure_line), ("events", _event_line)):
        found = record.get(kind) or []
        lines.append(f"{kind}: {len(found) or '-'}")
        lines.extend(f"  - {describe(item)}" for item in found)
    return lines


def _time_line(time: dict[str, Any]) -> str:
    return f"{time['text']!r} -> {time['value']} ({time['type']})"


def _quote_line(quote: dict[str, Any]) -> str:
    return f"{quote['speaker'] or '?'} [{quote['kind']}, {quote['cue'] or '-'}]: " \
           f"{_clip(quote['text'])}"


def _figure_line(figure: dict[str, Any]) -> str:
    value = figure["value"]
    shown = f"{value[0]}-{value[1]}" if isinstance(value, list) else f"{value:,}"
    parts = [figure["qualifier"], shown, figure["unit"], figure["subject"], figure["measure"]]
    said = f" (source: {figure['source']})" if figure.get("source") else ""
    return " ".join(str(p) for p in parts if p) + f", as of {figure['as_of'] or '?'}" + said


def _event_line(event: dict[str, Any]) -> str:
    who = ", ".join(event["actors"]) or "?"
    via = f" via {', '.join(event['mediators'])}" if event["mediators"] else ""
    where = f" in {event['place']}" if event.get("place") else ""
    return f"{event['date'] or '?'} {event['type']}: {who}{via}{where}: {_clip(event['text'])}"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "-"
    return "-" if value in (None, "") else str(value)


def article_filter_options(command: F) -> F:
    """--source, --since and --limit, as every listing of the store takes them."""
    command = click.option("--limit", type=click.IntRange(min=1),
                           help="At most this many rows.")(command)
    command = click.option("--since", callback=_valid_date,
                           help="Only articles published on or after this date.")(command)
    return click.option("--source", help="Only articles whose outlet contains this.")(command)


def db_option(command: F) -> F:
    return click.option("--db", type=click.Path(dir_okay=False),
                        help="Store file (default: newsledger.db in the user data directory).",
                        )(command)


def open_store(settings: Settings) -> Store:
    return Store.open(settings.db)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--published", callback=_valid_date, help="Publication date for every input.")
@click.option("--source", help="Outlet name for every input.")
@click.option("--lang", "language", help="Language code for every input.")
@click.option("--quiet", is_flag=True, help="No progress bar, summary only.")
@friendly_errors
def ingest(paths: tuple[str, ...], db: str | None, published: str | None, source: str | None,
           language: str | None, quiet: bool) -> None:
    """Add the articles in PATHS (files or folders) to the store.

    The same article read twice is stored once. Inputs that give no article are
    recorded with the reason and listed in the closing summary.
    """
    from ..ingest.batch import ingest_files
    from ..ingest.inputs import walk

    settings = load_settings({"db": db, "published": published, "source": source,
                              "language": language})
    files = list(walk(list(paths)))
    with open_store(settings) as store:
        if not quiet and sys.stderr.isatty():
            summary = _ingest_with_progress(files, store, settings)
        else:
            summary = ingest_files(files, store, settings)
    click.echo(f"Ingested into {settings.db}: {summary.line()}")
    for failed in summary.errors:
        click.echo(f"  error: {failed.input}: {failed.error}")
    sys.exit(EXIT_SOME_ERRORS if summary.errors else EXIT_OK)


@main.command("link")
@db_option
@friendly_errors
def link_command(db: str | None) -> None:
    """Link the stored articles that no story holds yet.

    Articles ingested with linking off (`linking = false` in the settings file), or
    into a store made before linking, join their stories, identities and reused
    passages here, in the order they were stored. Running it again links nothing more.
    """
    from ..ingest.batch import link_stored
    from ..link.stories import count_stories

    settings = load_settings({"db": db})
    with open_store(settings) as store:
        linked = link_stored(store, settings)
        stories = count_stories(store.connection)
    click.echo(f"Linked {linked} article{'s' if linked != 1 else ''} in {settings.db}; "
               f"the store holds {stories} stor{'ies' if stories != 1 else 'y'}.")


def _ingest_with_progress(files: list[Path], store: Store, settings: Settings) -> Any:
    from rich.progress import Progress

    from ..ingest.batch import ingest_files

    with Progress(transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        return ingest_files(files, store, settings, on_file=lambda _p: progress.advance(task))


@main.command()
@db_option
@click.option("--search", help="Full-text query (SQLite FTS5 syntax) over titles and bodies.")
@article_filter_options
@output_options(default="table")
@friendly_errors
def articles(db: str | None, search: str | None, source: str | None, since: str | None,
             limit: int | None, fmt: str) -> None:
    """List the stored articles, newest first."""
    settings = load_settings({"db": db})
    with open_store(settings) as store:
        rows = store.articles(search=search, source=source, since=since, limit=limit)
    if fmt != "json":
        rows = [{k: v for k, v in row.items() if k != "text"} for row in rows]
    click.echo(render(rows, fmt, LIST_COLUMNS, title=f"{len(rows)} articles"))


@main.command()
@click.argument("article_id")
@db_option
@output_options(default="text", extra=("text",))
@friendly_errors
def show(article_id: str, db: str | None, fmt: str) -> None:
    """Show one article: metadata, the candidates behind it, and the body."""
    settings = load_settings({"db": db})
    with open_store(settings) as store:
        record = store.article(article_id)
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    elif fmt == "text":
        click.echo(_articles_as_text([record]))
    else:
        rows = [{"field": k, "value": v} for k, v in record.items() if k != "candidates"]
        click.echo(render(rows, fmt, ("field", "value")))


def findings_command(kind: str, filter_option: str, filter_help: str,
                     columns: tuple[str, ...]) -> Callable[[F], F]:
    """The shared shape of `quotes`, `figures` and `events`: the store's findings of one
    kind, filtered, as a table, JSON or CSV."""

    def decorate(command: F) -> F:
        @db_option
        @click.option(f"--{filter_option}", "match", help=filter_help)
        @click.option("--article", help="Only this article (id or id prefix).")
        @article_filter_options
        @output_options(default="table")
        @friendly_errors
        @wraps(command)
        def listing(db: str | None, fmt: str, **filters: Any) -> None:
            settings = load_settings({"db": db})
            with open_store(settings) as store:
                rows = store.findings(kind, **filters)
            click.echo(render(rows, fmt, columns, title=f"{len(rows)} {kind}"))

        return listing  # type: ignore[return-value]

    return decorate


@main.command()
@findings_command("quotes", "speaker", "Only quotes whose speaker contains this.",
                  ("published", "outlet", "speaker", "kind", "cue", "text", "article"))
def quotes() -> None:
    """List who said what: direct and reported quotes with their resolved speakers."""


@main.command()
@findings_command("events", "type", "Only events of this PLOVER type (CONSULT, ASSAULT...).",
                  ("published", "outlet", "date", "type", "trigger", "actors", "mediators",
                   "place", "text", "article"))
def events() -> None:
    """List the events: who did what to whom, where and when, typed by PLOVER."""


@main.command("errors")
@db_option
@output_options(default="table")
@friendly_errors
def errors_command(db: str | None, fmt: str) -> None:
    """List the inputs that gave no article, with the reason."""
    settings = load_settings({"db": db})
    with open_store(settings) as store:
        rows = store.errors()
    click.echo(render(rows, fmt, ("input", "error", "last_seen"), title=f"{len(rows)} errors"))


# The cross-article commands live in their own module; importing it registers them on
# `main` (it needs the options defined above, hence the import at the end).
from . import links as _links  # noqa: E402,F401
from . import report as _report  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
