"""Stages with declared contracts, checked when the pipeline is built."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

from ..errors import UsageError
from ..records import UNDERSTANDING_FIELDS, Article
from .records import Entity, Event, Figure, Quote, TimeExpression


@dataclass(frozen=True)
class Analysis:
    """An article and what the stages have found in it so far."""

    article: Article
    doc: Any = None  # the spaCy parse of article.text, or None when not parsed
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()

    def add(self, **found: Any) -> Analysis:
        return replace(self, **found)

    def to_contract(self) -> dict[str, Any]:
        record = self.article.to_contract()
        for name in UNDERSTANDING_FIELDS:
            record[name] = [found.to_contract() for found in getattr(self, name)]
        return record


ANALYSIS_FIELDS = frozenset(f.name for f in fields(Analysis)) - {"article"}


@dataclass(frozen=True)
class Stage:
    """One step: `run` takes an Analysis holding `needs` and returns it with `adds`."""

    name: str
    needs: frozenset[str]
    adds: frozenset[str]
    run: Callable[[Analysis], Analysis]


class Pipeline:
    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = tuple(stages)

    def __call__(self, article: Article) -> Analysis:
        analysis = Analysis(article)
        for stage in self.stages:
            analysis = stage.run(analysis)
        return analysis


def check_order(stages: Sequence[Stage]) -> None:
    """Every stage's needs are added by a stage before it ("text" is always there)."""
    available = {"text", "language", "published"}
    for stage in stages:
        unknown = stage.adds - ANALYSIS_FIELDS
        if unknown:
            raise UsageError(f"stage {stage.name} adds unknown fields: {sorted(unknown)}")
        missing = stage.needs - available
        if missing:
            raise UsageError(f"stage {stage.name} needs {sorted(missing)}, which no earlier "
                             "stage adds", hint="reorder the stages")
        available |= stage.adds


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """Built once per process: the check runs once, the stages hold no state."""
    from . import entities, events, figures, parse, quotes, times

    return Pipeline([parse.STAGE, entities.STAGE, times.STAGE, quotes.STAGE, figures.STAGE,
                     events.STAGE])


def understand(article: Article, enabled: bool = True) -> Analysis:
    """Run the default pipeline over one article; with `enabled` false (the
    `understanding` setting), the article alone."""
    return default_pipeline()(article) if enabled else Analysis(article)
