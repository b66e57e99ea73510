"""Plain text as people paste it from a news page: find the body, keep the metadata.

Layout, from the top: optional section labels ("Middle East"), the headline, maybe a
subtitle, then header lines (byline, dates, dateline, photo caption) that may repeat the
headline; then the body, interleaved with furniture (share buttons, adverts, captions);
then a tail (author line, subscription note, "Related topics", copyright). What each
line is comes from `furniture.classify`; this module reads the layout.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from ..records import Candidate, FailedInput
from ..settings import Settings
from .dateline import dateline_lead
from .decode import decode_text
from .draft import Draft, propose
from .furniture import LineFacts, classify

HEAD_WINDOW = 12  # a header is looked for among the first lines only
MAX_HEAD_TEXTS = 3  # headline, subtitle and one more text line at most in a header
HEADLINE_MAX_WORDS = 30
SUBTITLE_MAX_WORDS = 70
EXTRACTOR = "plaintext"


def read(name: str, data: bytes, settings: Settings) -> Iterator[Draft | FailedInput]:
    yield parse_plaintext(name, decode_text(data), settings)


@dataclass(frozen=True)
class Unit:
    """A paragraph candidate: one line, or one block of hard-wrapped lines."""

    text: str
    facts: LineFacts


def parse_plaintext(name: str, text: str, settings: Settings) -> Draft:
    # 1. Split into units and say what each one is.
    units = [Unit(t, classify(t, settings.date_dayfirst_slash)) for t in split_units(text)]
    # 2. Read the header: labels, headline, subtitle, header lines.
    first = skip_section_labels(units)
    head_end = find_head_end(units, first)
    title, subtitle = headline_and_subtitle(units, first, head_end)
    # 3. The body: what is left before the tail, furniture removed.
    body_start = head_end + 1 if head_end >= 0 else first + (1 if title else 0)
    body = body_units(units[body_start:], title)
    candidates = head_candidates(title, subtitle, units[:first])
    candidates += metadata_candidates(units, head_end) + lead_dateline(body)
    return Draft(name, "\n\n".join(u.text for u in body), tuple(candidates), "text")


def split_units(text: str) -> list[str]:
    """Lines as paragraphs; hard-wrapped blocks (lines of similar width) joined first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if is_hard_wrapped(blocks):
        return [" ".join(b.split()) for b in blocks]
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def is_hard_wrapped(blocks: list[str]) -> bool:
    lines = [line for b in blocks for line in b.split("\n") if line.strip()]
    multi_line_blocks = sum(1 for b in blocks if b.strip().count("\n") >= 1)
    if len(lines) < 6 or multi_line_blocks < len(blocks) / 2:
        return False
    widths = [len(line) for line in lines]
    median = statistics.median(widths)
    return 40 <= median <= 100 and max(widths) <= 1.3 * median + 10


def is_headline(text: str) -> bool:
    words = len(text.split())
    return 0 < words <= HEADLINE_MAX_WORDS and not text.rstrip().endswith((".", ":", ";", ","))


def skip_section_labels(units: list[Unit]) -> int:
    """Index of the first unit after the short labels above a headline ("Middle East")."""
    index = 0
    while index + 1 < len(units) and _is_label(units[index]) and is_headline(units[index + 1].text):
        index += 1
    return index


def _is_label(unit: Unit) -> bool:
    words = unit.text.split()
    return (unit.facts.kind == "body" and len(words) <= 3 and not re.search(r"[.!?\"“”]", unit.text)
            and all(w[:1].isupper() or not w[:1].isalpha() for w in words))


def find_head_end(units: list[Unit], first: int) -> int:
    """The last header line (byline, date, dateline, caption, repeated headline) near the
    top, with at most MAX_HEAD_TEXTS text lines before it; -1 when there is no header."""
    head_end, texts = -1, 0
    title = units[first].text if first < len(units) else ""
    for index in range(first, min(len(units), first + HEAD_WINDOW)):
        unit = units[index]
        if unit.facts.is_metadata or (index > first and unit.text == title):
            head_end = index
        elif unit.facts.kind == "body":
            texts += 1
            if texts > MAX_HEAD_TEXTS:
                break
    return head_end


def headline_and_subtitle(units: list[Unit], first: int, head_end: int
                          ) -> tuple[str | None, str | None]:
    if first >= len(units) or not is_headline(units[first].text):
        return None, None
    if head_end < 0 and len(units) - first < 2:
        return None, None  # a single line is a body, not a headline over nothing
    texts = [u.text for u in units[first + 1:head_end + 1]
             if u.facts.kind == "body" and u.text != units[first].text]
    subtitle = texts[0] if texts and len(texts[0].split()) <= SUBTITLE_MAX_WORDS else None
    return units[first].text, subtitle


def body_units(units: list[Unit], title: str | None) -> list[Unit]:
    """Body paragraphs up to the tail. A dateline counts as furniture only before the
    first paragraph: an upper-case line later on is a crosshead, which is body."""
    body: list[Unit] = []
    for unit in units:
        kind = unit.facts.kind
        if kind == "tail" and body:
            break
        if kind == "body" or (kind == "dateline" and body):
            if unit.text != title:
                body.append(Unit(unit.text, LineFacts("body")) if kind != "body" else unit)
    return body


def head_candidates(title: str | None, subtitle: str | None, labels: list[Unit]
                    ) -> list[Candidate]:
    found = propose("title", title, EXTRACTOR, 0.6) + propose("subtitle", subtitle, EXTRACTOR, 0.5)
    return found + [c for u in labels for c in propose("section", u.text, EXTRACTOR, 0.5)]


def metadata_candidates(units: list[Unit], head_end: int) -> list[Candidate]:
    """What the furniture lines say; a header line is believed more than a stray one."""
    found: list[Candidate] = []
    for index, unit in enumerate(units):
        facts, in_head = unit.facts, index <= head_end
        weight = 0.7 if in_head else 0.5
        if facts.kind == "dateline" and not in_head and index > head_end + 1:
            continue  # a crosshead in capitals, kept as body
        found += propose("published", facts.published, EXTRACTOR + "-" + facts.kind, weight)
        found += propose("updated", facts.updated, EXTRACTOR + "-" + facts.kind, weight)
        found += propose("dateline", facts.dateline, EXTRACTOR + "-dateline", weight)
        found += propose("source", facts.outlet, EXTRACTOR + "-" + facts.kind,
                         facts.outlet_confidence)
        found += [c for name in facts.authors
                  for c in propose("author", name, EXTRACTOR + "-" + facts.kind, 0.7)]
    return found


def lead_dateline(body: list[Unit]) -> list[Candidate]:
    lead = dateline_lead(body[0].text) if body else None
    if not lead:
        return []
    place, agency = lead
    return (propose("dateline", place, EXTRACTOR + "-lead", 0.6)
            + propose("source", agency, EXTRACTOR + "-lead-agency", 0.3))
