"""The local web app (`newsledger serve`): server-rendered pages over a store opened
read-only, each with a JSON twin under /api, and FastAPI's OpenAPI description.

Needs: a store file (`create_app(db_path)`). Adds nothing: every request opens its own
read-only connection (`Store.open_readonly`), so nothing the app does can change the
store. This package is the only one that imports the web framework; the pages' data
come from `pages.py`, the markup from Jinja2 templates with autoescaping on, so an
article's own markup is shown as text. Charts are drawn in the browser by Vega from the
same Vega-Lite specs as the report's (`present.charts.series_spec`), with the Vega
libraries served by the app itself: a page needs nothing from elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache, partial
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup

from .. import __version__
from ..errors import NewsledgerError, NotFound, UsageError
from ..present.charts import series_spec
from ..present.report import field_of, templates
from ..present.story_view import anchor
from ..store import Store
from . import pages
from .highlight import pieces

STATIC = Path(__file__).parent / "static"
router = APIRouter()


def create_app(db_path: str) -> FastAPI:
    """The app over the store at `db_path` (which must exist: it is never created)."""
    Store.open_readonly(db_path).close()  # a missing or foreign file fails here, not later
    app = FastAPI(title="newsledger", version=__version__,
                  description="A developing news story across outlets: stories, their "
                              "timelines and figures, articles, speakers. Read-only.")
    app.state.open_store = partial(Store.open_readonly, db_path)
    app.state.templates = web_templates()
    app.state.story_cache = pages.StoryCache()  # views, for the pages and the JSON
    app.state.story_pages = pages.StoryCache()  # the pages as rendered: long to render
    app.add_exception_handler(NewsledgerError, _error)  # type: ignore[arg-type]
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def web_templates() -> Environment:
    """The report's template environment, with the web pages' templates in front."""
    env = templates()
    env.loader = ChoiceLoader([PackageLoader("newsledger.web", "templates"),
                               PackageLoader("newsledger.present", "templates")])
    env.globals["article_href"] = article_href
    env.globals["speaker_href"] = speaker_href
    env.globals["anchor"] = anchor  # a sentence's id, as the story view names it
    return env


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection per request (a fraction of a millisecond to open; SQLite
    connections are not shared between the server's threads)."""
    with request.app.state.open_store() as store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(markup(request, template, **context))


def markup(request: Request, template: str, **context: Any) -> str:
    env: Environment = request.app.state.templates
    return env.get_template(template).render(version=__version__, **context)


def _error(request: Request, exc: NewsledgerError) -> Response:
    """One error shape: JSON under /api, a page elsewhere; 404 for what is not there."""
    status = 404 if isinstance(exc, NotFound) else 400 if isinstance(exc, UsageError) else 500
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.code, "message": exc.message, "hint": exc.hint},
                            status_code=status)
    response = render(request, "error.html.j2", error=exc)
    response.status_code = status
    return response


# -- links between pages ------------------------------------------------------------------

def article_href(link: Mapping[str, Any]) -> str:
    """Where an item's link goes: its sentence in the article's page."""
    fragment = f"#{link['anchor']}" if link.get("anchor") else ""
    return f"/articles/{quote(link['article'], safe='')}{fragment}"


def speaker_href(name: str) -> str:
    return f"/speakers/{quote(name, safe='')}"


# -- stories ------------------------------------------------------------------------------

SearchQuery = Annotated[str | None, Query(description="Full-text query over the articles "
                                          "(FTS5 syntax, else a phrase), or part of a title.")]


PageNumber = Annotated[int, Query(ge=1, description="Which page of stories, from 1.")]
PageSize = Annotated[int, Query(ge=1, le=pages.MAX_PAGE_SIZE,
                                description="Stories per page.")]


@router.get("/", response_class=HTMLResponse, summary="Stories, with search, a page at a time")
def stories_html(request: Request, store: StoreDep, q: SearchQuery = None,
                 page: PageNumber = 1, limit: PageSize = pages.PAGE_SIZE) -> HTMLResponse:
    listed = pages.story_list(store, q, page, limit)
    return render(request, "stories.html.j2", page=listed, search_limit=pages.SEARCH_LIMIT,
                  page_href=partial(_page_href, "/", listed))


@router.get("/api/stories", summary="Stories, with search, a page at a time (JSON): "
            "`total` stories in all, `next` and `previous` page numbers or null")
def stories_json(store: StoreDep, q: SearchQuery = None, page: PageNumber = 1,
                 limit: PageSize = pages.PAGE_SIZE) -> JSONResponse:
    return JSONResponse(pages.story_list(store, q, page, limit))


def _page_href(path: str, listed: Mapping[str, Any], number: int) -> str:
    """The link to another page of the same list (same query and page size)."""
    params = {"q": listed["query"], "page": number,
              "limit": listed["limit"] if listed["limit"] != pages.PAGE_SIZE else None}
    return f"{path}?{urlencode({k: v for k, v in params.items() if v is not None})}"


@router.get("/stories/{story}", response_class=HTMLResponse, summary="A story's page")
def story_html(request: Request, story: str, store: StoreDep) -> HTMLResponse:
    key = pages.story_key(store, story)
    kept = request.app.state.story_pages.get(key)
    if kept is None:
        view = pages.kept_story_page(store, key, request.app.state.story_cache)
        kept = request.app.state.story_pages.put(key, {"html": story_markup(request, view)})
    return HTMLResponse(kept["html"])


def story_markup(request: Request, view: Mapping[str, Any]) -> str:
    """The story page, charts and all (kept: a long story takes a tenth of a second)."""
    env: Environment = request.app.state.templates
    slot = env.get_template("chart.html.j2")
    # The slot is a template's own autoescaped output, so it may go in as markup.
    charts = [Markup(slot.render(n=n, series=series, spec=chart_spec(series)))
              for n, series in enumerate(view["series"])]
    articles = {a["id"]: a for a in view["articles"]}
    return markup(request, "story_page.html.j2", view=view, charts=charts,
                  href=article_href, outlet_of=field_of(articles, "outlet"),
                  published_of=field_of(articles, "published"))


@router.get("/api/stories/{story}", summary="A story: timeline, figure series, quotes by "
            "speaker, outlets, reuse, what each article added (JSON)")
def story_json(request: Request, story: str, store: StoreDep) -> JSONResponse:
    return JSONResponse(pages.story_page(store, story, request.app.state.story_cache))


def chart_spec(series: Mapping[str, Any]) -> dict[str, Any]:
    """The report's chart of a series, its marks linking to the article pages."""
    return series_spec(series, article_href)


# -- articles and speakers ----------------------------------------------------------------

@router.get("/articles/{article}", response_class=HTMLResponse, summary="An article, its "
            "entities, times, quotes and figures highlighted")
def article_html(request: Request, article: str, store: StoreDep) -> HTMLResponse:
    page = pages.article_page(store, article)
    return render(request, "article.html.j2", article=page,
                  pieces=pieces(page["text"], pages.article_marks(page)))


@router.get("/api/articles/{article}", summary="An article with its findings and "
            "sentences (JSON)")
def article_json(article: str, store: StoreDep) -> JSONResponse:
    return JSONResponse(pages.article_page(store, article))


@router.get("/speakers/{name:path}", response_class=HTMLResponse,
            summary="A speaker's quotes across stories")
def speaker_html(request: Request, name: str, store: StoreDep) -> HTMLResponse:
    return render(request, "speaker.html.j2", page=pages.speaker_page(store, name))


@router.get("/api/speakers/{name:path}", summary="A speaker's quotes across stories (JSON)")
def speaker_json(name: str, store: StoreDep) -> JSONResponse:
    return JSONResponse(pages.speaker_page(store, name))


# -- the charting library, served locally -------------------------------------------------

@router.get("/vega.js", include_in_schema=False)
def vega_js() -> Response:
    return Response(vega_bundle(), media_type="text/javascript",
                    headers={"Cache-Control": "public, max-age=86400"})


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed in one script, as vl-convert ships them, exposing
    `vegaEmbed` to the page (built once per process: it takes a second or two)."""
    import vl_convert

    return str(vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;"))
