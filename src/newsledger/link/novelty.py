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

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .event_match import same_event, word_overlap
from .material import KINDS, Material
from .names import name_key
from .series import moved_as_added
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
    """What one article adds: its step of the story's walk, the walk stopping there (the
    articles reported after it play no part)."""
    order = [a["id"] for a in material.articles]
    if article not in order:
        return Novelty(article, story, (), (), (), ())
    return story_novelty(story, material.among(set(order[:order.index(article) + 1])))[-1]


def story_novelty(story: str | None, material: Material) -> list[Novelty]:
    """What each article of the story adds, in report order, in one walk: what the
    earlier articles reported is gathered as the walk goes, not read again for each
    article (a story page shows what each of its articles added)."""
    order = [a["id"] for a in material.articles]
    mine = _by_article(material, order)
    moved = moved_as_added(material.figures, material.entities, order)
    events: dict[str, list[Mapping[str, Any]]] = defaultdict(list)  # earlier ones by type
    quotes: dict[str, list[str]] = defaultdict(list)
    entities: set[tuple[str, str]] = set()
    found = []
    for article in order:
        own = mine[article]
        found.append(Novelty(
            article, story, _unreported(own.events, events),
            tuple(_brief(f) for f in own.figures if (f["article"], f["start"]) in moved[article]),
            _unrepeated(own.quotes, quotes), _unnamed(own.entities, entities)))
        for event in own.events:
            events[event["type"]].append(event)
        for quote in own.quotes:
            quotes[speaker_key(quote)].append(quote["text"])
        entities.update(_entity_key(e) for e in own.entities)
    return found


def _by_article(material: Material, order: Sequence[str]) -> dict[str, Material]:
    """Each article's own material, in one pass over the story's rows."""
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {
        article: {kind: [] for kind in KINDS} for article in order}
    for kind in KINDS:
        for row in getattr(material, kind):
            if row["article"] in rows:
                rows[row["article"]][kind].append(row)
    articles = {a["id"]: a for a in material.articles}
    return {article: Material((articles[article],), *(tuple(rows[article][kind])
                                                      for kind in KINDS))
            for article in order}


def _unreported(events: Sequence[Mapping[str, Any]],
                earlier: Mapping[str, Sequence[Mapping[str, Any]]]
                ) -> tuple[dict[str, Any], ...]:
    # Events of another type are never the same event: only the same type is compared.
    return tuple(_brief(group[0]) for group in group_events(events)
                 if not any(same_event(mention, old)
                            for mention in group for old in earlier.get(mention["type"], ())))


def _unrepeated(quotes: Sequence[Mapping[str, Any]], earlier: Mapping[str, Sequence[str]]
                ) -> tuple[dict[str, Any], ...]:
    """The quotes no earlier quote by the same speaker (`earlier`: speaker key -> texts)
    says mostly in the same words."""
    def repeated(quote: Mapping[str, Any]) -> bool:
        return any(word_overlap(quote["text"], text) >= SAME_QUOTE_OVERLAP
                   for text in earlier.get(speaker_key(quote), ()))
    return tuple(_brief(q) for q in quotes if not repeated(q))


def speaker_key(quote: Mapping[str, Any]) -> str:
    """Who said a quote: the speaker's identity, else the folded name as written (marked,
    so that a name never equals an identity id); "" when no speaker is known."""
    if quote.get("speaker_identity"):
        return str(quote["speaker_identity"])
    return f"name:{name_key(quote['speaker'])}" if quote.get("speaker") else ""


def _unnamed(entities: Sequence[Mapping[str, Any]], known: set[tuple[str, str]]
             ) -> tuple[dict[str, Any], ...]:
    """The first mention of each entity that no earlier article named (`known`)."""
    first_mentions: dict[tuple[str, str], Mapping[str, Any]] = {}
    for entity in entities:
        first_mentions.setdefault(_entity_key(entity), entity)
    return tuple({"entity": e["entity"], "label": e["label"], "start": e["start"],
                  "end": e["end"], "sentence": e["sentence"]}
                 for key, e in first_mentions.items() if key not in known)


def _entity_key(entity: Mapping[str, Any]) -> tuple[str, str]:
    return (entity.get("identity") or name_key(entity["entity"]), entity["label"])


BRIEF_DROP = ("published", "outlet", "arrival", "extractor", "confidence")


def _brief(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in BRIEF_DROP}
