"""Searchable PDFs: the page images with an invisible text layer, as archivists expect.

The text layer comes from the same Tesseract run that read the page
(``textonly_pdf``), so nothing is recognised twice. Pages of a scanned PDF are
kept exactly as they were (no re-compression, OCRmyPDF's habit) with the
layer laid over them; pages that already carried text are copied unchanged;
each page of an image input becomes a JPEG page at its own resolution.
Blank pages, which the OCR stage drops from the text, stay in the PDF: an
archival copy keeps every sheet.
"""

from __future__ import annotations

import io

import pypdf
from PIL import Image

from khplan.pipeline.context import DocContext, InputKind, PageText
from khplan.pipeline.errors import InputFileError
from khplan.pipeline.reading.images import count_image_pages, declared_dpi, load_image_page

JPEG_QUALITY = 75
"""Enough for 300 dpi greyscale text pages; about 0.4 MB an A4 page."""
DEFAULT_IMAGE_DPI = 300


def searchable_pdf(ctx: DocContext, pages: list[PageText]) -> bytes:
    """The document as one PDF whose OCR'd pages carry their text invisibly."""
    if ctx.kind is InputKind.text:
        raise InputFileError(ctx.source, "is a text file; there is no page image to make searchable")
    writer = pypdf.PdfWriter()
    layers = {page.page_no: page.text_layer for page in pages}
    if ctx.kind is InputKind.pdf:
        original = pypdf.PdfReader(str(ctx.source))
        for page_no, page in enumerate(original.pages, 1):
            writer.add_page(page)
            _lay_text_over(writer.pages[-1], layers.get(page_no))
    else:
        for page_no in range(1, count_image_pages(ctx.source) + 1):
            writer.add_page(_image_page(load_image_page(ctx.source, page_no)))
            _lay_text_over(writer.pages[-1], layers.get(page_no))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _image_page(image: Image.Image) -> pypdf.PageObject:
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=declared_dpi(image) or DEFAULT_IMAGE_DPI, quality=JPEG_QUALITY)
    return pypdf.PdfReader(buffer).pages[0]


def _lay_text_over(page: pypdf.PageObject, layer: bytes | None) -> None:
    """Scale the text page onto ``page``: Tesseract sized it from the image's pixels and dpi."""
    if layer is None:
        return
    text_page = pypdf.PdfReader(io.BytesIO(layer)).pages[0]
    box, text_box = page.mediabox, text_page.mediabox
    transform = (
        pypdf.Transformation()
        .scale(float(box.width) / float(text_box.width), float(box.height) / float(text_box.height))
        .translate(float(box.left), float(box.bottom))
    )
    page.merge_transformed_page(text_page, transform)
