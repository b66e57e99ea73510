"""Entities on the bundled examples and on small hand-made texts: offsets exact, one
name per person within an article, the news fixes, and the stage contracts."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from newsledger.errors import UsageError
from newsledger.ingest import read_inputs
from newsledger.records import Article, article_id
from newsledger.understand import Pipeline, Stage, understand
from newsledger.understand.entities import canonical_names

from .conftest import ANADOLU, ROOT, TRT, run_cli


def analysed(path, settings):  # type: ignore[no-untyped-def]
    (article,) = list(read_inputs([str(path)], settings))
    return understand(article)


def names(analysis, label: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(e.text, e.entity) for e in analysis.entities if e.label == label}


def test_every_entity_reads_as_its_own_text(settings):
    for path in (ANADOLU, TRT):
        analysis = analysed(path, settings)
        text = analysis.article.text
        assert analysis.entities
        for entity in analysis.entities:
            assert text[entity.start:entity.end] == entity.text
            assert entity.article == analysis.article.id and entity.sentence >= 0


def test_one_name_per_person_under_every_spelling(settings):
    anadolu, trt = analysed(ANADOLU, settings), analysed(TRT, settings)
    assert names(anadolu, "PERSON") >= {("Majed Al-Ansari", "Majed Al-Ansari"),
                                        ("Al-Ansari", "Majed Al-Ansari")}
    assert names(trt, "PERSON") >= {("Majed al Ansari", "Majed al Ansari"),
                                    ("Ansari", "Majed al Ansari")}


def test_a_city_is_not_a_person_and_a_subheading_is_not_a_place(settings):
    anadolu, trt = analysed(ANADOLU, settings), analysed(TRT, settings)
    assert "Rafah" not in {e.text for e in anadolu.entities if e.label == "PERSON"}
    assert {e.entity for e in anadolu.entities if e.label == "GPE"} >= {"Rafah", "Doha", "Qatar"}
    assert "Meetings" not in {e.text for e in trt.entities}


def test_numeric_kinds_are_left_to_their_own_stages(settings):
    labels = {e.label for e in analysed(ANADOLU, settings).entities}
    assert not labels & {"DATE", "CARDINAL", "PERCENT", "QUANTITY", "TIME"}


def test_canonical_names_fold_particles_and_case():
    found = canonical_names([("Majed al-Ansari", "PERSON"), ("ANSARI", "PERSON"),
                             ("the United Nations", "ORG")])
    assert found["ANSARI", "PERSON"] == "Majed al-Ansari"
    assert found["the United Nations", "ORG"] == "United Nations"


def test_other_languages_are_not_read_with_the_english_model():
    text = "Der Bundestag hat am Dienstag in Berlin über das Gesetz abgestimmt."
    article = Article(id=article_id(text), input="de.txt", text=text, language="de")
    assert understand(article).entities == ()


def test_pipeline_refuses_a_stage_whose_needs_come_later():
    def nothing(analysis):  # type: ignore[no-untyped-def]
        return analysis

    needs_doc = Stage("needs-doc", frozenset({"doc"}), frozenset({"entities"}), nothing)
    adds_doc = Stage("adds-doc", frozenset({"text"}), frozenset({"doc"}), nothing)
    Pipeline([adds_doc, needs_doc])
    with pytest.raises(UsageError, match="needs"):
        Pipeline([needs_doc, adds_doc])
    with pytest.raises(UsageError, match="unknown"):
        Pipeline([Stage("bad", frozenset(), frozenset({"colour"}), nothing)])


def test_records_are_frozen(settings):
    entity = analysed(ANADOLU, settings).entities[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entity.text = "x"  # type: ignore[misc]


def test_ingest_stores_entities_and_show_returns_them(store, settings):
    from newsledger.ingest.batch import ingest_paths

    ingest_paths([str(ANADOLU)], store, settings)
    (row,) = store.articles()
    stored = store.article(row["id"])["entities"]
    text = row["text"]
    assert stored and all(text[e["start"]:e["end"]] == e["text"] for e in stored)
    assert {"text": "Al-Ansari", "entity": "Majed Al-Ansari"}.items() <= next(
        e for e in stored if e["text"] == "Al-Ansari").items()


def test_understanding_can_be_switched_off(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text("understanding = false\n", encoding="utf-8")
    on = json.loads(run_cli("extract", str(ANADOLU), "--jsonl").stdout)
    off = subprocess.run([sys.executable, "-m", "newsledger.cli", "extract", str(ANADOLU),
                          "--jsonl"], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "NEWSLEDGER_CONFIG": str(config)})
    assert on["entities"] and json.loads(off.stdout)["entities"] == []
    assert json.loads(off.stdout)["text"] == on["text"]


def test_a_surname_two_people_share_goes_to_the_one_named_last():
    text = ("Bill Clinton spoke in Ohio on Monday. Clinton praised the workers there.\n\n"
            "Hillary Clinton answered questions in Iowa later. Clinton said the plan would pass.")
    article = Article(id=article_id(text), input="hand-made", format="text", text=text,
                      language="en")
    surnames = [e for e in understand(article).entities if e.text == "Clinton"]
    assert [e.entity for e in surnames] == ["Bill Clinton", "Hillary Clinton"]
