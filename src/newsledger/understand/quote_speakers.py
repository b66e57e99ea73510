"""Who is speaking: the subject of a cue, resolved to a name through the article's mentions.

News conventions this follows, in place of a coreference model:
- a name stands for the canonical name the entities stage gave it ("Barnier" is
  "Michel Barnier"); a name in apposition names a role ("the mayor, Bill de Blasio");
- "he" and "she" are the person the story is following: an earlier subject of the same
  sentence, else the latest person quoted or the latest person acting as a subject, of
  the pronoun's gender where the article shows it (Mr./Mrs., spokeswoman, or the
  "he" or "she" that follows the sentences naming only them); a name inside a
  quotation is not an antecedent (the speaker's "he" is someone else);
- "the spokesman", "the Brazilian official", "the mayor" are the person the article last
  introduced with that role, else the person last quoted (a role word as a subject is how
  wire copy refers back to its speaker); "the ministry" is the organisation last named
  with that word;
- "they" is the latest group or organisation acting as a subject, "it" the latest
  organisation; "his campaign" is the person's campaign;
- anything else (officials, a source, experts) is left as written: the contract's
  "speaker as written" when the article gives no name.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .records import Entity

NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT",
         "LAW"}
GROUP_LABELS = {"ORG", "GPE", "NORP"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
RELATIVE = {"who", "whom", "that", "which", "whose"}
MALE_TITLES = {"mr", "mr.", "sir", "spokesman", "congressman", "chairman", "businessman",
               "king", "prince", "father", "son", "brother", "husband", "lord"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "spokeswoman",
                 "congresswoman", "chairwoman", "businesswoman", "queen", "princess",
                 "mother", "daughter", "sister", "wife", "lady"}
# Nouns that name a person by role; as a definite subject ("the spokesman said") they
# refer back to a person the article has named.
PERSON_ROLES = frozenset("""
spokesman spokeswoman spokesperson official minister president senator governor mayor
candidate nominee secretary chairman chairwoman chair ambassador envoy diplomat leader
premier chancellor king queen prince general commander chief director executive
adviser advisor aide lawyer attorney prosecutor judge sheriff commissioner congressman
congresswoman representative lawmaker politician negotiator mediator businessman
businesswoman founder manager economist analyst professor author researcher pollster
strategist surrogate host anchor veteran mother father son daughter wife husband
""".split())
# Nouns that name an organisation by kind ("the ministry said").
ORG_KINDS = frozenset("""
ministry department agency campaign company firm bank group organization organisation
office council committee commission government administration party union court
board authority authorities army military police service agency network newspaper
paper channel institute center centre foundation association coalition movement
""".split())
# Things that speak as "it": "The report said ... It found ..."
DOCUMENTS = frozenset("""
report study poll survey analysis statement letter article story memo document review
audit investigation website site newspaper magazine paper book ruling decision filing
complaint lawsuit suit order bill law proposal plan agreement resolution
""".split())
SENTENCE_WINDOW = 10  # how far back a pronoun's antecedent may be, in sentences
ROLE_WINDOW = 12  # how far back a role word may refer to the last person quoted
GROUP_WINDOW = 3  # how far back "they" and "it" look for a group
WRITTEN_TOKENS = 25  # longer subjects as written are a clause the parse hung on them


@dataclass(frozen=True)
class Speaker:
    """A speaker's resolved name and the mention it was read from."""

    name: str | None
    start: int | None
    end: int | None
    person: bool = False


NOBODY = Speaker(None, None, None)


@dataclass(frozen=True)
class Mention:
    start: int
    sentence: int
    name: str
    label: str
    subject: bool


@dataclass(frozen=True)
class SpeakerContext:
    """What the article says about its people, built once; `said` grows as speakers are
    resolved in text order (the latest person quoted is the likeliest "he")."""

    tokens: list[Any]
    text: str
    quoted: bytearray
    sentence_of: list[int]  # token index -> sentence index
    entity_of: dict[int, Entity]  # token index -> the entity mention covering it
    mentions: list[Mention]
    mention_starts: list[int]
    gender: dict[str, str]
    roles: dict[str, set[str]]  # canonical person -> words the article introduced them with
    subjects: list[int]  # token indexes of main-clause subjects outside quotations
    subject_starts: list[int]
    said: list[tuple[int, int, Speaker]] = field(default_factory=list)  # (start, sentence, ...)


def speaker_context(doc: Any, tokens: list[Any], text: str, entities: Sequence[Entity],
                    quoted: bytearray) -> SpeakerContext:
    """`quoted` marks the characters inside quotation marks: a name a speaker says is
    not whom the narration's "he" refers to."""
    entity_of = _entity_tokens(tokens, entities)
    sentence_of = [0] * len(tokens)
    for k, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            sentence_of[i] = k
    mentions = [m for m in _mentions(tokens, entity_of, sentence_of) if not quoted[m.start]]
    subjects = [t for t in tokens if t.dep_ == "nsubj" and not quoted[t.idx] and _main_subject(t)]
    genders = _genders(tokens, sentence_of, entity_of, quoted)
    return SpeakerContext(tokens, text, quoted, sentence_of, entity_of, mentions,
                          [m.start for m in mentions], genders, _roles(tokens, entity_of),
                          [t.i for t in subjects], [t.idx for t in subjects])


def _entity_tokens(tokens: list[Any], entities: Sequence[Entity]) -> dict[int, Entity]:
    """Token index -> the named entity mention covering it. A proper noun the entity
    model missed that is the surname of exactly one person named in the article is
    that person ("Lynch" after "Loretta E. Lynch")."""
    entity_of: dict[int, Entity] = {}
    named = sorted((e for e in entities if e.label in NAMED), key=lambda e: e.start)
    starts = [e.start for e in named]
    surnames: dict[str, set[str]] = defaultdict(set)
    for entity in named:
        if entity.label == "PERSON" and " " in entity.entity:
            surnames[entity.entity.split()[-1]].add(entity.entity)
    for token in tokens:
        k = bisect.bisect_right(starts, token.idx) - 1
        if k >= 0 and named[k].start <= token.idx < named[k].end:
            entity_of[token.i] = named[k]
        elif token.pos_ == "PROPN" and len(surnames.get(_name_case(token.text), ())) == 1:
            (person,) = surnames[_name_case(token.text)]
            entity_of[token.i] = Entity(named[0].article, token.idx, token.idx + len(token),
                                        token.text, "PERSON", person, 0, "surname", 0.5)
    return entity_of


def _name_case(word: str) -> str:
    """A name as written in running text: WALLACE (a transcript label) is Wallace."""
    return word.title() if word.isupper() and len(word) > 1 else word


def _mentions(tokens: list[Any], entity_of: dict[int, Entity], sentence_of: list[int]
              ) -> list[Mention]:
    """One mention per entity span: its canonical name and whether it is a subject."""
    found: dict[int, Mention] = {}
    for token in tokens:
        entity = entity_of.get(token.i)
        if entity is None:
            continue
        subject = _main_subject(token)
        previous = found.get(entity.start)
        if previous is None or (subject and not previous.subject):
            found[entity.start] = Mention(entity.start, sentence_of[token.i], entity.entity,
                                          entity.label, subject)
    return [found[k] for k in sorted(found)]


def _main_subject(token: Any) -> bool:
    """The subject of a sentence's main clause (not of a clause reported inside it): the
    one the next sentence's "he" most likely continues."""
    while token.dep_ in ("compound", "appos", "conj", "flat") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")


def _genders(tokens: list[Any], sentence_of: list[int], entity_of: dict[int, Entity],
             quoted: bytearray) -> dict[str, str]:
    """Each person's gender where the article shows it: a title in front of a mention
    (Mr., Ms., spokeswoman), or the pronouns of the sentences where only they are named
    (he, his; she, her) counted over the article. Quotations are left out: a speaker's
    "he" is someone else."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    sentences: list[list[Any]] = [[] for _ in range(sentence_of[-1] + 1)] if tokens else []
    for token in tokens:
        if not quoted[token.idx]:
            sentences[sentence_of[token.i]].append(token)
    for k, sentence in enumerate(sentences):
        people = set()
        for token in sentence:
            entity = entity_of.get(token.i)
            if entity is not None and entity.label == "PERSON":
                people.add(entity.entity)
                title = _title_before(tokens, token, entity)
                if title:
                    votes[entity.entity][title] += 3
        if len(people) == 1:
            following = sentence + (sentences[k + 1] if k + 1 < len(sentences) else [])
            _count_pronouns(people.pop(), following, entity_of, votes)
    return {person: ("m" if v["m"] > v["f"] else "f") for person, v in votes.items()
            if v["m"] != v["f"]}


def _count_pronouns(person: str, tokens: list[Any], entity_of: dict[int, Entity],
                    votes: dict[str, Counter[str]]) -> None:
    """Subject pronouns after the only person of a sentence, until another person is
    named ("him" and "her" are as often someone the person acts on)."""
    for token in tokens:
        entity = entity_of.get(token.i)
        if entity is not None and entity.label == "PERSON" and entity.entity != person:
            return
        word = token.lower_
        if word == "he":
            votes[person]["m"] += 1
        elif word == "she":
            votes[person]["f"] += 1


def _title_before(tokens: list[Any], token: Any, entity: Entity) -> str | None:
    if token.idx != entity.start or token.i == 0:
        return None
    word = tokens[token.i - 1].lower_
    if word in MALE_TITLES:
        return "m"
    return "f" if word in FEMALE_TITLES else None


def _roles(tokens: list[Any], entity_of: dict[int, Entity]) -> dict[str, set[str]]:
    """The words the article introduces each person with: "Foreign Ministry spokesman
    Ana Lima", "Bill de Blasio, the mayor", "the mayor, Bill de Blasio",
    "Republican presidential nominee Donald Trump"."""
    roles: dict[str, set[str]] = defaultdict(set)
    for token in tokens:
        entity = entity_of.get(token.i)
        if entity is None or entity.label != "PERSON":
            continue
        near = [t for t in token.children if t.dep_ in ("compound", "amod", "appos")]
        if token.dep_ == "appos":
            near.append(token.head)
        for word in near:
            roles[entity.entity].update(t.lower_ for t in word.subtree
                                        if t.is_alpha and not t.is_stop)
    return roles


def resolve(context: SpeakerContext, token: Any) -> Speaker:
    """The speaker a subject token stands for."""
    if token.lower_ in RELATIVE and token.head.dep_ in ("relcl", "acl") \
            and token.head.head.i != token.i:
        noun = token.head.head
        antecedent = resolve(context, noun)
        if antecedent.start is not None and antecedent.end is not None \
                and antecedent.start <= token.idx < antecedent.end \
                and antecedent.name == context.text[antecedent.start:antecedent.end]:
            start, end = _phrase(noun)  # not the relative clause that holds the cue
            return Speaker(context.text[start:end], start, end, antecedent.person)
        return antecedent
    start, end = _phrase(token)
    written = context.text[start:end]
    word = token.lower_
    if word in MALE or word in FEMALE:
        person = _person_for_pronoun(context, token, "m" if word in MALE else "f")
        return Speaker(person or written, start, end, person=person is not None)
    if word in PLURAL or word == "it":
        group = _group_for_pronoun(context, token, plural=word != "it")
        return Speaker(group or written, start, end)
    named = _name_in_phrase(context, token)
    if named is not None:
        others = [_name_in_phrase(context, c) for c in token.children if c.dep_ == "conj"]
        names = [named.entity] + [o.entity for o in others if o is not None]
        return Speaker(" and ".join(names), start, end,
                       person=named.label == "PERSON" and len(names) == 1)
    return _by_role(context, token, start, end, written)


def _name_in_phrase(context: SpeakerContext, token: Any) -> Entity | None:
    """The entity the phrase is about: the head itself, or a person in apposition."""
    entity = context.entity_of.get(token.i)
    if entity is not None:
        return entity
    for child in token.children:
        if child.dep_ == "appos":
            for t in child.subtree:
                found = context.entity_of.get(t.i)
                if found is not None and found.label == "PERSON":
                    return found
    return None


def _by_role(context: SpeakerContext, token: Any, start: int, end: int,
             written: str) -> Speaker:
    """A role phrase: "the spokesman", "his campaign", "the ministry"; else as written."""
    determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
    has_name = any(context.entity_of[t.i].label in ("PERSON", "ORG") for t in token.subtree
                   if t.i != token.i and t.i in context.entity_of)
    if not determiners or has_name:
        return _as_written(context, token)
    determiner = determiners[0]
    head = token.lower_
    if determiner.lower_ in MALE or determiner.lower_ in FEMALE:
        gender = "m" if determiner.lower_ in MALE else "f"
        owner = _person_for_pronoun(context, token, gender)
        if owner:
            return Speaker(f"{owner}'s {context.text[token.idx:end]}", start, end)
        return _as_written(context, token)
    if determiner.lower_ not in ("the", "this", "that"):
        return _as_written(context, token)
    if head in PERSON_ROLES:
        person = _person_for_role(context, token)
        return Speaker(person, start, end, True) if person else Speaker(written, start, end)
    if head in ORG_KINDS:
        org = _org_for_kind(context, token)
        return Speaker(org, start, end) if org else Speaker(written, start, end)
    return _as_written(context, token)


def _person_for_role(context: SpeakerContext, token: Any) -> str | None:
    """The person introduced with this role word, the one sharing most of the phrase's
    words ("the Democratic nominee") and the latest of those; else the last person
    quoted."""
    sentence = context.sentence_of[token.i]
    words = {t.lower_ for t in token.lefts if t.is_alpha and not t.is_stop}
    best: tuple[int, int, str] | None = None
    for rank, mention in enumerate(_mentions_before(context, token.idx)):
        introduced = context.roles.get(mention.name, set())
        if mention.label == "PERSON" and token.lower_ in introduced:
            key = (len(words & introduced), -rank, mention.name)
            best = key if best is None or key > best else best
    if best is not None:
        return best[2]
    for start, said_in, speaker in reversed(context.said):
        if start < token.idx and speaker.person and sentence - said_in <= ROLE_WINDOW \
                and speaker.name:
            return speaker.name
    return None


def _org_for_kind(context: SpeakerContext, token: Any) -> str | None:
    kind = token.lower_
    for mention in _mentions_before(context, token.idx):
        if mention.label == "ORG" and kind in mention.name.lower().split():
            return mention.name
    return None


def _mentions_before(context: SpeakerContext, position: int) -> list[Mention]:
    """Mentions before a position, nearest first."""
    k = bisect.bisect_left(context.mention_starts, position)
    return context.mentions[:k][::-1]


def _person_for_pronoun(context: SpeakerContext, token: Any, gender: str) -> str | None:
    """The person "he" or "she" refers to: an earlier subject of the same sentence, else
    the latest person quoted or acting as a subject nearby, else the latest person named;
    never one the article shows to be of the other gender."""
    sentence = context.sentence_of[token.i]

    def fits(name: str) -> bool:
        return context.gender.get(name, gender) == gender

    before = [m for m in _mentions_before(context, token.idx)
              if m.label == "PERSON" and sentence - m.sentence <= SENTENCE_WINDOW]
    for mention in before:
        if mention.sentence == sentence and mention.subject and fits(mention.name):
            return mention.name
    said = [(s, k, sp) for s, k, sp in reversed(context.said)
            if s < token.idx and sp.person and sp.name and sentence - k <= SENTENCE_WINDOW]
    subjects = [(m.start, m.name) for m in before if m.subject]
    candidates = sorted([(s, sp.name or "") for s, _, sp in said] + subjects, reverse=True)
    for _, name in candidates:
        if fits(name):
            return name
    for mention in before:
        if fits(mention.name):
            return mention.name
    return None


def _group_for_pronoun(context: SpeakerContext, token: Any, plural: bool) -> str | None:
    """"they": the latest group acting as a subject nearby (an organisation, a plural
    noun, people joined by "and"); "it": the latest organisation or thing."""
    sentence = context.sentence_of[token.i]
    k = bisect.bisect_left(context.subject_starts, token.idx)
    for i in reversed(context.subjects[:k]):
        subject = context.tokens[i]
        if sentence - context.sentence_of[i] > GROUP_WINDOW:
            break
        if subject.lower_ in PLURAL or subject.lower_ in MALE or subject.lower_ in FEMALE \
                or subject.lower_ in RELATIVE or subject.lower_ == "it":
            continue
        entity = context.entity_of.get(i)
        if entity is not None and entity.label == "PERSON" and not plural:
            continue
        if _fits_group(subject, entity, plural):
            return resolve(context, subject).name
    return None


def _fits_group(subject: Any, entity: Entity | None, plural: bool) -> bool:
    if entity is not None and entity.label in GROUP_LABELS:
        return True
    if plural:
        return subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    return subject.lower_ in ORG_KINDS or subject.lower_ in DOCUMENTS


def _as_written(context: SpeakerContext, token: Any) -> Speaker:
    """A source the article does not name, as written in full: "a 2014 study that
    appeared in the British Medical Journal", "several officials familiar with the
    talks"."""
    tokens = [t for t in token.subtree]
    first, last = 0, len(tokens) - 1
    while first < last and (tokens[first].is_punct or tokens[first].is_space):
        first += 1
    while last > first and (tokens[last].is_punct or tokens[last].is_space):
        last -= 1
    for k in range(first, last):
        if "\n" in tokens[k].whitespace_ or "\n" in tokens[k + 1].text:
            last = k
            break
    if last - first >= WRITTEN_TOKENS or any(context.quoted[t.idx] for t in tokens[first:last]):
        start, end = _phrase(token)  # a clause the parse hung on the subject: its head
    else:
        start, end = tokens[first].idx, tokens[last].idx + len(tokens[last])
    return Speaker(context.text[start:end], start, end)


def _phrase(token: Any) -> tuple[int, int]:
    """Character span of the noun phrase a subject token heads, without relative
    clauses, appositions or anything after a comma."""
    keep = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "advcl", "parataxis"):
            continue
        keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    first = tokens.index(token)
    left = first
    while left > 0 and _joined(tokens[left - 1], tokens[left]):
        left -= 1
    right = first
    while right + 1 < len(tokens) and _joined(tokens[right], tokens[right + 1]):
        right += 1
    last = tokens[right]
    return tokens[left].idx, last.idx + len(last.text)


def _joined(left: Any, right: Any) -> bool:
    """Two tokens of one phrase: adjacent, no comma, dash or line break between."""
    return bool(right.i == left.i + 1 and "\n" not in left.whitespace_
                and not any(t.text in (",", "—", "–", "(") or "\n" in t.text
                            for t in (left, right)))
