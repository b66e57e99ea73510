"""Passage reuse (link/reuse.py, migration 0006): paragraphs shared between articles,
near-duplicates included, reported in the later article against the earlier one."""

from __future__ import annotations

import sqlite3

import pytest

from newsledger.ingest import read_file
from newsledger.link.reuse import ReusedPassage, link_reuse, list_reuse
from newsledger.link.reuse_text import passages
from newsledger.records import Article
from newsledger.store import Store

from .conftest import ANADOLU, TRT

WIRE = [
    "Rescue teams worked through the night in the river valley after a dam upstream gave way "
    "on Sunday, sending a wall of water through three villages and cutting the only road to "
    "the regional capital.",
    "At least 46 people were confirmed dead and more than 120 were missing by Monday "
    "morning, according to the provincial emergency office, which warned that the toll was "
    "likely to rise as water receded.",
    "The dam, built in the 1970s to irrigate farmland in the lower valley, had been flagged "
    "as needing urgent repairs in an inspection report two years ago, local officials said.",
    "Engineers from the national water authority arrived on Monday to assess whether a "
    "second, smaller reservoir further up the valley was at risk of failing as well.",
]

UNRELATED_SAME_TOPIC = [
    "Farmers in the lower valley said they had lost most of this season's harvest after "
    "fields stayed under water for a week, and asked the government for emergency grants.",
    "The regional governor promised on Tuesday that the road to the capital would reopen "
    "within days, while volunteers handed out bottled water and blankets in a school gym.",
    "Critics of the water authority said inspections of older dams had been postponed for "
    "years because of budget cuts, a claim the authority's spokeswoman rejected.",
]

LABELS = "Related topics\n\nShare this story\n\nMore on this story"


def _article(key: str, paragraphs: list[str], published: str | None) -> Article:
    return Article(id=key, input=f"{key}.txt", text="\n\n".join(paragraphs), published=published)


def _link(store: Store, article: Article) -> tuple[ReusedPassage, ...]:
    store.add(article)
    with store.transaction() as db:
        return link_reuse(db, article.id, article.text, article.published)


def _spans_hold(store: Store) -> None:
    texts = {r["id"]: r["text"] for r in store.connection.execute("SELECT id, text FROM articles")}
    for row in list_reuse(store.connection):
        assert texts[row["article"]][row["start"]:row["end"]] == row["text"]
        assert row["origin_end"] > row["origin_start"]
        assert 0.0 < row["similarity"] <= 1.0


# --------------------------------------------------------------------------- the examples

@pytest.fixture(scope="module")
def examples() -> tuple[Article, Article]:
    from newsledger.settings import load_settings

    settings = load_settings({})
    anadolu, trt = (next(iter(read_file(path, settings))) for path in (ANADOLU, TRT))
    assert isinstance(anadolu, Article) and isinstance(trt, Article)
    return anadolu, trt


def _paragraph_of(text: str, start: int, end: int) -> str:
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return text[before + 2 if before >= 0 else 0: after if after >= 0 else len(text)]


@pytest.mark.parametrize("order", ["in date order", "later one stored first"])
def test_examples_share_the_displacement_and_toll_paragraphs(store, examples, order):
    anadolu, trt = examples
    for article in ((anadolu, trt) if order == "in date order" else (trt, anadolu)):
        _link(store, article)
    rows = list_reuse(store.connection)
    assert {(r["article"], r["origin"]) for r in rows} == {(trt.id, anadolu.id)}
    reused = sorted(_paragraph_of(trt.text, r["start"], r["end"]) for r in rows)
    assert len(reused) == 2
    assert reused[0].startswith("More than 32,414 Palestinians have since been killed")
    assert "85 percent of Gaza’s population" in reused[1]
    origins = sorted(anadolu.text[r["origin_start"]:r["origin_end"]] for r in rows)
    assert "31,800" in origins[0] and "85%" in origins[1]
    _spans_hold(store)


# --------------------------------------------------------------------------- hand-made cases

def test_identical_paragraphs_are_found_with_the_earlier_article_as_origin(store):
    _link(store, _article("wire", WIRE, "2024-05-05"))
    found = _link(store, _article("copy", [UNRELATED_SAME_TOPIC[0], WIRE[1], WIRE[2]],
                                  "2024-05-06"))
    assert [(r.article, r.origin) for r in found] == [("copy", "wire")] * 2
    assert [r.similarity for r in found] == [1.0, 1.0]
    assert [r.text for r in found] == [WIRE[1], WIRE[2]]


def test_lightly_edited_paragraphs_are_near_duplicates(store):
    _link(store, _article("wire", WIRE, "2024-05-05"))
    edited = [
        # figures updated, a few words changed
        "At least 53 people were confirmed dead and more than 140 remained missing on "
        "Monday evening, according to the provincial emergency office, which warned that "
        "the death toll was likely to rise as the water receded.",
        # a sentence's tail dropped, the rest kept
        "Rescue teams worked through the night in the river valley after a dam upstream "
        "gave way on Sunday, sending a wall of water through three villages.",
    ]
    found = _link(store, _article("edited", edited, "2024-05-06"))
    assert len(found) == 2
    assert [r.origin for r in found] == ["wire", "wire"]
    assert 0.6 <= found[0].similarity < 1.0  # words changed
    assert found[1].similarity == 1.0  # all it kept is the origin's, word for word
    origin_text = "\n\n".join(WIRE)
    assert origin_text[found[0].origin_start:found[0].origin_end].startswith("At least 46")
    _spans_hold(store)


def test_unrelated_paragraphs_on_the_same_topic_are_not_reuse(store):
    _link(store, _article("wire", WIRE, "2024-05-05"))
    assert _link(store, _article("other", UNRELATED_SAME_TOPIC, "2024-05-06")) == ()
    assert list_reuse(store.connection) == []


def test_an_earlier_article_arriving_late_becomes_the_origin(store):
    _link(store, _article("later", [UNRELATED_SAME_TOPIC[1], WIRE[0]], "2024-05-07"))
    found = _link(store, _article("earlier", WIRE, "2024-05-05"))
    assert [(r.article, r.origin) for r in found] == [("later", "earlier")]
    assert found[0].text == WIRE[0]


def test_a_passage_repeated_by_many_is_reported_once_against_the_earliest(store):
    _link(store, _article("second", WIRE[1:], "2024-05-06"))
    _link(store, _article("first", WIRE, "2024-05-05"))  # stored after, published before
    found = _link(store, _article("third", [WIRE[1]], "2024-05-07"))
    assert [(r.article, r.origin) for r in found] == [("third", "first")]
    assert {(r["article"], r["origin"]) for r in list_reuse(store.connection)} == {
        ("second", "first"), ("third", "first")}


def test_unknown_dates_make_the_article_stored_first_the_origin(store):
    _link(store, _article("stored-first", WIRE, None))
    found = _link(store, _article("stored-second", WIRE[:2], "2024-01-01"))
    assert {r.origin for r in found} == {"stored-first"}


def test_linking_twice_adds_nothing(store):
    _link(store, _article("wire", WIRE, "2024-05-05"))
    copy = _article("copy", WIRE[:2], "2024-05-06")
    first = _link(store, copy)
    counts = [store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("reuse_passages", "reuse_bands", "reused_passages")]
    with store.transaction() as db:
        again = link_reuse(db, copy.id, copy.text, copy.published)
    assert again == first and len(first) == 2
    assert counts == [store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("reuse_passages", "reuse_bands", "reused_passages")]


def test_labels_and_captions_are_not_passages_and_long_paragraphs_are_windowed():
    text = LABELS + "\n\n" + " ".join(WIRE)
    found = passages(text)
    assert all(p.start > len(LABELS) for p in found)
    assert len(found) > 1 and found[-1].end == len(text)
    assert all(found[i + 1].start < found[i].end for i in range(len(found) - 1))  # overlap
    assert passages(LABELS) == []


def test_list_reuse_filters_by_reusing_article(store):
    _link(store, _article("wire", WIRE, "2024-05-05"))
    _link(store, _article("copy-a", WIRE[:1], "2024-05-06"))
    _link(store, _article("copy-b", WIRE[2:], "2024-05-07"))
    assert {r["article"] for r in list_reuse(store.connection, ["copy-b"])} == {"copy-b"}
    assert [r["article"] for r in list_reuse(store.connection)] == ["copy-a", "copy-b", "copy-b"]
    assert list(list_reuse(store.connection)[0]) == [
        "article", "start", "end", "text", "origin", "origin_start", "origin_end", "similarity"]


def test_migration_creates_the_band_index(store):
    columns = {r[1] for r in store.connection.execute("PRAGMA table_info(reuse_bands)")}
    assert columns == {"band", "key", "passage"}
    plan = store.connection.execute(
        "EXPLAIN QUERY PLAN SELECT passage FROM reuse_bands WHERE band = 1 AND key = 2").fetchall()
    assert any("USING PRIMARY KEY" in str(tuple(r)) or "USING INDEX" in str(tuple(r))
               for r in plan)
    assert isinstance(store.connection, sqlite3.Connection)
