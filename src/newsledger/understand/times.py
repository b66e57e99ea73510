"""Stage `times`: time expressions as TIMEX3 values against the publication date.

Needs: doc. Adds: times. (Being built for issue 3: finds nothing yet.)
"""

from __future__ import annotations

from .pipeline import Analysis, Stage


def find_times(analysis: Analysis) -> Analysis:
    return analysis.add(times=())


STAGE = Stage("times", needs=frozenset({"doc"}), adds=frozenset({"times"}), run=find_times)
