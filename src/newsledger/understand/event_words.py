"""Words of the `events` stage: the lexicon keys of a token, event nouns and their
types, and the few syntactic relations every trigger rule asks about (passive, subject,
prepositional object)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy import symbols
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import StringStore

from .event_lexicon import (
    ACCOUNTABLE_WORDS,
    AGREEING_VERBS,
    ARRIVAL_VERBS,
    ASPECT_VERBS,
    CAPTIVE_NOUNS,
    DELIVERY_VERBS,
    END_VERBS,
    HAPPEN_VERBS,
    LABOUR_STRIKE_WORDS,
    LEMMA_FIXES,
    LIFTING_VERBS,
    NATURAL_FORCES,
    NOT_RELEASED,
    NOUN_TYPES,
    PRESENTING_VERBS,
    REJECTING_VERBS,
    RELEASE_VERBS,
    SENDING_VERBS,
    VERB_TYPES,
    VERBAL_TARGETS,
)

Token = Any

ONGOING_WORDS = {"ongoing", "underway", "continuing", "active", "progressing", "stalled",
                 "deadlocked", "suspended", "frozen", "over"}
STALLED_WORDS = {"stalled", "deadlocked", "suspended", "frozen"}

# "weeks of talks", "a wave of strikes": the event is the noun after "of".
MEASURE_NOUNS = {"week", "day", "month", "year", "hour", "night", "round", "series", "wave",
                 "spate", "string", "rash", "flurry", "number", "dozen", "hundred", "weekend",
                 "session", "cycle", "resumption", "continuation", "renewal", "start",
                 "beginning", "launch", "outbreak", "escalation", "conclusion", "end",
                 "collapse", "breakdown", "suspension", "failure", "halt", "stalling"}


PARTICLES = {"out", "off", "down", "up", "back", "over", "away", "on"}


def verb_key(token: Token) -> str:
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def noun_key(token: Token) -> str:
    return "talks" if token.lower_ == "talks" else token.lemma_.lower()


def event_noun(token: Token | None) -> Token | None:
    """The event noun a phrase names, through a measure ("weeks of talks")."""
    if token is None or token.pos_ not in ("NOUN", "PROPN"):
        return None
    key = noun_key(token)
    if key in NOUN_TYPES and not (key in ("talks",) and token.tag_ == "VBZ"):
        return token
    if key in MEASURE_NOUNS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for inner in prep.children:
                    if inner.dep_ == "pobj":
                        return event_noun(inner)
    return None


def noun_type(noun: Token) -> str:
    key = noun_key(noun)
    if key == "strike" and _labour_strike(noun):
        return "PROTEST"
    if key in ("attack", "assault", "onslaught", "broadside"):
        target = prep_object(noun, "on", "against")
        if target is not None and target.lemma_.lower() in VERBAL_TARGETS:
            return "ACCUSE"  # "a furious attack on Netanyahu's alleged failure"
    return NOUN_TYPES[key]


def _labour_strike(noun: Token) -> bool:
    words = {t.lemma_.lower() for t in noun.children} | {noun.head.lemma_.lower()}
    return bool(words & LABOUR_STRIKE_WORDS) or noun.head.lower_ == "on"


def passive(verb: Token) -> bool:
    """A passive, but not "is engaged in talks" or "was involved in the attack", which
    say what the subject does."""
    if verb_key(verb) in ("engage", "involve"):
        return False
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The subject, or for a participle or second verb without one ("hit back, charging
    that ..."; "attacked and killed"), the subject of the verb it hangs from."""
    for _ in range(4):
        subject = child_of(verb, "nsubj") or (None if passive(verb) else
                                              child_of(verb, "nsubjpass"))
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and not verb.doc[verb.i - 1].is_punct:
            return verb.head  # "Israeli forces raiding the camp" (not a list item)
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return None
        if verb.dep_ == "conj" and verb.i - verb.head.i > 12:
            return None  # a far "conjunct" is mostly a misparse ("people killed")
        verb = verb.head
    return None


def prep_object(verb: Token, *words: str) -> Token | None:
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt", "advmod") and prep.lower_ in words:
            pobj = child_of(prep, "pobj")
            if pobj is not None:
                return pobj
            for inner in prep.children:  # "pulled out of the talks"
                if inner.dep_ == "prep":
                    pobj = child_of(inner, "pobj")
                    if pobj is not None:
                        return pobj
    return None


def captives(theme: Token) -> bool:
    key = noun_key(theme)
    if key in NOT_RELEASED:
        return False
    return key in CAPTIVE_NOUNS or theme.ent_type_ in ("PERSON", "NORP")


def natural_subject(verb: Token) -> bool:
    subject = child_of(verb, "nsubj")
    return subject is not None and subject.lemma_.lower() in NATURAL_FORCES


def child_of(token: Token, *deps: str) -> Token | None:
    """The first child with one of these relations (for a subject, also one the parser
    hung on the auxiliary: "Qatar ... is mediating")."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    if "nsubj" in deps:
        for aux in token.children:
            if aux.dep_ in ("aux", "auxpass"):
                for child in aux.children:
                    if child.dep_ in deps:
                        return child
    return None


VERB_LEMMAS = (set(VERB_TYPES) | ASPECT_VERBS | HAPPEN_VERBS | END_VERBS | AGREEING_VERBS |
               REJECTING_VERBS | PRESENTING_VERBS | DELIVERY_VERBS | ARRIVAL_VERBS |
               RELEASE_VERBS | LIFTING_VERBS | SENDING_VERBS | {"hold", "call", "take"})
NOUN_LEMMAS = set(NOUN_TYPES) | MEASURE_NOUNS
VERB_SHAPE, STATE_SHAPE, NOUN_SHAPE = 1, 2, 4
VERB_POS, ADJ_POS, NOUN_POS, PROPN_POS = (int(symbols.VERB), int(symbols.ADJ),
                                          int(symbols.NOUN), int(symbols.PROPN))

def trigger_shapes(doc: Any) -> list[int]:
    """For each word, which shapes of trigger it may be (VERB_SHAPE, STATE_SHAPE,
    NOUN_SHAPE bits), read from the parse's arrays in one pass: most words trigger
    nothing, and this is the only look every word gets."""
    verbs, states, nouns = _shape_hashes()
    shapes = []
    for pos, lemma, lower in doc.to_array([POS, LEMMA, LOWER]).tolist():
        shape = 0
        if pos == VERB_POS and (lemma in verbs or lower in verbs):
            shape |= VERB_SHAPE
        elif pos in (ADJ_POS, VERB_POS) and (lemma in states or lower in states):
            shape |= STATE_SHAPE
        if pos in (NOUN_POS, PROPN_POS) and (lemma in nouns or lower in nouns):
            shape |= NOUN_SHAPE
        shapes.append(shape)
    return shapes


@lru_cache(maxsize=1)
def _shape_hashes() -> tuple[set[int], set[int], set[int]]:
    """The lexicon as spaCy string hashes (the same in every vocabulary)."""
    strings = StringStore()

    def hashes(words: set[str]) -> set[int]:
        return {strings[w] for w in words} | {strings[w.capitalize()] for w in words}

    return (hashes(VERB_LEMMAS | set(LEMMA_FIXES)), hashes(ONGOING_WORDS | ACCOUNTABLE_WORDS),
            hashes(NOUN_LEMMAS | {"talks"}))
