"""What the understanding stages find, as frozen records with provenance.

Every record carries its article id, character offsets into the article's `text`
(end exclusive: `text[start:end] == record.text`), the sentence it sits in, the
extractor that made it and a confidence. `to_contract` gives the fields of
`../shared/CONTRACT.md`; provenance fields beyond the contract stay in the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Number = int | float
FigureValue = Number | tuple[Number, Number]  # a number, or (low, high) for a range


@dataclass(frozen=True)
class Entity:
    article: str
    start: int
    end: int
    text: str
    label: str  # OntoNotes: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    entity: str  # the canonical name this mention resolves to within the article
    sentence: int
    extractor: str
    confidence: float

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "label": self.label, "entity": self.entity}


@dataclass(frozen=True)
class TimeExpression:
    """A time expression normalised to a TIMEX3 value against the publication date."""

    article: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3: 2024-03-19, 2024-03, 2024-W12, P7D, PRESENT_REF, XXXX-10-07 ...
    sentence: int
    extractor: str
    confidence: float

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value}


@dataclass(frozen=True)
class Quote:
    """Something a speaker said or is reported to have said; offsets are the content's."""

    article: str
    start: int
    end: int
    text: str
    speaker: str | None  # resolved name where the article gives one, else as written
    speaker_start: int | None  # the mention the speaker was read from
    speaker_end: int | None
    cue: str | None  # "said", "told", "according to" ...
    kind: str  # direct, indirect or mixed
    sentence: int
    extractor: str
    confidence: float

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "speaker": self.speaker, "speaker_start": self.speaker_start,
                "speaker_end": self.speaker_end, "cue": self.cue, "kind": self.kind}


@dataclass(frozen=True)
class Figure:
    """A numeric claim: value, qualifier, unit, what is counted, who says so, as of when."""

    article: str
    start: int
    end: int
    text: str
    value: FigureValue
    qualifier: str  # exact, more_than, at_least, nearly, about, less_than, up_to
    unit: str | None  # person, percent, dollar, km ...
    subject: str | None  # what is counted: "Palestinians", "Israeli hostages"
    measure: str | None  # killed, injured, displaced, held hostage, released ...
    direction: str | None  # up, down, or None when the figure is not a change
    source: str | None  # who the article attributes the figure to
    as_of: str | None  # TIMEX3 date the figure holds for
    sentence: int
    extractor: str
    confidence: float

    def to_contract(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"start": self.start, "end": self.end, "text": self.text, "value": value,
                "qualifier": self.qualifier, "unit": self.unit, "subject": self.subject,
                "measure": self.measure, "direction": self.direction,
                "source": self.source, "as_of": self.as_of}


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where and when, typed by PLOVER's top-level categories."""

    article: str
    start: int
    end: int
    text: str
    type: str  # AGREE, CONSULT, SUPPORT, CONCEDE, ACCUSE, REJECT, THREATEN, ASSAULT ...
    trigger: str  # the word that names the event ("resumed", "adopted")
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    mediators: tuple[str, ...]
    place: str | None
    date: str | None  # TIMEX3
    sentence: int
    extractor: str
    confidence: float

    def to_contract(self) -> dict[str, Any]:
        # `trigger` and `targets` go beyond the contract's example: without targets a
        # reader cannot see whom an accusation is aimed at.
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "trigger": self.trigger, "actors": list(self.actors),
                "targets": list(self.targets), "mediators": list(self.mediators),
                "date": self.date, "place": self.place}
