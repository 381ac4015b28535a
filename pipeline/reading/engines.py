"""OCR engines as plugins (OCRmyPDF's habit): the built-in Tesseract, or any engine a package registers.

An engine is made for one document by a factory that takes the document's
:class:`~khplan.pipeline.context.DocContext` (its source and options) and
returns an :class:`~khplan.pipeline.reading.ocr.OcrEngine`. ``Options.ocr_engine``
names it: ``tesseract`` (built in), the name a package registers under the
``khplan.ocr_engines`` entry-point group, or a ``module:factory`` reference.
The name is part of the page cache's key: pages another engine read are
read again.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import cast

from khplan.pipeline.context import DocContext
from khplan.pipeline.errors import MissingDependencyError
from khplan.pipeline.reading.ocr import OcrEngine, TesseractEngine

ENTRY_POINT_GROUP = "khplan.ocr_engines"
BUILT_IN = "tesseract"

EngineFactory = Callable[[DocContext], OcrEngine]


def tesseract_engine(ctx: DocContext) -> OcrEngine:
    options = ctx.options
    return TesseractEngine(options.lang, options.page_timeout)


def engine_factory(name: str) -> EngineFactory:
    """The factory ``name`` refers to; an unknown name is a missing dependency, named in the message."""
    if name == BUILT_IN:
        return tesseract_engine
    if ":" in name:
        module, _, attribute = name.partition(":")
        try:
            factory = getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError) as e:
            raise MissingDependencyError(None, f"OCR engine {name!r} cannot be loaded: {e}") from e
        return cast(EngineFactory, factory)
    for point in entry_points(group=ENTRY_POINT_GROUP, name=name):
        return cast(EngineFactory, point.load())
    raise MissingDependencyError(
        None, f"no OCR engine named {name!r} (built in: {BUILT_IN}; plugins register under {ENTRY_POINT_GROUP})"
    )


def load_engine(ctx: DocContext) -> OcrEngine:
    """The engine that reads this document's page images, checked that it can run here."""
    engine = engine_factory(ctx.options.ocr_engine)(ctx)
    engine.check()
    return engine
