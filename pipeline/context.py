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
from typing import Literal, NamedTuple, Protocol

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
class Limits:
    """How large an input may be before it is refused as ``too_large`` (``--max-pages``, ``--max-chars``).

    Checked before the expensive step, from what is cheap to know: a file's
    size, a PDF's page count, a Word file's uncompressed size and paragraph
    count (scanned, not parsed), the text's length once read.
    """

    max_pages: int = 1000
    """Pages of a PDF or multi-page image: 1,000 is past any plan; a 2,000-page blank PDF is an attack."""
    max_chars: int = 3_000_000
    """Characters of text: a thousand dense pages."""

    @property
    def max_text_bytes(self) -> int:
        """A text file's size in bytes (UTF-8 spends up to four on a character)."""
        return 4 * self.max_chars

    @property
    def max_docx_bytes(self) -> int:
        """A Word file's XML, uncompressed: markup is verbose, but not 50 bytes a character."""
        return 50 * self.max_chars

    @property
    def max_docx_paragraphs(self) -> int:
        """Paragraphs of a Word file: ten characters a paragraph on average is already a list of blanks."""
        return self.max_chars // 10


DEFAULT_LIMITS = Limits()


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
    """Also write a searchable PDF of a scanned document (:mod:`khplan.pipeline.reading.searchable`)."""
    preprocess: tuple[str, ...] = PREPROCESS_STEPS
    """Named steps a page image goes through before OCR (:data:`khplan.pipeline.reading.preprocess.PAGE_STEPS`)."""
    ocr_engine: str = "tesseract"
    """The OCR engine plugin that reads page images (:mod:`khplan.pipeline.reading.engines`)."""
    limits: Limits = field(default_factory=Limits)
    """Past these an input is quarantined as ``too_large``."""


def path_text(path: Path | str) -> str:
    """A path as text that survives JSON, a catalog and a terminal: bytes that are not UTF-8 shown as ``\\xff``.

    A file name is bytes; Python carries the undecodable ones as lone surrogates, which no encoder writes.
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


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


class PageProgress(Protocol):
    """Told how far the reading of one document has got: its page count once known, then each page read."""

    def start(self, pages: int) -> None: ...

    def advance(self, pages: int = 1) -> None: ...


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
    size: tuple[int, int] | None = None
    """Width and height in pixels of the page image the words' boxes are on (the page as it came in); None when
    not OCR'd."""
    dpi: float | None = None
    """That image's resolution (dots per inch): boxes in inches are box / dpi."""
    doubtful: tuple[tuple[int, int, float], ...] = ()
    """Words restoration was unsure of, as ``(start, end, confidence)`` offsets into ``text`` (after restoring)."""
