"""Which quantity a reported figure counts: its measure, who is counted, and where.

Needs: figure rows (measure, subject, text, sentence_text, article, sentence) and,
optionally, the entity rows of their articles (article, sentence, label, text). Adds to
each figure a `place` (the place the sentence counts in) and a subject key, so that
"Palestinians killed in Gaza", "people killed in Gaza" and "Gazans killed" land in one
series while "Israelis killed" and "Palestinian children killed" do not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .names import name_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words for persons in general: "10,000 people" counts the same as "10,000" persons.
GENERIC_PEOPLE = frozenset({"people", "persons", "person", "individuals", "lives",
                            "deaths", "dead", "fatalities", "casualties", "victims"})
PEOPLE = "people"
# A place is where something is counted when the sentence says so: "killed in Gaza",
# "strikes on the Gaza Strip", "across northern Gaza".
_LOCATIVE = re.compile(r"\b(?:in|on|across|inside|throughout|within)\s+(?:the\s+)?"
                       r"(?:[a-z]+ern\s+|central\s+)?$")
# A region's generic last word: the Gaza Strip is Gaza for counting.
_REGION_NOUNS = frozenset({"strip", "governorate", "province", "region", "district",
                           "territory"})
# What sets a figure apart from a place named before it in the sentence.
_DETACHED = re.compile(r",\s*(?:in which|which|who|whose|where)\b|;|\b(?:since|after|following|"
                       r"in response to|in retaliation for)\b", re.I)
_DETERMINERS = re.compile(r"^(?:the|a|an|some|other|more|those|these|its|their)\s+", re.I)


@dataclass(frozen=True)
class Quantity:
    """What a figure counts, for grouping: measure, subject key, place key."""

    measure: str
    subject: str | None
    place: str | None


def place_key(place: str | None) -> str | None:
    if not place:
        return None
    words = name_key(place).split()
    if len(words) > 1 and words[-1] in _REGION_NOUNS:
        words = words[:-1]
    return " ".join(words) or None


def subject_key(subject: str | None) -> str | None:
    """Determiners dropped and case folded; persons in general are `people`."""
    if not subject:
        return PEOPLE
    text = _DETERMINERS.sub("", subject.strip()).replace("’", "'")
    folded = text.casefold()
    return PEOPLE if folded in GENERIC_PEOPLE else folded


def is_group_name(subject: str | None) -> bool:
    """A nationality or group written as one capitalised plural ("Palestinians",
    "Gazans"): the people of some place."""
    return bool(subject) and re.fullmatch(r"[A-Z][\w'’-]+s", (subject or "").strip()) is not None


def figure_places(figures: Sequence[Mapping[str, Any]],
                  entities: Iterable[Mapping[str, Any]]) -> list[str | None]:
    """For each figure, the place its sentence counts it in, by its canonical name (see
    `_locative_place`), else the row's own `place`, else None."""
    by_sentence: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    for entity in entities:
        if entity["label"] in PLACE_LABELS:
            names = by_sentence[entity["article"], entity["sentence"]]
            names[entity["text"]] = entity.get("entity") or entity["text"]
    return [row.get("place") or _locative_place(row, by_sentence.get(
        (row["article"], row["sentence"]), {})) for row in figures]


def _locative_place(row: Mapping[str, Any], places: dict[str, str]) -> str | None:
    """The place named after "in", "on", "across" ... nearest the figure: first after
    it, else before it unless a relative clause or "since" sets the figure apart ("an
    onslaught on X since an attack, which killed 1,200" does not count in X)."""
    sentence = row.get("sentence_text") or ""
    at = sentence.find(row["text"])
    if at < 0:
        return None
    after, before = [], []
    for written, name in places.items():
        for match in re.finditer(re.escape(written), sentence):
            if not _LOCATIVE.search(sentence[:match.start()]):
                continue
            if match.start() > at:
                after.append((match.start() - at, name))
            elif not _DETACHED.search(sentence[match.end():at]):
                before.append((at - match.start(), name))
    found = min(after) if after else min(before) if before else None
    return found[1] if found else None


def quantities(figures: Sequence[Mapping[str, Any]],
               places: Sequence[str | None]) -> list[Quantity]:
    """The quantity of each figure. A group ("Palestinians") counted in the place its
    readings most often name (or in no named place) is the people of that place; a
    group never counted in a named place but named after one ("Gazans") is that
    place's people."""
    raw = [(row.get("measure") or "", row.get("subject"), place_key(place))
           for row, place in zip(figures, places, strict=True)]
    known = {p for _, _, p in raw if p}
    usual = _usual_places(raw)
    found = []
    for measure, subject, place in raw:
        key = subject_key(subject)
        if is_group_name(subject):
            home = usual.get((measure, key)) or _named_place(subject or "", known)
            if home and place in (None, home):
                key, place = PEOPLE, home
        found.append(Quantity(measure, key, place))
    return found


def _usual_places(raw: list[tuple[str, str | None, str | None]]
                  ) -> dict[tuple[str, str | None], str]:
    counts: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
    for measure, subject, place in raw:
        if place and is_group_name(subject):
            counts[measure, subject_key(subject)][place] += 1
    # Where a group is usually counted is its home only if it is the group most often
    # counted there: six million Jews once placed in Gaza by a sentence do not make
    # Jews the people of Gaza.
    groups: dict[tuple[str, str], Counter[str | None]] = defaultdict(Counter)
    for (measure, group), places in counts.items():
        for place, n in places.items():
            groups[measure, place][group] += n
    usual = {}
    for (measure, group), places in counts.items():
        home = places.most_common(1)[0][0]
        if groups[measure, home].most_common(1)[0][0] == group:
            usual[measure, group] = home
    return usual


def _named_place(group: str, places: set[str]) -> str | None:
    """The place a group is named after: "Gazans" -> gaza, "Israelis" -> israel (the
    place's name, but for at most its last two letters, opens the group's name)."""
    word = group.casefold()
    for place in places:
        if " " not in place and len(place) >= 4:
            stem = place[:max(4, len(place) - 2)]
            if word.startswith(stem):
                return place
    return None
