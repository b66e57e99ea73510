"""Who took part in an event: actors (who did it), targets (to whom), mediators.

Names are the canonical names of the `entities` stage. A noun phrase without a name is
read the way a news reader reads it: "he" is the person named just before; "the Qatari
spokesman" the person the article named as spokesman; "Netanyahu's office" Netanyahu;
"Israeli forces" Israel (when the article names Israel); "which" its antecedent; "the
police" the police. Mediators are who the article says mediates ("talks mediated by
Qatar", "Qatari and Egyptian mediators", "Qatar is mediating"); in a negotiation event
they are kept apart from the parties, also when the sentence makes them its subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .event_context import (
    MEDIATING_VERBS,
    MEDIATOR_WORDS,
    PLACE_LABELS,
    ArticleContext,
    child_of,
    mediating_subjects,
    mediators_named_by,
)
from .event_lexicon import (
    AID_NOUNS,
    FORCE_NOUNS,
    GROUP_NOUNS,
    PLACE_PREPS,
    PROPOSAL_NOUNS,
    ROLE_NOUNS,
)
from .event_triggers import Candidate
from .event_words import noun_key, noun_type, passive, subject_of, verb_key

Token = Any
NEGOTIATION_TYPES = {"CONSULT", "AGREE", "RETREAT", "CONCEDE", "SANCTION", "REJECT"}
TARGET_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PERSONAL_PRONOUNS = {"he", "she"}  # subjects only: "him" is more often someone else
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
COMPANY_PREPS = {"with", "alongside"}  # "Qatar, along with Egypt and the US"
QUANTITY_NOUNS = {"thousand", "hundred", "dozen", "million", "score", "group", "number",
                  "some", "many", "most", "all", "several", "crowd"}
MOVED_NOUNS = FORCE_NOUNS | AID_NOUNS | PROPOSAL_NOUNS  # what is sent, not to whom


@dataclass
class Participants:
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    outside: list[Token] = field(default_factory=list)  # actor words told outside the clause


def participants(candidate: Candidate, context: ArticleContext) -> Participants:
    found = Participants()
    if candidate.kind == "blame":
        _add_subject(found, candidate.head, context, candidate.type)
        copula = candidate.trigger.head
        _add(found.targets, subject_of(copula), context, TARGET_LABELS)
    elif candidate.kind == "verb":
        _verb_participants(found, candidate, context)
    if candidate.noun is not None:
        _noun_participants(found, candidate.noun, candidate.type, context,
                           _someone_elses(candidate))
    if candidate.type in NEGOTIATION_TYPES:
        _separate_mediators(found, candidate, context)
    found.actors = _unique(found.actors)
    found.targets = [t for t in _unique(found.targets) if t not in found.actors]
    return found


def _verb_participants(found: Participants, candidate: Candidate,
                       context: ArticleContext) -> None:
    verb = candidate.head
    noun = candidate.noun
    if verb_key(verb) in MEDIATING_VERBS:
        found.mediators.extend(mediating_subjects(verb, context))
        found.mediators.extend(_company_names(subject_of(verb), context))
        _add(found.actors, _prep_object(verb, "between"), context)
        return
    if passive(verb):
        _add(found.actors, _agent(verb), context)
        theme = _child(verb, "nsubjpass")
        if theme is not None and theme != noun:
            _add(found.targets, theme, context, TARGET_LABELS)
    else:
        subject = subject_of(verb)
        if subject is not None and subject != noun:
            _add_subject(found, verb, context, candidate.type)
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child != noun and \
                    noun_key(child) not in MOVED_NOUNS:
                _add(found.targets, child, context, TARGET_LABELS)
    partners = ("with", "to") if verb_key(verb) in ("talk", "speak") else ("with",)
    for word in ("between",) + (partners if candidate.type == "CONSULT" else ()):
        _add(found.actors, _prep_object(verb, word), context)
    if candidate.type in ("ACCUSE", "THREATEN", "DEMAND", "SANCTION", "AID"):
        _add(found.targets, _prep_object(verb, "against", "on", "to"), context, TARGET_LABELS)
    complement = _child(verb, "ccomp")
    if candidate.type == "ACCUSE" and complement is not None:
        _add(found.targets, subject_of(complement), context, TARGET_LABELS)


def _someone_elses(candidate: Candidate) -> bool:
    """"Netanyahu rejected the Egyptian proposal", "outlets rejected Israeli
    accusations": a verb that answers another actor's event, told with its own subject."""
    return candidate.kind == "verb" and candidate.noun is not None and \
        candidate.type != noun_type(candidate.noun) and \
        subject_of(candidate.head) not in (None, candidate.noun)


def _noun_participants(found: Participants, noun: Token, kind: str,
                       context: ArticleContext, answered: bool = False) -> None:
    """"a Hamas attack", "Israel's offensive", "talks between Hamas and Israel", "an
    attack by X on Y", "the release of 81 Israelis"; the owners of an event someone
    else answers are its targets."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            name = context.name(child)
            if name and not _place_compound(child, name, context):
                (found.targets if answered else found.actors).append(name)
        elif child.dep_ == "prep":
            word = child.lower_
            pobj = _child(child, "pobj")
            if word in ("by", "between") or word == "with" and kind == "CONSULT":
                _add(found.actors, pobj, context)
            elif word in ("on", "against") and kind not in ("CONSULT", "AGREE") or \
                    word == "of" and kind in ("RETREAT", "COERCE", "ASSAULT"):
                _add(found.targets, pobj, context, TARGET_LABELS)
            elif word == "with":
                _add(found.targets, pobj, context, TARGET_LABELS)


def _place_compound(child: Token, name: str, context: ArticleContext) -> bool:
    """"the Gaza war" is where, "the Israel airstrikes" who: a place name before an event
    noun is its actor only if the article makes it do things elsewhere."""
    entity = context.entity(child)
    return child.dep_ == "compound" and entity is not None and entity.label in PLACE_LABELS \
        and name not in context.subjects


def _add_subject(found: Participants, verb: Token, context: ArticleContext,
                 candidate_type: str) -> None:
    subject = subject_of(verb)
    if subject is None:
        return
    names = _names(subject, context)
    company = _company_names(subject, context)
    if context.mediators & set(names) and candidate_type in NEGOTIATION_TYPES:
        found.mediators.extend(names + company)  # "Qatar, with the US and Egypt, ..."
        return
    found.actors.extend(names + company)
    found.outside.append(subject)


def _company_names(subject: Token | None, context: ArticleContext) -> list[str]:
    names: list[str] = []
    if subject is None:
        return names
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in COMPANY_PREPS | {"along", "together"}:
            inner = _child(prep, "pobj") or _child(_child(prep, "prep") or prep, "pobj")
            if inner is not None:
                names.extend(_names(inner, context))
    return names


def _separate_mediators(found: Participants, candidate: Candidate,
                        context: ArticleContext) -> None:
    """Mediators named in the event's phrase, and the article's mediators the sentence
    names outside a place phrase, are mediators; parties stay actors."""
    for token in candidate.head.subtree:
        if token.lower_ in MEDIATOR_WORDS:
            found.mediators.extend(mediators_named_by(token, context))
        elif verb_key(token) in MEDIATING_VERBS and token.pos_ == "VERB" and \
                token != candidate.head:
            found.mediators.extend(mediating_subjects(token, context))
    for token in candidate.trigger.sent:
        name = context.name(token)
        if name is not None and name in context.mediators and not _in_place_phrase(token):
            found.mediators.append(name)
    found.mediators = _unique(found.mediators)
    found.actors = [a for a in found.actors if a not in found.mediators]


def _in_place_phrase(token: Token) -> bool:
    while token.dep_ in ("compound", "amod", "conj", "appos", "poss"):
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


# ---- names -----------------------------------------------------------------------------

def _add(names: list[str], token: Token | None, context: ArticleContext,
         labels: set[str] | None = None) -> None:
    if token is not None:
        names.extend(_names(token, context, labels))


def _names(token: Token, context: ArticleContext, labels: set[str] | None = None) -> list[str]:
    """The names of a phrase and its conjuncts ("Hamas and Israel")."""
    found = []
    for member in _conjuncts(token):
        name = resolve(member, context, labels)
        if name and name not in found:
            found.append(name)
    return found


def _conjuncts(token: Token) -> list[Token]:
    members = [token]
    for child in token.children:
        if child.dep_ == "conj":
            members.extend(_conjuncts(child))
    return members


def resolve(head: Token, context: ArticleContext, labels: set[str] | None = None) -> str | None:
    """The name a noun phrase stands for (see the module docstring), or None."""
    labels = labels or {"PERSON", "ORG", "GPE", "NORP"}
    name = context.name(head, labels)
    if name:
        return name
    lower = head.lower_
    if lower in PERSONAL_PRONOUNS:
        return context.person_before(head)
    if head.text == "I":
        return context.speaker_at(head)
    if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return resolve(head.head.head, context, labels)
    for child in head.children:
        if child.dep_ == "appos":
            name = context.name(child, labels)
            if name:
                return name
    if head.pos_ == "NUM" or head.lemma_.lower() in QUANTITY_NOUNS:
        members = _prep_object(head, "of")  # "thousands of protesters"
        if members is not None:
            return resolve(members, context, labels)
    if head.lemma_.lower() in ROLE_NOUNS:
        name = context.person_in_role(head)
        if name:
            return name
    return _modifier_name(head, context, labels) or _group(head)


def _modifier_name(head: Token, context: ArticleContext, labels: set[str]) -> str | None:
    """"Netanyahu's office", "Hamas fighters", "Israeli forces"."""
    for dep in ("poss", "compound", "amod"):
        for child in head.children:
            if child.dep_ == dep:
                name = context.name(child, labels - PLACE_LABELS | {"GPE"})
                if name:
                    return name
                if dep == "poss" and child.lower_ in ("its", "their"):
                    return context.group_before(child)
    return None


def _group(head: Token) -> str | None:
    if head.lemma_.lower() in GROUP_NOUNS and head.pos_ == "NOUN":
        return head.lower_
    return None


# ---- syntax helpers --------------------------------------------------------------------

def _child(token: Token | None, *deps: str) -> Token | None:
    return child_of(token, *deps) if token is not None else None


def _agent(verb: Token) -> Token | None:
    agent = _child(verb, "agent")
    return _child(agent, "pobj") if agent is not None else None


def _prep_object(token: Token, *words: str) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in words:
            pobj = _child(prep, "pobj")
            if pobj is not None:
                return pobj
    return None


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))
