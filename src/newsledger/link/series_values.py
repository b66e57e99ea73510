"""A reported figure as the interval of values it allows, and the day it holds for.

Needs: a figure's value, qualifier and `as_of`, its article's published date. Gives
`interval` ("more than 31,800" allows (31800, inf), "almost 74,000" about [66600, 74000],
"about 500" a band either side, a range its ends, an exact count itself, a round exact
count a little either side) and `holds_for` (the day a reading is placed at).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

Value = float | tuple[float, float]
Interval = tuple[float, float]

# How far below its number "almost"/"nearly" and either side "about" may reach: wide
# enough that "almost 74,000" and "over 74,787" are one toll rising, narrow enough that
# 500 and 2,000 stay apart.
NEAR_BAND = 0.1
# A round count reported as exact ("10,000 people") is rounded by the writer.
ROUND_BAND = 0.01
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_OR_YEAR = re.compile(r"^\d{4}(?:-\d{2})?$")
_SINCE = re.compile(r"\b(?:since|so far|to date)\b", re.I)
# A relative clause between "since ..." and the figure: the figure belongs to what the
# clause describes ("since the attack last October, which killed 1,200"), not to a count
# running since then.
_RELATIVE = re.compile(r",\s*(?:which|who|that|when)\b", re.I)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def interval(value: Value | Sequence[float], qualifier: str) -> Interval:
    if not isinstance(value, int | float):
        low, high = float(value[0]), float(value[1])
        return (low, high)
    number = float(value)
    bands: dict[str, Interval] = {
        "more_than": (number, math.inf), "at_least": (number, math.inf),
        "nearly": (number * (1 - NEAR_BAND), number),
        "about": (number * (1 - NEAR_BAND), number * (1 + NEAR_BAND)),
        "less_than": (0.0, number), "up_to": (0.0, number)}
    if qualifier in bands:
        return bands[qualifier]
    if number >= 100 and number % 100 == 0:
        return (number * (1 - ROUND_BAND), number * (1 + ROUND_BAND))
    return (number, number)


def nominal(value: Value | Sequence[float]) -> float:
    """The number as written: the middle of a range."""
    if isinstance(value, int | float):
        return float(value)
    return (float(value[0]) + float(value[1])) / 2


def _counts_since(sentence: str, figure: str | None) -> bool:
    since = _SINCE.search(sentence)
    if not since:
        return False
    at = sentence.find(figure) if figure else -1
    return at < since.start() or not _RELATIVE.search(sentence, since.end(), at)


def overlaps(first: Interval, second: Interval) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


def holds_for(as_of: str | None, published: str | None, sentence: str | None = None,
              figure: str | None = None) -> str | None:
    """The day (YYYY-MM-DD) a reading is placed at: its `as_of` day; the published day
    when `as_of` is vaguer but contains it (a month, a year, a week), or when the
    sentence counts "since" an earlier date (a toll since the war began holds for the
    day it is reported, unless the figure sits in a relative clause after the "since"
    phrase); else the first day `as_of` names; the published day when there is no
    `as_of`."""
    if published and as_of and as_of < published and _counts_since(sentence or "", figure):
        return published[:10]
    if as_of and _DAY.match(as_of):
        return as_of
    day = published[:10] if published else None
    if not as_of:
        return day
    if _MONTH_OR_YEAR.match(as_of):
        if day and day.startswith(as_of):
            return day
        return as_of + "-01" * ((10 - len(as_of)) // 3)
    week = _WEEK.match(as_of)
    if week:
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        if day and 0 <= (dt.date.fromisoformat(day) - monday).days < 7:
            return day
        return monday.isoformat()
    return day
