"""The data of a story page, as one JSON-serialisable dict: what the report renders (HTML,
Markdown, JSON) and what the web app's story page and its JSON twin serve.

Needs: an open `Store` whose articles were linked (issue 4). Adds nothing to the store.

Every item (timeline mention, figure reading, quote, reused passage, new finding) carries
a `link`: the article id, the sentence index, the item's character offsets and the anchor
`a-<article>-s-<sentence>` that the article's sentence gets in a rendered page, so a reader
is one click from any claim to the sentence it came from.

The story's findings are read once (`link.material.read_material`) and every view is
computed from that one reading, rather than once per view through the `Store` methods:
a story page must stay fast however many articles the store holds.
"""

from __future__ import annotations

import bisect
import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..link.identities import identity_name
from ..link.material import Material, read_material
from ..link.novelty import Novelty, speaker_key, story_novelty
from ..link.reuse import list_reuse
from ..link.series import Reading, Series, build_series, plain_number
from ..link.series_values import nominal
from ..link.stories import story_members, story_title
from ..link.threads import list_threads
from ..link.timeline import TimelineEntry, build_timeline
from ..link.views import resolve_story
from ..store import Store

Spans = dict[str, list[tuple[int, int]]]  # article id -> (start, end) of each sentence


def story_view(store: Store, story_id: str, with_text: bool = True) -> dict[str, Any]:
    """Everything a story page shows. `with_text=False` leaves out the articles'
    sentences (a page that links to separate article pages does not need them)."""
    db = store.connection
    story = resolve_story(db, story_id)
    material = read_material(db, story_members(db, story))
    spans = sentence_spans(db, [a["id"] for a in material.articles])
    series = build_series(material.figures, story, material.entities)
    return {
        "story": story_meta(db, story, material),
        "threads": threads_view(db, story),
        "articles": [article_view(db, a, spans, with_text) for a in material.articles],
        "timeline": [timeline_view(e) for e in build_timeline(
            material.events, material.figures, material.entities, series)],
        "series": [series_view(s, spans) for s in series],
        "speakers": speakers_view(db, material.quotes),
        "outlets": outlets_view(material),
        "reuse": reuse_view(db, material, spans),
        "added": [added_view(novelty) for novelty in story_novelty(story, material)],
    }


# -- links -----------------------------------------------------------------------------

def anchor(article: str, sentence: int) -> str:
    """The id a sentence has in a rendered page (HTML ids must not start with a digit)."""
    return f"a-{article}-s-{sentence}"


def link(article: str, sentence: int | None, start: int | None = None,
         end: int | None = None) -> dict[str, Any]:
    return {"article": article, "sentence": sentence, "start": start, "end": end,
            "anchor": anchor(article, sentence) if sentence is not None else None}


def sentence_spans(db: sqlite3.Connection, articles: Sequence[str]) -> Spans:
    """Sentence offsets of each article, read by primary key (the store keeps them so that
    a finding is one lookup from its sentence)."""
    spans: Spans = defaultdict(list)
    marks = ", ".join("?" * len(articles))
    for row in db.execute("SELECT article_id, start, end FROM sentences"
                          f" WHERE article_id IN ({marks}) ORDER BY article_id, sentence",
                          list(articles)):
        spans[row[0]].append((row[1], row[2]))
    return spans


def sentence_at(spans: Spans, article: str, offset: int | None) -> int | None:
    """The index of the sentence holding `offset` (records that carry only offsets, such
    as readings and reused passages, are placed this way)."""
    starts = [start for start, _end in spans.get(article, [])]
    if offset is None or not starts:
        return None
    return max(0, bisect.bisect_right(starts, offset) - 1)


# -- the story and its articles -----------------------------------------------------------

def story_meta(db: sqlite3.Connection, story: str, material: Material) -> dict[str, Any]:
    """Title of the first report (`stories.story_title`), the span of publication days
    and the outlets."""
    days = sorted(a["published"] for a in material.articles if a.get("published"))
    first = material.articles[0] if material.articles else None
    return {"id": story,
            "title": story_title(db, first["id"], first["title"]) if first else None,
            "first": days[0] if days else None, "last": days[-1] if days else None,
            "size": len(material.articles),
            "outlets": sorted({a["source"] for a in material.articles if a.get("source")})}


def threads_view(db: sqlite3.Connection, story: str) -> dict[str, Any]:
    """The story's threads of more than one article, the largest first (the most
    recent first among equals), each linked to its first article; and how many
    articles no other one follows closely."""
    threads = list_threads(db, story)
    shared = sorted((t for t in threads if len(t["articles"]) > 1),
                    key=lambda t: -len(t["articles"]))
    return {"shared": [{"id": t["thread"], "title": t["title"], "first": t["first"],
                        "last": t["last"], "size": len(t["articles"]),
                        "outlets": t["outlets"], "link": link(t["articles"][0], 0)}
                       for t in shared],
            "alone": len(threads) - len(shared)}


def article_view(db: sqlite3.Connection, article: Mapping[str, Any], spans: Spans,
                 with_text: bool) -> dict[str, Any]:
    view = {"id": article["id"], "title": article.get("title"),
            "outlet": article.get("source"), "published": article.get("published")}
    if with_text:
        view["sentences"] = sentences_view(article["id"], _article_text(db, article["id"]),
                                           spans.get(article["id"], []))
    return view


def sentences_view(article: str, text: str, spans: Sequence[tuple[int, int]]
                   ) -> list[dict[str, Any]]:
    """Each sentence with its anchor; `after` is the text up to the next sentence (the
    paragraph breaks), so that the sentences and their gaps give back the whole text."""
    ends = [start for start, _end in spans[1:]] + [len(text)]
    return [{"n": n, "start": start, "end": end, "text": text[start:end],
             "after": text[end:max(end, upto)], "anchor": anchor(article, n)}
            for n, ((start, end), upto) in enumerate(zip(spans, ends, strict=True))]


def _article_text(db: sqlite3.Connection, article: str) -> str:
    row = db.execute("SELECT text FROM articles WHERE id = ?", (article,)).fetchone()
    return str(row[0]) if row else ""


# -- timeline and figure series -----------------------------------------------------------

def timeline_view(entry: TimelineEntry) -> dict[str, Any]:
    return {"date": entry.date, "type": entry.type, "text": entry.text,
            "dated_by": entry.dated_by, "sources": list(entry.sources),
            "links": _one_per_sentence(link(m.article, m.sentence, m.start, m.end)
                                       for m in entry.mentions)}


def _one_per_sentence(links: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """An event told twice in one sentence is one source to show, not two."""
    first: dict[tuple[str, int | None], dict[str, Any]] = {}
    for one in links:
        first.setdefault((one["article"], one["sentence"]), one)
    return list(first.values())


def series_view(series: Series, spans: Spans) -> dict[str, Any]:
    return {"measure": series.measure, "subject": series.subject, "place": series.place,
            "source": series.source, "label": series_label(series),
            "readings": [reading_view(r, spans) for r in series.readings]}


def series_label(series: Series) -> str:
    """A heading that says what is counted: "killed: Palestinians in Gaza"."""
    who = " ".join(filter(None, [series.subject, f"in {series.place}" if series.place
                                 else None]))
    return f"{series.measure}: {who}" if who else series.measure


def reading_view(reading: Reading, spans: Spans) -> dict[str, Any]:
    """One reading with the interval its qualifier allows (`high` None: open upwards)."""
    low, high = reading.interval
    return {"value": plain_number(reading.value), "nominal": plain_number(nominal(reading.value)),
            "qualifier": reading.qualifier, "low": plain_number(low),
            "high": None if math.isinf(high) else plain_number(high),
            "as_of": reading.as_of, "day": reading.day, "status": reading.status,
            "outlet": reading.outlet, "source": reading.source, "article": reading.article,
            "text": reading.text, "sentence_text": reading.sentence_text,
            "link": link(reading.article, sentence_at(spans, reading.article, reading.start),
                         reading.start, reading.end)}


# -- quotes by speaker --------------------------------------------------------------------

def speakers_view(db: sqlite3.Connection, quotes: Iterable[Mapping[str, Any]]
                  ) -> list[dict[str, Any]]:
    """Quotes grouped by who said them: one group per identity, whatever the spelling
    ("Majed Al-Ansari", "Majed al Ansari"); the most quoted first, unattributed last."""
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for quote in quotes:
        groups[speaker_key(quote)].append(quote)
    found = [_speaker_group(db, key, rows) for key, rows in groups.items()]
    return sorted(found, key=lambda g: (g["name"] is None, -len(g["quotes"]), g["name"] or ""))


def _speaker_group(db: sqlite3.Connection, key: str, quotes: Sequence[Mapping[str, Any]]
                   ) -> dict[str, Any]:
    spellings = Counter(q["speaker"] for q in quotes if q.get("speaker"))
    identity = None if key.startswith("name:") or not key else key
    written = spellings.most_common(1)[0][0] if spellings else None
    name = (identity_name(db, identity) if identity else None) or written
    return {"name": name, "identity": identity, "spellings": sorted(spellings),
            "outlets": sorted({q["outlet"] for q in quotes if q.get("outlet")}),
            "quotes": [_quote_view(q) for q in quotes]}


def _quote_view(quote: Mapping[str, Any]) -> dict[str, Any]:
    return {"text": quote["text"], "speaker": quote.get("speaker"), "kind": quote.get("kind"),
            "cue": quote.get("cue"), "outlet": quote.get("outlet"),
            "published": quote.get("published"), "article": quote["article"],
            "link": link(quote["article"], quote.get("sentence"), quote["start"],
                         quote["end"])}


# -- outlets, reuse and what each article added ---------------------------------------------

def outlets_view(material: Material) -> list[dict[str, Any]]:
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for article in material.articles:
        by_outlet[article.get("source") or "(unknown outlet)"].append(article["id"])
    return [{"outlet": outlet, "articles": ids} for outlet, ids in sorted(by_outlet.items())]


def reuse_view(db: sqlite3.Connection, material: Material, spans: Spans) -> dict[str, Any]:
    """Each passage an article of the story repeats from an earlier one, and per pair of
    outlets how many passages one took from the other."""
    outlets = {a["id"]: a.get("source") for a in material.articles}
    passages = [_passage_view(db, row, outlets, spans)
                for row in list_reuse(db, list(outlets))]
    pairs = Counter((p["outlet"], p["origin_outlet"]) for p in passages)
    return {"pairs": [{"outlet": taker, "from": giver, "passages": count}
                      for (taker, giver), count in sorted(pairs.items(), key=str)],
            "passages": passages}


def _passage_view(db: sqlite3.Connection, row: Mapping[str, Any],
                  outlets: Mapping[str, str | None], spans: Spans) -> dict[str, Any]:
    origin = row["origin"]
    in_story = origin in outlets
    return {"text": row["text"], "similarity": row["similarity"],
            "article": row["article"], "outlet": outlets.get(row["article"]),
            "origin": origin,
            "origin_outlet": outlets[origin] if in_story else _outlet_of(db, origin),
            "link": link(row["article"], sentence_at(spans, row["article"], row["start"]),
                         row["start"], row["end"]),
            # An origin outside the story has no section in the page to point to.
            "origin_link": link(origin, sentence_at(spans, origin, row["origin_start"]),
                                row["origin_start"], row["origin_end"]) if in_story else None}


def _outlet_of(db: sqlite3.Connection, article: str) -> str | None:
    row = db.execute("SELECT source FROM articles WHERE id = ?", (article,)).fetchone()
    return row[0] if row else None


def added_view(novelty: Novelty) -> dict[str, Any]:
    """What the article reported that no earlier article of the story had."""
    article = novelty.article
    return {"article": article,
            "events": [_new_item(e, f"{e['type']}: {e['text']}") for e in novelty.events],
            "figures": [_new_item(f, f"{f['measure']}: {f['text']}") for f in novelty.figures],
            "quotes": [_new_item(q, f"{q.get('speaker') or '?'}: {q['text']}")
                       for q in novelty.quotes],
            "entities": [_new_item({**e, "article": article}, f"{e['entity']} ({e['label']})")
                         for e in novelty.entities]}


def _new_item(row: Mapping[str, Any], text: str) -> dict[str, Any]:
    return {"text": text, "link": link(row["article"], row.get("sentence"), row.get("start"),
                                       row.get("end"))}
