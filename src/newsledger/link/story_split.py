"""Splitting a young story that turns out to hold two events.

Needs: an open store connection whose story tables hold the article just placed
(`stories.assign_story` ran in this transaction). Adds, when the story splits: a row in
`stories` for the new story; its members' `story_articles` rows moved to it (extractor
`online_story_split`), their threads renamed so that no thread spans two stories, and
their `article_identities` rows given the new story. Inside the caller's transaction.

Why: an article joins the story of its most similar member. When two similar events
arrive interleaved (two players of one team arrested a month apart, two quakes in one
country, a coach fired and the same coach hired years before), one report of the second
event can be closer to a report of the first than most reports of one event are to each
other, the more so while the store is young and the words they share still look rare.
From then on the two events share one story. As the story grows, the reports of each
event turn out more alike among themselves than across: the normalized cut of the
members' similarity graph (Shi & Malik 2000, "Normalized cuts and image segmentation")
finds the two groups, and a cut that is small against the links within the groups says
there were two events.

When: each time an article joins a story of 2 x `split_min_part` to `split_max_members`
members. Older stories are not re-examined: a long-running story is many sub-stories
(its threads), not two events, and its members are not read again, so the cost per
article stays bounded. The group that holds the story's first article keeps the story;
the other becomes a story named after its earliest article.

The limit: with two groups of equal size whose members are `r` times as alike across
the groups as within them, the normalized cut is 2r / (1 + r); the story splits below
that value for r = `split_ratio`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .stories import (
    DEFAULT_PARAMS,
    StoryParams,
    articles_linked,
    story_id_for,
    story_members,
    thread_id_for,
    unit,
    weighted_vectors,
)

EXTRACTOR = "online_story_split"


@dataclass(frozen=True)
class StorySplit:
    """A story split in two: `moved` (arrival order) left `story` for `new_story`;
    `ncut` is the normalized cut between the two groups."""

    story: str
    new_story: str
    moved: tuple[str, ...]
    ncut: float
    extractor: str = EXTRACTOR


@dataclass(frozen=True)
class Cut:
    """The best two-way cut found: the members (by position) of one side, and its value."""

    side: frozenset[int]
    ncut: float


def split_story(db: sqlite3.Connection, story: str,
                params: StoryParams = DEFAULT_PARAMS) -> StorySplit | None:
    """Split `story` in two when it is young and its members fall into two groups (see
    the module docstring); None when it stays whole."""
    if not 2 * params.split_min_part <= _size(db, story) <= params.split_max_members:
        return None  # told by the stories row: a long story's members are not read
    members = story_members(db, story)
    cut = best_cut(similarity_matrix(db, members, params), params.split_min_part)
    if cut is None or cut.ncut >= ncut_limit(params.split_ratio):
        return None
    first_side = 0 in cut.side
    moved = tuple(member for position, member in enumerate(members)
                  if (position in cut.side) != first_side)
    split = StorySplit(story, story_id_for(moved[0]), moved, round(cut.ncut, 4))
    _move(db, split)
    return split


def _size(db: sqlite3.Connection, story: str) -> int:
    row = db.execute("SELECT articles FROM stories WHERE id = ?", (story,)).fetchone()
    return int(row[0]) if row else 0


def ncut_limit(ratio: float) -> float:
    """The normalized cut of two equal groups `ratio` times as alike across as within."""
    return 2.0 * ratio / (1.0 + ratio)


def similarity_matrix(db: sqlite3.Connection, members: Sequence[str],
                      params: StoryParams) -> np.ndarray:
    """The members' pairwise cosines with today's IDF, 0 on the diagonal."""
    vectors, _ = weighted_vectors(db, list(members), articles_linked(db), params)
    units = [unit(vectors[member]) for member in members]
    columns = {name: column for column, name in
               enumerate(dict.fromkeys(name for vector in units for name in vector))}
    rows = np.zeros((len(members), len(columns)))
    for row, vector in enumerate(units):
        for name, weight in vector.items():
            rows[row, columns[name]] = weight
    matrix = rows @ rows.T  # unit rows: the dot products are the cosines
    np.fill_diagonal(matrix, 0.0)
    return matrix


def best_cut(similarity: np.ndarray, min_part: int) -> Cut | None:
    """The smallest normalized cut among the splits of the spectral order (the members
    sorted by the second eigenvector of the normalized graph Laplacian), with at least
    `min_part` members on each side; None when a member is like no other."""
    degree = similarity.sum(axis=1)
    if (degree <= 0).any():
        return None
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(degree)) - similarity * np.outer(scale, scale)
    _, eigenvectors = np.linalg.eigh(laplacian)
    order = np.argsort(eigenvectors[:, 1] * scale, kind="stable")
    best: Cut | None = None
    for size in range(min_part, len(order) - min_part + 1):
        side, rest = order[:size], order[size:]
        between = similarity[np.ix_(side, rest)].sum()
        ncut = float(between / degree[side].sum() + between / degree[rest].sum())
        if best is None or ncut < best.ncut:
            best = Cut(frozenset(int(i) for i in side), ncut)
    return best


def _move(db: sqlite3.Connection, split: StorySplit) -> None:
    """Give the moved members their story, in every table that names it."""
    marks = ",".join("?" * len(split.moved))
    first_seq, last_seq = db.execute(
        f"SELECT min(seq), max(seq) FROM story_articles WHERE article_id IN ({marks})",
        split.moved).fetchone()
    db.execute("INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
               (split.new_story, split.moved[0], len(split.moved), first_seq, last_seq))
    db.execute(f"UPDATE story_articles SET story_id = ?, extractor = ?"
               f" WHERE article_id IN ({marks})",
               (split.new_story, split.extractor, *split.moved))
    db.execute("UPDATE stories SET articles = articles - ?, last_seq ="
               " (SELECT max(seq) FROM story_articles WHERE story_id = ?) WHERE id = ?",
               (len(split.moved), split.story, split.story))
    db.execute(f"UPDATE article_identities SET story = ? WHERE article_id IN ({marks})",
               (split.new_story, *split.moved))
    for story in (split.story, split.new_story):
        _rename_threads(db, story)


def _rename_threads(db: sqlite3.Connection, story: str) -> None:
    """A thread is named after its first article; one whose first article went to the
    other story is named after its earliest member left in this one."""
    earliest: dict[str, str] = {}
    for article, thread in db.execute("SELECT article_id, thread FROM story_articles"
                                      " WHERE story_id = ? ORDER BY seq", (story,)):
        earliest.setdefault(thread, article)
    db.executemany("UPDATE story_articles SET thread = ? WHERE story_id = ? AND thread = ?",
                   [(thread_id_for(article), story, thread)
                    for thread, article in earliest.items() if thread != thread_id_for(article)])
