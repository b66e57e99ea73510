"""Stage `entities`: people, organisations, places and groups, one name per person.

Needs: doc. Adds: entities. spaCy's named entities, minus the numeric kinds (dates and
figures have their own stages), with two news fixes: a name the article uses as a
place elsewhere is a place, not a person; and within the article a surname ("Al-Ansari",
"Ansari") resolves to the full name it shortens ("Majed Al-Ansari").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from .pipeline import Analysis, Stage
from .records import Entity
from .sentences import sentence_index

EXTRACTOR = "spacy-ner"
NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART",
                "PRODUCT", "LANGUAGE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_PLACE_NOUN = re.compile(r"\s+(?:city|town)$", re.I)  # "Rafah city" is Rafah


def find_entities(analysis: Analysis) -> Analysis:
    doc = analysis.doc
    if doc is None:
        return analysis.add(entities=())
    text = analysis.article.text
    spans: list[tuple[int, int, str, str]] = []
    for span in doc.ents:
        trimmed = _trimmed(span) if span.label_ in NAMED_LABELS else None
        if trimmed and not _common_word(span, text):
            spans.append(trimmed)
    labels = _labels_fixed(spans, text)
    names = canonical_names([(text, labels[text, label]) for _, _, text, label in spans])
    found = [
        Entity(analysis.article.id, start, end, text, labels[text, label],
               names[text, labels[text, label]], sentence_index(doc, start),
               EXTRACTOR, 0.8)
        for start, end, text, label in spans]
    return analysis.add(entities=tuple(_shared_surnames_resolved(found)))


def _shared_surnames_resolved(found: list[Entity]) -> list[Entity]:
    """A surname two people of the article share ("Clinton" with Bill Clinton and
    Hillary Clinton) is the one named last before it (else the next one named), not
    always the longest name."""
    people = [e for e in found if e.label == "PERSON"]
    full_names = {e.entity for e in people if " " in e.entity}
    resolved = []
    for mention in found:
        owners = [n for n in full_names if _is_shortening(mention.text, n)] \
            if mention.label == "PERSON" else []
        if len(owners) > 1:
            before = [e for e in people if e.entity in owners and e.start < mention.start]
            after = [e for e in people if e.entity in owners and e.start > mention.start]
            nearest = before[-1] if before else after[0]
            mention = replace(mention, entity=nearest.entity, confidence=0.6)
        resolved.append(mention)
    return resolved


def _is_shortening(mention: str, name: str) -> bool:
    words, longer = _name_key(mention), _name_key(name)
    return len(longer) > len(words) and longer[-len(words):] == words


def _common_word(span: Any, text: str) -> bool:
    """A capitalised word opening a sentence or a subheading ("Meetings are still
    ongoing") that the article also writes in lower case is a word, not a name."""
    if len(span) != 1:
        return False
    sentence_start = span[0].sent.start_char
    paragraph_start = text.rfind("\n", 0, span.start_char) + 1
    lead = text[max(sentence_start, paragraph_start):span.start_char]
    if any(ch.isalnum() for ch in lead):
        return False
    return re.search(rf"\b{re.escape(span.text.lower())}\b", text) is not None


def _trimmed(span: Any) -> tuple[int, int, str, str] | None:
    """Offsets without a possessive ending ("Netanyahu's" -> "Netanyahu")."""
    text = span.text
    cut = _POSSESSIVE.search(text)
    if cut and span.label_ in ("PERSON", "ORG"):
        text = text[:cut.start()]
    text = text.rstrip()
    if not text:
        return None
    return span.start_char, span.start_char + len(text), text, span.label_


def _labels_fixed(spans: list[tuple[int, int, str, str]], text: str
                  ) -> dict[tuple[str, str], str]:
    """News fixes to the model's labels, decided per name over the whole article:
    - a city is not a person: a "person" the article calls a city ("Rafah city", "the
      town of X") or tags as a place more often is a place;
    - a surname alone is that person: a one-word "organisation" that is the last word
      of a person named in the article ("Ansari" after "Majed al Ansari") is that person.
    """
    votes = Counter((name, label) for _, _, name, label in spans)
    surnames = {_name_key(n)[-1] for n, label in votes if label == "PERSON" and " " in n}
    fixed = {}
    for name, label in votes:
        places = sum(n for (t, lab), n in votes.items() if t == name and lab in PLACE_LABELS)
        if label == "PERSON" and (places > votes[name, label] or _called_a_place(name, text)):
            fixed[name, label] = "GPE"
        elif label in ("ORG", "NORP") and " " not in name and name.casefold() in surnames:
            fixed[name, label] = "PERSON"
        else:
            fixed[name, label] = label
    return fixed


def _called_a_place(name: str, text: str) -> bool:
    place = re.escape(name)
    return re.search(rf"\b{place}\s+(?:city|town|village|province|district|governorate)\b|"
                     rf"\b(?:city|town|village|province) of\s+{place}\b", text, re.I) is not None


def canonical_names(mentions: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each (text, label) to the name it stands for in this article."""
    people = sorted({t for t, label in mentions if label == "PERSON"}, key=len, reverse=True)
    names = {}
    for text, label in mentions:
        if label == "PERSON":
            names[text, label] = _full_name(text, people)
        else:
            names[text, label] = _PLACE_NOUN.sub("", _LEADING_THE.sub("", text))
    return names


def _full_name(mention: str, people: list[str]) -> str:
    """The longest person named in the article whose last words are this mention's."""
    return next((person for person in people if _is_shortening(mention, person)), mention)


def _name_key(name: str) -> list[str]:
    """Words of a name, case and particle spelling folded: "Al-Ansari" ~ "al Ansari"."""
    words = re.split(r"[\s\-‐]+", name.casefold())
    return [w for w in words if w not in ("al", "el", "ad", "as")]


STAGE = Stage("entities", needs=frozenset({"doc"}), adds=frozenset({"entities"}),
              run=find_entities)
