"""Ingest a batch into a store: every input read, every result kept, a summary counted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article, FailedInput, IngestResult
from ..settings import Settings
from ..store import Outcome, Store
from ..understand import Analysis, understand
from . import read_file
from .inputs import walk


@dataclass
class IngestSummary:
    new: int = 0
    known: int = 0
    errors: list[FailedInput] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.new} new, {self.known} already known, "
                f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}")


def _understood(result: IngestResult, store: Store, settings: Settings) -> Analysis | None:
    """The stages run only on articles the store does not hold yet: re-reading the same
    files costs the reading, not the understanding."""
    if not isinstance(result, Article) or store.knows(result.id):
        return None
    return understand(result, settings.understanding)


def store_result(store: Store, result: IngestResult, settings: Settings) -> Outcome:
    """One read result into the store: understood (if new) and linked, or its error
    recorded."""
    return store.add(result, _understood(result, store, settings), settings.linking)


def ingest_paths(paths: list[str], store: Store, settings: Settings) -> IngestSummary:
    """Read every file under `paths` into `store`."""
    return ingest_files(list(walk(paths)), store, settings)


def ingest_files(files: list[Path], store: Store, settings: Settings,
                 on_file: Callable[[Path], None] | None = None) -> IngestSummary:
    """Read these files into `store`; `on_file` is called after each one (a progress
    bar hooks in there, knowing the total from `files`)."""
    summary = IngestSummary()
    for path in files:
        for result in read_file(path, settings):
            outcome = store_result(store, result, settings)
            if outcome == "new":
                summary.new += 1
            elif outcome == "known":
                summary.known += 1
            else:
                summary.errors.append(result)  # type: ignore[arg-type]
        if on_file:
            on_file(path)
    return summary


def link_stored(store: Store, settings: Settings) -> int:
    """Link the stored articles no story holds (ingested with linking off, or into a
    store older than linking), in the order they were stored, each understood again from
    its stored text; how many were linked. Running it again links nothing more."""
    linked = 0
    for article in store.unlinked_articles():
        linked += store.link(understand(article, settings.understanding))
    return linked
