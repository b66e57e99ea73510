"""Stage `quotes`: direct and reported speech with resolved speakers.

Needs: doc, entities. Adds: quotes. (Being built for issue 3: finds nothing yet.)
"""

from __future__ import annotations

from .pipeline import Analysis, Stage


def find_quotes(analysis: Analysis) -> Analysis:
    return analysis.add(quotes=())


STAGE = Stage("quotes", needs=frozenset({"doc", "entities"}),
              adds=frozenset({"quotes"}), run=find_quotes)
