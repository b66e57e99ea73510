"""The timeline and "what's new" views on hand-made findings: which mentions are one
event, how entries are dated and ordered, and what an article adds."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from newsledger.link.event_match import KnownEvents, dates_compatible, same_event
from newsledger.link.material import Material
from newsledger.link.novelty import story_novelty, what_is_new
from newsledger.link.timeline import build_timeline


def event(article: str, published: str, type_: str, text: str, date: str | None = None,
          actors: tuple[str, ...] = (), targets: tuple[str, ...] = (),
          start: int = 0) -> dict[str, Any]:
    return {"article": article, "published": published, "arrival": int(article[-1]),
            "type": type_, "text": text, "date": date, "actors": list(actors),
            "targets": list(targets), "mediators": [], "start": start, "end": start + 10,
            "sentence": 0}


def figure(article: str, published: str, value: float, qualifier: str, measure: str,
           as_of: str | None = None, start: int = 0) -> dict[str, Any]:
    return {"article": article, "published": published, "arrival": int(article[-1]),
            "value": value, "qualifier": qualifier, "measure": measure, "subject": "people",
            "unit": "person", "as_of": as_of, "text": f"{value} people", "start": start,
            "end": start + 5, "sentence": 1}


def test_dates_at_two_precisions_are_compatible() -> None:
    assert dates_compatible("2023-10", "2023-10-07")
    assert dates_compatible("2023", "2023-10-07")
    assert not dates_compatible("2023-10-07", "2023-10-08")
    assert not dates_compatible("2023-11", "2023-10-07")
    assert not dates_compatible(None, "2023-10-07")


def test_one_attack_reported_at_two_precisions_is_one_entry() -> None:
    vague = event("a1", "2024-03-19", "ASSAULT", "an attack by the rebels last October",
                  date="2023-10", actors=("the rebels",))
    exact = event("a2", "2024-03-26", "ASSAULT", "the rebels' attack on Oct 7",
                  date="2023-10-07", actors=("The Rebels",))
    entries = build_timeline([exact, vague])
    assert len(entries) == 1
    assert entries[0].date == "2023-10-07"
    assert entries[0].sources == ("a1", "a2")  # earliest report first
    assert entries[0].text == vague["text"]
    assert entries[0].dated_by == "text"


def test_same_day_same_type_with_other_participants_stays_apart() -> None:
    talks = event("a1", "2024-03-19", "CONSULT", "envoys met in Cairo", date="2024-03-18",
                  actors=("Egypt",))
    other = event("a2", "2024-03-19", "CONSULT", "ministers met in Paris", date="2024-03-18",
                  actors=("France",))
    assert not same_event(talks, other)
    assert len(build_timeline([talks, other])) == 2


def test_undated_events_go_on_their_report_day_in_order() -> None:
    later = event("a2", "2024-03-26", "AGREE", "the council adopted a resolution",
                  date="2024-03-25", actors=("council",))
    undated = event("a1", "2024-03-19", "PROTEST", "thousands marched in the capital")
    first = event("a1", "2024-03-19", "ASSAULT", "the raid", date="2023-10-07",
                  actors=("army",), start=50)
    entries = build_timeline([later, undated, first])
    assert [e.date for e in entries] == ["2023-10-07", "2024-03-19", "2024-03-25"]
    assert entries[1].dated_by == "published"


def test_ongoing_undated_event_with_same_participants_merges() -> None:
    first = event("a1", "2024-03-19", "ASSAULT", "the army has waged an offensive",
                  actors=("Army",), targets=("the city",))
    second = event("a2", "2024-03-26", "ASSAULT", "the army's campaign continues",
                   actors=("army",), targets=("City",))
    assert same_event(first, second)
    months_later = {**second, "published": "2024-06-26"}
    assert not same_event(first, months_later)


MENTIONS = st.builds(
    event, st.sampled_from(["a1", "a2"]),
    st.sampled_from(["2024-03-19", "2024-03-20", "2024-03-26", "2024-06-01"]),
    st.sampled_from(["ASSAULT", "CONSULT"]),
    st.sampled_from(["the army has waged an offensive", "talks resumed in Cairo", ""]),
    date=st.sampled_from([None, None, "2024", "2024-03", "2024-03-19", "2024-03-20",
                          "2024-W12"]),
    actors=st.lists(st.sampled_from(["Army", "army", "Egypt"]), max_size=1).map(tuple),
    targets=st.lists(st.sampled_from(["the city"]), max_size=1).map(tuple))


@given(st.lists(MENTIONS, max_size=12), MENTIONS)
# Undated, reported a week apart: the same ongoing offensive by its participants alone.
@example([event("a1", "2024-03-19", "ASSAULT", "the offensive", actors=("Army",))],
         event("a2", "2024-03-26", "ASSAULT", "the campaign", actors=("army",)))
def test_known_events_find_a_same_event_when_one_of_them_is(
        earlier: list[dict[str, Any]], mention: dict[str, Any]) -> None:
    """What's new compares a mention only with the earlier mentions that could be the
    same event: it must find one exactly when comparing with all of them would."""
    known = KnownEvents()
    for old in earlier:
        known.add(old)
    assert known.knows(mention) == any(same_event(mention, old) for old in earlier)


def test_figures_are_dated_claims_with_every_source() -> None:
    entries = build_timeline([], [figure("a1", "2024-03-19", 120, "more_than", "killed"),
                                  figure("a2", "2024-03-19", 120, "more_than", "killed"),
                                  figure("a2", "2024-03-19", 15, "exact", "injured",
                                         as_of="2024-03-18", start=9)])
    assert [(e.date, e.type, len(e.sources)) for e in entries] == [
        ("2024-03-18", "FIGURE", 1), ("2024-03-19", "FIGURE", 2)]
    assert entries[1].text == "more than 120 people: killed"
    assert entries[1].to_contract()["sources"] == ["a1", "a2"]


def material(*rows: dict[str, Any], figures: tuple[dict[str, Any], ...] = (),
             quotes: tuple[dict[str, Any], ...] = ()) -> Material:
    articles = {r["article"]: {"id": r["article"], "published": r["published"],
                               "arrival": r["arrival"]}
                for r in (*rows, *figures, *quotes)}
    ordered = tuple(sorted(articles.values(), key=lambda a: (a["published"], a["arrival"])))
    return Material(ordered, (), quotes, figures, rows)


def test_new_events_figures_and_quotes_of_a_later_article() -> None:
    old_talks = event("a1", "2024-03-19", "CONSULT", "talks resumed", date="2024-03-19",
                      actors=("Egypt",))
    same_talks = event("a2", "2024-03-26", "CONSULT", "talks that resumed last week",
                       date="2024-03-19", actors=("egypt",))
    vote = event("a2", "2024-03-26", "AGREE", "the council adopted a resolution",
                 date="2024-03-25", actors=("council",), start=40)
    quote_old = {"article": "a1", "published": "2024-03-19", "arrival": 1, "start": 0,
                 "end": 9, "sentence": 0, "speaker": "Ana Ruiz",
                 "text": "the negotiations resumed in the capital today"}
    quote_again = {**quote_old, "article": "a2", "published": "2024-03-26", "arrival": 2,
                   "text": "The negotiations resumed in the capital"}
    quote_new = {**quote_again, "start": 50, "text": "nothing has changed on the ground"}
    found = what_is_new("a2", "s1", material(
        old_talks, same_talks, vote,
        figures=(figure("a1", "2024-03-19", 100, "more_than", "killed"),
                 figure("a2", "2024-03-26", 130, "more_than", "killed")),
        quotes=(quote_old, quote_again, quote_new)))
    assert [e["type"] for e in found.events] == ["AGREE"]
    assert [f["value"] for f in found.figures] == [130]
    assert [q["text"] for q in found.quotes] == ["nothing has changed on the ground"]
    first = what_is_new("a1", "s1", material(old_talks, same_talks, vote))
    assert [e["type"] for e in first.events] == ["CONSULT"]


def test_story_novelty_walks_the_story_once_and_agrees_with_what_is_new() -> None:
    """The story page's one walk gives, article by article, what `what_is_new` gives
    for each article alone: a repeated figure, quote and event are not new, a higher
    toll is."""
    talks = event("a1", "2024-03-19", "CONSULT", "talks resumed", date="2024-03-19",
                  actors=("Egypt",))
    again = event("a3", "2024-03-26", "CONSULT", "talks that resumed last week",
                  date="2024-03-19", actors=("egypt",))
    quote = {"article": "a1", "published": "2024-03-19", "arrival": 1, "start": 0, "end": 9,
             "sentence": 0, "speaker": "Ana Ruiz", "text": "the negotiations resumed today"}
    found = material(
        talks, again,
        figures=(figure("a1", "2024-03-19", 100, "more_than", "killed"),
                 figure("a2", "2024-03-18", 90, "exact", "killed"),
                 figure("a3", "2024-03-26", 100, "more_than", "killed", as_of="2024-03-19"),
                 figure("a3", "2024-03-26", 130, "more_than", "killed", start=30)),
        quotes=(quote, {**quote, "article": "a3", "published": "2024-03-26", "arrival": 3}))
    walked = story_novelty("s1", found)
    assert walked == [what_is_new(a["id"], "s1", found) for a in found.articles]
    last = walked[-1]
    assert (last.events, last.quotes) == ((), ())
    assert [f["value"] for f in last.figures] == [130]
