"""JSON and JSON Lines reader: real BBC/NPR records, the field names of other dumps and
APIs, and bad lines among good ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsledger.ingest import read_data, read_inputs
from newsledger.records import Article, FailedInput, IngestResult
from newsledger.settings import load_settings

SAMPLE = Path(__file__).parent / "fixtures" / "jsonl" / "gaza-bbc-npr-2023.sample.jsonl"
NEWSLEDGER = Path(sys.executable).with_name("newsledger")
BODY = "Negotiators met in Doha on Tuesday to resume indirect talks, officials said."


def read(path: Path) -> list[IngestResult]:
    return list(read_inputs([str(path)], load_settings()))


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), "utf-8")
    return path


def only_article(results: list[IngestResult]) -> Article:
    assert len(results) == 1
    assert isinstance(results[0], Article), results[0]
    return results[0]


# --- the real sample -----------------------------------------------------------------------


def test_real_jsonl_lines_become_articles_named_by_line() -> None:
    results = read(SAMPLE)
    assert [r.input for r in results] == [f"{SAMPLE}:{n}" for n in (1, 2, 3, 4)]
    assert all(isinstance(r, Article) and r.format == "json" for r in results)


def test_real_bbc_record_metadata() -> None:
    first = read(SAMPLE)[0]
    assert isinstance(first, Article)
    assert first.title == "Israel-Gaza attacks: Glasgow's Jewish community holds vigil"
    assert first.source == "BBC News"
    assert first.published == "2023-10-11"
    assert first.url == "http://bbc.co.uk/news/uk-scotland-glasgow-west-67085047"
    assert first.language == "en"
    assert first.text.startswith("Glasgow's Jewish community has held a candle-lit vigil")


def test_real_npr_record_has_no_title_and_its_source_field_is_a_file_path() -> None:
    npr = read(SAMPLE)[2]
    assert isinstance(npr, Article)
    assert npr.title is None
    # "outlet" names the outlet; "source" in this dump is the file the text came from.
    assert npr.source == "NPR"
    assert all("article_" not in c.value for c in npr.candidates if c.field == "source")
    assert npr.dateline == "TEL AVIV, Israel"
    assert npr.published == "2023-11-11"


def test_real_live_blog_post_without_url() -> None:
    post = read(SAMPLE)[3]
    assert isinstance(post, Article)
    assert post.url is None
    assert post.title == "Hamas says 800,000 without access to health services in northern Gaza."
    assert post.published == "2023-12-06"


# --- bad lines -----------------------------------------------------------------------------


def test_one_bad_line_fails_alone(tmp_path: Path) -> None:
    good = SAMPLE.read_text("utf-8").splitlines()
    lines = [good[0], '{"title": "cut off", "text": "Half a rec', good[1], "",
             '{"title": "No body here"}', "[1, 2]", good[2]]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    results = read(path)
    assert [r.input for r in results] == [f"{path}:{n}" for n in (1, 2, 3, 5, 6, 7)]
    assert [type(r) for r in results] == [Article, FailedInput, Article, FailedInput,
                                          FailedInput, Article]
    assert results[1].error.startswith("invalid JSON: ")  # type: ignore[union-attr]
    assert results[3].error.startswith("no article text in the record")  # type: ignore[union-attr]
    assert results[4].error == "not an article record: a JSON list"  # type: ignore[union-attr]


def test_jsonl_content_in_a_json_file_is_read_line_by_line(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    # Named .json and handed to the JSON reader: the whole text does not parse, its lines do.
    results = list(read_data(str(tmp_path / "dump.json"), data, "json", load_settings()))
    assert len(results) == 4
    assert all(isinstance(r, Article) for r in results)
    assert results[0].input.endswith("dump.json:1")


def test_json_that_does_not_parse_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "title": "Talks",\n  "text": "unterminated\n}', "utf-8")
    results = read(path)
    assert len(results) == 1
    assert isinstance(results[0], FailedInput)
    assert results[0].input == str(path)
    assert results[0].error.startswith("invalid JSON: ")
    assert "line 3" in results[0].error


def test_json_without_records(tmp_path: Path) -> None:
    path = write_json(tmp_path / "config.json", {"version": 3, "settings": {"a": 1}})
    assert read(path) == [FailedInput(str(path), "JSON holds no article records")]


def test_single_record_without_text_says_so(tmp_path: Path) -> None:
    path = write_json(tmp_path / "title-only.json", {"title": "Talks resume", "url": "https://x.org/a"})
    (result,) = read(path)
    assert isinstance(result, FailedInput)
    assert result.input == str(path)
    assert result.error.startswith("no article text in the record (looked for: text, body")


def test_empty_json_list(tmp_path: Path) -> None:
    path = write_json(tmp_path / "none.json", [])
    assert read(path) == [FailedInput(str(path), "JSON holds no article records")]


# --- shapes and field names ----------------------------------------------------------------


def test_list_of_records_named_by_position(tmp_path: Path) -> None:
    path = write_json(tmp_path / "list.json", [
        {"title": "One", "text": BODY},
        {"title": "Two"},
        {"title": "Three", "body": BODY + " Again."},
    ])
    results = read(path)
    assert [r.input for r in results] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert [type(r) for r in results] == [Article, FailedInput, Article]


def test_single_object_is_one_article_named_by_the_file(tmp_path: Path) -> None:
    path = write_json(tmp_path / "one.json", {"headline": "Talks resume", "maintext": BODY,
                                              "date_publish": "2024-03-19 10:00:00"})
    article = only_article(read(path))
    assert article.input == str(path)
    assert article.title == "Talks resume"
    assert article.published == "2024-03-19"


def test_newsapi_shape_under_articles(tmp_path: Path) -> None:
    path = write_json(tmp_path / "newsapi.json", {"status": "ok", "articles": [{
        "source": {"id": "al-jazeera-english", "name": "Al Jazeera English"},
        "author": "By Jane Roe and John Doe",
        "title": "Truce talks resume in Doha",
        "description": "Mediators say gaps remain.",
        "url": "https://example.org/truce",
        "publishedAt": "2024-03-19T08:00:00Z",
        "content": BODY,
    }]})
    article = only_article(read(path))
    assert article.input == f"{path}#1"
    assert article.source == "Al Jazeera English"
    assert article.authors == ("Jane Roe", "John Doe")
    assert article.subtitle == "Mediators say gaps remain."
    assert article.url == "https://example.org/truce"
    assert article.published == "2024-03-19"


def test_records_nested_two_levels_down(tmp_path: Path) -> None:
    path = write_json(tmp_path / "api.json", {"data": {"items": [{"text": BODY}]}})
    assert only_article(read(path)).input == f"{path}#1"


def test_wordpress_shape_with_html_body_and_entities(tmp_path: Path) -> None:
    path = write_json(tmp_path / "wp.json", [{
        "title": {"rendered": "Qatar&#8217;s mediators return"},
        "content": {"rendered": "<p>DOHA, Qatar &#8212; Talks resumed.</p>\n"
                                "<p>More &amp; more.</p>"},
        "date": "2024-03-19T10:00:00",
        "modified": "2024-03-20T09:00:00",
        "link": "https://example.org/?p=12",
    }])
    article = only_article(read(path))
    assert article.title == "Qatar\u2019s mediators return"
    assert article.text == "DOHA, Qatar \u2014 Talks resumed.\n\nMore & more."
    assert article.dateline == "DOHA, Qatar"
    assert article.published == "2024-03-19"
    assert article.updated == "2024-03-20"


def test_authors_as_list_of_objects_language_and_epoch_dates(tmp_path: Path) -> None:
    path = write_json(tmp_path / "rec.json", {
        "text": BODY,
        "authors": [{"name": "Ahmed Asmar"}, {"name": "Jane Roe"}, {}],
        "lang": "en-US",
        "published": 1710842400,  # 2024-03-19 10:00 UTC, in seconds
        "updated": 1710928800000,  # 2024-03-20 10:00 UTC, in milliseconds
        "url": "/relative/link",
    })
    article = only_article(read(path))
    assert article.authors == ("Ahmed Asmar", "Jane Roe")
    assert article.language == "en"
    assert article.published == "2024-03-19"
    assert article.updated == "2024-03-20"
    assert article.url is None  # a relative link names no page


def test_paragraph_list_body(tmp_path: Path) -> None:
    path = write_json(tmp_path / "paras.json", {"text": ["First paragraph.", "Second one."]})
    assert only_article(read(path)).text == "First paragraph.\n\nSecond one."


def test_latin1_json_is_decoded(tmp_path: Path) -> None:
    # JSON should be UTF-8, but legacy dumps are not; the charset detector needs a real
    # paragraph to tell Latin-1 from Central European code pages.
    text = ("A eleição começou em São Paulo nesta segunda-feira, e os eleitores formaram "
            "filas nas seções desde cedo. O candidato do PSL não tem o mesmo desempenho "
            "nas simulações de segundo turno, segundo a pesquisa divulgada pela manhã.")
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps({"title": "Notícias", "text": text}, ensure_ascii=False)
                     .encode("latin-1"))
    article = only_article(read(path))
    assert article.title == "Notícias"
    assert article.text == text


# --- through the command line ---------------------------------------------------------------


def test_cli_reports_the_bad_line_and_exits_1(tmp_path: Path) -> None:
    good = SAMPLE.read_text("utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good[0], "{oops", good[1]]) + "\n", "utf-8")
    done = subprocess.run([str(NEWSLEDGER), "extract", str(path), "--jsonl"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert [r["input"] for r in records] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert [r["error"] is None for r in records] == [True, False, True]
    assert records[0]["source"] == "BBC News"
