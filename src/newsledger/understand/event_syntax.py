"""Reading an event's clause: is it said to have happened, when, where, and which part
of the sentence tells it.

- Not an event: negated ("did not agree"), under a modal ("could attack"), in an
  infinitive ("efforts to reach a deal"), an if-clause, a question, or the complement of
  a verb or noun of wanting, fearing, denying ("warned against launching any attack").
  PLOVER has no negation type, so these are dropped. "Will" (a planned event) is kept
  with less confidence.
- When: the DATE time expression attached nearest above the trigger in the parse (its
  own modifiers first, then each governing word's, so "said on Tuesday that the talks
  were ongoing" dates the talks), never across "since"/"after"/"before", a relative
  clause or an if/when-clause, which are other times.
- Where: a place (GPE, LOC, FAC) in a locative phrase of the trigger or its event noun
  ("resumed in Doha", "holding meetings in Qatar", "the Doha talks", "attack on Rafah").
"""

from __future__ import annotations

from typing import Any

from .event_context import PLACE_LABELS, ArticleContext
from .event_lexicon import (
    FUTURE,
    IRREALIS_NOUNS,
    IRREALIS_PREPS,
    IRREALIS_VERBS,
    MODALS,
    NEGATIONS,
    PLACE_PREPS,
)
from .event_triggers import Candidate
from .event_words import verb_key
from .records import TimeExpression

Token = Any
ASPECTUAL_GOVERNORS = {"continue", "begin", "start", "resume", "keep", "proceed", "go"}
SCOPE_DEPS = {"ccomp", "xcomp", "pcomp", "acl", "relcl", "prep", "pobj", "dobj", "attr",
              "oprd", "acomp", "nsubj", "nsubjpass", "appos", "compound", "amod", "npadvmod"}
COMPLEMENT_DEPS = {"ccomp", "xcomp", "pcomp", "acl"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest", "should"}
OTHER_TIME_MARKS = {"since", "after", "before", "until", "till", "once", "when", "while",
                    "as"}
OTHER_TIME_PREPS = {"since", "after", "before", "following", "until", "till", "prior",
                    "ahead"}
TRIM_DEPS = {"punct", "cc", "advcl", "conj", "parataxis", "mark", "dep", "intj", "preconj",
             "meta"}
QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}
UNREAL_MODIFIERS = {"planned", "proposed", "possible", "potential", "expected", "imminent",
                    "threatened", "looming", "anticipated", "future", "would-be", "mooted",
                    "hypothetical", "prospective", "feared", "rumoured", "rumored",
                    "failed", "foiled", "thwarted"}
PHYSICAL_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID", "RETREAT"}


def anchors(candidate: Candidate) -> list[Token]:
    found = [candidate.trigger]
    for token in (candidate.head, candidate.noun):
        if token is not None and token not in found:
            found.append(token)
    return found


# ---- happened or not -------------------------------------------------------------------

def is_irrealis(candidate: Candidate) -> bool:
    """The clause does not say the event happened (see the module docstring)."""
    if candidate.trigger.sent.text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return True
    for token in anchors(candidate):
        if _negated_or_modal(token) or _infinitive(token) or _gerund_as_noun(token) or \
                _imperative(token):
            return True
    if candidate.kind in ("state", "blame") and _negated_or_modal(candidate.trigger.head):
        return True  # "civilians are not responsible"
    return _irrealis_above(candidate.head)


def _imperative(token: Token) -> bool:
    """"Call off this summit," Wyden tweeted: asked for, not done."""
    return token.tag_ == "VB" and token.dep_ in ("ROOT", "ccomp", "parataxis") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)


def _gerund_as_noun(token: Token) -> bool:
    """"associated with urging evacuations": a gerund that names an activity in
    general, with no one doing it."""
    return token.tag_ == "VBG" and token.dep_ in ("pcomp", "pobj", "csubj", "nsubj", "dobj")


def is_future(candidate: Candidate) -> bool:
    return any(child.dep_ == "aux" and child.lower_ in FUTURE
               for token in anchors(candidate) for child in token.children)


def _negated_or_modal(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in NEGATIONS and child.dep_ in ("det",
                                                                              "advmod"):
            return True
        if child.dep_ == "aux" and child.lower_ in MODALS:
            return True
        if child.dep_ == "det" and child.lower_ in ("any", "no", "every"):
            return True
        if child.dep_ in ("amod", "compound") and child.lower_ in UNREAL_MODIFIERS:
            return True  # "the planned ground operation"
    return False


def _infinitive(token: Token) -> bool:
    """"to reach a deal": intended, unless an aspect verb says it went on ("continued
    to bomb")."""
    while token.dep_ == "conj" and token.tag_ == "VB":  # "to dismantle Hamas and release"
        token = token.head
    if token.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to"
                                     for c in token.children):
        return False
    return not (token.dep_ == "xcomp" and verb_key(token.head) in ASPECTUAL_GOVERNORS)


def _irrealis_above(token: Token) -> bool:
    """Walk up the governing words: a negation, modal, "if", a verb or noun of wanting
    or fearing, or a preposition of purpose above the event takes it out of the facts.
    Adverbial clauses other than "if" end the walk: "did not attend because Hamas
    attacked" still reports the attack."""
    current = token
    while current.head.i != current.i:
        dep, parent = current.dep_, current.head
        if dep == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                       for c in current.children)
        if dep == "conj":
            # "would bring a rifle and shoot": the modal covers both conjuncts, their
            # place in the sentence too ("two goals: convincing X and reaching Y"), but
            # not the first one's negation
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in parent.children):
                return True
            current = parent
            continue
        if dep not in SCOPE_DEPS:
            return False
        if dep == "pobj" and parent.lower_ in IRREALIS_PREPS:
            return True
        if dep in COMPLEMENT_DEPS or dep in ("prep", "pobj", "appos"):
            if parent.lemma_.lower() in IRREALIS_VERBS and parent.pos_ in ("VERB", "ADJ"):
                return True
            if parent.lemma_.lower() in IRREALIS_NOUNS and parent.pos_ == "NOUN":
                return True  # "efforts to reach", "two goals: ... reaching an agreement"
        if _negated_or_modal(parent) and dep in COMPLEMENT_DEPS | {"relcl", "prep", "pobj"}:
            return True
        current = parent
    return False


# ---- when ------------------------------------------------------------------------------

def event_date(candidate: Candidate, context: ArticleContext) -> TimeExpression | None:
    for token in anchors(candidate):
        found = _date_at(token, context)
        if found is not None:
            return found
    current = candidate.head
    while current.head.i != current.i and not _other_time(current):
        current = current.head
        found = _date_at(current, context)
        if found is not None:
            return found
    return None


def _other_time(token: Token) -> bool:
    """Climbing from here would take another clause's time."""
    if token.dep_ == "pobj" and token.head.lower_ in OTHER_TIME_PREPS:
        return True
    if token.dep_ == "prep" and token.lower_ in OTHER_TIME_PREPS:
        return True
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS | CONDITIONAL_MARKS
                   for c in token.children)
    if token.dep_ in ("relcl", "acl"):
        return token.head.i not in _time_tokens_near(token)
    return False


def _time_tokens_near(token: Token) -> set[int]:
    return {token.head.i} if token.head.ent_type_ in ("DATE", "TIME") else set()


def _date_at(token: Token, context: ArticleContext) -> TimeExpression | None:
    """A date on this word itself, on its own modifiers ("on Monday", "early Tuesday",
    "last October"), or on its subject ("a deal in November 2023 saw ...")."""
    if token.i in context.time_at:
        return context.time_at[token.i]
    for child in token.children:
        found = _date_modifier(child, context)
        if found is not None:
            return found
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            for grandchild in child.children:
                found = _date_modifier(grandchild, context)
                if found is not None:
                    return found
    return None


def _date_modifier(child: Token, context: ArticleContext) -> TimeExpression | None:
    if child.dep_ in ("npadvmod", "nmod", "compound", "tmod", "advmod", "pobj", "dobj") and \
            child.i in context.time_at:
        return context.time_at[child.i]
    if child.dep_ == "prep" and child.lower_ not in OTHER_TIME_PREPS:
        for inner in child.children:
            if inner.dep_ == "pobj" and inner.i in context.time_at:
                return context.time_at[inner.i]
    return None


# ---- where -----------------------------------------------------------------------------

def event_place(candidate: Candidate, context: ArticleContext) -> str | None:
    for token in anchors(candidate):
        found = _place_at(token, candidate.type, context)
        if found is not None:
            return found
    if candidate.type not in PHYSICAL_TYPES:
        return None  # "condemned the acts of terror in Israel" was not said in Israel
    for argument in _arguments(candidate.head):  # "killed by gunmen in Kabul"
        for prep in argument.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                found = _place_in(prep, context)
                if found:
                    return found
    return None


def _arguments(head: Token) -> list[Token]:
    found = []
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            found.append(child)
        elif child.dep_ == "agent":
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _place_at(token: Token, kind: str, context: ArticleContext) -> str | None:
    for child in token.children:
        if child.dep_ == "compound" and token.pos_ == "NOUN" and kind == "CONSULT":
            name = context.name(child, PLACE_LABELS)
            if name:
                return name
        if child.dep_ == "prep" and (child.lower_ in PLACE_PREPS or child.lower_ == "from"
                                     and kind == "RETREAT") and (
                child.lower_ != "on" or kind in PHYSICAL_TYPES):
            found = _place_in(child, context)
            if found:
                return found
        if child.dep_ == "advmod" and child.lower_ in ("here", "there"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                    found = _place_in(prep, context)
                    if found:
                        return found
    if kind == "CONSULT" and verb_key(token) in ("leave", "visit", "reach", "enter"):
        for child in token.children:
            if child.dep_ == "dobj":
                return context.name(child, PLACE_LABELS)
    if kind == "CONSULT" and verb_key(token) in ("travel", "fly", "go", "come", "head"):
        for prep in token.children:  # "travelled to Israel"
            if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
                return _place_in(prep, context)
    return None


def _place_in(prep: Token, context: ArticleContext) -> str | None:
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        for token in (pobj, *[c for c in pobj.children if c.dep_ == "compound"]):
            name = context.name(token, PLACE_LABELS)
            if name:
                return name
    return None


# ---- which words -----------------------------------------------------------------------

def event_span(candidate: Candidate, keep: list[Token]) -> tuple[int, int]:
    """Character offsets of the clause that tells the event: the head's phrase without
    its side clauses and punctuation at the edges, stretched to an actor told outside it
    ("Netanyahu's office hit back, charging that ..."), within the trigger's paragraph."""
    head = candidate.head
    keep_indices = {t.i for t in keep} | {t.i for t in anchors(candidate)}
    first, last = head.left_edge.i, head.right_edge.i
    for child in head.lefts:
        if child.dep_ not in TRIM_DEPS or _holds(child, keep_indices):
            break
        first = child.right_edge.i + 1
    for child in reversed(list(head.rights)):
        if child.dep_ not in TRIM_DEPS or _holds(child, keep_indices):
            break
        last = child.left_edge.i - 1
    for token in keep:
        first, last = min(first, token.left_edge.i), max(last, token.right_edge.i)
    doc = head.doc
    first, last = _within_paragraph(doc, first, last, candidate.trigger.i)
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    last = _closing_quote(doc, first, last)
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _closing_quote(doc: Any, first: int, last: int) -> int:
    """Keep the closing mark of a quotation the span opens ("were "ongoing"")."""
    text = doc[first:last + 1].text
    following = doc[last + 1].text if last + 1 < len(doc) else ""
    following_next = doc[last + 2].text if last + 2 < len(doc) else ""
    for opening, closing in QUOTES.items():
        opened = text.count(opening) - (text.count(closing) if opening != closing else 0)
        unbalanced = opened % 2 == 1 if opening == closing else opened > 0
        if not unbalanced:
            continue
        if following == closing:
            return last + 1
        if following in ",." and following_next == closing:
            return last + 2
    return last


def _holds(child: Token, indices: set[int]) -> bool:
    return any(child.left_edge.i <= i <= child.right_edge.i for i in indices)


def _within_paragraph(doc: Any, first: int, last: int, trigger: int) -> tuple[int, int]:
    """A subheading the parser glued to the next sentence is not part of the event."""
    for index in range(first, last + 1):
        if doc[index].is_space and "\n" in doc[index].text:
            if index < trigger:
                first = index + 1
            else:
                return first, index - 1
    return first, last
