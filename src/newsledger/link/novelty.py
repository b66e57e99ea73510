"""What an article adds to its story: the events, figures, quotes and entities that no
article reported before it (earlier publication day, or the same day and received
earlier).

Needs: the story's `Material`. Adds nothing to the store: computed when asked for.

- An event is new when no earlier report is the same event (`event_match.same_event`).
- A figure is new when its series, as it stood once the article was added, classes it
  as a first reading, an update, a revision or a conflict; a repeat is not new.
- A quote is new when no earlier quote by the same speaker says mostly the same words:
  outlets re-quote each other with small edits.
- An entity is new when no earlier article named it (under any spelling the store ties
  to the same identity).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .event_match import fold_name, same_event, word_overlap
from .material import Material
from .series import build_series
from .timeline import group_events

# Share of words a quote must have in common with an earlier one to be a repeat.
SAME_QUOTE_OVERLAP = 0.6


@dataclass(frozen=True)
class Novelty:
    article: str
    story: str | None
    events: tuple[dict[str, Any], ...]
    figures: tuple[dict[str, Any], ...]
    quotes: tuple[dict[str, Any], ...]
    entities: tuple[dict[str, Any], ...]

    def to_contract(self) -> dict[str, Any]:
        return {"article": self.article, "story": self.story,
                "events": list(self.events), "figures": list(self.figures),
                "quotes": list(self.quotes), "entities": list(self.entities)}


def what_is_new(article: str, story: str | None, material: Material) -> Novelty:
    mine, before = material.of_article(article), material.before(article)
    return Novelty(article, story, new_events(mine, before), new_figures(mine, before),
                   new_quotes(mine, before), new_entities(mine, before))


def new_events(mine: Material, before: Material) -> tuple[dict[str, Any], ...]:
    """One item per event the article reports (its first mention), unless an earlier
    article reported the same event."""
    return tuple(_brief(group[0]) for group in group_events(mine.events)
                 if not any(same_event(mention, old)
                            for mention in group for old in before.events))


def new_figures(mine: Material, before: Material) -> tuple[dict[str, Any], ...]:
    """The article's readings that its story's series, as they stood with this article
    added, class as a first reading, an update, a revision or a conflict."""
    story_so_far = [*before.figures, *mine.figures]
    moved = {(r.article, r.start) for series in build_series(
                 story_so_far, None, [*before.entities, *mine.entities])
             for r in series.readings if r.status != "repeat"}
    return tuple(_brief(f) for f in mine.figures if (f["article"], f["start"]) in moved)


def new_quotes(mine: Material, before: Material) -> tuple[dict[str, Any], ...]:
    def repeated(quote: Mapping[str, Any]) -> bool:
        speaker = _speaker_key(quote)
        return any(_speaker_key(old) == speaker
                   and word_overlap(quote["text"], old["text"]) >= SAME_QUOTE_OVERLAP
                   for old in before.quotes)
    return tuple(_brief(q) for q in mine.quotes if not repeated(q))


def _speaker_key(quote: Mapping[str, Any]) -> str:
    return quote.get("speaker_identity") or fold_name(quote.get("speaker") or "")


def new_entities(mine: Material, before: Material) -> tuple[dict[str, Any], ...]:
    known = {_entity_key(e) for e in before.entities}
    first_mentions: dict[tuple[str, str], Mapping[str, Any]] = {}
    for entity in mine.entities:
        first_mentions.setdefault(_entity_key(entity), entity)
    return tuple({"entity": e["entity"], "label": e["label"], "start": e["start"],
                  "end": e["end"], "sentence": e["sentence"]}
                 for key, e in first_mentions.items() if key not in known)


def _entity_key(entity: Mapping[str, Any]) -> tuple[str, str]:
    return (entity.get("identity") or fold_name(entity["entity"]), entity["label"])


BRIEF_DROP = ("published", "outlet", "arrival", "extractor", "confidence")


def _brief(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in BRIEF_DROP}
