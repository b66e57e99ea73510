"""When two event mentions, from one article or two, report the same real-world event.

Needs: event rows as the store gives them (`type`, `date`, `actors`, `targets`, `text`)
plus the reporting article's `published` date. Used by the timeline (one entry per
event, with every source) and by "what's new" (an event the story already had is not
new: `KnownEvents` holds what the story had, compared with only what could match).

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
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterator, Mapping
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


Participants = tuple[frozenset[str], frozenset[str]]
_Known = tuple[Mapping[str, Any], frozenset[str]]  # a mention and its participants


def same_event(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    return _same_event(first, second, (participants(first), participants(second)))


def _same_event(first: Mapping[str, Any], second: Mapping[str, Any],
                who: Participants) -> bool:
    if first["type"] != second["type"]:
        return False
    return _when_agrees(first, second, who) and _who_agrees(first, second, who)


class KnownEvents:
    """Event mentions gathered so far, to ask whether a new mention is the same event
    as one of them (`same_event`) without comparing it with every one: it is compared
    only with those it could match, of its type and either with an effective date one
    of the two contains (`dates_compatible`) or, both undated, with its participants."""

    def __init__(self) -> None:
        self._on: dict[tuple[str, str], list[_Known]] = defaultdict(list)  # type, date
        self._dates: dict[str, list[str]] = defaultdict(list)  # by type, sorted
        self._undated: dict[tuple[str, frozenset[str]], list[_Known]] = defaultdict(list)

    def add(self, event: Mapping[str, Any]) -> None:
        known = (event, participants(event))
        kind, date = event["type"], effective_date(event)
        if date:
            if (kind, date) not in self._on:
                insort(self._dates[kind], date)
            self._on[kind, date].append(known)
        if not event.get("date") and known[1]:
            self._undated[kind, known[1]].append(known)

    def knows(self, event: Mapping[str, Any]) -> bool:
        """Some mention gathered is the same event as this one."""
        who = participants(event)
        return any(_same_event(event, other, (who, theirs))
                   for other, theirs in self._candidates(event, who))

    def _candidates(self, event: Mapping[str, Any], who: frozenset[str]) -> Iterator[_Known]:
        kind, date = event["type"], effective_date(event)
        if date:
            for compatible in self._compatible_dates(kind, date):
                yield from self._on[kind, compatible]
        if not event.get("date") and who:
            yield from self._undated[kind, who]

    def _compatible_dates(self, kind: str, date: str) -> Iterator[str]:
        """The dates gathered for this type that `date` starts with or that start with it."""
        yield from (date[:n] for n in range(1, len(date)) if (kind, date[:n]) in self._on)
        dates = self._dates[kind]
        at = bisect_left(dates, date)  # the dates that start with it follow it in order
        while at < len(dates) and dates[at].startswith(date):
            yield dates[at]
            at += 1


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
