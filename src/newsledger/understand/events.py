"""Stage `events`: who did what to whom, where and when, typed by PLOVER.

Needs: doc, entities, times. Adds: events. (Being built for issue 3: finds nothing yet.)
"""

from __future__ import annotations

from .pipeline import Analysis, Stage


def find_events(analysis: Analysis) -> Analysis:
    return analysis.add(events=())


STAGE = Stage("events", needs=frozenset({"doc", "entities", "times"}),
              adds=frozenset({"events"}), run=find_events)
