"""Parts that add up to a total inside one article: "240 Palestinians, including 71
women and 169 children".

Needs: figure rows (article, sentence, start, text, value, qualifier, unit, measure and
the sentence's text). Adds: one `SumCheck` per total that a breakdown follows in its
sentence ("including", "of whom", "among them"), `consistent` when the parts add up to
it, `partial` when they stay under it (a breakdown may name only some groups),
`inconsistent` when they cannot fit in it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .series_values import interval, nominal

EXTRACTOR = "breakdown-sum"
_BREAKDOWN = re.compile(r"\b(?:including|includ(?:es|ed)|of whom|of them|among them|"
                        r"among whom|among those)\b|:", re.I)


@dataclass(frozen=True)
class SumCheck:
    article: str
    start: int  # the total's offsets in the article
    end: int
    text: str  # the total as written
    total: float
    parts: tuple[str, ...]  # the parts as written
    parts_sum: float
    status: str  # consistent, partial, inconsistent
    extractor: str
    confidence: float


def check_sums(figures: Sequence[Mapping[str, Any]]) -> list[SumCheck]:
    """Every total of the figures that a breakdown follows, checked against its parts."""
    by_sentence: dict[tuple[str, int], list[Mapping[str, Any]]] = defaultdict(list)
    for row in figures:
        by_sentence[_article(row), row["sentence"]].append(row)
    checks = []
    for rows in by_sentence.values():
        ordered = sorted(rows, key=lambda r: r["start"])
        for index, total in enumerate(ordered):
            parts = _parts_after(total, ordered[index + 1:])
            if len(parts) >= 2:
                checks.append(_check(total, parts))
    return checks


def _article(row: Mapping[str, Any]) -> str:
    return str(row.get("article") or row.get("article_id"))


def _parts_after(total: Mapping[str, Any], rest: Sequence[Mapping[str, Any]]
                 ) -> list[Mapping[str, Any]]:
    """The figures of the breakdown: after a breakdown word that directly follows the
    total, of the same unit and measure, each smaller than the total."""
    sentence = total.get("sentence_text") or ""
    at = sentence.find(total["text"])
    if at < 0 or not rest:
        return []
    after = at + len(total["text"])
    first = sentence.find(rest[0]["text"], after)
    if first < 0 or not _BREAKDOWN.search(sentence[after:first]):
        return []
    parts = []
    for row in rest:
        if (row.get("unit"), row.get("measure")) != (total.get("unit"), total.get("measure")) \
                or nominal(row["value"]) >= nominal(total["value"]):
            break
        parts.append(row)
    return parts


def _check(total: Mapping[str, Any], parts: list[Mapping[str, Any]]) -> SumCheck:
    low = sum(interval(p["value"], p.get("qualifier") or "exact")[0] for p in parts)
    high = sum(interval(p["value"], p.get("qualifier") or "exact")[1] for p in parts)
    total_low, total_high = interval(total["value"], total.get("qualifier") or "exact")
    if low > total_high:
        status = "inconsistent"
    elif high < total_low:
        status = "partial"
    else:
        status = "consistent"
    return SumCheck(_article(total), total["start"], total["end"], total["text"],
                    nominal(total["value"]), tuple(p["text"] for p in parts),
                    sum(nominal(p["value"]) for p in parts), status, EXTRACTOR,
                    0.9 if status == "consistent" else 0.6)
