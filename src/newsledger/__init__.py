"""newsledger: a sourced, dated record of developing news stories.

The library does the work; `newsledger.cli` is a thin shell over it.
Pipeline layout: `ingest` (inputs to clean articles), `store` (SQLite), `present`
(listings and rendering). Understanding and linking stages come later as their own
packages beside these.
"""

__version__ = "0.1.0"
