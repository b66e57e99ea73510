"""Amounts: numbers with their currency or unit, ranges, qualifiers and sign, from the text.

`find_amounts(text)` turns the numbers of `figure_numbers` into amounts as a reader
takes them: "$1.3 million" (dollar), "85%" (percent), "between 20 and 30" and "20-30"
(a range), "four to five thousand" (a range sharing its scale), "more than 31,800"
(qualifier more_than), "-1.3%" (negative). It drops what only looks like an amount:
dates, clock times, ordinals, phone numbers, street addresses, scores ("2-1"),
identifiers glued to letters ("S23", "V-6", "TA-35"). What needs the parse (years,
names followed by a number) is left to the stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .figure_numbers import Number, Value, find_numbers, looks_like_year
from .figure_units import currency_before, rate_after, unit_after


@dataclass(frozen=True)
class Amount:
    start: int  # from the qualifier-free start: currency sign or first digit
    end: int  # through the unit, when one is written
    number_end: int  # end of the (last) number itself
    value: Value
    unit: str | None
    qualifier: str
    kind: str  # digits, words, fraction, vague
    year_like: bool  # four digits that could be a year ("2019"); the stage decides


QUALIFIERS_BEFORE = [
    ("more_than", r"more than|over|above|upwards of|in excess of|exceeding|greater than|"
                  r"higher than|north of|just over|well over|well above|just above"),
    ("at_least", r"at least|no fewer than|no less than|not less than|a minimum of|minimum of"),
    ("nearly", r"nearly|almost|close to|just under|just shy of|just below|nigh on"),
    ("about", r"about|around|roughly|approximately|approx\.?|some|an estimated|estimated|"
              r"circa|ca\.|~"),
    ("less_than", r"less than|fewer than|under|below|lower than|sub-|shy of"),
    ("up_to", r"up to|as many as|as much as|at most|no more than|a maximum of|maximum of|"
              r"as high as|as low as|as little as|as few as"),
]
_QUALIFIER_BEFORE_RE = [(name, re.compile(rf"(?:^|(?<=[^\w]))(?:{pattern})\s*$", re.I))
                        for name, pattern in QUALIFIERS_BEFORE]
_QUALIFIER_AFTER_RE = [("at_least", re.compile(r"^\s*or (?:more|above|higher|over)\b", re.I)),
                       ("more_than", re.compile(r"^(?:\s?-?plus\b|\+)", re.I)),
                       ("about", re.compile(r"^(?:\s*or so\b|-odd\b)", re.I))]

_SLASHED_RE = re.compile(r"(?<![\d/])\d+/\d+(?:/\d+)?(?![\d/])")  # "24/7", "9/11", "3/4/2019"
_PHONE_RE = re.compile(r"(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.]\d{4}\b|\b1-800-\S+")
_ADDRESS_AFTER_RE = re.compile(
    r"^\s(?:block\b|(?:[NSEW]\.?\s|North\s|South\s|East\s|West\s)?(?:[A-Z][\w.'-]*\s){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Highway|Hwy|Court|Ct|"
    r"Place|Pl|Parkway|Pkwy|Circle|Terrace|Trail|Pike)\b)")
# "20-30", "20 - 30", "20 to 30"; not "50 -1.3%", where the dash is a sign.
_RANGE_JOIN_RE = re.compile(r"^(?:[-–—]|\s[-–—]\s|\s?(?:-to-|to|through)\s?)$", re.I)
_GLUED_LETTERS_BEFORE_RE = re.compile(r"[A-Za-z][-‐]?$")
_WORD_THEN_HYPHEN_RE = re.compile(r"\b(?:sub|under|over|minus|mid|to|and|or|from|by)-$", re.I)
_HYPHENATED_WORD_RE = re.compile(r"^-[A-Za-z]")
_SIGN_BEFORE_RE = re.compile(r"(?:(?<=^)|(?<=[\s(]))(?P<sign>[-−–+]|minus[\s-])$", re.I)
_ERA_RE = re.compile(r"^\s?(?:A\.?D\.?|B\.?C\.?E?\.?)(?!\w)|(?:A\.?D\.?|B\.?C\.?)\s$")


def find_amounts(text: str) -> list[Amount]:
    blocked = _blocked_spans(text)
    amounts: list[Amount] = []
    numbers = find_numbers(text)
    skip_next = False
    for index, number in enumerate(numbers):
        if skip_next or (amounts and number.start < amounts[-1].end):
            skip_next = False  # the second end of a range, or a word of a unit ("per million")
            continue
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        if number.calendar or _inside(number, blocked) and number.kind != "fraction":
            skip_next = following is not None and _joined(text, number.end, following.start)
            continue
        amount = _amount(text, number)
        if amount is None:
            continue
        pair = _range(text, amount, following)
        if pair == "skip":
            skip_next = True
            continue
        if isinstance(pair, Amount):
            amount, skip_next = pair, True
        amounts.append(_qualified(text, amount))
    return amounts


def _amount(text: str, number: Number) -> Amount | None:
    start, end = number.start, number.end
    unit = None
    currency = currency_before(text, start) if number.kind == "digits" else None
    if currency:
        start, unit = currency
    elif number.kind == "digits" and _GLUED_LETTERS_BEFORE_RE.search(text[max(0, start - 2):start]):
        if not _WORD_THEN_HYPHEN_RE.search(text[max(0, start - 7):start]):
            return None  # "S23", "V-6", "Covid-19": part of a name
    if number.kind in ("words", "fold") and _HYPHENATED_WORD_RE.match(text[end:end + 20]) \
            and unit_after(text, end) is None:
        return None  # "four-door", "six-speed": a kind of thing, not a count
    if number.kind == "digits" and _unknown_suffix(text, number.end):
        return None  # "5G", "3D", "A1": a model or a name
    value = number.value
    sign = _SIGN_BEFORE_RE.search(text[max(0, start - 6):start]) \
        if number.kind == "digits" else None
    if sign:  # "-1.3%", "+0.4%", "minus 260 degrees": the sign is part of the amount
        start -= len(sign["sign"])
        if sign["sign"] != "+" and isinstance(value, float):
            value = -value
    after = unit_after(text, end) if unit is None else None
    if after:
        end, unit = after
    elif unit is not None and (rate := rate_after(text, end)):
        end, unit = rate[0], f"{unit} per {rate[1]}"
    if _ERA_RE.search(text[number.end:number.end + 5]) \
            or _ERA_RE.search(text[max(0, start - 5):start]):
        return None  # "A.D. 1000"
    digits = text[number.start:number.end]
    return Amount(start, end, number.end, value, unit, "exact", number.kind,
                  looks_like_year(digits) and unit is None)


def _unknown_suffix(text: str, end: int) -> bool:
    """Letters glued to the digits that are no unit: "5G", "3D", "747s"."""
    glued = re.match(r"[A-Za-z]+", text[end:end + 12])
    return glued is not None and unit_after(text, end) is None


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Phone numbers, street addresses, "24/7" and slashed dates: digits that count
    nothing (a fraction such as "1/2" is read before this)."""
    spans = [m.span() for m in _PHONE_RE.finditer(text)]
    spans += [m.span() for m in _SLASHED_RE.finditer(text)]
    for match in re.finditer(r"\b\d{2,6}\b", text):
        if _ADDRESS_AFTER_RE.match(text[match.end():match.end() + 60]):
            spans.append(match.span())
    return spans


def _inside(number: Number, spans: list[tuple[int, int]]) -> bool:
    return any(start <= number.start < end for start, end in spans)


def _joined(text: str, end: int, start: int) -> bool:
    return _RANGE_JOIN_RE.match(text[end:start]) is not None


def _range(text: str, first: Amount, following: Number | None) -> Amount | str | None:
    """The range this amount opens; "skip" for a score ("2-1") or an age bracket
    ("aged 18 to 34"), which count nothing; else None."""
    if following is None or following.calendar or first.kind == "vague":
        return None
    second = _amount(text, following)
    if second is None or not isinstance(second.value, float) or not isinstance(first.value, float):
        return None
    if first.year_like and following.scale > 1 or first.kind == "fold":
        return None  # "in 2018 to 3.9 million", "sixfold to $3.7 billion"
    if text[second.start].isdigit() is not text[first.start].isdigit() and second.unit \
            and first.unit is None:
        return None  # "8 or $9": a currency on one end only
    between = text[first.end:second.start]
    before = text[max(0, first.start - 9):first.start].lower()
    if re.search(r"\baged?\s*$", before) and _RANGE_JOIN_RE.match(between):
        return "skip"  # "men aged 18 to 34" says who is counted
    low, high = _shared_scale(first.value, second.value, following.scale)
    if re.search(r"\bbetween\s*$", before) and re.match(r"^\s*and\s*$", between):
        return _joined_amount(first, second, (low, high))
    if re.search(r"\bfrom\s*$", before) and re.match(r"^\s*(?:[a-z]+\s+)?(?:up )?to\s*$",
                                                    between):
        return _joined_amount(first, second, (low, high))
    if re.search(r"\bto\s*$", before) and re.match(r"^\s*(?:[a-z]+\s+)?from\s*$", between):
        return _joined_amount(first, second, (high, low))  # "to 138,285 from 212,577"
    if not _RANGE_JOIN_RE.match(between):
        return None
    if between.strip() == "-" and low >= high and not first.unit:
        return "skip"  # "won 2-1", "drew 2-2"
    same_unit = first.unit is None or (second.unit or "").startswith(first.unit)
    if low < high and same_unit:
        return _joined_amount(first, second, (low, high))
    return None


def _shared_scale(low: float, high: float, scale: float) -> tuple[float, float]:
    """ "four to five thousand", "$10 to $15 billion": the first end takes the second's
    scale when it is written once, at the end."""
    if scale > 1 and low * scale <= high:
        low *= scale
    return low, high


def _joined_amount(first: Amount, second: Amount, value: tuple[float, float]) -> Amount:
    return replace(first, end=second.end, number_end=second.number_end, value=value,
                   unit=second.unit or first.unit, year_like=first.year_like and second.year_like)


def _qualified(text: str, amount: Amount) -> Amount:
    before = text[max(0, amount.start - 24):amount.start]
    found = [(match.start(), name) for name, pattern in _QUALIFIER_BEFORE_RE
             if (match := pattern.search(before))]
    if found:  # the longest wins: "no more than" over "more than"
        first, name = min(found)
        return replace(amount, start=amount.start - (len(before) - first), qualifier=name)
    after = text[amount.end:amount.end + 16]
    for name, pattern in _QUALIFIER_AFTER_RE:
        match = pattern.match(after)
        if match:
            return replace(amount, end=amount.end + match.end(), qualifier=name)
    return amount
