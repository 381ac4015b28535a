"""PDF inputs: how many pages, which carry a text layer, and page images for the rest.

poppler (through pdf2image) rasterises, pypdf reads text layers and tells an
encrypted file from a broken one; their errors become khplan's here.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

import pdf2image
import pypdf
from pdf2image.exceptions import PDFInfoNotInstalledError, PDFPageCountError, PDFPopplerTimeoutError, PDFSyntaxError
from PIL import Image

from khplan.pipeline.errors import CorruptFileError, EmptyDocumentError, EncryptedPdfError, MissingDependencyError
from khplan.pipeline.reading.legacy_encodings import to_unicode

# A page whose text layer has fewer letters than this is treated as a scan.
MIN_TEXT_LAYER_LETTERS = 16
# Rasterise no page into more pixels than this (A4 at 600 dpi is 35 Mpx): a
# poster-sized page is drawn at a lower resolution instead of exhausting memory.
MAX_PAGE_PIXELS = 140_000_000
POINTS_PER_INCH = 72

logging.getLogger("pypdf").setLevel(logging.ERROR)


def count_pages(path: Path) -> int:
    """Page count from poppler, which is what will rasterise the pages."""
    try:
        info = pdf2image.pdfinfo_from_path(str(path))
    except PDFInfoNotInstalledError as e:
        raise MissingDependencyError(path, "poppler's pdfinfo is not installed (Debian: poppler-utils)") from e
    except (PDFPageCountError, PDFSyntaxError) as e:
        if _is_encrypted(path):
            raise EncryptedPdfError(
                path, "PDF is encrypted or password-protected; decrypt it first (qpdf --decrypt)"
            ) from e
        raise CorruptFileError(path, "PDF is damaged or truncated and cannot be read") from e
    pages = int(info.get("Pages", 0))
    if _is_encrypted(path):
        raise EncryptedPdfError(path, "PDF is encrypted or password-protected; decrypt it first (qpdf --decrypt)")
    if pages == 0:
        raise EmptyDocumentError(path, "PDF has no pages")
    return pages


def _is_encrypted(path: Path) -> bool:
    try:
        return pypdf.PdfReader(str(path)).is_encrypted
    except Exception:  # a file pypdf cannot parse is not known to be encrypted
        return False


def read_text_layer(path: Path, pages: int) -> list[str | None]:
    """Per page (0-based list), the text layer when it holds real text, else None.

    A layer drawn in a TCVN3 or VNI font comes out as Windows-1252 letters
    ("Céng hoµ"); it is converted to Unicode here.
    """
    try:
        reader = pypdf.PdfReader(str(path))
        texts: list[str | None] = []
        for page in reader.pages[:pages]:
            text = unicodedata.normalize("NFC", to_unicode(page.extract_text() or "")[0])
            letters = sum(ch.isalpha() for ch in text)
            texts.append(text if letters >= MIN_TEXT_LAYER_LETTERS else None)
    except Exception:  # an unreadable text layer means: OCR the pages
        return [None] * pages
    return texts + [None] * (pages - len(texts))


@lru_cache(maxsize=8)
def _page_areas(path: str, mtime_ns: int) -> tuple[float, ...]:
    """Square inches of every page, read once per file (a worker rasterises many pages of one PDF)."""
    areas = []
    for page in pypdf.PdfReader(path).pages:
        box = page.mediabox
        areas.append(float(box.width) * float(box.height) / POINTS_PER_INCH**2)
    return tuple(areas)


def raster_dpi(path: Path, page_no: int, dpi: int) -> int:
    """``dpi``, lowered for pages so large that it would exceed :data:`MAX_PAGE_PIXELS`."""
    try:
        square_inches = _page_areas(str(path), path.stat().st_mtime_ns)[page_no - 1]
    except Exception:  # poppler will report a page it cannot read
        return dpi
    if square_inches <= 0:
        return dpi
    return max(1, min(dpi, int((MAX_PAGE_PIXELS / square_inches) ** 0.5)))


def rasterize_page(path: Path, page_no: int, dpi: int, timeout: float) -> Image.Image:
    """One page (1-based) as a greyscale image; one at a time keeps memory flat on long PDFs."""
    dpi = raster_dpi(path, page_no, dpi)
    try:
        images = pdf2image.convert_from_path(
            str(path), dpi=dpi, first_page=page_no, last_page=page_no, grayscale=True, timeout=math.ceil(timeout)
        )
    except (PDFPageCountError, PDFSyntaxError) as e:
        raise CorruptFileError(path, f"page {page_no} cannot be rendered: {e}") from e
    except PDFPopplerTimeoutError as e:
        raise CorruptFileError(path, f"page {page_no} could not be rendered within {timeout:.0f} s") from e
    if not images:
        raise CorruptFileError(path, f"page {page_no} cannot be rendered")
    images[0].info["dpi"] = (dpi, dpi)  # so Tesseract and the searchable PDF know the page's real size
    return images[0]
