"""TIMEX3 types and values for the phrases `time_grammar` finds.

Each reading takes the match and a `Context` (the publication day, the tense of the
sentence the phrase sits in, what the article named before) and returns `(type, value)`,
or None when the phrase is not a time expression after all ("a quarter of the vote").

News conventions (TempEval-3 / TimeML): a relative expression resolves against the
publication day; where there is none it stays relative in TimeML's own way ("XXXX-10-07",
"XXXX-WXX-2", "PRESENT_REF"). Financial reports speak of "the quarter" and "a year
earlier" meaning the quarter the article is about and that quarter a year before, so those
resolve against the latest quarter the article named.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .time_calendar import (
    SEASONS,
    day_value,
    holiday,
    month_value,
    quarter_of,
    shift_value,
    shifted_weekday,
    week_value,
    weekday_date,
    year_for_month,
    year_for_quarter,
    year_for_season,
)
from .time_context import (
    PARTS,
    Context,
    Match,
    Reading,
    month_number,
    months_back,
    reference_day,
)
from .time_spans import SPAN_READINGS
from .time_words import (
    WEEKDAYS,
    ordinal_value,
    spelled_year,
)

WEEKDAY_AT_START = re.compile(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
                              re.I)
SEASON_PREPOSITIONS = {"in", "during", "by", "until", "since", "through", "this", "next",
                       "last", "early", "late", "mid", "the", "throughout"}
# Words before a date that point forward whatever the verb's tense ("must be returned by
# June 3", "holders of record May 2"), and words that leave it open ("through", "to").
DEADLINE_WORDS = {"by", "until", "till", "effective", "payable", "record", "expire", "expires",
                  "due", "deadline", "before"}
OPEN_END_WORDS = {"through", "to"}
# Words after which a bare year or a month that is also a verb ("May") is a date; a bare
# year needs more than "and" or "to" ("and 2000 people").
DATE_PREPOSITIONS = {"in", "since", "by", "of", "from", "to", "until", "till", "through",
                     "during", "before", "after", "between", "and", "early", "late", "mid",
                     "last", "this", "next", "around", "about", "for", "throughout",
                     "circa", "or", "fiscal", "'s", "than", "into", "as", "at", "on"}
YEAR_PREPOSITIONS = DATE_PREPOSITIONS - {"and", "or", "to", "as", "at", "on", "than", "for",
                                         "'s", "about", "around", "this", "last", "next"}


# --------------------------------------------------------------------------- dates


def month_day(m: Match, ctx: Context) -> Reading | None:
    month, day = month_number(m["month"]), int(re.match(r"\d+", m["day"]).group())  # type: ignore
    year = _explicit_year(m, ctx)
    named_weekday = WEEKDAY_AT_START.match(m.group())
    if year is None and ctx.published and named_weekday:
        year = _year_of_weekday(ctx.published, month, day, named_weekday.group().lower())
    if year is None and ctx.published:
        year = year_for_month(ctx.published, month, _date_tense(ctx), day)
    return _date(year, month, day)


def _year_of_weekday(published: dt.date, month: int, day: int, weekday: str) -> int | None:
    """"Monday, Oct. 26": the year, of the three around publication, in which that day
    is a Monday."""
    for year in (published.year, published.year + 1, published.year - 1):
        try:
            if dt.date(year, month, day).weekday() == WEEKDAYS[weekday]:
                return year
        except ValueError:
            return None
    return None


def _date_tense(ctx: Context) -> str | None:
    """A deadline ("by June 3", "payable May 2", "effective July 1") may lie ahead
    whatever the verb's tense; "since" looks back."""
    if ctx.word_before == "since":
        return "past"
    if ctx.word_before in DEADLINE_WORDS and ctx.tense != "future":
        return "deadline"
    if ctx.word_before in OPEN_END_WORDS and ctx.tense != "future":
        return None
    return ctx.tense


def numeric_date(m: Match, ctx: Context) -> Reading | None:
    if m["iso"]:
        year, month, day = (int(part) for part in m["iso"].split("-"))
        return _date(year, month, day)
    first, second = int(m["a"]), int(m["b"])
    dotted_or_day_first = m["sep"] == "." or first > 12  # 19.03.2021, 19/03/2021
    month, day = (second, first) if dotted_or_day_first else (first, second)
    return _date(int(m["y"]), month, day)


def month_year(m: Match, ctx: Context) -> Reading | None:
    month = month_number(m["month"])
    if m["spelled"]:
        year = spelled_year(m["spelled"])
    elif m["shift"]:
        year = _shifted_year(ctx.published, m["shift"])
    else:
        year = _explicit_year(m, ctx)
    if m["spelled"] and year is None:
        return None
    return "DATE", month_value(year, month) if year else f"XXXX-{month:02d}"


def month(m: Match, ctx: Context) -> Reading | None:
    name = m["month"]
    if name == "May" and not m["shift"] and m.group().strip() == name \
            and ctx.word_before not in DATE_PREPOSITIONS:
        return None  # "May" the verb
    if name == "March" and re.match(r"\s+(?:for|of|on|to|against|through)\b", ctx.text_after):
        return None  # a march: "the March on Washington"
    number = month_number(name)
    if not ctx.published:
        return "DATE", f"XXXX-{number:02d}"
    shift = (m["shift"] or "").lower().split()[-1:] or [""]
    now = ctx.published
    if shift[0] in ("last", "past"):
        year = now.year if number < now.month else now.year - 1
    elif shift[0] in ("next", "coming"):
        year = now.year if number > now.month else now.year + 1
    elif shift[0] == "this":
        year = now.year
    else:
        year = year_for_month(now, number, _date_tense(ctx))
    return "DATE", month_value(year, number)


def year(m: Match, ctx: Context) -> Reading | None:
    value = int(m["year"])
    lead = m.group()[: m.start("year") - m.start()]
    if not (lead.strip() or ctx.word_before in YEAR_PREPOSITIONS or ctx.entity == "DATE"):
        return None  # "1,990 shares" is caught by the pattern; "and 2000 people" here
    return "DATE", str(value)


def spelled(m: Match, ctx: Context) -> Reading | None:
    value = spelled_year(m["words"])
    # "nineteen ninety-six" is never a count; "two thousand" mostly is
    said_year = m.group().lower().startswith(("the year", "nineteen"))
    if value is None or not (said_year or ctx.word_before in DATE_PREPOSITIONS):
        return None
    return "DATE", str(value)


def season_year(m: Match, ctx: Context) -> Reading | None:
    year = m["year"] or spelled_year(m["spelled"] or "")
    return ("DATE", f"{year}-{SEASONS[m['season'].lower()]}") if year else None


def decade(m: Match, ctx: Context) -> Reading | None:
    if m["word"]:
        return "DATE", f"19{2 + [w for w in _DECADES].index(m['word'].lower())}"
    if m["short"]:
        return "DATE", f"19{m['short']}"
    return "DATE", f"{m['century']}{m['digit']}"


_DECADES = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
            "nineties")


def century(m: Match, ctx: Context) -> Reading | None:
    if m["ordinal"]:
        number = ordinal_value(m["ordinal"])
        return ("DATE", f"{number - 1:02d}") if number else None
    if not ctx.published:
        return "DATE", "XX"
    shift = m["shift"].split()[-1].lower()
    if shift in ("last", "past"):
        return "DURATION", "P100Y"
    if shift == "next":
        return "DURATION", "P100Y"
    return "DATE", f"{ctx.published.year // 100:02d}"


# --------------------------------------------------------------------------- quarters


def quarter(m: Match, ctx: Context) -> Reading | None:
    number = _quarter_number(m["ordinal"])
    if m.group().lower().endswith("quarters") and not m["year"]:
        return "SET", f"XXXX-Q{number}"
    year = _quarter_year(m, ctx, number)
    return "DATE", f"{year}-Q{number}" if year else f"XXXX-Q{number}"


def _quarter_number(word: str) -> int:
    word = word.lower()
    return 4 if word == "final" else (ordinal_value(word) or 1)


def _quarter_year(m: Match, ctx: Context, number: int) -> int | None:
    explicit = m["year"] or (re.search(r"\d{4}", m["year_before"] or "") or [None])[0]
    if explicit:
        return int(explicit)
    year_ago = "year-" in (m["pre"] or "").lower()
    owner = m["owner"] or m["shift"]
    if owner:
        return _shifted_year(ctx.published, owner)
    if not ctx.published:
        return None
    base = ctx.anchors.quarter[:4] if ctx.anchors.quarter and year_ago else None
    year = int(base) if base else year_for_quarter(ctx.published, number, ctx.tense)
    return year - 1 if year_ago else year


def quarter_code(m: Match, ctx: Context) -> Reading | None:
    number = int(m["q"][1])
    year = m["year"] or (year_for_quarter(ctx.published, number, ctx.tense)
                         if ctx.published else None)
    return "DATE", f"{year}-Q{number}" if year else f"XXXX-Q{number}"


def half(m: Match, ctx: Context) -> Reading | None:
    number = 1 if m["ordinal"].lower() == "first" else 2
    if m["year"]:
        return "DATE", f"{m['year']}-H{number}"
    if m["shift"]:
        year = _shifted_year(ctx.published, m["shift"])
    elif ctx.published:
        year = year_for_quarter(ctx.published, 2 * number - 1, ctx.tense)
    else:
        year = None
    return "DATE", f"{year}-H{number}" if year else f"XXXX-H{number}"


def two_quarters(m: Match, ctx: Context) -> Reading | None:
    return "DATE", f"{m['year']}-H{1 if m['ordinal'].lower() == 'first' else 2}"


def period(m: Match, ctx: Context) -> Reading | None:
    """"the quarter", "the latest period", "the year-ago quarter", "the 1988 period"."""
    words = (m["pre"] or "").lower() + (m["post"] or "").lower() + m.group().lower()[:15]
    if m.group().lower().startswith("a ") and not m["pre"]:
        return None  # "a quarter of the vote"
    if m["noun"].lower() == "period" and not (m["pre"] or m["year"] or m["post"]):
        return None  # a bare "the period" is any period
    base = _current_quarter(ctx, words)
    if m["year"]:
        year = m["year"].strip()
        return "DATE", f"{year}{base[4:]}" if base else year
    if base is None:
        return None
    if "year-" in words or "a year" in words or "last year" in words:
        base = shift_value(base, years=-1) or base
    if "previous" in words or "prior" in words:
        base = _quarter_moved(base, -1)
    return "DATE", base


def _current_quarter(ctx: Context, words: str) -> str | None:
    """The quarter an earnings report is about: the one it named last, else the latest
    one ended before publication ("current" and "this": the running one). "The latest
    quarter" has ended, so it is never one after that."""
    anchor = ctx.anchors.quarter
    if anchor and "latest" in words and ctx.published and anchor > _last_ended(ctx.published):
        anchor = None
    if anchor and "current" not in words:
        return anchor
    if "current" in words or words.startswith("this"):
        return "{}-Q{}".format(*quarter_of(ctx.published)) if ctx.published else None
    if not ctx.published:
        return None
    return _quarter_moved("{}-Q{}".format(*quarter_of(ctx.published)), -1)


def _last_ended(day: dt.date) -> str:
    return _quarter_moved("{}-Q{}".format(*quarter_of(day)), -1)


def _quarter_moved(value: str, quarters: int) -> str:
    index = int(value[:4]) * 4 + int(value[-1]) - 1 + quarters
    return f"{index // 4}-Q{index % 4 + 1}"


def quarter_shift(m: Match, ctx: Context) -> Reading | None:
    if not ctx.published:
        return "DATE", "XXXX-QX"
    now = "{}-Q{}".format(*quarter_of(ctx.published))
    return "DATE", _quarter_moved(now, {"last": -1, "this": 0, "next": 1}[m["shift"].lower()])


def year_ago_adjective(m: Match, ctx: Context) -> Reading | None:
    if ctx.anchors.quarter:
        return "DATE", shift_value(ctx.anchors.quarter, years=-1) or ctx.anchors.quarter
    return ("DATE", str(ctx.published.year - 1)) if ctx.published else ("DATE", "XXXX")


# --------------------------------------------------------------------------- relative


def shifted_period(m: Match, ctx: Context) -> Reading | None:
    if m.group().istitle() and ctx.word_before and ctx.text_before.rstrip()[-1:].isalnum():
        return None  # a title mid-sentence: a show called "This Week"
    shift, unit = m["shift"].lower().split()[-1], m["period"].lower()
    if shift in ("previous", "following", "same", "prior"):
        return _anaphoric_period(shift, unit, ctx)
    if unit in SEASONS:
        return _season(m, ctx, shift, unit)
    if unit in ("decade", "century"):
        return _long_period(shift, unit, ctx)
    if not ctx.published:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                        "weekend": "XXXX-WXX-WE"}[unit]
    if unit == "weekend":
        return "DATE", _weekend(ctx, shift)
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "latest": -1, "next": 1,
            "coming": 1}[shift]
    if m["shift"].lower().startswith("this past"):
        step = -1
    return "DATE", _moved_by(ctx.published, unit, step)


def _moved_by(day: dt.date, unit: str, step: int) -> str:
    if unit == "year":
        return str(day.year + step)
    if unit == "month":
        return month_value(*months_back(day, -step))
    return week_value(day + dt.timedelta(weeks=step))


def _anaphoric_period(shift: str, unit: str, ctx: Context) -> Reading | None:
    """"the previous year", "the following month": from the date the article named last."""
    step = {"previous": -1, "prior": -1, "following": 1, "same": 0}[shift]
    anchor = ctx.anchors.reference
    if anchor is None and ctx.published:
        anchor = ctx.published.isoformat()
    if anchor is None or unit not in ("year", "month", "week"):
        return None
    if unit == "year":
        return "DATE", str(int(anchor[:4]) + step)
    if unit == "month" and len(anchor) >= 7 and anchor[5:7].isdigit():
        return "DATE", shift_value(anchor[:7], months=step) or anchor[:7]
    if unit == "week" and len(anchor) == 10:
        return "DATE", week_value(dt.date.fromisoformat(anchor) + dt.timedelta(weeks=step))
    return None


def _season(m: Match, ctx: Context, shift: str, unit: str) -> Reading:
    code = SEASONS[unit]
    if not ctx.published:
        return "DATE", f"XXXX-{code}"
    phrase = m["shift"].lower()
    if phrase.startswith("this past") or shift == "past":
        year = year_for_season(ctx.published, code, None, "past")
    elif phrase.startswith("this coming") or shift == "coming":
        year = year_for_season(ctx.published, code, None, "future")
    else:
        year = year_for_season(ctx.published, code, shift if shift != "current" else "this",
                               ctx.tense)
    return "DATE", f"{year}-{code}"


def _long_period(shift: str, unit: str, ctx: Context) -> Reading:
    size = 10 if unit == "decade" else 100
    if shift in ("this", "current"):
        if not ctx.published:
            return "DATE", "XXX" if unit == "decade" else "XX"
        return "DATE", str(ctx.published.year // size)
    return "DURATION", f"P{size}Y"


def _weekend(ctx: Context, shift: str) -> str:
    day = ctx.published
    assert day is not None
    saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7)  # on or before
    if shift in ("last", "past") and day.weekday() >= 5:
        saturday -= dt.timedelta(weeks=1)
    elif shift in ("next", "coming") or (shift == "this" and ctx.tense == "future"):
        saturday += dt.timedelta(weeks=1 if day.weekday() < 5 or shift == "next" else 0)
    return week_value(saturday) + "-WE"


def anaphoric(m: Match, ctx: Context) -> Reading | None:
    """"that day", "later that year", "the next morning", "earlier in the day": the date
    the article named last, moved by a day for "next" and "previous"."""
    anchor = ctx.anchors.reference
    unit = (m["unit"] or m["part"] or m["in"]).lower()
    if anchor is None:
        return None
    if unit in ("year", "month", "week"):
        return _anchor_at(anchor, unit)
    day = reference_day(ctx)
    if day is None:
        return None
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(
        (m["shift"] or "").lower(), 0)
    value = day_value(day + dt.timedelta(days=step))
    return ("TIME", value + PARTS[unit]) if unit in PARTS else ("DATE", value)


def _anchor_at(anchor: str, unit: str) -> Reading | None:
    """The year, month or week of a calendar value, where it has one."""
    if unit == "year":
        return "DATE", anchor[:4]
    if unit == "month" and re.match(r"\d{4}-\d\d", anchor):
        return "DATE", anchor[:7]
    if unit == "week" and len(anchor) == 10:
        return "DATE", week_value(dt.date.fromisoformat(anchor))
    return None


def the_weekend(m: Match, ctx: Context) -> Reading | None:
    if ctx.published is None:
        return "DATE", "XXXX-WXX-WE"
    return "DATE", _weekend(ctx, "this" if ctx.tense == "future" else "the")


def season(m: Match, ctx: Context) -> Reading | None:
    """A season without a year: the one the tense points at. "fall" and "spring" are
    also words of other kinds ("a fall in prices"), so they need a preposition."""
    name = m["season"].lower()
    if name in ("fall", "spring", "autumn") and m.group().lower() == name \
            and ctx.word_before not in SEASON_PREPOSITIONS:
        return None
    code = SEASONS[name]
    if ctx.published is None:
        return "DATE", f"XXXX-{code}"
    this = m.group().lower().startswith("this")
    year = year_for_season(ctx.published, code, "this" if this else None, ctx.tense)
    return "DATE", f"{year}-{code}"


def the_year(m: Match, ctx: Context) -> Reading | None:
    noun = m["noun"].lower()
    if noun.endswith("week"):
        if ctx.published is None:
            return "DATE", "XXXX-WXX"
        return "DATE", week_value(ctx.published)
    if m["after"] is not None:
        return "DURATION", "P1Y"  # "the year ended Sept. 30": a fiscal year, a span
    return "DATE", str(ctx.published.year) if ctx.published else "XXXX"


def year_end(m: Match, ctx: Context) -> Reading | None:
    if ctx.published is None:
        return "DATE", "XXXX"
    unit = (m["period"] or "year").lower()
    if unit == "month":
        return "DATE", month_value(ctx.published.year, ctx.published.month)
    if unit == "week":
        return "DATE", week_value(ctx.published)
    late_report = ctx.tense == "past" and ctx.published.month <= 3
    return "DATE", str(ctx.published.year - late_report)


def deictic_day(m: Match, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["day"].lower())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    part = m["part"] or m["part_before"] or ("night" if word == "tonight" else None)
    if ctx.published is None:
        return "DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX"
    value = day_value(ctx.published + dt.timedelta(days=offset))
    if part:
        return "TIME", value + PARTS[part.lower().replace(" ", "")]
    return "DATE", value


def part_of_today(m: Match, ctx: Context) -> Reading | None:
    if ctx.published is None:
        return "TIME", "XXXX-XX-XX"
    if m["overnight"]:
        return "TIME", day_value(ctx.published - dt.timedelta(days=1)) + "TNI"
    shift, part = m["shift"].lower(), m["part"].lower()
    offset = {"this": 0, "last": -1, "tomorrow": 1}[shift]
    if shift == "last" and part != "night":
        return None  # "last morning" is not said; "last evening" is rare and odd
    return "TIME", day_value(ctx.published + dt.timedelta(days=offset)) + PARTS[part]


def weekday(m: Match, ctx: Context) -> Reading | None:
    number = WEEKDAYS[m["weekday"].lower()]
    part = PARTS.get((m["part"] or "").lower(), "")
    if m["plural"] or m["parts"]:
        return "SET", f"XXXX-WXX-{number + 1}{part}"
    if ctx.published is None:
        return "DATE", f"XXXX-WXX-{number + 1}"
    day = _weekday_day(m, ctx, number)
    return ("TIME", day_value(day) + part) if part else ("DATE", day_value(day))


def _weekday_day(m: Match, ctx: Context, number: int) -> dt.date:
    assert ctx.published is not None
    shift = re.sub(r"\s+", " ", (m["shift"] or "").lower())
    if shift in ("the previous", "the following", "the next"):
        anchor = reference_day(ctx) or ctx.published
        direction = "last" if shift == "the previous" else "next"
        return shifted_weekday(anchor, number, direction)
    if shift in ("last", "this past", "past"):
        return shifted_weekday(ctx.published, number, "last")
    if shift in ("next", "this coming", "coming"):
        return shifted_weekday(ctx.published, number, "next")
    if shift == "this":
        return shifted_weekday(ctx.published, number, "this")
    tense = ctx.tense
    if re.search(r"\bas\s+(?:soon|early)\s+as\s*$", ctx.text_before, re.I):
        tense = "future"
    return weekday_date(ctx.published, number, tense)


def holiday_date(m: Match, ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", m["holiday"].lower())
    name = {"thanksgiving day": "thanksgiving", "easter sunday": "easter",
            "new year's": "new year's day"}.get(name, name)
    if m["year"]:
        day = holiday(name, int(m["year"]))
    elif ctx.published is None:
        return None
    else:
        day = _nearest_holiday(name, ctx, (m["shift"] or "").lower())
    if day is None:
        return None
    return "DATE", week_value(day) if m["week"] else day_value(day)


def _nearest_holiday(name: str, ctx: Context, shift: str) -> dt.date | None:
    assert ctx.published is not None
    now = ctx.published
    this = holiday(name, now.year)
    if this is None:
        return None
    if shift == "this":
        return this
    tense = {"last": "past", "next": "future"}.get(shift, _date_tense(ctx))
    return holiday(name, year_for_month(now, this.month, tense, this.day))


def clock(m: Match, ctx: Context) -> Reading | None:
    hour_minute = _clock_value(m["clock"].lower())
    if hour_minute is None:
        return None
    return "TIME", f"{_clock_day(m, ctx)}T{hour_minute}"


def _clock_value(words: str) -> str | None:
    if words in ("noon", "midday"):
        return "12:00"
    if words == "midnight":
        return "24:00"
    found = re.match(r"(\d{1,2})(?::(\d\d))?", words)
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    afternoon = re.search(r"p\.?m|afternoon|evening", words) is not None
    morning = re.search(r"a\.?m|morning", words) is not None
    if afternoon and hour < 12:
        hour += 12
    elif morning and hour == 12:
        hour = 0
    if hour > 24:
        return None
    return f"{hour:02d}:{minute:02d}"


def _clock_day(m: Match, ctx: Context) -> str:
    said = (m["day"] or "").lower()
    if ctx.published is None:
        return "XXXX-XX-XX"
    if m["month"]:
        number = month_number(m["month"])
        day = int(re.match(r"\d+", m["monthday"]).group())  # type: ignore[union-attr]
        year = year_for_month(ctx.published, number, _date_tense(ctx), day)
        found = _date(year, number, day)
        return found[1] if found else day_value(ctx.published)
    if said in WEEKDAYS:
        return day_value(weekday_date(ctx.published, WEEKDAYS[said], ctx.tense))
    offset = {"yesterday": -1, "tomorrow": 1}.get(said, 0)
    if not said:
        anchor = reference_day(ctx)
        if anchor and abs((anchor - ctx.published).days) <= 7:
            return day_value(anchor)
    return day_value(ctx.published + dt.timedelta(days=offset))


# --------------------------------------------------------------------------- helpers


def _explicit_year(m: Match, ctx: Context) -> int | None:
    if m["year"]:
        return int(m["year"])
    short = m.groupdict().get("short")
    if short:
        two = int(short[1:])
        century = (ctx.published.year // 100 * 100) if ctx.published else 1900
        year = century + two
        return year - 100 if ctx.published and year > ctx.published.year + 10 else year
    return None


def _shifted_year(published: dt.date | None, shift: str) -> int | None:
    if published is None:
        return None
    return published.year + {"this": 0, "last": -1, "next": 1}[shift.lower()]


def _date(year: int | None, month: int, day: int) -> Reading | None:
    if year is None:
        return ("DATE", f"XXXX-{month:02d}-{day:02d}") if 1 <= day <= 31 else None
    try:
        return "DATE", dt.date(year, month, day).isoformat()
    except ValueError:
        return None


READINGS: dict[str, Callable[[Match, Context], Reading | None]] = SPAN_READINGS | {
    "month_day": month_day, "day_month": month_day, "numeric_date": numeric_date,
    "month_year": month_year, "month": month, "year": year, "spelled_year": spelled,
    "season_year": season_year, "decade": decade, "century": century, "quarter": quarter,
    "quarter_code": quarter_code, "half": half, "two_quarters": two_quarters,
    "period": period, "quarter_shift": quarter_shift,
    "year_ago_adjective": year_ago_adjective, "shifted_period": shifted_period,
    "anaphoric": anaphoric, "the_weekend": the_weekend, "season": season,
    "the_year": the_year, "year_end": year_end, "deictic_day": deictic_day,
    "part_of_today": part_of_today, "weekday": weekday, "holiday": holiday_date,
    "clock": clock,
}
