"""Victims the text counts only in words: "a man was shot and killed", "she died".

Crime and conflict reports often give no number for one or two victims: "A 20-year-old
man was shot Tuesday ... He died at the hospital." A reader counts one killed. This
module finds the people the parse makes victims (the patient of shoot, kill, wound,
stab; the subject of die; "found dead", "the death of X", "in critical condition",
"suffered a gunshot wound") and follows them through the article the way a reader
does: a name is one person; "a man", "another man", "a second victim" bring in a new
one; "he", "the man", "the 19-year-old" point back to the latest one that fits
(gender, age); "both" and "they" cover the people already there. Each person counts
once: killed if any mention says they died, else injured.

The counts become figures (measure `killed` or `injured`, unit `person`) where they say
more than the numbers written in the text: "Two men were shot, one fatally" gives one
killed and, from the two shot, one injured. When the body only says a person was shot
and the headline says they died, the headline decides.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .pipeline import Analysis
from .records import Entity, Figure

EXTRACTOR = "victims-v1"
_KILL = frozenset({"kill", "murder", "slay", "execute", "assassinate", "behead", "massacre"})
_DIE = frozenset({"die", "perish", "succumb"})
_HARM = frozenset({"shoot", "wound", "injure", "hurt", "stab", "hospitalize", "hospitalise",
                   "graze", "strike", "hit", "maim", "wing"})
_DEATH_NOUNS = frozenset({"death", "killing", "murder", "slaying", "homicide", "body"})
_HARM_NOUNS = frozenset({"shooting", "stabbing"})
_WOUNDS = frozenset({"wound", "injury"})
_FATAL_WORDS = frozenset({"fatally", "mortally", "dead", "death"})
_STATES = {"dead": True, "deceased": True, "hospitalized": False, "hospitalised": False,
           "injured": False, "wounded": False, "hurt": False}
_CONDITION = re.compile(r"\b(?:critical|serious|stable|fair|grave|guarded)\b", re.I)
_MALE = frozenset({"man", "boy", "he", "him", "father", "son", "husband", "brother",
                   "boyfriend", "gentleman", "grandfather", "uncle", "nephew", "male"})
_FEMALE = frozenset({"woman", "girl", "she", "her", "mother", "daughter", "wife", "sister",
                     "girlfriend", "lady", "grandmother", "aunt", "niece", "female"})
_ROLES = frozenset({"victim", "person", "individual", "one"})  # "a victim" may be one we know
_PERSON_WORDS = _MALE | _FEMALE | _ROLES | frozenset({
    "teen", "teenager", "child", "kid", "toddler", "baby", "infant", "student", "officer",
    "deputy", "trooper", "driver", "passenger", "resident", "suspect", "gunman", "shooter",
    "bystander", "pedestrian", "customer", "clerk", "employee", "worker", "youth", "juvenile",
    "adult", "cousin", "friend", "neighbor", "neighbour", "occupant", "soldier", "civilian",
    "guard", "agent", "patron", "owner", "homeowner", "cop", "policeman", "motorist", "rider",
    "relative", "sibling", "parent", "waitress", "waiter", "cashier", "teacher", "robber",
    "intruder", "burglar", "attacker", "assailant", "security"})
_HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "can"})
_ATTEMPT = frozenset({"try", "attempt", "threaten", "want", "plan", "intend", "vow", "seek",
                      "go", "fear"})
_HEDGES = frozenset({"possibly", "nearly", "almost", "narrowly", "potentially", "never"})
_NEW_MARKERS = frozenset({"a", "an", "another", "one", "second", "third", "fourth"})
_PLURAL = frozenset({"they", "them", "both"})
_COUNT_FATAL = re.compile(r"\b(one|two|three|four|five|\d)\s+(?:of\s+(?:them|whom)\s+)?"
                          r"(?:fatally|died|was killed|were killed)\b", re.I)
_WORD_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_HEADLINE_DEATH = re.compile(r"\b(?:killed|kills|dies|died|dead|fatal(?:ly)?|slain|murder(?:ed)?|"
                             r"homicide|death)\b", re.I)
_TRIGGER_RE = re.compile(
    r"\b(?:shot|shoots?|shooting|kill\w*|murder\w*|died|dies|die|dying|dead|deceased|wound\w*|"
    r"injur\w*|hurt|stab\w*|hospitali[sz]\w*|slain|slay\w*|execut\w*|assassinat\w*|"
    r"behead\w*|massacre\w*|perish\w*|succumb\w*|graz\w*|strikes?|struck|striking|hits?|"
    r"hitting|maim\w*|wing(?:ed)?|death|homicide|condition|body|bodies)\b", re.I)
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|^,\s*(?:age\s+)?(\d{1,3}),")


@dataclass(frozen=True)
class Mention:
    """One word that makes a person a victim, and what it says happened to them."""

    token: Any  # the person: a noun, a name or a pronoun
    killed: bool


@dataclass(frozen=True)
class Person:
    """One victim as the article follows them."""

    first: Any  # the first mention's token
    name: str | None
    gender: str  # male, female or neutral
    age: int | None
    killed: bool = False


def victim_figures(analysis: Analysis, sentences: Sequence[Any], figures: Sequence[Figure]
                   ) -> list[Figure]:
    """The killed and injured totals the text implies beyond the counts it writes."""
    text = analysis.article.text
    people = follow(_distinct(_mentions(analysis.doc)), analysis.entities, text)
    if len(people) == 1 and not people[0].killed and _headline_says_died(analysis):
        people[0] = replace(people[0], killed=True)
    killed = [_span_of(p.first, sentences) for p in people if p.killed]
    injured = [_span_of(p.first, sentences) for p in people if not p.killed]
    written = _written(figures)
    fatal = _fatal_count(text, sentences)  # "two men were shot, one fatally"
    if fatal:
        killed = killed or [fatal[1]]
    total_killed = max(len(killed), written["killed"][0], fatal[0] if fatal else 0)
    total_injured = max(len(injured), written["injured"][0],
                        written["shot"][0] - total_killed)
    injured = injured or ([written["shot"][1]] if written["shot"][1] else [])
    found = []
    if total_killed > written["killed"][0] and killed:
        found.append(_figure(analysis, killed[0], total_killed, "killed"))
    if total_injured > written["injured"][0] and injured:
        found.append(_figure(analysis, injured[0], total_injured, "injured"))
    return found


def _headline_says_died(analysis: Analysis) -> bool:
    title = analysis.article.title or ""
    return _HEADLINE_DEATH.search(title) is not None


# ----------------------------------------------------------------------------- mentions
def _distinct(mentions: Iterator[Mention]) -> list[Mention]:
    """One mention per word, in text order ("shot and killed" names the man twice)."""
    by_token: dict[int, Mention] = {}
    for mention in mentions:
        known = by_token.get(mention.token.i)
        if known is None or mention.killed and not known.killed:
            by_token[mention.token.i] = mention
    return [by_token[i] for i in sorted(by_token)]


def _mentions(doc: Any) -> Iterator[Mention]:
    for token in _trigger_tokens(doc):
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and not _unreal(token):
            if lemma in _KILL or lemma in _HARM:
                killed = lemma in _KILL or _fatal(token)
                yield from (Mention(p, killed) for p in _patients(token))
            elif lemma in _DIE:
                subjects = _children(token, ("nsubj",))
                if not subjects and token.dep_ == "conj":  # "was shot ... and has died"
                    subjects = _children(token.head, ("nsubj", "nsubjpass"))
                yield from (Mention(p, True) for p in subjects)
        if token.lower_ in _STATES and (token.dep_ in ("acomp", "oprd") or token.pos_ == "ADJ"
                                        and token.dep_ in ("xcomp", "advcl", "ccomp", "dep",
                                                           "conj")):
            holders = _children(token.head, ("nsubj", "nsubjpass", "dobj"))
            yield from (Mention(p, _STATES[token.lower_]) for p in holders)
        if token.pos_ == "NOUN":
            yield from _noun_mentions(token, lemma)


def _trigger_tokens(doc: Any) -> Iterator[Any]:
    """The words that can make someone a victim, found by their spelling first: the
    parse is only read around them."""
    seen = set()
    for match in _TRIGGER_RE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        for token in span if span is not None else ():
            if token.i not in seen:
                seen.add(token.i)
                yield token


def _noun_mentions(noun: Any, lemma: str) -> Iterator[Mention]:
    victim = _victim_of(noun)
    if victim is not None and lemma in _DEATH_NOUNS | _HARM_NOUNS:
        fatal = lemma in _DEATH_NOUNS or any(c.lower_ in ("fatal", "deadly")
                                             for c in noun.children)
        yield Mention(victim, fatal)
    elif lemma in _DEATH_NOUNS:
        yield from (Mention(p, True) for p in _owners(noun))
    elif lemma in _HARM_NOUNS:  # "the fatal shooting of a teen", "her shooting"
        fatal = any(c.lower_ in ("fatal", "deadly") for c in noun.children)
        yield from (Mention(p, fatal) for p in _owners(noun))
    elif lemma == "condition" and _CONDITION.search(" ".join(t.lower_ for t in noun.lefts)):
        yield from (Mention(p, False) for p in _holders(noun))
    elif lemma in _WOUNDS:  # "suffered a gunshot wound", "a man with gunshot wounds"
        yield from (Mention(p, False) for p in _holders(noun))


def _victim_of(noun: Any) -> Any:
    """ "the victim of a deadly shooting", "a homicide victim"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif noun.dep_ != "compound":
        return None
    return head if head.lemma_ == "victim" and _is_person(head) else None


def _unreal(verb: Any) -> bool:
    """ "could have been killed", "tried to kill", "was not injured"."""
    if any(c.dep_ == "neg" or c.lower_ in _HYPOTHETICAL_AUX | _HEDGES for c in verb.children):
        return True
    if verb.lemma_ == "shoot" and _fired_at(verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _ATTEMPT


def _fired_at(verb: Any) -> bool:
    """ "someone shot at the car", "he was shot at": fired at, not hit ("was shot at 59
    Park St." was hit)."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "at":
            stranded = not any(True for _ in child.children)
            return stranded if passive else not any(c.dep_ == "dobj" for c in verb.children)
    return False


def _fatal(verb: Any) -> bool:
    """ "fatally shot", "shot dead", "shot to death", "shot and killed"."""
    for child in verb.children:
        if child.lower_ in _FATAL_WORDS or child.dep_ == "conj" and child.lemma_ in _KILL | _DIE:
            return True
        if child.dep_ == "prep" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _patients(verb: Any) -> list[Any]:
    """Who was shot: the passive subject, the object, the noun a participle follows
    ("a man shot Tuesday"), the one found or left shot; nobody for "shot at"."""
    people = _children(verb, ("nsubjpass", "dobj"))
    if not people and (verb.dep_ in ("ccomp", "oprd", "xcomp") and verb.head.lemma_ in
                       ("find", "leave", "see") or _participle_without_object(verb)):
        people = _children(verb, ("nsubj",))  # "they found Moody shot to death"
    if not people and verb.dep_ == "acl":  # "a 27-year-old male, shot in the back"
        people = [p for p in _with_conjuncts(verb.head) if _is_person(p)]
    if not people and verb.dep_ in ("conj", "xcomp", "oprd", "ccomp", "advcl"):
        people = _children(verb.head, ("nsubjpass", "dobj"))  # "shot and killed a man"
    if not people and any(c.dep_ == "auxpass" for c in verb.children):
        people = _subject_above(verb)  # "Torres got into a fight and was shot"
    for child in verb.children:  # "was killed along with Heriberto Corpus"
        if child.dep_ == "prep" and child.lower_ == "with" \
                and any(c.lower_ == "along" for c in child.children):
            people.extend(_children(child, ("pobj",)))
    return people


def _subject_above(verb: Any) -> list[Any]:
    """The subject a passive verb shares with the clause it hangs from: "got into a
    fight and was shot", "is recovering after being shot"."""
    head = verb
    for _ in range(3):
        if head.dep_ not in ("conj", "pcomp", "advcl", "xcomp") or head.head is head:
            return []
        head = head.head.head if head.dep_ == "pcomp" else head.head
        subjects = _children(head, ("nsubj", "nsubjpass"))
        if subjects:
            return subjects
    return []


def _participle_without_object(verb: Any) -> bool:
    """ "A teen ... shot along a bike path": a participle the parser gave a subject."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "aux")]
    objects += [g for c in verb.children if c.dep_ == "conj" for g in c.children
                if g.dep_ == "dobj"]  # "struck and killed Jones": Jones is the one hit
    return verb.tag_ == "VBN" and not objects


def _children(token: Any, deps: tuple[str, ...]) -> list[Any]:
    people = []
    for child in token.children:
        if child.dep_ in deps:
            people.extend(_with_conjuncts(_antecedent(child)))
    return [p for p in people if _is_person(p)]


def _antecedent(token: Any) -> Any:
    """ "Jon Boring, who was shot": the relative pronoun stands for its noun."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _with_conjuncts(token: Any) -> list[Any]:
    """ "a man and a woman were shot", "Breon Taylor, 15, and Dennis Moses": both; not
    "a bystander instead of the suspect"."""
    found = [token]
    if any(c.dep_ == "cc" and c.lower_ not in ("and", "&") for c in token.children):
        return found
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_with_conjuncts(child))
        elif child.dep_ == "appos":
            found.extend(c for c in _with_conjuncts(child)[1:] if c.dep_ == "conj")
    return found


def _owners(noun: Any) -> list[Any]:
    """ "the death of John Smith", "Smith's death"."""
    people = _children(noun, ("poss",))
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            people.extend(_children(child, ("pobj",)))
    return people


def _holders(noun: Any) -> list[Any]:
    """Who is "in critical condition" or has "a gunshot wound": the subject of the
    verb, the object of "left", or the noun "with" follows."""
    head = noun.head.head if noun.dep_ in ("pobj", "dobj") and noun.head.pos_ == "ADP" \
        else noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and head.pos_ in ("NOUN", "PROPN"):
        return [head] if _is_person(head) else []
    if noun.dep_ == "pobj" and noun.head.lower_ == "from" and head.dep_ == "acl":
        head = head.head  # "a man suffering from a gunshot wound"
        return [head] if _is_person(head) else []
    if head.pos_ not in ("VERB", "AUX"):
        return []
    if head.lemma_ == "leave":  # "left a man in critical condition"
        return _children(head, ("dobj",))
    return _children(head, ("nsubj", "nsubjpass"))


def _is_person(token: Any) -> bool:
    counts = [c for c in token.children if c.dep_ == "nummod"]
    if counts or token.pos_ == "NUM":
        # "one died", "one man was shot": a person; larger numbers are figures; "no one"
        # is nobody
        one = token if token.pos_ == "NUM" else counts[0]
        return one.lower_ == "one" and not any(c.lower_ == "no" for c in token.children)
    if token.lower_ in ("nobody", "noone") or any(c.lower_ == "no" for c in token.children):
        return False
    if token.ent_type_ == "PERSON" or token.lower_ in _PLURAL:
        return True
    if token.lower_ == "old" and any(t.lower_ == "year" for t in token.lefts):
        return True  # "the 17-year-old was found shot"
    if token.pos_ == "PROPN" and token.ent_type_ == "" and token.text.istitle():
        return not _TRIGGER_RE.fullmatch(token.text)  # a name the model did not tag, not
        # a charge in capitals ("Intent to Kill Inflicting Serious Injury")
    return token.lemma_.lower() in _PERSON_WORDS and token.tag_ not in ("NNS", "NNPS")


# ----------------------------------------------------------------------------- people
def follow(mentions: Sequence[Mention], entities: Sequence[Entity], text: str) -> list[Person]:
    """The victims of the article, each once, in order of first mention."""
    people: list[Person] = []
    for mention in mentions:
        for index in _resolve(mention.token, people, entities, text):
            if mention.killed:
                people[index] = replace(people[index], killed=True)
    return people


def _resolve(token: Any, people: list[Person], entities: Sequence[Entity], text: str
             ) -> list[int]:
    """The people (indices) a mention stands for, adding or naming one as it says."""
    if token.lower_ in _PLURAL or any(c.lower_ == "both" for c in token.children):
        both = token.lower_ == "both" or any(c.lower_ == "both" for c in token.children)
        while both and len(people) < 2:  # "both victims": two, known or not
            people.append(Person(token, None, "neutral", None))
        return list(range(len(people))) if len(people) >= 2 else []
    name, gender, age = _name_of(token, entities), _gender(token), _age(token, text)
    indices = range(len(people) - 1, -1, -1)  # the latest first
    if name is not None:
        same = [i for i in indices if people[i].name and _same_name(people[i].name or "", name)]
        fits = same or [i for i in indices if people[i].name is None
                        and _fits(people[i], gender, age)]
        if fits:
            people[fits[0]] = replace(people[fits[0]], name=people[fits[0]].name or name)
            return fits[:1]
    elif not _introduces(token) or not _new_one(token):
        # "he", "the man"; or "a man" told again: the latest who fits
        fits = [i for i in indices if _fits(people[i], gender, age)]
        if fits:
            return fits[:1]
    people.append(Person(token, name, gender, age))
    return [len(people) - 1]


def _same_name(known: str, name: str) -> bool:
    """ "Grant Watkins" and "Watkins" are one person; "Tammy Modlin" and "Montana
    Modlin" are two."""
    if " " in known and " " in name:
        return known.casefold() == name.casefold()
    return known.split()[-1].casefold() == name.split()[-1].casefold()


def _new_one(token: Any) -> bool:
    """ "another man", "a second victim", "a man and a woman": surely someone new. A plain
    "a man" in a later sentence is more often the same victim told again."""
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "nummod")}
    return bool(words & {"another", "second", "third", "fourth", "other"}) \
        or token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def _introduces(token: Any) -> bool:
    """ "a man", "another man", "a second victim", "one person": someone new."""
    if token.pos_ == "PRON":
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "nummod")}
    return bool(words & _NEW_MARKERS) or token.lower_ == "one"


def _fits(person: Person, gender: str, age: int | None) -> bool:
    if "neutral" not in (person.gender, gender) and person.gender != gender:
        return False
    return age is None or person.age is None or age == person.age


def _name_of(token: Any, entities: Sequence[Entity]) -> str | None:
    if token.lower_ in _MALE | _FEMALE | _PLURAL:
        return None  # "HIM" in capitals is still a pronoun
    for entity in entities:
        if entity.label == "PERSON" and entity.start <= token.idx < entity.end:
            return entity.entity
    if token.pos_ == "PROPN":
        return token.text
    return None


def _gender(token: Any) -> str:
    lemma = token.lemma_.lower()
    if lemma in _MALE or token.lower_ in _MALE:
        return "male"
    if lemma in _FEMALE or token.lower_ in _FEMALE:
        return "female"
    return "neutral"


def _age(token: Any, text: str) -> int | None:
    """ "a 19-year-old man", "Tavon Goff, 21,": the age that tells two victims apart."""
    start = min(t.idx for t in token.subtree if t.i <= token.i)
    found = _AGE.search(text[start:token.idx + len(token.text)])
    if found is None and token.pos_ == "PROPN":
        found = _AGE.search(text[token.idx + len(token.text):token.idx + len(token.text) + 12])
    if found is None:
        return None
    return int(found.group(1) or found.group(2))


# ----------------------------------------------------------------------------- figures
Span = tuple[int, int, int, str | None]  # start, end, sentence, subject


def _written(figures: Sequence[Figure]) -> dict[str, tuple[int, Span | None]]:
    """The largest count of people the text writes for each measure, and where."""
    found: dict[str, tuple[int, Span | None]] = {m: (0, None) for m in ("killed", "injured",
                                                                        "shot")}
    for figure in figures:
        if figure.measure in found and isinstance(figure.value, int | float) \
                and figure.unit == "person" and figure.value > found[figure.measure][0]:
            found[figure.measure] = (int(figure.value), (figure.start, figure.end,
                                                         figure.sentence, figure.subject))
    return found


def _fatal_count(text: str, sentences: Sequence[Any]) -> tuple[int, Span] | None:
    match = _COUNT_FATAL.search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    starts = [sentence.start_char for sentence in sentences]
    sentence = max(0, bisect.bisect_right(starts, match.start(1)) - 1)
    return _WORD_COUNTS.get(word) or int(word), (match.start(1), match.end(1), sentence, None)


def _span_of(token: Any, sentences: Sequence[Any]) -> Span:
    """The noun phrase of the mention: "A 20-year-old man", "Tavon Goff"."""
    first = min((t for t in token.subtree if t.i <= token.i), key=lambda t: t.i)
    sentence = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    return first.idx, token.idx + len(token.text), sentence, \
        token.text if token.pos_ != "PRON" else None


def _figure(analysis: Analysis, span: Span, count: int, measure: str) -> Figure:
    start, end, sentence, subject = span
    text = analysis.article.text
    return Figure(analysis.article.id, start, end, text[start:end], count, "exact", "person",
                  subject, measure, None, None, analysis.article.published, sentence,
                  EXTRACTOR, 0.5)
