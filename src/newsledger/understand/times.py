"""Stage `times`: every time expression, as a TIMEX3 type and value against the
publication date.

Needs: doc. Adds: times. A grammar of TimeML extents (`time_grammar`) finds the
phrases; each is read (`time_values`, `time_spans`) in text order, so that "a year
earlier" can mean the quarter the article named last. The news conventions:

- a weekday in a sentence that reports what happened is the latest such day on or before
  publication: a Tuesday article's "on Tuesday" is that day, its "on Monday" the day
  before; in a plan ("will meet on Friday", "is to resume Monday") the next one;
- a month without a year ("last March", "in June") in a report is the latest one on or
  before publication, a day of a month ("Aug. 12") the same unless it is less than two
  months ahead (a date announced: "moved the vote to June 3"); in a plan they look
  forward; after "by", "until", "payable", "effective" (a deadline) mostly forward;
  otherwise the nearest; "June 2019" is a month, never an invented day;
- the tense is the governing verb's, read from the spaCy parse: will/shall/must and
  infinitives of plans look forward, past forms back;
- without a publication date relative values stay relative ("XXXX-10-07", "XXXX-WXX-2",
  "PRESENT_REF").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDX

from .pipeline import Analysis, Stage
from .records import TimeExpression
from .sentences import sentence_starts
from .time_calendar import Tense
from .time_context import Anchors, Context, Reading
from .time_grammar import NUMBER_RULES, PRIORITY, RULES, TRIGGER_WORDS
from .time_values import READINGS

EXTRACTOR = "timex-rules-v1"
BEFORE, AFTER = 50, 40  # characters around a rule's word: more than an expression spans
WORD = re.compile(r"[^\W\d_]+|\d+")
ENGLISH = {"en", None}
# How sure a reading is: calendar dates are read off the page; relative ones lean on the
# tense and the publication date; vague ones ("recently", "the 40th day") on conventions.
CONFIDENCE = {"month_day": 0.95, "day_month": 0.95, "numeric_date": 0.95,
              "month_year": 0.95, "year": 0.9, "clock": 0.9, "deictic_day": 0.9,
              "weekday": 0.85, "month": 0.85, "quarter": 0.85, "duration": 0.85,
              "shifted_period": 0.85, "period": 0.7, "ago": 0.75, "the_year": 0.6,
              "reference": 0.7, "ordinal_day": 0.5, "year_ago_adjective": 0.7}
CALENDAR_VALUE = re.compile(r"^\d{4}(?:-(?:\d\d|Q\d|H\d|W\d\d|[A-Z]{2})){0,2}$")
# The rules whose values name a date afresh, rather than refer back to one.
REFERENCE_RULES = {"month_day", "day_month", "numeric_date", "month_year", "month", "year",
                   "weekday", "deictic_day", "holiday", "quarter", "quarter_code", "half",
                   "season_year", "clock", "spelled_year"}
# Verbs whose complement is planned: "a summit set for April", "is set to resume Monday",
# "due to end Friday".
PLAN_VERBS = {"plan", "schedule", "slate", "set", "expect"}
INFINITIVE_PLANS = {"due", "intend", "aim", "prepare", "hope", "want",
                    "agree", "promise", "vow", "threaten", "propose", "decide", "seek",
                    "try", "wish", "likely"}
# "must be paid by June 3": obligations look forward like plans; "would" does not
# ("said it would" reports as often as it plans).
FUTURE_AUX = {"will", "'ll", "shall", "wo", "must", "should", "may", "might"}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    match: re.Match[str]


def find_times(analysis: Analysis) -> Analysis:
    article = analysis.article
    if article.language not in ENGLISH or not article.text:
        return analysis.add(times=())
    parse = Parse(analysis.doc)
    published = publication_day(article.published)
    found = list(chosen(candidates(article.text), article.text, parse, published))
    return analysis.add(times=tuple(_records(article, found, parse)))


def chosen(found: list[Candidate], text: str, parse: Parse,
           published: dt.date | None) -> Iterator[tuple[Candidate, Reading]]:
    """The longest candidates that read as time expressions, none overlapping; then
    read again in text order, so each can refer back to what the article named before."""
    kept = _longest_readable(found, text, parse, published)
    anchors = Anchors()
    for candidate in sorted(kept, key=lambda c: c.start):
        reading = READINGS[candidate.rule](candidate.match,
                                           _context(candidate, text, parse, published, anchors))
        if reading is not None:
            anchors = remembered(anchors, candidate.rule, reading)
            yield candidate, reading


def _longest_readable(found: list[Candidate], text: str, parse: Parse,
                      published: dt.date | None) -> list[Candidate]:
    """Longest first; a candidate whose reading refuses it ("May" the verb, "a quarter
    of the vote") gives way to the shorter ones under it."""
    taken: list[tuple[int, int]] = []
    kept = []
    # Whether a phrase reads as a time does not depend on what came before it; a stand-in
    # reference lets the phrases that refer back ("that day") show they can be read.
    stand_in = Anchors(reference=(published or dt.date(2000, 1, 1)).isoformat(),
                       quarter="2000-Q1")
    for candidate in found:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        context = _context(candidate, text, parse, published, stand_in)
        if READINGS[candidate.rule](candidate.match, context) is None:
            continue
        taken.append((candidate.start, candidate.end))
        kept.append(candidate)
    return kept


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule, longest first, then leftmost, then by rule order."""
    found = []
    windows = _windows(text)
    for rule in RULES:
        for start, end in windows.get(rule.name, ()):
            for match in rule.pattern.finditer(text, start, end):
                if rule.after_word and \
                        not rule.after_word.match(_word_before(text, match.start())):
                    continue
                found.append(Candidate(match.start(), match.end(), rule.name, match))
    found.sort(key=lambda c: (-(c.end - c.start), c.start, PRIORITY[c.rule]))
    return found


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the stretches of text around the words it needs, wide enough for
    any expression, merged where they overlap; each ends at a space, so no word is cut."""
    windows: dict[str, list[tuple[int, int]]] = {}
    for word in WORD.finditer(text):
        token = word.group()
        rules = NUMBER_RULES if token[0].isdigit() else TRIGGER_WORDS.get(token.lower())
        if not rules:
            continue
        low, high = max(0, word.start() - BEFORE), _space_after(text, word.end() + AFTER)
        for rule in rules:
            spans = windows.setdefault(rule, [])
            if spans and low <= spans[-1][1]:
                spans[-1] = (spans[-1][0], high)
            else:
                spans.append((low, high))
    return windows


def _space_after(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.find(" ", position)
    return len(text) if space < 0 else space


def remembered(anchors: Anchors, rule: str, reading: Reading) -> Anchors:
    """A date the article names becomes the reference for the expressions after it that
    refer back ("the following day", "a year earlier"); those do not move it."""
    kind, value = reading
    day = value.split("T")[0]
    if rule not in REFERENCE_RULES or not CALENDAR_VALUE.match(day):
        return anchors
    quarter = value if rule in ("quarter", "quarter_code") else anchors.quarter
    return Anchors(reference=day, quarter=quarter)


def publication_day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _context(candidate: Candidate, text: str, parse: Parse, published: dt.date | None,
             anchors: Anchors) -> Context:
    start, end = candidate.start, candidate.end
    return Context(published=published, tense=parse.tense(start), anchors=anchors,
                   word_before=_word_before(text, start),
                   text_before=text[max(0, start - 40):start], text_after=text[end:end + 40],
                   entity=parse.entity(start))


def _word_before(text: str, start: int) -> str:
    found = re.search(r"([\w']+)\W*$", text[max(0, start - 30):start])
    return found.group(1).lower() if found else ""


def _records(article: Any, found: list[tuple[Candidate, Reading]],
             parse: Parse) -> Iterator[TimeExpression]:
    for candidate, (kind, value) in found:
        yield TimeExpression(article.id, candidate.start, candidate.end,
                             candidate.match.group(), kind, value,
                             parse.sentence(candidate.start), EXTRACTOR,
                             CONFIDENCE.get(candidate.rule, 0.8))


class Parse:
    """What the stage reads from the spaCy parse: sentence index, entity label and the
    tense of the verb governing a character offset. Without a parse: no tense,
    sentence 0."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.token_starts = doc.to_array([IDX]).tolist() if doc is not None else []
        self.sentence_starts = sentence_starts(doc) if doc is not None else [0]

    def sentence(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def token(self, char: int) -> Any:
        if not self.token_starts:
            return None
        return self.doc[max(0, bisect.bisect_right(self.token_starts, char) - 1)]

    def entity(self, char: int) -> str:
        token = self.token(char)
        return token.ent_type_ if token is not None else ""

    def tense(self, char: int) -> Tense:
        token = self.token(char)
        return expression_tense(token) if token is not None else None


def governing_verb(token: Any) -> Any:
    """The nearest verb up the dependency tree from the expression's first word."""
    for _ in range(10):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def expression_tense(token: Any) -> Tense:
    """The tense an expression is read in. A date that names an event by modifying its
    noun ("Friday's vote", "the May 2 shooting", "a June accord") points at
    something already known, so back."""
    if token.dep_ in ("poss", "compound", "nmod", "amod") and token.head.pos_ == "NOUN":
        return "future" if verb_tense(governing_verb(token.head)) == "future" else "past"
    return verb_tense(governing_verb(token))


def verb_tense(verb: Any, depth: int = 0) -> Tense:
    """"will meet", "must meet", "plans to meet", "is set to meet" look forward; "met",
    "had met", "was met", "may have met" look back; "meets", "has met" are the present.
    An infinitive takes the tense of the verb it completes."""
    if verb is None:
        return None
    helpers = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in helpers}
    if "had" in words:
        return "past"
    if any(child.tag_ == "MD" for child in helpers):
        if "have" in words:
            return "past"
        return "future" if words & FUTURE_AUX else None
    if "going" in words or (verb.tag_ == "VBN" and verb.lemma_ in PLAN_VERBS):
        return "future"  # "a summit set for April", "was planned for early May"
    if "to" in words and verb.tag_ == "VB":
        return _infinitive_tense(verb, depth)
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in helpers):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(child.tag_ in ("VBZ", "VBP") for child in helpers):
        return "present"  # "is expected in December", "has set June 3"
    if verb.tag_ == "VBN":
        return "past"  # "the meeting held Monday"
    return None


def _infinitive_tense(verb: Any, depth: int) -> Tense:
    head = verb.head
    if head.lemma_ in PLAN_VERBS | INFINITIVE_PLANS:
        has_had = any(c.lower_ == "had" for c in head.children if c.dep_ in ("aux", "auxpass"))
        return "past" if has_had else "future"
    if head is verb or depth > 2 or head.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(head, depth + 1)


STAGE = Stage("times", needs=frozenset({"doc"}), adds=frozenset({"times"}), run=find_times)
