"""The story list a page at a time (issue 5's latency target): one query for a page of
stories whatever their number, the same stories as reading them story by story, paging
and search bounded, on a hand-made store of more stories than one page holds; and a
story's view kept until the store receives another article."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.link.stories import count_stories, list_stories, stories_by_id
from newsledger.records import Article
from newsledger.store import Store
from newsledger.understand import Analysis
from newsledger.web import pages

with warnings.catch_warnings():  # starlette's notice about its httpx client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from newsledger.web.app import create_app

# Unrelated subjects, so that each article starts a story of its own.
TOPICS = [
    ("Glacier retreat measured on the northern icefield", "glaciologists surveyed meltwater"),
    ("Orchestra premieres a symphony for harpsichord", "the conductor rehearsed violins"),
    ("Chess prodigy wins the junior championship", "the grandmaster resigned after rooks"),
    ("Bakery guild protests flour tariffs", "bakers complained about sourdough costs"),
    ("Volcanic ash grounds regional flights", "airline dispatchers rerouted turboprops"),
    ("Beekeepers report a record honey harvest", "apiarists counted hives and queens"),
    ("Marathon route closes riverside boulevards", "runners and stewards lined the quay"),
]


def article(n: int, title: str, lead: str, day: str, outlet: str) -> Article:
    text = f"{title}.\n\n{lead.capitalize()}."
    return Article(id=f"{n:016x}", input=f"hand-{n}", text=text, title=title, source=outlet,
                   language="en", published=day)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paging") / "stories.db"
    with Store.open(str(path)) as store:
        for n, (title, lead) in enumerate(TOPICS):
            added = article(n + 1, title, lead, f"2024-05-{n + 1:02d}", "Daily Post")
            store.add(added, Analysis(added))  # no findings: a list needs none
        # A second report of the first subject, later: its story becomes the newest.
        title, lead = TOPICS[0]
        again = article(99, title + " again", lead, "2024-06-01", "Evening Star")
        store.add(again, Analysis(again))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db))) as opened:
        yield opened


def story_by_story(store: Store) -> list[dict[str, Any]]:
    """The list as it was read before: one query per story."""
    db = store.connection
    found = []
    for story_id, first in db.execute("SELECT id, first_article FROM stories"
                                      " ORDER BY last_seq DESC").fetchall():
        rows = db.execute("SELECT a.id, a.title, a.published, a.source FROM story_articles s"
                          " JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?"
                          " ORDER BY s.seq", (story_id,)).fetchall()
        days = sorted(r[2] for r in rows if r[2])
        threads = db.execute("SELECT count(DISTINCT thread) FROM story_articles"
                             " WHERE story_id = ?", (story_id,)).fetchone()[0]
        found.append({"story": story_id, "title": next(r[1] for r in rows if r[0] == first),
                      "first": days[0], "last": days[-1], "articles": [r[0] for r in rows],
                      "outlets": list(dict.fromkeys(r[3] for r in rows)), "threads": threads})
    return found


def test_one_query_lists_what_reading_story_by_story_lists(db: Path) -> None:
    with Store.open_readonly(str(db)) as store:
        expected = story_by_story(store)
        assert len(expected) == len(TOPICS) == count_stories(store.connection)
        assert list_stories(store.connection) == expected
        assert list_stories(store.connection, limit=3, offset=3) == expected[3:6]
        assert stories_by_id(store.connection, [expected[4]["story"], expected[0]["story"]]) \
            == [expected[0], expected[4]]
        newest = expected[0]
        assert newest["articles"] == [f"{1:016x}", f"{99:016x}"]
        assert newest["outlets"] == ["Daily Post", "Evening Star"]
        assert (newest["first"], newest["last"]) == ("2024-05-01", "2024-06-01")


def test_one_query_per_page(db: Path) -> None:
    with Store.open_readonly(str(db)) as store:
        statements: list[str] = []
        store.connection.set_trace_callback(statements.append)
        list_stories(store.connection, limit=3)
        assert len(statements) == 1


def test_pages_of_the_json_list(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 3}).json()
    assert (first["total"], first["page"], first["previous"], first["next"]) == (7, 1, None, 2)
    seen = [s["story"] for s in first["stories"]]
    page = first
    while page["next"]:
        page = client.get("/api/stories", params={"limit": 3, "page": page["next"]}).json()
        seen += [s["story"] for s in page["stories"]]
    assert page["page"] == 3 and page["previous"] == 2 and len(page["stories"]) == 1
    everything = client.get("/api/stories", params={"limit": 500}).json()["stories"]
    assert seen == [s["story"] for s in everything] and len(set(seen)) == 7


def test_html_pages_link_to_each_other(client: TestClient) -> None:
    first = client.get("/?limit=3").text
    assert "7 stories, 1 to 3 shown" in first
    assert 'rel="next" href="/?page=2&amp;limit=3"' in first and 'rel="prev"' not in first
    last = client.get("/?limit=3&page=3").text
    assert 'rel="prev" href="/?page=2&amp;limit=3"' in last and 'rel="next"' not in last
    assert client.get("/api/stories?page=0").status_code == 422


def test_search_is_paged_and_finds_a_word_start_in_a_title(client: TestClient) -> None:
    found = client.get("/api/stories", params={"q": "glacier"}).json()
    assert found["total"] == 1 and found["next"] is None
    (story,) = found["stories"]
    assert len(story["matches"]) == 2 and len(story["articles"]) == 2
    assert [s["title"] for s in client.get("/api/stories", params={"q": "Beekeep"}).json()[
        "stories"]] == [TOPICS[5][0]]
    many = client.get("/api/stories", params={"q": "bakers OR runners OR chess",
                                              "limit": 2}).json()
    assert many["total"] == 3 and len(many["stories"]) == 2 and many["next"] == 2


def test_search_limit_bounds_the_articles_read(monkeypatch: pytest.MonkeyPatch,
                                               db: Path) -> None:
    monkeypatch.setattr(pages, "SEARCH_LIMIT", 3)
    with Store.open_readonly(str(db)) as store:
        assert len(pages.matching_articles(store, "glacier OR bakers OR runners OR chess")) == 3
        assert pages.story_list(store, "bakers OR chess OR honey OR runners")["total"] == 3


def test_a_story_view_is_kept_until_the_store_receives_an_article(tmp_path: Path) -> None:
    path = tmp_path / "growing.db"
    title, lead = TOPICS[1]
    first = article(1, title, lead, "2024-05-01", "Daily Post")
    with Store.open(str(path)) as store:
        store.add(first, Analysis(first))
    cache = pages.StoryCache(size=2)
    with Store.open_readonly(str(path)) as store:
        view = pages.story_page(store, f"story-{first.id}", cache)
        assert pages.story_page(store, f"story-{first.id}", cache) is view
    with TestClient(create_app(str(path))) as client:
        assert "Evening Star" not in client.get(f"/stories/story-{first.id}").text
        later = article(2, title + " again", lead, "2024-05-02", "Evening Star")
        with Store.open(str(path)) as store:
            store.add(later, Analysis(later))
        assert "Evening Star" in client.get(f"/stories/story-{first.id}").text
    with Store.open_readonly(str(path)) as store:
        grown = pages.story_page(store, f"story-{first.id}", cache)
    assert [a["id"] for a in grown["articles"]] == [first.id, later.id]
    assert [a["id"] for a in view["articles"]] == [first.id]
