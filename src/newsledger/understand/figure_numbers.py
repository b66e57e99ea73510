"""Numbers as news writes them: digits, words, scales, fractions and vague plurals.

`find_numbers(text)` gives every number expression with its character span and value,
before any decision on what it counts: "31,800", "1.4 million", "$4.2b", "35m",
"twenty-eight thousand six hundred forty-two", "a third", "half", "dozens" (a range,
as CQE's annotators read "thousands" and "tens of thousands"). Calendar dates, clock
times and ordinals are found here too (flagged), so that the stage can drop them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Value = float | tuple[float, float]

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Abbreviated scales glued to digits ("35m", "$4.2bn", "25k", "RM3.06mil").
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9,
                "bln": 1e9, "tn": 1e12, "trn": 1e12}
# "hundreds of", "thousands": one to ten of the scale, as the NewsQuant annotators read them.
VAGUE = {"dozens": (24.0, 144.0), "scores": (40.0, 200.0), "hundreds": (1e2, 1e3),
         "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10)}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
             "quarters": 0.25, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
             "tenth": 0.1, "tenths": 0.1}
ORDINAL_WORDS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                 "twelfth|twentieth|hundredth|thousandth|millionth")

_NUMBER_WORD = "|".join(sorted([*ONES, *TENS], key=len, reverse=True))
_SCALE_WORD = "hundred|thousand|million|billion|trillion"
_WORD_PART = rf"(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?|{_SCALE_WORD}"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

NUMBER_RE = re.compile(
    rf"""(?P<slash>(?<![\d/.,])[1-9]/(?:2|3|4|5|8|10)(?![\d/]))
       |(?P<digits>(?<![\d.,])(?:{_DIGITS}))
           (?:(?P<glued>k|m|mn|mln|mil|b|bn|bln|tn|trn)\b
              |\s?(?P<bigscale>(?:{_SCALE_WORD})\b(?:[\s-]+(?:{_SCALE_WORD})\b)*))?
       |(?P<halfscale>\bhalf\s+an?\s+(?:{_SCALE_WORD}|dozen)\b)
       |(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)
                     |dozens|hundreds|thousands|millions|billions)\b)
       |(?P<fraction>\b(?:(?:a|an|one|two|three|four|nine)[\s-]+)?
                      (?:half|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b)
       |(?P<fold>\b(?:{_NUMBER_WORD})fold\b)
       |(?P<words>\b(?:an?\s+(?={_SCALE_WORD}|dozen))?(?:{_WORD_PART}|dozen)
                  (?:(?:\s+and\s+|[\s-]+)(?:{_WORD_PART}|dozen))*\b)""",
    re.X | re.I)

# Things that look like numbers but are not quantities.
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?,?\s+$", re.I)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?(?:\s+of)?,?\s+{_MONTH}\b", re.I)
_CLOCK_AFTER = re.compile(r"^(?::\d\d|\.\d\d\s?[ap]\.?m\b|\s?[ap]\.?m\.?(?![a-z])|\s?pm\b|"
                          r"\s?(?:GMT|UTC|EDT|EST|CDT|CST|PDT|PST|BST|CET)\b|\s?o'clock)",
                          re.I)
_CLOCK_BEFORE = re.compile(r"\d:$")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_DECADE_AFTER = re.compile(r"^'?s\b")


@dataclass(frozen=True)
class Number:
    """A number as written: span, value, and what kind of writing it is."""

    start: int
    end: int
    value: Value
    kind: str  # digits, words, fraction, vague, fold
    scale: float  # the scale word or suffix that was part of it ("1.4 million": 1e6), else 1
    calendar: bool  # a date, a clock time, an ordinal or a decade, not a quantity


def find_numbers(text: str) -> list[Number]:
    found = []
    for match in NUMBER_RE.finditer(text):
        number = _read(match, text)
        if number is not None:
            found.append(number)
    return found


def _read(match: re.Match[str], text: str) -> Number | None:
    start, end = match.span()
    if match["slash"]:
        numerator, denominator = match["slash"].split("/")
        return Number(start, end, int(numerator) / int(denominator), "fraction", 1.0, False)
    if match["digits"]:
        written = match["glued"] or match["bigscale"]
        scale = _scale_value(written) if written else 1.0
        value = float(match["digits"].replace(",", "")) * scale
        return Number(start, end, value, "digits", scale,
                      _calendar(text, start, match.end("digits"), match["digits"], bool(written)))
    if match["fold"]:  # "sixfold": six times
        word = match["fold"][:-4].lower()
        return Number(start, end, float(ONES.get(word) or TENS[word]), "fold", 1.0, False)
    if match["halfscale"]:  # "half a million"
        word = match["halfscale"].split()[-1].lower()
        return Number(start, end, 0.5 * SCALES.get(word, 12.0), "words", SCALES.get(word, 1.0),
                      False)
    if match["vague"]:
        return Number(start, end, _vague_value(match["vague"]), "vague", 1.0, False)
    if match["fraction"]:
        return _fraction(match, text)
    words = match["words"]
    counted = words_value(words)
    if counted is None:
        return None
    if re.search(_SCALE_WORD, words, re.I) is None and _ORDINAL_AFTER.match(text[end:]):
        return None
    scales = [SCALES[w] for w in re.split(r"[\s-]+", words.lower()) if w in SCALES]
    return Number(start, end, counted, "words", scales[-1] if scales else 1.0, False)


def _scale_value(scale: str) -> float:
    scale = scale.lower()
    if scale in SHORT_SCALES:
        return SHORT_SCALES[scale]
    value = 1.0
    for word in re.split(r"[\s-]+", scale):
        value *= SCALES[word]
    return value


def _vague_value(words: str) -> tuple[float, float]:
    parts = words.lower().split()
    if len(parts) == 3:  # "tens of thousands": ten to a hundred thousand
        low = {"tens": 10.0, "hundreds": 100.0}[parts[0]] * VAGUE[parts[2]][0]
        return (low, low * 10)
    return VAGUE[parts[0]]


def _fraction(match: re.Match[str], text: str) -> Number | None:
    words = re.split(r"[\s-]+", match["fraction"].lower())
    share = FRACTIONS[words[-1]]
    count = 1.0 if len(words) == 1 or words[0] in ("a", "an", "one") else float(ONES[words[0]])
    if len(words) == 1 and words[0] in ("third", "fourth", "fifth", "tenth", "quarter", "thirds",
                                        "fourths", "fifths", "tenths", "quarters"):
        return None  # "the third", "fourth quarter": ordinals or periods, not shares
    if count > 1 and words[-1] in ("third", "fourth", "fifth", "tenth", "quarter"):
        return None
    return Number(match.start(), match.end(), count * share, "fraction", 1.0, False)


def words_value(words: str) -> float | None:
    """ "twenty-eight thousand six hundred forty-two" -> 28642; "a dozen" -> 12."""
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and",):
            continue
        if word in ("a", "an"):
            current, seen = 1.0, True
        elif word in ONES or word in TENS:
            current += ONES.get(word, 0) + TENS.get(word, 0)
            seen = True
        elif word == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif word == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def _calendar(text: str, start: int, end: int, digits: str, scaled: bool) -> bool:
    """A day of the month, a clock time, an ordinal, a decade or a year."""
    before, after = text[max(0, start - 16):start], text[end:end + 16]
    if scaled:
        return False
    if _ORDINAL_AFTER.match(after) or _DECADE_AFTER.match(after):
        return True
    if _CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(before):
        return True
    day = digits.isdigit() and 1 <= int(digits) <= 31
    if day and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return True
    return looks_like_year(digits) and bool(_MONTH_BEFORE.search(before))


def looks_like_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100
