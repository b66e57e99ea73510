"""Quotation marks paired per paragraph: the regions of an article's text in quotes.

News conventions: a quotation never spans a paragraph break except by the typographic
rule that a quote running on into the next paragraph leaves its first paragraph
unclosed (so an unclosed double quote runs to the end of its paragraph); straight
double quotes pair by turns; curly and angle quotes pair an opener with a closer, so a
straight quote inside them stays inside; single quotes (‘…’ or '…') quote only where
they open after a non-letter and close before one, so apostrophes (Brazil's, ’90s)
never open a quote; a single-quoted phrase inside a double-quoted one is part of it;
two apostrophes ('' and ``) are the double quotes of some wire and NYT texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘'"
SINGLE_CLOSERS = "’'"
QUOTE_CHARACTERS = "\"“”„«»‘’'`‚"
MARK = re.compile("[\"“”„«»‘'`]")
# Punctuation that ends a clause before the closing mark ("...in Geneva," he said) and
# belongs to the attribution, not the content.
TRAILING_CLAUSE_PUNCTUATION = ",;:–—-"


@dataclass(frozen=True)
class QuoteRegion:
    """Characters from an opening mark to its closing mark (both included)."""

    start: int  # the opening mark
    end: int  # after the closing mark, or the paragraph end when unclosed
    closed: bool
    paragraph_start: int
    paragraph_end: int

    def content(self, text: str) -> tuple[int, int]:
        """The quoted words: marks, edge spaces and clause punctuation left out."""
        start, end = self.start + 1, self.end - 1 if self.closed else self.end
        if text.startswith(("''", "``"), self.start):
            start += 1
        if self.closed and text.startswith(("''", "``"), self.end - 2):
            end -= 1
        while start < end and (text[start].isspace() or text[start] in QUOTE_CHARACTERS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARACTERS
                               or text[end - 1] in TRAILING_CLAUSE_PUNCTUATION):
            end -= 1
        return start, end

    def whole_paragraph(self, text: str) -> bool:
        """Nothing but the quotation stands in its paragraph."""
        before = text[self.paragraph_start:self.start]
        after = text[self.end:self.paragraph_end]
        return not any(ch.isalnum() for ch in before + after)


def quote_regions(text: str) -> list[QuoteRegion]:
    """All quotation regions of the text, in order, paragraph by paragraph."""
    regions: list[QuoteRegion] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        regions += _regions_in_paragraph(text, start, end)
        start = end + 1
    return regions


def _regions_in_paragraph(text: str, para_start: int, para_end: int) -> list[QuoteRegion]:
    found: list[QuoteRegion] = []
    for mark in MARK.finditer(text, para_start, para_end):
        i = mark.start()
        if found and i < found[-1].end:
            continue  # inside the quotation just found
        close = _closing(text, i, para_start, para_end)
        if close is None:
            continue
        end = close if close > 0 else para_end
        found.append(QuoteRegion(i, end, close > 0, para_start, para_end))
    return found


def _closing(text: str, i: int, para_start: int, para_end: int) -> int | None:
    """If a quote opens at i: the offset after its closing mark, or 0 when it runs to the
    paragraph end; None when no quote opens here."""
    ch = text[i]
    if text.startswith(("''", "``"), i) and _opens_single(text, i, para_start, para_end):
        close = text.find("''", i + 2, para_end)
        return close + 2 if close >= 0 else 0
    if ch == '"':
        close = text.find('"', i + 1, para_end)
        return close + 1 if close >= 0 else 0
    if ch in DOUBLE_OPENERS or ch in DOUBLE_CLOSERS:  # a stray closer used as an opener
        for k in range(i + 1, para_end):
            if text[k] in DOUBLE_CLOSERS or (ch == "„" and text[k] == "“"):
                return k + 1
        return 0
    if ch in SINGLE_OPENERS and _opens_single(text, i, para_start, para_end) \
            and text[i + 1].isalpha():  # '90s is an apostrophe
        for k in range(i + 1, para_end):
            if text[k] in SINGLE_CLOSERS and _closes_single(text, k, para_end):
                return k + 1
            if text[k] in '"“”' or (text[k] in SINGLE_OPENERS
                                   and _opens_single(text, k, para_start, para_end)):
                return None  # another quotation opens first: this was an apostrophe
        return None  # an unclosed single quote is an apostrophe or a stray mark
    return None


def _opens_single(text: str, i: int, para_start: int, para_end: int) -> bool:
    mark = 2 if text.startswith(("''", "``"), i) else 1
    before_ok = i == para_start or not text[i - 1].isalnum()
    after = i + mark
    return before_ok and after < para_end and (text[after].isalnum() or text[after] in "$(")


def _closes_single(text: str, k: int, para_end: int) -> bool:
    return not text[k - 1].isspace() and (k + 1 >= para_end or not text[k + 1].isalnum())
