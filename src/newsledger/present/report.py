"""A story's report in three formats: one self-contained HTML page (opens offline: inline
style, charts as inline SVG, no script), Markdown with the same sections (charts become
tables of readings), and the story view as JSON.

Needs: a story view (`story_view.story_view`). Adds nothing to the store.

All article content reaches the HTML through Jinja2 with autoescaping on, so markup in an
article shows as text. The charts are the one piece inserted as markup: SVG drawn by Vega
from the readings, whose text Vega writes escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from .charts import same_page_anchor, series_svg
from .listing import markdown_table

FORMATS = ("html", "md", "json")


def render_report(view: Mapping[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(view, ensure_ascii=False, indent=2)
    if fmt == "md":
        return report_markdown(view)
    if fmt == "html":
        return report_html(view)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


# -- HTML -------------------------------------------------------------------------------

def templates() -> Environment:
    """The Jinja2 templates of the package (the web app loads the same ones)."""
    env = Environment(loader=PackageLoader("newsledger.present", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = number
    return env


def report_html(view: Mapping[str, Any]) -> str:
    """The page, with every link to a sentence pointing at its anchor in the same page."""
    articles = {a["id"]: a for a in view["articles"]}
    charts = [inline_svg(series_svg(series, f"chart{n}"))
              for n, series in enumerate(view["series"])]
    return templates().get_template("report.html.j2").render(
        view=view, charts=charts, version=__version__, href=same_page_href,
        outlet_of=field_of(articles, "outlet"), published_of=field_of(articles, "published"))


def same_page_href(link: Mapping[str, Any]) -> str:
    """A link for the report's text: an empty anchor where the sentence is unknown."""
    return same_page_anchor(link) or "#"


def field_of(articles: Mapping[str, Mapping[str, Any]], field: str) -> Callable[[str], str]:
    def lookup(article: str) -> str:
        return str((articles.get(article) or {}).get(field) or article[:8])
    return lookup


_NAMESPACES = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')


def inline_svg(svg: str) -> Markup:
    """An SVG placed inside HTML needs no namespace declarations (the HTML parser knows
    SVG and xlink); dropping them leaves the page with no remote-looking address."""
    return Markup(_NAMESPACES.sub("", svg))  # noqa: S704 - Vega's own escaped output


def number(value: Any) -> str:
    """12,345 for a count, 1,200-1,500 for a range."""
    if isinstance(value, list):
        return "–".join(number(v) for v in value)
    if isinstance(value, int | float):
        return f"{value:,}" if float(value).is_integer() else f"{value:,.2f}"
    return str(value)


# -- Markdown ---------------------------------------------------------------------------

def report_markdown(view: Mapping[str, Any]) -> str:
    story = view["story"]
    head = [f"# {md(story['title'] or story['id'])}", "",
            f"Story {story['id']}: {story['size']} articles from "
            f"{', '.join(story['outlets'])}, {story['first']} to {story['last']}."]
    outlet_of = field_of({a["id"]: a for a in view["articles"]}, "outlet")
    sections = [head, *(part(view, outlet_of) for part in (
        _md_threads, _md_timeline, _md_figures, _md_quotes, _md_reuse, _md_added)),
        _md_articles(view)]
    return "\n".join("\n".join(lines) + "\n" for lines in sections)


def md(text: Any) -> str:
    """Article text inside Markdown: markup shown as text, table cells kept whole."""
    return (str(text if text is not None else "").replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("|", "\\|").replace("\n", " ").strip())


def _ref(link: Mapping[str, Any] | None, outlet_of: Callable[[str], str]) -> str:
    if not link or link.get("sentence") is None:
        return ""
    return f"[{md(outlet_of(link['article']))} §{link['sentence']}](#{link['anchor']})"


def _md_threads(view: Mapping[str, Any], outlet_of: Callable[[str], str]) -> list[str]:
    threads = view["threads"]
    lines = ["## Threads", ""]
    if len(threads["shared"]) == 1 and not threads["alone"]:
        return lines + ["The articles follow one thread."]
    lines += [f"- {md(t['title'] or t['id'])}: {t['size']} articles, {t['first']} to "
              f"{t['last']} {_ref(t['link'], outlet_of)}"
              for t in threads["shared"]]
    if threads["alone"]:
        lines.append(f"- {threads['alone']} more articles follow no other closely")
    return lines


def _md_timeline(view: Mapping[str, Any], outlet_of: Callable[[str], str]) -> list[str]:
    rows = [[e["date"] or "undated", md(e["text"]), e["type"],
             ", ".join(_ref(link, outlet_of) for link in e["links"])] for e in view["timeline"]]
    return ["## Timeline", "", *markdown_table(("date", "what", "type", "reported by"), rows)]


def _md_figures(view: Mapping[str, Any], outlet_of: Callable[[str], str]) -> list[str]:
    lines = ["## Figures"]
    for series in view["series"]:
        rows = [[r["day"] or r["as_of"] or "?",
                 f"{r['qualifier'].replace('_', ' ')} {number(r['value'])}", md(r["text"]),
                 r["status"], md(r["outlet"]), _ref(r["link"], outlet_of)]
                for r in series["readings"]]
        lines += ["", f"### {md(series['label'])}", "",
                  *markdown_table(("holds for", "value", "as written", "status", "outlet",
                           "sentence"), rows)]
    return lines


def _md_quotes(view: Mapping[str, Any], outlet_of: Callable[[str], str]) -> list[str]:
    lines = ["## Who said what"]
    for speaker in view["speakers"]:
        also = f" (also written: {', '.join(map(md, speaker['spellings']))})" \
            if len(speaker["spellings"]) > 1 else ""
        lines += ["", f"### {md(speaker['name'] or 'Unattributed')}{also}", ""]
        lines += [f"- “{md(q['text'])}” ({q['kind']}) {_ref(q['link'], outlet_of)}"
                  for q in speaker["quotes"]]
    return lines


def _md_reuse(view: Mapping[str, Any], outlet_of: Callable[[str], str]) -> list[str]:
    reuse = view["reuse"]
    lines = ["## Outlets and what they took from each other", ""]
    lines += [f"- {md(o['outlet'])}: {len(o['articles'])} articles" for o in view["outlets"]]
    if reuse["pairs"]:
        lines += ["", *markdown_table(("outlet", "took from", "passages"),
                              [[md(p["outlet"]), md(p["from"]), str(p["passages"])]
                               for p in reuse["pairs"]]), ""]
    lines += [f"- {_ref(p['link'], outlet_of)} repeats "
              f"{_ref(p['origin_link'], outlet_of) or md(p['origin_outlet'] or p['origin'])}"
              f" ({p['similarity']:.2f}): {md(p['text'])}" for p in reuse["passages"]]
    return lines


def _md_added(view: Mapping[str, Any], outlet_of: Callable[[str], str]) -> list[str]:
    lines = ["## What each article added"]
    for added in view["added"]:
        lines += ["", f"### {md(outlet_of(added['article']))} ({added['article']})", ""]
        lines += [f"- {kind[:-1]}: {md(item['text'])} {_ref(item['link'], outlet_of)}"
                  for kind in ("events", "figures", "quotes") for item in added[kind]]
        if added["entities"]:
            lines.append(f"- newly named: {', '.join(md(e['text']) for e in added['entities'])}")
    return lines


def _md_articles(view: Mapping[str, Any]) -> list[str]:
    """Each article's sentences, numbered as the § references count them."""
    lines = ["## Articles"]
    for article in view["articles"]:
        lines += ["", f"### {md(article['title'])}", "",
                  f"{md(article['outlet'])}, {article['published']}, {article['id']}", ""]
        lines += [f'<a id="{s["anchor"]}"></a>§{s["n"]} {md(s["text"])}  '
                  for s in article.get("sentences", [])]
    return lines
