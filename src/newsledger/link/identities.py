"""One identity per person, organisation and place across the store (migration 0005).

Needs: an article's entities (each mention with the canonical `entity` name the entities
stage gave it within the article) and, when known, the article's story. Adds: for each
canonical name, the identity it stands for, found or created, stored in
`article_identities`; every spelling seen in `identity_names`.

A name finds its identity by, in order:
1. its key (`names.name_key`: case, diacritics, particles, dots, "the", descriptive
   premodifiers and the common short forms of countries folded), first among identities
   of the same kind (person, organisation, place, group), then of any kind when only one
   has that key (the model's labels for "Hamas" vary between articles);
2. for a bare surname, the one person named in full who carries it in the same story
   (without a story: in the article, else in the store), never when two people share it;
3. for an acronym, the one multi-word name with those initials, and the reverse;
4. for a full name, the bare-surname identity of the same story it completes.
Every lookup is an index lookup by key, surname or acronym, so the cost per article does
not grow with the store.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..understand.records import Entity
from .names import acronym, core_name, is_acronym, name_key

FAMILIES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE",
            "FAC": "PLACE", "NORP": "NORP"}
# How sure each way of matching is; a new identity is certain to be itself.
CONFIDENCE = {"key": 0.95, "key-any-kind": 0.8, "acronym": 0.8, "surname": 0.75,
              "completes-surname": 0.7, "new": 1.0}


@dataclass(frozen=True)
class Identity:
    id: str
    label: str  # PERSON, ORG, PLACE, NORP or the entity label for other kinds
    name: str  # the longest, most complete spelling seen
    extractor: str  # how the name asked about was matched to it (see CONFIDENCE)
    confidence: float


@dataclass(frozen=True)
class _Name:
    """One canonical name of an article with the spellings its mentions use."""

    entity: str
    label: str
    spellings: tuple[str, ...]

    @property
    def key(self) -> str:
        return name_key(self.entity)

    @property
    def is_bare_person(self) -> bool:
        return self.label == "PERSON" and len(self.key.split()) == 1


def link_identities(db: sqlite3.Connection, article_id: str, entities: Sequence[Entity],
                    story: str | None) -> dict[str, str]:
    """Each canonical entity name of the article -> identity id; stored, not committed."""
    names = _article_names(entities)
    # Full names first, so that a bare surname can find the person the article names.
    names.sort(key=lambda n: (n.is_bare_person, -len(n.key.split()), n.entity))
    mapping: dict[str, str] = {}
    for name in names:
        found = _find(db, name, article_id, story)
        identity_id, how = found if found else (_create(db, name), "new")
        _remember(db, identity_id, name, keyed=how != "surname")
        db.execute("INSERT OR REPLACE INTO article_identities VALUES (?, ?, ?, ?, ?, ?)",
                   (article_id, name.entity, identity_id, story, how, CONFIDENCE[how]))
        mapping[name.entity] = identity_id
    return mapping


def _article_names(entities: Sequence[Entity]) -> list[_Name]:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    spellings: dict[str, dict[str, None]] = defaultdict(dict)
    for mention in entities:
        labels[mention.entity][FAMILIES.get(mention.label, mention.label)] += 1
        spellings[mention.entity][mention.entity] = None
        spellings[mention.entity][mention.text] = None
    return [_Name(entity, labels[entity].most_common(1)[0][0], tuple(spellings[entity]))
            for entity in labels if name_key(entity)]


# -- finding ---------------------------------------------------------------------------

def _find(db: sqlite3.Connection, name: _Name, article_id: str,
          story: str | None) -> tuple[str, str] | None:
    if name.is_bare_person:
        person = _one_person_with_surname(db, name.key, article_id, story)
        if person:
            return person, "surname"
    by_key = _by_key(db, name)
    if by_key:
        return by_key
    if name.label in ("ORG", "PLACE"):
        by_initials = _by_acronym(db, name)
        if by_initials:
            return by_initials, "acronym"
    if name.label == "PERSON" and not name.is_bare_person:
        bare = _bare_person_completed(db, name.key, article_id, story)
        if bare:
            return bare, "completes-surname"
    return None


def _by_key(db: sqlite3.Connection, name: _Name) -> tuple[str, str] | None:
    keys = list(dict.fromkeys(name_key(s) for s in _full_spellings(name)))
    for key in keys:
        rows = db.execute("SELECT i.id, i.label FROM identity_keys k JOIN identities i"
                          " ON i.id = k.identity_id WHERE k.key = ?", (key,)).fetchall()
        same_kind = [r["id"] for r in rows if r["label"] == name.label]
        if same_kind:
            return same_kind[0], "key"
        if len(rows) == 1:
            return rows[0]["id"], "key-any-kind"
    return None


def _by_acronym(db: sqlite3.Connection, name: _Name) -> str | None:
    """"IDF" finds the Israel Defense Forces, and the Israel Defense Forces find "IDF"."""
    if is_acronym(name.entity):
        rows = _ids(db, "SELECT identity_id FROM identity_acronyms WHERE acronym = ?"
                    " LIMIT 2", (name.key.replace(" ", ""),))
    else:
        initials = acronym(name.entity)
        if not initials:
            return None
        rows = _ids(db, "SELECT k.identity_id FROM identity_keys k JOIN identities i"
                    " ON i.id = k.identity_id WHERE k.key = ? AND i.label = ? LIMIT 2",
                    (initials, name.label))
    return rows[0] if len(rows) == 1 else None


def _one_person_with_surname(db: sqlite3.Connection, family_name: str, article_id: str,
                             story: str | None) -> str | None:
    """The only person named in full who carries this surname, in the story, else (no
    story) in the article, else in the store; None when none or several do."""
    if story is not None:
        people = _people_in_story(db, family_name, story)
    else:
        people = _ids(db, "SELECT DISTINCT a.identity_id FROM article_identities a"
                      " JOIN identity_surnames s ON s.identity_id = a.identity_id"
                      " WHERE a.article_id = ? AND s.surname = ? LIMIT 2",
                      (article_id, family_name))
        if not people:
            people = _ids(db, "SELECT identity_id FROM identity_surnames WHERE surname = ?"
                          " LIMIT 2", (family_name,))
    return people[0] if len(people) == 1 else None


def _people_in_story(db: sqlite3.Connection, family_name: str, story: str) -> list[str]:
    # Driven by the surname index: the candidates are the people with this surname,
    # each checked against the story by the (identity_id, story) index.
    return _ids(db, "SELECT s.identity_id FROM identity_surnames s WHERE s.surname = ?"
                " AND EXISTS (SELECT 1 FROM article_identities a WHERE"
                " a.identity_id = s.identity_id AND a.story = ?) LIMIT 2",
                (family_name, story))


def _bare_person_completed(db: sqlite3.Connection, key: str, article_id: str,
                           story: str | None) -> str | None:
    """A bare-surname identity of the story ("Netanyahu") that this full name
    ("Benjamin Netanyahu") completes, when no other person in it carries the surname."""
    family_name = key.split()[-1]
    if story is None or _people_in_story(db, family_name, story):
        return None
    bare = _ids(db, "SELECT k.identity_id FROM identity_keys k JOIN identities i"
                " ON i.id = k.identity_id WHERE k.key = ? AND i.label = 'PERSON' AND"
                " EXISTS (SELECT 1 FROM article_identities a WHERE"
                " a.identity_id = k.identity_id AND a.story = ?) LIMIT 2",
                (family_name, story))
    return bare[0] if len(bare) == 1 else None


def _ids(db: sqlite3.Connection, sql: str, params: tuple[str, ...]) -> list[str]:
    return [row[0] for row in db.execute(sql, params)]


# -- creating and remembering ------------------------------------------------------------

def _create(db: sqlite3.Connection, name: _Name) -> str:
    digest = hashlib.sha1(f"{name.label}|{name.key}".encode()).hexdigest()[:16]
    identity_id = f"idn-{digest}"
    db.execute("INSERT OR IGNORE INTO identities VALUES (?, ?, ?, ?, ?)",
               (identity_id, name.label, core_name(name.entity), "new", CONFIDENCE["new"]))
    return identity_id


def _remember(db: sqlite3.Connection, identity_id: str, name: _Name, keyed: bool) -> None:
    """Record the spellings, keys, surname and initials this name brings, and rename
    the identity when a spelling is more complete than its name. A bare surname that
    joined a person (not `keyed`) adds no key: another person may carry it elsewhere."""
    for spelling in name.spellings:
        db.execute("INSERT OR IGNORE INTO identity_names VALUES (?, ?)", (identity_id, spelling))
    keys = {name_key(s) for s in _full_spellings(name)} if keyed else set()
    db.executemany("INSERT OR IGNORE INTO identity_keys VALUES (?, ?)",
                   [(key, identity_id) for key in keys if key])
    if name.label == "PERSON":
        db.executemany("INSERT OR IGNORE INTO identity_surnames VALUES (?, ?)",
                       [(key.split()[-1], identity_id) for key in keys if " " in key])
    if name.label in ("ORG", "PLACE"):
        initials = {acronym(s) for s in name.spellings} - {None}
        db.executemany("INSERT OR IGNORE INTO identity_acronyms VALUES (?, ?)",
                       [(i, identity_id) for i in initials])
    _rename_if_more_complete(db, identity_id, name)


def _full_spellings(name: _Name) -> list[str]:
    """Spellings that name the thing in full: for people, not a surname standing alone
    (unless the name is only ever a bare surname), which the surname index covers."""
    if name.label != "PERSON" or name.is_bare_person:
        return [name.entity, *name.spellings]
    # Counted as written, not by key: "UN" (united nations) is not a full name.
    return [s for s in (name.entity, *name.spellings) if len(core_name(s).split()) > 1]


def _rename_if_more_complete(db: sqlite3.Connection, identity_id: str, name: _Name) -> None:
    current = db.execute("SELECT name FROM identities WHERE id = ?",
                         (identity_id,)).fetchone()[0]
    best = max((core_name(s) for s in name.spellings), key=_completeness)
    if _completeness(best) > _completeness(current):
        db.execute("UPDATE identities SET name = ? WHERE id = ?", (best, identity_id))


def _completeness(spelling: str) -> tuple[int, int]:
    """More words of the name first ("Majed Al-Ansari" over "Ansari"; particles and
    titles do not count), then more letters; an acronym counts for one word."""
    return len(name_key(spelling).split()), len(spelling)


# -- reading ---------------------------------------------------------------------------

def identity_of(db: sqlite3.Connection, article_id: str, name: str) -> Identity | None:
    """The identity a name of the article stands for (its canonical name, or any spelling
    with the same key); `extractor` and `confidence` say how that name was matched."""
    row = db.execute(
        "SELECT i.id, i.label, i.name, a.extractor, a.confidence FROM article_identities a"
        " JOIN identities i ON i.id = a.identity_id WHERE a.article_id = ? AND a.entity = ?",
        (article_id, name)).fetchone()
    if row is None:  # a spelling of a mention ("Al-Ansari") stands for its canonical name
        written = db.execute("SELECT entity FROM entities WHERE article_id = ? AND text = ?"
                             " LIMIT 1", (article_id, name)).fetchone()
        wanted = name_key(written[0] if written else name)
        rows = db.execute(
            "SELECT i.id, i.label, i.name, a.extractor, a.confidence, a.entity"
            " FROM article_identities a JOIN identities i ON i.id = a.identity_id"
            " WHERE a.article_id = ?", (article_id,)).fetchall()
        row = next((r for r in rows if name_key(r["entity"]) == wanted), None)
    if row is None:
        return None
    return Identity(row["id"], row["label"], row["name"], row["extractor"], row["confidence"])


def identity_name(db: sqlite3.Connection, identity_id: str) -> str | None:
    """The name an identity goes by (its most complete spelling), None if unknown."""
    row = db.execute("SELECT name FROM identities WHERE id = ?", (identity_id,)).fetchone()
    return str(row[0]) if row else None


def identity_names(db: sqlite3.Connection, identity_id: str) -> list[str]:
    """Every spelling of the identity seen in the store, sorted."""
    return sorted(row[0] for row in db.execute(
        "SELECT name FROM identity_names WHERE identity_id = ?", (identity_id,)))
