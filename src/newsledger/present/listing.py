"""One set of output formats for every listing: JSON, JSON Lines, CSV and a table.

Rows are plain dicts with the same keys; `columns` picks and orders what a table and
a CSV show (JSON always carries every key).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table


def render(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str],
           title: str | None = None) -> str:
    rows = list(rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    if fmt == "csv":
        return _csv(rows, columns)
    if fmt == "md":
        return _markdown(rows, columns, title)
    return _table(rows, columns, title)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue().rstrip("\n")


def _markdown(rows: list[dict[str, Any]], columns: Sequence[str], title: str | None) -> str:
    """A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped so
    that one row stays one line."""
    def cell(value: Any) -> str:
        return _cell(value).replace("|", "\\|").replace("\n", " ")
    lines = [f"## {title}", ""] if title else []
    lines += markdown_table(columns, [[cell(row.get(c)) for c in columns] for row in rows])
    return "\n".join(lines)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """The lines of a Markdown table of cells already escaped."""
    return [f"| {' | '.join(header)} |", f"|{'---|' * len(header)}",
            *(f"| {' | '.join(row)} |" for row in rows)]


def _table(rows: list[dict[str, Any]], columns: Sequence[str], title: str | None) -> str:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console = Console(width=160, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    return console.export_text().rstrip("\n")
