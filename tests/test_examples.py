"""The two bundled wire articles: metadata found, bodies clean (no furniture left)."""

from __future__ import annotations

from newsledger.ingest import read_inputs
from newsledger.records import Article

from .conftest import ANADOLU, EXAMPLES, TRT

FURNITURE = ("Bu haberi paylaşın", "Related topics", "subscription", "Writing by", "SOURCE:",
             "/ Photo: AA", "Anadolu staff", "Middle East\n", "Update :")


def read_one(path, settings) -> Article:  # type: ignore[no-untyped-def]
    (result,) = list(read_inputs([str(path)], settings))
    assert isinstance(result, Article), result
    return result


def test_anadolu_metadata(settings):
    article = read_one(ANADOLU, settings)
    assert article.title == "Hamas, Israel resume indirect talks for Gaza truce deal, Qatar says"
    assert article.subtitle.startswith("Hamas demands end to Israel’s ongoing offensive")
    assert article.authors == ("Ahmed Asmar",)
    assert article.source == "Anadolu Agency"
    assert article.published == "2024-03-19"
    assert article.updated == "2024-03-19"
    assert article.dateline == "DOHA, Qatar"
    assert article.language == "en"


def test_trt_metadata(settings):
    article = read_one(TRT, settings)
    assert article.title == "Israel-Hamas negotiations 'ongoing' for Gaza truce: Qatar"
    assert article.subtitle.startswith("The Foreign Ministry of Qatar says")
    assert article.source == "TRT World"
    assert article.published == "2024-03-26"
    assert article.authors == ()
    assert article.language == "en"


def test_bodies_start_and_end_where_the_article_does(settings):
    anadolu, trt = read_one(ANADOLU, settings), read_one(TRT, settings)
    assert anadolu.text.startswith("Qatar announced on Tuesday the resumption")
    assert anadolu.text.endswith("humanitarian assistance is provided to civilians in Gaza.")
    assert trt.text.startswith("Mediator Qatar has said that talks")
    assert trt.text.endswith("has been damaged or destroyed, according to the UN.")


def test_no_furniture_left_in_bodies(settings):
    for path in (ANADOLU, TRT):
        text = read_one(path, settings).text
        for furniture in FURNITURE:
            assert furniture not in text, (path.name, furniture)
        assert "DOHA, Qatar" not in text  # the dateline line is metadata
        assert read_one(path, settings).title not in text  # the repeated headline too


def test_crosshead_is_kept_as_body(settings):
    assert "'Meetings are still ongoing'" in read_one(TRT, settings).text


def test_paragraphs_are_separated_by_one_blank_line(settings):
    text = read_one(ANADOLU, settings).text
    assert "\n\n\n" not in text
    assert len(text.split("\n\n")) == 14


def test_folder_walk_reads_both_and_skips_the_readme(settings):
    results = list(read_inputs([str(EXAMPLES)], settings))
    assert [r.input.rsplit("/", 1)[-1] for r in results] == [ANADOLU.name, TRT.name]
    assert len({r.id for r in results}) == 2
