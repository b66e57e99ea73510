"""Understanding one article: a pipeline of stages over its text.

Each stage is a module with one pure function and a declared contract: the names of
what it needs and what it adds (`Stage`). `Pipeline` checks, when it is built, that
every stage's needs are met by the stages before it, then runs them in order over an
`Analysis`. Stages do no I/O; models come from `nlp.py`, loaded once per process.
"""

from .pipeline import Analysis, Pipeline, Stage, default_pipeline, understand

__all__ = ["Analysis", "Pipeline", "Stage", "default_pipeline", "understand"]
