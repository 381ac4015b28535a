"""The review web app: a queue of documents, a document beside its page, corrections as JSON writes.

FastAPI routes over a :class:`~khplan.pipeline.review.store.ReviewStore`;
Jinja2 templates with autoescaping render every page (titles can hold any
text), and one small script and style sheet shipped in the package do the
rest in the browser: nothing is fetched from anywhere else.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, JsonValue

from khplan.pipeline.review.page_images import NoPageImage, PageImages
from khplan.pipeline.review.security import Guard
from khplan.pipeline.review.store import CorrectionError, Operation, QueueItem, ReviewStore, UnknownDocument
from khplan.pipeline.review.views import LABELS, document_view

SHA256 = re.compile(r"^[0-9a-f]{64}$")
PACKAGE = files("khplan.pipeline.review")
STATIC = {"review.js": "text/javascript", "review.css": "text/css"}
"""The only static files served, by name."""
FILTERS = ("province", "level", "year", "status")
STATUSES = ("pending", "reviewed", "quarantined")


@dataclass(frozen=True)
class ReviewConfig:
    out: Path
    reviewer: str
    catalog_url: str | None = None


class CorrectionRequest(BaseModel):
    op: Operation
    path: str
    value: JsonValue = None


class ReviewedRequest(BaseModel):
    reviewed: bool = True


def _templates() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["labels"] = LABELS
    return environment


def create_app(config: ReviewConfig, guard: Guard) -> FastAPI:
    store = ReviewStore(config.out, config.catalog_url)
    images = PageImages(store.archive)
    templates = _templates()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="khplan review", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.middleware("http")(guard)

    def page(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(reviewer=config.reviewer, **context))

    def known(sha256: str) -> str:
        if not SHA256.match(sha256):
            raise HTTPException(404, "no such document")
        return sha256

    @app.get("/", response_class=HTMLResponse)
    def queue(request: Request) -> HTMLResponse:
        items = store.queue()
        chosen = {name: request.query_params.get(name, "") for name in FILTERS}
        shown = [item for item in items if _matches(item, chosen)]
        counts = {
            status: sum(1 for i in items if i.status == status) for status in ("pending", "reviewed", "quarantined")
        }
        options = {
            name: sorted({str(v) for i in items if (v := getattr(i, name))}) for name in ("province", "level", "year")
        }
        return page("queue.html", items=shown, counts=counts, chosen=chosen, options=options, total=len(items))

    @app.get("/documents/{sha256}", response_class=HTMLResponse)
    def document(sha256: str) -> HTMLResponse:
        try:
            doc = store.document(known(sha256))
        except UnknownDocument:
            raise HTTPException(404, "no such document") from None
        items = store.queue()
        order = [i.sha256 for i in items if i.status != "quarantined"]
        pending = [i.sha256 for i in items if i.status == "pending" and i.sha256 != sha256]
        at = order.index(sha256) if sha256 in order else -1
        neighbours = {
            "previous": order[at - 1] if at > 0 else None,
            "next": order[at + 1] if 0 <= at < len(order) - 1 else None,
            "next_pending": pending[0] if pending else None,
        }
        view = document_view(doc)
        return page("document.html", doc=doc, view=view, data=view.script_data(), neighbours=neighbours)

    @app.get("/documents/{sha256}/pages/{number}.png")
    def page_image(sha256: str, number: int) -> Response:
        try:
            doc = store.document(known(sha256))
        except UnknownDocument:
            raise HTTPException(404, "no such document") from None
        if number not in {p.page for p in doc.record.provenance.page_sizes}:
            raise HTTPException(404, "no such page")
        try:
            path = images.png(sha256, number, doc.sources)
        except NoPageImage as e:
            raise HTTPException(404, str(e)) from None
        return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        if name not in STATIC:
            raise HTTPException(404, "no such file")
        body = (PACKAGE / "static" / name).read_bytes()
        return Response(body, media_type=STATIC[name], headers={"Cache-Control": "no-cache"})

    @app.post("/api/documents/{sha256}/corrections")
    def correct(sha256: str, change: CorrectionRequest) -> JSONResponse:
        return _answer(
            lambda: store.correct(known(sha256), change.op, change.path, change.value, config.reviewer),
        )

    @app.post("/api/documents/{sha256}/review")
    def review(sha256: str, change: ReviewedRequest) -> JSONResponse:
        return _answer(lambda: store.set_reviewed(known(sha256), config.reviewer, change.reviewed))

    return app


def _answer(action: Callable[[], object]) -> JSONResponse:
    """The action's outcome as the page script reads it: ``{"ok": true}`` or ``{"error": "one line"}``."""
    try:
        action()
    except UnknownDocument:
        return JSONResponse({"error": "no such document"}, status_code=404)
    except CorrectionError as e:
        return JSONResponse({"error": str(e)}, status_code=422)
    return JSONResponse({"ok": True})


def _matches(item: QueueItem, chosen: dict[str, str]) -> bool:
    return all(not value or str(getattr(item, name) or "") == value for name, value in chosen.items())
