"""An article's text cut into pieces for highlighting: the sentences (each with its anchor)
and the findings (entities, times, quotes, figures) as marks over character offsets.

Needs: the article text and its marks (`Mark`, from the stored offsets). Adds nothing to
the store. No markup is made here: the pieces go to a template that escapes every text
and attribute, so an article's own markup shows as text.

Marks may nest (a figure inside a quote) or overlap (a quote running over a sentence
end). HTML elements can only nest, so a mark that crosses the end of an enclosing one is
closed there and reopened after it; only its first fragment carries its anchor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Which mark encloses which when two start together: sentences outermost, so that a
# sentence's anchor is the first element at its start.
KIND_RANK = {"s": 0, "quote": 1, "fig": 2, "time": 3, "ent": 4}


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of the text: `kind` is its CSS class, `title` the normalised
    value shown on hover, `anchor` an element id (sentences only)."""

    start: int
    end: int
    kind: str
    title: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Piece:
    """One step of the rendering: open a mark's element, close the innermost, or text."""

    op: str  # "open", "close" or "text"
    text: str = ""
    mark: Mark | None = None
    first: bool = True  # False when a split mark is reopened (no anchor then)


def pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    """The text and the marks as properly nested open/text/close steps."""
    kept = sorted((m for m in (_clipped(m, len(text)) for m in marks) if m.start < m.end),
                  key=lambda m: m.start)
    bounds = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    out: list[Piece] = []
    stack: list[Mark] = []
    waiting = 0  # kept[waiting:] have not been opened yet
    for here, upto in zip(bounds, bounds[1:], strict=False):
        opening = _close_ending(stack, here, out)
        while waiting < len(kept) and kept[waiting].start == here:
            opening.append(kept[waiting])
            waiting += 1
        for mark in sorted(opening, key=_enclosing_first):
            stack.append(mark)
            out.append(Piece("open", mark=mark, first=mark.start == here))
        out.append(Piece("text", text[here:upto]))
    out.extend(Piece("close") for _ in stack)
    return out


def _enclosing_first(mark: Mark) -> tuple[int, int]:
    return KIND_RANK.get(mark.kind, len(KIND_RANK)), -mark.end


def _clipped(mark: Mark, length: int) -> Mark:
    start, end = max(0, mark.start), min(length, mark.end)
    if (start, end) == (mark.start, mark.end):
        return mark
    return Mark(start, end, mark.kind, mark.title, mark.anchor)


def _close_ending(stack: list[Mark], here: int, out: list[Piece]) -> list[Mark]:
    """Close the marks that end at `here`; return the marks opened inside one of them
    that go on: they are closed with it, to be reopened."""
    ending = [n for n, mark in enumerate(stack) if mark.end <= here]
    if not ending:
        return []
    above = stack[ending[0]:]
    del stack[ending[0]:]
    out.extend(Piece("close") for _ in above)
    return [mark for mark in above if mark.end > here]

