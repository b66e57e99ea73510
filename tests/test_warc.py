"""WARC reader: archives built here with warcio from two real pages, whole, cut short,
corrupt, and holding records that are not pages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.ingest import read_inputs
from newsledger.records import Article, Candidate, FailedInput, IngestResult
from newsledger.settings import load_settings

HTML = Path(__file__).parent / "fixtures" / "html"
BOINGBOING = (HTML / "boingboing.net.millenials.html").read_bytes()
BOINGBOING_URL = "https://boingboing.net/2013/07/19/hating-millennials-the-preju.html"
COMPUTERBASE = (HTML / "computerbase.de.htc.html").read_bytes()
COMPUTERBASE_URL = "https://www.computerbase.de/2007-06/htc-touch-bald-bei-o2-als-xda-nova/"
CRAWLED = "2024-03-20T08:00:00Z"
NEWSLEDGER = Path(sys.executable).with_name("newsledger")
UNDATED_PAGE = (
    "<html><head><title>Ferry vote</title></head><body><article><h1>Ferry timetable vote</h1>"
    + "<p>The harbour council met on a wet evening to argue over the ferry timetable, and "
      "the vote went the way most residents had expected after weeks of letters.</p>" * 4
    + "</article></body></html>").encode()


@dataclass(frozen=True)
class Capture:
    uri: str
    payload: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str | None = "200 OK"  # None: a resource record, with no HTTP headers
    date: str = CRAWLED


def build_warc(captures: list[Capture], compress: bool = True) -> bytes:
    """A warcinfo record, a request before the first capture, then the captures."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    if captures:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                   is_http_request=True)
        writer.write_record(writer.create_warc_record(captures[0].uri, "request",
                                                      http_headers=request))
    for capture in captures:
        writer.write_record(_record(writer, capture))
    return buffer.getvalue()


def _record(writer: WARCWriter, capture: Capture):  # type: ignore[no-untyped-def]
    dated = {"WARC-Date": capture.date}
    if capture.status is None:
        return writer.create_warc_record(capture.uri, "resource",
                                         payload=io.BytesIO(capture.payload),
                                         warc_content_type=capture.content_type,
                                         warc_headers_dict=dated)
    headers = StatusAndHeaders(capture.status, [("Content-Type", capture.content_type)],
                               protocol="HTTP/1.1")
    return writer.create_warc_record(capture.uri, "response", payload=io.BytesIO(capture.payload),
                                     http_headers=headers, warc_headers_dict=dated)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def read(path: Path) -> list[IngestResult]:
    return list(read_inputs([str(path)], load_settings()))


def two_pages() -> list[Capture]:
    return [Capture(BOINGBOING_URL, BOINGBOING), Capture(COMPUTERBASE_URL, COMPUTERBASE)]


# --- whole archives -----------------------------------------------------------------------


def test_html_responses_become_articles_named_by_uri(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.warc.gz", build_warc(two_pages()))
    results = read(path)
    assert [r.input for r in results] == [f"{path}#{BOINGBOING_URL}", f"{path}#{COMPUTERBASE_URL}"]
    first, second = results
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Hating Millennials - the prejudice you're allowed to boast about"
    assert first.authors == ("Cory Doctorow",)
    assert first.url == BOINGBOING_URL
    assert first.format == "warc"
    assert second.title == "HTC Touch: Bald bei o2 als „Xda Nova“"
    assert "HTC Touch" in second.text


def test_page_date_beats_the_crawl_date_which_stays_a_candidate(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.warc.gz", build_warc(two_pages()))
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.published, second.published) == ("2013-07-19", "2007-06-19")
    assert Candidate("published", "2024-03-20", "warc-date", 0.3) in first.candidates
    assert Candidate("url", BOINGBOING_URL, "warc", 0.9) in first.candidates


def test_crawl_date_is_the_fallback_for_an_undated_page(tmp_path: Path) -> None:
    path = write(tmp_path / "undated.warc.gz",
                 build_warc([Capture("https://example.org/ferry", UNDATED_PAGE)]))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.published == "2024-03-20"
    assert article.title == "Ferry timetable vote"


def test_records_that_are_not_pages_are_skipped(tmp_path: Path) -> None:
    captures = [
        Capture("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png"),
        Capture(BOINGBOING_URL, BOINGBOING),
        Capture("https://example.org/gone", UNDATED_PAGE, status="404 Not Found"),
        Capture("https://example.org/moved", b"<html><body>Moved</body></html>",
                status="301 Moved Permanently"),
        Capture("https://example.org/data.json", b'{"a": 1}', "application/json"),
    ]
    path = write(tmp_path / "mixed.warc.gz", build_warc(captures))
    results = read(path)
    assert [r.input for r in results] == [f"{path}#{BOINGBOING_URL}"]
    assert isinstance(results[0], Article)


def test_uncompressed_warc_and_resource_records(tmp_path: Path) -> None:
    captures = [Capture(COMPUTERBASE_URL, COMPUTERBASE),
                Capture("https://example.org/ferry", UNDATED_PAGE, "text/html", status=None)]
    path = write(tmp_path / "plain.warc", build_warc(captures, compress=False))
    results = read(path)
    assert [type(r) for r in results] == [Article, Article]
    assert results[1].input == f"{path}#https://example.org/ferry"


def test_arc_file_is_read_too(tmp_path: Path) -> None:
    # ARC, the Internet Archive's format before WARC: a filedesc record, then one
    # "URL IP date type length" line per capture. warcio reads but cannot write it.
    version = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + BOINGBOING
    data = (b"filedesc://test.arc 0.0.0.0 20240320080000 text/plain %d\n" % len(version)
            + version + b"\n"
            + b"%s 93.184.216.34 20240320080000 text/html %d\n" % (BOINGBOING_URL.encode(),
                                                                    len(http))
            + http + b"\n")
    path = write(tmp_path / "old.arc", data)
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.input == f"{path}#{BOINGBOING_URL}"
    assert article.title == "Hating Millennials - the prejudice you're allowed to boast about"
    assert Candidate("published", "2024-03-20", "warc-date", 0.3) in article.candidates


def test_http_charset_wins_over_the_page_meta(tmp_path: Path) -> None:
    # The server re-encoded the page: HTTP says windows-1251, the stale meta says Latin-1.
    body = "<p>Городской совет обсудил новое расписание парома, и голосование прошло.</p>"
    page = (f'<html><head><meta charset="iso-8859-1"><title>Паром</title></head>'
            f"<body><article><h1>Голосование</h1>{body * 3}</article></body></html>")
    capture = Capture("https://example.org/ru", page.encode("cp1251"),
                      "text/html; charset=windows-1251")
    path = write(tmp_path / "ru.warc.gz", build_warc([capture]))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert "Городской совет" in article.text


# --- failures --------------------------------------------------------------------------------


def test_page_without_text_fails_alone(tmp_path: Path) -> None:
    empty = Capture("https://example.org/empty", b"<html><head></head><body></body></html>")
    path = write(tmp_path / "crawl.warc.gz", build_warc([empty, Capture(BOINGBOING_URL,
                                                                        BOINGBOING)]))
    results = read(path)
    assert isinstance(results[0], FailedInput)
    assert results[0].input == f"{path}#https://example.org/empty"
    assert isinstance(results[1], Article)


def test_archive_without_html_responses(tmp_path: Path) -> None:
    data = build_warc([Capture("https://example.org/logo.png", b"\x89PNG....", "image/png")])
    path = write(tmp_path / "images.warc.gz", data)
    assert read(path) == [FailedInput(str(path), "WARC has no HTML responses")]


def test_truncated_warc_gz_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    whole = build_warc(two_pages() + [Capture("https://example.org/ferry", UNDATED_PAGE)])
    third_starts = len(build_warc(two_pages()))
    path = write(tmp_path / "cut.warc.gz", whole[:third_starts + (len(whole) - third_starts) // 2])
    results = read(path)
    assert [type(r) for r in results] == [Article, Article, FailedInput]
    assert results[2].input == str(path)
    assert results[2].error.startswith("truncated WARC: ")  # type: ignore[union-attr]


def test_warc_gz_cut_inside_the_first_page(tmp_path: Path) -> None:
    whole = build_warc(two_pages())
    path = write(tmp_path / "cut.warc.gz", whole[:len(whole) // 4])
    results = read(path)
    assert len(results) == 1
    assert isinstance(results[0], FailedInput)
    assert results[0].error.startswith("truncated WARC: ")


def test_truncated_plain_warc_names_the_record_cut_short(tmp_path: Path) -> None:
    whole = build_warc(two_pages(), compress=False)
    path = write(tmp_path / "cut.warc", whole[:len(whole) - 5000])
    results = read(path)
    assert [type(r) for r in results] == [Article, FailedInput]
    assert results[1].error.startswith(f"truncated WARC: {COMPUTERBASE_URL} ends ")  # type: ignore[union-attr]


def test_plain_warc_cut_inside_a_record_header(tmp_path: Path) -> None:
    one = build_warc([Capture(BOINGBOING_URL, BOINGBOING)], compress=False)
    whole = build_warc(two_pages(), compress=False)
    # Both archives share the first records; the second page's header begins where `one` ends.
    path = write(tmp_path / "cut.warc", whole[:len(one) + 120])
    results = read(path)
    assert [type(r) for r in results] == [Article, FailedInput]
    assert results[1].error == "truncated WARC: a record header ends early"  # type: ignore[union-attr]


def test_corrupt_archive(tmp_path: Path) -> None:
    path = write(tmp_path / "junk.warc", b"this is not an archive\n" * 5)
    results = read(path)
    assert len(results) == 1
    assert isinstance(results[0], FailedInput)
    assert results[0].error.startswith("corrupt WARC: ")


def test_empty_archive(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.warc", b"")
    assert read(path) == [FailedInput(str(path), "empty file")]


def test_corrupt_gzip_member(tmp_path: Path) -> None:
    whole = build_warc(two_pages())
    middle = len(whole) // 2
    path = write(tmp_path / "bad.warc.gz", whole[:middle] + b"\x00" * 64 + whole[middle + 64:])
    results = read(path)
    assert isinstance(results[-1], FailedInput)
    assert results[-1].error.startswith(("corrupt WARC: ", "truncated WARC: "))
    assert all(isinstance(r, Article) for r in results[:-1])


# --- through the command line ---------------------------------------------------------------


def test_cli_prints_pages_then_the_truncation_and_exits_1(tmp_path: Path) -> None:
    whole = build_warc(two_pages())
    path = write(tmp_path / "cut.warc.gz", whole[:len(whole) - 200])
    done = subprocess.run([str(NEWSLEDGER), "extract", str(path), "--jsonl"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert [r["error"] is None for r in records] == [True, False]
    assert records[0]["url"] == BOINGBOING_URL
    assert records[1]["input"] == str(path)
    assert records[1]["error"].startswith("truncated WARC: ")


def test_a_revisit_of_a_page_the_archive_holds_is_skipped_and_others_are_reported(
        tmp_path: Path) -> None:
    """A revisit record says the page was unchanged since an earlier capture: that capture
    in the archive is already the article; one in another archive is reported."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    page = _record(writer, Capture(BOINGBOING_URL, BOINGBOING))
    writer.write_record(page)
    html = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    for uri, digest, earlier in (
            (BOINGBOING_URL, page.rec_headers.get_header("WARC-Payload-Digest"), BOINGBOING_URL),
            (COMPUTERBASE_URL, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", COMPUTERBASE_URL)):
        writer.write_record(writer.create_revisit_record(
            uri, digest, earlier, "2024-03-01T00:00:00Z", http_headers=html))
    path = write(tmp_path / "revisits.warc.gz", buffer.getvalue())
    first, second = read(path)
    assert isinstance(first, Article) and first.url == BOINGBOING_URL
    assert second == FailedInput(
        f"{path}#{COMPUTERBASE_URL}",
        "WARC revisit record: the page was archived unchanged from an earlier capture "
        f"({COMPUTERBASE_URL} on 2024-03-01T00:00:00Z) that this archive does not hold")
