"""Feeds: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by hand.

Each entry is one article. feedparser 6.0 does not read JSON Feed (only its unreleased
development line does), so JSON Feed items are mapped here onto the same `FeedEntry`
and go down the same road. Entry inputs are named `path#N`, N counting entries from 1
in document order: stable for a given file, unlike links, which may repeat or be absent.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

import feedparser

from ..records import Candidate, FailedInput
from ..settings import Settings
from .dateline import lead_dateline_candidates
from .dates import parse_date
from .decode import decode_text
from .draft import Draft, propose
from .html import fragment_to_text

EXTRACTOR = "feed"
# A feed's title names the feed ("Technology", "Latest news"), not always the outlet.
SOURCE_CONFIDENCE = 0.6
# A channel-wide <language> is often a template default; a confident detector beats it.
LANGUAGE_CONFIDENCE = 0.4
# A feed-wide author is often the outlet or desk ("heise online"), not a byline.
FEED_AUTHOR_CONFIDENCE = 0.6
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FeedInfo:
    """What the feed says about all its entries."""

    title: str | None
    language: str | None
    # Atom's feed-level <author> and JSON Feed's top-level authors are, by both specs,
    # the authors of every entry that names none of its own.
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedEntry:
    """One entry, whatever the feed format: raw values, not yet proposals."""

    title: str | None
    body: str  # the fullest content the entry carries
    body_is_html: bool
    summary: str | None  # the teaser, when the body came from fuller content
    url: str | None
    authors: tuple[str, ...]
    published: str | None  # as written in the feed
    updated: str | None
    published_utc: time.struct_time | None = None  # feedparser's reading, in UTC
    updated_utc: time.struct_time | None = None
    language: str | None = None


def read(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _read_json_feed_bytes(name, data, settings)
    else:
        yield from _read_xml_feed(name, data, settings)


def entry_results(name: str, feed: FeedInfo, entries: list[FeedEntry],
                  settings: Settings) -> Iterator[Draft | FailedInput]:
    """One result per entry; a feed without entries is one failure for the whole file."""
    if not entries:
        yield FailedInput(name, "feed has no entries")
    for index, entry in enumerate(entries, start=1):
        yield entry_draft(f"{name}#{index}", entry, feed, settings)


def entry_draft(input_name: str, entry: FeedEntry, feed: FeedInfo,
                settings: Settings) -> Draft | FailedInput:
    text = fragment_to_text(entry.body) if entry.body_is_html else entry.body.strip()
    if not text.strip():
        return FailedInput(input_name, "feed entry has no text")
    candidates = _entry_candidates(entry, text, settings) + _feed_candidates(feed, entry)
    return Draft(input_name, text, tuple(candidates), "feed")


# --- RSS and Atom -------------------------------------------------------------------


def _read_xml_feed(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    # A file object, never bytes: feedparser would try to open bytes as a file name.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = [_xml_entry(e) for e in parsed.entries]
    if not entries and parsed.get("bozo") and _is_xml_error(parsed.get("bozo_exception")):
        yield FailedInput(name, f"broken feed XML: {parsed.get('bozo_exception')}")
        return
    feed = FeedInfo(_plain(parsed.feed, "title"), parsed.feed.get("language"),
                    _xml_authors(parsed.feed))
    yield from entry_results(name, feed, entries, settings)


def _is_xml_error(exc: object) -> bool:
    # An encoding override (a Latin-1 feed declared as UTF-8) is a warning, not breakage.
    return isinstance(exc, Exception) and not isinstance(
        exc, feedparser.CharacterEncodingOverride)


def _xml_entry(entry: Any) -> FeedEntry:
    body, body_type = _fullest_content(entry)
    summary = entry.get("summary")
    return FeedEntry(
        title=_plain(entry, "title"),
        body=body,
        body_is_html=body_type in _HTML_TYPES,
        summary=summary if summary and summary != body else None,
        url=entry.get("link"),
        authors=_xml_authors(entry),
        published=entry.get("published"),
        # dict.get: feedparser's own get() falls back from `updated` to `published`.
        updated=dict.get(entry, "updated"),
        published_utc=entry.get("published_parsed"),
        updated_utc=dict.get(entry, "updated_parsed"),
    )


def _fullest_content(entry: Any) -> tuple[str, str]:
    """content:encoded / atom:content, or the summary, whichever carries the most."""
    options = [(c.get("value") or "", c.get("type") or "text/html")
               for c in entry.get("content") or []]
    detail = entry.get("summary_detail") or {}
    options.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    return max(options, key=lambda option: len(option[0]))


def _xml_authors(entry: Any) -> tuple[str, ...]:
    """The names of an entry's (or the feed's) authors."""
    people = [a for a in entry.get("authors") or [] if isinstance(a, Mapping)]
    names = [str(p["name"]) for p in people if str(p.get("name") or "").strip()]
    if not names and entry.get("author"):
        names = [str(entry["author"])]
    return tuple(names)


def _plain(node: Any, key: str) -> str | None:
    """A title as text: feedparser keeps the markup of type="html" titles."""
    value = node.get(key)
    detail = node.get(f"{key}_detail") or {}
    if value and detail.get("type") in _HTML_TYPES:
        return fragment_to_text(value)
    return value


# --- JSON Feed (https://jsonfeed.org/version/1.1) --------------------------------------


def _read_json_feed_bytes(name: str, data: bytes,
                          settings: Settings) -> Iterator[Draft | FailedInput]:
    try:
        document = json.loads(decode_text(data))
    except json.JSONDecodeError as exc:
        yield FailedInput(name, f"broken JSON Feed: {exc}")
        return
    if not isinstance(document, dict):
        yield FailedInput(name, "feed has no entries")
        return
    yield from read_json_feed(name, document, settings)


def is_json_feed(document: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(document, dict) and "jsonfeed.org" in str(document.get("version", ""))


def read_json_feed(name: str, document: dict[str, Any],
                   settings: Settings) -> Iterator[Draft | FailedInput]:
    """A parsed JSON Feed; jsonrecords hands over JSON files that turn out to be one."""
    items = document.get("items")
    entries = [_json_entry(i) for i in items if isinstance(i, dict)] if isinstance(
        items, list) else []
    feed = FeedInfo(_text_or_none(document.get("title")),
                    _text_or_none(document.get("language")), _json_authors(document))
    yield from entry_results(name, feed, entries, settings)


def _json_entry(item: dict[str, Any]) -> FeedEntry:
    html, plain = item.get("content_html"), item.get("content_text")
    summary = _text_or_none(item.get("summary"))
    return FeedEntry(
        title=_text_or_none(item.get("title")),
        body=str(html or plain or summary or ""),
        body_is_html=bool(html),
        summary=summary if (html or plain) else None,
        url=_text_or_none(item.get("url") or item.get("external_url")),
        authors=_json_authors(item),
        published=_text_or_none(item.get("date_published")),
        updated=_text_or_none(item.get("date_modified")),
        language=_text_or_none(item.get("language")),
    )


def _json_authors(item: dict[str, Any]) -> tuple[str, ...]:
    # Version 1 has one `author` object, version 1.1 an `authors` list.
    people = item.get("authors") or [item.get("author")]
    names = (p.get("name") for p in people if isinstance(p, dict))
    return tuple(str(n) for n in names if n)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# --- proposals --------------------------------------------------------------------------


def _entry_candidates(entry: FeedEntry, text: str, settings: Settings) -> list[Candidate]:
    published = _date(entry.published, entry.published_utc, settings)
    updated = _date(entry.updated, entry.updated_utc, settings)
    found = (
        propose("title", entry.title, EXTRACTOR, 0.9)
        + propose("url", entry.url, EXTRACTOR, 0.9)
        + propose("published", published, EXTRACTOR, 0.8)
        + propose("updated", updated, EXTRACTOR, 0.7)
        + _language(entry.language, 0.7)
        + _subtitle(entry, text)
        + lead_dateline_candidates(text)
    )
    if not published:
        # RSS 1.0 dc:date and an Atom entry's required <updated> are all some feeds give.
        found += propose("published", updated, f"{EXTRACTOR}-updated", 0.5)
    for author in entry.authors:
        found += propose("author", author, EXTRACTOR, 0.8)
    return found


def _feed_candidates(feed: FeedInfo, entry: FeedEntry) -> list[Candidate]:
    found = (propose("source", feed.title, EXTRACTOR, SOURCE_CONFIDENCE)
             + _language(feed.language, LANGUAGE_CONFIDENCE))
    if not entry.authors:
        for author in feed.authors:
            found += propose("author", author, f"{EXTRACTOR}-level", FEED_AUTHOR_CONFIDENCE)
    return found


def _subtitle(entry: FeedEntry, text: str) -> list[Candidate]:
    """The teaser is a subtitle only when the body is fuller content that lacks it."""
    if not entry.summary:
        return []
    teaser = fragment_to_text(entry.summary)
    if not teaser or " ".join(teaser.split()) in " ".join(text.split()):
        return []
    return propose("subtitle", teaser, EXTRACTOR, 0.6)


def _language(code: str | None, confidence: float) -> list[Candidate]:
    return propose("language", primary_language(code), EXTRACTOR, confidence)


def primary_language(code: str | None) -> str | None:
    """ "en-GB" -> "en": the contract's language is an ISO 639-1 code."""
    primary = (code or "").strip().split("-")[0].split("_")[0].lower()
    return primary if primary.isalpha() else None


def _date(raw: str | None, utc: time.struct_time | None, settings: Settings) -> str | None:
    """The day as the feed wrote it; feedparser's UTC reading can move it a day."""
    parsed = parse_date(raw, settings.date_dayfirst_slash)
    if parsed:
        return parsed
    return time.strftime("%Y-%m-%d", utc) if utc else None
