"""Units around a number: currency before it, a unit or a rate after it.

`currency_before(text, start)` reads "$", "US$", "HK $", "€", "£", "RM", "EUR" ... just
before a number; `unit_after(text, end)` reads "%", "per cent", "km", "sq m", "mph",
"barrels a day", "year-old", "Australian dollars", "times" ... just after it, with a
rate ("a month", "per share") when one follows. Units come out under one name each
("percent", "dollar", "kilometre"), close to the names CQE's annotators normalise to.
"""

from __future__ import annotations

import re

# Symbols and codes written before the amount, with an optional country letter.
CURRENCY_PREFIXES = {
    "$": "dollar", "us$": "dollar", "$us": "dollar", "us $": "dollar", "usd": "dollar",
    "a$": "australian dollar", "au$": "australian dollar", "a $": "australian dollar",
    "au $": "australian dollar", "aud": "australian dollar", "$a": "australian dollar",
    "c$": "canadian dollar", "c $": "canadian dollar", "cad": "canadian dollar",
    "ca$": "canadian dollar",
    "hk$": "hong kong dollar", "hk $": "hong kong dollar", "hkd": "hong kong dollar",
    "nz$": "new zealand dollar", "nz $": "new zealand dollar", "nzd": "new zealand dollar",
    "s$": "singapore dollar", "s $": "singapore dollar", "sgd": "singapore dollar",
    "€": "euro", "eur": "euro", "£": "pound sterling", "gbp": "pound sterling",
    "ps": "pound sterling", "¥": "japanese yen", "y=": "japanese yen", "jpy": "japanese yen",
    "rm": "malaysian ringgit", "myr": "malaysian ringgit", "inr": "indian rupee",
    "rs": "indian rupee", "rs.": "indian rupee", "cny": "chinese yuan", "rmb": "chinese yuan",
    "chf": "swiss franc", "nis": "shekel", "r": "south african rand", "zar": "south african rand",
}
_PREFIX_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:US|AU|A|C|CA|HK|NZ|S)\s?\$|\$\s?(?:US|A)?|[€£¥]|"
    r"(?<![A-Za-z])(?:USD|AUD|CAD|HKD|NZD|SGD|EUR|GBP|JPY|CNY|RMB|CHF|NIS|INR|MYR|ZAR|RM|Rs\.?|PS|"
    r"Y=))\s?$")

# Units written after the amount: surface form (lower case) -> unit name.
UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "bps": "basis point",
    "dollars": "dollar", "dollar": "dollar", "euros": "euro", "euro": "euro",
    "pounds sterling": "pound sterling", "sterling": "pound sterling",
    "yen": "japanese yen", "yuan": "chinese yuan", "chinese yuan": "chinese yuan",
    "renminbi": "chinese yuan", "shekels": "shekel", "shekel": "shekel",
    "new israeli shekels": "shekel", "rupees": "indian rupee", "ringgit": "malaysian ringgit",
    "australian dollars": "australian dollar", "canadian dollars": "canadian dollar",
    "new zealand dollars": "new zealand dollar", "hong kong dollars": "hong kong dollar",
    "us dollars": "dollar", "u.s. dollars": "dollar", "francs": "swiss franc",
    "won": "south korean won", "rand": "south african rand", "cents": "cent", "cent": "cent",
    "pence": "pence",
    "km": "kilometre", "kilometres": "kilometre", "kilometers": "kilometre",
    "kilometre": "kilometre", "kilometer": "kilometre", "metres": "metre",
    "meters": "metre", "metre": "metre", "meter": "metre", "cm": "centimetre",
    "centimetres": "centimetre", "centimeters": "centimetre", "mm": "millimetre",
    "millimetres": "millimetre", "millimeters": "millimetre", "μm": "micrometre",
    "µm": "micrometre", "micrometres": "micrometre", "miles": "mile",
    "mile": "mile", "feet": "foot", "foot": "foot", "ft": "foot",
    "yards": "yard", "yard": "yard", "yd": "yard", "inches": "inch", "inch": "inch",
    '"': "inch",
    "sq m": "square metre", "sqm": "square metre", "square metres": "square metre",
    "square meters": "square metre", "m2": "square metre", "m²": "square metre",
    "sq ft": "square foot", "square feet": "square foot", "sq km": "square kilometre",
    "km2": "square kilometre", "km²": "square kilometre", "square kilometres": "square kilometre",
    "square kilometers": "square kilometre", "square miles": "square mile", "sq mi": "square mile",
    "hectares": "hectare", "hectare": "hectare", "acres": "acre", "acre": "acre",
    "litres": "litre", "liters": "litre", "litre": "litre", "liter": "litre",
    "ml": "millilitre", "millilitres": "millilitre", "milliliters": "millilitre",
    "gallons": "gallon", "gallon": "gallon", "barrels": "barrel", "barrel": "barrel",
    "cubic metres": "cubic metre", "cubic meters": "cubic metre",
    "kg": "kilogram", "kilograms": "kilogram", "kilogrammes": "kilogram", "kilos": "kilogram",
    "grams": "gram", "grammes": "gram", "mg": "milligram", "milligrams": "milligram",
    "lb": "pound-mass", "lbs": "pound-mass", "pounds": "pound-mass", "pound": "pound-mass",
    "ounces": "ounce", "oz": "ounce", "tons": "ton", "ton": "ton", "tonnes": "metric ton",
    "tonne": "metric ton",
    "metric tons": "metric ton", "gigatonnes": "gigaton", "gigatons": "gigaton",
    "mph": "mile per hour", "m.p.h.": "mile per hour", "miles per hour": "mile per hour",
    "miles an hour": "mile per hour", "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "kmh": "kilometre per hour", "kilometres per hour": "kilometre per hour",
    "kilometers per hour": "kilometre per hour", "knots": "knot", "kt": "knot",
    "m/s": "metre per second", "metres per second": "metre per second",
    "meters per second": "metre per second", "rpm": "revolutions per minute",
    "bpd": "barrel per day", "barrels a day": "barrel per day", "barrels per day": "barrel per day",
    "mpg": "mile per gallon", "knot": "knot",
    "years": "year", "year": "year", "yrs": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day", "hours": "hour",
    "hour": "hour", "hrs": "hour", "minutes": "minute", "minute": "minute", "mins": "minute",
    "seconds": "second", "second": "second", "secs": "second", "decades": "decade",
    "decade": "decade", "centuries": "century", "century": "century",
    "years old": "year of age", "year old": "year of age", "year-old": "year of age",
    "years of age": "year of age", "-year-old": "year of age",
    "degrees celsius": "celsius", "degrees fahrenheit": "fahrenheit", "°c": "celsius",
    "°f": "fahrenheit", "degf": "fahrenheit", "degc": "celsius", "deg c": "celsius",
    "deg f": "fahrenheit", "degrees c": "celsius", "degrees f": "fahrenheit",
    "celsius": "celsius", "fahrenheit": "fahrenheit",
    "degrees": "degree", "degree": "degree", "°": "degree", "deg": "degree",
    "gb": "gigabyte", "mb": "megabyte", "tb": "terabyte", "kb": "kilobyte",
    "gigabytes": "gigabyte", "megabytes": "megabyte", "terabytes": "terabyte",
    "ghz": "gigahertz", "mhz": "megahertz", "khz": "kilohertz", "hz": "hertz",
    "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt",
    "kilowatts": "kilowatt", "megawatts": "megawatt", "gigawatts": "gigawatt",
    "megawatt": "megawatt", "gigawatt": "gigawatt", "watts": "watt",
    "kwh": "kilowatt hour", "mwh": "megawatt hour", "gwh": "gigawatt hour",
    "kilowatt-hours": "kilowatt hour", "kilowatt hours": "kilowatt hour", "mah": "milliampere-hour",
    "hp": "horsepower", "horsepower": "horsepower", "bhp": "brake horsepower",
    "lb-ft": "foot pound-force", "pound-feet": "pound-foot", "nm torque": "newton metre",
    "mbps": "megabit per second", "gbps": "gigabit per second", "db": "decibel",
    "decibels": "decibel", "ppm": "part per million", "parts per million": "part per million",
    "ppb": "parts-per-billion", "parts per billion": "parts-per-billion",
    "ksi": "kilopound per square inch",
    "mpa": "megapascal", "kpa": "kilopascal", "psi": "pound per square inch", "kv": "kilovolt",
    "volts": "volt", "calories": "calorie", "kcal": "kilocalorie",
    "points": "point", "point": "point", "pts": "point", "ppg": "point per game",
    "rpg": "rebound per game", "apg": "assist per game",
    "times": "times", "fold": "times", "-fold": "times",
}
# Short forms whose case matters: "5 m" is metres, "5 M" is not a unit; "25C" is Celsius.
CASED_UNITS = {"m": "metre", "g": "gram", "l": "litre", "L": "litre", "p": "pence",
               "C": "celsius", "F": "fahrenheit", "W": "watt", "V": "volt", "ha": "hectare",
               "mi": "mile", "nm": "nanometre", "'": "foot", '"': "inch", "x": "times"}
_RATE_DENOMINATORS = ("year|month|week|day|hour|minute|second|share|barrel|person|head|capita|"
                      "game|kilometre|kilometer|mile|litre|liter|gallon|tonne|ton|unit|night")
_RATE_RE = re.compile(rf"^\s?(?:a|an|per|each|/)[\s-]?(?P<per>{_RATE_DENOMINATORS})\b", re.I)


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


_UNIT_AFTER_RE = re.compile(
    r"^(?P<sep>\s?-?\s?)(?P<unit>"
    + _alternation(list(UNITS)) + ")"
    + r"(?![A-Za-z0-9])", re.I)
_UNIT_AFTER_CASED_RE = re.compile(
    r"^(?P<sep>\s?)(?P<unit>" + _alternation(list(CASED_UNITS)) + r")(?![A-Za-z0-9'’])")
_SYMBOL_UNITS = {"%", "°", "'", '"', "°c", "°f"}


def currency_before(text: str, start: int) -> tuple[int, str] | None:
    """(start of the currency, its name) when one is written right before `start`."""
    match = _PREFIX_RE.search(text[max(0, start - 6):start])
    if match is None:
        return None
    written = re.sub(r"\s+", " ", match.group(0).strip()).lower()
    name = CURRENCY_PREFIXES.get(written) or CURRENCY_PREFIXES.get(written.replace(" ", ""))
    if name is None:
        return None
    return start - len(match.group(0)), name


def unit_after(text: str, end: int) -> tuple[int, str] | None:
    """(end of the unit, its name) for a unit written right after `end`, with its rate."""
    rest = text[end:end + 40]
    match = _UNIT_AFTER_RE.match(rest) or _UNIT_AFTER_CASED_RE.match(rest)
    if match is None:
        return None
    written = match["unit"]
    if match["sep"].strip() == "-" and written in _SYMBOL_UNITS:
        return None
    name = UNITS.get(written.lower()) or CASED_UNITS[written]
    stop = end + match.end()
    rate = _RATE_RE.match(text[stop:stop + 20])
    if rate and name not in ("year of age",):
        name = f"{name} per {rate['per'].lower()}"
        stop += rate.end()
    return stop, name


def rate_after(text: str, end: int) -> tuple[int, str] | None:
    """ "a month", "per share" after a currency amount."""
    rate = _RATE_RE.match(text[end:end + 20])
    if rate is None:
        return None
    return end + rate.end(), rate["per"].lower()
