"""Turn a reader's Draft into an Article: resolve candidates, detect language, hash.

Several extractors may propose a title, a date or an outlet; the resolver keeps all of
them on the record and picks the most confident (the first proposed on a tie).
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import UnreadableInput
from ..records import Article, Candidate, article_id
from ..settings import Settings
from .draft import Draft
from .furniture import split_names
from .language import detect_language

SINGLE_VALUED = ("title", "subtitle", "source", "url", "published", "updated", "dateline")
_PARAGRAPH_GAP = re.compile(r"\n\s*\n+")


def assemble(draft: Draft, settings: Settings) -> Article:
    text = normalise_body(draft.text)
    if len(text) < max(settings.min_body_chars, 1):
        raise UnreadableInput("no article text found")
    candidates = list(draft.candidates) + _overrides(settings)
    candidates += _language_candidates(text, candidates)
    chosen = {name: resolve(candidates, name) for name in SINGLE_VALUED + ("language",)}
    return Article(
        id=article_id(text),
        input=draft.input,
        text=text,
        authors=resolve_authors(candidates),
        format=draft.format,
        candidates=tuple(candidates),
        **chosen,
    )


def normalise_body(text: str) -> str:
    """NFC (pages mix composed and decomposed accents; matching and search need one
    form), paragraphs separated by one blank line, lines inside a paragraph kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    paragraphs = (p.strip() for p in _PARAGRAPH_GAP.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def resolve(candidates: list[Candidate], field: str) -> str | None:
    best: Candidate | None = None
    for candidate in candidates:
        if candidate.field == field and (best is None or candidate.confidence > best.confidence):
            best = candidate
    return best.value if best else None


def resolve_authors(candidates: list[Candidate]) -> tuple[str, ...]:
    """All names proposed by the most confident author extractor, split and deduplicated."""
    authors = [c for c in candidates if c.field == "author"]
    if not authors:
        return ()
    top = max(c.confidence for c in authors)
    best_extractor = next(c.extractor for c in authors if c.confidence == top)
    names: list[str] = []
    for candidate in authors:
        if candidate.extractor == best_extractor:
            names += [n for n in split_names(candidate.value) if n not in names]
    return tuple(names)




def _overrides(settings: Settings) -> list[Candidate]:
    given = {"published": settings.published, "source": settings.source,
             "language": settings.language}
    return [Candidate(k, v, "override", 2.0) for k, v in given.items() if v]


def _language_candidates(text: str, candidates: list[Candidate]) -> list[Candidate]:
    title = resolve(candidates, "title") or ""
    guess = detect_language(f"{title}\n{text}")
    return [Candidate("language", guess[0], "py3langid", 0.5 * guess[1])] if guess else []

