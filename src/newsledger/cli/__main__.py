"""`python -m newsledger.cli`: the console script, as tests and users without the entry
point run it."""

from . import main

main()
