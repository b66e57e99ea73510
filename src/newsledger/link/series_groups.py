"""Which quantity a reported figure counts: its measure, who is counted, and where.

Needs: figure rows (measure, subject, text, sentence_text, article, sentence) and,
optionally, the entity rows of their articles (article, sentence, label, text). Adds to
each figure a `place` (the place the sentence counts in) and a subject key, so that
"Palestinians killed in Gaza", "people killed in Gaza" and "Gazans killed" land in one
series while "Israelis killed" and "Palestinian children killed" do not.

A group name's quantity hangs on every figure of the set (where the group is counted
most); `Homes` keeps that as figures are added, so that a story's prefixes, one article
longer each, are grouped as `quantities` would group each of them.
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
_GROUP_NAME = re.compile(r"[A-Z][\w'’-]+s")
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


def subject_key(subject: str | None) -> str:
    """Determiners dropped and case folded; persons in general are `people`."""
    if not subject:
        return PEOPLE
    text = _DETERMINERS.sub("", subject.strip()).replace("’", "'")
    folded = text.casefold()
    return PEOPLE if folded in GENERIC_PEOPLE else folded


def is_group_name(subject: str | None) -> bool:
    """A nationality or group written as one capitalised plural ("Palestinians",
    "Gazans"): the people of some place."""
    return bool(subject) and _GROUP_NAME.fullmatch((subject or "").strip()) is not None


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


Figure = tuple[str, str | None, str | None]  # measure, subject as written, place key


def quantities(figures: Sequence[Mapping[str, Any]],
               places: Sequence[str | None]) -> list[Quantity]:
    """The quantity of each figure. A group ("Palestinians") counted in the place its
    readings most often name (or in no named place) is the people of that place; a
    group never counted in a named place but named after one ("Gazans") is that
    place's people."""
    found = [as_counted(row, place) for row, place in zip(figures, places, strict=True)]
    homes = Homes()
    for index, figure in enumerate(found):
        homes.add(figure, index)
    return [homes.quantity(figure) for figure in found]


def as_counted(row: Mapping[str, Any], place: str | None) -> Figure:
    """What of a figure row its quantity hangs on: measure, subject, place key."""
    return (row.get("measure") or "", row.get("subject"), place_key(place))


class Homes:
    """The place whose people each group is, from the figures added so far: what a
    group name's quantity hangs on (every other figure's quantity is its own measure,
    subject key and place key). Kept as figures are added, so that the growing prefixes
    of a story need not be grouped again from the start (`series.moved_as_added`).

    Of two places (or groups) counted as often, the one the figures list first wins: a
    figure's index is its place in that list; one added as `newest` comes after every
    other (the article being checked comes last in its prefix) until `settle`."""

    def __init__(self) -> None:
        self._known: set[str] = set()  # every place a figure is counted in
        self._places: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._groups: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._first: dict[tuple[str, ...], tuple[bool, int]] = {}  # (newest, index)
        self._newest: dict[tuple[str, ...], int] = {}  # first index among the newest
        self._usual: dict[tuple[str, str], str] | None = None
        self._named: dict[str, str | None] = {}

    def add(self, figure: Figure, index: int, newest: bool = False) -> None:
        measure, subject, place = figure
        if place and place not in self._known:
            self._known.add(place)
            self._named.clear()
        if place and is_group_name(subject):
            group = subject_key(subject)
            self._places[measure, group][place] += 1
            self._groups[measure, place][group] += 1
            for key in ((measure, group), (measure, group, place)):
                self._seen(key, index, newest)
            self._usual = None

    def settle(self) -> None:
        """The figures added as newest take their own place in the list: before those
        listed after them."""
        for key, index in self._newest.items():
            if (False, index) < self._first[key]:
                self._first[key] = (False, index)
                self._usual = None
        self._newest.clear()

    def quantity(self, figure: Figure) -> Quantity:
        measure, subject, place = figure
        if is_group_name(subject):
            home = self.home(measure, subject or "")
            if home and place in (None, home):
                return Quantity(measure, PEOPLE, home)
        return Quantity(measure, subject_key(subject), place)

    def home(self, measure: str, group: str) -> str | None:
        """The place whose people a group name is: where it is usually counted, else
        the place it is named after."""
        if self._usual is None:
            self._usual = self._usual_places()
        usual = self._usual.get((measure, subject_key(group)))
        if usual:
            return usual
        if group not in self._named:
            self._named[group] = _named_place(group, self._known)
        return self._named[group]

    def _seen(self, key: tuple[str, ...], index: int, newest: bool) -> None:
        if key not in self._first or (newest, index) < self._first[key]:
            self._first[key] = (newest, index)
        if newest:
            self._newest[key] = min(index, self._newest.get(key, index))

    def _usual_places(self) -> dict[tuple[str, str], str]:
        # Where a group is usually counted is its home only if it is the group most often
        # counted there: six million Jews once placed in Gaza by a sentence do not make
        # Jews the people of Gaza.
        usual = {}
        for (measure, group), places in self._places.items():
            home = self._most(places, (measure, group))
            if self._most(self._groups[measure, home], (measure,)) == group:
                usual[measure, group] = home
        return usual

    def _most(self, counts: Counter[str], within: tuple[str, ...]) -> str:
        """The most counted; of equals, the first seen (`within`: what the counted
        items are keyed under)."""
        return min(counts, key=lambda item: (-counts[item], self._first[(*within, item)]))


def _named_place(group: str, places: set[str]) -> str | None:
    """The place a group is named after: "Gazans" -> gaza, "Israelis" -> israel (the
    place's name, but for at most its last two letters, opens the group's name)."""
    word = group.casefold()
    # In a fixed order: two places may both fit, and a set's order changes from run to
    # run.
    for place in sorted(places):
        if " " not in place and len(place) >= 4:
            stem = place[:max(4, len(place) - 2)]
            if word.startswith(stem):
                return place
    return None
