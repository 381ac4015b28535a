"""khplan's page reading as OCRmyPDF's OCR engine: the words khplan read become the searchable PDF's text layer.

OCRmyPDF (its plugin interface, ``get_ocr_engine``) makes the archival PDF:
the input's image streams kept as they are (a bilevel Group 4 scan stays
bilevel and lossless), PDF/A-2b, metadata kept. Its OCR step is this engine,
which recognises nothing: it replays the words khplan's reading stage
already read (preprocessing, Tesseract, the header's columns), scaled from
the pixels khplan read to the page image OCRmyPDF rasterised, line by line in
khplan's reading order. One recognition per page, whoever writes the PDF.
Nor does it need OCRmyPDF's rendering of each page, only its size: the page
it rasterises for the engine is a blank of the right size and resolution
(rendering and compressing a 300 dpi page cost 2 s a page; the output never
holds it, since the input's own page is kept and only the text is grafted).

:func:`replaying` hands the pages over for one document; OCRmyPDF runs one
document per process at a time (its own lock), in threads.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ocrmypdf import hookimpl
from ocrmypdf.helpers import Resolution
from ocrmypdf.hocrtransform import BoundingBox, OcrClass, OcrElement
from ocrmypdf.pluginspec import OcrEngine, OrientationConfidence
from PIL import Image

from khplan.pipeline.context import PageText
from khplan.schemas import OcrWord

_pages: dict[int, PageText] = {}
"""The document being written: khplan's pages by 0-based page index."""
_lock = threading.Lock()


@contextlib.contextmanager
def replaying(pages: Sequence[PageText]) -> Iterator[None]:
    """Make ``pages`` (1-based ``page_no``; blank pages absent) the engine's answers while OCRmyPDF runs."""
    with _lock:
        _pages.clear()
        _pages.update({page.page_no - 1: page for page in pages})
        try:
            yield
        finally:
            _pages.clear()


class ReplayEngine(OcrEngine):
    """OCRmyPDF's OCR step, answered with the words khplan read (see the module docstring)."""

    @staticmethod
    def version() -> str:
        from importlib.metadata import version

        return version("khplan")

    @staticmethod
    def creator_tag(options: Any) -> str:
        return f"khplan {ReplayEngine.version()} (Tesseract, column-aware reading)"

    def __str__(self) -> str:
        return f"khplan {self.version()}"

    @staticmethod
    def languages(options: Any) -> set[str]:
        return set(getattr(options, "languages", None) or ()) | {"vie", "eng"}

    @staticmethod
    def get_orientation(input_file: Path, options: Any) -> OrientationConfidence:
        return OrientationConfidence(angle=0, confidence=0.0)

    @staticmethod
    def supports_generate_ocr() -> bool:
        return True

    @staticmethod
    def generate_ocr(input_file: Path, options: Any, page_number: int = 0) -> tuple[OcrElement, str]:
        with Image.open(input_file) as image:
            width, height = image.size
            dpi = image.info.get("dpi", (300, 300))[0]
        page = OcrElement(
            ocr_class=OcrClass.PAGE,
            bbox=BoundingBox(left=0, top=0, right=width, bottom=height),
            dpi=float(dpi),
            page_number=page_number,
        )
        read = _pages.get(page_number)
        if read is None or not read.words or read.size is None:
            return page, ""  # a blank page, or one khplan did not OCR: no text layer
        scale_x, scale_y = width / read.size[0], height / read.size[1]
        for paragraph_lines in _paragraphs(read):
            paragraph = OcrElement(ocr_class=OcrClass.PARAGRAPH)
            for words in paragraph_lines:
                line = OcrElement(ocr_class=OcrClass.LINE, bbox=_scaled(_around(words), scale_x, scale_y))
                for word in words:
                    line.children.append(
                        OcrElement(
                            ocr_class=OcrClass.WORD,
                            bbox=_scaled(word.box, scale_x, scale_y),
                            text=word.text,
                            confidence=max(word.confidence, 0.0) / 100.0,
                        )
                    )
                paragraph.children.append(line)
            page.children.append(paragraph)
        return page, read.text

    @staticmethod
    def generate_hocr(input_file: Path, output_hocr: Path, output_text: Path, options: Any) -> None:
        raise NotImplementedError("khplan's engine answers generate_ocr() only")

    @staticmethod
    def generate_pdf(input_file: Path, output_pdf: Path, output_text: Path, options: Any) -> None:
        raise NotImplementedError("khplan's engine answers generate_ocr() only")


def _paragraphs(page: PageText) -> list[list[list[OcrWord]]]:
    """The page's words grouped as its text groups them: lines (a line break), paragraphs (a blank line)."""
    paragraphs: list[list[list[OcrWord]]] = [[]]
    offset = 0
    words = sorted(page.words, key=lambda w: w.start)
    index = 0
    for text_line in page.text.split("\n"):
        end = offset + len(text_line)
        if not text_line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            line = []
            while index < len(words) and words[index].start < end:
                if words[index].start >= offset:
                    line.append(words[index])
                index += 1
            if line:
                paragraphs[-1].append(line)
        offset = end + 1
    return [paragraph for paragraph in paragraphs if paragraph]


def _around(words: list[OcrWord]) -> tuple[int, int, int, int]:
    left, top = min(w.box.left for w in words), min(w.box.top for w in words)
    right, bottom = max(w.box.right for w in words), max(w.box.bottom for w in words)
    return left, top, right - left, bottom - top


def _scaled(box: Sequence[int], scale_x: float, scale_y: float) -> BoundingBox:
    left, top, width, height = box
    return BoundingBox(
        left=left * scale_x, top=top * scale_y, right=(left + width) * scale_x, bottom=(top + height) * scale_y
    )


@hookimpl
def get_ocr_engine(options: Any) -> OcrEngine:
    return ReplayEngine()


_BLANK_MODES = {"pngmono": "1", "pngmonod": "1", "pnggray": "L", "png256": "L", "png16m": "RGB"}
"""The raster devices OCRmyPDF asks for, and the image mode of a blank page in each."""


@hookimpl
def rasterize_pdf_page(
    input_file: Path,
    output_file: Path,
    raster_device: str,
    raster_dpi: Resolution,
    pageno: int,
    page_dpi: Resolution | None,
    rotation: int | None,
    filter_vector: bool,
    stop_on_soft_error: bool,
    options: Any,
    use_cropbox: bool,
) -> Path | None:
    """A blank page of the size OCRmyPDF's own rasteriser would make (pixels, dpi), for the replaying engine."""
    mode = _BLANK_MODES.get(raster_device.lower())
    if mode is None:
        return None  # a device this engine never sees: OCRmyPDF's rasteriser does it
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(input_file)
    try:
        width_pt, height_pt = document[pageno - 1].get_size()
    finally:
        document.close()
    dpi = raster_dpi.round(6)
    width, height = round(width_pt * dpi.x / 72.0), round(height_pt * dpi.y / 72.0)
    if rotation and rotation % 180 == 90:
        width, height = height, width
    shown = page_dpi or raster_dpi
    Image.new(mode, (width, height), 1 if mode == "1" else 255 if mode == "L" else (255, 255, 255)).save(
        output_file, "PNG", dpi=(float(shown.x), float(shown.y))
    )
    return output_file
