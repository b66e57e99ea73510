"""The command line as a user meets it: the contract's JSON, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json

from .conftest import ANADOLU, EXAMPLES, run_cli

CONTRACT_KEYS = ["id", "input", "error", "url", "source", "language", "title", "subtitle",
                 "authors", "published", "updated", "dateline", "text", "entities", "times",
                 "quotes", "figures", "events"]


def test_extract_jsonl_prints_contract_records_in_input_order():
    result = run_cli("extract", str(EXAMPLES), "--jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in records] == [CONTRACT_KEYS, CONTRACT_KEYS]
    assert [r["published"] for r in records] == ["2024-03-19", "2024-03-26"]
    assert all(r["error"] is None for r in records)
    shapes = {"entities": {"start", "end", "text", "label", "entity"},
              "times": {"start", "end", "text", "type", "value"},
              "quotes": {"start", "end", "text", "speaker", "speaker_start", "speaker_end",
                         "cue", "kind"},
              "figures": {"start", "end", "text", "value", "qualifier", "unit", "subject",
                          "measure", "direction", "source", "as_of"},
              "events": {"start", "end", "text", "type", "trigger", "actors", "targets",
                         "mediators", "date", "place"}}
    for record in records:
        for field, keys in shapes.items():
            assert record[field], f"{field} empty"
            assert all(found.keys() == keys for found in record[field]), field
            assert all(record["text"][f["start"]:f["end"]] == f["text"]
                       for f in record[field]), field


def test_extract_overrides(tmp_path):
    result = run_cli("extract", str(ANADOLU), "--jsonl", "--published", "2020-01-02",
                     "--source", "Wire", "--lang", "xx")
    record = json.loads(result.stdout)
    assert (record["published"], record["source"], record["language"]) == (
        "2020-01-02", "Wire", "xx")


def test_extract_bad_input_gives_error_record_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("extract", str(empty), str(ANADOLU), "--jsonl")
    assert result.returncode == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["error"] == "empty file" and first["text"] is None
    assert second["error"] is None


def test_bad_usage_is_one_line_and_exit_2(tmp_path):
    result = run_cli("extract", str(ANADOLU), "--published", "not-a-date", "--jsonl")
    assert result.returncode == 2
    assert "not a date" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("show", "abc", "--db", str(tmp_path / "s.db"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no article with id" in result.stderr


def test_ingest_summary_and_idempotence(tmp_path):
    db = str(tmp_path / "s.db")
    first = run_cli("ingest", "--db", db, str(EXAMPLES))
    second = run_cli("ingest", "--db", db, str(EXAMPLES))
    assert first.returncode == 0 and "2 new, 0 already known, 0 errors" in first.stdout
    assert second.returncode == 0 and "0 new, 2 already known, 0 errors" in second.stdout


def test_ingest_reports_errors_with_reasons(tmp_path):
    db = str(tmp_path / "s.db")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    result = run_cli("ingest", "--db", db, str(binary), str(ANADOLU))
    assert result.returncode == 1
    assert "1 new, 0 already known, 1 error" in result.stdout
    assert "not text: binary data" in result.stdout
    listed = run_cli("errors", "--db", db, "--json")
    assert [e["error"] for e in json.loads(listed.stdout)] == ["not text: binary data"]


def test_listing_formats(tmp_path):
    db = str(tmp_path / "s.db")
    run_cli("ingest", "--db", db, str(EXAMPLES))
    as_json = json.loads(run_cli("articles", "--db", db, "--json").stdout)
    assert [a["source"] for a in as_json] == ["TRT World", "Anadolu Agency"]
    rows = list(csv.DictReader(io.StringIO(run_cli("articles", "--db", db, "--csv").stdout)))
    assert [r["published"] for r in rows] == ["2024-03-26", "2024-03-19"]
    table = run_cli("articles", "--db", db, "--table", "--search", "Rafah").stdout
    assert "Anadolu Agency" in table and "TRT World" not in table
    shown = json.loads(run_cli("show", as_json[1]["id"][:8], "--db", db, "--json").stdout)
    assert shown["authors"] == ["Ahmed Asmar"] and shown["inputs"]
