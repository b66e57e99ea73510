"""Guards of the `events` stage: verbs that name an event only with the right object or
subject ("fired rockets at", not "fired Comey"; "met Blinken", not "met expectations";
"protesters rallied", not "Henman rallied"). Each guard returns the event type, a
corrected one ("attacked the plan" is ACCUSE), or None."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .event_context import ACTOR_LABELS, PLACE_LABELS, ArticleContext, child_of
from .event_lexicon import (
    FORCE_NOUNS,
    NOUN_TYPES,
    PROPOSAL_NOUNS,
    PROTESTER_NOUNS,
    VERBAL_TARGETS,
)
from .event_words import captives, natural_subject, noun_key, passive, prep_object, verb_key

Token = Any

# Whom or where one meets, talks, arrives ("visited" and "hosted" take an object).
MEETING_PREPS = {"meet": ("with",), "talk": ("with", "to"), "discuss": ("with",),
                 "arrive": ("in", "at"), "fly": ("to", "into"), "travel": ("to",),
                 "confer": ("with",)}


PHYSICAL_TARGETS = {"target", "position", "site", "base", "building", "home", "house",
                    "hospital", "school", "camp", "convoy", "vehicle", "ship", "tank",
                    "facility", "infrastructure", "area", "village", "town", "city",
                    "neighbourhood", "neighborhood", "tunnel", "post", "headquarters",
                    "depot", "launcher", "outpost", "checkpoint", "compound", "mosque",
                    "church", "market", "airport", "port", "bridge", "station", "plant",
                    "refinery", "shelter", "apartment", "tower", "hideout", "stronghold"}


WEAPON_NOUNS = {"rocket", "missile", "shot", "shell", "mortar", "bullet", "round", "salvo",
                "projectile", "drone", "gun", "weapon", "grenade", "tear", "flare"}


Guard = Callable[[Token, Token | None, str | None, ArticleContext, str], str | None]


def has_actor_object(verb: Token, theme: Token | None, particle: str | None,
                      context: ArticleContext, kind: str) -> str | None:
    """Verbs that are events only when done to a named actor or place ("hit Gaza",
    "met Blinken", "warned Israel"), by someone who is not a storm or a market."""
    if natural_subject(verb) or theme is None:
        return None
    named = theme.ent_type_ in ACTOR_LABELS | PLACE_LABELS or context.entity(theme)
    return kind if named else None


def _attack_guard(verb: Token, theme: Token | None, particle: str | None,
                  context: ArticleContext, kind: str) -> str | None:
    if natural_subject(verb):
        return None
    lemma = verb_key(verb)
    if lemma == "fire":  # "fired rockets at", not "fired Comey"
        weapon = theme is not None and theme.lemma_.lower() in WEAPON_NOUNS
        return kind if weapon or prep_object(verb, "at", "on", "into") is not None else None
    if theme is not None and theme.lemma_.lower() in VERBAL_TARGETS:
        return "ACCUSE" if lemma in ("attack", "slam", "hit", "target") else None
    if lemma == "slam":  # "slammed Netanyahu", not "slammed his racket"
        return "ACCUSE" if has_actor_object(verb, theme, particle, context, kind) or \
            child_of(verb, "ccomp") is not None else None
    if lemma in ("attack", "ambush"):
        return kind if not natural_subject(verb) else None
    if theme is not None and theme.lemma_.lower() in PHYSICAL_TARGETS and \
            not natural_subject(verb):
        return kind  # "struck 200 targets", "hit a school"
    if lemma == "blow" and particle != "up":
        return None
    if lemma == "round":
        return "COERCE" if particle == "up" else None
    return has_actor_object(verb, theme, particle, context, kind)


def _meeting_guard(verb: Token, theme: Token | None, particle: str | None,
                   context: ArticleContext, kind: str) -> str | None:
    """"met Blinken", "met with Hamas", "talked to Netanyahu", "visited Cairo", "the
    delegation left Doha", "arrived in Cairo": a meeting or a visit between actors."""
    lemma = verb_key(verb)
    partner = prep_object(verb, *MEETING_PREPS.get(lemma, ()))
    if lemma in ("arrive", "leave", "fly", "travel", "visit", "host") and \
            not _delegate_subject(verb, context):
        return None  # not "all those who live, work or visit London"
    for other in (theme, partner):
        if other is not None and (context.entity(other) or other.ent_type_ in
                                  ACTOR_LABELS | PLACE_LABELS or
                                  noun_key(other) in ("delegation", "envoy", "team")):
            return kind
    return None


def _delegate_subject(verb: Token, context: ArticleContext) -> bool:
    subject = child_of(verb, "nsubj")
    if subject is None:
        return False
    entity = context.entity(subject)
    if entity is not None and entity.label in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if any(context.entity(t) and context.entity(t).label == "PERSON"  # type: ignore[union-attr]
           for t in subject.children if t.dep_ == "appos"):
        return True
    return subject.lemma_.lower() in ("delegation", "envoy", "negotiator", "team", "minister",
                                      "chief", "head", "mediator", "official", "president",
                                      "secretary", "diplomat", "emissary")


def _complement_guard(verb: Token, theme: Token | None, particle: str | None,
                      context: ArticleContext, kind: str) -> str | None:
    """Verbs that are events with an object or an infinitive ("agreed to release",
    "refused to attend", "vowed to retaliate"), not with a that-clause of opinion."""
    lemma = verb_key(verb)
    xcomp = child_of(verb, "xcomp")
    if lemma == "vow":
        return "THREATEN" if xcomp is not None and verb_key(xcomp) in (
            "retaliate", "destroy", "crush", "eliminate", "avenge", "punish", "attack",
            "fight", "respond", "strike", "hit") else None
    if lemma == "agree" and child_of(verb, "ccomp") is not None:
        return None  # "agreed that ..." is an opinion
    if lemma == "agree" and xcomp is None and theme is None and \
            prep_object(verb, "to", "on", "upon") is None:
        return None  # "Israel and most Jewish groups agree": an opinion shared
    if lemma == "deny":
        return kind if theme is not None and theme.lemma_.lower() in (
            "access", "entry", "visa", "request", "permission") else None
    if lemma in ("offer", "propose", "promise", "pledge", "commit", "sign", "request",
                 "urge", "support", "welcome", "back", "approve", "recognise", "recognize",
                 "thank", "congratulate", "refuse", "order", "insist", "summon", "instruct"):
        return _has_complement(verb, theme, context, kind)
    return kind


def _has_complement(verb: Token, theme: Token | None, context: ArticleContext,
                    kind: str) -> str | None:
    if child_of(verb, "xcomp") is not None:
        return kind
    if theme is None:
        return None
    if verb_key(verb) == "sign" and noun_key(theme) not in NOUN_TYPES:
        return None
    if verb_key(verb) in ("insist",):
        return None
    if verb_key(verb) in ("offer", "propose") and noun_key(theme) in NOUN_TYPES:
        # "offered a ceasefire", not "offering a real threat"
        return kind if NOUN_TYPES[noun_key(theme)] in ("AGREE", "CONSULT", "AID") else None
    return kind if (context.entity(theme) or noun_key(theme) in NOUN_TYPES or
                    noun_key(theme) in PROPOSAL_NOUNS or verb_key(verb) in
                    ("urge", "order", "support", "welcome", "approve")) else None


def _withdrawal_guard(verb: Token, theme: Token | None, particle: str | None,
                      context: ArticleContext, kind: str) -> str | None:
    """Troops pulled out of a place, an official who stepped down, a captive set free."""
    lemma = verb_key(verb)
    if lemma in ("release", "free"):
        return kind if theme is not None and captives(theme) else None
    if lemma == "step":
        return kind if particle == "down" else None
    if lemma == "pull":
        return kind if particle in ("out", "back") else None
    if lemma in ("withdraw", "retreat", "surrender"):
        if theme is not None and noun_key(theme) in ("ambassador", "envoy", "diplomat"):
            return "SANCTION"
        return kind if theme is None or noun_key(theme) in FORCE_NOUNS else None
    if lemma == "quit":
        return kind if theme is not None and theme.lemma_.lower() in (
            "post", "job", "government", "cabinet", "office", "role", "position") else None
    return None


def _sanction_guard(verb: Token, theme: Token | None, particle: str | None,
                    context: ArticleContext, kind: str) -> str | None:
    """"suspended aid", "cut ties", "recalled its ambassador" (not "cut prices")."""
    if theme is None:
        return None
    return kind if theme.lemma_.lower() in (
        "tie", "relation", "aid", "funding", "cooperation", "membership", "delivery",
        "ambassador", "envoy", "diplomat", "contact", "trade", "export", "import", "supply",
        "assistance") else None


def _protest_guard(verb: Token, theme: Token | None, particle: str | None,
                   context: ArticleContext, kind: str) -> str | None:
    """People marching or rallying, not "demonstrated that" or "rallied behind"."""
    if child_of(verb, "ccomp") is not None or prep_object(verb, "behind", "around"):
        return None
    subject = child_of(verb, "nsubj")
    if subject is None:
        return None
    protesters = noun_key(subject) in PROTESTER_NOUNS or subject.pos_ == "NUM"
    return kind if protesters or prep_object(verb, "against") is not None else None


def _mobilize_guard(verb: Token, theme: Token | None, particle: str | None,
                    context: ArticleContext, kind: str) -> str | None:
    return kind if theme is not None and noun_key(theme) in FORCE_NOUNS else None


def _charge_guard(verb: Token, theme: Token | None, particle: str | None,
                  context: ArticleContext, kind: str) -> str | None:
    """"charging that Hamas was ...", "charged him with murder" (not a battery)."""
    if child_of(verb, "ccomp") is not None or prep_object(verb, "with") is not None:
        return kind
    return has_actor_object(verb, theme, particle, context, kind)


def _execute_guard(verb: Token, theme: Token | None, particle: str | None,
                   context: ArticleContext, kind: str) -> str | None:
    return kind if theme is not None and (captives(theme) or theme.ent_type_ == "PERSON"
                                          ) else None


def _sentence_guard(verb: Token, theme: Token | None, particle: str | None,
                    context: ArticleContext, kind: str) -> str | None:
    return kind if theme is not None and theme.ent_type_ == "PERSON" or \
        prep_object(verb, "to") is not None and passive(verb) else None


def _warning_guard(verb: Token, theme: Token | None, particle: str | None,
                   context: ArticleContext, kind: str) -> str | None:
    """"warned Israel against launching an attack" is a threat; "warned the Israelis
    (that) something big was coming" is information."""
    if child_of(verb, "ccomp") is not None:
        return None
    return has_actor_object(verb, theme, particle, context, kind)


GUARDS: dict[str, Guard] = {
    **dict.fromkeys(["hit", "target", "fire", "strike", "blow", "destroy", "gun", "capture",
                     "seize", "round", "slam", "attack", "ambush"], _attack_guard),
    **dict.fromkeys(["meet", "talk", "discuss", "host", "visit", "arrive", "leave", "fly",
                     "travel", "broker"], _meeting_guard),
    **dict.fromkeys(["vow", "agree", "deny", "offer", "propose", "promise", "pledge",
                     "commit", "sign", "request", "urge", "support", "welcome", "back",
                     "approve", "recognise", "recognize", "thank", "congratulate", "refuse",
                     "order", "insist", "summon", "instruct"], _complement_guard),
    **dict.fromkeys(["release", "free", "pull", "quit", "step", "withdraw", "retreat",
                     "surrender", "evacuate"], _withdrawal_guard),
    **dict.fromkeys(["suspend", "recall", "cut"], _sanction_guard),
    **dict.fromkeys(["march", "rally", "demonstrate"], _protest_guard),
    "mass": _mobilize_guard,
    "charge": _charge_guard,
    "execute": _execute_guard,
    "sentence": _sentence_guard,
    "warn": _warning_guard,
}
