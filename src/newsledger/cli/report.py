"""`newsledger report`: a story as one page (issue 5). Thin: it reads the story view and
renders it; the work is in `present.story_view` and `present.report`."""

from __future__ import annotations

from pathlib import Path

import click

from ..settings import load_settings
from . import db_option, friendly_errors, main, open_store


@main.command("report")
@click.argument("story")
@db_option
@click.option("--format", "fmt", type=click.Choice(("html", "md", "json")), default="html",
              show_default=True, help="A self-contained HTML page, Markdown, or the data.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@friendly_errors
def report_command(story: str, db: str | None, fmt: str, output: Path | None) -> None:
    """The report of STORY (id or id prefix): its timeline, each figure series as a chart,
    quotes by speaker, outlets and what they took from each other, what each article
    added, and every item linked to its sentence. The HTML opens offline."""
    page = write_report(story, db, fmt, output)
    if output is None:
        click.echo(page)
    else:
        click.echo(f"Wrote {output}", err=True)


def write_report(story: str, db: str | None, fmt: str, output: Path | None) -> str:
    """The rendered report; written to `output` when given (its folder made if needed)."""
    from ..present.report import render_report
    from ..present.story_view import story_view

    with open_store(load_settings({"db": db})) as store:
        page = render_report(story_view(store, story, with_text=fmt != "json"), fmt)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page, encoding="utf-8")
    return page
