"""Find and normalise publication dates written the ways outlets write them.

Accepted: 19.03.2024, 19/03/2024, 2024-03-19, ISO 8601 with time and zone,
RFC 822 ("Tue, 19 Mar 2024 10:00:00 +0000"), "March 26, 2024", "26 March 2024",
"Mar. 26, 2024", "26 Mar 2024". The date is kept as the outlet wrote it: a time zone
never moves it to another day.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # Portuguese, Spanish, French, German, Italian and Dutch abbreviations that differ
    # from English ("Seg, 24 Set 2018" in a Brazilian feed)
    "ene": 1, "gen": 1, "fev": 2, "fév": 2, "mrz": 3, "mär": 3, "mrt": 3, "abr": 4,
    "avr": 4, "mai": 5, "mei": 5, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "aoû": 8,
    "set": 9, "out": 10, "okt": 10, "ott": 10, "dez": 12, "dic": 12, "déc": 12,
}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
          r"(?:ene|gen|fev|fév|mrz|mär|mrt|abr|avr|mai|mei|mag|giu|lug|ago|aoû|set|out|okt|"
          r"ott|dez|dic|déc)[^\W\d_]*)\.?")
_YEAR = r"(?P<year>(?:19|20)\d\d)"

DATE_PATTERNS = [
    # 2024-03-19 or 2024/03/19, optionally followed by a time (ISO 8601)
    re.compile(rf"\b{_YEAR}[-/.](?P<mnum>\d\d?)[-/.](?P<day>\d\d?)(?![\d])"),
    # 19.03.2024 (dots and dashes: day first everywhere they are used)
    re.compile(rf"\b(?P<day>\d\d?)[.-](?P<mnum>\d\d?)[.-]{_YEAR}\b"),
    # 03/19/2024 or 19/03/2024 (slashes: resolved by value, then by setting)
    re.compile(rf"\b(?P<a>\d\d?)/(?P<b>\d\d?)/{_YEAR}\b"),
    # March 26, 2024 / Mar. 26 2024
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d\d?)(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
    # 26 March 2024 / Tue, 26 Mar 2024
    re.compile(rf"\b(?P<day>\d\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
]


@dataclass(frozen=True)
class DateMatch:
    value: str  # YYYY-MM-DD
    start: int
    end: int


def find_dates(text: str, dayfirst_slash: bool = False) -> list[DateMatch]:
    """Every calendar date written in `text`, in order of position, overlaps removed."""
    found: list[DateMatch] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _to_iso(match.groupdict(), dayfirst_slash)
            if value and not any(_overlaps(match, m) for m in found):
                found.append(DateMatch(value, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def parse_date(text: str | None, dayfirst_slash: bool = False) -> str | None:
    """The first date in `text` as YYYY-MM-DD, or None. Tries RFC 822 first."""
    if not text:
        return None
    rfc = _parse_rfc822(text)
    if rfc:
        return rfc
    dates = find_dates(text, dayfirst_slash)
    return dates[0].value if dates else None


def _parse_rfc822(text: str) -> str | None:
    if not re.match(r"^\s*(?:[A-Za-z]{3},\s*)?\d\d?\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError):
        return None
    return parsed.date().isoformat()


def _overlaps(match: re.Match[str], other: DateMatch) -> bool:
    return match.start() < other.end and other.start < match.end()


def _to_iso(groups: dict[str, str | None], dayfirst_slash: bool) -> str | None:
    year = int(groups["year"] or 0)
    month_name = groups.get("month")
    if month_name:
        month = MONTHS[month_name[:3].lower()]
        day = int(groups["day"] or 0)
    elif groups.get("a"):
        month, day = _slash_order(int(groups["a"] or 0), int(groups["b"] or 0), dayfirst_slash)
    else:
        month, day = int(groups["mnum"] or 0), int(groups["day"] or 0)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _slash_order(a: int, b: int, dayfirst: bool) -> tuple[int, int]:
    """(month, day) for a/b/yyyy: a value over 12 decides, else the setting does."""
    if a > 12:
        return b, a
    if b > 12:
        return a, b
    return (b, a) if dayfirst else (a, b)
