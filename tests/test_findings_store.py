"""Findings in the store (migration 0003): written with the article, read back in the
contract's shapes, listed across the store by `quotes`, `figures` and `events`."""

from __future__ import annotations

import json

from newsledger.ingest import read_file
from newsledger.understand.pipeline import Analysis
from newsledger.understand.records import Event, Figure, Quote, TimeExpression

from .conftest import ANADOLU, run_cli


def _analysis(settings) -> Analysis:  # type: ignore[no-untyped-def]
    """The Anadolu article with one finding of each kind, placed on real spans."""
    article = next(iter(read_file(ANADOLU, settings)))
    text = article.text

    def span(phrase: str) -> tuple[int, int, str]:
        start = text.index(phrase)
        return start, start + len(phrase), phrase

    time = TimeExpression(article.id, *span("Monday"), "DATE", "2024-03-18", 0, "test", 0.9)
    quote = Quote(article.id, *span("The negotiations resumed in Doha"), "Majed Al-Ansari",
                  None, None, "told", "direct", 1, "test", 0.8)
    killed = Figure(article.id, *span("31,800"), 31800, "more_than", "person", "Palestinians",
                    "killed", None, None, "2024-03-19", 2, "test", 0.7)
    ranged = Figure(article.id, *span("74,000"), (70000, 74000), "about", "person", None,
                    "injured", None, "the UN", "2024-03-19", 2, "test", 0.7)
    event = Event(article.id, *span("The negotiations resumed in Doha"), "CONSULT", "resumed",
                  ("Hamas", "Israel"), (), ("Qatar",), "Doha", "2024-03-18", 1, "test", 0.6)
    return Analysis(article, times=(time,), quotes=(quote,), figures=(killed, ranged),
                    events=(event,))


def test_findings_round_trip_in_contract_shapes(store, settings):
    analysis = _analysis(settings)
    assert store.add(analysis.article, analysis) == "new"
    record = store.article(analysis.article.id)
    assert [t["value"] for t in record["times"]] == ["2024-03-18"]
    assert record["quotes"][0]["speaker"] == "Majed Al-Ansari"
    values = sorted((f["value"] for f in record["figures"]), key=str)
    assert values == [31800, [70000, 74000]]
    assert record["events"][0]["mediators"] == ["Qatar"]
    assert record["events"][0]["actors"] == ["Hamas", "Israel"]
    for kind in ("times", "quotes", "figures", "events"):
        for found in record[kind]:
            assert record["text"][found["start"]:found["end"]] == found["text"]


def test_listings_filter_and_carry_their_sentence(store, settings):
    analysis = _analysis(settings)
    store.add(analysis.article, analysis)
    killed = store.findings("figures", match="killed")
    assert [f["value"] for f in killed] == [31800]
    assert killed[0]["outlet"] == analysis.article.source
    assert killed[0]["source"] is None  # the figure's source, not the outlet
    assert store.findings("figures", match="displaced") == []
    quote = store.findings("quotes", match="ansari")[0]
    assert quote["text"] in text_of_sentence(quote)
    assert store.findings("events", match="CONSULT", since="2024-03-20") == []


def text_of_sentence(row: dict) -> str:  # type: ignore[type-arg]
    # Sentences are stored only from a parse; hand-built analyses have none.
    return row["sentence_text"] or row["text"]


def test_ingest_stores_the_stages_findings_and_lists_them(tmp_path):
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", "--db", db, str(ANADOLU)).returncode == 0
    listed = run_cli("quotes", "--db", db, "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert isinstance(rows, list)
    for row in rows:  # a long quote runs on past its first sentence
        assert row["text"].split()[0] in row["sentence_text"]
    for kind in (("figures", "--mentions"), ("events",)):
        shown = run_cli(*kind, "--db", db, "--csv")
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.splitlines()[0].startswith("published,outlet,")
