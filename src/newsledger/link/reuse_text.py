"""Passages of an article and how closely two passages match, on plain text only.

Needs: an article's text (paragraphs separated by a blank line). Adds: its passages (a
paragraph, or overlapping word windows over a long one) with character offsets, their
word shingles for MinHash, and the aligned span and similarity of two passages.

Words are compared normalised: lower case, curly apostrophes straightened, every number
one token and "%" spelled "percent", because an outlet that takes a wire paragraph
often updates its figures and house style without rewriting the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

MIN_WORDS = 12        # fewer words is a caption, a label or a one-line quote, not a passage
WINDOW_WORDS = 50     # longer paragraphs (a whole article in one block) are read in windows
WINDOW_STEP = 25      # windows overlap by half, so a reused stretch lies inside one of them
SHINGLE_WORDS = 2     # word pairs: an edited copy keeps most of them (trigrams missed
                      # paragraphs with updated figures); the check below weeds out the rest
MIN_BLOCK = 4         # aligned runs shorter than this are stock phrases ("the Gaza Strip")
MIN_MATCHED = 10      # words two passages must share in such runs to count as reuse
EDGE_BLOCK = 2        # a shorter run still widens the span when it lies next to a long one
EDGE_GAP = 8          # words of difference between such a run and the long one at most

_DIGIT = re.compile(r"\d")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"[^\W_]+(?:['’.,\-][^\W_]+)*|%")


@dataclass(frozen=True)
class Word:
    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A stretch of an article: `text[start:end]`, with its normalised words."""

    start: int
    end: int
    words: tuple[Word, ...]

    @property
    def norms(self) -> tuple[str, ...]:
        return tuple(w.norm for w in self.words)


@dataclass(frozen=True)
class Alignment:
    """Where two passages match: word index ranges in each, and the share matched."""

    first: tuple[int, int]
    second: tuple[int, int]
    matched: int
    similarity: float


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    return [Word(_normalise(m.group()), m.start(), m.end())
            for m in _WORD.finditer(text, start, len(text) if end is None else end)]


def _normalise(token: str) -> str:
    if token == "%":
        return "percent"
    if _DIGIT.search(token):
        return "#"  # figures are updated when a paragraph is reused
    return token.lower().replace("’", "'")


def passages(text: str) -> list[Passage]:
    """The paragraphs long enough to be passages, long ones as overlapping windows."""
    found: list[Passage] = []
    for start, end in _paragraphs(text):
        found.extend(_windows(words(text, start, end), start, end))
    return found


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Each paragraph's bounds, surrounding white space left out."""
    start = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            first = start + chunk.index(stripped)
            yield first, first + len(stripped)
        start = brk.end() if brk else end


def _windows(paragraph: list[Word], start: int, end: int) -> Iterator[Passage]:
    """The paragraph whole (from its first to its last character, punctuation and
    quotation marks included), or windows of words over it when it is long."""
    if len(paragraph) < MIN_WORDS:
        return
    if len(paragraph) <= WINDOW_WORDS + WINDOW_STEP:
        yield Passage(start, end, tuple(paragraph))
        return
    last = len(paragraph) - WINDOW_WORDS
    for first in [*range(0, last, WINDOW_STEP), last]:  # the final window ends the paragraph
        span = paragraph[first:first + WINDOW_WORDS]
        yield Passage(start if first == 0 else span[0].start,
                      end if first == last else span[-1].end, tuple(span))


def shingles(norms: Sequence[str]) -> set[bytes]:
    n = SHINGLE_WORDS
    return {" ".join(norms[i:i + n]).encode("utf-8") for i in range(len(norms) - n + 1)}


def align(first: Sequence[str], second: Sequence[str]) -> Alignment | None:
    """The stretch the two word sequences share in runs of MIN_BLOCK words or more, or
    None when they share too little. Similarity is the share of the shorter passage
    covered by those runs: a paragraph with a sentence dropped, or one lifted into a
    longer paragraph, is still wholly reused."""
    blocks = [b for b in SequenceMatcher(None, first, second, autojunk=False)
              .get_matching_blocks() if b.size]
    core = [b for b in blocks if b.size >= MIN_BLOCK]
    matched = sum(b.size for b in core)
    if matched < MIN_MATCHED:
        return None
    left, right = _widened(blocks, core)
    similarity = matched / min(len(first), len(second))
    return Alignment((left.a, right.a + right.size), (left.b, right.b + right.size),
                     matched, similarity)


def _widened(blocks: list[Match], core: list[Match]) -> tuple[Match, Match]:
    """The first and last runs of the reused stretch: the core runs, widened by short
    runs close to them ("The Israeli war, now on its 172nd day, has pushed ...")."""
    left, right = core[0], core[-1]
    for block in reversed(blocks[:blocks.index(left)]):
        if block.size < EDGE_BLOCK or not _near(block, left):
            break
        left = block
    for block in blocks[blocks.index(right) + 1:]:
        if block.size < EDGE_BLOCK or not _near(right, block):
            break
        right = block
    return left, right


def _near(before: Match, after: Match) -> bool:
    return (after.a - before.a - before.size <= EDGE_GAP
            and after.b - before.b - before.size <= EDGE_GAP)
