"""When two event mentions, from one article or two, report the same real-world event.

Needs: event rows as the store gives them (`type`, `date`, `actors`, `targets`, `text`)
plus the reporting article's `published` date. Used by the timeline (one entry per
event, with every source) and by "what's new" (an event the story already had is not
new).

News conventions behind the rules:
- A report names its event's date at the precision it knows: "last October" and
  "Oct 7" are the same day at two precisions, so TIMEX3 dates match when one is a
  prefix of the other.
- An event without a date in its sentence is usually reported as current: it is placed
  on the publication day, but two undated mentions may still be one ongoing event
  ("Israel has waged a deadly offensive since...") when they share type and actors.
- The same type on the same day is not enough (a day of talks has many meetings): the
  two must share a participant, or, when either names none, most of their words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .names import name_key

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Share of content words two mentions without named participants need in common.
MIN_WORD_OVERLAP = 0.34
# How far apart two undated reports of the same participants may be and still be taken
# as one ongoing event.
ONGOING_DAYS = 14


def effective_date(event: Mapping[str, Any]) -> str | None:
    """The event's own TIMEX3 date, else the day it was reported."""
    return event.get("date") or event.get("published")


def dates_compatible(first: str | None, second: str | None) -> bool:
    """Same date at the same or a coarser precision (2023-10 contains 2023-10-07)."""
    if not first or not second:
        return False
    shorter, longer = sorted((first, second), key=len)
    return longer.startswith(shorter)


def participants(event: Mapping[str, Any]) -> frozenset[str]:
    """Actors and targets as identities where the store knows them (`identities` maps a
    name to its identity id), else as folded names."""
    identities = event.get("identities") or {}
    names = [*event.get("actors", ()), *event.get("targets", ())]
    # a name without a store identity is folded as identities fold it ("the U.S." and
    # "United States" agree)
    return frozenset(identities.get(name) or name_key(name) for name in names if name)


@lru_cache(maxsize=65_536)  # compared pairwise: each text is read many times
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().lower() for m in WORD.finditer(text))
                     if w not in STOP_WORDS and len(w) > 2)


def word_overlap(first: str, second: str) -> float:
    a, b = content_words(first), content_words(second)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_event(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    if first["type"] != second["type"]:
        return False
    who = participants(first), participants(second)
    return _when_agrees(first, second, who) and _who_agrees(first, second, who)


Participants = tuple[frozenset[str], frozenset[str]]


def _when_agrees(first: Mapping[str, Any], second: Mapping[str, Any],
                 who: Participants) -> bool:
    if first.get("date") and second.get("date"):
        return dates_compatible(first["date"], second["date"])
    if not first.get("date") and not second.get("date"):
        # Two undated mentions: the same ongoing event when the same participants are
        # reported within a fortnight; their report days need not agree, but a long
        # story's "Israel strikes" of October and of December are not one entry.
        return (bool(who[0]) and who[0] == who[1]
                and _days_apart(first.get("published"), second.get("published"))
                <= ONGOING_DAYS)
    return dates_compatible(effective_date(first), effective_date(second))


def _days_apart(first: str | None, second: str | None) -> float:
    if not first or not second:
        return 0.0  # unknown report days do not keep two mentions apart
    try:
        return abs((dt.date.fromisoformat(first[:10]) - dt.date.fromisoformat(second[:10])).days)
    except ValueError:
        return 0.0


def _who_agrees(first: Mapping[str, Any], second: Mapping[str, Any],
                who: Participants) -> bool:
    a, b = who
    if a and b:
        return bool(a & b)
    return word_overlap(first.get("text", ""), second.get("text", "")) >= MIN_WORD_OVERLAP
