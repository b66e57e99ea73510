"""HTML pages: body and metadata by trafilatura, the publication date by htmldate.

htmldate's extensive search parses the page as served: trafilatura's parser drops the
comments that date some pages, and parses a few malformed heads differently (2 of the
1,000 htmldate-eval pages lose their date on trafilatura's tree). trafilatura reads its
own tree for the main text and the metadata fields we keep. What trafilatura does not
look for (the last update, a dateline) we read cheaply from its tree.
A page with no main text falls back to trafilatura's recall mode, then to the page's
description, and the `body` candidate records which one gave the text.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

import htmldate
import trafilatura
from lxml import etree
from trafilatura import metadata as page_metadata
from trafilatura.settings import Document

from ..errors import UnreadableInput
from ..records import Candidate, FailedInput
from ..settings import Settings
from .dateline import lead_dateline_candidates
from .dates import parse_date
from .decode import decode_text
from .draft import Draft, propose

MAX_DATE_SEARCH_CHARS = 5_000_000  # htmldate's text search on a huge page costs minutes
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_MODIFIED_XPATH = (
    "//meta[@property='article:modified_time' or @name='last-modified' "
    "or @itemprop='dateModified' or @property='og:updated_time']/@content"
)
_JSONLD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]+)"')


def read(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    yield extract_page(name, data, settings)


def decode_html(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    return decode_text(data, declared.group(1).decode("ascii") if declared else None)


def extract_page(name: str, markup: bytes | str, settings: Settings, url: str | None = None,
                 extra: tuple[Candidate, ...] = (), format: str = "html") -> Draft:
    """One HTML page to a Draft. `extra` carries what the container knew (a WARC
    record's URL and date, a feed entry's title), proposed beside the page's own."""
    text = decode_html(markup) if isinstance(markup, bytes) else markup
    tree = trafilatura.load_html(text)
    if tree is None:
        raise UnreadableInput("not HTML: no document could be parsed")
    tree = _within_size(tree, settings.html_max_elements)
    published = _original_date(text, tree, url)
    updated = _modified_date(tree, text)
    found = _page_metadata(tree, url)
    # bare_extraction works on its own copy of a tree it is given, so a retry can reuse it.
    body = _main_text(tree, url or found.url, settings.html_favor_recall)
    if not body and not settings.html_favor_recall:
        body = _main_text(tree, url or found.url, favor_recall=True)
    origin = "trafilatura"
    if not body:
        body, origin = _paragraphs(found.description or ""), "page-description"
    if not body:
        raise UnreadableInput("no article text found in the HTML")
    candidates = list(extra) + _metadata(found, updated) + lead_dateline_candidates(body)
    candidates += propose("published", published, "htmldate", 0.8)
    candidates.append(Candidate("body", origin, origin, 1.0))
    return Draft(name, body, tuple(candidates), format)


def _original_date(text: str, tree: Any, url: str | None) -> str | None:
    """htmldate's extensive search on the page as served. On a huge page only its quick
    search (URL, meta tags, markup) runs, on the tree already cut down to size."""
    if len(text) > MAX_DATE_SEARCH_CHARS:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    else:
        found = htmldate.find_date(text, extensive_search=True, original_date=True, url=url)
    return parse_date(found) if found else None


def _page_metadata(tree: Any, url: str | None) -> Document:
    """The fields of trafilatura's metadata pass that we use, read by its own readers in
    its order: meta tags, then JSON-LD over them, then the page's markup for what is
    still missing. Its date search (htmldate's is above), categories, tags and licence
    are left out: they were a tenth of the reader's time and nothing reads them."""
    found = page_metadata.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a one-word meta author is a handle or a site name
    try:
        found = page_metadata.extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - malformed JSON-LD must not lose the page
        pass
    found.title = found.title or page_metadata.extract_title(tree)
    found.author = found.author or page_metadata.extract_author(tree)
    found.url = found.url or page_metadata.extract_url(tree, url)
    found.sitename = _site_name(found.sitename or page_metadata.extract_sitename(tree),
                                found.url)
    found.clean_and_trim()
    return found


def _site_name(name: str | None, url: str | None) -> str | None:
    """As trafilatura names a site: no leading @ (a Twitter handle), a bare lower-case
    word capitalised, and without any name the host of the page's URL."""
    name = (name or "").lstrip("@")
    if name and "." not in name and not name[0].isupper():
        name = name.title()
    if not name and url and (host := page_metadata.META_URL.match(url)):
        name = host.group(1)
    return name or None


def _main_text(tree: Any, url: str | None, favor_recall: bool) -> str:
    result = trafilatura.bare_extraction(tree, url=url, include_comments=False,
                                         favor_recall=favor_recall)
    return _paragraphs(result.text or "") if result is not None else ""  # type: ignore[union-attr]


_MAIN_CONTAINERS = ("//article", "//main", "//*[@role='main']", "//*[@itemprop='articleBody']")


def _within_size(tree: Any, limit: int) -> Any:
    """Extraction time grows faster than page size, so a page with more elements than
    any real article page (the largest of ~400 real pages has under 10,000) is cut down
    to its main container, keeping the head for metadata; without one it is refused."""
    count = int(tree.xpath("count(//*)"))  # counted in C: a Python walk costs ~1 ms a page
    if count <= limit:
        return tree
    containers = [e for xpath in _MAIN_CONTAINERS for e in tree.xpath(xpath)]
    containers = [e for e in containers if int(e.xpath("count(.//*)")) < limit]
    if not containers:
        raise UnreadableInput(f"HTML page too large to extract: {count} elements "
                              f"(limit {limit}) and no article element within the limit",
                              hint="raise the html_max_elements setting")
    main = max(containers, key=lambda e: len(e.text_content()))
    bodies = tree.xpath("//body")
    body = bodies[0] if bodies else tree
    for child in list(body):
        if child is not main:
            body.remove(child)
    if main.getparent() is not body:
        body.append(main)
    return tree


def fragment_to_text(markup: str) -> str:
    """An HTML fragment (a feed entry's content) as paragraphs of plain text."""
    if "<" not in markup:
        return " ".join(html_lib.unescape(markup).split())  # "Abl&ouml;se" -> "Ablöse"
    tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
    if tree is None:
        return ""
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote|//pre")
    if not blocks:
        return " ".join(tree.text_content().split())
    texts = (" ".join(block.text_content().split()) for block in blocks if block.tag != "li"
             or not block.xpath("ancestor::p"))
    return "\n\n".join(t for t in texts if t)


def _paragraphs(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _metadata(document: Document, updated: str | None) -> list[Candidate]:
    extractor = "trafilatura"
    found = (
        propose("title", document.title, extractor, 0.8)
        + propose("subtitle", document.description, extractor, 0.5)
        + propose("source", document.sitename, extractor, 0.7)
        + propose("url", document.url, extractor, 0.7)
        + propose("updated", updated, "meta-modified", 0.7)
    )
    if document.author:
        found += propose("author", document.author.replace(";", ","), extractor, 0.7)
    return found


def _modified_date(tree: Any, text: str) -> str | None:
    try:
        values = tree.xpath(_MODIFIED_XPATH)
    except etree.XPathError:
        values = []
    if not values:
        values = _JSONLD_MODIFIED.findall(text[:200_000])
    return next((d for d in (parse_date(str(v)) for v in values) if d), None)
