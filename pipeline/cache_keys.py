"""Cache keys of an ingest: when a document is read again, and when its record is made again.

There are two, because reading a scan is the expensive part and changes
least often. :func:`reading_key` covers what turns a file into page texts:
the reading code (:data:`READING_MODULES`), the libraries and programs it
drives (Tesseract with its language data, poppler, Pillow, OpenCV …) and
the options that change what is read. :func:`record_key` adds what turns
page texts into a record: the record code (:data:`RECORD_MODULES`), the
bytes of the restoration model actually loaded, the NLP libraries and the
restore mode. A new extractor or model therefore restores and extracts again
from the cached pages, a new OCR stage reads the scans again, and nothing
else is redone. Code is fingerprinted by the bytes of its source files, as
Prefect's ``TASK_SOURCE`` cache policy does.

Both module lists are explicit and checked by a test: every khplan module
that reading a document imports is in :data:`READING_MODULES`, and every
one that making its record imports is in one of the two lists. Tooling
(``tools/``) is in neither: a benchmark's edit re-reads nothing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from khplan.pipeline.context import Options

READING_MODULES: tuple[str, ...] = (
    "khplan.pipeline",
    "khplan.pipeline.context",
    "khplan.pipeline.errors",
    "khplan.pipeline.verbosity",
    "khplan.pipeline.reading",
    "khplan.pipeline.reading.document",
    "khplan.pipeline.reading.engines",
    "khplan.pipeline.reading.images",
    "khplan.pipeline.reading.inputs",
    "khplan.pipeline.reading.layout",
    "khplan.pipeline.reading.legacy_encodings",
    "khplan.pipeline.reading.ocr",
    "khplan.pipeline.reading.pages",
    "khplan.pipeline.reading.pdf",
    "khplan.pipeline.reading.preprocess",
    "khplan.pipeline.reading.searchable",
    "khplan.pipeline.reading.ocrmypdf_plugin",
    "khplan.pipeline.reading.word_documents",
    "khplan.pipeline.reading.web_markup",
    "khplan.diacritics",
    "khplan.diacritics.damage",
    "khplan.diacritics.orthography",
    "khplan.diacritics.result",
    "khplan.diacritics.tokens",
    "khplan.schemas",
    "khplan.schemas.words",
)
"""The modules whose code decides a document's page texts (and its searchable PDF)."""

RECORD_MODULES: tuple[str, ...] = (
    "khplan.pipeline.run",
    "khplan.pipeline.stages",
    "khplan.pipeline.evidence",
    "khplan.schemas.plan",
    "khplan.data",
    "khplan.diacritics.abbreviations",
    "khplan.diacritics.capitals",
    "khplan.diacritics.channel",
    "khplan.diacritics.decoder",
    "khplan.diacritics.lm",
    "khplan.diacritics.look_alikes",
    "khplan.diacritics.model",
    "khplan.diacritics.name_lists",
    "khplan.diacritics.names",
    "khplan.diacritics.restorer",
    "khplan.diacritics.lost_glyphs",
    "khplan.diacritics.syllables",
    "khplan.diacritics.symbols",
    "khplan.extractors",
    "khplan.extractors.awards",
    "khplan.extractors.config",
    "khplan.extractors.consistency",
    "khplan.extractors.criteria",
    "khplan.extractors.dates",
    "khplan.extractors.deadlines",
    "khplan.extractors.document",
    "khplan.extractors.gazetteer",
    "khplan.extractors.header",
    "khplan.extractors.issuer",
    "khplan.extractors.legal_bases",
    "khplan.extractors.letterhead",
    "khplan.extractors.matching",
    "khplan.extractors.nlp",
    "khplan.extractors.ocr_confidence",
    "khplan.extractors.period",
    "khplan.extractors.recipients",
    "khplan.extractors.registry",
    "khplan.extractors.run_together",
    "khplan.extractors.signer",
    "khplan.extractors.structure",
    "khplan.extractors.subjects",
    "khplan.extractors.targets",
    "khplan.extractors.terms",
    "khplan.extractors.title",
)
"""The modules whose code decides a record from page texts (beside the reading modules it builds on)."""

READING_DISTRIBUTIONS = (
    "pillow",
    "numpy",
    "opencv-python-headless",
    "pypdf",
    "pdf2image",
    "pytesseract",
    "python-docx",
)
"""Libraries whose release can change what is read from a file."""
RECORD_DISTRIBUTIONS = ("underthesea", "spacy", "rapidfuzz", "vietnamadminunits", "pydantic")
"""Libraries whose release can change a record made from the same page texts."""


def module_file(name: str) -> Path:
    """The source file of module ``name`` (a package's ``__init__.py``); a missing module is an error."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"cache key module {name} does not exist")
    return Path(spec.origin)


def source_fingerprint(modules: tuple[str, ...]) -> str:
    """SHA-256 over the names and source bytes of ``modules``, in a stable order."""
    digest = hashlib.sha256()
    for name in sorted(modules):
        digest.update(name.encode())
        digest.update(module_file(name).read_bytes())
    return digest.hexdigest()


def _distribution_versions(names: tuple[str, ...]) -> str:
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name}=none")
    return ",".join(versions)


def _release() -> str:
    try:
        return version("khplan")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "unknown"


@cache
def _tesseract_release() -> str:
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return "none"  # text inputs are still read; scans fail with missing_dependency


@cache
def _poppler_release() -> str:
    try:
        done = subprocess.run(["pdftoppm", "-v"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "none"
    return (done.stderr or done.stdout).splitlines()[0].strip() if (done.stderr or done.stdout) else "unknown"


@cache
def _language_data(lang: str) -> str:
    """Size and modification time of each ``.traineddata`` file ``lang`` names: Debian updates them in place."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    folders = [Path(prefix)] if prefix else sorted(Path("/usr/share/tesseract-ocr").glob("*/tessdata"))
    stamps = []
    for name in sorted(lang.split("+")):
        found = next((f / f"{name}.traineddata" for f in folders if (f / f"{name}.traineddata").exists()), None)
        stat = found.stat() if found else None
        stamps.append(f"{name}:{stat.st_size}:{int(stat.st_mtime)}" if stat else f"{name}:none")
    return ",".join(stamps)


@cache
def reading_version() -> str:
    """khplan's release, Tesseract's and poppler's, the reading libraries and the reading code."""
    tools = f"{_tesseract_release()}|{_poppler_release()}|{_distribution_versions(READING_DISTRIBUTIONS)}"
    return (
        f"khplan-{_release()}+tesseract-{_tesseract_release()}"
        f"+tools-{hashlib.sha256(tools.encode()).hexdigest()[:8]}+read-{source_fingerprint(READING_MODULES)[:12]}"
    )


def model_fingerprint(path: Path) -> str:
    """SHA-256 of the model file's bytes: a model swapped in (``KHPLAN_RESTORER_MODEL``) is another key."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "missing"
    return _file_digest(path, stat.st_size, stat.st_mtime_ns)


@cache
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    """Hashed once per file version (its size and modification time are part of the cache's key)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def pipeline_version() -> str:
    """The reading version, the bytes of the restoration model in use, the NLP libraries and the record code."""
    from khplan.diacritics.model import model_path

    return _pipeline_version(model_fingerprint(model_path()))


@cache
def _pipeline_version(model_digest: str) -> str:
    libraries = hashlib.sha256(_distribution_versions(RECORD_DISTRIBUTIONS).encode()).hexdigest()[:8]
    return (
        f"{reading_version()}+model-{model_digest[:12]}+nlp-{libraries}"
        f"+record-{source_fingerprint(READING_MODULES + RECORD_MODULES)[:12]}"
    )


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def _reading_settings(options: Options) -> tuple[object, ...]:
    """The options that change what is read from a file."""
    return options.lang, options.dpi, tuple(options.preprocess), options.ocr_engine


def tesseract_key(lang: str) -> str:
    """Tesseract's release and its ``lang`` data: all that a plain Tesseract reading (no khplan code) depends on."""
    return f"tesseract-{_digest(_tesseract_release(), _language_data(lang))}"


def reading_key(options: Options) -> str:
    """Cache key of page texts read with ``options``: the reading version, the language data, the reading options."""
    digest = _digest(reading_version(), _language_data(options.lang), _reading_settings(options))
    return f"khplan-{_release()}+read-{digest}"


def record_key(options: Options) -> str:
    """Cache key of a record made with ``options``: the pipeline version, the reading key and the restore mode."""
    return f"khplan-{_release()}+record-{_digest(pipeline_version(), reading_key(options), options.restore)}"
