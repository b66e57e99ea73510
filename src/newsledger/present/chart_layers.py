"""The Altair side of the figure-series charts (`charts`): the layers of the one chart
layout, built once per process. Kept apart so that Altair, slow to import, is loaded
only when a chart is first drawn.
"""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt

from .charts import (
    DATASET,
    HEIGHT,
    READINGS_LAYER,
    STATUS_COLOURS,
    STATUS_LAYER,
    WIDTH,
    shape_scale,
)


@lru_cache(maxsize=256)
def altair_layout(qualifiers: tuple[str, ...], moving: tuple[str, ...]) -> str:
    """The chart without its data, built by Altair for these qualifiers and statuses."""
    base = alt.Chart(alt.Data(name=DATASET))
    layers = [_trend(base), _bands(base), _readings(base, qualifiers),
              _rings(base, moving)]
    chart = alt.layer(*layers).properties(width=WIDTH, height=HEIGHT)
    return json.dumps(chart.to_dict())


def _x() -> alt.X:
    return alt.X("day:T", title="holds for", scale=alt.Scale(padding=24),
                 axis=alt.Axis(format="%Y-%m-%d", labelAngle=0, tickCount=6))


def _y() -> alt.Y:
    return alt.Y("value:Q", title=None, scale=alt.Scale(zero=False, padding=16))


def _trend(base: alt.Chart) -> alt.Chart:
    """A thin line in day order, so that a rise or a fall reads at a glance."""
    return base.mark_line(color="#bbbbbb", strokeWidth=1).encode(_x(), _y())


def _bands(base: alt.Chart) -> alt.Chart:
    """The bounded interval a qualifier or a range allows, as an error bar."""
    return base.transform_filter("datum.high != null").mark_rule(strokeWidth=2).encode(
        _x(), alt.Y("low:Q"), alt.Y2("high:Q"),
        alt.Color("outlet:N", title="outlet"))


def _readings(base: alt.Chart, qualifiers: tuple[str, ...]) -> alt.Chart:
    shapes = shape_scale(qualifiers)["range"]
    return base.mark_point(filled=True, size=140, opacity=0.9).encode(
        _x(), _y(),
        alt.Color("outlet:N", title="outlet"),
        alt.Shape("qualifier:N", title="qualifier",
                  scale=alt.Scale(domain=list(qualifiers), range=shapes)),
        alt.Href("href:N"),
        alt.Description("text:N"),
        tooltip=["day:T", "qualifier:N", "value:Q", "outlet:N", "status:N"],
    ).properties(name=READINGS_LAYER)


def _rings(base: alt.Chart, moving: tuple[str, ...]) -> alt.Chart:
    return base.transform_filter(alt.FieldOneOfPredicate("status", list(STATUS_COLOURS))
                                 ).mark_point(size=420, strokeWidth=2, filled=False).encode(
        _x(), _y(),
        alt.Stroke("status:N", title="status", legend=alt.Legend() if moving else None,
                   scale=alt.Scale(domain=list(moving) or ["update"],
                                   range=[STATUS_COLOURS[s] for s in moving or ["update"]]))
    ).properties(name=STATUS_LAYER)
