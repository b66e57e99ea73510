"""Events on the bundled examples and on small hand-written news sentences: PLOVER types,
actors, mediators, places and dates a reader expects, and no event where the text says
none happened (negated, conditional, intended).

The `times` stage is built separately: these tests give the events stage hand-made time
expressions, so that they check how events take dates, not how dates are resolved."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from newsledger.ingest import read_inputs
from newsledger.records import Article, article_id
from newsledger.settings import load_settings
from newsledger.understand import entities, parse, understand
from newsledger.understand.events import find_events
from newsledger.understand.pipeline import Analysis
from newsledger.understand.records import Event, Quote, TimeExpression

from .conftest import ANADOLU, TRT

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
          "ASSAULT"}
ANADOLU_TIMES = [("Tuesday", "2024-03-19"), ("Monday", "2024-03-18"),
                 ("November 2023", "2023-11"), ("last October", "2023-10"),
                 ("January", "2024-01")]
TRT_TIMES = [("Tuesday", "2024-03-26"), ("Monday", "2024-03-25"), ("Oct 7", "2023-10-07")]


def parsed(article: Article) -> Analysis:
    return entities.STAGE.run(parse.STAGE.run(Analysis(article)))


def with_times(analysis: Analysis, phrases: Iterable[tuple[str, str]]) -> Analysis:
    """Hand-made DATE expressions at every occurrence of each phrase."""
    text = analysis.article.text
    found = [TimeExpression(analysis.article.id, m.start(), m.end(), m.group(), "DATE",
                            value, 0, "hand", 1.0)
             for phrase, value in phrases
             for m in re.finditer(rf"\b{re.escape(phrase)}\b", text)]
    return analysis.add(times=tuple(found))


def events_of(text: str, times: Iterable[tuple[str, str]] = (),
              published: str = "2024-03-19") -> tuple[Event, ...]:
    article = Article(id=article_id(text), input="t.txt", text=text, language="en",
                      published=published)
    return find_events(with_times(parsed(article), times)).events


def example(path: Path, times: list[tuple[str, str]], tmp: Path) -> Analysis:
    settings = load_settings({"db": str(tmp / "x.db")}, config=tmp / "none.toml")
    (article,) = list(read_inputs([str(path)], settings))
    return find_events(with_times(parsed(article), times))


@pytest.fixture(scope="module")
def anadolu(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    return example(ANADOLU, ANADOLU_TIMES, tmp_path_factory.mktemp("anadolu"))


@pytest.fixture(scope="module")
def trt(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    return example(TRT, TRT_TIMES, tmp_path_factory.mktemp("trt"))


def find(found: Iterable[Event], kind: str, **wanted: object) -> list[Event]:
    """Events of this type whose fields hold the wanted values (a set: contains all)."""
    matches = []
    for event in found:
        if event.type != kind:
            continue
        ok = True
        for name, value in wanted.items():
            have = getattr(event, name)
            ok &= set(value) <= set(have) if isinstance(value, set) else have == value
        if ok:
            matches.append(event)
    return matches


# ---- the examples ----------------------------------------------------------------------

def test_every_event_reads_as_its_own_text(anadolu: Analysis, trt: Analysis) -> None:
    for analysis in (anadolu, trt):
        text = analysis.article.text
        sentences = list(analysis.doc.sents)
        assert analysis.events
        for event in analysis.events:
            assert text[event.start:event.end] == event.text
            assert sentences[event.sentence].start_char <= event.start
            assert event.type in PLOVER and 0 < event.confidence <= 1
            assert event.trigger in event.text


def test_first_example_talks_resumed_with_qatar_mediating_dated_by_tuesday(
        anadolu: Analysis) -> None:
    (resumed,) = find(anadolu.events, "CONSULT", actors={"Hamas", "Israel"},
                      mediators={"Qatar"}, trigger="resumption")
    assert resumed.date == "2024-03-19"
    assert "resumption of indirect talks" in resumed.text
    assert find(anadolu.events, "CONSULT", place="Doha", trigger="resumed")


def test_first_example_meeting_and_response_dated_monday(anadolu: Analysis) -> None:
    assert find(anadolu.events, "CONSULT", trigger="held", date="2024-03-18")
    assert find(anadolu.events, "CONSULT", trigger="presented", actors={"Israel"},
                date="2024-03-18")


def test_the_mossad_chief_who_left_is_the_person_named_head_of_mossad(
        anadolu: Analysis) -> None:
    left = find(anadolu.events, "CONSULT", trigger="left", actors={"David Barnea"})
    assert {e.place for e in left} == {"Qatar", "Doha"}
    assert {e.date for e in left} == {"2024-03-19", None}


def test_mediators_are_kept_apart_from_the_parties(anadolu: Analysis) -> None:
    (mediating,) = find(anadolu.events, "CONSULT", trigger="mediating")
    assert set(mediating.mediators) == {"Qatar", "Egypt", "US"}
    assert set(mediating.actors) == {"Israel", "Hamas"}


def test_october_attack_and_november_release(anadolu: Analysis, trt: Analysis) -> None:
    assert find(anadolu.events, "ASSAULT", trigger="attack", actors={"Hamas"},
                date="2023-10")
    assert find(trt.events, "ASSAULT", actors={"Hamas"}, date="2023-10-07")
    (release,) = find(anadolu.events, "RETREAT", trigger="release")
    assert release.date == "2023-11" and "81 Israelis" in release.text


def test_a_hypothetical_attack_and_an_intended_agreement_are_not_events(
        anadolu: Analysis) -> None:
    sentence = anadolu.article.text.index("Any Israeli attack on Rafah")
    end = anadolu.article.text.index("\n", sentence)
    assert not [e for e in anadolu.events if sentence <= e.start < end]
    assert not [e for e in anadolu.events if e.trigger in ("launching", "reach")]


def test_second_example_talks_ongoing_and_meetings_in_doha(trt: Analysis) -> None:
    assert find(trt.events, "CONSULT", trigger="continuing", actors={"Hamas", "Israel"},
                mediators={"Qatar"})
    assert find(trt.events, "CONSULT", trigger="ongoing", date="2024-03-26")
    assert find(trt.events, "CONSULT", trigger="ongoing", place="Doha")


def test_security_council_resolution_adopted_monday(trt: Analysis) -> None:
    (adopted,) = find(trt.events, "AGREE", trigger="adopted")
    assert adopted.actors == ("UN Security Council",) and adopted.date == "2024-03-25"


def test_blame_both_ways(trt: Analysis) -> None:
    assert find(trt.events, "ACCUSE", actors={"Hamas"}, targets={"Netanyahu"})
    assert find(trt.events, "ACCUSE", actors={"Netanyahu"}, targets={"Hamas"},
                trigger="charging")
    assert find(trt.events, "ACCUSE", actors={"Hamas", "Israel"}, trigger="traded")


def test_a_team_that_has_not_pulled_out_did_not_pull_out(trt: Analysis) -> None:
    assert not [e for e in trt.events if e.trigger == "pulled"]


def test_without_time_expressions_events_have_no_date(tmp_path: Path) -> None:
    analysis = example(ANADOLU, [], tmp_path)
    assert analysis.events and all(e.date is None for e in analysis.events)


def test_the_whole_pipeline_fills_events() -> None:
    settings = load_settings({}, config=Path("/nonexistent/none.toml"))
    (article,) = list(read_inputs([str(TRT)], settings))
    analysis = understand(article)
    assert find(analysis.events, "AGREE", trigger="adopted")
    for event in analysis.events:
        assert analysis.article.text[event.start:event.end] == event.text


def test_the_stage_is_fast(anadolu: Analysis, trt: Analysis) -> None:
    start = time.perf_counter()
    for analysis in (anadolu, trt):
        find_events(analysis.add(events=()))
    assert time.perf_counter() - start < 0.1  # well under 10 ms an article, with margin


# ---- hand-written news sentences -------------------------------------------------------

def test_negated_agreement_is_not_an_agreement() -> None:
    assert not find(events_of("Russia and Ukraine did not agree on a ceasefire."), "AGREE")


def test_conditional_and_modal_events_are_dropped() -> None:
    assert not events_of("Hamas said it would release 50 hostages if Israel halted its "
                         "offensive.")


def test_protest_with_place_and_date() -> None:
    (protest,) = events_of("Thousands of protesters rallied in Paris on Saturday against "
                           "the pension reform.", [("Saturday", "2024-03-16")])
    assert (protest.type, protest.actors, protest.place, protest.date) == (
        "PROTEST", ("protesters",), "Paris", "2024-03-16")


def test_passive_attack_takes_its_actor_from_the_by_phrase() -> None:
    (attack,) = events_of("Five police officers were killed by gunmen in Kabul on Monday.",
                          [("Monday", "2024-03-18")])
    assert (attack.type, attack.actors, attack.place) == ("ASSAULT", ("gunmen",), "Kabul")


def test_a_death_toll_without_a_perpetrator_is_a_figure_not_an_event() -> None:
    assert not events_of("More than 30 people have been killed in Gaza since Sunday.")


def test_talks_mediated_by_three_countries() -> None:
    found = events_of("Talks mediated by Qatar, Egypt and the US resumed in Cairo on Sunday.",
                      [("Sunday", "2024-03-17")])
    (talks,) = find(found, "CONSULT")
    assert set(talks.mediators) == {"Qatar", "Egypt", "US"}
    assert (talks.place, talks.date) == ("Cairo", "2024-03-17")


def test_national_adjectives_of_mediators_are_read_as_their_countries() -> None:
    found = events_of("Qatar and Egypt have mediated between the two sides for months. "
                      "Qatari and Egyptian mediators held talks with Hamas officials in Doha.")
    (talks,) = find(found, "CONSULT", trigger="held")
    assert set(talks.mediators) == {"Qatar", "Egypt"} and talks.place == "Doha"
    assert "Hamas" in talks.actors


def test_holding_someone_responsible_is_an_accusation() -> None:
    (blame,) = events_of("Israel held Hamas responsible for the collapse of the talks.")
    assert (blame.type, blame.actors, blame.targets) == ("ACCUSE", ("Israel",), ("Hamas",))


def test_aid_delivered() -> None:
    (aid,) = events_of("The UN delivered food aid to Gaza on Tuesday.",
                       [("Tuesday", "2024-03-19")])
    assert (aid.type, aid.actors, aid.date) == ("AID", ("UN",), "2024-03-19")


def test_talks_that_collapsed_reduce_relations() -> None:
    (collapse,) = events_of("Talks between Israel and Hamas collapsed in Cairo on Friday.",
                            [("Friday", "2024-03-15")])
    assert (collapse.type, set(collapse.actors)) == ("SANCTION", {"Israel", "Hamas"})


def test_resolution_adopted_and_vetoed() -> None:
    assert find(events_of("The UN Security Council adopted a resolution on Monday."),
                "AGREE", actors={"UN Security Council"})
    assert find(events_of("The United States vetoed the resolution."), "REJECT",
                actors={"United States"})


def test_a_date_of_the_reporting_clause_dates_the_reported_state() -> None:
    found = events_of("Al-Ansari said on Tuesday that the negotiations were ongoing in Doha.",
                      [("Tuesday", "2024-03-19")])
    assert find(found, "CONSULT", date="2024-03-19", place="Doha")


def test_since_opens_another_time() -> None:
    found = events_of("Israel has bombarded Gaza since the attack on October 7.",
                      [("October 7", "2023-10-07")])
    (bombing,) = find(found, "ASSAULT", trigger="bombarded")
    assert bombing.date is None and bombing.actors == ("Israel",)
    assert find(found, "ASSAULT", trigger="attack", date="2023-10-07")


@pytest.mark.parametrize("text", [
    "Trump fired Comey last week.",
    "Henman rallied and double-faulted, then slammed his racket.",
    "The earthquake struck the city on Monday.",
    "The company released its quarterly report on Tuesday.",
    "Wednesday morning brought some relief for the minister.",
])
def test_words_that_are_not_events_here(text: str) -> None:
    assert not events_of(text, [("Monday", "2024-03-18"), ("Tuesday", "2024-03-19")])


@pytest.mark.parametrize("text", [
    "He said the planned Israeli ground operation was a big mistake.",
    "He said that civilians in Gaza are not responsible for this violence.",
    "The only Ireland player offering a real threat was O'Driscoll.",
    "Gaetz dismissed accusations that his actions had hurt Israel.",
    "The report praised all those who live, work or visit London.",
    '"Call off this summit," the senator tweeted.',
    "The US had two goals: convincing Netanyahu to temper his plans; and reaching an "
    "agreement between Israel and Saudi Arabia.",
    "Israel and most Jewish groups agree.",
])
def test_planned_denied_and_generic_are_not_events(text: str) -> None:
    assert not [e for e in events_of(text) if e.type != "SUPPORT"]


def test_a_verbal_attack_on_a_plan_is_an_accusation() -> None:
    found = events_of("The senator attacked the plan on Monday.", [("Monday", "2024-03-18")])
    assert [e.type for e in found] == ["ACCUSE"]


def test_an_attack_on_a_failure_is_made_in_words() -> None:
    (attack,) = events_of("Ms Aloni delivered a furious attack on Mr Netanyahu's failure to "
                          "protect civilians.")
    assert (attack.type, attack.actors) == ("ACCUSE", ("Ms Aloni",))


def test_a_place_before_an_event_noun_is_where_unless_it_acts() -> None:
    (war,) = events_of("Police have been on alert since the Gaza war began on 7 October.",
                       [("7 October", "2023-10-07")])
    assert "Gaza" not in war.actors
    found = events_of("Israel struck Hamas targets. The Israel airstrikes began on Monday.",
                      [("Monday", "2024-03-18")])
    assert find(found, "ASSAULT", trigger="began", actors={"Israel"})


def test_i_in_a_quotation_is_its_speaker() -> None:
    text = ('"I have condemned the attacks by Hamas," Mr Guterres told the Security '
            'Council on Tuesday.')
    article = Article(id=article_id(text), input="t.txt", text=text, language="en")
    said = 'I have condemned the attacks by Hamas'
    quote = Quote(article.id, 1, 1 + len(said), said, "Antonio Guterres", 43, 51, "told",
                  "direct", 0, "hand", 1.0)
    analysis = find_events(parsed(article).add(quotes=(quote,)))
    (condemned,) = find(analysis.events, "ACCUSE")
    assert condemned.actors == ("Antonio Guterres",)


def test_no_parse_no_events() -> None:
    text = "Der Bundestag hat am Dienstag abgestimmt."
    article = Article(id=article_id(text), input="de.txt", text=text, language="de")
    assert find_events(Analysis(article)).events == ()
