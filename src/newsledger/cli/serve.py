"""`newsledger serve`: the local web app over a store (issue 5). Thin: the app is
`web.create_app`; this starts it with uvicorn."""

from __future__ import annotations

import click

from ..settings import load_settings
from . import db_option, friendly_errors, main


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default is reachable from this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@friendly_errors
def serve_command(db: str | None, host: str, port: int) -> None:
    """Browse the store in a web browser: stories with search, story pages with their
    timeline and charts, articles with their findings highlighted, speakers' quotes, and
    a JSON twin of every page under /api (described at /openapi.json). The store is
    opened read-only."""
    import uvicorn

    from ..web.app import create_app

    settings = load_settings({"db": db})
    app = create_app(settings.db)
    click.echo(f"Serving {settings.db} read-only on http://{host}:{port}/ (Ctrl-C stops)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
