"""Bad input never stops a batch: each gives a clear error record or a correct article,
and every good input of the same batch is stored."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from newsledger.ingest.batch import ingest_paths
from newsledger.records import Article, FailedInput

from .conftest import ANADOLU, TRT

BODY = ("The council voted on Tuesday to extend the curfew by a week, officials said. "
        "Residents said the streets were quiet after dark as police patrolled the centre.")
ARTICLE_PAGE = (f"<html><head><title>Curfew extended</title></head><body><article>"
                f"<h1>Curfew extended</h1><p>{BODY}</p><p>{BODY}</p><p>{BODY}</p>"
                f"</article></body></html>")


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def bad_inputs(folder: Path) -> dict[str, Path]:
    good_gz = gzip.compress(ARTICLE_PAGE.encode())
    return {
        "empty": write(folder, "empty.txt", b""),
        "blank": write(folder, "blank.txt", b"  \n\n \t\n"),
        "binary": write(folder, "photo.txt", bytes(range(256)) * 64),
        "truncated_gzip": write(folder, "page.html.gz", good_gz[: len(good_gz) // 2]),
        "broken_feed": write(folder, "broken.xml",
                             b'<?xml version="1.0"?><rss version="2.0"><channel><title>X'
                             b"</title><item><title>Unclosed"),
        "empty_feed": write(folder, "empty.rss",
                            b'<?xml version="1.0"?><rss version="2.0"><channel><title>X'
                            b"</title></channel></rss>"),
        "missing": folder / "does-not-exist.txt",
    }


def test_each_bad_input_gives_a_clear_reason_and_good_ones_are_stored(store, settings, tmp_path):
    bad = bad_inputs(tmp_path)
    paths = [str(ANADOLU), *map(str, bad.values()), str(TRT)]
    summary = ingest_paths(paths, store, settings)
    reasons = {Path(f.input).name.split("#")[0]: f.error for f in summary.errors}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["photo.txt"] == "not text: binary data"
    assert reasons["page.html.gz"].startswith("truncated gzip")
    assert reasons["empty.rss"] == "feed has no entries"
    assert "broken.xml" in reasons and "no text" in reasons["broken.xml"]
    assert reasons["does-not-exist.txt"] == "no such file"
    assert summary.new == 2 and store.count() == 2
    assert len(store.errors()) == len(bad)


def read(path: Path, settings) -> list[Article | FailedInput]:  # type: ignore[no-untyped-def]
    from newsledger.ingest import read_inputs

    return list(read_inputs([str(path)], settings))


def test_a_broken_feed_keeps_the_entries_before_the_break(settings, tmp_path):
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<item><title>Curfew extended</title><link>https://example.org/a</link>"
            f"<description>{BODY}</description></item><item><title>Second").encode()
    results = read(write(tmp_path, "truncated.rss", feed), settings)
    articles = [r for r in results if isinstance(r, Article)]
    assert [(a.title, a.url, a.source) for a in articles] == [
        ("Curfew extended", "https://example.org/a", "Wire")]
    assert articles[0].text == BODY


def test_invalid_utf8_bytes_do_not_stop_the_article(settings, tmp_path):
    data = f"Curfew extended\n\n{BODY}\n\n".encode() + b"Broken byte here: \xff\xfe end.\n"
    (article,) = read(write(tmp_path, "bad-utf8.txt", data), settings)
    assert isinstance(article, Article)
    assert article.text.startswith("The council voted") and "Broken byte here" in article.text


def test_latin1_text_is_decoded(settings, tmp_path):
    text = ("Le conseil a prolongé le couvre-feu\n\nLe conseil municipal a décidé mardi de "
            "prolonger le couvre-feu d'une semaine, à cause des troubles persistants dans "
            "plusieurs quartiers. Les élus ont voté à l'unanimité, a précisé la préfète.")
    (article,) = read(write(tmp_path, "latin1.txt", text.encode("latin-1")), settings)
    assert "prolongé" in article.title and "préfète" in article.text
    assert article.language == "fr"


def test_windows_1254_turkish_text_is_decoded(settings, tmp_path):
    text = ("Meclis sokağa çıkma yasağını uzattı\n\nBelediye meclisi salı günü sokağa çıkma "
            "yasağını bir hafta daha uzatma kararı aldı. Yetkililer, şehrin birçok ilçesinde "
            "süren gerginlik nedeniyle düzenin yeniden sağlanması için zamana ihtiyaç "
            "olduğunu söyledi. Şikayetler ağırlıklı olarak gece saatlerinde yoğunlaştı.")
    (article,) = read(write(tmp_path, "turkish.txt", text.encode("cp1254")), settings)
    assert article.title == "Meclis sokağa çıkma yasağını uzattı"
    assert "ilçesinde" in article.text and "Şikayetler" in article.text
    assert article.language == "tr"


def test_a_50_mb_html_page_gives_its_article(settings, tmp_path):
    filler = "<div class='sidebar'><a href='/x'>More news</a></div>\n" * 1_000_000
    page = ARTICLE_PAGE.replace("</article>", f"</article>{filler}")
    path = write(tmp_path, "huge.html", page.encode())
    assert path.stat().st_size > 50_000_000
    (result,) = read(path, settings)
    assert isinstance(result, Article) and BODY in result.text


def test_deeply_nested_html_does_not_crash(settings, tmp_path):
    page = "<html><body>" + "<div>" * 100_000 + BODY + "</div>" * 100_000 + "</body></html>"
    (result,) = read(write(tmp_path, "nested.html", page.encode()), settings)
    if isinstance(result, FailedInput):
        assert result.error  # a reason, not a crash
    else:
        assert "council voted" in result.text


def test_html_without_text_is_an_error(settings, tmp_path):
    (result,) = read(write(tmp_path, "nav.html", b"<html><body><nav></nav></body></html>"),
                     settings)
    assert isinstance(result, FailedInput) and "no article text" in result.error


def test_truncated_warc_keeps_the_records_before_the_break(settings, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for index in range(2):
        page = ARTICLE_PAGE.replace("Curfew extended", f"Curfew extended {index}")
        page = page.replace("officials said", f"officials said ({index})")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://example.org/{index}", "response",
                                           payload=io.BytesIO(page.encode()),
                                           http_headers=headers)
        writer.write_record(record)
    data = buffer.getvalue()
    path = write(tmp_path, "crawl.warc.gz", data[: len(data) - 200])
    results = read(path, settings)
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, FailedInput)]
    assert [a.url for a in articles] == ["https://example.org/0"]
    assert len(failures) == 1 and "truncated" in failures[0].error.lower()
