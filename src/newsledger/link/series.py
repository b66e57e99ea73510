"""Figure series: readings of one quantity across the articles of a story, in the order
of the days they hold for, each classed `first`, `repeat`, `update`, `revision` or
`conflict`; and the sums that one article's figures make (`check_sums`).

Needs: figure rows as the store lists them (`Store.findings("figures")` or the views'
material: `article`, `published`, `outlet`, `sentence`, `sentence_text` and the figure's
fields) and, to place a figure, the entity rows of the same articles (`article`,
`sentence`, `label`, `text`); a row may also bring its own `place`. Reads no database.

Grouping. A series is one quantity: measure + who is counted + where (see
`series_groups`). It is NOT split by source: a conflict is two sources disagreeing about
one quantity on one day, so both must sit in one series. The series' `source` is the one
most of its readings cite (None when none cites one); each reading keeps its own.

Classing. Each figure is an interval of values (`series_values.interval`): "more than
31,800" then, a week later, "more than 32,414" is an update; two outlets giving "more
than 31,800" and "more than 31,819" on one day are compatible (a repeat); 500 and 2,000
killed on one day from two sources are a conflict. A reading is compared with the
readings of its own day first (incompatible with one from another source: conflict),
then with the highest reading of the latest earlier day: above it (disjoint, or
overlapping with a larger number) an update, below and disjoint a revision, else a
repeat.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .series_groups import Homes, Quantity, as_counted, figure_places, is_group_name, quantities
from .series_sums import SumCheck, check_sums
from .series_values import Interval, Value, holds_for, interval, nominal, overlaps

__all__ = ["Reading", "Series", "SumCheck", "build_series", "check_sums", "moved_as_added",
           "series_to_contract"]
EXTRACTOR = "interval-series"


@dataclass(frozen=True)
class Reading:
    article: str
    value: Value
    qualifier: str
    as_of: str | None  # the figure's own TIMEX3 date
    published: str | None  # the article's
    source: str | None  # whom the article attributes the figure to
    sentence_text: str | None
    status: str  # first, repeat, update, revision, conflict
    day: str | None = None  # the day it is placed at (`series_values.holds_for`)
    outlet: str | None = None
    start: int | None = None  # offsets of the figure in its article
    end: int | None = None
    text: str | None = None
    subject: str | None = None  # as the article words it
    place: str | None = None
    extractor: str = EXTRACTOR
    confidence: float = 0.0

    @property
    def interval(self) -> Interval:
        return interval(self.value, self.qualifier)

    @property
    def speaker(self) -> str | None:
        """Who gives the number: the cited source, else the outlet."""
        return self.source or self.outlet


@dataclass(frozen=True)
class Series:
    story: str | None
    measure: str
    subject: str | None
    place: str | None
    source: str | None
    readings: tuple[Reading, ...]


def build_series(figures: Sequence[Mapping[str, Any]], story: str | None = None,
                 entities: Iterable[Mapping[str, Any]] = ()) -> list[Series]:
    """One series per quantity with a measure, readings in day order and classed."""
    figures = [row for row in figures if row.get("measure") and row.get("value") is not None]
    places = figure_places(figures, entities)
    groups: dict[Quantity, list[Reading]] = defaultdict(list)
    for row, place, quantity in zip(figures, places, quantities(figures, places), strict=True):
        groups[quantity].append(_reading(row, place))
    found = [_series(story, quantity, readings) for quantity, readings in groups.items()]
    return sorted(found, key=lambda s: (-len(s.readings), s.measure, s.subject or "",
                                        s.place or ""))


def moved_as_added(figures: Sequence[Mapping[str, Any]], entities: Iterable[Mapping[str, Any]],
                   order: Sequence[str], only: str | None = None
                   ) -> dict[str, set[tuple[str, int | None]]]:
    """For each article of `order` (report order), or `only` that one, the (article,
    start) of its readings that its series, as they stood once the article was added
    (the figures of the articles before it, then its own), class as anything but a
    repeat: what `build_series` on each such prefix says, without building every series
    again for each article (a 30-article story would build them 30 times)."""
    rows = [row for row in figures if row.get("measure") and row.get("value") is not None]
    # A figure's place depends only on the entities of its own sentence, which every
    # prefix holding the figure holds too: placed once for all prefixes.
    prefix = _GrowingSeries(rows, figure_places(rows, entities))
    own: dict[str, list[int]] = {article: [] for article in order}
    for index, reading in enumerate(prefix.readings):
        if reading.article in own:
            own[reading.article].append(index)
    if only is None:
        return {article: prefix.moved(own[article]) for article in order}
    if only not in own:
        return {}
    earlier = order[:order.index(only)]
    prefix.add([index for article in earlier for index in own[article]])
    return {only: prefix.moved(own[only])}


class _GrowingSeries:
    """The series of a story's prefix as articles are added: each reading filed under
    its quantity and its day. Only a group name's reading can change quantity as figures
    come in (its home moves): those are filed again, the rest stay where they are."""

    def __init__(self, rows: Sequence[Mapping[str, Any]], places: Sequence[str | None]):
        self.readings = [_reading(row, place) for row, place in zip(rows, places, strict=True)]
        self._counted = [as_counted(row, place) for row, place in zip(rows, places, strict=True)]
        self._order = [(*_order_key(r), index) for index, r in enumerate(self.readings)]
        self._homes = Homes()
        self._filed: dict[Quantity, dict[str | None, list[int]]] = defaultdict(dict)
        self._quantity: dict[int, Quantity] = {}
        self._group_homes: dict[tuple[str, str], str | None] = {}  # (measure, group name)
        self._group_readings: dict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, indices: Sequence[int], newest: bool = False) -> None:
        """Readings (indices of `readings`) join the prefix; `newest`: as the article
        being checked, after every other (`Homes`)."""
        for index in indices:
            self._homes.add(self._counted[index], index, newest)
        self._rehome()
        for index in indices:
            measure, subject, _ = self._counted[index]
            if subject and is_group_name(subject):
                self._group_homes[measure, subject] = self._homes.home(measure, subject)
                self._group_readings[measure, subject].append(index)
            self._file(index)

    def moved(self, own: Sequence[int]) -> set[tuple[str, int | None]]:
        """Of the next article's readings (`own`), the (article, start) of those that are
        not repeats once the article has joined the prefix."""
        self.add(own, newest=True)
        found = {(self.readings[index].article, self.readings[index].start)
                 for index in own if self._status(index) != "repeat"}
        self._homes.settle()
        return found

    def _rehome(self) -> None:
        """File again the readings of each group name whose home has moved."""
        for (measure, group), home in self._group_homes.items():
            now = self._homes.home(measure, group)
            if now != home:
                self._group_homes[measure, group] = now
                for index in self._group_readings[measure, group]:
                    self._unfile(index)
                    self._file(index)

    def _file(self, index: int) -> None:
        quantity = self._homes.quantity(self._counted[index])
        self._quantity[index] = quantity
        self._filed[quantity].setdefault(self.readings[index].day, []).append(index)

    def _unfile(self, index: int) -> None:
        days = self._filed[self._quantity.pop(index)]
        day = self.readings[index].day
        days[day].remove(index)
        if not days[day]:
            del days[day]

    def _status(self, index: int) -> str:
        """The reading's status in its series as `classify` gives it: against the
        readings of its day before it, and those of the latest day before."""
        days = self._filed[self._quantity[index]]
        day = self.readings[index].day
        same_day = self._in_order(days[day])
        earlier = [other for other in days if _day_order(other) < _day_order(day)]
        day_before = self._in_order(days[max(earlier, key=_day_order)]) if earlier else []
        return _status(self.readings[index], self._of(same_day[:same_day.index(index)]),
                       self._of(day_before))[0]

    def _in_order(self, indices: list[int]) -> list[int]:
        return sorted(indices, key=self._order.__getitem__)

    def _of(self, indices: list[int]) -> list[Reading]:
        return [self.readings[index] for index in indices]


def _ordered_and_classed(readings: list[Reading]) -> list[Reading]:
    return classify(sorted(readings, key=_order_key))


def _order_key(reading: Reading) -> tuple[str, float, str]:
    """A series' order: by day, value and article; readings equal in all three keep the
    order they are listed in."""
    return (_day_order(reading.day), nominal(reading.value), reading.article)


def _day_order(day: str | None) -> str:
    return day or "9999"


def _reading(row: Mapping[str, Any], place: str | None) -> Reading:
    value = row["value"]
    if not isinstance(value, int | float):
        value = (float(value[0]), float(value[1]))
    return Reading(
        article=row.get("article") or row["article_id"], value=value,
        qualifier=row.get("qualifier") or "exact", as_of=row.get("as_of"),
        published=row.get("published"), source=row.get("source"),
        sentence_text=row.get("sentence_text"), status="first",
        day=holds_for(row.get("as_of"), row.get("published"), row.get("sentence_text"),
                      row.get("text")),
        outlet=row.get("outlet"),
        start=row.get("start"), end=row.get("end"), text=row.get("text"),
        subject=row.get("subject"), place=place, confidence=float(row.get("confidence", 0)))


def _series(story: str | None, quantity: Quantity, readings: list[Reading]) -> Series:
    classed = _ordered_and_classed(readings)
    subjects = Counter(r.subject for r in classed if r.subject)
    places = Counter(r.place for r in classed if r.place)
    sources = Counter(r.source for r in classed if r.source)
    return Series(story, quantity.measure,
                  subjects.most_common(1)[0][0] if subjects else quantity.subject,
                  places.most_common(1)[0][0] if places else quantity.place,
                  sources.most_common(1)[0][0] if sources else None, tuple(classed))


def classify(ordered: Sequence[Reading]) -> list[Reading]:
    """Each reading's status against the readings of its day and of the day before (the
    day of the latest reading of another day)."""
    classed: list[Reading] = []
    by_day: dict[str | None, list[Reading]] = defaultdict(list)
    runs: list[str | None] = []  # the day of each run of readings of one day
    for reading in ordered:
        if not runs or runs[-1] != reading.day:
            runs.append(reading.day)
        day_before = by_day[runs[-2]] if len(runs) > 1 else []
        status, confidence = _status(reading, by_day[reading.day], day_before)
        classed.append(replace(reading, status=status, confidence=confidence))
        by_day[reading.day].append(classed[-1])
    return classed


def _status(reading: Reading, same_day: list[Reading],
            day_before: list[Reading]) -> tuple[str, float]:
    if not same_day and not day_before:
        return "first", 1.0
    if same_day:
        others = [r for r in same_day if r.speaker != reading.speaker]
        if any(not overlaps(r.interval, reading.interval) for r in others):
            return "conflict", 0.8
        if any(overlaps(r.interval, reading.interval) for r in same_day):
            return "repeat", 0.8
        return _against(reading, max(same_day, key=lambda r: nominal(r.value)))
    return _against(reading, max(day_before, key=lambda r: nominal(r.value)))


def _against(reading: Reading, reference: Reading) -> tuple[str, float]:
    """Moved since the reference? Above it: update; below and disjoint: revision."""
    now, before = reading.interval, reference.interval
    if now[0] > before[1] or (overlaps(now, before)
                              and nominal(reading.value) > nominal(reference.value)):
        return "update", 0.9 if now[0] > before[1] else 0.7
    if now[1] < before[0]:
        return "revision", 0.8
    return "repeat", 0.7


def series_to_contract(series: Series) -> dict[str, Any]:
    """The series as `newsledger figures --json` prints it (CONTRACT.md)."""
    return {"story": series.story, "measure": series.measure, "subject": series.subject,
            "place": series.place, "source": series.source,
            "readings": [{"article": r.article, "value": plain_number(r.value),
                          "qualifier": r.qualifier, "as_of": r.as_of or r.day,
                          "status": r.status} for r in series.readings]}


def plain_number(value: Any) -> Any:
    """Whole floats as ints, ranges as lists: what JSON and a reader expect."""
    if isinstance(value, tuple):
        return [plain_number(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
