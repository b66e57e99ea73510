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
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

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


Href = Callable[[Mapping[str, Any]], "str | None"]


def same_page_anchor(link: Mapping[str, Any]) -> str | None:
    return f"#{link['anchor']}" if link["anchor"] else None


def series_spec(series: Mapping[str, Any], href: Href = same_page_anchor) -> dict[str, Any]:
    """The series' chart as a Vega-Lite spec (a dict ready for JSON): the layout for its
    qualifiers and statuses, with its readings as the named dataset; `href` makes each
    reading's link (by default the anchor of its sentence in the same page)."""
    rows = [_row(reading, href) for reading in series["readings"]]
    qualifiers = tuple(sorted({row["qualifier"] for row in rows}))
    moving = tuple(sorted({row["status"] for row in rows if row["status"] in STATUS_COLOURS}))
    spec: dict[str, Any] = json.loads(_layout(qualifiers, moving))
    spec["title"] = series.get("label") or series["measure"]
    spec["datasets"] = {DATASET: rows}
    return spec


@lru_cache(maxsize=256)
def _layout(qualifiers: tuple[str, ...], moving: tuple[str, ...]) -> str:
    """The chart without its data, as JSON: the one layout Altair builds
    (`chart_layers.altair_layout`) with the scales of the qualifiers and statuses
    present. Altair takes tens of milliseconds per chart and a story may show twenty
    kinds, so it builds once per process and each kind only sets its two scales."""
    from .chart_layers import altair_layout  # Altair takes a quarter second to import

    spec = json.loads(altair_layout(tuple(QUALIFIER_SHAPES_SHOWN), tuple(STATUS_COLOURS)))
    for layer in spec["layer"]:
        if layer.get("name") == READINGS_LAYER:
            layer["encoding"]["shape"]["scale"] = shape_scale(qualifiers)
        elif layer.get("name") == STATUS_LAYER:
            layer["encoding"]["stroke"].update(_status_scale(moving))
    return json.dumps(spec)


def shape_scale(qualifiers: tuple[str, ...]) -> dict[str, list[str]]:
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


def _row(reading: Mapping[str, Any], href: Href) -> dict[str, Any]:
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
            "href": href(reading["link"])}


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
