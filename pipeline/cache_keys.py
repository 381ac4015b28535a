"""Pipeline versions: what the ingest cache is keyed on besides a document's bytes.

There are two, because reading a scan is the expensive part and changes
least often. ``reading_version`` covers what turns a file into page texts
(the input, PDF, image, layout and OCR code and the Tesseract release);
``pipeline_version`` adds what turns page texts into a record (restoration
model and code, extractors, schema). A new extractor or model therefore
re-runs restoration and extraction from the cached pages, a new OCR stage
re-reads the scans, and nothing else is redone. Code is fingerprinted by the
bytes of its source files, as Prefect's ``TASK_SOURCE`` cache policy does.

The user's options are part of the key too (:func:`reading_key`,
:func:`record_key`): pages OCR'd with ``--lang eng`` are not the pages a
``--lang vie`` run asks for, and a record made without restoration is not
the one ``--restore always`` asks for.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from khplan.pipeline.context import Options

READING_MODULES = (
    "khplan.pipeline.context",
    "khplan.pipeline.reading.inputs",
    "khplan.pipeline.reading.pdf",
    "khplan.pipeline.reading.images",
    "khplan.pipeline.reading.layout",
    "khplan.pipeline.reading.pages",
    "khplan.pipeline.reading.preprocess",
    "khplan.pipeline.reading.ocr",
    "khplan.pipeline.reading.word_documents",
)
"""The modules whose code decides a document's page texts."""

RECORD_MODULES = ("khplan.pipeline.stages", "khplan.diacritics", "khplan.extractors", "khplan.schemas")
"""The modules (packages: every file in them) whose code decides a record from page texts."""


def source_fingerprint(modules: tuple[str, ...]) -> str:
    """SHA-256 over the source files of ``modules``, in a stable order; packages count every ``.py`` in them."""
    digest = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            digest.update(f"missing:{name}".encode())
            continue
        origin = Path(spec.origin)
        files = sorted(origin.parent.rglob("*.py")) if origin.name == "__init__.py" else [origin]
        for path in files:
            digest.update(str(path.relative_to(origin.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _release() -> str:
    try:
        return version("khplan")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "unknown"


def _tesseract_release() -> str:
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return "none"  # text inputs are still read; scans fail with missing_dependency


@cache
def reading_version() -> str:
    """Cache key of a document's page texts: khplan's release, Tesseract's, and the reading code."""
    return f"khplan-{_release()}+tesseract-{_tesseract_release()}+read-{source_fingerprint(READING_MODULES)[:12]}"


@cache
def pipeline_version() -> str:
    """Cache key of a record: the reading version, the restoration model it ships, and the record code."""
    from khplan.diacritics.model import MODEL_FILE

    return f"{reading_version()}+{MODEL_FILE}+record-{source_fingerprint(RECORD_MODULES)[:12]}"


def _options_digest(*settings: object) -> str:
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:8]


def _reading_settings(options: Options) -> tuple[object, ...]:
    """The options that change what is read from a file."""
    return options.lang, options.dpi, tuple(options.preprocess)


def reading_key(options: Options) -> str:
    """Cache key of page texts read with ``options``: the reading version and the options that change what is read."""
    return f"{reading_version()}+opts-{_options_digest(*_reading_settings(options))}"


def record_key(options: Options) -> str:
    """Cache key of a record made with ``options``: the pipeline version, the reading options and the restore mode."""
    return f"{pipeline_version()}+opts-{_options_digest(*_reading_settings(options), options.restore)}"
