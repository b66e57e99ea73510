"""The phrases the `times` stage recognises, as TimeML extents.

Each `Rule` is a regular expression over the article text whose match is one TIMEX3
extent, and the name of the reading that turns it into a value (`time_values`). The
extents follow TimeML: they take the determiner and the modifiers of the expression
("the third quarter", "late November", "earlier this year", "nearly two years ago",
"more than four hours") but not the preposition before it ("on Tuesday" is "Tuesday",
"since last March" is "last March").

Month and weekday names are matched case-sensitively: "may" and "march" are verbs,
"sun" and "sat" are other words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .time_words import MONTHS, NUMBER_WORD, ORDINAL, QUANTITY, UNIT, WEEKDAYS

_MONTH_FULL = ("January|February|March|April|May|June|July|August|September|October|November"
               "|December")
_MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"
MONTH = rf"(?-i:(?:{_MONTH_FULL})\b|{_MONTH_SHORT})"
MONTH_FULL = rf"(?-i:(?:{_MONTH_FULL})\b)"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:/.]\d)(?!\s*(?:%|percent\b))"
YEAR = r"(?<![\d$£€.,])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?!\d|[.,]\d|\s*%)"
SHORT_YEAR = r"'\d\d\b(?!s)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
# "early", "late", "the end of" ... kept in the extent; the value is the period's own.
MODIFIER = (r"(?:(?:(?:early|late|earlier|later)(?:\s+in)?|mid|the\s+(?:end|beginning|start|"
            r"middle|close|rest|remainder|turn)\s+of|around|approximately|sometime)[-\s]+)")
# TimeML keeps "nearly", "more than", "at least" in a duration's extent, and leaves
# "about", "almost", "over", "within", "only" outside (as TempEval's annotators mostly did).
APPROXIMATELY = (r"(?:(?:around|approximately|roughly|nearly|some|more\s+than|less\s+than|"
                 r"fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|"
                 r"no\s+less\s+than|an\s+additional)\s+)")
SHIFT = r"(?:this\s+past|this\s+coming|last|this|next|past|coming|previous|current|following)"
PERIOD = r"(?:year|month|week|weekend|decade|century|spring|summer|fall|autumn|winter)"
CLOCK = (r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|a\.m\b|p\.m\b)"
         r"|(?:[01]?\d|2[0-3]):[0-5]\d(?=\s*(?:GMT|UTC|[ECMP][SD]T|local|hours?\b))"
         r"|noon|midnight|midday|(?:[01]?\d|2[0-3])\s+o'clock"
         r"|\d{1,2}\s+in\s+the\s+(?:morning|afternoon|evening))")
ZONE = r"(?:\s+(?:GMT|UTC|[ECMP][SD]T|local\s+time)\b)?"
QUARTER_ORDINAL = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
HOLIDAY = (r"(?-i:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day"
           r"|Eve))?|Easter(?:\s+Sunday)?|Good\s+Friday|Election\s+Day|Independence\s+Day|"
           r"Memorial\s+Day|Labor\s+Day|Veterans\s+Day|Halloween|Valentine's\s+Day|"
           r"Martin\s+Luther\s+King\s+Day)")
SPELLED_YEAR = (rf"nineteen[-\s]+(?:{NUMBER_WORD})|two\s+thousand(?:\s+and)?"
                rf"(?:[-\s]+(?:{NUMBER_WORD}))?")
DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                "eighties", "nineties")


_UNIT_WORDS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night",
               "nights", "week", "weeks", "weekend", "weekends", "fortnight", "fortnights",
               "month", "months", "quarter", "quarters", "year", "years", "decade", "decades",
               "century", "centuries", "millennium", "millennia")
_SPAN_RULES = ("duration", "ago", "unit_adjective", "long_adjective", "set_rate", "set_every",
               "vague_span", "bare_span", "shifted_period", "the_year", "quarter", "period",
               "quarter_shift", "year_ago_adjective", "ordinal_day", "year_end", "holiday",
               "reference", "two_quarters", "century")
_DATE_RULES = ("month_day", "day_month", "month_year", "month", "clock", "season_year",
               "weekday", "holiday")
_NUMBER_RULES = ("year", "numeric_date", "decade", "clock", "month_day", "day_month",
                 "quarter", "period", "month_year")


def _trigger_words() -> dict[str, frozenset[str]]:
    """Which rules a word can take part in. Every match of a rule contains one of its
    words, so a rule is only tried around them: the rules' optional prefixes make them
    slow to try at every character of an article."""
    words: dict[str, set[str]] = {}

    def add(names: object, *rules: str) -> None:
        for name in names:  # type: ignore[attr-defined]
            words.setdefault(name, set()).update(rules)

    add(MONTHS, *_DATE_RULES)
    add(WEEKDAYS, *_DATE_RULES)
    add(_UNIT_WORDS, *_SPAN_RULES)
    add(("today", "yesterday", "tomorrow", "tonight"), "deictic_day", "clock", "part_of_today")
    add(("morning", "afternoon", "evening", "night", "overnight", "midafternoon"),
        "part_of_today", "weekday", "deictic_day", "clock", "set_every")
    add(("spring", "summer", "fall", "autumn", "winter"), "season_year", "shifted_period",
        "season")
    add(("weekend",), "the_weekend")
    add(("day", "week", "month", "year", "morning", "afternoon", "evening", "night"),
        "anaphoric")
    add(("nineteen", "thousand"), "spelled_year", "month_year", "season_year")
    add(DECADE_WORDS, "decade")
    add(("period",), "period")
    add(("half",), "half")
    add(("end",), "year_end")
    add(("ago", "hence", "earlier", "later", "now"), "ago")
    add(("noon", "midnight", "midday", "clock", "am", "pm", "m", "gmt", "utc", "est", "edt",
         "pst", "pdt", "cst", "cdt"), "clock")
    add(("q1", "q2", "q3", "q4"), "quarter_code")
    add(("prior",), "year_ago_adjective")
    add(("thanksgiving", "christmas", "easter", "halloween", "valentine"), "holiday")
    add(("daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly", "nightly",
         "biweekly", "semiannually", "bimonthly", "fortnightly"), "set_adverb")
    add(("every", "each", "per"), "set_every")
    add(("now", "current", "currently", "nowadays", "presently", "present", "days",
         "recently", "recent", "lately", "formerly", "previously", "past", "once", "future",
         "soon", "shortly", "later", "term", "possible", "someday", "moment", "time"),
        "reference")
    return {word: frozenset(rules) for word, rules in words.items()}


TRIGGER_WORDS = _trigger_words()
NUMBER_RULES = frozenset(_NUMBER_RULES)


@dataclass(frozen=True)
class Rule:
    name: str  # also the name of its reading in time_values.READINGS
    pattern: re.Pattern[str]
    after_word: re.Pattern[str] | None = None  # the word before the match must match this


def _rule(name: str, pattern: str, after_word: str | None = None) -> Rule:
    # A match ends at a word's end, and not before a hyphenated word ("the year-ago"); a
    # hyphen before a digit is a range ("May 15-16").
    return Rule(name, re.compile(rf"(?<![\w-])(?:{pattern})(?!\w|-[^\W\d])", re.I),
                re.compile(after_word, re.I) if after_word else None)


RULES = (
    # --- calendar dates, written out
    _rule("month_day", rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})"
                       rf"(?:,?\s*(?P<year>{YEAR})|\s+(?P<short>{SHORT_YEAR}))?"),
    _rule("day_month", rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+"
                       rf"(?P<month>{MONTH})(?:,?\s*(?P<year>{YEAR}))?"),
    _rule("numeric_date", r"(?P<iso>\d{4}-\d\d-\d\d)|(?P<a>\d\d?)(?P<sep>[./])(?P<b>\d\d?)"
                          r"(?P=sep)(?P<y>(?:19|20)\d\d)"),
    _rule("month_year", rf"{MODIFIER}?(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|"
                        rf"(?P<short>{SHORT_YEAR})|(?P<shift>this|last|next)\s+year|"
                        rf"(?P<spelled>{SPELLED_YEAR}))"),
    _rule("month", rf"{MODIFIER}*(?:(?P<shift>last|this|next|this\s+past|this\s+coming)\s+)?"
                   rf"(?P<month>{MONTH_FULL})(?!\s*\d)"),
    _rule("year", rf"{MODIFIER}*(?P<fiscal>(?:the\s+)?(?:fiscal|calendar)(?:[-\s]+year)?\s+|"
                  rf"the\s+year\s+)?(?P<year>{YEAR})(?!\s*-?\s*(?:{QUARTER_ORDINAL}|"
                  r"quarter|period)\b)"),
    _rule("spelled_year", rf"(?:the\s+year\s+)?(?P<words>{SPELLED_YEAR})"),
    _rule("season_year", rf"{MODIFIER}?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)"
                         rf",?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR}))"),
    _rule("decade", rf"(?:the\s+)?{MODIFIER}?(?:(?P<century>1[5-9]|20)(?P<digit>\d)0'?s|"
                    rf"'(?P<short>\d)0s|(?:nineteen[-\s]+)?(?P<word>{'|'.join(DECADE_WORDS)}))"),
    _rule("century", rf"(?:the\s+)?{MODIFIER}?(?:(?P<ordinal>{ORDINAL})|(?P<shift>this|last"
                     r"|next|the\s+last|the\s+next|the\s+past))[-\s]+century"),
    # --- quarters, halves and the financial "period"
    _rule("quarter", rf"(?:the\s+(?!{QUARTER_ORDINAL}-)|(?P<owner>this|last|next)\s+year's\s+)?"
                     rf"(?P<year_before>{YEAR}\s+|fiscal\s+{YEAR}'?s?\s+)?"
                     r"(?P<pre>(?:(?:fiscal|year-earlier|year-ago|comparable|same|flat|"
                     r"latest|current)[-\s]+)*)"
                     rf"(?P<ordinal>{QUARTER_ORDINAL})[-\s]+(?:fiscal[-\s]+)?quarters?"
                     rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})|(?P<shift>this|last|next)"
                     r"\s+year))?"),
    _rule("quarter_code", rf"(?P<q>Q[1-4])(?:\s*(?P<year>{YEAR}))?"),
    _rule("half", rf"(?:the\s+)?(?P<ordinal>first|second|last|latter|back)\s+half"
                  rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})|(?P<shift>this|last|next)"
                  r"\s+year|the\s+year))?"),
    _rule("two_quarters", rf"{APPROXIMATELY}?(?:the\s+)?(?P<ordinal>first|last)\s+two\s+quarters"
                          rf"\s+of\s+(?P<year>{YEAR})"),
    _rule("period", r"(?:(?:the|this|that|its|last\s+year's|a)\s+)"
                    rf"(?P<year>{YEAR}\s+)?(?P<pre>(?:(?:latest|current|previous|prior|most\s+"
                    r"recent|same|comparable|corresponding|year-earlier|year-ago|year-before|"
                    r"fiscal|just-ended|recent)\s+)*)(?P<noun>quarter|period)"
                    r"(?P<post>\s+a\s+year\s+(?:ago|earlier)|\s+last\s+year)?"),
    _rule("quarter_shift", r"(?P<shift>last|this|next)\s+quarter"),
    _rule("year_ago_adjective", r"(?:year-earlier|year-ago|year-before|prior-year)"
                                r"(?!\s+(?:quarter|period)\b)"),
    # --- relative to the publication day
    _rule("shifted_period", rf"{MODIFIER}*(?:the\s+)?(?P<shift>{SHIFT}|same|prior|latest)\s+"
                            rf"(?:fiscal\s+)?(?P<period>{PERIOD})(?!\s*-)"),
    # "that day", "later that year", "the next morning": the date the article named last
    _rule("anaphoric", rf"{MODIFIER}?(?:(?:that|the\s+same|that\s+same)\s+(?P<unit>day|week|"
                       r"month|year|morning|afternoon|evening|night)|the\s+(?P<shift>next|"
                       r"following|previous|preceding)\s+(?P<part>day|morning|afternoon|"
                       r"evening|night)|(?:earlier|later)\s+in\s+the\s+(?P<in>day|week|month))"),
    _rule("the_weekend", r"the\s+weekend"),
    _rule("season", rf"(?:(?:the|this)\s+)?{MODIFIER}?(?P<season>summer|winter|spring|fall|autumn)"
                    r"(?!\s+(?:of|in|from|to|on)\b)(?!-)"),
    _rule("the_year", r"(?P<noun>the\s+(?:full\s+|fiscal\s+|calendar\s+)?year|the\s+week)"
                      r"(?P<after>(?=\s+(?:ended|ending)\b))?"),
    _rule("year_end", rf"{MODIFIER}?(?:year[-\s]end|year's\s+end|the\s+end\s+of\s+"
                      r"(?:the|this|next)\s+(?P<period>year|month|week))"),
    _rule("deictic_day", rf"{MODIFIER}?(?:(?P<part_before>mid-?afternoon|morning|evening)\s+)?"
                         r"(?P<day>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+"
                         rf"yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{PART_OF_DAY}))?"),
    _rule("part_of_today", rf"{MODIFIER}?(?P<shift>this|last|tomorrow)\s+(?P<part>{PART_OF_DAY})"
                           r"|(?P<overnight>overnight)(?=\s*[,.;])"),
    _rule("weekday", rf"{MODIFIER}?(?:(?P<shift>last|this|next|this\s+coming|this\s+past|"
                     r"the\s+previous|the\s+following|the\s+next|coming|past)\s+)?"
                     rf"(?P<weekday>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>{PART_OF_DAY})"
                     r"(?P<parts>s)?)?"),
    _rule("holiday", rf"(?:(?P<shift>last|this|next)\s+)?(?P<holiday>{HOLIDAY})"
                     rf"(?P<week>\s+week)?(?:,?\s+(?P<year>{YEAR}))?"),
    _rule("clock", rf"(?:(?:around|approximately)\s+)?(?P<clock>{CLOCK}){ZONE}"
                   rf"(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow|"
                   rf"(?P<month>{MONTH})\s*(?P<monthday>{DAY})))?"),
    # --- spans of time, and points a span before or after
    _rule("set_rate", r"(?:(?P<times>once|twice|thrice|\d+\s+times|[a-z]+\s+times)\s+)?"
                      r"(?:a|an|per)\s+(?P<unit>second|minute|hour|day|week|month|quarter"
                      r"|year)(?!\s+(?:ago|earlier|later|or|and\s+a\s+half|before|after)\b)"),
    # "two days later" is a duration and a signal in TimeML; "a year earlier" a date
    _rule("ago", rf"{APPROXIMATELY}?(?P<amount>{QUANTITY})\s+(?P<unit>{UNIT})"
                 r"(?:\s+or\s+so)?\s+(?P<direction>ago|from\s+now|hence|"
                 r"(?<=years\s)(?:earlier|later)|(?<=year\s)(?:earlier|later))"
                 r"(?!\s+than\b)"),
    _rule("duration", rf"{APPROXIMATELY}?(?:(?:the|each\s+of\s+the|all)\s+)?"
                      r"(?P<shift>(?:(?:past|last|next|coming|first|final|previous|following|"
                      r"remaining|latest|initial|ensuing|preceding|same|full)\s+)*)"
                      rf"(?P<amount>{QUANTITY})(?:\s+(?:to|or)\s+(?P<upper>{QUANTITY}))?"
                      r"\s+(?:(?:more|additional|straight|consecutive|full|long|extra|"
                      rf"successive|whole)\s+)?(?P<unit>{UNIT})(?!-)"
                      r"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+(?:so|more|longer))?"
                      r"(?!\s+old\b)"),  # an age is not a time expression
    _rule("unit_adjective", rf"(?P<amount>\d+|{NUMBER_WORD}|multi|many|several)-"
                            r"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|"
                            r"decade|century)(?:-long)?(?!-old)"),
    _rule("long_adjective", r"(?P<unit>day|week|month|year|decade|hour)s?-long"),
    _rule("vague_span", r"(?:the\s+)?(?P<shift>recent|coming|past|previous|ensuing|intervening|"
                        r"next|last|following)\s+(?:few\s+|several\s+)?(?P<unit>(?:hours|days|"
                        r"weeks|months|quarters|years|decades|centuries))(?P<ahead>\s+ahead)?"),
    _rule("bare_span", r"(?P<unit>hours|days|weeks|months|years|decades|centuries)"
                       r"(?!\s+(?:ago|before|after|earlier|later|old)\b)",
          after_word=r"^(?:for|within|in|over|after|took|take|takes|lasted|last)$"),
    # --- the present, past and future as such
    # Adverbs that only order one event after another ("previously", "formerly",
    # "shortly") are signals rather than times, and are left out.
    _rule("reference", r"(?P<present>now|currently|nowadays|at\s+present|these\s+days|"
                       r"the\s+present|current(?!\s+(?:account|affairs|events|assets|"
                       r"liabilities|density)\b))"
                       r"|(?P<past>recently|lately|"
                       r"the\s+past(?=\s*[,.;:!?)]|\s+(?:and|but|or|as|when|because|to|is|"
                       r"was|has|have|had|we|they|he|she|it|i)\b)|recent(?!\s+(?:history|"
                       r"memory)\b))"
                       r"|(?P<future>the\s+(?:near\s+|distant\s+)?future|"
                       r"(?<=in\s)future|future(?=\s+(?:quarters|years|months|"
                       r"generations|talks|negotiations))|soon|a\s+later\s+date|"
                       r"the\s+(?:near|short|long)\s+term|as\s+soon\s+as\s+possible)"),
    # --- repetition
    # "quarterly dividend", "annual report": kinds of payment and report, not repetition
    _rule("set_adverb", r"(?:daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|"
                        r"biweekly|semi-?annually|bimonthly|fortnightly)(?!\s+(?:dividends?|"
                        r"reports?|results|earnings|payments?|rates?|loss|profits?|sales|"
                        r"revenue|figures|statements?|interest|meetings?))"),
    _rule("set_every", rf"(?:every|each|per)\s+(?:other\s+)?(?:(?P<amount>{QUANTITY})\s+)?"
                       rf"(?:(?P<unit>{UNIT})|(?P<weekday>{WEEKDAY})|(?P<month>{MONTH_FULL})|"
                       rf"(?P<part>{PART_OF_DAY}))"),
    # --- an ordinal of a period: "the 40th day" of a strike or a siege
    _rule("ordinal_day", rf"(?:the|its|their)\s+(?P<ordinal>{ORDINAL})\s+"
                         r"(?:straight\s+|consecutive\s+|successive\s+)?day"),
)

RULE_NAMES = tuple(rule.name for rule in RULES)
# When two rules match the same longest span the earlier one in this order wins.
PRIORITY = {name: i for i, name in enumerate(RULE_NAMES)}
