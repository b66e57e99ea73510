"""Which files a list of paths means, and what kind of input each file holds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import UnreadableInput
from .decode import GZIP_MAGIC, gunzip_if_needed

# Extensions a folder walk picks up; a file named on the command line is read whatever
# its name. README.md and the like in a folder of articles are deliberately not articles.
KIND_BY_SUFFIX = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".warc": "warc", ".arc": "warc",
}


def walk(paths: list[str]) -> Iterator[Path]:
    """Files in input order; folders expanded to their known files, sorted by path."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_folder(path)
        else:
            yield path  # a missing file is reported by the reader, in order


def _walk_folder(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and suffix_kind(name):
                yield Path(root) / name


def suffix_kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return KIND_BY_SUFFIX.get(os.path.splitext(lower)[1])


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput(f"too large: {size} bytes (limit {max_bytes})",
                                  hint="raise the max_input_bytes setting")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableInput("no such file") from exc
    except IsADirectoryError as exc:
        raise UnreadableInput("is a directory") from exc
    except PermissionError as exc:
        raise UnreadableInput("permission denied") from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror or exc}") from exc


def detect_kind(name: str, data: bytes) -> str:
    """The reader for these bytes: the content decides where it is clear, else the name.

    WARC bytes stay compressed (each record is its own gzip member, and a truncated
    archive must still give its good records), so WARC is recognised first."""
    by_name = suffix_kind(name)
    if by_name == "warc" or _starts_warc(data):
        return "warc"
    head = gunzip_if_needed(data[:1 << 16]) if data.startswith(GZIP_MAGIC) else data[:1 << 16]
    return sniff(head) or by_name or "text"


def _starts_warc(data: bytes) -> bool:
    if data.startswith(b"WARC/"):
        return True
    if data.startswith(GZIP_MAGIC):
        import zlib

        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16)
        except zlib.error:
            return False
        return head.startswith(b"WARC/")
    return False


def sniff(head: bytes) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")):
            return "feed"
        return "html" if b"<html" in start else None
    if start.startswith(b"{") and b"jsonfeed.org" in start:
        return "feed"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first_line.endswith(b"}") and b"\n{" in head else "json"
    return None
