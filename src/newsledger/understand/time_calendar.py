"""Calendar arithmetic for the `times` stage: which day, month or year a relative
expression names, and how TIMEX3 writes it.

A `Tense` tells which way an expression without a year or a date looks from the
publication day: "past" (the sentence reports something done: the latest such day on
or before publication), "future" (something planned: the first on or after it) or
None (unknown: the nearest one).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

Tense = Literal["past", "future", "present"] | None

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The month a season is taken to start in, to order it against the publication day.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def weekday_date(published: dt.date, weekday: int, tense: Tense) -> dt.date:
    """The day a bare weekday name names (Monday=0), news-style: in a report of what
    happened, the latest such day on or before publication (a Tuesday article's
    "Tuesday" is that day, its "Monday" the day before); in a plan, the first on or
    after; otherwise the nearer of the two, the past one on a tie."""
    back = (published.weekday() - weekday) % 7
    before = published - dt.timedelta(days=back)
    after = before if back == 0 else before + dt.timedelta(days=7)
    if tense == "past":
        return before
    if tense == "future":
        return after
    if tense == "present":  # "meets Thursday": the nearer one
        return before if back <= 3 else after
    return before if back <= 5 else after  # unknown: news mostly reports


def shifted_weekday(published: dt.date, weekday: int, shift: str) -> dt.date:
    """"last Friday", "next Friday", "this Friday", "the previous Friday"."""
    if shift == "last":  # the latest one strictly before publication
        back = (published.weekday() - weekday) % 7 or 7
        return published - dt.timedelta(days=back)
    if shift == "next":  # the first one strictly after
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    return published + dt.timedelta(days=weekday - published.weekday())  # this week's


# The span of days around publication, (earliest, latest], that a month or a day written
# without a year falls in, by how the sentence looks at it: in a report, a month on or
# before publication, a day up to two months ahead (a date announced: "moved the vote
# to June 3"); in a plan, from two weeks back; a deadline ("by", "payable", "effective")
# from two months back to ten ahead; in the present tense ("expires on June 30") the
# nearest; otherwise from nine months back to three ahead.
WINDOWS = {"past": (-303, 62), "past month": (-366, 0), "future": (-14, 351),
           "deadline": (-62, 303), "present": (-183, 183), None: (-273, 92)}


def year_for_month(published: dt.date, month: int, tense: Tense | str,
                   day: int | None = None) -> int:
    """The year of a month (or a month and day) written without one: in a report, the
    latest one ("last March", "Aug. 12"), in a plan the coming one (give or take two
    weeks), else the one from nine months back to three ahead."""
    if tense == "past" and day is None:
        tense = "past month"
    earliest, latest = WINDOWS.get(tense, WINDOWS[None])
    if day is not None:  # on the calendar: the latest such day not beyond the window
        return max(year for year in range(published.year - 1, published.year + 2)
                   if (_day_in(year, month, day) - published).days <= latest)
    ahead = months_ahead_in_days(published, month)
    if ahead > latest:
        return published.year - 1
    if ahead <= earliest:
        return published.year + 1
    return published.year


def months_ahead_in_days(published: dt.date, month: int) -> float:
    """How far the start of a month of the publication year lies after the start of
    the publication month, in days."""
    return (month - published.month) * 30.5


def _day_in(year: int, month: int, day: int) -> dt.date:
    """A day past the month's end ("Feb. 30") counts as its last day."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def year_for_quarter(published: dt.date, quarter: int, tense: Tense) -> int:
    """"the fourth quarter" read in January is the one just ended; in October, the
    current one."""
    year, now = quarter_of(published)
    if quarter > now and (tense == "past" or quarter - now >= 2):
        return year - 1
    return year


def year_for_season(published: dt.date, season: str, shift: str | None,
                    tense: Tense) -> int:
    """The year a season named without one starts in (winter: its December).
    "last fall" is the fall before the latest one that has ended or, during a fall, the
    one before it; "this summer" the publication year's; a bare season by tense."""
    start = SEASON_START[season]
    latest = published.year if published.month >= start else published.year - 1
    in_progress = (published.year - latest) * 12 + published.month - start < 3
    if shift == "last":
        return latest - 1 if in_progress else latest
    if shift == "next":
        return latest + 1
    if tense == "past" and shift is None:
        return latest
    if tense == "future" and shift is None:
        return latest if in_progress else latest + 1
    return latest if in_progress else published.year


def holiday(name: str, year: int) -> dt.date | None:
    """The date of a fixed or rule-based holiday in a given year."""
    fixed = {"christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "independence day": (7, 4),
             "valentine's day": (2, 14), "halloween": (10, 31), "veterans day": (11, 11),
             "new year's": (1, 1)}
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name == "easter":
        return easter(year)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    nth = {"thanksgiving": (11, 3, 4), "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
           "election day": (11, 1, 1), "martin luther king day": (1, 0, 3)}
    if name not in nth:
        return None
    month, weekday, count = nth[name]
    if name == "election day":  # the Tuesday after the first Monday
        return _nth_weekday(year, month, 0, 1) + dt.timedelta(days=1)
    return _nth_weekday(year, month, weekday, count)


def _nth_weekday(year: int, month: int, weekday: int, count: int) -> dt.date:
    if count < 0:
        last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (count - 1))


def shift_value(value: str, years: int = 0, months: int = 0, days: int = 0) -> str | None:
    """Move a TIMEX3 calendar value (day, month, quarter, half, season, year) back or
    forward, keeping its granularity: 1989-Q3 less a year is 1988-Q3."""
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None
        return (day + relativedelta(years=years, months=months, days=days)).isoformat()
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit() and value[:4].isdigit():
        moved = dt.date(int(value[:4]), int(value[5:]), 1) + relativedelta(years=years,
                                                                           months=months)
        return month_value(moved.year, moved.month)
    if len(value) >= 4 and value[:4].isdigit() and (len(value) == 4 or value[4] == "-"):
        if months or days:
            return None
        return f"{int(value[:4]) + years:04d}{value[4:]}"
    return None
