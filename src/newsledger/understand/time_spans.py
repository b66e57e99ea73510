"""TIMEX3 values of spans of time, of points a span away from now ("three weeks ago"),
of the present, past and future as such ("now", "recently"), of repetitions ("every
week") and of an ordinal of a period ("the 40th day" of a strike).

Durations follow TimeML: "three years" P3Y, "two and a half hours" PT2H30M, "weeks"
PXW; decades and centuries are written in years, as TempEval's annotators wrote them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .time_calendar import day_value, month_value, shift_value, week_value
from .time_context import (
    PARTS,
    Context,
    Match,
    Reading,
    month_number,
    months_back,
    unit_name,
)
from .time_words import (
    CLOCK_UNITS,
    UNIT_LETTERS,
    UNIT_SCALE,
    VAGUE_UNIT,
    WEEKDAYS,
    number_value,
    ordinal_value,
)


def ago(m: Match, ctx: Context) -> Reading | None:
    amount, unit = number_value(m["amount"]), unit_name(m["unit"])
    direction = m["direction"].lower()
    backwards = direction in ("ago", "earlier", "before", "back")
    if amount is None:
        if m["amount"].lower() in ("the", "some"):
            return None
        return "DATE", "PAST_REF" if backwards else "FUTURE_REF"
    sign = -1 if backwards else 1
    relative_to_now = direction in ("ago", "from now", "hence", "back")
    anchored = _shift_anchor(ctx, amount * sign, unit, relative_to_now)
    if anchored:
        return "DATE", anchored
    if ctx.published is None:
        return "DATE", "PAST_REF" if backwards else "FUTURE_REF"
    return "DATE", _point_from(ctx.published, amount * sign, unit)


def _shift_anchor(ctx: Context, amount: float, unit: str, relative_to_now: bool) -> str | None:
    """"a year earlier" after "the third quarter" is the quarter a year before; "two days
    later" after a date is that date moved; "ago" moves only a quarter (earnings)."""
    if unit != "year" and relative_to_now:
        return None
    if unit == "year" and amount == int(amount) and ctx.anchors.quarter:
        return shift_value(ctx.anchors.quarter, years=int(amount))
    anchor = ctx.anchors.reference
    if relative_to_now or not anchor or amount != int(amount):
        return None
    if unit == "year":
        return shift_value(anchor, years=int(amount))
    if unit == "month" and len(anchor) in (7, 10):
        return shift_value(anchor, months=int(amount))
    if unit in ("day", "week") and len(anchor) == 10:
        return shift_value(anchor, days=int(amount) * (7 if unit == "week" else 1))
    return None


def _point_from(day: dt.date, amount: float, unit: str) -> str:
    """The calendar point `amount` units from `day`, at the unit's granularity."""
    if unit in CLOCK_UNITS or unit in ("day", "night"):
        hours = amount * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}.get(unit, 24)
        return day_value(day + dt.timedelta(days=int(hours // 24) if hours < 0 else
                                            int(hours / 24)))
    if unit in ("week", "fortnight", "weekend"):
        weeks = amount * (2 if unit == "fortnight" else 1)
        return week_value(day + dt.timedelta(days=round(7 * weeks)))
    months = amount * {"month": 1, "quarter": 3}.get(unit, 12 * UNIT_SCALE.get(unit, 1))
    year, month = months_back(day, -round(months))
    if unit == "month":
        return month_value(year, month)
    if unit == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return str(year)


def duration(m: Match, ctx: Context) -> Reading | None:
    unit = unit_name(m["unit"])
    if unit == "quarter" and re.match(r"\s+of\b", ctx.text_after):
        return None  # "a quarter of the vote", "three quarters of the city"
    if unit == "second" and m["amount"].lower() in ("a", "an"):
        return None  # "a second" is an ordinal far more often than a second
    if m["upper"] or number_value(m["amount"]) is None:
        if m["amount"].lower() in ("the", "a", "an"):
            return None
        return "DURATION", _vague_duration(unit)
    amount = number_value(m["amount"])
    assert amount is not None
    return "DURATION", duration_value(amount + 0.5 * bool(m["half"]), unit)


def duration_value(amount: float, unit: str) -> str:
    """P3Y, PT5H30M, P2Y6M, P20Y for two decades; a half unit goes to the next smaller."""
    amount *= UNIT_SCALE.get(unit, 1)
    letter = UNIT_LETTERS[unit]
    if letter == "WE":
        amount, letter = amount * 2, "D"
    whole = int(amount)
    rest = amount - whole
    smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "Q": (3, "M"),
               "H": (60, "M")}.get(letter) if unit not in ("minute", "second") else (60, "S")
    clock_unit = unit in CLOCK_UNITS
    if rest and smaller:
        size, small = smaller
        small_amount = round(rest * size)
        if letter == "D":  # days and a half: hours
            return f"P{whole}DT{small_amount}H" if whole else f"PT{small_amount}H"
        head = f"{whole}{letter}" if whole else ""
        return f"PT{head}{small_amount}{small}" if clock_unit else f"P{head}{small_amount}{small}"
    number = f"{amount:g}"
    return f"PT{number}{letter}" if clock_unit else f"P{number}{letter}"


def _vague_duration(unit: str) -> str:
    letter = VAGUE_UNIT.get(unit) or UNIT_LETTERS[unit]
    if letter == "WE":
        letter = "D"
    return f"PTX{letter}" if unit in CLOCK_UNITS else f"PX{letter}"


def unit_adjective(m: Match, ctx: Context) -> Reading | None:
    amount = number_value(m["amount"])
    unit = unit_name(m["unit"])
    return "DURATION", duration_value(amount, unit) if amount else _vague_duration(unit)


def long_adjective(m: Match, ctx: Context) -> Reading | None:
    unit = unit_name(m["unit"])
    plural = m.group().lower().startswith(m["unit"].lower() + "s")
    return "DURATION", _vague_duration(unit) if plural else duration_value(1, unit)


def vague_span(m: Match, ctx: Context) -> Reading | None:
    unit = unit_name(m["unit"])
    if m["shift"].lower() == "recent" and unit == "year":
        return "DATE", "PAST_REF"
    return "DURATION", _vague_duration(unit)


def bare_span(m: Match, ctx: Context) -> Reading | None:
    return "DURATION", _vague_duration(unit_name(m["unit"]))


def reference(m: Match, ctx: Context) -> Reading | None:
    if m["present"]:
        return "DATE", "PRESENT_REF"
    return "DATE", "PAST_REF" if m["past"] else "FUTURE_REF"


# --------------------------------------------------------------------------- sets

SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
               "biweekly": "P2W", "semiannually": "P6M", "semi-annually": "P6M",
               "bimonthly": "P2M", "fortnightly": "P2W"}


def set_adverb(m: Match, ctx: Context) -> Reading | None:
    return "SET", SET_ADVERBS[m.group().lower()]


def set_every(m: Match, ctx: Context) -> Reading | None:
    if m["weekday"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}"
    if m["month"]:
        return "SET", f"XXXX-{month_number(m['month']):02d}"
    if m["part"]:
        return "SET", f"XXXX-XX-XX{PARTS[m['part'].lower()]}"
    amount = number_value(m["amount"]) if m["amount"] else 1
    if amount is None:
        return None
    if "other" in m.group().lower():
        amount *= 2
    return "SET", duration_value(amount, unit_name(m["unit"]))


def set_rate(m: Match, ctx: Context) -> Reading | None:
    """"twice a week", "$3 million a year", "six trains a day": a rate, after an
    amount of something."""
    said_times = bool(m["times"])
    after_amount = re.search(r"(?:\d|%|percent|million|billion|trillion|once|twice|times|"
                             r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                             r"hundreds?|thousands?))(?:\W+[a-z]+){0,2}\W*$",
                             ctx.text_before, re.I)
    if not (said_times or after_amount):
        return None
    return "SET", duration_value(1, unit_name(m["unit"]))


def ordinal_day(m: Match, ctx: Context) -> Reading | None:
    """"the 40th day" of a strike, a siege, a trial: in a present-tense sentence ("now in
    its 40th day") the publication day; otherwise the day the article reports on, taken
    to be that day too. "The first day" is too often a generic one ("of school")."""
    number = ordinal_value(m["ordinal"])
    current = ctx.tense == "present" or re.search(r"\bnow\b", ctx.text_before, re.I)
    if number is None or (number < 2 and not current):
        return None
    if ctx.published is None:
        return ("DATE", "PRESENT_REF") if current else None
    return "DATE", day_value(ctx.published)


SPAN_READINGS: dict[str, Callable[[Match, Context], Reading | None]] = {
    "ago": ago, "duration": duration, "unit_adjective": unit_adjective,
    "long_adjective": long_adjective, "vague_span": vague_span, "bare_span": bare_span,
    "reference": reference, "set_adverb": set_adverb, "set_every": set_every,
    "set_rate": set_rate, "ordinal_day": ordinal_day,
}
