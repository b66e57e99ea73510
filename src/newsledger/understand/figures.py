"""Stage `figures`: numeric claims with qualifier, unit, subject, measure, source and date.

Needs: doc, entities, times. Adds: figures. (Being built for issue 3: finds nothing yet.)
"""

from __future__ import annotations

from .pipeline import Analysis, Stage


def find_figures(analysis: Analysis) -> Analysis:
    return analysis.add(figures=())


STAGE = Stage("figures", needs=frozenset({"doc", "entities", "times"}),
              adds=frozenset({"figures"}), run=find_figures)
