"""A young story that holds two events splits in two (link/story_split.py)."""

from __future__ import annotations

import numpy as np
import pytest

from newsledger.link.identities import link_identities
from newsledger.link.stories import (
    DEFAULT_PARAMS,
    StoryParams,
    assign_story,
    story_members,
    story_of,
)
from newsledger.link.story_signals import StorySignals
from newsledger.link.story_split import best_cut, ncut_limit, split_story
from newsledger.link.threads import list_threads
from newsledger.records import Article, article_id
from newsledger.store import Store
from newsledger.understand.pipeline import understand
from newsledger.understand.records import Entity

# Two quakes in one country, reported in turns: the words of any quake report, and the
# words of each quake (its province, town, magnitude, what fell).
QUAKE_WORDS = ("w:earthquake", "w:indonesia", "w:magnitude", "w:province", "w:tsunami",
               "w:rescue", "p:indonesia")
PAPUA = ("p:papua", "p:manokwari", "w:papua", "n:7.6", "w:refugee", "w:camp", "w:coast")
ACEH = ("p:aceh", "p:bener meriah", "w:aceh", "n:6.1", "w:mosque", "w:landslide",
        "w:koran")
DETAILS = ("w:hospital", "w:school", "w:bridge", "w:road", "w:power", "w:aftershock",
           "w:village", "w:army", "w:police", "w:tent")


def _report(name: str, event: tuple[str, ...], number: int) -> StorySignals:
    """A report of one quake: the quake words, its event's words, and details of its own
    (two of each event's words left out in turn, as reports differ)."""
    own = [word for position, word in enumerate(event) if position % 3 != number % 3]
    details = [f"{DETAILS[(number + step) % len(DETAILS)]}-{name}" for step in range(3)]
    features = {**dict.fromkeys(QUAKE_WORDS, 1.0), **dict.fromkeys(own, 1.0),
                **dict.fromkeys(details, 1.0)}
    return StorySignals(name, None, None, tuple(sorted(features.items())))


def _link(store: Store, reports: list[StorySignals],
          params: StoryParams = DEFAULT_PARAMS) -> list[str]:
    """Place each report, then check its story for a split (as `link_article` does)."""
    splits = []
    for signals in reports:
        store.add(Article(signals.article, f"{signals.article}.txt", signals.article))
        with store.transaction() as db:
            placed = assign_story(db, signals, params)
            split = None if placed.started else split_story(db, placed.story, params)
            if split is not None:
                splits.append(split.new_story)
            province = signals.article.rstrip("0123456789").title()
            link_identities(db, signals.article, [Entity(
                signals.article, 0, len(province), province, "GPE", province, 0, "test", 1.0)],
                story_of(db, signals.article))
    return splits


@pytest.fixture
def quakes() -> list[StorySignals]:
    papua = [_report(f"papua{n}", PAPUA, n) for n in range(6)]
    aceh = [_report(f"aceh{n}", ACEH, n) for n in range(6)]
    return [report for pair in zip(papua, aceh, strict=True) for report in pair]


def test_two_interleaved_events_first_share_a_story_then_split(quakes):
    with Store.open(":memory:") as store:
        splits = _link(store, quakes[:2])
        db = store.connection
        assert not splits
        assert story_members(db, "story-papua0") == ["papua0", "aceh0"]  # the bridge

        splits = _link(store, quakes[2:])
        assert splits == ["story-aceh0"]
        assert story_members(db, "story-papua0") == [f"papua{n}" for n in range(6)]
        assert story_members(db, "story-aceh0") == [f"aceh{n}" for n in range(6)]
        counts = dict(db.execute("SELECT id, articles FROM stories"))
        assert counts == {"story-papua0": 6, "story-aceh0": 6}
        last = dict(db.execute("SELECT id, last_seq FROM stories"))
        assert last == {"story-papua0": 10, "story-aceh0": 11}
        moved = {row[0] for row in db.execute(
            "SELECT article_id FROM story_articles WHERE extractor = 'online_story_split'")}
        assert "aceh0" in moved and not any(name.startswith("papua") for name in moved)


def test_no_thread_spans_the_two_stories_after_a_split(quakes):
    with Store.open(":memory:") as store:
        _link(store, quakes)
        db = store.connection
        for story in ("story-papua0", "story-aceh0"):
            members = set(story_members(db, story))
            for thread in list_threads(db, story):
                assert set(thread["articles"]) <= members
                assert thread["thread"] == f"thread-{thread['articles'][0]}"


def test_the_moved_articles_names_carry_their_new_story(quakes):
    """A surname is resolved within its story (identities.py): the names of the moved
    articles must be found in the story they are in now."""
    with Store.open(":memory:") as store:
        _link(store, quakes)
        rows = store.connection.execute(
            "SELECT i.article_id, i.story, s.story_id FROM article_identities i"
            " JOIN story_articles s ON s.article_id = i.article_id").fetchall()
        assert len(rows) == 12
        assert all(named == placed for _, named, placed in rows)
        assert {story for _, story, _ in rows} == {"story-papua0", "story-aceh0"}


def test_reports_of_one_event_stay_one_story():
    reports = [_report(f"papua{n}", PAPUA, n) for n in range(12)]
    with Store.open(":memory:") as store:
        assert _link(store, reports) == []
        assert len(story_members(store.connection, "story-papua0")) == 12


def test_a_story_past_the_age_limit_is_not_reexamined(quakes):
    with Store.open(":memory:") as store:
        assert _link(store, quakes, StoryParams(split_max_members=4)) == []
        assert len(story_members(store.connection, "story-papua0")) == 12
        with store.transaction() as db:  # what the limit kept whole
            split = split_story(db, "story-papua0")
        assert split is not None and split.new_story == "story-aceh0"
        assert len(split.moved) == 6


def test_the_cut_separates_two_blocks():
    within, across = 0.6, 0.1
    groups = np.array([0, 1, 0, 1, 1, 0, 0, 1])
    similarity = np.where(groups[:, None] == groups[None, :], within, across)
    np.fill_diagonal(similarity, 0.0)
    cut = best_cut(similarity, min_part=3)
    assert cut is not None
    assert cut.side in (frozenset({0, 2, 5, 6}), frozenset({1, 3, 4, 7}))
    assert cut.ncut < ncut_limit(0.75)


def test_a_uniform_story_has_no_small_cut():
    similarity = np.full((10, 10), 0.4)
    np.fill_diagonal(similarity, 0.0)
    cut = best_cut(similarity, min_part=3)
    assert cut is not None and cut.ncut > ncut_limit(0.75)


def test_a_member_like_no_other_stops_the_cut():
    similarity = np.full((6, 6), 0.4)
    similarity[5, :] = similarity[:, 5] = 0.0
    np.fill_diagonal(similarity, 0.0)
    assert best_cut(similarity, min_part=2) is None


def test_the_limit_is_the_cut_of_two_equal_groups_at_the_ratio():
    """Two groups of 50, across the groups `ratio` times as alike as within: the cut
    finds them, and its value is the limit but for each member's missing link to
    itself, which makes it a little larger."""
    ratio, size = 0.75, 50
    groups = np.repeat([0, 1], size)
    similarity = np.where(groups[:, None] == groups[None, :], 1.0, ratio)
    np.fill_diagonal(similarity, 0.0)
    cut = best_cut(similarity, min_part=3)
    assert cut is not None
    assert cut.side in (frozenset(range(size)), frozenset(range(size, 2 * size)))
    across, within = size * ratio, size - 1.0
    assert cut.ncut == pytest.approx(2 * across / (within + across))
    assert ncut_limit(ratio) == pytest.approx(2 * ratio / (1 + ratio))
    assert ncut_limit(ratio) < cut.ncut < ncut_limit(ratio) * 1.02


# The same two quakes as real reports, through ingest and linking (Store.add): written
# for this test, after the 2009 West Papua and 2013 Aceh earthquakes.
PAPUA_REPORTS = [
    "A magnitude 7.6 earthquake struck Indonesia's West Papua province on Sunday, killing"
    " four people in Manokwari and sending thousands of residents to refugee camps.",
    "Rescue teams in Manokwari searched collapsed hotels after the West Papua earthquake,"
    " the strongest to hit the province in years, as aftershocks shook the coast.",
    "Thousands of frightened residents of Manokwari spent the night in makeshift camps"
    " after the magnitude 7.6 quake in West Papua destroyed homes and a church.",
    "Indonesia's disaster agency said the West Papua earthquake killed at least four"
    " people in Manokwari, injured dozens and cut power across the province.",
    "Aftershocks kept rattling Manokwari on Monday as soldiers handed out tents to"
    " families whose homes the West Papua earthquake had destroyed.",
    "Officials in West Papua said schools in Manokwari would stay closed all week after"
    " the magnitude 7.6 earthquake damaged classrooms and bridges."]
ACEH_REPORTS = [
    "A magnitude 6.1 earthquake struck Indonesia's Aceh province on Tuesday, killing six"
    " children when a mosque collapsed during a Koran reading in Bener Meriah.",
    "Rescuers in Bener Meriah dug through the rubble of a mosque after the Aceh earthquake"
    " buried children studying the Koran, and landslides blocked roads.",
    "The magnitude 6.1 quake in Aceh flattened houses in Bener Meriah and Central Aceh,"
    " where landslides cut off villages and injured farmers.",
    "Indonesia's disaster agency said the Aceh earthquake killed at least 24 people in"
    " Bener Meriah and Central Aceh and injured more than 200.",
    "Soldiers cleared landslides on the roads to Bener Meriah as the Aceh earthquake's"
    " toll rose and families buried the children killed at the mosque.",
    "Aid reached villages in Central Aceh two days after the magnitude 6.1 earthquake, as"
    " survivors of the Bener Meriah landslides slept in tents."]


def test_linking_real_reports_splits_the_bridged_story():
    """The first Aceh report joins the Papua story (the bridge); linking splits them."""
    with Store.open(":memory:") as store:
        ids = {}
        for papua, aceh in zip(PAPUA_REPORTS, ACEH_REPORTS, strict=True):
            for text in (papua, aceh):
                article = Article(article_id(text), f"{article_id(text)}.txt", text,
                                  language="en")
                store.add(article, understand(article))
                ids[text] = article.id
        db = store.connection
        papua = {story_of(db, ids[text]) for text in PAPUA_REPORTS}
        aceh = {story_of(db, ids[text]) for text in ACEH_REPORTS}
        assert len(papua) == 1 and len(aceh) == 1 and papua != aceh
        first_aceh = db.execute("SELECT similarity, extractor FROM story_articles"
                                " WHERE article_id = ?", (ids[ACEH_REPORTS[0]],)).fetchone()
        assert first_aceh[0] >= DEFAULT_PARAMS.threshold  # it had joined the Papua story
        assert first_aceh[1] == "online_story_split"
        named = [tuple(row) for row in db.execute(
            "SELECT DISTINCT i.story = s.story_id FROM article_identities i"
            " JOIN story_articles s ON s.article_id = i.article_id")]
        assert named == [(1,)]  # every name is filed under its article's story now
