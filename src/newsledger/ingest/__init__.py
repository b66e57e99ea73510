"""Ingest: files of any supported kind in, clean `Article`s (or `FailedInput`s) out.

Contract: `read_inputs(paths, settings)` yields one result per article found, in input
order. It never raises for a bad input: the input becomes a `FailedInput` with the
reason, and the batch goes on (STYLE.md, practice 7).

Readers live one per module (`plaintext`, `html`, `feeds`, `jsonrecords`, `warc`); each is
`read(name, data, settings) -> Iterator[Draft | FailedInput]` and only proposes metadata.
`assemble` chooses among the proposals and computes the content id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import UnreadableInput
from ..records import FailedInput, IngestResult
from ..settings import Settings
from . import feeds, html, jsonrecords, plaintext, warc
from .assemble import assemble
from .decode import gunzip_if_needed
from .draft import Draft
from .inputs import detect_kind, read_bytes, walk

Reader = Callable[[str, bytes, Settings], Iterator[Draft | FailedInput]]

READERS: dict[str, Reader] = {
    "text": plaintext.read,
    "html": html.read,
    "feed": feeds.read,
    "json": jsonrecords.read,
    "jsonl": jsonrecords.read,
    "warc": warc.read,
}


def read_inputs(paths: list[str], settings: Settings) -> Iterator[IngestResult]:
    for path in walk(paths):
        yield from read_file(path, settings)


def read_file(path: Path, settings: Settings) -> Iterator[IngestResult]:
    name = str(path)
    try:
        data = read_bytes(path, settings.max_input_bytes)
        kind = detect_kind(name, data)
        if kind != "warc":
            data = gunzip_if_needed(data)
        yield from read_data(name, data, kind, settings)
    except UnreadableInput as exc:
        yield FailedInput(name, str(exc))


def read_data(name: str, data: bytes, kind: str, settings: Settings) -> Iterator[IngestResult]:
    """Run one reader; an error part-way keeps what was read before it."""
    try:
        for item in READERS[kind](name, data, settings):
            yield item if isinstance(item, FailedInput) else finish(item, settings)
    except UnreadableInput as exc:
        yield FailedInput(name, str(exc))
    except RecursionError:
        yield FailedInput(name, f"{kind} input nested too deeply to parse")


def finish(draft: Draft, settings: Settings) -> IngestResult:
    try:
        return assemble(draft, settings)
    except UnreadableInput as exc:
        return FailedInput(draft.input, str(exc))
