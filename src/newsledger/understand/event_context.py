"""What the `events` stage looks up per article: entities and times by token, the people
named in a job ("spokesman Majed Al-Ansari"), and who the article calls a mediator.

Built once per article from the parse and the earlier stages, so that each event only
does dictionary look-ups.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from .event_lexicon import ROLE_NOUNS
from .event_words import child_of, trigger_shapes
from .pipeline import Analysis
from .records import Entity, TimeExpression

Token = Any
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# TIMEX3 values a timeline can order: a year, month, day or week.
DATED_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
MEDIATOR_WORDS = {"mediator", "mediators", "broker", "brokers", "intermediary",
                  "intermediaries", "go-between"}
MEDIATING_VERBS = {"mediate", "broker", "facilitate"}
MEDIATION_WORDS = re.compile(r"\b(?:mediat|broker|facilitat|intermediar|go-between)\w*", re.I)


@dataclass(frozen=True)
class RoleMention:
    """A person named together with their job, e.g. "Foreign Ministry spokesman X"."""

    start: int
    person: str
    role: str
    affiliations: frozenset[str]


@dataclass(frozen=True)
class ArticleContext:
    analysis: Analysis
    sentence_starts: tuple[int, ...]  # first word of each sentence
    entity_at: dict[int, Entity]  # word index -> the entity it is part of
    time_at: dict[int, TimeExpression]  # word index -> the dated time expression
    countries: tuple[str, ...]  # the article's GPE names, longest first
    shapes: tuple[int, ...]  # per word: which triggers it may be (event_words)
    persons: tuple[tuple[int, int, str], ...] = ()  # start, sentence, name
    roles: tuple[RoleMention, ...] = ()
    mediators: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # names the article makes the subject of a verb
    acting: tuple[tuple[int, int, str], ...] = ()  # start, sentence, name of subject groups
    quoted: tuple[tuple[int, int, str], ...] = ()  # start, end, speaker of quotations

    @classmethod
    def build(cls, analysis: Analysis) -> ArticleContext:
        doc = analysis.doc
        entity_at = _by_token(doc, analysis.entities)
        context = cls(
            analysis, tuple(sentence.start for sentence in doc.sents), entity_at,
            _by_token(doc, [t for t in analysis.times if _dated(t)]),
            tuple(sorted({e.entity for e in analysis.entities if e.label == "GPE"},
                         key=len, reverse=True)),
            tuple(trigger_shapes(doc)))
        people = [(e, doc.char_span(e.start, e.end, alignment_mode="expand"))
                  for e in analysis.entities if e.label == "PERSON"]
        return replace(
            context,
            persons=tuple(sorted((e.start, context.sentence_of(span.start), e.entity)
                                 for e, span in people if span is not None)),
            roles=_role_mentions([span.root for _, span in people if span is not None],
                                 context),
            mediators=_article_mediators(context),
            subjects=frozenset(entity_at[i].entity for i in entity_at
                               if doc[i].dep_ in ("nsubj", "nsubjpass")),
            acting=tuple((doc[i].idx, context.sentence_of(i), entity_at[i].entity)
                         for i in sorted(entity_at) if doc[i].dep_ in ("nsubj", "poss")
                         and entity_at[i].label in ("ORG", "GPE")),
            quoted=tuple(sorted((q.start, q.end, q.speaker) for q in analysis.quotes
                                if q.speaker and q.kind in ("direct", "mixed"))))

    def speaker_at(self, token: Token) -> str | None:
        """Who says the quotation this word stands in ("I have condemned ..." -> its
        speaker), from the `quotes` stage."""
        for start, end, speaker in self.quoted:
            if start <= token.idx < end:
                return speaker
        return None

    def sentence_of(self, token_index: int) -> int:
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def entity(self, token: Token) -> Entity | None:
        return self.entity_at.get(token.i)

    def name(self, token: Token, labels: set[str] = ACTOR_LABELS) -> str | None:
        """The canonical name of the entity this token is part of, with a national
        adjective read as its country when the article names that country."""
        entity = self.entity_at.get(token.i)
        if entity is None or entity.label not in labels:
            return None
        if entity.entity.split(" ", 1)[0].lower() in MEDIATOR_WORDS:
            return entity.entity.split(" ", 1)[-1]  # "Mediator Egypt" read as one name
        if entity.label == "NORP" and token.tag_ not in ("NNS", "NNPS"):
            # an adjective or singular ("Qatari mediators"), not a people ("Palestinians")
            return self.country_of(entity.entity) or entity.entity
        return entity.entity

    def country_of(self, adjective: str) -> str | None:
        """"Qatari" -> "Qatar" when the article names Qatar (no table of demonyms: the
        article's own places, matched by their common stem)."""
        folded = adjective.casefold()
        for country in self.countries:
            stem = country.casefold()[:max(4, len(country) - 2)]
            if len(country) >= 4 and folded.startswith(stem):
                return country
        return None

    def person_before(self, token: Token) -> str | None:
        """The last person named before a pronoun, within the two sentences before it."""
        sentence = self.sentence_of(token.i)
        found = None
        for start, person_sentence, name in self.persons:
            if start >= token.idx:
                break
            if person_sentence >= sentence - 2:
                found = name
        return found

    def group_before(self, token: Token) -> str | None:
        """"its jets", "their fighters": the organisation or country last made the
        subject (or owner) of a clause, in this sentence or the one before."""
        sentence = self.sentence_of(token.i)
        found = None
        for start, group_sentence, name in self.acting:
            if start >= token.idx:
                break
            if group_sentence >= sentence - 1:
                found = name
        return found

    def person_in_role(self, head: Token) -> str | None:
        """"The Mossad chief" -> the person the article named as head of Mossad."""
        role = ROLE_NOUNS.get(head.lemma_.lower())
        if role is None:
            return None
        wanted = {self.entity_at[t.i].entity for t in head.subtree
                  if t.i in self.entity_at and self.entity_at[t.i].label == "ORG"}
        holders = [mention.person for mention in self.roles
                   if mention.start < head.idx and mention.role == role and
                   (not wanted or wanted & mention.affiliations)]
        if not holders or not wanted and len(set(holders)) > 1:
            return None  # "the president" of an article naming two presidents
        return holders[-1]




def _dated(time: TimeExpression) -> bool:
    return time.type == "DATE" and DATED_VALUE.match(time.value) is not None


def _by_token(doc: Any, records: Any) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for record in records:
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            found.setdefault(token.i, record)
    return found


def _role_mentions(names: list[Token], context: ArticleContext) -> tuple[RoleMention, ...]:
    """People named with their job: a job noun as compound ("spokesman X"), as the
    head the name is in apposition to ("the head of Mossad, X"), or as apposition
    ("X, the spokesman")."""
    found = []
    for token in names:
        entity = context.entity_at[token.i]
        for job in _jobs_of(token):
            affiliations = frozenset(context.entity_at[t.i].entity for t in job.subtree
                                     if t.i in context.entity_at and t.i != token.i
                                     and context.entity_at[t.i].label in ("ORG", "GPE"))
            found.append(RoleMention(token.idx, entity.entity,
                                     ROLE_NOUNS[job.lemma_.lower()], affiliations))
    return tuple(sorted(found, key=lambda mention: mention.start))


def _jobs_of(name: Token) -> list[Token]:
    jobs = [child for child in name.children
            if child.dep_ in ("compound", "appos") and child.lemma_.lower() in ROLE_NOUNS]
    if name.dep_ == "appos" and name.head.lemma_.lower() in ROLE_NOUNS:
        jobs.append(name.head)
    return jobs


def _article_mediators(context: ArticleContext) -> frozenset[str]:
    """Who the article says mediates: "mediator Qatar", "Qatari mediators", "mediated by
    Qatar", "Qatar is mediating", "talks brokered by Egypt"."""
    doc = context.analysis.doc
    names: set[str] = set()
    for match in MEDIATION_WORDS.finditer(context.analysis.article.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        token = span[0]
        if token.lower_ in MEDIATOR_WORDS:
            names.update(mediators_named_by(token, context))
        elif token.lemma_.lower() in MEDIATING_VERBS and token.pos_ == "VERB":
            names.update(mediating_subjects(token, context))
    return frozenset(names)


def mediators_named_by(word: Token, context: ArticleContext) -> list[str]:
    """Names attached to the word "mediator(s)": its modifiers and appositions, or the
    name it modifies ("Mediator Qatar")."""
    names = []
    for child in word.children:
        if child.dep_ in ("compound", "amod", "appos", "poss", "nmod") or (
                child.dep_ == "prep" and child.lower_ in ("from", "of")):
            names.extend(_names_below(child, context))
    if word.dep_ == "compound":
        name = context.name(word.head)
        if name:
            names.append(name)
    return names


def mediating_subjects(verb: Token, context: ArticleContext) -> list[str]:
    """Mediators named by a verb: the subject of "mediate", or the agent of "mediated by"."""
    names = []
    for child in (child_of(verb, "nsubj"), child_of(verb, "agent")):
        if child is not None:
            names.extend(_names_below(child, context))
    return names


def _names_below(token: Token, context: ArticleContext) -> list[str]:
    """Every actor name in a short phrase (conjuncts included), once each."""
    names: list[str] = []
    for t in token.subtree:
        name = context.name(t)
        if name and name not in names:
            names.append(name)
    return names
