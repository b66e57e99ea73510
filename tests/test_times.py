"""Time expressions on the bundled examples and on small hand-made sentences: TimeML
extents, TIMEX3 values against the publication date, the news conventions for weekdays,
months and bare dates, and the calendar arithmetic under them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.ingest import read_inputs
from newsledger.records import Article, article_id
from newsledger.settings import load_settings
from newsledger.understand import parse, times
from newsledger.understand.pipeline import Analysis
from newsledger.understand.time_calendar import weekday_date, year_for_month
from newsledger.understand.time_spans import duration_value

from .conftest import ANADOLU, TRT

TUESDAY = "2024-03-19"  # a Tuesday: the first example's publication day


def found(text: str, published: str | None = TUESDAY, language: str = "en"
          ) -> Analysis:
    article = Article(id=article_id(text), input="sentence.txt", text=text,
                      language=language, published=published)
    return times.find_times(parse.parse(Analysis(article)))


def values(text: str, published: str | None = TUESDAY) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in found(text, published).times}


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    folder = tmp_path_factory.mktemp("store")
    settings = load_settings({"db": str(folder / "test.db")}, config=folder / "none.toml")
    analysed = {}
    for path in (ANADOLU, TRT):
        (article,) = list(read_inputs([str(path)], settings))
        analysed[Path(path).name] = times.find_times(parse.parse(Analysis(article)))
    return analysed


def example_values(examples: dict[str, Analysis], path: Path) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in examples[path.name].times}


# --------------------------------------------------------------------------- the examples


def test_weekdays_of_the_examples_are_the_publication_day_and_the_day_before(examples):
    first, second = example_values(examples, ANADOLU), example_values(examples, TRT)
    assert first["Tuesday"] == ("DATE", "2024-03-19")
    assert first["Monday"] == ("DATE", "2024-03-18")
    assert second["Tuesday"] == ("DATE", "2024-03-26")
    assert second["Monday"] == ("DATE", "2024-03-25")


def test_months_and_bare_dates_of_the_examples_fall_in_the_past(examples):
    first, second = example_values(examples, ANADOLU), example_values(examples, TRT)
    assert first["last October"] == ("DATE", "2023-10")
    assert first["November 2023"] == ("DATE", "2023-11")  # a month, not an invented day
    assert first["January"] == ("DATE", "2024-01")
    assert second["Oct 7"] == ("DATE", "2023-10-07")


def test_durations_and_the_ordinal_day_of_the_war(examples):
    second = example_values(examples, TRT)
    assert second["weeks"] == ("DURATION", "PXW")
    assert second["its 172nd day"] == ("DATE", "2024-03-26")
    assert second["now"] == ("DATE", "PRESENT_REF")


def test_every_time_reads_as_its_own_text_with_provenance(examples):
    for analysis in examples.values():
        text, sentences = analysis.article.text, list(analysis.doc.sents)
        assert analysis.times
        for time in analysis.times:
            assert text[time.start:time.end] == time.text
            assert time.article == analysis.article.id
            assert sentences[time.sentence].start_char <= time.start < \
                sentences[time.sentence].end_char
            assert time.extractor == times.EXTRACTOR and 0 < time.confidence <= 1
            assert time.type in ("DATE", "TIME", "DURATION", "SET")


# --------------------------------------------------------------------------- conventions


def test_the_tense_of_the_governing_verb_picks_the_weekday():
    assert values("The minister visited Cairo on Friday.")["Friday"] == ("DATE", "2024-03-15")
    assert values("The minister will visit Cairo on Friday.")["Friday"] == \
        ("DATE", "2024-03-22")
    assert values("Talks are set to resume on Thursday.")["Thursday"] == ("DATE", "2024-03-21")


def test_extents_leave_out_the_preposition():
    extents = [t.text for t in found("Hamas has fought Israel since last October and met "
                                     "mediators on Tuesday.").times]
    assert extents == ["last October", "Tuesday"]


def test_without_a_publication_date_values_stay_relative():
    assert values("The attack on Oct 7 was condemned on Tuesday; now the talks go on.",
                  published=None) == {"Oct 7": ("DATE", "XXXX-10-07"),
                                      "Tuesday": ("DATE", "XXXX-WXX-2"),
                                      "now": ("DATE", "PRESENT_REF")}


def test_relative_days_months_and_years():
    found_values = values("Yesterday the bank said profit rose last year and would rise "
                          "next month; it reported results three weeks ago.")
    assert found_values["Yesterday"] == ("DATE", "2024-03-18")
    assert found_values["last year"] == ("DATE", "2023")
    assert found_values["next month"] == ("DATE", "2024-04")
    assert found_values["three weeks ago"] == ("DATE", "2024-W09")


def test_durations_as_timex3_periods():
    found_values = values("The siege lasted three years; the strike went on for weeks, the "
                          "hearing for two and a half hours, and prices rose over the past "
                          "decade.")
    assert found_values["three years"] == ("DURATION", "P3Y")
    assert found_values["weeks"] == ("DURATION", "PXW")
    assert found_values["two and a half hours"] == ("DURATION", "PT2H30M")
    assert found_values["the past decade"] == ("DURATION", "P10Y")


def test_quarters_and_a_year_earlier_in_an_earnings_report():
    found_values = values("Net income rose 5% in the third quarter of 2023 from a year "
                          "earlier, and the company expects a loss in the fourth quarter.")
    assert found_values["the third quarter of 2023"] == ("DATE", "2023-Q3")
    assert found_values["a year earlier"] == ("DATE", "2022-Q3")
    assert found_values["the fourth quarter"] == ("DATE", "2023-Q4")


def test_sets_times_of_day_and_references():
    found_values = values("The council meets every week, flies there four times a month "
                          "and reports quarterly. Recently it "
                          "met at 3 p.m. Tuesday, and it is currently planning for the "
                          "future.")
    assert found_values["every week"] == ("SET", "P1W")
    assert found_values["four times a month"] == ("SET", "P1M")
    assert found_values["quarterly"] == ("SET", "P3M")
    assert found_values["3 p.m. Tuesday"] == ("TIME", "2024-03-19T15:00")
    assert found_values["Recently"] == ("DATE", "PAST_REF")
    assert found_values["currently"] == ("DATE", "PRESENT_REF")
    assert found_values["the future"] == ("DATE", "FUTURE_REF")


def test_seasons_holidays_and_decades():
    found_values = values("Fighting flared last summer, eased at Christmas and recalled "
                          "the 1990s.")
    assert found_values["last summer"] == ("DATE", "2023-SU")
    assert found_values["Christmas"] == ("DATE", "2023-12-25")
    assert found_values["the 1990s"] == ("DATE", "199")


def test_words_that_only_look_like_times_are_left_alone():
    assert values("The talks may resume, officials said. A quarter of the vote went to the "
                  "opposition, and 2000 people marched; a 6-year-old was hurt. The March "
                  "on Washington came up on the show This Week.") == {}


def test_other_languages_are_not_read():
    assert found("Am Dienstag wurde verhandelt.", language="de").times == ()


@pytest.mark.xfail(strict=True, reason="no Islamic calendar: Ramadan has no rule")
def test_ramadan_is_a_date():
    assert "Ramadan" in values("The talks aim for a truce before Ramadan.")


# --------------------------------------------------------------------------- calendar


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
       st.integers(0, 6), st.sampled_from(["past", "future", "present", None]))
def test_a_weekday_is_that_weekday_within_a_week(published, weekday, tense):
    day = weekday_date(published, weekday, tense)
    assert day.weekday() == weekday and abs((day - published).days) <= 6
    if tense == "past":
        assert day <= published
    if tense == "future":
        assert day >= published


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
       st.integers(1, 12), st.integers(1, 28))
def test_a_bare_date_in_a_report_is_within_the_year_before(published, month, day):
    year = year_for_month(published, month, "past", day)
    assert -366 < (dt.date(year, month, day) - published).days <= 62  # a date announced
    year = year_for_month(published, month, "past")
    assert year == published.year - (month > published.month)  # a month: never ahead


def test_duration_values():
    assert duration_value(3, "year") == "P3Y"
    assert duration_value(2.5, "year") == "P2Y6M"
    assert duration_value(1.5, "minute") == "PT1M30S"
    assert duration_value(2, "decade") == "P20Y"
    assert duration_value(36, "hour") == "PT36H"
