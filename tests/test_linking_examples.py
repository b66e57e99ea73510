"""Issue 4 on the two example articles, through the real commands: one story, the
series with their updates, the reused paragraphs, the timeline and what's new, each in
the JSON shapes of ../shared/CONTRACT.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsledger.cli import main

from .conftest import EXAMPLES, run_cli

ANADOLU_DAY, TRT_DAY = "2024-03-19", "2024-03-26"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("linking") / "demo.db")
    done = invoke("ingest", "--db", db, "--quiet", str(EXAMPLES))
    assert done.exit_code == 0, done.output
    return db


def invoke(*args: str) -> Result:
    """The commands in this process (the console script itself is tested elsewhere)."""
    return CliRunner().invoke(main, list(args))


def cli_json(*args: str) -> Any:
    done = invoke(*args, "--json")
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def articles_by_day(db: str) -> dict[str, str]:
    return {a["published"]: a["id"] for a in cli_json("articles", "--db", db)}


def test_the_two_examples_are_one_story(demo_db: str) -> None:
    stories = cli_json("stories", "--db", demo_db)
    assert len(stories) == 1
    story = stories[0]
    assert set(story) >= {"story", "title", "first", "last", "articles", "outlets"}
    assert (story["first"], story["last"]) == (ANADOLU_DAY, TRT_DAY)
    assert sorted(story["outlets"]) == ["Anadolu Agency", "TRT World"]
    assert len(story["articles"]) == 2


def test_stories_of_files_without_a_store() -> None:
    done = run_cli("stories", str(EXAMPLES), "--jsonl")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(line["input"]).suffix for line in lines] == [".txt", ".txt"]
    assert len({line["story"] for line in lines}) == 1


def series_of(db: str, measure: str) -> dict[str, Any]:
    found = [s for s in cli_json("figures", "--db", db) if s["measure"] == measure
             and len(s["readings"]) > 1]
    assert len(found) == 1, found
    return found[0]


def test_killed_and_injured_are_updates(demo_db: str) -> None:
    killed = series_of(demo_db, "killed")
    assert [(r["value"], r["qualifier"], r["as_of"], r["status"])
            for r in killed["readings"]] == [
        (31800, "more_than", ANADOLU_DAY, "first"), (32414, "more_than", TRT_DAY, "update")]
    injured = series_of(demo_db, "injured")
    assert [(r["value"], r["status"]) for r in injured["readings"]] == [
        (74000, "first"), (74787, "update")]
    assert set(killed) == {"story", "measure", "subject", "place", "source", "readings"}


def test_the_release_breakdown_adds_up(demo_db: str) -> None:
    checks = cli_json("figures", "--sums", "--db", demo_db)
    assert [(c["total"], c["parts_sum"], c["status"]) for c in checks] == [
        (240, 240, "consistent")]


def test_shared_paragraphs_point_to_the_first_article(demo_db: str) -> None:
    days = articles_by_day(demo_db)
    passages = cli_json("reuse", "--db", demo_db)
    assert {p["origin"] for p in passages} == {days[ANADOLU_DAY]}
    assert {p["article"] for p in passages} == {days[TRT_DAY]}
    texts = " ".join(p["text"] for p in passages)
    assert "85 percent" in texts and "32,414" in texts


def test_timeline_runs_from_the_attack_to_the_second_report(demo_db: str) -> None:
    story = cli_json("stories", "--db", demo_db)[0]["story"]
    entries = cli_json("timeline", story, "--db", demo_db)
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates)
    assert (dates[0], dates[-1]) == ("2023-10-07", TRT_DAY)
    attack = [e for e in entries if e["type"] == "ASSAULT" and e["date"] == "2023-10-07"]
    assert len(attack) == 1 and len(attack[0]["sources"]) == 2  # one event, two reports
    resolution = [e for e in entries if e["type"] == "AGREE" and e["date"] == "2024-03-25"]
    assert resolution and "resolution" in resolution[0]["text"]


def test_what_the_second_article_adds(demo_db: str) -> None:
    days = articles_by_day(demo_db)
    new = cli_json("new", days[TRT_DAY], "--db", demo_db)
    assert set(new) >= {"article", "events", "figures", "quotes", "entities"}
    types = {(e["type"], e.get("date")) for e in new["events"]}
    assert ("AGREE", "2024-03-25") in types
    blame = [e for e in new["events"] if e["type"] == "ACCUSE"]
    assert any("Hamas" in e["actors"] for e in blame)
    assert any("Netanyahu" in " ".join(e["actors"]) for e in blame)
    assert {f["value"] for f in new["figures"]} == {32414, 74787}  # the repeats are not new
    assert "Netanyahu" in {e["entity"] for e in new["entities"]}
    assert "Majed al Ansari" not in {e["entity"] for e in new["entities"]}  # same person
    first = cli_json("new", days[ANADOLU_DAY], "--db", demo_db)
    assert len(first["events"]) > len(new["events"]) / 2  # the first report is all new


def test_listings_take_every_format(demo_db: str) -> None:
    story = cli_json("stories", "--db", demo_db)[0]["story"]
    for args in (("stories",), ("figures",), ("reuse",), ("timeline", story)):
        for fmt in ("--csv", "--table"):
            done = invoke(*args, "--db", demo_db, fmt)
            assert done.exit_code == 0 and done.stdout.strip(), (args, fmt, done.output)
    markdown = invoke("timeline", story, "--db", demo_db, "--md").stdout
    assert "| date | type | text | sources |" in markdown


def test_unknown_story_is_one_clear_line(demo_db: str) -> None:
    done = run_cli("timeline", "no-such-story", "--db", demo_db)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: no story with id") and "Traceback" not in done.stderr


def test_the_example_story_is_one_thread(demo_db: str) -> None:
    (story,) = cli_json("stories", "--db", demo_db)
    assert story["threads"] == 1
    (thread,) = cli_json("threads", story["story"][:12], "--db", demo_db)
    assert thread["story"] == story["story"]
    assert thread["articles"] == story["articles"]
    table = invoke("threads", story["story"], "--db", demo_db, "--csv")
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0] == "thread,first,last,size,outlets,title"
