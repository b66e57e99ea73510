"""Which sentence a character offset falls in, shared by every stage.

Walking `doc.sents` is not free; the sentence starts are read once per parse and kept
on the Doc, so each stage looks them up instead of walking the parse again.
"""

from __future__ import annotations

import bisect
from typing import Any

_STARTS = "newsledger_sentence_starts"


def sentence_starts(doc: Any) -> list[int]:
    """Character offset of each sentence's first token, in order."""
    starts: list[int] | None = doc.user_data.get(_STARTS)
    if starts is None:
        starts = [sentence.start_char for sentence in doc.sents]
        doc.user_data[_STARTS] = starts
    return starts


def sentence_index(doc: Any, char: int) -> int:
    """The index of the sentence holding character `char` (0 before the first)."""
    return max(0, bisect.bisect_right(sentence_starts(doc), char) - 1)
