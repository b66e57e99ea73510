"""Feeds reader: real RSS 2.0, Atom, RSS 1.0, JSON Feed and Latin-1 feeds, plus broken ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.ingest import read_inputs
from newsledger.records import Article, Candidate, FailedInput, IngestResult
from newsledger.settings import load_settings

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
NEWSLEDGER = Path(sys.executable).with_name("newsledger")


def read(path: Path) -> list[IngestResult]:
    return list(read_inputs([str(path)], load_settings()))


def articles(results: list[IngestResult]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def rss(items: str, channel: str = "<title>Test Wire</title>") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{channel}'
            f"{items}</channel></rss>").encode()


def item(body: str, pub_date: str = "Tue, 19 Mar 2024 10:00:00 +0000") -> str:
    return (f"<item><title>Talks resume</title><link>https://example.org/a</link>"
            f"<pubDate>{pub_date}</pubDate><description>{body}</description></item>")


BODY = "Negotiators met in Doha on Tuesday to resume indirect talks."


# --- real feeds ---------------------------------------------------------------------------


def test_rss2_entries_carry_title_url_date_author_and_feed_title() -> None:
    results = read(FEEDS / "guardian-us.rss")
    assert len(results) == 3 and all(isinstance(r, Article) for r in results)
    first = results[0]
    assert isinstance(first, Article)
    assert first.input == f"{FEEDS / 'guardian-us.rss'}#1"
    assert first.title == "Trump State of the Union address promised unity but emphasized discord"
    assert first.url == ("https://www.theguardian.com/us-news/2018/jan/31/"
                         "donald-trump-state-of-the-union-address-unity-discord")
    assert first.published == "2018-01-31"
    assert first.authors == ("David Smith in Washington",)
    assert first.source == "The Guardian"
    assert first.format == "feed"


def test_rss2_html_description_becomes_paragraphs_without_markup() -> None:
    first = articles(read(FEEDS / "guardian-us.rss"))[0]
    assert "\n\n" in first.text
    assert "Donald Trump has promised" in first.text
    assert "<p>" not in first.text and "&lt;" not in first.text


def test_atom_body_is_the_full_content_not_the_summary() -> None:
    first = articles(read(FEEDS / "heise-developer.de.atom"))[0]
    assert first.title == "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei"
    assert first.published == "2016-02-01"
    assert first.updated == "2016-02-01"
    assert first.language == "de"
    assert first.url and first.url.startswith("http://www.heise.de/developer/meldung/")
    # atom:content (an image link, then the paragraph) is fuller than the summary, but its
    # text is the summary's: the body keeps the text only, and no subtitle repeats it.
    assert first.text.startswith("Die nun verfügbare Version 10 des Enterprise-Java-Servers")
    assert first.text.endswith("seit dem Namenswechsel des Open-Source-Projekts.")
    assert "WildFly 10\n" not in first.text and "<" not in first.text
    assert first.subtitle is None


def test_latin1_feed_without_declaration_is_decoded() -> None:
    first = articles(read(FEEDS / "uol-noticias.br.latin1.rss"))[0]
    assert first.title == ("Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações "
                           "de 2º turno")
    assert first.text.startswith("Líder na pesquisa Ibope de intenção de voto")
    assert "Ã" not in first.text and "\ufffd" not in first.text
    assert first.source == "UOL Noticias"


def test_portuguese_month_names_in_pubdate_are_read() -> None:
    # "Seg, 24 Set 2018 19:42:40 -0300": feedparser gives up, the reader does not.
    first = articles(read(FEEDS / "uol-noticias.br.latin1.rss"))[0]
    assert first.published == "2018-09-24"


def test_entries_without_text_fail_alone() -> None:
    path = FEEDS / "uol-noticias.br.latin1.rss"
    results = read(path)
    failed = [r for r in results if isinstance(r, FailedInput)]
    assert len(results) == 15
    assert [f.input for f in failed] == [f"{path}#{n}" for n in (2, 9, 11, 12)]
    assert {f.error for f in failed} == {"feed entry has no text"}
    assert len(articles(results)) == 11


def test_rdf_feed_with_empty_descriptions_gives_one_failure_per_entry() -> None:
    results = read(FEEDS / "science-twis.rdf.rss")
    assert [type(r) for r in results] == [FailedInput] * 3
    assert results[0].input.endswith("science-twis.rdf.rss#1")


def test_rdf_entry_with_a_description_is_an_article(tmp_path: Path) -> None:
    data = (FEEDS / "science-twis.rdf.rss").read_bytes().replace(
        b"<description><![CDATA[]]></description>",
        f"<description><![CDATA[<p>{BODY}</p>]]></description>".encode(), 1)
    path = tmp_path / "science.rdf"
    path.write_bytes(data)
    results = read(path)
    assert [type(r) for r in results] == [Article, FailedInput, FailedInput]
    first = results[0]
    assert isinstance(first, Article)
    assert first.title == "Food for fungi"
    assert first.text == BODY
    assert first.url == "http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1"
    # RSS 1.0 gives only dc:date, which stands in for the publication date.
    assert first.published == "2017-06-15"
    assert Candidate("author", "Hines, P. J.", "feed", 0.8) in first.candidates


def test_json_feed_items_are_articles() -> None:
    results = read(FEEDS / "npr-technology.jsonfeed.json")
    assert len(results) == 3 and all(isinstance(r, Article) for r in results)
    first = results[0]
    assert isinstance(first, Article)
    assert first.title == "Keller Rinaudo: How can delivery drones save lives?"
    assert first.authors == ("Manoush Zomorodi",)
    assert first.published == "2021-10-29"
    assert first.source == "Technology"
    assert first.input.endswith("npr-technology.jsonfeed.json#1")
    assert first.text.startswith("In rural areas, basic health care can be out of reach.")
    assert "<img" not in first.text


def test_json_feed_not_sniffed_as_a_feed_still_reads_as_one(tmp_path: Path) -> None:
    document = json.loads((FEEDS / "npr-technology.jsonfeed.json").read_text("utf-8"))
    # A long field ahead of "version" hides it from the sniffer, which reads 2 KB.
    reordered = {"description": "x " * 2000, **document}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(reordered), "utf-8")
    results = read(path)
    assert len(results) == 3
    assert all(isinstance(r, Article) and r.format == "feed" for r in results)
    assert results[0].input == f"{path}#1"


# --- hand-made feeds ----------------------------------------------------------------------


def test_broken_xml_keeps_the_entries_read_before_the_break(tmp_path: Path) -> None:
    data = (FEEDS / "guardian-us.rss").read_bytes()
    third = data.index(b"<item>", data.index(b"<item>", data.index(b"<item>") + 1) + 1)
    path = tmp_path / "cut.rss"
    path.write_bytes(data[:third + 300])
    titles = [a.title for a in articles(read(path))]
    assert titles[:2] == [
        "Trump State of the Union address promised unity but emphasized discord",
        "So, how did conservatives like the State of the Union?",
    ]


def test_broken_xml_with_nothing_recovered_says_why(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<rss><channel><title>x</ti")
    results = read(path)
    assert len(results) == 1
    assert isinstance(results[0], FailedInput)
    assert results[0].input == str(path)
    assert results[0].error.startswith("broken feed XML: ")


def test_feed_with_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_bytes(rss(""))
    assert read(path) == [FailedInput(str(path), "feed has no entries")]


def test_json_feed_with_no_items(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text('{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}')
    assert read(path) == [FailedInput(str(path), "feed has no entries")]


def test_content_encoded_wins_over_description_and_authors_come_from_creators(
        tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        b'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        b"<title>Wire</title><language>en-GB</language><item><title>Talks</title>"
        b"<dc:creator>Jane Roe</dc:creator><dc:creator>Max Mu</dc:creator>"
        b"<description>The teaser line.</description><content:encoded><![CDATA["
        b"<p>DOHA, Qatar \xe2\x80\x94 First paragraph of the story.</p>"
        b"<p>Second paragraph.</p>]]></content:encoded></item></channel></rss>")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.text == ("DOHA, Qatar \u2014 First paragraph of the story.\n\n"
                            "Second paragraph.")
    assert article.subtitle == "The teaser line."
    assert article.authors == ("Jane Roe", "Max Mu")
    assert article.dateline == "DOHA, Qatar"
    assert article.published is None


def test_publication_day_is_the_one_the_feed_wrote(tmp_path: Path) -> None:
    # 23:30 at UTC-5 is the next day in UTC; the outlet's own day is kept.
    path = tmp_path / "late.rss"
    path.write_bytes(rss(item(BODY, "Fri, 19 May 2017 23:30:00 -0500")))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.published == "2017-05-19"


@pytest.mark.parametrize(("pub_date", "expected"), [
    ("Dom, 07 Out 2018 08:00:00 -0300", "2018-10-07"),
    ("Mi, 03 Dez 2014 10:00:00 +0100", "2014-12-03"),
    ("Seg, 31 Fev 2018 08:00:00 -0300", None),
    ("soon", None),
])
def test_localised_and_bad_dates(tmp_path: Path, pub_date: str, expected: str | None) -> None:
    path = tmp_path / "dated.rss"
    path.write_bytes(rss(item(BODY, pub_date)))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.published == expected


def test_entities_in_html_without_tags_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "entities.rss"
    path.write_bytes(rss(item("<![CDATA[Hohe Abl&ouml;sesummen f&uuml;r Spieler.]]>")))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.text == "Hohe Ablösesummen für Spieler."


def test_entry_names_count_from_one_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "two.rss"
    path.write_bytes(rss(item("First story body text.") + item("") + item("Third story.")))
    results = read(path)
    assert [r.input for r in results] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert [type(r) for r in results] == [Article, FailedInput, Article]


# --- through the command line -----------------------------------------------------------


def test_cli_prints_one_record_per_entry_and_exits_1_on_failed_entries() -> None:
    done = subprocess.run(
        [str(NEWSLEDGER), "extract", str(FEEDS / "uol-noticias.br.latin1.rss"), "--jsonl"],
        capture_output=True, text=True, encoding="utf-8", check=False)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert len(records) == 15
    assert sum(r["error"] is not None for r in records) == 4
    assert "simulações" in records[0]["title"]
    assert records[0]["published"] == "2018-09-24"


def test_cli_exits_0_when_every_entry_is_an_article() -> None:
    done = subprocess.run(
        [str(NEWSLEDGER), "extract", str(FEEDS / "heise-developer.de.atom"), "--jsonl"],
        capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 3


def test_an_atom_entry_without_authors_takes_the_feeds(tmp_path: Path) -> None:
    """RFC 4287: the feed's <author> applies to each entry that has none of its own."""
    path = tmp_path / "desk.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        "<id>urn:desk</id><updated>2024-03-19T10:00:00Z</updated>"
        "<author><name>Jane Roe</name></author>"
        "<entry><title>One</title><id>urn:1</id><updated>2024-03-19T10:00:00Z</updated>"
        f"<content>{BODY}</content></entry>"
        "<entry><title>Two</title><id>urn:2</id><updated>2024-03-19T10:00:00Z</updated>"
        "<author><name>John Doe</name></author>"
        "<content>Mediators said the gaps remained wide on Wednesday.</content></entry>"
        "</feed>", encoding="utf-8")
    first, second = articles(read(path))
    assert first.authors == ("Jane Roe",)
    assert Candidate("author", "Jane Roe", "feed-level", 0.6) in first.candidates
    assert second.authors == ("John Doe",)


def test_a_json_feed_item_without_authors_takes_the_feeds(tmp_path: Path) -> None:
    path = tmp_path / "desk.json"
    path.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Desk",
        "authors": [{"name": "Jane Roe"}],
        "items": [{"id": "1", "content_text": BODY},
                  {"id": "2", "content_text": "Mediators met again.",
                   "authors": [{"name": "John Doe"}]}]}), encoding="utf-8")
    first, second = articles(read(path))
    assert (first.authors, second.authors) == (("Jane Roe",), ("John Doe",))
