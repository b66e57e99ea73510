"""What an article says about which story it belongs to, read from its Analysis.

Needs: an `Analysis` (the article; its spaCy doc, entities and times where the
pipeline made them). Adds: `StorySignals`, a sparse bag of weighted features in
namespaces, ready to be compared with other articles':

- `w:` content-word lemmas (nouns, proper nouns, verbs, adjectives), counted with
  more weight in the title and the lead, where news puts what the story is about;
- `h:` the canonical names of people, and `e:` of organisations, groups, events,
  works and laws, weighted up in the title and lead like words;
- `p:` places (GPE, LOC, FAC);
- `d:` the days, and `y:` the years, the article's times resolve to;
- `n:` numbers written in the text (ages, scores, tolls, magnitudes), which tell two
  similar events apart;
- `tn:` the numbers of the headline (a score, a toll), kept apart: `stories` compares
  them on their own, as the headline's numbers name which game or quake it is.

Weights here are within-article counts only; how rare a feature is across the store
(its IDF) is applied by `stories`, which keeps the document frequencies.
Without a parse (non-English text) the words are regex tokens of the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..understand.pipeline import Analysis

EXTRACTOR = "story_signals"
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TITLE_WEIGHT = 3.0  # a headline word says more about the story than a body word
LEAD_WEIGHT = 2.0  # so does a word of the first sentences
LEAD_SENTENCES = 2
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})")
# 1,400 / 6.1 / 33, not followed by more digits (a comma or stop after it is punctuation)
NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d]|[.,]\d)")
WORD = re.compile(r"[^\W\d_]{3,}")
Weights = defaultdict[str, float]


@dataclass(frozen=True)
class StorySignals:
    """One article's story features: `features` maps `namespace:key` to a weight."""

    article: str
    published: str | None  # YYYY-MM-DD, or None when the article has no date
    title: str | None
    features: tuple[tuple[str, float], ...]
    extractor: str = EXTRACTOR

    def as_dict(self) -> dict[str, float]:
        return dict(self.features)

    def namespace(self, prefix: str) -> dict[str, float]:
        return {key: weight for key, weight in self.features if key.startswith(prefix)}


def story_signals(analysis: Analysis) -> StorySignals:
    """The story features of one analysed article (see the module docstring)."""
    article = analysis.article
    title = article.title or ""
    words = (_lemma_counts(analysis.doc, title) if analysis.doc is not None
             else _token_counts(article.text, title))
    counts: dict[str, float] = {}
    # Each kind has its own namespace prefix, so the parts never share a key.
    for part in (words, _entity_counts(analysis, _lead_bounds(analysis, title)),
                 _time_counts(analysis), _number_counts(article.text),
                 _number_counts(title, "tn:")):
        counts.update(part)
    features = tuple(sorted((key, round(weight, 4)) for key, weight in counts.items()))
    return StorySignals(article.id, _day(article.published), article.title, features)


def _day(published: str | None) -> str | None:
    return published[:10] if published and DAY.match(published[:10]) else None


def _lemma_counts(doc: Any, title: str) -> Weights:
    """Content lemmas, weighted up in the title and lead sentences."""
    counts: Weights = defaultdict(float)
    lead_end = _lead_end(doc, title)
    title_end = len(title) if title and doc.text.startswith(title) else 0
    for token in doc:
        if token.pos_ not in CONTENT_POS or token.is_stop or not token.is_alpha:
            continue
        lemma = token.lemma_.lower()
        if len(lemma) < 2:
            continue
        counts["w:" + lemma] += _position_weight(token.idx, title_end, lead_end)
    for word in _title_words_outside_text(doc.text, title):
        counts["w:" + word] += TITLE_WEIGHT
    return counts


def _lead_end(doc: Any, title: str) -> int:
    """The character offset where the lead (first sentences after the title) ends."""
    starts = [sentence.start_char for sentence in doc.sents]
    body = [s for s in starts if s >= (len(title) if doc.text.startswith(title) else 0)]
    if len(body) > LEAD_SENTENCES:
        return int(body[LEAD_SENTENCES])
    return len(doc.text)


def _position_weight(offset: int, title_end: int, lead_end: int) -> float:
    if offset < title_end:
        return TITLE_WEIGHT
    return LEAD_WEIGHT if offset < lead_end else 1.0


def _title_words_outside_text(text: str, title: str) -> list[str]:
    """A title that is not the first line of the text still counts, as plain words."""
    if not title or text.startswith(title):
        return []
    return [word.lower() for word in WORD.findall(title)]


def _token_counts(text: str, title: str) -> Weights:
    """Without a parse: lower-cased word tokens; the store's IDF sorts out function words."""
    counts: Weights = defaultdict(float)
    title_end = len(title) if title and text.startswith(title) else 0
    lead_end = _paragraph_end(text, title_end, LEAD_SENTENCES)
    for match in WORD.finditer(text):
        counts["w:" + match.group().lower()] += _position_weight(
            match.start(), title_end, lead_end)
    for word in _title_words_outside_text(text, title):
        counts["w:" + word] += TITLE_WEIGHT
    return counts


def _paragraph_end(text: str, start: int, paragraphs: int) -> int:
    end = start
    for _ in range(paragraphs):
        found = text.find("\n\n", end + 1)
        if found < 0:
            return len(text)
        end = found
    return end


def _lead_bounds(analysis: Analysis, title: str) -> tuple[int, int]:
    """Where the title and the lead end in the text."""
    text = analysis.article.text
    title_end = len(title) if title and text.startswith(title) else 0
    if analysis.doc is not None:
        return title_end, _lead_end(analysis.doc, title)
    return title_end, _paragraph_end(text, title_end, LEAD_SENTENCES)


def _entity_counts(analysis: Analysis, bounds: tuple[int, int]) -> Weights:
    """People (`h:`), other names (`e:`) and places (`p:`), weighted by position like
    words: the people of the headline and lead are whom the story is about."""
    counts: Weights = defaultdict(float)
    for entity in analysis.entities:
        name = _normal_name(entity.entity)
        weight = _position_weight(entity.start, *bounds)
        if not name:
            continue
        if entity.label in PLACE_LABELS:
            counts["p:" + name] += weight
        elif entity.label == "PERSON":
            counts["h:" + name] += weight
        elif entity.label in NAME_LABELS:
            counts["e:" + name] += weight
    return counts


def _normal_name(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", name).lower()


def _time_counts(analysis: Analysis) -> Weights:
    """Resolved days and years the article mentions (not durations or sets)."""
    counts: Weights = defaultdict(float)
    for time in analysis.times:
        if time.type != "DATE":
            continue
        if DAY.match(time.value):
            counts["d:" + time.value] += 1.0
        year = YEAR.match(time.value)
        if year:
            counts["y:" + year.group(1)] += 1.0
    return counts


def _number_counts(text: str, namespace: str = "n:") -> Weights:
    """Numbers as written (commas dropped), except those that are parts of dates or
    times; a story keeps repeating its ages, scores and tolls."""
    counts: Weights = defaultdict(float)
    for value in _numbers(text):
        counts[namespace + value] += 1.0
    return counts


def _numbers(text: str) -> Iterable[str]:
    for match in NUMBER.finditer(text):
        before = text[max(0, match.start() - 1):match.start()]
        after = text[match.end():match.end() + 1]
        if before in ":/" or after in ":/":
            continue  # a clock time or a numeric date
        value = match.group().replace(",", "")
        if value not in {"0", "1"}:
            yield value
