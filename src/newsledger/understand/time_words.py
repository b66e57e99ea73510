"""Words of the `times` grammar: month, weekday and unit names, numbers written out.

Regular-expression fragments are built here once so the grammar reads as phrases.
"""

from __future__ import annotations

import re

MONTHS = {name: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1)
    for name in names}
WEEKDAYS = {name: i for i, names in enumerate(
    (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
     ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
     ("sunday", "sun"))) for name in names}

# TIMEX3 unit letters; decades and centuries are written in years, as TempEval's gold is.
UNIT_LETTERS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D",
                "week": "W", "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q",
                "year": "Y", "decade": "Y", "century": "Y", "millennium": "Y"}
UNIT_SCALE = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}
VAGUE_UNIT = {"decade": "DE", "century": "CE", "millennium": "ML"}
CLOCK_UNITS = {"second", "minute", "hour"}

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
NUMBER_WORDS = {word: n for n, word in enumerate(ONES)} | {
    word: 10 * n for n, word in enumerate(TENS) if word} | {"a": 1, "an": 1, "a couple of": 2,
                                                           "couple of": 2, "a dozen": 12,
                                                           "dozen": 12, "half a": 0.5,
                                                           "half an": 0.5}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "dozens of",
                 "hundreds of", "a couple", "the", "countless", "numerous")


def alternation(words: object) -> str:
    """A regex alternation of the words, longest first so the longest one matches."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_SMALL = alternation(ONES[1:] + TENS[2:])
_UNIT_WORD = rf"(?:{alternation(t for t in TENS if t)})(?:[-\s](?:{alternation(ONES[1:10])}))?"
NUMBER_WORD = rf"(?:{_UNIT_WORD}|{_SMALL})(?:\s+(?:hundred|thousand))?"
DIGITS = r"\d+(?:\.\d+)?(?:\s+\d/\d)?"
QUANTITY = (rf"(?:{DIGITS}|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|an?(?:\s+and\s+a\s+half)?|"
            rf"half\s+an?|(?:a\s+)?couple\s+of|a\s+dozen|a\s+(?:hundred|thousand)|"
            rf"{alternation(VAGUE_NUMBERS[:-3])})")
ORDINAL = (rf"(?:\d+(?:st|nd|rd|th)|{alternation(ORDINALS[1:])}|"
           rf"(?:{alternation(t for t in TENS if t)})-?(?:{alternation(ORDINALS[1:10])}))")
UNIT = (r"(?:(?:trading|business|working|calendar|school)\s+)?"
        r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
        r"quarters?|years?|decades?|century|centuries|millenni(?:um|a))")


def number_value(phrase: str) -> float | None:
    """"twenty four" -> 24, "2 1/2" -> 2.5, "a couple of" -> 2; None for vague
    amounts ("several", "a few")."""
    words = re.sub(r"[\s\-]+", " ", phrase.strip().lower())
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    half = words.endswith(" and a half")
    words = words.removesuffix(" and a half")
    if re.fullmatch(r"\d+(?:\.\d+)?(?: \d/\d)?", words):
        whole, _, fraction = words.partition(" ")
        value = float(whole)
        if fraction:
            top, bottom = fraction.split("/")
            value += int(top) / int(bottom)
        return value + 0.5 * half
    total, current = 0.0, 0.0
    for word in words.split():
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        else:
            return None
    return total + current + 0.5 * half if (total or current) else None


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", word)
    if digits:
        return int(digits.group(1))
    if word in ORDINALS:
        return ORDINALS.index(word)
    parts = re.match(rf"({'|'.join(t for t in TENS if t)})-?(\w+)$", word)
    if parts and parts.group(2) in ORDINALS[1:10]:
        return TENS.index(parts.group(1)) * 10 + ORDINALS.index(parts.group(2))
    return None


def spelled_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand and one"."""
    words = re.sub(r"[\s\-]+", " ", words.lower()).replace(" and ", " ")
    head, _, rest = words.partition(" ")
    if head in ("nineteen", "eighteen", "twenty") and not rest.startswith("thousand"):
        tail = number_value(rest.replace("oh ", "")) if rest else None
        if tail is None or tail >= 100:
            return None
        return ONES.index(head) * 100 + int(tail) if head != "twenty" else 2000 + int(tail)
    value = number_value(words)
    return int(value) if value and value >= 1000 else None
