"""Online story assignment: each new article joins the story of the articles it is most
like, or starts a story of its own.

Needs: an open store connection (migration 0004) and the article's `StorySignals`.
Adds: rows in `story_articles`, `stories`, `story_features` and `story_feature_df`,
inside the caller's transaction (no commit here).

How an article is placed, in arrival order and without re-clustering the store:
1. Its features are weighted by IDF, learned from the store's own document
   frequencies (a feature in every article says nothing about which story it is),
   as if the store also held a background of articles without the feature: a young
   store's frequencies say little, and the first articles of a story must not look
   unrelated because the few stored ones all share its words.
2. Candidates come from the inverted index: for its most telling features, the most
   recent articles that share them (a bounded number per feature), so the cost per
   article does not grow with the store.
3. Each candidate article is compared with it (cosine of the IDF-weighted features),
   discounted when both are dated and far apart in time.
4. Undated articles that name years, none in common, are discounted (another year's
   fight or quake is another story); so are moderately similar articles whose
   headlines carry numbers, none in common (another score is another game).
5. The story of the most similar member article is joined if the similarity reaches
   the threshold (article-to-article linkage: a story that drifts over weeks is
   joined through its latest articles, not a blurred centroid).
6. Failing that, the article is compared with each candidate story as a whole: the
   centroid of its members among the candidates (a report written from another angle
   shares a little with each of them, and enough with all of them together). It joins
   the closest story if that reaches `centroid_threshold` and the story is closer than
   all the other candidates together (a long-running story's common words are not
   enough). Else a story starts.
7. Within its story the article joins a thread (a sub-story: the hostage exchanges
   of a war, one game of a season): the thread of its most similar member when that
   member is close (`thread_threshold`) and, both being dated, near in time
   (`thread_gap_days`); else it starts a thread. A story's first article starts its
   first thread. `threads.py` lists them.
8. After this module, `story_split` checks a young story the article joined: when its
   members fall into two groups (two similar events that arrived interleaved), the
   group without the story's first article becomes a story of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from .story_signals import StorySignals

EXTRACTOR = "online_idf_linkage"
EXTRACTOR_CENTROID = "online_idf_centroid"  # joined through the story's centroid
HEADLINE_NUMBER = "tn:"  # the namespace of the headline's numbers (story_signals)


@dataclass(frozen=True)
class StoryParams:
    """The knobs of the assignment, with the values used by default."""

    threshold: float = 0.25  # similarity needed to join a story
    # Names say more than words; years and bare numbers are evidence, but common.
    group_weights: Mapping[str, float] = field(default_factory=lambda: {
        "w": 1.0, "e": 1.5, "h": 1.5, "p": 1.0, "d": 1.0, "y": 0.5, "n": 0.5,
        "tn": 0.0})  # headline numbers are compared on their own (_headline_factor)
    query_features: int = 30  # most telling features looked up in the index
    postings_per_feature: int = 100  # most recent articles read per feature
    candidates: int = 40  # articles compared in full
    gap_days: float = 30.0  # dated articles further apart than this are discounted
    gap_floor: float = 0.3  # the discount, reached gradually past `gap_days`
    year_conflict: float = 0.3  # factor when both name years and share none
    headline_number_conflict: float = 0.7  # factor when both headlines have numbers, none shared
    headline_number_band: float = 0.5  # ... applied only to similarities below this
    background: int = 30  # articles assumed to exist without a feature (IDF prior)
    centroid_threshold: float = 0.18  # similarity to a story's centroid that joins it
    thread_threshold: float = 0.3  # similarity to a member that joins its thread
    thread_gap_days: float = 14.0  # dated members further apart start another thread
    # A young story splits when its members fall into two groups that are, across the
    # groups, less alike than this share of how alike they are within them (story_split).
    split_ratio: float = 0.75
    split_max_members: int = 40  # older stories are not re-examined
    split_min_part: int = 3  # a smaller group is left in place (two alike may be copies)


DEFAULT_PARAMS = StoryParams()


@dataclass(frozen=True)
class StoryAssignment:
    """Which story an article joined (or started), and how similar it was to it."""

    article: str
    story: str
    similarity: float
    started: bool
    extractor: str
    matched: str | None = None  # the member article it was most similar to
    thread: str | None = None  # the thread (sub-story) it joined or started, in its story


def story_id_for(article_id: str) -> str:
    """A story is named after the article that started it: stable across runs."""
    return f"story-{article_id}"


def thread_id_for(article_id: str) -> str:
    """A thread, like a story, is named after the article that started it."""
    return f"thread-{article_id}"


def assign_story(db: sqlite3.Connection, signals: StorySignals,
                 params: StoryParams = DEFAULT_PARAMS) -> StoryAssignment:
    """Place one article in a story and record it; an article already placed keeps its
    story (idempotent)."""
    known = _known_assignment(db, signals.article)
    if known is not None:
        return known
    total = articles_linked(db)
    features = signals.as_dict()
    frequencies = _frequencies(db, features)
    idf = {name: _idf_value(frequencies.get(name, 0), total + params.background)
           for name in features}
    vector = _vector(features, idf, params)
    candidates = _candidates(db, vector, frequencies, params)
    similarities, vectors = _similarities(db, signals, vector, candidates, total, params)
    assignment = (_closest_article(signals.article, similarities, params)
                  or _closest_story(signals.article, vector, vectors, similarities, params)
                  or StoryAssignment(signals.article, story_id_for(signals.article), 0.0, True,
                                     EXTRACTOR))
    assignment = replace(assignment, thread=_thread(signals, assignment, similarities, params))
    _record(db, signals, assignment, total)
    return assignment


# -- reading the store -----------------------------------------------------------------

def _known_assignment(db: sqlite3.Connection, article_id: str) -> StoryAssignment | None:
    row = db.execute("SELECT story_id, similarity, started, matched, extractor, thread"
                     " FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    return StoryAssignment(article_id, row[0], row[1], bool(row[2]), row[4], row[3], row[5])


def articles_linked(db: sqlite3.Connection) -> int:
    """Arrival numbers run from 0 without gaps, so the largest says how many there are
    (an index lookup, where count(*) would read the table)."""
    row = db.execute("SELECT max(seq) FROM story_articles").fetchone()
    return 0 if row[0] is None else int(row[0]) + 1


def _frequencies(db: sqlite3.Connection, features: Iterable[str]) -> dict[str, int]:
    """How many linked articles have each feature (features no article has are left out)."""
    names = list(features)
    frequencies: dict[str, int] = {}
    for chunk in _chunks(names, 500):
        marks = ",".join("?" * len(chunk))
        frequencies.update(db.execute(
            f"SELECT feature, df FROM story_feature_df WHERE feature IN ({marks})", chunk))
    return frequencies


def _idf_value(df: int, total: int) -> float:
    return math.log((total + 1) / (df + 1)) + 1.0


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _vector(features: Mapping[str, float], idf: Mapping[str, float],
            params: StoryParams) -> dict[str, float]:
    """Sublinear term weight x IDF x the weight of the feature's kind."""
    return {name: (1.0 + math.log(weight)) * idf[name] * _group_weight(name, params)
            for name, weight in features.items()
            if weight > 0 and _group_weight(name, params) > 0}


def _group_weight(name: str, params: StoryParams) -> float:
    return params.group_weights.get(name.partition(":")[0], 1.0)


def _candidates(db: sqlite3.Connection, vector: Mapping[str, float],
                frequencies: Mapping[str, int], params: StoryParams) -> list[str]:
    """Recent articles sharing the article's most telling features, best first."""
    seen = [name for name in vector if name in frequencies]
    telling = sorted(seen, key=lambda name: -vector[name])[:params.query_features]
    overlap: dict[str, float] = defaultdict(float)
    for name in telling:
        for (article_id,) in db.execute(
                "SELECT article_id FROM story_features WHERE feature = ?"
                " ORDER BY seq DESC LIMIT ?", (name, params.postings_per_feature)):
            overlap[article_id] += vector[name]
    ranked = sorted(overlap, key=lambda article_id: -overlap[article_id])
    return ranked[:params.candidates]


Vectors = dict[str, dict[str, float]]


class Compared(NamedTuple):
    """A candidate article compared with the new one: its story, the similarity, and
    what the discounts (time gap, years, headline numbers) kept of the plain cosine;
    and its publication day and thread."""

    story: str
    similarity: float
    discount: float
    published: str | None = None
    thread: str | None = None


Similarities = dict[str, Compared]


def _similarities(db: sqlite3.Connection, signals: StorySignals, vector: Mapping[str, float],
                  candidates: list[str], total: int,
                  params: StoryParams) -> tuple[Similarities, Vectors]:
    """Each candidate article's story and its similarity to the new article, and the
    candidates' vectors."""
    if not candidates:
        return {}, {}
    vectors, headlines = weighted_vectors(db, candidates, total, params)
    years = _years(vector, signals.published)
    headline = set(signals.namespace(HEADLINE_NUMBER))
    marks = ",".join("?" * len(candidates))
    found = {}
    for article_id, story, published, thread in db.execute(
            "SELECT article_id, story_id, published, thread FROM story_articles"
            f" WHERE article_id IN ({marks})", candidates):
        other = vectors[article_id]
        plain = cosine(vector, other)
        discount = _time_factor(signals.published, published, params)
        if not (signals.published and published):  # the gap says more than years
            discount *= _year_factor(years, _years(other, published), params)
        discount *= _headline_factor(headline, headlines[article_id], plain * discount, params)
        found[article_id] = Compared(story, plain * discount, discount, published, thread)
    return found, vectors


def weighted_vectors(db: sqlite3.Connection, candidates: list[str], total: int,
                     params: StoryParams
                     ) -> tuple[dict[str, dict[str, float]], dict[str, set[str]]]:
    """The articles' features weighted with today's IDF (it changes as the store grows),
    and their headline numbers (the candidates of a new article, or a story's members)."""
    marks = ",".join("?" * len(candidates))
    vectors: dict[str, dict[str, float]] = defaultdict(dict)
    headlines: dict[str, set[str]] = defaultdict(set)
    for article_id, name, weight, df in db.execute(
            "SELECT f.article_id, f.feature, f.weight, coalesce(d.df, 1)"
            " FROM story_features f LEFT JOIN story_feature_df d ON d.feature = f.feature"
            f" WHERE f.article_id IN ({marks})", candidates):
        group_weight = _group_weight(name, params)
        if name.startswith(HEADLINE_NUMBER):
            headlines[article_id].add(name)
        if group_weight > 0:
            idf = _idf_value(df, total + params.background)
            vectors[article_id][name] = (1.0 + math.log(weight)) * idf * group_weight
    return vectors, headlines


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    dot = sum(weight * b.get(name, 0.0) for name, weight in a.items())
    norms = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norms if norms else 0.0


def _time_factor(one: str | None, other: str | None, params: StoryParams) -> float:
    """1 within `gap_days`, then down towards `gap_floor` as the gap doubles and more;
    1 when either date is unknown."""
    if not one or not other:
        return 1.0
    gap = _days_apart(one, other)
    if gap <= params.gap_days:
        return 1.0
    excess = math.log2(gap / params.gap_days)
    return max(params.gap_floor, 1.0 - (1.0 - params.gap_floor) * min(1.0, excess / 3.0))


def _year_factor(years: set[str], other_years: set[str], params: StoryParams) -> float:
    """Two reports of one event name the same year; a sibling event (last year's fight,
    another quake) names others. Undated articles are told apart by this alone."""
    if years and other_years and not years & other_years:
        return params.year_conflict
    return 1.0


def _headline_factor(headline: set[str], other: set[str], similarity: float,
                     params: StoryParams) -> float:
    """Two headlines that carry numbers and share none name different events (another
    score, toll or magnitude); a close match in everything else still outweighs that
    (a toll that rose between two reports)."""
    if similarity < params.headline_number_band and headline and other \
            and not headline & other:
        return params.headline_number_conflict
    return 1.0


def _years(features: Iterable[str], day: str | None) -> set[str]:
    """The years an article names, and the year it was published in."""
    years = {name[2:] for name in features if name.startswith("y:")}
    return years | {day[:4]} if day else years


# -- deciding ----------------------------------------------------------------------------

def _closest_article(article_id: str, similarities: Similarities,
                     params: StoryParams) -> StoryAssignment | None:
    """The story of the most similar member article (single linkage: a story that drifts
    over weeks is joined through its latest articles), if similar enough."""
    ranked = sorted(similarities.items(), key=lambda item: (-item[1].similarity, item[0]))
    if ranked and ranked[0][1].similarity >= params.threshold:
        member, closest = ranked[0]
        return StoryAssignment(article_id, closest.story, round(closest.similarity, 4), False,
                               EXTRACTOR, member)
    return None


def _closest_story(article_id: str, vector: Mapping[str, float], vectors: Vectors,
                   similarities: Similarities, params: StoryParams) -> StoryAssignment | None:
    """The candidate story whose centroid is closest, if close enough and closer than the
    other candidates together (see the module docstring, step 6)."""
    members: dict[str, list[str]] = defaultdict(list)
    for member, compared in similarities.items():
        members[compared.story].append(member)
    # a story with one member among the candidates: the article was compared with it
    groups = {story: ids for story, ids in members.items() if len(ids) > 1}
    if not groups:
        return None
    units = {member: unit(vectors[member]) for member in similarities}
    everyone = _summed(units.values())
    best: tuple[float, str] | None = None
    for story, ids in groups.items():
        centroid = _summed(units[member] for member in ids)
        discount = sum(similarities[member].discount for member in ids) / len(ids)
        similarity = cosine(vector, centroid) * discount
        if similarity < params.centroid_threshold or (best is not None and similarity <= best[0]):
            continue
        # the rest of the candidates, built only for a story that would be joined
        others = {name: weight - centroid.get(name, 0.0) for name, weight in everyone.items()}
        if similarity >= cosine(vector, others):
            best = (similarity, story)
    if best is None:
        return None
    return StoryAssignment(article_id, best[1], round(best[0], 4), False, EXTRACTOR_CENTROID)


def _thread(signals: StorySignals, assignment: StoryAssignment, similarities: Similarities,
            params: StoryParams) -> str:
    """The thread of the closest member of the article's story, if close in words and
    in time; else a new thread."""
    close = [(compared.similarity, member, compared.thread)
             for member, compared in similarities.items()
             if compared.story == assignment.story
             and compared.similarity >= params.thread_threshold
             and _days_apart(signals.published, compared.published) <= params.thread_gap_days]
    if assignment.started or not close:
        return thread_id_for(signals.article)
    return str(max(close)[2])


def _days_apart(one: str | None, other: str | None) -> float:
    """Days between two publication days; 0 when either is unknown."""
    if not one or not other:
        return 0.0
    return abs((dt.date.fromisoformat(one) - dt.date.fromisoformat(other)).days)


def unit(vector: Mapping[str, float]) -> dict[str, float]:
    """The vector scaled to length 1: in a centroid each article counts alike, long or short."""
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {name: weight / norm for name, weight in vector.items()}


def _summed(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for name, weight in vector.items():
            total[name] += weight
    return total


# -- writing -----------------------------------------------------------------------------

def _record(db: sqlite3.Connection, signals: StorySignals, assignment: StoryAssignment,
            seq: int) -> None:
    if assignment.started:
        db.execute("INSERT INTO stories VALUES (?, ?, 1, ?, ?)",
                   (assignment.story, signals.article, seq, seq))
    else:
        db.execute("UPDATE stories SET articles = articles + 1, last_seq = ? WHERE id = ?",
                   (seq, assignment.story))
    db.execute("INSERT INTO story_articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (signals.article, assignment.story, seq, signals.published,
                assignment.similarity, int(assignment.started), assignment.matched,
                assignment.extractor, assignment.thread))
    db.executemany("INSERT INTO story_features VALUES (?, ?, ?, ?)",
                   [(signals.article, name, weight, seq) for name, weight in signals.features])
    db.executemany("INSERT INTO story_feature_df VALUES (?, 1) ON CONFLICT (feature)"
                   " DO UPDATE SET df = df + 1", [(name,) for name, _ in signals.features])


# -- reading stories ---------------------------------------------------------------------

def story_of(db: sqlite3.Connection, article_id: str) -> str | None:
    row = db.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                     (article_id,)).fetchone()
    return None if row is None else str(row[0])


def story_members(db: sqlite3.Connection, story: str) -> list[str]:
    """The story's article ids in arrival order."""
    return [row[0] for row in db.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq", (story,))]


def list_stories(db: sqlite3.Connection, limit: int | None = None, offset: int = 0
                 ) -> list[dict[str, Any]]:
    """Stories in the contract's shape, the most recently joined first (all of them, or
    `limit` from `offset`): its title is its first article's (`story_title`); first/last
    are the earliest and latest publication days."""
    page = "SELECT id, last_seq FROM stories ORDER BY last_seq DESC"
    params: list[Any] = []
    if limit is not None:
        page += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return _listed(db, page, params)


def stories_by_id(db: sqlite3.Connection, story_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The given stories in the contract's shape, the most recently joined first."""
    if not story_ids:
        return []
    marks = ", ".join("?" * len(story_ids))
    return _listed(db, "SELECT id, last_seq FROM stories"
                       f" WHERE id IN ({marks})", list(story_ids))


def count_stories(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM stories").fetchone()[0])


def _listed(db: sqlite3.Connection, page: str, params: list[Any]) -> list[dict[str, Any]]:
    """The stories `page` selects (id, last_seq), each with its members,
    in one query: the members come aggregated per story rather than asked for story by
    story (a list of 50 stories is one query, not 51)."""
    sql = ("WITH page AS (" + page + ")"
           f" SELECT p.id, {MEMBERS} AS members, count(DISTINCT s.thread) AS threads"
           " FROM page p JOIN story_articles s ON s.story_id = p.id"
           " JOIN articles a ON a.id = s.article_id"
           " GROUP BY p.id ORDER BY max(p.last_seq) DESC")
    return [{"story": story_id, **members_record(db, members), "threads": threads}
            for story_id, members, threads in db.execute(sql, params)]


# A story's (or thread's) members as SQL aggregates them, each [seq, id, title, published,
# source]; `s` is story_articles, `a` articles.
MEMBERS = "json_group_array(json_array(s.seq, a.id, a.title, a.published, a.source))"
LEAD_CHARS = 90  # a story without a title is shown by this much of its first line


def members_record(db: sqlite3.Connection, members: str) -> dict[str, Any]:
    """The contract's story record, but for its id, from its `MEMBERS`: its first
    article's title (`story_title`), the earliest and latest publication days, the
    article ids in arrival order and the outlets (threads.py shapes a thread the same
    way)."""
    # SQLite does not promise the order of an aggregate's rows: sorted by arrival here.
    rows = sorted(json.loads(members))
    days = sorted(row[3] for row in rows if row[3])
    return {"title": story_title(db, rows[0][1], rows[0][2]),
            "first": days[0] if days else None, "last": days[-1] if days else None,
            "articles": [row[1] for row in rows],
            "outlets": list(dict.fromkeys(row[4] for row in rows if row[4]))}


def story_title(db: sqlite3.Connection, article_id: str, title: str | None) -> str | None:
    """What a story or thread is called: its first article's title, else the first line
    of its text cut at a word to about LEAD_CHARS (outlets such as NPR's live pages give
    no titles, and a list of stories is read by what they are about)."""
    if title:
        return title
    row = db.execute("SELECT substr(text, 1, ?) FROM articles WHERE id = ?",
                     (LEAD_CHARS * 2, article_id)).fetchone()
    line = (row[0] or "").strip().split("\n", 1)[0] if row else ""
    if len(line) <= LEAD_CHARS:
        return line or None
    return line[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"
