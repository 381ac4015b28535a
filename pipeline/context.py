"""The objects a run carries from stage to stage: options, the document, its pages.

Stages are plain functions over these (OCRmyPDF's habit), so the same stage
runs from the CLI, from a Prefect task, or from a test without knowing which.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal, NamedTuple

from khplan.diacritics.damage import RestoreMode
from khplan.schemas import OcrWord

HASH_CHUNK = 1 << 20


class InputKind(StrEnum):
    pdf = "pdf"
    image = "image"
    text = "text"


PREPROCESS_STEPS = ("normalise", "denoise")
"""The page preprocessing ``make bench-ocr`` showed to help; every step is in :mod:`pipeline.preprocess`."""


def default_jobs() -> int:
    """Worker count when none is given: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Options:
    """What the user chose for a run; every stage reads its settings from here."""

    jobs: int = field(default_factory=default_jobs)
    """Pages (and, in ingest, documents) processed at once."""
    lang: str = "vie"
    """Tesseract language(s), e.g. ``vie`` or ``vie+eng``."""
    dpi: int = 300
    """Resolution PDFs are rasterised at for OCR."""
    restore: RestoreMode = "auto"
    """Restore diacritics always, never, or when the text has lost them (auto)."""
    page_timeout: float = 180.0
    """Seconds Tesseract may spend on one page before the page fails."""
    searchable_pdf: bool = False
    """Also render each OCR'd page's text as an invisible layer, for a searchable PDF."""
    preprocess: tuple[str, ...] = PREPROCESS_STEPS
    """Named steps a page image goes through before OCR (:data:`khplan.pipeline.reading.preprocess.PAGE_STEPS`)."""
    ocr_engine: str = "tesseract"
    """The OCR engine plugin that reads page images (:mod:`khplan.pipeline.reading.engines`)."""


def file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes: the identity of a document everywhere in khplan."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class DocContext:
    """One input document on its way through the stages."""

    source: Path
    kind: InputKind
    sha256: str
    options: Options = field(default_factory=Options)


class PageText(NamedTuple):
    """The text of one page and how it was obtained."""

    page_no: int
    """Page number, 1-based."""
    text: str
    method: Literal["text", "pdf-text", "ocr"]
    confidence: float | None = None
    """Mean word confidence (0-100) when OCR'd, else None."""
    words: tuple[OcrWord, ...] = ()
    """The words OCR read, offsets into ``text``."""
    text_layer: bytes | None = None
    """The page's words as an invisible one-page PDF, when a searchable PDF was asked for."""
    doubtful: tuple[tuple[int, int, float], ...] = ()
    """Words restoration was unsure of, as ``(start, end, confidence)`` offsets into ``text`` (after restoring)."""
