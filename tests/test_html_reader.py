"""The HTML reader's metadata: trafilatura's field readers, without its date, category,
tag and licence passes (htmldate dates the page)."""

from __future__ import annotations

from newsledger.ingest import read_data
from newsledger.records import Article
from newsledger.settings import load_settings

BODY = "".join(f"<p>Paragraph {i} of the report says the talks went on for hours "
               f"and that the delegations met again the next morning.</p>" for i in range(8))


def page(head: str) -> bytes:
    return (f"<html><head>{head}</head><body><article><h1>Talks resume</h1>{BODY}"
            "</article></body></html>").encode()


def read_page(head: str) -> Article:
    [article] = read_data("page.html", page(head), "html", load_settings())
    assert isinstance(article, Article)
    return article


def test_meta_and_json_ld_fields_are_read() -> None:
    article = read_page(
        '<title>Talks resume | Example Times</title>'
        '<meta property="og:site_name" content="Example Times">'
        '<link rel="canonical" href="https://www.example.org/2024/03/19/talks">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", '
        '"headline": "Talks resume", "datePublished": "2024-03-19T10:00:00Z", '
        '"author": {"@type": "Person", "name": "Jane Doe"}}</script>')
    assert article.source == "Example Times"
    assert article.url == "https://www.example.org/2024/03/19/talks"
    assert article.authors == ("Jane Doe",)
    assert article.published == "2024-03-19"
    assert "Paragraph 7" in article.text


def test_site_without_a_name_is_named_by_its_host() -> None:
    article = read_page('<title>Talks resume</title>'
                        '<link rel="canonical" href="https://www.example.org/talks">')
    assert article.source == "example.org"
