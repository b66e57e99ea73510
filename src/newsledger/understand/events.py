"""Stage `events`: who did what to whom, where and when, typed by PLOVER.

Needs: doc, entities, times, quotes (whose speakers say who "I" is). Adds: events.

Rules over the spaCy parse, with a trigger lexicon (`event_lexicon`): a verb ("attacked",
"mediating"), a verb with an event noun ("held talks", "reached a deal", "the talks
resumed", "a resolution was adopted"), a state ("the talks were ongoing", "X said Y was
entirely responsible"), or an event noun reported as having happened with its own
participant or date ("a Hamas attack last October"). Types are PLOVER's top-level
categories (0.7b1 manual); a few choices, following the manual:
- a resolution adopted or a deal reached is AGREE (the parties commit to it); a declared
  ceasefire CONCEDE; hostages or prisoners released RETREAT;
- talks resumed, held, ongoing, a delegation arriving or leaving, a proposal or response
  presented: CONSULT; talks collapsed, stalled, called off, walked out of: SANCTION;
- blame (blamed, accused, charged that, "held X responsible", "X was entirely responsible
  for the failure"): ACCUSE; demands, orders, calls for: DEMAND (PLOVER's name for what
  the contract calls REQUEST: appeals are not coded);
- killings and casualty counts with no one named as doing them ("31,800 Palestinians have
  been killed") are not events here (PLOVER codes no event without a source actor): they
  are figures, for the `figures` stage.
Events in negated, conditional, modal or intended clauses are dropped (`event_syntax`).

Dates: the TIMEX3 value of the DATE time expression attached to the event's clause, or to
a clause governing it ("Al-Ansari said on Tuesday that the talks were ongoing"). An event
with no time expression gets no date, also in the past tense: wire copy dates the day's
news explicitly ("on Tuesday"), while an undated past tense is mostly background ("Israel
has waged a deadly onslaught"), which the publication date would misdate; and a stamped
date could not be told apart from a stated one. A timeline can still place an undated
event at its article's publication date, knowing that it did so.
"""

from __future__ import annotations

from .event_actors import participants
from .event_context import ArticleContext
from .event_syntax import event_date, event_place, event_span, is_future, is_irrealis
from .event_triggers import Candidate, candidates
from .pipeline import Analysis, Stage
from .records import Event

EXTRACTOR = "rules-v1"
# Types PLOVER codes only with a source actor ("4 people were killed" is not an event).
NEEDS_ACTOR = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN"}


def find_events(analysis: Analysis) -> Analysis:
    doc = analysis.doc
    if doc is None or not analysis.article.text.strip():
        return analysis.add(events=())
    context = ArticleContext.build(analysis)
    found: list[Event] = []
    for number, sentence in enumerate(doc.sents):
        for candidate in candidates(sentence, context):
            if is_irrealis(candidate):
                continue
            event = _event(candidate, number, context)
            if event is not None:
                found.append(event)
    return analysis.add(events=tuple(found))


def _event(candidate: Candidate, sentence: int, context: ArticleContext) -> Event | None:
    who = participants(candidate, context)
    place = event_place(candidate, context)
    time = event_date(candidate, context)
    date = time.value if time is not None else None
    if not who.actors and candidate.type in NEEDS_ACTOR and candidate.kind == "verb" \
            and candidate.noun is None:
        return None
    if not (who.actors or who.targets or who.mediators or place or date):
        return None  # nothing a reader could place: "meetings are still ongoing"
    # "left Doha": where, not whom, nor who mediates
    targets = tuple(t for t in who.targets if t != place)
    mediators = tuple(m for m in who.mediators if m != place)
    start, end = event_span(candidate, who.outside)
    text = context.analysis.article.text
    return Event(context.analysis.article.id, start, end, text[start:end], candidate.type,
                 candidate.trigger.text, tuple(who.actors), targets,
                 mediators, place, date, sentence, EXTRACTOR,
                 _confidence(candidate, bool(who.actors)))


def _confidence(candidate: Candidate, has_actor: bool) -> float:
    """Lower for a bare noun, a weak trigger ("hit", "warned"), a future event, or an
    event without a named actor."""
    value = 0.8 if candidate.kind != "noun" else 0.65
    if candidate.weak:
        value *= 0.8
    if is_future(candidate):
        value *= 0.7
    if not has_actor:
        value *= 0.85
    return round(value, 2)


STAGE = Stage("events", needs=frozenset({"doc", "entities", "times", "quotes"}),
              adds=frozenset({"events"}), run=find_events)
