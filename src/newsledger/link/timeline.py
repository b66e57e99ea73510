"""A story's timeline: its events and dated figures merged across articles, ordered by
when they happened, each entry with every article that reported it.

Needs: the story's event and figure rows (as `link.material.read_material` reads them:
each with its article, the article's `published` and the sentence). Adds nothing to the
store: the timeline is computed when asked for, so it always reflects the whole story.

- One event reported by several articles (or twice in one) is one entry: mentions are
  merged by `event_match.same_event`; the entry keeps the most precise date any report
  gives and the wording of the earliest report.
- A figure is a dated claim: one entry per new reading of its series (a repeat of the
  same figure only adds a source), dated by the day it holds for, or by the event its
  sentence reports when that date is more precise.
- An event no report dates is placed on the day it was first reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .event_match import dates_compatible, effective_date, same_event
from .series import Series, build_series


@dataclass(frozen=True)
class Mention:
    """Where an entry was reported: one sentence of one article."""

    article: str
    start: int
    end: int
    sentence: int
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end,
                "sentence": self.sentence}


@dataclass(frozen=True)
class TimelineEntry:
    date: str | None
    text: str
    type: str  # a PLOVER type for events, FIGURE for a dated figure
    sources: tuple[str, ...]  # article ids, earliest report first
    mentions: tuple[Mention, ...]
    dated_by: str  # "text" when a report dates it, "published" when only its report day does

    def to_contract(self) -> dict[str, Any]:
        return {"date": self.date, "text": self.text, "type": self.type,
                "sources": list(self.sources), "dated_by": self.dated_by,
                "mentions": [m.to_dict() for m in self.mentions]}


def build_timeline(events: Sequence[Mapping[str, Any]],
                   figures: Sequence[Mapping[str, Any]] = (),
                   entities: Sequence[Mapping[str, Any]] = (),
                   series: Sequence[Series] | None = None) -> list[TimelineEntry]:
    """`entities` (the same articles' entity rows) let the figure series tell places
    apart; without them figures group by measure and who is counted. `series`: the
    figures' series when the caller has built them already."""
    entries = dated_by_events([*merge_events(events),
                               *figure_entries(figures, entities, series)])
    return sorted(entries, key=_chronological)


def _chronological(entry: TimelineEntry) -> tuple[str, int, str, str]:
    first_report = entry.mentions[0].published or ""
    return (entry.date or "9999", entry.type == "FIGURE", first_report, entry.text)


def in_report_order(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(rows, key=lambda r: (r.get("published") or "9999", r.get("arrival", 0),
                                       r["article"], r["start"]))


def merge_events(events: Sequence[Mapping[str, Any]]) -> list[TimelineEntry]:
    return [_event_entry(group) for group in group_events(events)]


def group_events(events: Sequence[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Mentions of the same event together, earliest report first. Each mention is
    compared only with the groups of its type and year, so the cost stays near linear on
    long stories."""
    groups: list[list[Mapping[str, Any]]] = []
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for event in in_report_order(events):
        key = (event["type"], (effective_date(event) or "")[:4])
        found = next((i for i in buckets[key]
                      if any(same_event(event, other) for other in groups[i])), None)
        if found is None:
            buckets[key].append(len(groups))
            groups.append([event])
        else:
            groups[found].append(event)
    return groups


def _event_entry(group: list[Mapping[str, Any]]) -> TimelineEntry:
    dated = [e["date"] for e in group if e.get("date")]
    date = max(dated, key=len) if dated else effective_date(group[0])
    return TimelineEntry(date=date, text=group[0]["text"], type=group[0]["type"],
                         sources=_sources(group), mentions=_mentions(group),
                         dated_by="text" if dated else "published")


def figure_entries(figures: Sequence[Mapping[str, Any]],
                   entities: Sequence[Mapping[str, Any]] = (),
                   series: Sequence[Series] | None = None) -> list[TimelineEntry]:
    """One entry per new reading of each figure series (`series.build_series`): a
    first reading, an update, a revision or a conflict; a repeat only adds its article
    to the sources of the entry it repeats."""
    by_position = {(f["article"], f["start"]): f for f in figures}
    entries: list[TimelineEntry] = []
    for one in build_series(figures, None, entities) if series is None else series:
        groups: list[tuple[str | None, list[Mapping[str, Any]]]] = []
        for reading in one.readings:
            row = by_position[(reading.article, reading.start)]
            if reading.status == "repeat" and groups:
                groups[-1][1].append(row)
            else:
                groups.append((_stated_date(reading.day, row), [row]))
        entries.extend(_figure_entry(day, group) for day, group in groups)
    return entries


def _stated_date(day: str | None, row: Mapping[str, Any]) -> str | None:
    """The series places a reading on a day; a timeline keeps the precision the article
    gave ("last October" stays 2023-10) unless the day is the report's own."""
    as_of = row.get("as_of")
    published = (row.get("published") or "")[:10]
    if day and as_of and day.startswith(as_of) and day != published:
        return str(as_of)
    return day


def _figure_entry(day: str | None, group: list[Mapping[str, Any]]) -> TimelineEntry:
    ordered = in_report_order(group)
    return TimelineEntry(date=day, text=figure_claim(ordered[0]), type="FIGURE",
                         sources=_sources(ordered), mentions=_mentions(ordered),
                         dated_by="text" if ordered[0].get("as_of") else "published")


def dated_by_events(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """A figure stated in the sentence that reports an event holds for that event's
    date when the event's is the more precise ("the attack last October, which killed
    1,200" with the attack dated 7 October elsewhere)."""
    event_dates: dict[tuple[str, int], list[str]] = defaultdict(list)
    for entry in entries:
        if entry.type != "FIGURE" and entry.dated_by == "text" and entry.date:
            for mention in entry.mentions:
                event_dates[(mention.article, mention.sentence)].append(entry.date)
    return [_refined(entry, event_dates) if entry.type == "FIGURE" else entry
            for entry in entries]


def _refined(entry: TimelineEntry, event_dates: Mapping[tuple[str, int], list[str]]
             ) -> TimelineEntry:
    first = entry.mentions[0]
    finer = [date for date in event_dates.get((first.article, first.sentence), ())
             if entry.date and len(date) > len(entry.date)
             and dates_compatible(date, entry.date)]
    return replace(entry, date=max(finer, key=len)) if finer else entry


QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "at_least": "at least ",
                   "nearly": "nearly ", "about": "about ", "less_than": "less than ",
                   "up_to": "up to "}


def figure_claim(figure: Mapping[str, Any]) -> str:
    """"more than 31,800 Palestinians: killed": the value as a reader would say it, what
    is counted, and the measure."""
    value = figure["value"]
    amount = (f"{_number(value[0])}–{_number(value[1])}" if isinstance(value, list | tuple)
              else _number(value))
    subject = f" {figure['subject']}" if figure.get("subject") else ""
    unit = "%" if figure.get("unit") == "percent" else ""
    return f"{QUALIFIER_WORDS.get(figure['qualifier'], '')}{amount}{unit}{subject}: " \
           f"{figure['measure']}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _sources(group: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(row["article"] for row in group))


def _mentions(group: Sequence[Mapping[str, Any]]) -> tuple[Mention, ...]:
    return tuple(Mention(row["article"], row["start"], row["end"], row["sentence"],
                         row.get("published")) for row in group)
