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

from .event_match import KnownEvents, word_overlap
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
    """What one article adds to what the articles reported before it held (the articles
    reported after it play no part)."""
    order = [a["id"] for a in material.articles]
    if article not in order:
        return Novelty(article, story, (), (), (), ())
    before = order[:order.index(article)]
    reported = _Reported()
    reported.add(material.among(set(before)))
    moved = moved_as_added(material.figures, material.entities, [*before, article],
                           only=article)
    own = _by_article(material, [article])[article]
    return reported.novelty(article, story, own, moved[article])


def story_novelty(story: str | None, material: Material) -> list[Novelty]:
    """`what_is_new` for every article of the story, in report order, in one walk: what
    the earlier articles reported is gathered as the walk goes, not read again for each
    article (a story page shows what each of its articles added)."""
    order = [a["id"] for a in material.articles]
    mine = _by_article(material, order)
    moved = moved_as_added(material.figures, material.entities, order)
    reported = _Reported()
    found = []
    for article in order:
        found.append(reported.novelty(article, story, mine[article], moved[article]))
        reported.add(mine[article])
    return found


class _Reported:
    """What the articles walked so far reported, kept the way an article is checked
    against it."""

    def __init__(self) -> None:
        self.events = KnownEvents()
        self.quotes: dict[str, list[str]] = defaultdict(list)  # texts by speaker key
        self.entities: set[tuple[str, str]] = set()

    def add(self, material: Material) -> None:
        for event in material.events:
            self.events.add(event)
        for quote in material.quotes:
            self.quotes[speaker_key(quote)].append(quote["text"])
        self.entities.update(_entity_key(e) for e in material.entities)

    def novelty(self, article: str, story: str | None, own: Material,
                moved: set[tuple[str, int | None]]) -> Novelty:
        """What `own` (one article's material) adds; `moved`: its readings that are not
        repeats (`series.moved_as_added`)."""
        return Novelty(article, story, _unreported(own.events, self.events),
                       tuple(_brief(f) for f in own.figures if (f["article"], f["start"]) in moved),
                       _unrepeated(own.quotes, self.quotes), _unnamed(own.entities, self.entities))


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


def _unreported(events: Sequence[Mapping[str, Any]], earlier: KnownEvents
                ) -> tuple[dict[str, Any], ...]:
    return tuple(_brief(group[0]) for group in group_events(events)
                 if not any(earlier.knows(mention) for mention in group))


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
