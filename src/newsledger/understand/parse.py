"""Stage `parse`: the spaCy parse of an English article's text.

Needs: text, language. Adds: doc (None for other languages, which the English model
would misread, and for texts longer than the model accepts).
"""

from __future__ import annotations

from .nlp import load_model
from .pipeline import Analysis, Stage

ENGLISH = {"en", None}


def parse(analysis: Analysis) -> Analysis:
    article = analysis.article
    if article.language not in ENGLISH:
        return analysis.add(doc=None)
    model = load_model()
    if len(article.text) > model.max_length:
        return analysis.add(doc=None)
    return analysis.add(doc=model(article.text))


STAGE = Stage("parse", needs=frozenset({"text", "language"}), adds=frozenset({"doc"}),
              run=parse)
