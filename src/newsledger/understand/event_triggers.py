"""Which words of a sentence name an event, and of which PLOVER type.

Three shapes, tried in this order so that a verb claims the event noun it carries:
- a verb, alone ("Israel attacked", "Qatar is mediating") or with an event noun that
  says what happened ("held talks", "reached a deal", "the talks resumed", "launched an
  offensive", "a resolution was adopted");
- a state: an event noun said to be going on ("the talks were ongoing"), or an actor said
  to be to blame ("Hamas said Netanyahu was entirely responsible for the failure ...");
- a noun on its own, when the sentence reports it as having happened and it carries its
  own participant, place or date ("a Hamas attack last October", "the release of 81
  Israelis", "the resumption of talks between Hamas and Israel").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .event_context import ACTOR_LABELS, ArticleContext, child_of
from .event_guards import GUARDS, has_actor_object
from .event_lexicon import (
    ACCOUNTABLE_WORDS,
    AGREEING_VERBS,
    AID_NOUNS,
    ARRIVAL_VERBS,
    ASPECT_VERBS,
    BAD_OUTCOMES,
    CAPTIVE_NOUNS,
    DELIVERY_VERBS,
    END_TYPE,
    END_VERBS,
    FORCE_NOUNS,
    GUARDED_NOUNS,
    HAPPEN_VERBS,
    LABOUR_STRIKE_WORDS,
    LIFTING_VERBS,
    MILITARY_WORDS,
    NEEDS_OBJECT,
    OCCURRENCE_VERBS,
    PRESENTING_VERBS,
    PROPOSAL_NOUNS,
    REJECTING_VERBS,
    RELEASE_VERBS,
    SENDING_VERBS,
    SPEECH_VERBS,
    STRONG_BLAME_ADVERBS,
    VERB_TYPES,
    WEAK_VERBS,
)
from .event_words import (
    MEASURE_NOUNS,
    NOUN_SHAPE,
    ONGOING_WORDS,
    PARTICLES,
    STALLED_WORDS,
    STATE_SHAPE,
    VERB_SHAPE,
    captives,
    event_noun,
    natural_subject,
    noun_key,
    noun_type,
    passive,
    prep_object,
    verb_key,
)

Token = Any

REJECTABLE = {"AGREE", "CONSULT", "DEMAND", "AID", "COOPERATE", "SUPPORT", "CONCEDE"}
# "engaged in talks", "walked out of the negotiations", "entered into talks".
CARRYING_PREPS = {
    "in": {"engage", "involve", "participate", "take", "join", "resume", "continue"},
    "out": {"walk", "pull", "drop", "back", "opt"},  # "out of the talks"
    "from": {"withdraw", "pull", "walk", "exit", "retreat"},
    "into": {"enter"},
    "to": {"return"},
}
ENDING_NOUNS = {"end", "collapse", "breakdown", "suspension", "failure", "halt", "stalling"}
# Positions where a bare event noun is reported as having happened.
NOUN_SLOTS = {"nsubj", "nsubjpass", "appos", "ROOT"}
FACT_PREPS = {"since", "after", "before", "following", "during", "amid", "amidst", "in",
              "despite"}


@dataclass(frozen=True)
class Candidate:
    type: str
    trigger: Token  # the word that names the event ("resumed", "attack")
    head: Token  # the word whose phrase is the event's clause
    noun: Token | None  # the event noun a verb or state carries ("talks" in "held talks")
    kind: str  # verb, noun, state or blame
    weak: bool = False


def candidates(sentence: Any, context: ArticleContext) -> Iterator[Candidate]:
    """Every event trigger of one sentence, verbs first so they claim their nouns."""
    doc = sentence.doc
    shapes = context.shapes
    found_shapes = [(i, shapes[i]) for i in range(sentence.start, sentence.end) if shapes[i]]
    verbs = [doc[i] for i, shape in found_shapes if shape & VERB_SHAPE]
    states = [doc[i] for i, shape in found_shapes if shape & STATE_SHAPE]
    nouns = [doc[i] for i, shape in found_shapes if shape & NOUN_SHAPE]
    claimed: set[int] = set()
    for finder, tokens in ((_verb_candidate, verbs), (_state_candidate, states),
                           (_noun_candidate, nouns)):
        for token in tokens:
            if token.i in claimed:
                continue
            found = finder(token, context)
            if found is None:
                continue
            claimed.update(t.i for t in (found.trigger, found.noun) if t is not None)
            claimed.update(_measure_chain(found.noun))
            yield found


def _measure_chain(noun: Token | None) -> list[int]:
    """The measure words above an event noun ("weeks" in "weeks of talks")."""
    found = []
    while noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        outer = noun.head.head
        if noun_key(outer) not in MEASURE_NOUNS:
            break
        found.append(outer.i)
        noun = outer
    return found


# ---- verbs -----------------------------------------------------------------------------

def _verb_candidate(verb: Token, context: ArticleContext) -> Candidate | None:
    if verb.pos_ != "VERB" or verb.dep_ in ("amod", "compound"):
        return None
    if _retells_its_noun(verb):
        return None  # "an attack, which killed 1,200", "talks mediated by Qatar": one event
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and child_of(verb, "agent") is None:
        return None  # "the 199 people taken hostage": who they are, not what someone did
    lemma = verb_key(verb)
    particle = _particle(verb)
    theme = _theme(verb)
    if lemma == "hold" and _accountable(verb):
        return Candidate("ACCUSE", verb, verb, None, "verb")
    if lemma == "call" and particle is None and prep_object(verb, "for") is not None:
        return Candidate("DEMAND", verb, verb, None, "verb", weak=True)
    noun, as_subject = _carried_noun(verb, theme)
    if noun is not None and _carried_noun_ok(noun, lemma, context):
        kind = _with_event_noun(lemma, particle, noun_type(noun), as_subject, verb)
        if kind is not None:
            return Candidate(kind, verb, verb, noun, "verb", weak=lemma in WEAK_VERBS)
    kind = _by_object(lemma, theme, verb)
    if kind is not None:
        return Candidate(kind, verb, verb, None, "verb")
    kind = _by_verb(lemma, particle, theme, verb, context)
    if kind is None:
        return None
    return Candidate(kind, verb, verb, None, "verb", weak=lemma in WEAK_VERBS)


def _retells_its_noun(verb: Token) -> bool:
    """A participle or relative clause on an event noun whose subject is that noun
    (not "a deal under which Hamas released 24 hostages")."""
    if verb.dep_ not in ("relcl", "acl") or event_noun(verb.head) != verb.head:
        return False
    if verb.dep_ == "acl":
        return True
    subject = child_of(verb, "nsubj", "nsubjpass")
    return subject is not None and subject.lower_ in ("which", "that", "who")


def _particle(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("prt", "advmod", "prep") and child.lower_ in PARTICLES and \
                child.i == verb.i + 1:
            return child.lower_
    return None


def _theme(verb: Token) -> Token | None:
    """What the verb acts on: its object, or the subject of a passive."""
    if passive(verb):
        return child_of(verb, "nsubjpass")
    return child_of(verb, "dobj", "attr")


def _carried_noun(verb: Token, theme: Token | None) -> tuple[Token | None, bool]:
    """The event noun the verb is about: its object, "engaged in talks", "took part
    in talks", "pulled out of the negotiations", or its subject ("talks resumed")."""
    noun = event_noun(theme) if verb_key(verb) not in ("engage", "involve") else None
    if noun is not None:
        return noun, False
    lemma = verb_key(verb)
    for prep_word, verbs in CARRYING_PREPS.items():
        if lemma in verbs:
            noun = event_noun(prep_object(verb, prep_word))
            if noun is not None:
                return noun, False
    if not passive(verb) and theme is None:
        noun = event_noun(child_of(verb, "nsubj"))
        if noun is not None:
            return noun, True
    return None, False


def _carried_noun_ok(noun: Token, lemma: str, context: ArticleContext) -> bool:
    """"suspended operations" is an airline's business; "launched a military operation",
    "waged war" are attacks. The nouns that need a telling word alone need it here too,
    unless the verb itself is one of war."""
    key = noun_key(noun)
    if key in ("operation", "exchange", "swap") and lemma not in ("wage", "mount", "launch"):
        return _guarded_noun_ok(noun, key, context)
    return True


def _with_event_noun(lemma: str, particle: str | None, kind: str, as_subject: bool,
                     verb: Token) -> str | None:
    """A verb with an event noun: the noun says what, the verb whether it happened,
    ended, was agreed or refused."""
    if lemma in END_VERBS and _ends(lemma, particle, as_subject):
        return END_TYPE.get(kind)
    if kind == "AGREE" and lemma in AGREEING_VERBS:
        return "AGREE"
    if kind in ("AGREE", "CONSULT") and lemma == "declare":
        return "CONCEDE"  # PLOVER: a declared (not yet observed) ceasefire is a concession
    if lemma in REJECTING_VERBS and not as_subject:
        # a deal, talks or a demand refused; not a charge denied (a statement) nor an
        # attack blocked (a defence)
        return "REJECT" if kind in REJECTABLE else None
    if lemma in LIFTING_VERBS and kind in ("SANCTION", "COERCE"):
        return "CONCEDE"
    if lemma in ASPECT_VERBS and not (as_subject and lemma not in HAPPEN_VERBS):
        return kind
    if as_subject and lemma in HAPPEN_VERBS:
        return kind
    if as_subject and lemma in VERB_TYPES and VERB_TYPES[lemma] == kind == "ASSAULT":
        return kind  # "the strikes killed 20": one attack, told by noun and verb
    return None


def _ends(lemma: str, particle: str | None, as_subject: bool) -> bool:
    """"called off", "broke off", "walked out of", "pulled out of", "left the talks",
    "the talks collapsed": the verb ends the event rather than carrying it on."""
    if lemma in ("call", "break"):
        return particle in ("off", "down")
    if lemma in ("walk", "pull"):
        return particle == "out"
    if lemma in ("collapse", "stall", "fail", "falter", "founder"):
        return as_subject
    return not as_subject or lemma in ("end", "stop", "halt")


def _by_object(lemma: str, theme: Token | None, verb: Token) -> str | None:
    """Verbs typed by what they move: proposals (presented -> CONSULT), aid (delivered ->
    AID), troops (sent -> MOBILIZE), captives (released -> RETREAT)."""
    subject = child_of(verb, "nsubj")
    key = noun_key(theme) if theme is not None else None
    if key in PROPOSAL_NOUNS and lemma in PRESENTING_VERBS:
        return "CONSULT"
    if key in AID_NOUNS and lemma in DELIVERY_VERBS and not (
            subject is not None and subject.ent_type_ in ("DATE", "TIME")):
        return "AID"  # not "Wednesday morning brought some relief"
    if theme is None and subject is not None and noun_key(subject) in AID_NOUNS and \
            lemma in ARRIVAL_VERBS:
        return "AID"
    if key in FORCE_NOUNS and lemma in SENDING_VERBS:
        return "MOBILIZE"
    if lemma in RELEASE_VERBS and theme is not None and captives(theme):
        return "RETREAT"
    if lemma == "take" and key in ("hostage", "captive"):
        return "ASSAULT"
    return None


def _by_verb(lemma: str, particle: str | None, theme: Token | None, verb: Token,
             context: ArticleContext) -> str | None:
    kind = VERB_TYPES.get(lemma)
    if kind is None or particle == "back" and lemma != "pull":
        return None  # "hit back" is a reply, not an attack
    if lemma in NEEDS_OBJECT:
        guard = GUARDS.get(lemma, has_actor_object)
        return guard(verb, theme, particle, context, kind)
    if kind == "ASSAULT" and natural_subject(verb):
        return None
    return kind


def _accountable(verb: Token) -> bool:
    """"held X responsible": the verb governs an adjective of accountability, directly
    or through its object."""
    for child in verb.children:
        for word in (child, *child.children):
            if word.lemma_.lower() in ACCOUNTABLE_WORDS and word.pos_ == "ADJ":
                return True
    return False


# ---- states ----------------------------------------------------------------------------

def _state_candidate(word: Token, context: ArticleContext) -> Candidate | None:
    if word.pos_ not in ("ADJ", "VERB") or word.dep_ not in ("acomp", "oprd"):
        return None
    copula = word.head
    subject = child_of(copula, "nsubj", "nsubjpass")
    key = word.lower_
    if key in ONGOING_WORDS:
        noun = event_noun(subject)
        if noun is None:
            return None
        kind = noun_type(noun)
        if key in STALLED_WORDS or key == "over":
            kind = END_TYPE.get(kind, kind)
        return Candidate(kind, word, copula, noun, "state")
    if word.lemma_.lower() in ACCOUNTABLE_WORDS and verb_key(copula) == "be":
        return _blame_candidate(word, copula)
    return None


def _blame_candidate(word: Token, copula: Token) -> Candidate | None:
    """"Hamas said Netanyahu was entirely responsible for the failure ...": the
    speaker accuses the subject. Only blame is kept ("fully responsible", or
    responsible for a failure, a death, an attack), not "responsible for security"."""
    speech = copula.head
    if copula.dep_ != "ccomp" or verb_key(speech) not in SPEECH_VERBS:
        return None
    strong = any(child.lower_ in STRONG_BLAME_ADVERBS for child in word.children)
    cause = prep_object(word, "for")
    if not strong and (cause is None or cause.lemma_.lower() not in BAD_OUTCOMES):
        return None
    return Candidate("ACCUSE", word, speech, None, "blame")


# ---- nouns -----------------------------------------------------------------------------

def _noun_candidate(noun: Token, context: ArticleContext) -> Candidate | None:
    if event_noun(noun) != noun:
        return _aspect_candidate(noun, context)
    key = noun_key(noun)
    if not _reported_as_fact(noun) or not _guarded_noun_ok(noun, key, context):
        return None
    if not _anchored(noun, context):
        return None
    return Candidate(noun_type(noun), noun, noun, noun, "noun")


def _aspect_candidate(word: Token, context: ArticleContext) -> Candidate | None:
    """"the resumption of indirect talks between Hamas and Israel": a noun of beginning
    or ending over an event noun."""
    key = noun_key(word)
    if key not in MEASURE_NOUNS or word.pos_ != "NOUN":
        return None
    noun = event_noun(word)
    if noun is None or not _reported_as_fact(word) or not _anchored(noun, context) or \
            not _guarded_noun_ok(noun, noun_key(noun), context):
        return None
    kind = noun_type(noun)
    if key in ENDING_NOUNS:
        kind = END_TYPE.get(kind, kind)
    return Candidate(kind, word, word, noun, "noun")


def _reported_as_fact(noun: Token) -> bool:
    """The sentence says the event happened: it is a subject, an apposition, the object
    of "saw" or "announced", or the object of "since", "after", "during" ...; a noun
    after "for", "to", "on" is a purpose or a topic ("talks for a truce deal")."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ in NOUN_SLOTS:
        return True
    if noun.dep_ == "dobj":
        return verb_key(noun.head) in OCCURRENCE_VERBS
    if noun.dep_ == "pobj":
        return noun.head.lower_ in FACT_PREPS and noun.head.head.pos_ in ("VERB", "AUX")
    return False


def _guarded_noun_ok(noun: Token, key: str, context: ArticleContext) -> bool:
    """Nouns too often something else stand alone only with their telling modifier."""
    if key not in GUARDED_NOUNS:
        return True
    modifiers = {t.lemma_.lower() for t in noun.children if t.dep_ in ("amod", "compound")}
    if key == "war":  # "the war" alone is background; "a war between" or "on" names one
        return prep_object(noun, "between", "against", "on") is not None
    if key == "operation":
        return bool(modifiers & MILITARY_WORDS) or prep_object(noun, "by") is not None \
            or _nationals(noun, context, {"NORP", "GPE"})
    if key == "strike":
        return bool(modifiers & (MILITARY_WORDS | LABOUR_STRIKE_WORDS)) or _nationals(
            noun, context) or prep_object(noun, "on", "against") is not None
    if key in ("exchange", "swap", "release"):
        captive = prep_object(noun, "of") if key == "release" else None
        return bool(modifiers & CAPTIVE_NOUNS) or (captive is not None and captives(captive))
    if key == "resolution":
        return any(context.entity(t) and context.entity(t).label == "ORG"  # type: ignore
                   for t in noun.children if t.dep_ in ("compound", "poss"))
    if key in ("deal", "settlement", "visit", "march"):
        return True  # anchored below by a participant or a date
    return False


def _nationals(noun: Token, context: ArticleContext,
               labels: set[str] = ACTOR_LABELS) -> bool:
    """"Israeli strikes", "Russia's operation": a named side carries it out."""
    for child in noun.children:
        entity = context.entity(child) if child.dep_ in ("amod", "compound", "poss") else None
        if entity is not None and entity.label in labels:
            return True
    return False


def _anchored(noun: Token, context: ArticleContext) -> bool:
    """A bare event noun counts only with its own participant, place or date: "a Hamas
    attack last October", "talks between Hamas and Israel", "the release of 81 Israelis"."""
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "nmod", "npadvmod", "amod") and (
                context.entity(child) or child.i in context.time_at):
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "between", "with", "on", "against",
                                                     "of", "in", "at"):
            for inner in child.subtree:
                if context.entity(inner) or inner.i in context.time_at:
                    return True
        if child.dep_ == "appos" and context.entity(child):
            return True
    return False
