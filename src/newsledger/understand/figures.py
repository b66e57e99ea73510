"""Stage `figures`: numeric claims with qualifier, unit, subject, measure, source and date.

Needs: doc, entities, times, quotes. Adds: figures.

Every amount the text states ("more than 31,800 Palestinians", "85%", "$1.3 million",
"between 20 and 30", "dozens") becomes a Figure; `figure_amounts` reads the amount
from the text, this module places it in the parse:
- what is counted (`subject`, "Israeli hostages") is the noun the number modifies, or
  the noun after "of" ("85% of Gaza's population"); counts of people take the unit
  `person`, other counts the counted noun ("home");
- the `measure` is the verb that governs the counted noun ("have been killed",
  "killed 1,200 people", "holding 130 hostages": held hostage), or the action noun it
  belongs to ("the release of 81 Israelis"); a number joined to another by "and",
  "including" or "in exchange for" shares that one's measure; deaths and injuries
  are named `killed` and `injured` whatever the verb ("died", "wounded");
- `direction` is up or down when the number is the size of a change ("rose 5%",
  "fell by 3 percent", "down 2.1%"), not the level reached ("to 6,327");
- `source` is who the sentence attributes the figure to: "according to the UN" or "the
  health ministry said" cover every figure of their sentence, and a figure inside a
  quote is its speaker's;
- `as_of` is the date of a time expression in the same sentence (not one opening a
  period: "since October"), else the publication date.
Years, dates, clock times, ordinals, phone numbers, addresses and numbers that are part
of a name ("Section 427", "S&P 500", "Game 2") are not figures; ages are (CQE counts
them), with no measure. Victims of a shooting or an attack that the text counts only in
words ("a man was shot and killed") are counted by `figure_victims`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .figure_amounts import Amount, find_amounts
from .figure_victims import victim_figures
from .figure_words import (
    CHANGE_DOWN,
    CHANGE_UP,
    PEOPLE_MEASURES,
    PEOPLE_NOUNS,
    SAY_VERBS,
    measure_word,
    nominal_measure,
)
from .pipeline import Analysis, Stage
from .records import Figure, Quote, TimeExpression
from .sentences import sentence_index

EXTRACTOR = "rules-v1"
_NOT_NAMES = {"About", "Some", "Nearly", "Almost", "More", "Over", "Only", "Just", "Around",
              "Roughly", "Approximately", "Another", "The", "A", "An", "All", "Those", "These",
              "Of", "In", "At", "By", "For", "With", "From", "To", "And", "But", "Since",
              "Until", "Up", "Down", "Than", "Estimated", "Exactly", "Less", "Fewer", "Under",
              "Page", "I", "Each", "Every", "Top", "Bottom", "No", "Least", "Among",
              "Including", "Killed", "Injured", "Wounded"}
# Words that label a thing by its number: "page 5", "flight 370", "round 2".
LABELS = frozenset({"page", "pages", "p.", "pp.", "no.", "nos.", "number", "chapter",
                    "section", "article", "paragraph", "clause", "room", "flight", "route",
                    "highway", "interstate", "exit", "platform", "gate", "terminal", "figure",
                    "table", "grade", "level", "season", "episode", "round", "game", "week",
                    "match", "stage", "phase", "step", "item", "question", "resolution",
                    "unit", "suite", "apartment", "apt.", "lot", "row", "seat", "channel",
                    "bus", "ward", "district", "precinct", "zone", "version", "model",
                    "volume", "vol.", "part", "act", "scene", "verse", "lane", "pier"})
_DATE_RE = re.compile(r"\b\d{4}-\d\d-\d\d(?!\d)|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_HALF_USE_RE = re.compile(r"^\s+(?:of\b|the\b|a\b|an\b|his\b|her\b|its\b|their\b|our\b|my\b|"
                          r"your\b|all\b|those\b|these\b|this\b|that\b)", re.I)
_ONE_NOT_COUNT_BEFORE = re.compile(r"\b(?:no|the|this|that|every|any|each|which|last|"
                                   r"another|little)\s+$", re.I)
_ONE_NOT_COUNT_AFTER = re.compile(r"^\s+(?:another|day|time|point|way|side|hand|by one|"
                                  r"thing|moment|night|morning|afternoon|evening)\b", re.I)
_HALF_NOT_BEFORE = re.compile(r"\b(?:first|second|other|the)\s+$", re.I)
_UP_DOWN_BEFORE = re.compile(r"\b(?P<dir>up|down)\s+(?:by\s+)?$", re.I)
_TARGET_BEFORE = re.compile(r"\b(?:to|at|from|of)\s+$", re.I)


@dataclass(frozen=True)
class Placed:
    """An amount placed in the parse: its number token and what it counts."""

    amount: Amount
    sentence: int
    number: Any  # spaCy Token: the top token of the number
    counted: Any  # spaCy Token or None: the noun the number counts


def find_figures(analysis: Analysis) -> Analysis:
    doc = analysis.doc
    if doc is None:
        return analysis.add(figures=())
    text = analysis.article.text
    sentences = list(doc.sents)
    placed = []
    for amount in find_amounts(text):
        if _is_quantity(amount, text, doc):
            placed.append(_place(amount, doc))
    readings = _readings(placed, text)
    figures = [_figure(analysis, item, readings[_anchor(item).i], sentences[item.sentence])
               for item in placed]
    figures.extend(victim_figures(analysis, sentences, figures))
    return analysis.add(figures=tuple(sorted(figures, key=lambda f: (f.start, f.end))))


# ----------------------------------------------------------------------------- what counts
def _is_quantity(amount: Amount, text: str, doc: Any) -> bool:
    if _DATE_RE.search(text[max(0, amount.start - 6):amount.end + 6]):
        return False
    number = token_at(doc, amount.number_end - 1)
    if amount.year_like:
        return _counts_a_plural(doc, number) or amount.qualifier != "exact"
    if amount.kind == "fraction" and amount.unit is None:
        return _HALF_USE_RE.match(text[amount.end:amount.end + 8]) is not None \
            and not _HALF_NOT_BEFORE.search(text[max(0, amount.start - 8):amount.start])
    if amount.kind == "words" and text[amount.start:amount.end].lower() == "one":
        return not (_ONE_NOT_COUNT_BEFORE.search(text[max(0, amount.start - 9):amount.start])
                    or _ONE_NOT_COUNT_AFTER.match(text[amount.end:amount.end + 12]))
    if amount.unit is None and amount.qualifier == "exact" and isinstance(amount.value, float) \
            and amount.value.is_integer():
        return not _part_of_name(doc, amount)
    return True


def _counts_after(name: Any) -> bool:
    """ "96 Liverpool fans": a name that is only a modifier of what is counted."""
    doc, index = name.doc, name.i
    while index < min(len(doc), name.i + 8) and (doc[index].tag_ in ("NNP", "CC", ",", "HYPH")
                                                 or doc[index].text[:1].isupper()):
        index += 1  # "27000 Model S and Model X vehicles"
    return index < len(doc) and doc[index].tag_ in ("NNS", "NNPS")


def _counts_a_plural(doc: Any, number: Any) -> bool:
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    return following is not None and following.tag_ == "NNS"


def _part_of_name(doc: Any, amount: Amount) -> bool:
    """ "Section 427", "Game 2", "S&P 500", "iPhone 14", "Kick Six", "Dak Prescott (4)":
    a whole number right after a name, or capitalised inside a sentence, that is
    not followed by what it counts."""
    first = token_at(doc, amount.start)
    last = token_at(doc, amount.number_end - 1)
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if following is not None and following.tag_ == "NNS":
        return False  # "said Tuesday 3 people were killed"
    if first.i > 0 and doc[first.i - 1].tag_ == "CD" and amount.kind == "digits":
        return True  # "27 737 Max jets": the second number names the model
    if following is not None and following.tag_ == "NNP" and not _counts_after(following):
        return True  # "the 737 Max was grounded", "Windows 11 Pro"
    if amount.kind == "words" and first.text[:1].isupper() and not first.is_sent_start:
        return True
    previous = doc[first.i - 1] if first.i > 0 else None
    if previous is not None and previous.text == "(" and previous.i > 0:
        previous = doc[previous.i - 1]
    if previous is None or previous.is_sent_start and previous.pos_ != "PROPN" \
            or previous.text in _NOT_NAMES:
        return False
    word = previous.text
    named = any(c.isupper() for c in word) and re.fullmatch(r"[A-Za-z][\w&.\-]*", word)
    return bool(named) or word in ("#",) or word.lower() in LABELS


# ----------------------------------------------------------------------------- the parse
def token_at(doc: Any, char: int) -> Any:
    """The token holding a character (or the one before, for a space)."""
    for at in range(char, max(-1, char - 8), -1):
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        if span is not None and len(span):
            return span[0]
    return doc[0]


def _place(amount: Amount, doc: Any) -> Placed:
    token = token_at(doc, amount.number_end - 1)
    while token.dep_ in ("compound", "quantmod", "nummod") and token.head.pos_ in ("NUM", "SYM") \
            and token.head.i != token.i and token.head.idx < amount.end:
        token = token.head
    return Placed(amount, sentence_index(doc, amount.start), token,
                  _counted(token, amount))


def _counted(number: Any, amount: Amount) -> Any:
    """The noun a number counts: "31,800 Palestinians", "two of the deputies"."""
    if number.dep_ == "nummod" and number.head.pos_ in ("NOUN", "PROPN") \
            and number.head.i > number.i:
        noun = number.head
        if amount.unit is not None:
            return _of_object(noun)  # "85 %" of what
        return noun
    partitive = _of_object(number)
    if partitive is not None:
        return partitive
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if amount.unit is None and following is not None and following.tag_ == "NNS":
        return following
    return None


def _of_object(token: Any) -> Any:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN", "PRON"):
                return objects[0]
    return None


def _anchor(item: Placed) -> Any:
    """The token that plays the number's part in its clause: the noun it counts
    ("31,800 Palestinians"), its unit ("85 %"), or the number itself."""
    number = item.number
    head = number.head
    if number.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i > number.i:
        return head
    return number


# ----------------------------------------------------------------------------- readings
@dataclass(frozen=True)
class Reading:
    """What the parse says about one figure, before partners fill the gaps."""

    unit: str | None
    subject: str | None
    measure: str | None
    direction: str | None
    counted: bool  # the text names what is counted next to the number


def _readings(placed: Sequence[Placed], text: str) -> dict[int, Reading]:
    """Each figure's reading, by the index of its anchor token. A figure joined to
    another ("81 Israelis and 24 foreigners", "240 Palestinians, including 71 women",
    "6 million homes, including 1.5 million", "lost 190 points, or 0.6%") takes from
    it what it does not say itself."""
    by_anchor = {_anchor(item).i: item for item in placed}
    readings = {i: _own_reading(item, text) for i, item in by_anchor.items()}
    for _ in range(3):  # chains: "including 71 women and 169 children"
        for index, item in by_anchor.items():
            partner = _partner(_anchor(item))
            if partner is not None and partner.i in readings and partner.i != index:
                readings[index] = _filled(readings[index], readings[partner.i], item)
    return readings


def _filled(own: Reading, partner: Reading, item: Placed) -> Reading:
    unit, subject = own.unit, own.subject
    if unit is None and not own.counted and item.amount.kind in ("digits", "words"):
        unit, subject = partner.unit, partner.subject
    return replace(own, unit=unit, subject=subject, measure=own.measure or partner.measure,
                   direction=own.direction or partner.direction)


def _own_reading(item: Placed, text: str) -> Reading:
    anchor = _anchor(item)
    unit, subject = _unit_and_subject(item)
    measure = None if unit == "year of age" else _own_measure(anchor)
    return Reading(unit, subject, measure, _direction(item, text), item.counted is not None)


def _partner(token: Any) -> Any:
    if token.dep_ in ("conj", "appos") and token.head.pos_ not in ("VERB", "AUX"):
        return token.head
    verb = token.head if token.dep_ == "conj" else None
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "conj":
        verb = token.head.head
    if verb is not None:  # "31,800 were killed, and 74,000 (were) injured"
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if token.dep_ == "pobj":
        prep = token.head
        if prep.lower_ in ("including", "among") or prep.dep_ == "prep" and \
                prep.head.lower_ == "including":
            return prep.head if prep.head.pos_ in ("NOUN", "PROPN", "NUM") else None
        exchange = prep.head
        if prep.lower_ == "for" and exchange.lemma_ == "exchange" and exchange.head.dep_ == "prep":
            return exchange.head.head  # "81 Israelis in exchange for 240 Palestinians"
    return None


def _own_measure(token: Any) -> str | None:
    for child in token.children:
        if child.dep_ in ("acl", "amod", "relcl") and child.tag_ == "VBN" and child.i > token.i:
            return measure_word(child, token)
    if token.dep_ in ("nsubjpass", "nsubj", "dobj", "conj") and token.head.pos_ in ("VERB", "AUX"):
        return measure_word(token.head, token)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        return nominal_measure(token.head.head)
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB":
        return _toll_measure(token.head.head)
    return None


def _toll_measure(verb: Any) -> str | None:
    """ "the death toll rose to 32,414": the measure is in the subject."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_ in ("toll", "tally", "number",
                                                                    "count", "figure"):
            for modifier in child.children:
                measure = nominal_measure(modifier)
                if measure:
                    return measure
    return None


# ----------------------------------------------------------------------------- the record
def _figure(analysis: Analysis, item: Placed, reading: Reading, sentence: Any) -> Figure:
    amount, text = item.amount, analysis.article.text
    unit = reading.unit
    if unit is None and reading.measure in PEOPLE_MEASURES and not reading.counted \
            and amount.kind in ("digits", "words", "vague"):
        unit = "person"  # "almost 74,000 injured", "1.4 million have taken refuge", "dozens"
    end = _end_with_counted(item)
    return Figure(analysis.article.id, amount.start, end, text[amount.start:end],
                  _plain(amount.value), amount.qualifier, unit, reading.subject, reading.measure,
                  reading.direction, _source(analysis, amount, sentence, item.number),
                  _as_of(analysis, item), item.sentence, EXTRACTOR, _confidence(item))


def _plain(value: Any) -> Any:
    """Whole numbers as int: 31800, not 31800.0."""
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _end_with_counted(item: Placed) -> int:
    """ "More than 31,800 Palestinians": the span runs to the counted noun that follows."""
    counted, amount = item.counted, item.amount
    if counted is None or amount.unit is not None or counted.i <= item.number.i \
            or counted.i - item.number.i > 4:
        return amount.end
    return max(amount.end, counted.idx + len(counted.text))


def _unit_and_subject(item: Placed) -> tuple[str | None, str | None]:
    counted = item.counted
    subject = _phrase(counted) if counted is not None and counted.pos_ != "PRON" else None
    if item.amount.unit is not None:
        return item.amount.unit, subject
    if _an_age(item):
        return "year of age", None
    if counted is None or counted.pos_ == "PRON":
        return None, subject
    if _is_people(counted):
        return "person", subject
    return counted.lemma_.lower(), subject


def _an_age(item: Placed) -> bool:
    """ "aged 44", "at age 15", "John Smith, 23, of Chicago": a person's age."""
    number, value = item.number, item.amount.value
    if not isinstance(value, float) or not value.is_integer() or not 0 < value < 120:
        return False
    doc = number.doc
    before = doc[number.i - 1] if number.i > 0 else None
    if before is not None and before.lower_ in ("aged", "age", "ages"):
        return True
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    name = doc[number.i - 2] if number.i > 1 else None
    return before is not None and before.text == "," and after is not None \
        and after.text in (",", ")") and name is not None \
        and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN")


def _is_people(token: Any) -> bool:
    return token.lemma_.lower() in PEOPLE_NOUNS or token.ent_type_ in ("NORP", "PERSON") \
        or token.lower_ in PEOPLE_NOUNS


def _phrase(noun: Any) -> str:
    """The counted noun with its modifiers: "Israeli hostages", "Gaza's population"."""
    words: list[Any] = []
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            words.extend(t for t in child.subtree if t.dep_ not in ("det", "punct"))
    words.append(noun)
    return "".join(t.text_with_ws for t in sorted(words, key=lambda t: t.i)).strip()


def _direction(item: Placed, text: str) -> str | None:
    signed = text[item.amount.start:item.amount.start + 1]
    if signed and signed in "+-−–" and item.amount.unit in ("percent", "point", "percentage point"):
        return "up" if signed == "+" else "down"  # market tables: "FTSE -0.6%"
    before = text[max(0, item.amount.start - 12):item.amount.start]
    match = _UP_DOWN_BEFORE.search(before)
    if match:
        return match["dir"].lower()
    if _TARGET_BEFORE.search(before):
        return None
    token = _anchor(item)
    if token.dep_ == "pobj" and token.head.lower_ == "by":
        token = token.head  # "increased by 18 degrees"
    if token.dep_ in ("dobj", "npadvmod", "advmod", "prep", "agent", "attr") \
            and token.head.pos_ == "VERB":
        return _change_of(token.head)
    return None


def _change_of(verb: Any) -> str | None:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if verb.lemma_ in CHANGE_UP or particle == "up" and verb.lemma_ in ("edge", "go", "move"):
        return "up"
    if verb.lemma_ in CHANGE_DOWN or particle == "down" and verb.lemma_ in ("edge", "go", "move"):
        return "down"
    return None


def _confidence(item: Placed) -> float:
    if item.amount.kind in ("vague", "fraction"):
        return 0.6
    return 0.8 if item.counted is not None or item.amount.unit else 0.7


# ----------------------------------------------------------------------------- source, date
def _source(analysis: Analysis, amount: Amount, sentence: Any, token: Any) -> str | None:
    quote = _quote_around(analysis.quotes, amount)
    if quote is not None and quote.speaker:
        return quote.speaker
    return sentence_source(sentence, analysis, token)


def _quote_around(quotes: Sequence[Quote], amount: Amount) -> Quote | None:
    for quote in quotes:
        if quote.start <= amount.start and amount.end <= quote.end:
            return quote
    return None


def sentence_source(sentence: Any, analysis: Analysis, figure_token: Any) -> str | None:
    """ "..., according to the UN." or "..., the health ministry said." """
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) \
                and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return _name(objects[0], analysis)
    for token in sentence:
        if token.lemma_ in SAY_VERBS and token.pos_ == "VERB" and _says(token, figure_token):
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            if subjects:
                return _name(subjects[0], analysis)
    return None


def _says(verb: Any, token: Any) -> bool:
    """The figure is in what the verb reports: its clause or object, or the clause it
    is appended to ("..., the ministry said")."""
    if verb.dep_ in ("ROOT",) and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")
                                          for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "advcl") \
                and child.left_edge.i <= token.i <= child.right_edge.i:
            return True
    return verb.dep_ in ("parataxis", "advcl") and \
        verb.head.left_edge.i <= token.i <= verb.head.right_edge.i


def _name(token: Any, analysis: Analysis) -> str:
    """The speaker as the article names them: the entity's canonical name, else the phrase."""
    for entity in analysis.entities:
        if entity.start <= token.idx < entity.end:
            return entity.entity
    words = [t for t in token.subtree if t.dep_ not in ("det", "punct", "appos", "relcl", "acl")
             and t.i <= token.i]
    return "".join(t.text_with_ws for t in words).strip() or token.text


def _as_of(analysis: Analysis, item: Placed) -> str | None:
    dated = [time for time in analysis.times
             if time.sentence == item.sentence and _is_date(time, analysis.article.text)]
    if dated:
        nearest = min(dated, key=lambda t: abs(t.start - item.amount.start))
        return nearest.value
    return analysis.article.published


def _is_date(time: TimeExpression, text: str) -> bool:
    if time.type != "DATE" or not re.match(r"^\d{4}(?:-[\dW]|$)", time.value):
        return False
    before = text[max(0, time.start - 12):time.start]
    return re.search(r"\bsince\s+(?:the\s+)?$", before, re.I) is None


STAGE = Stage("figures", needs=frozenset({"doc", "entities", "times", "quotes"}),
              adds=frozenset({"figures"}), run=find_figures)
