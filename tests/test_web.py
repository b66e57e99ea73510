"""The web app (issue 5): every page and its JSON twin on a store of the two examples,
the highlighting of an article's findings (hand-made nested and overlapping spans too),
markup in an article shown as text, the store left unwritten, and `newsledger serve`
answering as a real server."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsledger.ingest import read_inputs
from newsledger.records import Article
from newsledger.settings import load_settings
from newsledger.store import Store
from newsledger.understand import understand
from newsledger.web.highlight import Mark, pieces

from .conftest import EXAMPLES, INJECTED, ROOT, write_hostile_article

with warnings.catch_warnings():  # starlette's notice about its httpx client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from newsledger.web.app import create_app



def build_store(path: Path, inputs: list[str], source: str | None = None) -> Path:
    """A store holding the inputs, closed again: the app opens it read-only."""
    settings = load_settings({"db": str(path), "source": source},
                             config=path.with_suffix(".toml"))
    with Store.open(settings.db) as store:
        for article in read_inputs(inputs, settings):
            assert isinstance(article, Article), article
            store.add(article, understand(article))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "examples.db", [str(EXAMPLES)])


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db))) as opened:
        yield opened


@pytest.fixture(scope="module")
def story(client: TestClient) -> dict[str, Any]:
    (only,) = client.get("/api/stories").json()["stories"]
    return dict(only)


@pytest.fixture(scope="module")
def story_html(client: TestClient, story: dict[str, Any]) -> str:
    page = client.get(f"/stories/{story['story']}")
    assert page.status_code == 200
    return page.text


def ok(client: TestClient, path: str) -> httpx.Response:
    response = client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return response


def visible(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def article_text_block(html: str) -> str:
    return html.split('<div class="article-text">')[1].split("</div>")[0]


# -- stories and search ------------------------------------------------------------------

def test_story_list_and_its_twin(client: TestClient, story: dict[str, Any]) -> None:
    assert len(story["articles"]) == 2
    page = ok(client, "/").text
    assert f'href="/stories/{story["story"]}"' in page
    assert unescape(story["title"]) in unescape(page)


def test_search_maps_matching_articles_to_their_story(client: TestClient,
                                                      story: dict[str, Any]) -> None:
    found = ok(client, "/api/stories?q=Ansari").json()["stories"]
    assert [s["story"] for s in found] == [story["story"]]
    assert {m["id"] for m in found[0]["matches"]} == set(story["articles"])
    assert ok(client, "/api/stories?q=zzyzzyva").json()["stories"] == []
    # not FTS5 syntax: searched as a phrase instead of failing
    assert ok(client, '/api/stories?q=U.S.-led "talks').json()["stories"] == []
    assert "Stories matching" in ok(client, "/?q=truce").text


def test_search_by_part_of_a_title(client: TestClient, story: dict[str, Any]) -> None:
    words = story["title"].split()
    part = " ".join(words[1:3])
    assert [s["story"] for s in ok(client, f"/api/stories?q={part}").json()["stories"]] \
        == [story["story"]]


# -- the story page ----------------------------------------------------------------------

def test_story_page_and_twin(client: TestClient, story: dict[str, Any], story_html: str) -> None:
    view = ok(client, f"/api/stories/{story['story']}").json()
    dates = [entry["date"] for entry in view["timeline"] if entry["date"]]
    assert (dates[0], dates[-1]) == ("2023-10-07", "2024-03-26")
    for date in ("2023-10-07", "2024-03-19", "2024-03-26"):
        assert f'<td class="date">{date}</td>' in story_html
    assert "killed: Palestinians in Gaza" in story_html
    assert "sentences" not in view["articles"][0]  # the text is on the article pages


def chart_specs(html: str) -> list[dict[str, Any]]:
    return [json.loads(block) for block in re.findall(
        r'<script type="application/json" class="chart-spec"[^>]*>(.*?)</script>', html, re.S)]


def test_each_series_is_a_chart_spec_with_one_row_per_reading(
        client: TestClient, story: dict[str, Any], story_html: str) -> None:
    view = ok(client, f"/api/stories/{story['story']}").json()
    specs = chart_specs(story_html)
    assert len(specs) == len(view["series"]) > 0
    killed = next(spec for spec in specs if spec["title"] == "killed: Palestinians in Gaza")
    rows = killed["datasets"]["readings"]
    assert len(rows) == 2 and [r["status"] for r in rows] == ["first", "update"]
    for spec, series in zip(specs, view["series"], strict=True):
        assert len(spec["datasets"]["readings"]) == len(series["readings"])
        assert all(r["href"].startswith("/articles/") for r in spec["datasets"]["readings"])
    assert re.findall(r'data-readings="(\d+)"', story_html)


def test_page_loads_its_scripts_from_the_app_only(client: TestClient, story_html: str) -> None:
    sources = re.findall(r'<script[^>]*\ssrc="([^"]+)"', story_html)
    assert sources == ["/vega.js", "/static/charts.js"]
    assert not re.search(r'(src|href)="(https?:)?//', story_html)
    bundle = ok(client, "/vega.js")
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert "window.vegaEmbed" in bundle.text
    assert "vegaEmbed(" in ok(client, "/static/charts.js").text


def test_every_sentence_link_lands_on_an_anchor_of_its_article(
        client: TestClient, story_html: str) -> None:
    links = set(re.findall(r'href="/articles/([0-9a-f]+)#(a-[^"]+)"', story_html))
    assert len(links) > 20
    anchors: dict[str, set[str]] = {}
    for article, anchor in links:
        if article not in anchors:
            anchors[article] = set(re.findall(r'\bid="([^"]+)"',
                                              ok(client, f"/articles/{article}").text))
        assert anchor in anchors[article], anchor


def test_speakers_link_to_their_page(story_html: str) -> None:
    assert '<a href="/speakers/Majed%20Al-Ansari">Majed Al-Ansari</a>' in story_html


# -- the article page --------------------------------------------------------------------

def test_article_page_highlights_findings_with_their_values(
        client: TestClient, story: dict[str, Any]) -> None:
    for article in story["articles"]:
        record = ok(client, f"/api/articles/{article}").json()
        block = article_text_block(ok(client, f"/articles/{article}").text)
        assert visible(block) == record["text"]
        assert block.count("<span") == block.count("</span>")
        for time_ in record["times"]:
            assert f'class="time" title="{time_["type"]} {time_["value"]}"' in block
        assert block.count('class="quote"') >= len(record["quotes"])
        assert block.count('class="ent"') >= len(record["entities"])
        for sentence in record["sentences"]:
            assert f'id="{sentence["anchor"]}"' in block


def test_figures_show_value_qualifier_and_measure_on_hover(
        client: TestClient, story: dict[str, Any]) -> None:
    titles = [unescape(t) for article in story["articles"] for t in re.findall(
        r'class="fig" title="([^"]+)"', ok(client, f"/articles/{article}").text)]
    assert any(t.startswith("killed: more than 32414 person (Palestinians)") for t in titles)
    assert any("as of 2024-03-26" in t for t in titles)


# -- the speaker page --------------------------------------------------------------------

def test_speaker_page_calls_an_untitled_story_by_its_first_line(tmp_path: Path) -> None:
    """As the story lists do (NPR's live pages give no titles)."""
    from newsledger.web.pages import speaker_page

    text = ("The council voted to close the bridge for repairs on Monday.\n\n"
            "\"The bridge is no longer safe for lorries,\" said Jane Doe, the council's"
            " head of roads.")
    article = Article(id="untitled-1", input="a.txt", text=text, language="en")
    with Store.open(str(tmp_path / "s.db")) as store:
        store.add(article, understand(article))
        groups = speaker_page(store, "Jane Doe")["stories"]
    assert [group["title"] for group in groups] == [
        "The council voted to close the bridge for repairs on Monday."]


def test_speaker_page_has_quotes_from_both_articles(client: TestClient,
                                                   story: dict[str, Any]) -> None:
    page = ok(client, "/api/speakers/Majed Al-Ansari").json()
    assert page["name"] == "Majed Al-Ansari"
    (group,) = page["stories"]
    assert group["story"] == story["story"]
    assert {q["article"] for q in group["quotes"]} == set(story["articles"])
    assert {q["outlet"] for q in group["quotes"]} == {"Anadolu Agency", "TRT World"}
    assert {"Majed Al-Ansari", "Majed al Ansari"} <= set(page["spellings"])
    # any spelling finds the same person
    other = "Majed al Ansari"
    assert ok(client, f"/api/speakers/{other}").json()["stories"] == page["stories"]
    html = ok(client, "/speakers/Majed%20Al-Ansari").text
    assert html.count('<blockquote class="quote">') == len(group["quotes"])
    assert "TRT World" in html and "Anadolu Agency" in html


# -- the API description and errors ------------------------------------------------------

def test_openapi_lists_every_page_and_twin(client: TestClient) -> None:
    paths = ok(client, "/openapi.json").json()["paths"]
    for path in ("/", "/api/stories", "/stories/{story}", "/api/stories/{story}",
                 "/articles/{article}", "/api/articles/{article}", "/speakers/{name}",
                 "/api/speakers/{name}"):
        assert path in paths


@pytest.mark.parametrize("path", ["/stories/story-nope", "/api/stories/story-nope",
                                  "/articles/ffff0000", "/api/articles/ffff0000",
                                  "/speakers/Nobody Ever Quoted", "/api/speakers/Nobody"])
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert response.json()["error"] == "NL400"
    else:
        assert "<h1>no " in response.text


# -- safety: markup shown as text, the store never written --------------------------------

def test_markup_in_an_article_is_shown_as_text(tmp_path: Path) -> None:
    page = write_hostile_article(tmp_path)
    db = build_store(tmp_path / "hostile.db", [str(page)], source="<img src=x onerror=alert(2)>")
    with TestClient(create_app(str(db))) as client:
        (story,) = client.get("/api/stories").json()["stories"]
        (article,) = story["articles"]
        pages = [ok(client, path).text for path in
                 ("/", f"/stories/{story['story']}", f"/articles/{article}")]
    for html in pages:
        assert "<b>" not in html and "<img" not in html
        assert not re.search(r"<script>(?!\s*$)", html)
    shown = visible(article_text_block(pages[2]))
    assert INJECTED in shown and "<b>bold</b>" in shown
    assert "&lt;script&gt;alert(" in pages[2] and "&lt;b&gt;bold&lt;/b&gt;" in pages[2]
    assert "<script>alert" not in "".join(pages)


def test_the_store_is_never_written(db: Path, client: TestClient,
                                    story: dict[str, Any]) -> None:
    before = (db.stat().st_mtime_ns, db.stat().st_size)
    for path in ("/", "/?q=talks", f"/stories/{story['story']}",
                 f"/articles/{story['articles'][0]}", "/speakers/Majed Al-Ansari"):
        ok(client, path)
    assert (db.stat().st_mtime_ns, db.stat().st_size) == before
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with client.app.state.open_store() as store:  # type: ignore[attr-defined]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.connection.execute("DELETE FROM articles")
        assert store.count() == 2


# -- highlighting, by hand -----------------------------------------------------------------

def render(text: str, marks: list[Mark]) -> str:
    out = []
    for piece in pieces(text, marks):
        if piece.op == "text":
            out.append(piece.text)
        elif piece.op == "open":
            assert piece.mark is not None
            anchor = f"#{piece.mark.anchor}" if piece.first and piece.mark.anchor else ""
            out.append(f"[{piece.mark.kind}{anchor}:")
        else:
            out.append("]")
    return "".join(out)


def test_nested_marks_nest() -> None:
    text = "He said more than 40 died."
    marks = [Mark(8, 25, "quote"), Mark(8, 20, "fig"), Mark(0, 26, "s", anchor="s0")]
    assert render(text, marks) == "[s#s0:He said [quote:[fig:more than 40] died]" + ".]"


def test_overlapping_marks_are_split_and_the_anchor_kept_once() -> None:
    text = "One two. Three four."
    marks = [Mark(0, 9, "s", anchor="s0"), Mark(9, 20, "s", anchor="s1"),
             Mark(4, 14, "quote")]
    assert render(text, marks) == "[s#s0:One [quote:two. ]][s#s1:[quote:Three] four.]"


def test_marks_outside_the_text_or_empty_are_dropped() -> None:
    text = "Short."
    marks = [Mark(3, 3, "ent"), Mark(4, 99, "time"), Mark(-5, 2, "ent")]
    assert render(text, marks) == "[ent:Sh]or[time:t.]"
    assert render("", marks) == ""


# -- the command ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_as_a_real_server(db: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsledger.cli", "serve", "--db", str(db),
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        page = _wait_for(f"http://127.0.0.1:{port}/", server)
        assert page.status_code == 200 and "Stories" in page.text
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_for(url: str, server: subprocess.Popen[str], seconds: float = 60) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped: {server.stderr.read() if server.stderr else ''}")
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"no answer from {url} in {seconds} s")


def test_chart_specs_draw_one_mark_per_reading(story_html: str) -> None:
    """What the browser's Vega draws, drawn here by the same Vega (vl-convert)."""
    import vl_convert

    for spec in chart_specs(story_html):
        svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
        marks = re.search(r'<g class="mark-symbol role-mark readings_marks"[^>]*>(.*?)</g>',
                          svg, re.S)
        assert marks, spec["title"]
        assert marks.group(1).count("<path") == len(spec["datasets"]["readings"])
        # vl-convert prefixes its own base URL; a browser's Vega keeps the path as written
        assert re.search(r'href="[^"]*/articles/[0-9a-f]+#a-[0-9a-f]+-s-\d+"', svg)
