"""HTML pages: body and metadata by trafilatura, the publication date by htmldate.

htmldate's extensive search runs on the page as served (trafilatura's own date pass,
on its cleaned tree, only proposes a fallback). What trafilatura does not look for (the
last update, a dateline) we read cheaply from the tree before extraction consumes it.
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

from ..errors import UnreadableInput
from ..records import Candidate, FailedInput
from ..settings import Settings
from .dateline import lead_dateline_candidates
from .dates import parse_date
from .decode import decode_text
from .draft import Draft, propose

QUICK_DATE_SEARCH = {"extensive_search": False, "original_date": True}
MAX_DATE_SEARCH_CHARS = 5_000_000  # htmldate on a whole huge page costs minutes
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
    updated = _modified_date(tree, text)
    published = _original_date(text, url)
    document = _extract(tree, url, settings.html_favor_recall)
    if not document.get("text") and not settings.html_favor_recall:
        # Extraction consumes the tree, so a second try needs a fresh parse; it is rare.
        document = _extract(_reparse(text, settings), url, favor_recall=True)
    body, origin = _paragraphs(document.get("text") or ""), "trafilatura"
    if not body:
        document = _metadata_only(_reparse(text, settings), url)
        body, origin = _paragraphs(document.get("description") or ""), "page-description"
    if not body:
        raise UnreadableInput("no article text found in the HTML")
    candidates = list(extra) + _metadata(document, updated) + lead_dateline_candidates(body)
    candidates += propose("published", published, "htmldate", 0.8)
    candidates.append(Candidate("body", origin, origin, 1.0))
    return Draft(name, body, tuple(candidates), format)


def _original_date(text: str, url: str | None) -> str | None:
    """htmldate's extensive search on the page as served. trafilatura runs htmldate too,
    but on its own cleaned tree, where the comments that date some pages are gone."""
    if len(text) > MAX_DATE_SEARCH_CHARS:
        return None  # the metadata pass below still looks at the head of the page
    found = htmldate.find_date(text, extensive_search=True, original_date=True, url=url)
    return parse_date(found) if found else None


def _extract(tree: Any, url: str | None, favor_recall: bool) -> dict[str, Any]:
    # The date from this pass is a quick one (meta tags, URL): the full search is above.
    result = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                         include_comments=False, favor_recall=favor_recall,
                                         date_extraction_params=QUICK_DATE_SEARCH)
    return result.as_dict() if result is not None else {}  # type: ignore[union-attr]


def _metadata_only(tree: Any, url: str | None) -> dict[str, Any]:
    """A page with no main text (a teaser, a script-built page) still has a title, a date
    and a description; the description then stands as the body, and says so."""
    return trafilatura.extract_metadata(tree, default_url=url).as_dict()


def _reparse(text: str, settings: Settings) -> Any:
    return _within_size(trafilatura.load_html(text), settings.html_max_elements)


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


def _metadata(document: dict[str, Any], updated: str | None) -> list[Candidate]:
    extractor = "trafilatura"
    found = (
        propose("title", document.get("title"), extractor, 0.8)
        + propose("subtitle", document.get("description"), extractor, 0.5)
        + propose("source", document.get("sitename"), extractor, 0.7)
        + propose("url", document.get("url"), extractor, 0.7)
        + propose("published", parse_date(document.get("date")), "trafilatura-date", 0.6)
        + propose("updated", updated, "meta-modified", 0.7)
    )
    if document.get("author"):
        found += propose("author", document["author"].replace(";", ","), extractor, 0.7)
    return found


def _modified_date(tree: Any, text: str) -> str | None:
    try:
        values = tree.xpath(_MODIFIED_XPATH)
    except etree.XPathError:
        values = []
    if not values:
        values = _JSONLD_MODIFIED.findall(text[:200_000])
    return next((d for d in (parse_date(str(v)) for v in values) if d), None)
