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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..records import Candidate, FailedInput
from ..settings import Settings
from .dateline import lead_dateline_candidates
from .decode import decode_text
from .draft import Draft, propose
from .furniture import LineFacts, classify, person_names

HEAD_WINDOW = 12  # a header is looked for among the first lines only
REPEATS_FOR_WIDGET = 3  # a short line seen this often on one page is a widget
# After the body has begun, these end it: wire copy closes with its credits
# ("Writing by ..."), pages with a copyright line or a "SOURCE:" line.
ENDS_BODY = ("tail", "author", "copyright", "source")
MIN_WORDS_BEFORE_CREDITS = 50
INLINE_BOX_MAX_LINES = 6  # a related-links box inside an article: a few short lines
INLINE_BOX_LINE_WORDS = 20
HEADLINE_MAX_WORDS = 22  # real headlines are shorter; a longer line is a lead sentence
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
    units = classify_units(split_units(text), settings)
    # 2. Read the header: labels, headline, subtitle.
    labels, title_at = find_headline(units)
    subtitle_at = find_subtitle(units, title_at)
    title = units[title_at].text if title_at is not None else None
    subtitle = units[subtitle_at].text if subtitle_at is not None else None
    # 3. The body: every other text unit before the tail; nothing else is dropped.
    skip = set(labels) | {title_at, subtitle_at}
    body = body_units([u for i, u in enumerate(units) if i not in skip], title)
    candidates = head_candidates(title, subtitle, [units[i] for i in labels])
    candidates += metadata_candidates(units, skip, title)
    candidates += lead_dateline_candidates(body[0].text if body else "", EXTRACTOR + "-lead")
    return Draft(name, "\n\n".join(u.text for u in body), tuple(candidates), "text")


def classify_units(texts: list[str], settings: Settings) -> list[Unit]:
    """Classify each unit; then the rules that need neighbours: names on the line after
    a lone "By:", and short lines repeated all over the page (widgets)."""
    units = [Unit(t, classify(t, settings.date_dayfirst_slash)) for t in texts]
    counts = Counter(t for t in texts if len(t.split()) <= 6)
    for index, unit in enumerate(units):
        if counts[unit.text] >= REPEATS_FOR_WIDGET:
            units[index] = Unit(unit.text, LineFacts("repeated"))
        elif unit.facts.kind == "author-cue" and index + 1 < len(units):
            names = person_names(units[index + 1].text)
            if names and units[index + 1].facts.kind == "body":
                units[index + 1] = Unit(units[index + 1].text, LineFacts("author", tuple(names)))
    return units


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
    """Short, and not closed like a sentence (quotes and brackets looked through)."""
    words = len(text.split())
    closing = text.rstrip().rstrip("\"'”’»)]`")
    return 0 < words <= HEADLINE_MAX_WORDS and not closing.endswith((".", ":", ";", ","))


def is_label(unit: Unit) -> bool:
    """A section or kicker above a headline: a few capitalised words, no sentence."""
    words = unit.text.split()
    return (unit.facts.kind == "body" and len(words) <= 3 and not re.search(r"[.!?\"“”]", unit.text)
            and all(w[:1].isupper() or not w[:1].isalpha() for w in words))


def find_headline(units: list[Unit]) -> tuple[list[int], int | None]:
    """(indexes of the labels above it, index of the headline) among the first units.

    The headline is the first text unit that reads like one, with only furniture,
    header lines and labels above it; a single line over nothing is not a headline."""
    labels: list[int] = []
    for index, unit in enumerate(units[:HEAD_WINDOW]):
        if unit.facts.kind != "body":
            continue
        if is_label(unit) and index + 1 < len(units):
            labels.append(index)
            continue
        has_more = any(u.facts.kind == "body" for u in units[index + 1:])
        return (labels, index) if is_headline(unit.text) and has_more else ([], None)
    return [], None


def find_subtitle(units: list[Unit], title_at: int | None) -> int | None:
    """The text unit after the headline, when header lines (byline, date, caption)
    follow it before any other text: otherwise it is the first paragraph."""
    if title_at is None:
        return None
    following = [i for i in range(title_at + 1, min(len(units), title_at + HEAD_WINDOW))
                 if units[i].facts.kind == "body" and units[i].text != units[title_at].text]
    if not following or len(units[following[0]].text.split()) > SUBTITLE_MAX_WORDS:
        return None
    first, rest = following[0], following[1:]
    stop = rest[0] if rest else len(units)
    # An upper-case line alone may be a dateline or a crosshead: it proves no header.
    header_after = any(units[i].facts.is_metadata and units[i].facts.kind != "dateline"
                       for i in range(first + 1, stop))
    return first if header_after else None


def body_units(units: list[Unit], title: str | None) -> list[Unit]:
    """Body paragraphs up to the tail (see ENDS_BODY). A dateline counts as furniture
    only before the first paragraph: an upper-case line later on is a crosshead."""
    body: list[Unit] = []
    index = 0
    while index < len(units):
        unit, kind = units[index], units[index].facts.kind
        if kind in ENDS_BODY and _body_has_begun(body, kind):
            box_end = inline_box_end(units, index)
            if box_end is None:
                break
            index = box_end  # a "Related coverage" box inside the article: skip it
            continue
        if (kind == "body" or (kind == "dateline" and body)) and unit.text != title:
            body.append(unit if kind == "body" else Unit(unit.text, LineFacts("body")))
        index += 1
    return body


def _body_has_begun(body: list[Unit], kind: str) -> bool:
    """A tail marker counts once there is a body; a credit line only after a real one
    (a byline may sit between the first lines and the text)."""
    if kind == "tail":
        return bool(body)
    return sum(len(u.text.split()) for u in body) >= MIN_WORDS_BEFORE_CREDITS


def inline_box_end(units: list[Unit], marker: int) -> int | None:
    """Where the article resumes after a boxed list ("Related coverage" and a few short
    links) in its middle; None when the marker really starts the page's tail."""
    if units[marker].facts.kind != "tail":
        return None
    index = marker + 1
    while index < len(units) and index - marker <= INLINE_BOX_MAX_LINES and \
            len(units[index].text.split()) <= INLINE_BOX_LINE_WORDS:
        index += 1
    resumes = index < len(units) and units[index].facts.kind == "body" and \
        len(units[index].text.split()) > INLINE_BOX_LINE_WORDS
    return index if resumes else None


def head_candidates(title: str | None, subtitle: str | None, labels: list[Unit]
                    ) -> list[Candidate]:
    found = propose("title", title, EXTRACTOR, 0.6) + propose("subtitle", subtitle, EXTRACTOR, 0.5)
    return found + [c for u in labels for c in propose("section", u.text, EXTRACTOR, 0.5)]


def metadata_candidates(units: list[Unit], head: set[int | None], title: str | None
                        ) -> list[Candidate]:
    """What the furniture lines say; a line near the top is believed more than one
    further down (a date in the header is the article's, one below may be a quote's)."""
    found: list[Candidate] = []
    first_text = next((i for i, u in enumerate(units) if u.facts.kind == "body" and i not in head
                       and u.text != title), len(units))
    for index, unit in enumerate(units):
        facts = unit.facts
        weight = 0.7 if index < HEAD_WINDOW else 0.5
        extractor = f"{EXTRACTOR}-{facts.kind}"
        found += propose("published", facts.published, extractor, weight)
        found += propose("updated", facts.updated, extractor, weight)
        if facts.dateline and index < first_text:
            found += propose("dateline", facts.dateline, extractor, weight)
        found += propose("source", facts.outlet, extractor, facts.outlet_confidence)
        found += [c for name in facts.authors for c in propose("author", name, extractor, 0.7)]
    return found


