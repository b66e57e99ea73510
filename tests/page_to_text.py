"""Render an HTML page's article region to text, as a person copying it would get it.

Used to test the plain-text rules on real pages: the region includes what sits inside
an article element on a real page (headline, byline, dates, captions, share buttons,
related links), block elements become lines, scripts and styles are dropped.
"""

from __future__ import annotations

from lxml import html as lxml_html

BLOCKS = {"p", "div", "section", "article", "header", "footer", "aside", "h1", "h2", "h3",
          "h4", "h5", "h6", "li", "ul", "ol", "figure", "figcaption", "blockquote", "time",
          "br", "tr", "table", "main", "nav", "address", "pre", "form", "dt", "dd"}
INVISIBLE = {"script", "style", "noscript", "template", "svg", "iframe", "head", "button"}


def article_region(page: str):  # type: ignore[no-untyped-def]
    tree = lxml_html.fromstring(page)
    for candidates in ("//article", "//main", "//body"):
        found = tree.xpath(candidates)
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    return tree


def render_text(element) -> str:  # type: ignore[no-untyped-def]
    parts: list[str] = []
    _walk(element, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _walk(element, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in INVISIBLE:
        parts.append(element.tail or "")
        return
    block = tag in BLOCKS
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")
