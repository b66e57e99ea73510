"""The story report (issue 5): the story view's data, the self-contained HTML page, the
Markdown and JSON twins and the `report` command, on the two examples and on a hand-made
article that carries markup."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.ingest import read_inputs
from newsledger.present.report import render_report
from newsledger.present.story_view import story_view
from newsledger.records import Article
from newsledger.settings import load_settings
from newsledger.store import Store
from newsledger.understand import understand

from .conftest import EXAMPLES, write_hostile_article

HOSTILE_OUTLET = "<img src=x onerror=alert(2)>"


def fill_store(path: Path, inputs: list[str], source: str | None = None) -> Store:
    settings = load_settings({"db": str(path), "source": source},
                             config=path.with_suffix(".toml"))
    store = Store.open(settings.db)
    for article in read_inputs(inputs, settings):
        assert isinstance(article, Article), article
        store.add(article, understand(article))
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with fill_store(tmp_path_factory.mktemp("report") / "examples.db",
                    [str(EXAMPLES)]) as opened:
        yield opened


@pytest.fixture(scope="module")
def story(store: Store) -> str:
    (only,) = store.stories()
    return str(only["story"])


@pytest.fixture(scope="module")
def view(store: Store, story: str) -> dict[str, Any]:
    return story_view(store, story)


@pytest.fixture(scope="module")
def html(view: dict[str, Any]) -> str:
    return render_report(view, "html")


def series_named(view: dict[str, Any], measure: str, subject: str) -> dict[str, Any]:
    (found,) = [s for s in view["series"] if s["measure"] == measure and s["subject"] == subject]
    return found


def chart_marks(html: str) -> dict[str, int]:
    """Series heading -> the number of reading marks its chart drew."""
    counts = {}
    for block in html.split('<div class="series"')[1:]:
        heading = re.search(r"<h3>(.*?)[<\n]", block)
        marks = re.search(r'<g class="mark-symbol role-mark readings_marks"[^>]*>(.*?)</g>',
                          block, re.S)
        assert heading and marks, block[:300]
        counts[unescape(heading.group(1).strip())] = marks.group(1).count("<path")
    return counts


# -- the story view ------------------------------------------------------------------------

def test_view_is_json_and_covers_the_story(view: dict[str, Any]) -> None:
    assert json.loads(json.dumps(view)) == view
    assert view["story"]["size"] == 2
    assert [a["published"] for a in view["articles"]] == ["2024-03-19", "2024-03-26"]
    assert {o["outlet"] for o in view["outlets"]} == set(view["story"]["outlets"])


def test_timeline_runs_from_the_attack_to_the_second_report(view: dict[str, Any]) -> None:
    dates = [entry["date"] for entry in view["timeline"] if entry["date"]]
    assert (dates[0], dates[-1]) == ("2023-10-07", "2024-03-26")


def test_toll_series_have_two_readings_each_an_update(view: dict[str, Any]) -> None:
    for measure in ("killed", "injured"):
        readings = series_named(view, measure, "Palestinians")["readings"]
        assert [r["status"] for r in readings] == ["first", "update"]
        assert readings[-1]["qualifier"] == "more_than" and readings[-1]["high"] is None


def test_quotes_of_one_speaker_across_spellings_are_one_group(view: dict[str, Any]) -> None:
    (ansari,) = [g for g in view["speakers"] if g["name"] == "Majed Al-Ansari"]
    assert len(ansari["spellings"]) == 2
    assert set(ansari["outlets"]) == {"Anadolu Agency", "TRT World"}
    assert not [g for g in view["speakers"] if g["name"] and "ansari" in g["name"].lower()
                and g is not ansari]


def test_reuse_says_who_took_from_whom(view: dict[str, Any]) -> None:
    assert view["reuse"]["pairs"] == [{"outlet": "TRT World", "from": "Anadolu Agency",
                                       "passages": len(view["reuse"]["passages"])}]
    assert view["reuse"]["passages"]


def test_only_the_later_article_adds_nothing_it_repeats(view: dict[str, Any]) -> None:
    first, second = view["added"]
    assert first["figures"] and first["quotes"]
    added_figures = " ".join(item["text"] for item in second["figures"])
    assert "32,414" in added_figures and "85" not in added_figures


def every_link(view: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for entry in view["timeline"]:
        yield from entry["links"]
    for series in view["series"]:
        yield from (r["link"] for r in series["readings"])
    for speaker in view["speakers"]:
        yield from (q["link"] for q in speaker["quotes"])
    for passage in view["reuse"]["passages"]:
        yield from filter(None, (passage["link"], passage["origin_link"]))
    for added in view["added"]:
        for kind in ("events", "figures", "quotes", "entities"):
            yield from (item["link"] for item in added[kind])


def test_every_item_points_into_its_sentence(view: dict[str, Any]) -> None:
    sentences = {s["anchor"]: s for a in view["articles"] for s in a["sentences"]}
    links = list(every_link(view))
    assert len(links) > 50
    for link in links:
        sentence = sentences[link["anchor"]]
        if link["start"] is not None:
            assert sentence["start"] <= link["start"] < sentence["end"] + len(sentence["after"])


def test_sentences_give_back_the_article_text(store: Store, view: dict[str, Any]) -> None:
    for article in view["articles"]:
        text = store.article(article["id"])["text"]
        rebuilt = "".join(s["text"] + s["after"] for s in article["sentences"])
        assert text.endswith(rebuilt) and len(rebuilt) > 0.95 * len(text)


# -- the HTML page --------------------------------------------------------------------------

def test_page_needs_nothing_from_elsewhere(html: str) -> None:
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", html, re.I)
    assert not re.search(r"<(script|link|iframe|object|embed)\b", html, re.I)
    assert not re.search(r"@import|@font-face|url\((?!#)", html, re.I)
    assert not re.search(r'\ssrc="', html)


def test_every_series_is_a_chart_with_one_mark_per_reading(view: dict[str, Any],
                                                           html: str) -> None:
    marks = chart_marks(html)
    assert len(marks) == len(view["series"])
    assert marks["killed: Palestinians in Gaza"] == 2
    assert marks["injured: Palestinians in Gaza"] == 2
    for series in view["series"]:
        assert marks[series["label"]] == len(series["readings"])


def test_chart_element_ids_are_unique_in_the_page(html: str) -> None:
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_links_in_the_page_land_on_an_anchor(html: str) -> None:
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = re.findall(r'href="#([^"]*)"', html)
    assert len(targets) > 50
    assert set(targets) <= ids
    assert any(t.startswith("a-") and "-s-" in t for t in targets)


def test_page_sections_and_speaker_grouping(html: str) -> None:
    for section in ("timeline", "figures", "quotes", "outlets", "added", "articles"):
        assert f'<section id="{section}">' in html
    quotes = html.split('<section id="quotes">')[1].split("</section>")[0]
    ansari = quotes.split("<h3>Majed Al-Ansari")[1].split('<div class="speaker">')[0]
    assert "TRT World" in ansari and "Anadolu Agency" in ansari
    assert ":target" in html


def test_markup_in_an_article_is_shown_as_text(tmp_path: Path) -> None:
    page = write_hostile_article(tmp_path)
    with fill_store(tmp_path / "hostile.db", [str(page)], source=HOSTILE_OUTLET) as hostile:
        (only,) = hostile.stories()
        html = render_report(story_view(hostile, only["story"]), "html")
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert chart_marks(html) and "onerror=alert(2)" in html.replace("&#x3D;", "=")


# -- Markdown, JSON and the command -----------------------------------------------------------

def test_markdown_has_the_sections_and_the_readings(view: dict[str, Any]) -> None:
    text = render_report(view, "md")
    for heading in ("## Timeline", "## Figures", "## Who said what", "## Articles",
                    "## Outlets and what they took from each other",
                    "## What each article added", "### Majed Al-Ansari"):
        assert heading in text
    killed = text.split("### killed: Palestinians in Gaza")[1].split("###")[0]
    assert len(re.findall(r"^\| 2024-03-\d\d \|", killed, re.M)) == 2
    assert "(#a-" in text


def test_command_writes_each_format(store: Store, story: str, tmp_path: Path) -> None:
    db = store.path
    out = tmp_path / "out" / "story.html"
    done = CliRunner().invoke(main, ["report", story[:12], "--db", db, "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    as_json = CliRunner().invoke(main, ["report", story, "--db", db, "--format", "json"])
    assert json.loads(as_json.stdout)["story"]["id"] == story
    as_md = CliRunner().invoke(main, ["report", story, "--db", db, "--format", "md"])
    assert as_md.stdout.startswith("# ")


def test_unknown_story_is_one_clear_line(store: Store) -> None:
    done = CliRunner().invoke(main, ["report", "story-nope", "--db", store.path])
    assert done.exit_code == 2 and "no story" in done.output


@pytest.mark.parametrize(("qualifiers", "moving"), [
    (("exact",), ()), (("more than", "range"), ("update",)),
    (("about", "exact", "less than", "up to"), ("conflict", "revision", "update"))])
def test_a_chart_layout_is_the_one_altair_builds(qualifiers: tuple[str, ...],
                                                 moving: tuple[str, ...]) -> None:
    """Layouts are made from one Altair build with their scales set: the same spec as
    Altair gives for those qualifiers and statuses."""
    from newsledger.present import chart_layers, charts

    assert json.loads(charts._layout(qualifiers, moving)) \
        == json.loads(chart_layers.altair_layout(qualifiers, moving))
