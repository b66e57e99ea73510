"""JSON and JSON Lines files of article records, under the field names datasets use.

A JSON file holds one record, a list of records, or an object keeping the list under a
name such as "articles" or "items" (one or two levels down, as APIs wrap it). A JSON
Lines file holds one record a line; a bad line fails alone, named `path:LINE`. Records
of a JSON list are named `path#N`, N counting from 1. A JSON Feed goes to the feeds
reader, whatever its file is called.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..records import Candidate, FailedInput
from ..settings import Settings
from .dateline import lead_dateline_candidates
from .dates import parse_date
from .decode import decode_text
from .draft import Draft, propose
from .feeds import is_json_feed, primary_language, read_json_feed
from .html import fragment_to_text
from .inputs import suffix_kind

EXTRACTOR = "json"
# Names are compared lower-cased with "_" and "-" dropped: "published_at" is "publishedat".
FIELDS: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article", "maintext", "articlebody", "fulltext",
             "contenthtml", "contenttext"),
    "published": ("published", "publishedat", "date", "pubdate", "datepublish",
                  "datepublished", "publishdate", "publicationdate", "publisheddate"),
    "updated": ("updated", "modified", "datemodify", "datemodified", "updatedat",
                "lastmodified", "dateupdated"),
    "source": ("outlet", "source", "publisher", "site", "sitename", "sourcename",
               "publication"),
    "url": ("url", "link", "canonicalurl"),
    "author": ("author", "authors", "byline", "creator", "creators"),
    "subtitle": ("description", "subtitle", "summary", "standfirst", "dek"),
    "language": ("language", "lang"),
}
CONFIDENCE: Mapping[str, float] = {
    "title": 0.9, "url": 0.9, "published": 0.8, "updated": 0.7, "source": 0.8,
    "author": 0.8, "subtitle": 0.6, "language": 0.7,
}
# Where APIs and dumps keep their list of records.
CONTAINERS = ("articles", "items", "data", "results", "records", "entries", "posts",
              "documents", "docs", "stories", "news")
# Inside a dict-valued field ({"name": "BBC"}, WordPress's {"rendered": "<p>..."}).
_INNER_TEXT = ("rendered", "name", "text", "value")
_HTML_TAG = re.compile(r"<(?:p|br|div|span|a|h[1-6]|ul|ol|li|em|strong|b|i|img|figure|"
                       r"blockquote|table|section|article)\b[^>]*>", re.I)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
_KEY_NOISE = re.compile(r"[^a-z0-9]")
_BYLINE_BY = re.compile(r"^\s*by\s+", re.I)  # "By Jane Roe": the word is not a name


def read(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    text = decode_text(data)
    if suffix_kind(name) == "jsonl":
        yield from _read_lines(name, text, settings)
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if _first_line_is_object(text):  # JSON Lines under another name
            yield from _read_lines(name, text, settings)
        else:
            yield FailedInput(name, f"invalid JSON: {_reason(exc)}")
        return
    yield from _read_document(name, document, settings)


def record_result(input_name: str, record: object, settings: Settings) -> Draft | FailedInput:
    """One record to a Draft, or the reason it gives no article."""
    if not isinstance(record, dict):
        return FailedInput(input_name, f"not an article record: a JSON {type(record).__name__}")
    fields = _normalised(record)
    body = _text_field(fields, "text")
    if not body:
        looked = ", ".join(FIELDS["text"])
        return FailedInput(input_name, f"no article text in the record (looked for: {looked})")
    candidates = _candidates(fields, settings) + lead_dateline_candidates(body)
    return Draft(input_name, body, tuple(candidates), "json")


# --- files -----------------------------------------------------------------------------


def _read_lines(name: str, text: str, settings: Settings) -> Iterator[Draft | FailedInput]:
    # split("\n"), not splitlines(): U+2028 may stand unescaped inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _line_result(f"{name}:{number}", line, settings)


def _line_result(input_name: str, line: str, settings: Settings) -> Draft | FailedInput:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return FailedInput(input_name, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return FailedInput(input_name, "invalid JSON: nested too deeply to parse")
    return record_result(input_name, record, settings)


def _read_document(name: str, document: object,
                   settings: Settings) -> Iterator[Draft | FailedInput]:
    if is_json_feed(document):
        yield from read_json_feed(name, document, settings)
        return
    if _is_one_record(document):
        yield record_result(name, document, settings)
        return
    records = _record_list(document, depth=0)
    if not records:
        yield FailedInput(name, "JSON holds no article records")
    for index, record in enumerate(records or [], start=1):
        yield record_result(f"{name}#{index}", record, settings)


def _is_one_record(document: object) -> bool:
    """An object with a body, or with article fields and no list of records in it (a
    record missing its text, which should fail as such)."""
    if not isinstance(document, dict):
        return False
    fields = _normalised(document)
    if _text_field(fields, "text"):
        return True
    known = any(key in fields for names in FIELDS.values() for key in names)
    return known and _record_list(document, depth=0) is None


def _record_list(value: object, depth: int) -> list[Any] | None:
    """The list of records: the value itself, or under a container name, two levels deep."""
    if isinstance(value, list):
        return value
    if not isinstance(value, dict) or depth > 2:
        return None
    fields = _normalised(value)
    for key in CONTAINERS:
        found = _record_list(fields.get(key), depth + 1)
        if found is not None:
            return found
    return None


def _first_line_is_object(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _reason(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg} (line {exc.lineno}, column {exc.colno})"


# --- fields ------------------------------------------------------------------------------


def _normalised(record: dict[str, Any]) -> dict[str, Any]:
    """Keys lower-cased without punctuation; the first of two colliding keys wins."""
    fields: dict[str, Any] = {}
    for key, value in record.items():
        fields.setdefault(_KEY_NOISE.sub("", str(key).lower()), value)
    return fields


def _candidates(fields: dict[str, Any], settings: Settings) -> list[Candidate]:
    found = [
        *_propose("title", _text_field(fields, "title")),
        *_propose("subtitle", _text_field(fields, "subtitle")),
        *_propose("url", _url(fields)),
        *_propose("source", _source(fields)),
        *_propose("published", _date(fields, "published", settings)),
        *_propose("updated", _date(fields, "updated", settings)),
        *_propose("language", primary_language(_raw_text(_first(fields, "language")))),
    ]
    for author in _authors(_first(fields, "author")):
        found += _propose("author", author)
    return found


def _propose(field: str, value: str | None) -> list[Candidate]:
    return propose(field, value, EXTRACTOR, CONFIDENCE[field])


def _first(fields: dict[str, Any], field: str) -> Any:
    """The value under the first of the field's names that holds something."""
    for key in FIELDS[field]:
        value = fields.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text_field(fields: dict[str, Any], field: str) -> str | None:
    """A text field, its markup (if any) turned into paragraphs of plain text."""
    for key in FIELDS[field]:
        raw = _raw_text(fields.get(key))
        if raw and raw.strip():
            clean = fragment_to_text(raw) if _HTML_TAG.search(raw) or _ENTITY.search(raw) else raw
            if clean.strip():
                return clean.strip()
    return None


def _raw_text(value: object) -> str | None:
    """A string, the text inside a dict-valued field, or a list of paragraphs joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return next((v for k in _INNER_TEXT if isinstance(v := value.get(k), str)), None)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return None


def _url(fields: dict[str, Any]) -> str | None:
    # A relative link ("/news/123") says nothing without the site it belongs to.
    url = _raw_text(_first(fields, "url"))
    return url.strip() if url and url.strip().startswith(("http://", "https://")) else None


def _source(fields: dict[str, Any]) -> str | None:
    """The outlet. Some dumps use "source" for the file a record came from
    ("nlp/articles/article_388.txt@npr"): a value with a slash and no space is not a name."""
    for key in FIELDS["source"]:
        name = _raw_text(fields.get(key))
        if name and name.strip() and not ("/" in name and " " not in name.strip()):
            return name
    return None


def _authors(value: object) -> list[str]:
    """A byline string, a list of names, or a list of {"name": ...} objects."""
    people = value if isinstance(value, list) else [value]
    names = (_BYLINE_BY.sub("", _raw_text(person) or "") for person in people)
    return [name for name in names if name.strip()]


def _date(fields: dict[str, Any], field: str, settings: Settings) -> str | None:
    value = _first(fields, field)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch_date(value)
    return parse_date(_raw_text(value), settings.date_dayfirst_slash)


def _epoch_date(value: float) -> str | None:
    """A Unix timestamp, in seconds or (past the year 5138 in seconds) milliseconds."""
    seconds = value / 1000 if value > 1e11 else value
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None
