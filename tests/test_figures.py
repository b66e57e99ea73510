"""Figures on the bundled examples and on small hand-written news sentences: values from
digits and words, ranges, qualifiers, units, what is counted and what happened to it,
who says so and as of when; no figure for dates, times, years, phone numbers or names;
victims counted in words.

The `times` and `quotes` stages are built separately: these tests give the figures
stage hand-made time expressions and quotes, so that they check how figures take dates
and sources, not how dates and quotes are found."""

from __future__ import annotations

import time
from typing import Any

import pytest

from newsledger.ingest import read_inputs
from newsledger.records import Article, article_id
from newsledger.settings import load_settings
from newsledger.understand import entities, parse
from newsledger.understand.figures import find_figures
from newsledger.understand.pipeline import Analysis
from newsledger.understand.records import Figure, Quote, TimeExpression

from .conftest import ANADOLU, TRT


def parsed(article: Article) -> Analysis:
    return entities.STAGE.run(parse.STAGE.run(Analysis(article)))


def article_of(text: str, published: str | None = "2024-03-19", title: str | None = None
               ) -> Article:
    return Article(id=article_id(text), input="t.txt", text=text, language="en",
                   published=published, title=title)


def figures_of(text: str, **extra: Any) -> tuple[Figure, ...]:
    title = extra.pop("title", None)
    analysis = parsed(article_of(text, title=title)).add(**extra)
    return find_figures(analysis).figures


def one(figures: tuple[Figure, ...], written: str) -> Figure:
    found = [f for f in figures if written in f.text]
    assert len(found) == 1, [f.text for f in figures]
    return found[0]


def counts(figures: tuple[Figure, ...]) -> dict[str, float]:
    """The largest count per measure, as a reader of the casualty report takes it."""
    largest: dict[str, float] = {}
    for figure in figures:
        if figure.measure and isinstance(figure.value, int | float):
            largest[figure.measure] = max(largest.get(figure.measure, 0), figure.value)
    return largest


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    tmp = tmp_path_factory.mktemp("figures")
    settings = load_settings({"db": str(tmp / "x.db")}, config=tmp / "none.toml")
    found = {}
    for name, path in (("anadolu", ANADOLU), ("trt", TRT)):
        (article,) = list(read_inputs([str(path)], settings))
        found[name] = find_figures(parsed(article))
    return found


# ----------------------------------------------------------------------------- the examples
def test_example_figures_read_as_their_own_text(examples: dict[str, Analysis]):
    for analysis in examples.values():
        text, sentences = analysis.article.text, list(analysis.doc.sents)
        assert analysis.figures
        for figure in analysis.figures:
            assert text[figure.start:figure.end] == figure.text
            assert 0 <= figure.sentence < len(sentences)
            assert figure.article == analysis.article.id and 0 < figure.confidence <= 1


def test_gaza_toll_as_the_first_article_gives_it(examples: dict[str, Analysis]):
    figures = examples["anadolu"].figures
    killed = one(figures, "31,800")
    assert (killed.value, killed.qualifier, killed.measure, killed.unit, killed.subject) == \
        (31800, "more_than", "killed", "person", "Palestinians")
    assert killed.text == "More than 31,800 Palestinians"
    injured = one(figures, "74,000")
    assert (injured.value, injured.qualifier, injured.measure, injured.unit) == \
        (74000, "nearly", "injured", "person")
    assert injured.subject == "Palestinians"  # "and almost 74,000 (Palestinians) injured"
    attack = one(figures, "1,200")
    assert (attack.value, attack.measure, attack.unit) == (1200, "killed", "person")


def test_hostages_and_sheltering(examples: dict[str, Analysis]):
    figures = examples["anadolu"].figures
    hostages = one(figures, "130")
    assert (hostages.value, hostages.qualifier, hostages.subject, hostages.measure) == \
        (130, "nearly", "Israeli hostages", "held hostage")
    rafah = one(figures, "1.4 million")
    assert (rafah.value, rafah.qualifier, rafah.measure, rafah.unit) == \
        (1_400_000, "more_than", "sheltering", "person")


def test_shares_displaced_and_damaged_according_to_the_un(examples: dict[str, Analysis]):
    for name, displaced_text, damaged_text in (("anadolu", "85%", "60%"),
                                               ("trt", "85 percent", "60 percent")):
        figures = examples[name].figures
        displaced, damaged = one(figures, displaced_text), one(figures, damaged_text)
        assert (displaced.value, displaced.unit, displaced.measure, displaced.source) == \
            (85, "percent", "displaced", "UN")
        assert (damaged.value, damaged.unit, damaged.measure, damaged.source) == \
            (60, "percent", "damaged", "UN")
        assert "population" in (displaced.subject or "")
        assert "infrastructure" in (damaged.subject or "")


def test_the_november_exchange(examples: dict[str, Analysis]):
    figures = examples["anadolu"].figures
    expected = {"81 Israelis": 81, "24 foreigners": 24, "240 Palestinians": 240,
                "71 women": 71, "169 children": 169}
    for written, value in expected.items():
        figure = one(figures, written)
        assert (figure.value, figure.unit, figure.measure) == (value, "person", "released")


def test_second_article_updates_the_toll(examples: dict[str, Analysis]):
    figures = examples["trt"].figures
    killed, injured = one(figures, "32,414"), one(figures, "74,787")
    assert (killed.value, killed.qualifier, killed.measure) == (32414, "more_than", "killed")
    assert (injured.value, injured.qualifier, injured.measure) == (74787, "more_than", "injured")
    assert all(f.as_of == "2024-03-26" for f in (killed, injured))  # no date: publication


def test_no_figures_from_dates_times_or_ordinals(examples: dict[str, Analysis]):
    texts = " | ".join(f.text for a in examples.values() for f in a.figures)
    for not_a_figure in ("2023", "19.03", "172nd", "Oct 7", "7"):
        assert not any(f.text == not_a_figure for a in examples.values() for f in a.figures), \
            texts


# ----------------------------------------------------------------------------- values
@pytest.mark.parametrize("sentence, written, value", [
    ("The company cut 31,800 jobs.", "31,800", 31800),
    ("The city has 1.4 million residents.", "1.4 million", 1_400_000),
    ("Revenue reached $4.2bn last year.", "$4.2bn", 4_200_000_000),
    ("Prices rose to EUR50m.", "EUR50m", 50_000_000),
    ("There are twenty-eight thousand six hundred forty-two students.",
     "twenty-eight thousand six hundred forty-two", 28642),
    ("Two people were arrested.", "Two", 2),
    ("A third of the residents left.", "A third", 1 / 3),
    ("Half the condos have sold.", "Half", 0.5),
    ("The recipe needs 1/2 pound of flour.", "1/2 pound", 0.5),
    ("Revenue grew more than sixfold.", "sixfold", 6),
    ("Half a million people fled.", "Half a million", 500_000),
    ("The gas is cooled to minus 260 degrees.", "minus 260", -260),
    ("The Hornets' offense was -5 yards.", "-5 yards", -5),
])
def test_values_from_digits_and_words(sentence: str, written: str, value: float):
    figure = one(figures_of(sentence), written)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, written, value", [
    ("Between 20 and 30 people were hurt.", "20 and 30", (20, 30)),
    ("About 20-30 people gathered.", "20-30", (20, 30)),
    ("There are four to five thousand people.", "four to five thousand", (4000, 5000)),
    ("Fines run from $250,000 to $1 million.", "$250,000 to $1 million", (250_000, 1_000_000)),
    ("Dozens of people were injured.", "Dozens", (24, 144)),
    ("It added tens of thousands of dollars to the price.", "tens of thousands",
     (10_000, 100_000)),
])
def test_ranges_and_vague_amounts(sentence: str, written: str, value: tuple[float, float]):
    assert one(figures_of(sentence), written).value == value


@pytest.mark.parametrize("sentence, written, qualifier", [
    ("More than 300 people attended.", "300", "more_than"),
    ("Over 2,000 homes lost power.", "2,000", "more_than"),
    ("Nearly 70 people died.", "70", "nearly"),
    ("Almost 80 houses burned.", "80", "nearly"),
    ("At least 12 people were killed.", "12", "at_least"),
    ("About 5,000 people marched.", "5,000", "about"),
    ("Some 300 residents were evacuated.", "300", "about"),
    ("Fewer than 50 people came.", "50", "less_than"),
    ("The firm will hire up to 400 people.", "400", "up_to"),
    ("The firm will hire no more than 400 people.", "400", "up_to"),
    ("The museum has 400 paintings.", "400", "exact"),
])
def test_qualifiers(sentence: str, written: str, qualifier: str):
    assert one(figures_of(sentence), written).qualifier == qualifier


@pytest.mark.parametrize("sentence, written, unit", [
    ("Shares rose 6.5% on Monday.", "6.5%", "percent"),
    ("Unemployment is 4 per cent.", "4 per cent", "percent"),
    ("The ticket costs $149.36.", "$149.36", "dollar"),
    ("The plan is $14.95 a month.", "$14.95 a month", "dollar per month"),
    ("The road is 2,000km long.", "2,000km", "kilometre"),
    ("It weighs about 10 tons.", "10 tons", "ton"),
    ("The 65-year-old retired.", "65-year-old", "year of age"),
    ("John Smith, 23, of Chicago was arrested.", "23", "year of age"),
    ("She retired aged 44 last year.", "44", "year of age"),
    ("The new chip is 2x faster.", "2x", "times"),
    ("Five soldiers were wounded.", "Five", "person"),
    ("The firm built 435 homes.", "435", "home"),
    ("Dozens were wounded in the blast.", "Dozens", "person"),
    ("Since then 96 Liverpool fans have died.", "96", "person"),
    ("Boeing delivered 27 737 Max jets.", "27", "jet"),
])
def test_units(sentence: str, written: str, unit: str):
    assert one(figures_of(sentence), written).unit == unit


@pytest.mark.parametrize("sentence, written, direction", [
    ("Vectura shares rose by 5% on Monday.", "5%", "up"),
    ("The index fell 3 percent to 13,176.", "3 percent", "down"),
    ("The S&P 500 was down 2.1% at noon.", "2.1%", "down"),
    ("The index fell 3 percent to 13,176.", "13,176", None),
    ("The survey found 75 percent support.", "75 percent", None),
    ("In Europe: FTSE -0.6% and CAC +1.7% at noon.", "-0.6%", "down"),
    ("In Europe: FTSE -0.6% and CAC +1.7% at noon.", "+1.7%", "up"),
])
def test_direction_of_a_change(sentence: str, written: str, direction: str | None):
    assert one(figures_of(sentence), written).direction == direction


@pytest.mark.parametrize("sentence", [
    "The meeting was held on March 5, 2024, at 3 p.m. in Doha.",
    "He joined the club in 2019 and left in 2021.",
    "Call the tip line at 504-822-1111 for details.",
    "It was the 10th time this year, in the 22nd round.",
    "The S&P 500 and Game 2 drew crowds in Section 427.",
    "The story ran on page 12 after round 3 of talks on flight 370.",
    "Bristol City beat Charlton 2-1 on Saturday.",
    "The 737 Max was grounded after the 9/11 review of the 24/7 service.",
    "No one was injured in the blast.",
])
def test_not_figures(sentence: str):
    assert figures_of(sentence) == ()


# ----------------------------------------------------------------------------- who, what
def test_measure_and_subject_from_the_verb():
    figures = figures_of("Rebels released 12 foreign hostages on Sunday, and the army "
                         "arrested 40 people.")
    assert (one(figures, "12").measure, one(figures, "12").subject) == \
        ("released", "foreign hostages")
    assert one(figures, "40").measure == "arrested"
    toll = one(figures_of("The death toll rose to 215 on Friday."), "215")
    assert toll.measure == "killed"


def test_source_from_according_to_and_said():
    figures = figures_of("At least 40 people were killed, according to the health ministry.")
    assert one(figures, "40").source == "health ministry"
    figures = figures_of("The civil defence agency said 17 people were wounded.")
    assert one(figures, "17").source == "civil defence agency"
    assert one(figures_of("Eleven people were wounded in the attack."), "Eleven").source is None


def test_a_figure_inside_a_quote_is_its_speakers():
    text = '"We have counted 300 bodies," the mayor told reporters.'
    start = text.index("We")
    quote = Quote("x", start, text.index(",\""), text[start:text.index(",\"")], "Jane Doe",
                  None, None, "told", "direct", 0, "hand", 1.0)
    assert one(figures_of(text, quotes=(quote,)), "300").source == "Jane Doe"
    assert one(figures_of(text), "300").source == "mayor"  # no quotes: the sentence's sayer


def test_as_of_is_the_sentence_date_else_publication():
    text = "On Monday, 57 people were killed. Since Monday, 12 more died. Later, 3 were hurt."
    monday = [TimeExpression("x", i, i + 6, "Monday", "DATE", "2024-03-18", s, "hand", 1.0)
              for i, s in ((3, 0), (text.index("Since") + 6, 1))]
    figures = figures_of(text, times=tuple(monday))
    assert one(figures, "57").as_of == "2024-03-18"
    assert one(figures, "12").as_of == "2024-03-19"  # "since Monday": holds now
    assert one(figures, "3").as_of == "2024-03-19"


# ----------------------------------------------------------------------------- victims
@pytest.mark.parametrize("text, expected", [
    ("A 20-year-old man was shot Tuesday night on Main Street. He died at the hospital.",
     {"killed": 1}),
    ("Police said a woman was shot in the leg. She is in stable condition.", {"injured": 1}),
    ("Two men were shot, one fatally, outside a bar.", {"killed": 1, "injured": 1}),
    ("A man and a woman were shot at a party. The woman died on Sunday.",
     {"killed": 1, "injured": 1}),
    ("John Smith, 34, was found shot to death in his car. Smith lived nearby.",
     {"killed": 1}),
    ("Someone fired shots at a car on Elm Street. No one was hurt.", {}),
])
def test_victims_counted_in_words(text: str, expected: dict[str, int]):
    found = counts(figures_of(text))
    assert {k: found.get(k, 0) for k in ("killed", "injured") if found.get(k)} == expected


def test_the_headline_settles_whether_a_victim_died():
    text = "Police said a man was shot in the chest late Sunday."
    assert counts(figures_of(text)).get("injured") == 1
    died = counts(figures_of(text, title="Man shot and killed in Frankford"))
    assert died.get("killed") == 1 and not died.get("injured")


def test_victim_figures_point_at_the_victim():
    figure = one(figures_of("A 20-year-old man was shot and killed on Tuesday."), "man")
    assert (figure.text, figure.value, figure.measure, figure.unit) == \
        ("A 20-year-old man", 1, "killed", "person")


# ----------------------------------------------------------------------------- the stage
def test_no_parse_no_figures():
    article = article_of("Der Bundestag hat 300 Abgeordnete.")
    assert find_figures(Analysis(article)).figures == ()


def test_figures_are_fast(examples: dict[str, Analysis]):
    analysis = examples["anadolu"]
    started = time.perf_counter()
    for _ in range(20):
        find_figures(analysis)
    assert (time.perf_counter() - started) / 20 < 0.05  # well under the parse itself


def test_the_stage_declares_its_needs():
    from newsledger.understand.figures import STAGE

    assert STAGE.needs == {"doc", "entities", "times", "quotes"}
    assert STAGE.adds == {"figures"}
