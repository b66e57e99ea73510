"""Figure-series charts: one Vega-Lite chart per series (built with Altair), rendered to a
static SVG by Vega itself (`vl-convert`), so a report shows its charts offline and with
no script at all.

Needs: a series as `story_view.series_view` gives it. Adds: the chart's Vega-Lite spec
(`series_spec`, JSON, which a web page can also hand to vega-embed) and its SVG
(`series_svg`).

What the chart shows, per reading: one point (the layer named `readings`, so a test can
count `g.readings_marks path`), placed at the day the reading holds for and at its number,
filled with the outlet's colour, shaped by the qualifier (an upward triangle for "more
than", a downward one for "less than", a diamond for approximations); the interval the
qualifier allows as an error bar where it is bounded; a ring whose colour says the
reading updates, revises or conflicts with what came before. Each point links to the
sentence it came from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import altair as alt

READINGS_LAYER, STATUS_LAYER = "readings", "status"
# The marker says which way the true number may lie from the one written.
QUALIFIER_SHAPES = {"exact": "circle", "more_than": "triangle-up", "at_least": "triangle-up",
                    "less_than": "triangle-down", "up_to": "triangle-down",
                    "nearly": "diamond", "about": "diamond", "range": "square"}
# Only readings that move the series get a ring; a first reading or a repeat does not.
QUALIFIER_SHAPES_SHOWN = [q.replace("_", " ") for q in QUALIFIER_SHAPES]
STATUS_COLOURS = {"update": "#1b7837", "revision": "#e08214", "conflict": "#d7191c"}
WIDTH, HEIGHT = 520, 220
DATASET = "readings"


def series_spec(series: Mapping[str, Any]) -> dict[str, Any]:
    """The series' chart as a Vega-Lite spec (a dict ready for JSON): the layout for its
    qualifiers and statuses, with its readings as the named dataset."""
    rows = [_row(reading) for reading in series["readings"]]
    qualifiers = tuple(sorted({row["qualifier"] for row in rows}))
    moving = tuple(sorted({row["status"] for row in rows if row["status"] in STATUS_COLOURS}))
    spec: dict[str, Any] = json.loads(_layout(qualifiers, moving))
    spec["title"] = series.get("label") or series["measure"]
    spec["datasets"] = {DATASET: rows}
    return spec


@lru_cache(maxsize=256)
def _layout(qualifiers: tuple[str, ...], moving: tuple[str, ...]) -> str:
    """The chart without its data, as JSON: the one layout Altair builds (`_altair_layout`)
    with the scales of the qualifiers and statuses present. Altair takes tens of
    milliseconds per chart and a story may show twenty kinds, so it builds once per
    process and each kind only sets its two scales."""
    spec = json.loads(_altair_layout(tuple(QUALIFIER_SHAPES_SHOWN), tuple(STATUS_COLOURS)))
    for layer in spec["layer"]:
        if layer.get("name") == READINGS_LAYER:
            layer["encoding"]["shape"]["scale"] = _shape_scale(qualifiers)
        elif layer.get("name") == STATUS_LAYER:
            layer["encoding"]["stroke"].update(_status_scale(moving))
    return json.dumps(spec)


@lru_cache(maxsize=256)
def _altair_layout(qualifiers: tuple[str, ...], moving: tuple[str, ...]) -> str:
    """The chart without its data, built by Altair for these qualifiers and statuses."""
    base = alt.Chart(alt.Data(name=DATASET))
    layers = [_trend(base), _bands(base), _readings(base, qualifiers),
              _rings(base, moving)]
    chart = alt.layer(*layers).properties(width=WIDTH, height=HEIGHT)
    return json.dumps(chart.to_dict())


def _shape_scale(qualifiers: tuple[str, ...]) -> dict[str, list[str]]:
    return {"domain": list(qualifiers),
            "range": [QUALIFIER_SHAPES.get(q.replace(" ", "_"), "circle") for q in qualifiers]}


def _status_scale(moving: tuple[str, ...]) -> dict[str, Any]:
    """The ring colours of the statuses present; no legend when no reading moved."""
    shown = list(moving) or ["update"]
    return {"legend": {} if moving else None,
            "scale": {"domain": shown, "range": [STATUS_COLOURS[s] for s in shown]}}


def series_svg(series: Mapping[str, Any], prefix: str) -> str:
    """The chart drawn by Vega as SVG; `prefix` keeps its element ids unique among the
    several charts of one page."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(series_spec(series), allowed_base_urls=[])
    return _prefix_ids(_fragment_links(svg), prefix)


def series_png(series: Mapping[str, Any]) -> bytes:
    """The same chart as a PNG (for a Markdown report saved beside its images)."""
    import vl_convert

    return bytes(vl_convert.vegalite_to_png(series_spec(series), allowed_base_urls=[]))


def _row(reading: Mapping[str, Any]) -> dict[str, Any]:
    qualifier = reading["qualifier"] if not isinstance(reading["value"], list) else "range"
    # An exact number's rounding tolerance is the linker's business, not the reader's.
    bounded = (qualifier != "exact" and reading["high"] is not None
               and reading["low"] < reading["high"])
    return {"day": reading["day"] or reading["as_of"], "value": reading["nominal"],
            "low": reading["low"] if bounded else None,
            "high": reading["high"] if bounded else None,
            "qualifier": qualifier.replace("_", " "), "status": reading["status"],
            "outlet": reading["outlet"] or "(unknown outlet)",
            "text": reading["text"] or str(reading["value"]),
            "href": f"#{reading['link']['anchor']}" if reading["link"]["anchor"] else None}


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
    shapes = _shape_scale(qualifiers)["range"]
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


_LINK = re.compile(r'xlink:href="[^"#]*#')
_ID = re.compile(r'\bid="([^"]+)"')


def _fragment_links(svg: str) -> str:
    """Vega resolves a mark's link against its data loader's base URL, a remote site; the
    links are anchors in the same page, so only the fragment is kept."""
    return _LINK.sub('xlink:href="#', svg)


def _prefix_ids(svg: str, prefix: str) -> str:
    """Vega numbers its clip paths from 1 in every chart; inline in one page the second
    chart's `url(#clip1)` would point at the first chart's clip."""
    for name in set(_ID.findall(svg)):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}-{name}"')
        svg = svg.replace(f"url(#{name})", f"url(#{prefix}-{name})")
    return svg
