"""Identities across articles (migration 0005): one person, organisation or place under
every spelling, on the two examples and on hand-made entity lists."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsledger.ingest import read_inputs
from newsledger.link.identities import identity_names, identity_of, link_identities
from newsledger.link.names import acronym, core_name, name_key
from newsledger.store import Store
from newsledger.understand import understand
from newsledger.understand.records import Entity

from .conftest import ANADOLU, TRT


@pytest.fixture
def db():  # type: ignore[no-untyped-def]
    with Store.open(":memory:") as store:
        store.connection.execute("PRAGMA foreign_keys = OFF")  # hand-made articles
        yield store.connection


def mentions(article: str, *names: tuple[str, str, str]) -> list[Entity]:
    """(text as written, canonical name, label) -> entities of one article."""
    return [Entity(article, i * 10, i * 10 + len(text), text, label, entity, 0, "test", 0.8)
            for i, (text, entity, label) in enumerate(names)]


def person(text: str, entity: str | None = None) -> tuple[str, str, str]:
    return (text, entity or text, "PERSON")


@pytest.mark.parametrize(("spellings", "key"), [
    (["Majed Al-Ansari", "Majed al Ansari", "majed el-ansari", "Majed Al Ansari’s"],
     "majed ansari"),
    (["US", "U.S.", "USA", "the United States", "America", "the U.S.A."], "united states"),
    (["UK", "Britain", "the United Kingdom"], "united kingdom"),
    (["Hamas", "the Palestinian group Hamas", "Hamas, the militant group", "Hamas's"],
     "hamas"),
    (["UN Security Council", "the United Nations Security Council"],
     "united nations security council"),
    (["José Martí", "Jose Marti"], "jose marti"),
    (["President Joe Biden", "Joe Biden"], "joe biden"),
])
def test_spellings_share_one_key(spellings, key):  # type: ignore[no-untyped-def]
    assert {name_key(s) for s in spellings} == {key}


@pytest.mark.parametrize(("first", "second"), [
    ("John Smith", "Jane Smith"), ("Bank of England", "England"), ("Gaza City", "Gaza"),
    ("George W. Bush", "George Bush")])
def test_different_names_keep_different_keys(first, second):  # type: ignore[no-untyped-def]
    assert name_key(first) != name_key(second)


def test_initials_of_a_multi_word_name():
    assert acronym("Israel Defense Forces") == "idf"
    assert acronym("UN Security Council") == "unsc"
    assert acronym("Hamas") is None
    assert core_name("the militant group Islamic Jihad") == "Islamic Jihad"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
@example("0[\n0")  # an apposition after a line break: the key dropped it only the 2nd time
@example("(0(0")  # a mark opening the name: its key kept the second apposition
@example("0⑴")  # "(1)" in one character: its apposition showed only once folded
def test_name_key_is_total_and_stable(name):  # type: ignore[no-untyped-def]
    key = name_key(name)
    assert key == key.strip() and key == key.casefold()
    assert name_key(key) == key or not key


def test_three_spellings_of_one_person_across_articles(db):  # type: ignore[no-untyped-def]
    first = link_identities(db, "a1", mentions(
        "a1", person("Majed Al-Ansari"), person("Al-Ansari", "Majed Al-Ansari")), "s1")
    second = link_identities(db, "a2", mentions(
        "a2", person("Majed al Ansari"), person("Ansari", "Majed al Ansari")), "s1")
    third = link_identities(db, "a3", mentions("a3", person("Ansari")), "s1")
    one = first["Majed Al-Ansari"]
    assert second["Majed al Ansari"] == one and third["Ansari"] == one
    assert set(identity_names(db, one)) >= {"Majed Al-Ansari", "Majed al Ansari", "Ansari",
                                             "Al-Ansari"}
    found = identity_of(db, "a3", "Ansari")
    assert found is not None and found.label == "PERSON" and found.extractor == "surname"
    assert found.name in ("Majed Al-Ansari", "Majed al Ansari")


def test_two_people_sharing_a_surname_stay_two(db):  # type: ignore[no-untyped-def]
    link = link_identities(db, "a1", mentions("a1", person("John Smith"), person("Jane Smith")),
                           "s1")
    assert link["John Smith"] != link["Jane Smith"]
    bare = link_identities(db, "a2", mentions("a2", person("Smith")), "s1")
    assert bare["Smith"] not in (link["John Smith"], link["Jane Smith"])


def test_a_surname_joins_only_within_its_story(db):  # type: ignore[no-untyped-def]
    john = link_identities(db, "a1", mentions("a1", person("John Smith")), "s1")["John Smith"]
    link_identities(db, "a2", mentions("a2", person("Mary Smith")), "s2")
    assert link_identities(db, "a3", mentions("a3", person("Smith")), "s1")["Smith"] == john
    assert link_identities(db, "a4", mentions("a4", person("Smith")), "s2")["Smith"] != john


def test_without_a_story_a_surname_needs_one_person_in_the_store(db
                                                                 ):  # type: ignore[no-untyped-def]
    john = link_identities(db, "a1", mentions("a1", person("John Smith")), None)["John Smith"]
    assert link_identities(db, "a2", mentions("a2", person("Smith")), None)["Smith"] == john
    link_identities(db, "a3", mentions("a3", person("Mary Smith")), None)
    assert link_identities(db, "a4", mentions("a4", person("Smith")), None)["Smith"] != john


def test_a_full_name_completes_a_bare_surname_of_its_story(db
                                                           ):  # type: ignore[no-untyped-def]
    bare = link_identities(db, "a1", mentions("a1", person("Netanyahu")), "s1")["Netanyahu"]
    full = link_identities(db, "a2", mentions("a2", person("Benjamin Netanyahu")), "s1")
    assert full["Benjamin Netanyahu"] == bare
    found = identity_of(db, "a1", "Netanyahu")
    assert found is not None and found.name == "Benjamin Netanyahu"


def test_country_and_organisation_short_forms(db):  # type: ignore[no-untyped-def]
    first = link_identities(db, "a1", mentions(
        "a1", ("the United States", "United States", "GPE"),
        ("Palestinian group Hamas", "Palestinian group Hamas", "ORG"),
        ("Israel Defense Forces", "Israel Defense Forces", "ORG")), None)
    second = link_identities(db, "a2", mentions(
        "a2", ("U.S.", "U.S.", "GPE"), ("America", "America", "GPE"),
        ("Hamas", "Hamas", "NORP"), ("IDF", "IDF", "ORG")), None)
    assert second["U.S."] == second["America"] == first["United States"]
    assert second["Hamas"] == first["Palestinian group Hamas"]
    assert second["IDF"] == first["Israel Defense Forces"]
    hamas = identity_of(db, "a2", "Hamas")
    assert hamas is not None and hamas.name == "Hamas" and hamas.label == "ORG"


def test_relinking_an_article_is_idempotent(db):  # type: ignore[no-untyped-def]
    entities = mentions("a1", person("Majed Al-Ansari"), ("Doha", "Doha", "GPE"))
    assert link_identities(db, "a1", entities, "s") == link_identities(db, "a1", entities, "s")
    assert db.execute("SELECT count(*) FROM identities").fetchone()[0] == 2


def test_the_examples_name_one_spokesman_and_one_country(settings
                                                         ):  # type: ignore[no-untyped-def]
    with Store.open(":memory:") as store:
        links = {}
        for path in (ANADOLU, TRT):
            (article,) = list(read_inputs([str(path)], settings))
            analysis = understand(article)
            store.add(article, analysis)
            with store.transaction() as db:
                links[path] = (article.id, link_identities(db, article.id, analysis.entities,
                                                           "story"))
        (first, one), (second, two) = links[ANADOLU], links[TRT]
        db = store.connection
        ansari = {identity_of(db, first, "Al-Ansari"), identity_of(db, second, "Ansari"),
                  identity_of(db, second, "Majed al Ansari")}
        assert len({i.id for i in ansari if i}) == 1 and None not in ansari
        assert one["US"] == two["United States"]
        assert one["Hamas"] == two["Hamas"] and one["Hamas"] != one["Israel"]
        assert one["Mossad"] not in two.values()
