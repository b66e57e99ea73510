"""What a reading of a time expression sees: the match, the publication day, the tense
of its sentence and what the article named before it; and the small helpers the readings
share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .time_calendar import Tense
from .time_words import MONTHS

Reading = tuple[str, str]  # (TIMEX3 type, value)
Match = re.Match[str]
PARTS = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
         "overnight": "TNI", "mid-afternoon": "TAF", "midafternoon": "TAF"}


@dataclass(frozen=True)
class Anchors:
    """What the article named so far, for expressions that refer back to it."""

    reference: str | None = None  # the latest calendar value (day, month, year ...)
    quarter: str | None = None  # the latest quarter, e.g. 1989-Q3


@dataclass(frozen=True)
class Context:
    """Where a phrase sits: what its reading may take into account."""

    published: dt.date | None
    tense: Tense
    anchors: Anchors
    word_before: str  # lower case, "" at the start of the text
    text_before: str  # up to a few dozen characters before the match
    text_after: str  # up to a few dozen characters after it
    entity: str  # spaCy's entity label of the match's first token, "" if none


def month_number(name: str) -> int:
    """"Sept." -> 9."""
    return MONTHS[name.lower().rstrip(".")]


def unit_name(word: str) -> str:
    """"trading days" -> "day", "centuries" -> "century"."""
    word = word.lower().split()[-1]
    if word in ("centuries", "century"):
        return "century"
    if word.startswith("millenni"):
        return "millennium"
    return word[:-1] if word.endswith("s") else word


def months_back(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) of the month `months` before the day's (after, when negative)."""
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def reference_day(ctx: Context) -> dt.date | None:
    """The day the article named last, if what it named last was a day."""
    anchor = ctx.anchors.reference
    if anchor and len(anchor) == 10:
        try:
            return dt.date.fromisoformat(anchor)
        except ValueError:
            return None
    return None
