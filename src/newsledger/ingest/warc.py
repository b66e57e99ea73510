"""WARC (and ARC) archives, plain or gzipped, through warcio: each HTML page is an article.

A page is a `response` (or `resource`) record with an HTML content type and, when it has
an HTTP status, 200. Redirects, errors, requests, images and the like are skipped. A
`revisit` record of a page says the page was unchanged since an earlier capture: skipped
when that capture is in the archive (it is the same article), else reported, as the page
was seen but its text is in another archive. Each page goes through the HTML reader with
what the archive knew: the URL, and the crawl date as a weak guess at publication (a
page is often crawled long after it appeared).

warcio reads a cut-off archive without complaint: a gzip member that ends early or a
record shorter than its Content-Length just ends the iteration. So the gzip layer is
ours (it raises at the break) and each record's length is checked; the pages read
before the break are kept, then the whole input reports the break.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import UnreadableInput
from ..records import Candidate, FailedInput
from ..settings import Settings
from .dates import parse_date
from .decode import GZIP_MAGIC, decode_text
from .draft import Draft, propose
from .html import extract_page

EXTRACTOR = "warc"
PAGE_RECORD_TYPES = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")


class ArchiveBroken(Exception):
    """The archive stops being readable here; its message is the FailedInput's error."""


@dataclass(frozen=True)
class Page:
    """One archived HTML page, read out of its record."""

    uri: str
    crawled: str | None  # the WARC-Date, as YYYY-MM-DD
    payload: bytes  # the HTTP body, de-chunked and decompressed
    charset: str | None  # from the HTTP Content-Type header


@dataclass(frozen=True)
class Revisit:
    """A revisit record of an HTML page whose earlier capture the archive does not hold."""

    uri: str
    refers_to: str  # the earlier capture's URI and date, as far as the record says

    def failure(self, name: str) -> FailedInput:
        return FailedInput(f"{name}#{self.uri}", "WARC revisit record: the page was archived"
                           f" unchanged from an earlier capture ({self.refers_to}) that this"
                           " archive does not hold")


def read(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    pages = 0
    try:
        for page in archived_pages(data):
            pages += 1
            yield page.failure(name) if isinstance(page, Revisit) else page_result(
                name, page, settings)
    except ArchiveBroken as exc:
        yield FailedInput(name, str(exc))
        return
    if not pages:
        yield FailedInput(name, "WARC has no HTML responses")


def archived_pages(data: bytes) -> Iterator[Page | Revisit]:
    """The HTML pages of the archive, in order, and the revisits of pages it does not
    hold; raises ArchiveBroken where it breaks."""
    held: set[str] = set()  # the payload digests and URIs of the pages read so far
    for record in _records(data):
        page = _page(record) or _unheld_revisit(record, held)
        if isinstance(page, Page):
            held.update(filter(None, (_payload_digest(record), page.uri)))
        _check_complete(record)
        if page:
            yield page


def page_result(name: str, page: Page, settings: Settings) -> Draft | FailedInput:
    input_name = f"{name}#{page.uri}"
    try:
        markup = decode_text(page.payload, page.charset) if page.charset else page.payload
        return extract_page(input_name, markup, settings, url=page.uri,
                            extra=_archive_candidates(page), format="warc")
    except UnreadableInput as exc:
        return FailedInput(input_name, str(exc))


def _archive_candidates(page: Page) -> tuple[Candidate, ...]:
    return tuple(propose("url", page.uri, EXTRACTOR, 0.9)
                 + propose("published", page.crawled, "warc-date", 0.3))


# --- records -------------------------------------------------------------------------


def _records(data: bytes) -> Iterator[Any]:
    kind = _archive_kind(data)
    # ARC records are converted to WARC ones; a WARC file is read as WARC only, so that
    # garbage inside it is an error rather than a run of odd ARC records.
    iterator = ArchiveIterator(_open(data), arc2warc=kind == "arc")
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            break
        except (ArchiveLoadFailed, StatusAndHeadersParserException) as exc:
            raise ArchiveBroken(f"corrupt WARC: {' '.join(str(exc).split())}") from exc
        except (AttributeError, TypeError, ValueError) as exc:
            # warcio trips over a record header cut short (no WARC-Target-URI, say).
            raise ArchiveBroken("truncated WARC: a record header ends early") from exc
        yield record
    if iterator.next_line:
        # A record began ("WARC/1.0") but its header never ended: warcio stops quietly.
        raise ArchiveBroken("truncated WARC: a record header ends early")


def _archive_kind(data: bytes) -> str:
    """The format, "warc" or "arc", from the first bytes; ArchiveBroken if neither."""
    head = data[:4096]
    if not head.strip():
        raise ArchiveBroken("empty file")
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error as exc:
            raise ArchiveBroken(f"corrupt WARC: bad gzip data ({exc})") from exc
        if not head:
            raise ArchiveBroken("truncated WARC: the gzip stream ends early")
    head = head.lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"filedesc://"):
        return "arc"
    raise ArchiveBroken("corrupt WARC: it does not begin with a WARC or ARC record")


def _page(record: Any) -> Page | None:
    """The record as a Page when it is a successful HTML response, else None."""
    if record.rec_type not in PAGE_RECORD_TYPES or not _is_html(record):
        return None
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status is not None and status != "200":
        return None
    headers = record.rec_headers
    return Page(
        uri=headers.get_header("WARC-Target-URI") or "",
        crawled=parse_date(headers.get_header("WARC-Date")),
        payload=bytes(record.content_stream().read()),
        charset=_charset(_content_type(record)),
    )


def _unheld_revisit(record: Any, held: set[str]) -> Revisit | None:
    """A revisit of an HTML page that no page read before it carries (by payload
    digest, or by the URI of the capture it refers to)."""
    if record.rec_type != "revisit" or not _is_html(record):
        return None
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    earlier = headers.get_header("WARC-Refers-To-Target-URI") or uri
    if _payload_digest(record) in held or earlier in held:
        return None
    when = headers.get_header("WARC-Refers-To-Date")
    return Revisit(uri, f"{earlier} on {when}" if when else earlier)


def _payload_digest(record: Any) -> str:
    return record.rec_headers.get_header("WARC-Payload-Digest") or ""


def _is_html(record: Any) -> bool:
    return _content_type(record).split(";")[0].strip().lower() in HTML_TYPES


def _content_type(record: Any) -> str:
    # An HTTP response carries its type in the HTTP headers; a resource record in its own.
    headers = record.http_headers or record.rec_headers
    return headers.get_header("Content-Type") or ""


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _check_complete(record: Any) -> None:
    """A record's block must be as long as its Content-Length says."""
    if record.length is None:
        raise ArchiveBroken("truncated WARC: a record header ends early")
    while record.raw_stream.read(1 << 16):  # in pieces: a record may be a long video
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI") or "a record"
        raise ArchiveBroken(f"truncated WARC: {uri} ends {missing} bytes early")


# --- the gzip layer --------------------------------------------------------------------


def _open(data: bytes) -> Any:
    """A stream of the uncompressed archive that raises ArchiveBroken where it breaks."""
    return _StrictGunzip(data) if data.startswith(GZIP_MAGIC) else io.BytesIO(data)


class _StrictGunzip:
    """Gzip members (one a record, or one for the whole file) as one stream of bytes.

    warcio decompresses by itself, but takes a member that ends early for the end of the
    archive. This gives out every byte that can be decompressed, then raises
    ArchiveBroken (not EOFError, which warcio also reads as a clean end)."""

    CHUNK = 1 << 16  # compressed bytes fed at a time
    MAX_OUT = 1 << 22  # decompressed bytes held at a time, however well the data packs

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._position = 0  # in the compressed data
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""
        self._offset = 0  # in the pending bytes: slicing off the front would copy them all

    def read(self, size: int = -1) -> bytes:
        while self._offset >= len(self._pending):
            if not self._inflate_more():
                return b""
        end = len(self._pending) if size is None or size < 0 else self._offset + size
        out = self._pending[self._offset:end]
        self._offset += len(out)
        return out

    def _inflate_more(self) -> bool:
        """Decompress more into the pending bytes; False at the clean end of the data."""
        if self._inflater.eof:
            self._position -= len(self._inflater.unused_data)  # the next member's start
            if self._position >= len(self._data):
                return False
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            self._pending = self._inflater.decompress(self._next_input(), self.MAX_OUT)
        except zlib.error as exc:
            raise ArchiveBroken(f"corrupt WARC: bad gzip data ({exc})") from exc
        self._offset = 0
        return True

    def _next_input(self) -> bytes:
        if self._inflater.unconsumed_tail:
            return self._inflater.unconsumed_tail
        if self._position >= len(self._data):
            raise ArchiveBroken("truncated WARC: the gzip stream ends early")
        chunk = self._data[self._position:self._position + self.CHUNK]
        self._position += len(chunk)
        return chunk
