"""Datelines: the place an article was filed from ("DOHA, Qatar", "GAZA CITY (Reuters) -").

Two shapes: a line of its own (plain text pasted from a page) and the opening words of
the first paragraph (wire copy). The place is returned as written, without the agency.
"""

from __future__ import annotations

import re

from ..records import Candidate

# An upper-case place (letters, spaces, dots, hyphens, apostrophes), optionally followed
# by ", Region" in any case, on a short line of its own.
_PLACE = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\- ]{1,40}?"
_REGION = r"(?:,\s*[A-ZÀ-ÖØ-Þ][\w.'’\- ]{1,40}?)?"
# On a line of its own, maybe with the agency and the dash that leads into the text:
# "NAIROBI, Kenya (AP) _", "BUDAPEST, March 12 (Xinhua) --".
DATELINE_LINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}{_REGION})\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?\s*[-–—_:]*\s*$")
# The same at the start of a paragraph, closed by an agency and/or a dash.
DATELINE_LEAD = re.compile(
    rf"^\s*(?P<place>{_PLACE}{_REGION})\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\)\s*)?(?:[-–—:]\s|(?<=\))\s)"
)
_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "LIVE", "WATCH", "VIDEO",
               "PHOTOS", "OPINION", "ANALYSIS", "EDITOR'S NOTE", "NOTE", "SOURCE"}


def dateline_line(line: str) -> tuple[str, str | None] | None:
    """(place, agency) when `line` is nothing but a dateline."""
    match = DATELINE_LINE.match(line)
    if not match or len(line.split()) > 8:
        return None
    place = _checked(match.group("place"))
    return (place, match.group("agency")) if place else None


def dateline_lead(paragraph: str) -> tuple[str, str | None] | None:
    """(place, agency) when the paragraph opens with a dateline."""
    match = DATELINE_LEAD.match(paragraph)
    if not match:
        return None
    place = _checked(match.group("place"))
    return (place, match.group("agency")) if place else None


_TRAILING_DATE = re.compile(
    r",\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s*$", re.I)


def _checked(place: str) -> str | None:
    place = _TRAILING_DATE.sub("", place).strip(" ,-")
    head = place.split(",")[0].strip()
    if head.upper() != head or len(head) < 3 or head.upper() in _NOT_PLACES:
        return None
    if not any(ch.isalpha() for ch in head):
        return None
    return place


def lead_dateline_candidates(body: str, extractor: str = "dateline-lead") -> list[Candidate]:
    """The dateline (and the agency, weakly, as a source) opening a body's first paragraph."""
    lead = dateline_lead(body.split("\n\n", 1)[0])
    if not lead:
        return []
    place, agency = lead
    found = [Candidate("dateline", place, extractor, 0.6)]
    return found + ([Candidate("source", agency, extractor + "-agency", 0.3)] if agency else [])
