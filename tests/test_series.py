"""Figure series across articles (updates, repeats, revisions, conflicts reasoned on
intervals) and breakdown sums inside one article: on the two examples through the real
ingest and understanding, and on hand-made rows of every kind."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsledger.ingest import read_inputs
from newsledger.link.series import build_series, check_sums, moved_as_added, series_to_contract
from newsledger.link.series_values import holds_for, interval
from newsledger.settings import load_settings
from newsledger.store import Store
from newsledger.understand import understand

from .conftest import ANADOLU, TRT


@pytest.fixture(scope="module")
def examples(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Both examples stored with their findings; parsed once for the module."""
    folder: Path = tmp_path_factory.mktemp("series")
    settings = load_settings({"db": str(folder / "s.db")}, config=folder / "none.toml")
    with Store.open(settings.db) as store:
        for path in (ANADOLU, TRT):
            (article,) = list(read_inputs([str(path)], settings))
            store.add(article, understand(article))
        yield store.findings("figures"), store.findings("entities")


def one(series, measure: str):  # type: ignore[no-untyped-def]
    found = [s for s in series if s.measure == measure and len(s.readings) > 1]
    assert len(found) == 1, [series_to_contract(s) for s in found]
    return found[0]


def test_the_examples_tolls_are_updates(examples):  # type: ignore[no-untyped-def]
    figures, entities = examples
    series = build_series(figures, "story", entities)
    killed = series_to_contract(one(series, "killed"))
    assert [(r["value"], r["qualifier"], r["as_of"], r["status"]) for r in killed["readings"]] \
        == [(31800, "more_than", "2024-03-19", "first"),
            (32414, "more_than", "2024-03-26", "update")]
    assert killed["story"] == "story" and killed["place"] == "Gaza"
    injured = series_to_contract(one(series, "injured"))
    assert [(r["value"], r["status"]) for r in injured["readings"]] \
        == [(74000, "first"), (74787, "update")]


def test_the_toll_of_the_october_attack_is_not_the_gaza_toll(examples
                                                             ):  # type: ignore[no-untyped-def]
    figures, entities = examples
    killed = one(build_series(figures, None, entities), "killed")
    assert 1200 not in [r.value for r in killed.readings]


def test_the_examples_release_adds_up(examples):  # type: ignore[no-untyped-def]
    figures, _ = examples
    (check,) = check_sums(figures)
    assert (check.total, check.parts_sum, check.status) == (240, 240, "consistent")
    assert check.parts == ("71 women", "169 children")


def row(article: str, value: Any, qualifier: str = "exact", day: str = "2024-01-01",
        source: str | None = None, outlet: str = "Wire", subject: str = "people",
        measure: str = "killed", place: str | None = "Gaza") -> dict[str, Any]:
    text = f"{value} {subject}"
    return {"article": article, "published": day, "outlet": outlet, "start": 0,
            "end": len(text), "text": text, "value": value, "qualifier": qualifier,
            "unit": "person", "subject": subject, "measure": measure, "source": source,
            "as_of": day, "sentence": 0, "sentence_text": text, "place": place,
            "confidence": 0.7}


def statuses(*rows: dict[str, Any]) -> list[tuple[Any, str]]:
    (series,) = build_series(rows)
    return [(r.value, r.status) for r in series.readings]


def test_a_toll_that_grows_is_an_update_and_one_that_falls_a_revision():
    assert statuses(row("a", 500), row("b", 640, day="2024-01-02"),
                    row("c", 600, day="2024-01-03")) \
        == [(500, "first"), (640, "update"), (600, "revision")]


def test_the_same_value_later_is_a_repeat():
    assert statuses(row("a", 500), row("b", 500, day="2024-01-05")) \
        == [(500, "first"), (500, "repeat")]


def test_compatible_bounds_on_one_day_are_a_repeat_not_a_conflict():
    assert statuses(row("a", 31800, "more_than", outlet="One"),
                    row("b", 31819, "more_than", outlet="Two")) \
        == [(31800, "first"), (31819, "repeat")]


def test_incompatible_values_on_one_day_from_two_sources_conflict():
    assert statuses(row("a", 500, source="the army"), row("b", 2000, source="medics")) \
        == [(500, "first"), (2000, "conflict")]


def test_one_source_correcting_itself_on_one_day_is_no_conflict():
    assert statuses(row("a", 500, source="medics"), row("b", 2000, source="medics")) \
        == [(500, "first"), (2000, "update")]


def test_almost_then_over_is_an_update_and_a_range_compares_by_its_ends():
    assert statuses(row("a", 74000, "nearly"), row("b", 74787, "more_than", day="2024-01-08"),
                    row("c", [70000, 72000], day="2024-01-09")) \
        == [(74000, "first"), (74787, "update"), ((70000, 72000), "revision")]


def test_readings_are_ordered_by_the_day_they_hold_for():
    late = row("a", 900, day="2024-01-09")
    early = dict(row("b", 700, day="2024-01-09"), as_of="2024-01-02")
    assert statuses(late, early) == [(700, "first"), (900, "update")]


def test_people_and_a_group_counted_in_a_place_are_one_series_other_groups_not():
    rows = [row("a", 100, subject="Palestinians"), row("b", 120, subject="Palestinians",
                                                       day="2024-01-02"),
            row("c", 150, subject="people", day="2024-01-03"),
            row("d", 160, subject="Palestinians", day="2024-01-04", place=None),
            row("e", 30, subject="Israelis", place=None), row("f", 40, subject="children"),
            row("g", 50, measure="injured")]
    series = build_series(rows)
    main = series[0]
    assert [r.article for r in main.readings] == ["a", "b", "c", "d"]
    assert main.subject == "Palestinians" and main.place == "Gaza"
    assert len(series) == 4


def test_a_series_names_the_source_most_readings_cite():
    (series,) = build_series([row("a", 1, source="UN"), row("b", 2, source="UN"),
                              row("c", 3, source="army")])
    assert series.source == "UN"


def test_qualifiers_as_intervals():
    assert interval(31800, "more_than") == (31800, math.inf)
    low, high = interval(74000, "nearly")
    assert 60000 < low < 74000 == high
    assert interval(37, "exact") == (37, 37)
    assert interval([20, 30], "about") == (20, 30)


def test_the_day_a_reading_holds_for():
    assert holds_for("2024-03-19", "2024-03-26") == "2024-03-19"
    assert holds_for("2024-03", "2024-03-26") == "2024-03-26"
    assert holds_for("2023-11", "2024-03-26") == "2023-11-01"
    assert holds_for(None, "2024-03-26") == "2024-03-26"
    assert holds_for("2023-10-07", "2023-12-01", "killed since 7 October") == "2023-12-01"


def sentence_rows(sentence: str, *figures: tuple[str, float, str]) -> list[dict[str, Any]]:
    return [{"article": "a", "sentence": 0, "start": sentence.index(text),
             "end": sentence.index(text) + len(text), "text": text, "value": value,
             "qualifier": qualifier, "unit": "person", "measure": "released",
             "sentence_text": sentence} for text, value, qualifier in figures]


def test_breakdowns_that_overflow_or_fall_short():
    over = sentence_rows("It freed 100 prisoners, including 70 women and 50 children.",
                         ("100 prisoners", 100, "exact"), ("70 women", 70, "exact"),
                         ("50 children", 50, "exact"))
    short = sentence_rows("It freed 100 prisoners, among them 20 women and 30 children.",
                          ("100 prisoners", 100, "exact"), ("20 women", 20, "exact"),
                          ("30 children", 30, "exact"))
    listed = sentence_rows("It freed 100 prisoners and 20 women and 30 children.",
                           ("100 prisoners", 100, "exact"), ("20 women", 20, "exact"),
                           ("30 children", 30, "exact"))
    assert [c.status for c in check_sums(over)] == ["inconsistent"]
    assert [c.status for c in check_sums(short)] == ["partial"]
    assert check_sums(listed) == []


def new_on_each_prefix(rows: list[dict[str, Any]], order: list[str]
                       ) -> dict[str, set[tuple[str, int | None]]]:
    """What `build_series` on each prefix of the story says the prefix's last article
    moved: the readings of it that are not repeats."""
    found = {}
    for n, article in enumerate(order):
        prefix = [r for r in rows if r["article"] in order[:n]]
        prefix += [r for r in rows if r["article"] == article]
        found[article] = {(r.article, r.start) for series in build_series(prefix)
                          for r in series.readings
                          if r.article == article and r.status != "repeat"}
    return found


def test_a_group_whose_home_moves_as_articles_come_in_is_classed_as_on_each_prefix():
    # Palestinians are counted in the West Bank first, then as often in Gaza (a tie: the
    # place named first wins), then more often in Gaza: from article d on they are the
    # people of Gaza, c's toll joins b's series, and d's lower toll is a revision of it.
    rows = [row("a", 100, subject="Palestinians", place="West Bank"),
            row("b", 500, day="2024-01-02"),
            row("c", 520, subject="Palestinians", day="2024-01-03"),
            row("d", 500, subject="Palestinians", day="2024-01-04"),
            row("e", 500, subject="Palestinians", day="2024-01-05", place=None),
            row("f", 500, subject="Gazans", day="2024-01-05", place=None),
            row("f", 20, subject="Israelis", day="2024-01-05", place=None)]
    order = ["a", "b", "c", "d", "e", "f"]
    moved = moved_as_added(rows, [], order)
    assert moved == new_on_each_prefix(rows, order)
    assert (moved["c"], moved["d"], moved["e"], moved["f"]) \
        == ({("c", 0)}, {("d", 0)}, set(), {("f", 0)})
    for article in order:
        assert moved_as_added(rows, [], order, only=article) == {article: moved[article]}


SUBJECTS = st.sampled_from(["Palestinians", "Palestinians", "Gazans", "Israelis", "people"])
PLACES = st.sampled_from(["Gaza", "Gaza Strip", "West Bank", "Israel", None])


@st.composite
def stories(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[str]]:
    """Figure rows of a few articles, listed in any order (not always the story's)."""
    rows = [row(draw(st.sampled_from("abcde")), draw(st.integers(1, 3)) * 100,
                day=f"2024-01-0{draw(st.integers(1, 3))}", subject=draw(SUBJECTS),
                place=draw(PLACES), source=draw(st.sampled_from([None, "UN"])))
            for _ in range(draw(st.integers(1, 12)))]
    return listed(*rows), draw(st.permutations(sorted({r["article"] for r in rows})))


def listed(*rows: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(found, start=start) for start, found in enumerate(rows)]


@given(stories())
# Listed out of story order: a's Israelis, listed first, come after c's in the story,
# and so are the Israelis first seen once a is in.
@example((listed(row("a", 100, subject="Israelis"), row("b", 200, subject="Palestinians"),
                 row("c", 100, subject="Israelis", place="West Bank"),
                 row("d", 200, subject="Palestinians", place=None)), ["b", "c", "a", "d"]))
def test_the_story_walk_classes_each_article_as_build_series_on_its_prefix(
        story: tuple[list[dict[str, Any]], list[str]]) -> None:
    rows, order = story
    moved = moved_as_added(rows, [], order)
    assert moved == new_on_each_prefix(rows, order)
    last = order[-1]
    assert moved_as_added(rows, [], order, only=last) == {last: moved[last]}
