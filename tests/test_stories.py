"""Online story assignment (link/stories.py, migration 0004): articles of one event join
one story, other events start their own, and placing an article twice changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.ingest import read_file
from newsledger.link.stories import (
    DEFAULT_PARAMS,
    Compared,
    StoryAssignment,
    StoryParams,
    _closest_story,
    assign_story,
    cosine,
    list_stories,
    story_members,
    story_of,
)
from newsledger.link.story_signals import StorySignals, story_signals
from newsledger.link.threads import list_threads
from newsledger.records import Article, article_id
from newsledger.settings import load_settings
from newsledger.store import Store
from newsledger.understand.pipeline import Analysis, understand

from .conftest import ANADOLU, TRT

QUAKE_2009 = """Strong earthquake kills dozens in western Peru

LIMA, Peru - A magnitude 7.1 earthquake struck the Ica region of western Peru on Tuesday,
killing at least 41 people and destroying hundreds of adobe homes, officials said.

Peru's civil defence institute said rescue teams were searching the rubble in the town of
Pisco, where the church collapsed during an evening mass.

President Alan Garcia flew to Ica and declared a state of emergency in 2009.
"""
QUAKE_2013 = """Earthquake in Indonesia's Aceh province leaves 12 dead

BANDA ACEH, Indonesia - A magnitude 6.1 earthquake shook Aceh province on the island of
Sumatra on Tuesday, killing 12 people and injuring more than 200, the disaster agency said.

Landslides buried houses in the Central Aceh district and the mosque of Ketol collapsed,
Governor Zaini Abdullah said after visiting the area in 2013.
"""
BUDGET = """City council approves new library budget

The Springfield city council voted 7-2 on Monday to approve a budget that expands opening
hours at the public library and hires four new librarians.

Council member Ana Ruiz said the reading rooms were full every evening during exam season.
"""
RECIPE_NEWS = """Chef wins national pastry championship

A pastry chef from Lyon won the national championship on Sunday with a pear tart and a
chocolate mousse, the jury announced.

Marie Dubois, 34, said she had practised the tart every morning for six months.
"""

# Two games between the same teams: the headline scores tell them apart.
GAME_31_24 = """Harbor City Herons beat Lakeside Otters 31-24 to clinch playoff berth

The Harbor City Herons clinched a playoff berth on Sunday with a 31-24 win over the Lakeside
Otters, as quarterback Tomas Brenner threw for two touchdowns.

The Herons trailed at halftime but scored 17 points in the fourth quarter, and coach Dana
Whitfield praised the defense.
"""
GAME_20_13 = """Herons top Otters 20-13 in snowy rematch

Rookie Malik Osei ran for a late touchdown and the Harbor City Herons held on against the
Lakeside Otters in a rematch played through heavy snow.

The quarterback threw an interception in the third quarter, and fans left early as the snow
grew heavier.
"""
GAME_31_24_AGAIN = """Herons beat Otters 31-24 in playoff clincher

Quarterback Tomas Brenner led the Harbor City Herons past the Lakeside Otters 31-24 on Sunday
to clinch a playoff berth.

Coach Dana Whitfield said the fourth-quarter comeback showed the team's character.
"""


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    """The examples and the hand-made articles, parsed once for the module."""
    settings = load_settings({}, config=Path("/nonexistent/newsledger.toml"))
    found = {}
    for name, path in (("anadolu", ANADOLU), ("trt", TRT)):
        article = next(iter(read_file(path, settings)))
        assert isinstance(article, Article)
        found[name] = understand(article)
    for name, text, day in (("quake_2009", QUAKE_2009, "2009-08-18"),
                            ("quake_2013", QUAKE_2013, "2013-07-02"),
                            ("budget", BUDGET, "2021-05-03"),
                            ("pastry", RECIPE_NEWS, "2021-05-02"),
                            ("game", GAME_31_24, None), ("rematch", GAME_20_13, None),
                            ("game_again", GAME_31_24_AGAIN, None)):
        body = text.replace("\n", " ").replace("  ", "\n\n")
        found[name] = understand(Article(article_id(body), f"{name}.txt", body,
                                         title=body.split("\n")[0], published=day,
                                         language="en"))
    return found


@pytest.fixture
def db() -> Iterator[Store]:
    with Store.open(":memory:") as store:
        yield store


def _place(store: Store, *analyses: Analysis,
           params: StoryParams = DEFAULT_PARAMS) -> list[StoryAssignment]:
    placed = []
    for analysis in analyses:
        store.add(analysis.article)
        with store.transaction() as connection:
            placed.append(assign_story(connection, story_signals(analysis), params))
    return placed


def _second_joins(first: Analysis, second: Analysis, params: StoryParams) -> StoryAssignment:
    """How the second article is placed in a fresh store holding only the first."""
    with Store.open(":memory:") as store:
        return _place(store, first, second, params=params)[1]


def test_the_two_example_articles_are_one_story(db, analyses):
    first, second = _place(db, analyses["anadolu"], analyses["trt"])
    assert first.started and not second.started
    assert second.story == first.story
    assert second.matched == first.article and second.similarity > 0.25


def test_unrelated_articles_start_their_own_stories(db, analyses):
    first, second = _place(db, analyses["budget"], analyses["pastry"])
    assert second.started and second.story != first.story


def test_two_earthquakes_in_other_countries_and_years_stay_apart(db, analyses):
    first, second = _place(db, analyses["quake_2009"], analyses["quake_2013"])
    assert second.started and second.story != first.story


def test_an_unrelated_article_does_not_join_the_example_story(db, analyses):
    placed = _place(db, analyses["anadolu"], analyses["quake_2013"], analyses["trt"])
    assert placed[1].started
    assert placed[2].story == placed[0].story


def test_placing_an_article_again_changes_nothing(db, analyses):
    first, _ = _place(db, analyses["anadolu"], analyses["trt"])
    tables = ("stories", "story_articles", "story_features", "story_feature_df")
    before = {t: db.connection.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
              for t in tables}
    with db.transaction() as connection:
        again = assign_story(connection, story_signals(analyses["anadolu"]))
    after = {t: db.connection.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
             for t in tables}
    assert again == first
    assert [list(map(tuple, rows)) for rows in after.values()] == \
        [list(map(tuple, rows)) for rows in before.values()]


def test_story_ids_are_the_same_in_every_run(analyses):
    runs = []
    for _ in range(2):
        with Store.open(":memory:") as store:
            runs.append([a.story for a in _place(store, analyses["budget"],
                                                 analyses["anadolu"], analyses["trt"])])
    assert runs[0] == runs[1]
    assert runs[0][0] == f"story-{analyses['budget'].article.id}"


def test_members_in_arrival_order_and_the_contract_listing(db, analyses):
    placed = _place(db, analyses["trt"], analyses["pastry"], analyses["anadolu"])
    story = placed[0].story
    trt, anadolu = analyses["trt"].article, analyses["anadolu"].article
    assert story_members(db.connection, story) == [trt.id, anadolu.id]
    assert story_of(db.connection, anadolu.id) == story
    assert story_of(db.connection, "no-such-article") is None
    listed = {s["story"]: s for s in list_stories(db.connection)}
    assert set(listed) == {story, placed[1].story}
    entry = listed[story]
    assert set(entry) == {"story", "title", "first", "last", "articles", "outlets", "threads"}
    assert entry["articles"] == [trt.id, anadolu.id]
    assert entry["threads"] == 1
    assert entry["title"] == trt.title
    assert (entry["first"], entry["last"]) == ("2024-03-19", "2024-03-26")


def test_signals_weigh_the_headline_and_name_the_people(analyses):
    signals = story_signals(analyses["quake_2013"])
    assert isinstance(signals, StorySignals)
    features = signals.as_dict()
    assert features["w:earthquake"] > features["w:house"]  # headline and lead count more
    assert "y:2013" in features and "n:6.1" in features
    assert any(name.startswith("p:") and "aceh" in name for name in features)
    assert signals.published == "2013-07-02"


def test_signals_without_a_parse_fall_back_to_word_tokens(analyses):
    article = analyses["pastry"].article
    signals = story_signals(Analysis(article))
    features = signals.as_dict()
    assert features["w:pastry"] >= 3.0  # in the headline
    assert "w:mousse" in features and "n:34" in features


def test_headlines_with_other_numbers_discount_a_moderate_match(analyses):
    game, rematch = analyses["game"], analyses["rematch"]
    plain = _second_joins(game, rematch, StoryParams(headline_number_conflict=1.0))
    discounted = _second_joins(game, rematch, StoryParams())
    assert 0.25 < plain.similarity < 0.5  # in the band where the headlines are asked
    assert discounted.similarity == pytest.approx(0.7 * plain.similarity, abs=1e-3)
    # with a bar between the two, the rematch is another story only for its headline
    bar = StoryParams(threshold=(plain.similarity + discounted.similarity) / 2)
    assert _second_joins(game, rematch, bar).started
    assert not _second_joins(game, rematch, StoryParams(
        threshold=bar.threshold, headline_number_conflict=1.0)).started


def test_headlines_sharing_a_number_or_a_close_match_are_not_discounted(analyses):
    game, again, rematch = analyses["game"], analyses["game_again"], analyses["rematch"]
    same = _second_joins(game, again, StoryParams())
    assert same.similarity == _second_joins(
        game, again, StoryParams(headline_number_conflict=1.0)).similarity
    above_band = StoryParams(headline_number_band=0.2)
    assert _second_joins(game, rematch, above_band).similarity == _second_joins(
        game, rematch, StoryParams(headline_number_conflict=1.0)).similarity


def test_a_young_store_does_not_make_one_events_reports_look_unrelated(analyses):
    """With one stored article every shared word looks common; the background prior
    keeps the IDF of a young store from flattening the match."""
    game, again = analyses["game"], analyses["game_again"]
    with_prior = _second_joins(game, again, StoryParams())
    without = _second_joins(game, again, StoryParams(background=0))
    assert with_prior.similarity > without.similarity


def test_signals_keep_the_headline_numbers_apart(analyses):
    features = story_signals(analyses["game"]).as_dict()
    assert {"tn:31", "tn:24"} <= set(features)
    assert "tn:17" not in features and "n:17" in features  # a body number


# The centroid step (stories._closest_story) on hand-made vectors: a report written from
# another angle shares a little with each member of its story, and more with all of them.
FIRE_REPORTS = {"a": {"fire": 1.0, "dairy": 1.0, "palmer": 1.0},
                "b": {"fire": 1.0, "arson": 1.0, "investigator": 1.0}}
OTHER_ANGLE = {"dairy": 1.0, "arson": 1.0, "insurance": 1.0, "owner": 1.0}


def _story_step(vectors: dict[str, dict[str, float]], stories: dict[str, str],
                params: StoryParams, discount: float = 1.0) -> StoryAssignment | None:
    similarities = {m: Compared(stories[m], cosine(OTHER_ANGLE, v) * discount, discount)
                    for m, v in vectors.items()}
    return _closest_story("new", OTHER_ANGLE, vectors, similarities, params)


def test_an_article_close_to_a_story_as_a_whole_joins_it():
    stories = {"a": "story-fire", "b": "story-fire"}
    params = StoryParams(threshold=0.3, centroid_threshold=0.3)
    # no single member reaches the article threshold (0.29 each) ...
    assert max(cosine(OTHER_ANGLE, v) for v in FIRE_REPORTS.values()) < params.threshold
    joined = _story_step(FIRE_REPORTS, stories, params)
    # ... the story as a whole does (0.35)
    assert joined is not None and joined.story == "story-fire"
    assert joined.extractor == "online_idf_centroid" and joined.matched is None
    assert joined.similarity == pytest.approx(0.354, abs=1e-3)
    assert _story_step(FIRE_REPORTS, stories, StoryParams(centroid_threshold=0.4)) is None


def test_the_story_step_keeps_the_members_discount():
    # members far apart in time (or naming other years) count for less as a whole too
    stories = {"a": "story-fire", "b": "story-fire"}
    joined = _story_step(FIRE_REPORTS, stories, StoryParams(centroid_threshold=0.1),
                         discount=0.5)
    assert joined is not None and joined.similarity == pytest.approx(0.177, abs=1e-3)
    assert _story_step(FIRE_REPORTS, stories, StoryParams(centroid_threshold=0.3),
                       discount=0.5) is None


def test_a_story_is_not_joined_through_words_everything_around_it_shares():
    vectors = dict(FIRE_REPORTS, c={"dairy": 1.0, "arson": 1.0, "insurance": 1.0},
                   d={"owner": 1.0, "arson": 1.0, "dairy": 1.0})
    stories = {"a": "story-fire", "b": "story-fire", "c": "story-c", "d": "story-d"}
    joined = _story_step(vectors, stories, StoryParams(centroid_threshold=0.3))
    assert joined is None  # c and d together are closer than the fire story


def test_a_one_member_story_is_not_asked_again():
    stories = {"a": "story-a", "b": "story-b"}
    assert _story_step(FIRE_REPORTS, stories, StoryParams(centroid_threshold=0.0)) is None


def test_an_article_close_to_a_member_in_words_and_time_joins_its_thread(db, analyses):
    first, second = _place(db, analyses["anadolu"], analyses["trt"])
    assert first.thread == f"thread-{first.article}"
    assert second.thread == first.thread


@pytest.mark.parametrize("knob", [{"thread_threshold": 0.99}, {"thread_gap_days": 3.0}])
def test_a_member_not_close_enough_leaves_the_article_its_own_thread(analyses, knob):
    """The TRT report is similar to the Anadolu one (about 0.5), a week later: a story
    member, but another thread when a thread asks for more likeness or less time."""
    second = _second_joins(analyses["anadolu"], analyses["trt"],
                           StoryParams(**knob))  # type: ignore[arg-type]
    assert not second.started
    assert second.thread == f"thread-{second.article}"


def test_threads_are_listed_like_stories(db, analyses):
    placed = _place(db, analyses["anadolu"], analyses["trt"], analyses["budget"])
    (thread,) = list_threads(db.connection, placed[0].story)
    assert thread["thread"] == placed[0].thread and thread["story"] == placed[0].story
    assert thread["articles"] == [placed[0].article, placed[1].article]
    assert thread["title"] == analyses["anadolu"].article.title
    assert (thread["first"], thread["last"]) == ("2024-03-19", "2024-03-26")
    assert list_threads(db.connection, "no-such-story") == []


def test_a_story_without_a_title_is_called_by_the_start_of_its_text(db):
    text = ("Rescue teams searched the collapsed school in the northern district through the"
            " night, officials said on Tuesday morning.\n\nThe search goes on.")
    _place(db, understand(Article(article_id(text), "untitled.txt", text,
                                  published="2024-01-02", language="en")))
    (story,) = list_stories(db.connection)
    assert story["title"] == ("Rescue teams searched the collapsed school in the northern"
                              " district through the night,…")
    (thread,) = list_threads(db.connection, story["story"])
    assert thread["title"] == story["title"]


def test_a_long_title_is_the_story_title_whole(db):
    title = ("Rescue teams search the collapsed school in the northern district through a"
             " second night as families wait")
    text = f"{title}\n\nOfficials said on Tuesday morning that the search goes on."
    _place(db, understand(Article(article_id(text), "titled.txt", text, title=title,
                                  published="2024-01-02", language="en")))
    (story,) = list_stories(db.connection)
    assert len(title) > 90 and story["title"] == title
