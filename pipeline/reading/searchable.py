"""Searchable PDFs as archives expect them: the scan as it was, an invisible text layer, PDF/A-2b.

OCRmyPDF writes them (a well-kept library that does exactly this): the
input's image streams are kept, never re-encoded (a bilevel Group 4 TIFF
stays bilevel and lossless, a scanned PDF's JPEGs stay those JPEGs), pages
that already carry text are copied as they are, the output is PDF/A-2b
(validated by pikepdf, with Ghostscript as OCRmyPDF's fallback), and the
input's metadata is kept; ``Producer`` names khplan. Its OCR step is
khplan's own reading, replayed (:mod:`khplan.pipeline.reading.ocrmypdf_plugin`):
the text layer holds the words khplan read, in its reading order (the
header's columns one after the other), as OCR read them — not restored; the
record's evidence spans point into the restored text, and each span's page
and box locate it on the page either way. Blank pages, which the reading
stage drops from the text, stay in the PDF: an archival copy keeps every sheet.
"""

from __future__ import annotations

import logging
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

from khplan.pipeline.context import DocContext, InputKind, PageText
from khplan.pipeline.errors import InputFileError, KhplanError
from khplan.pipeline.reading.images import declared_dpi

log = logging.getLogger(__name__)

PLUGIN = "khplan.pipeline.reading.ocrmypdf_plugin"
DEFAULT_IMAGE_DPI = 300
"""The resolution assumed for an image that declares none (as the reading stage assumes it)."""
TIFF_TITLE_TAGS = (269, 270)
"""DocumentName, ImageDescription: where a scanner or an archive's tool writes a scan's title."""


class SearchablePdfError(KhplanError):
    """OCRmyPDF could not write the searchable PDF (its message says why)."""

    reason = "searchable_pdf_failed"


def searchable_pdf(ctx: DocContext, pages: list[PageText]) -> bytes:
    """The document as a PDF/A-2b whose OCR'd pages carry the words khplan read as an invisible layer."""
    import ocrmypdf
    import pikepdf

    from khplan.pipeline.reading.ocrmypdf_plugin import replaying

    if ctx.kind is InputKind.text:
        raise InputFileError(ctx.source, "is a text file; there is no page image to make searchable")
    with tempfile.TemporaryDirectory(prefix="khplan-pdf-") as work:
        output = Path(work) / "searchable.pdf"
        options = ocrmypdf.OcrOptions(
            input_file=ctx.source,
            output_file=output,
            plugins=[PLUGIN],
            languages=["vie"],
            output_type="pdfa-2",
            pdfa_backend="internal",  # pikepdf writes and validates it; Debian 12's Ghostscript 10.0 corrupts PDFs
            mode="skip",  # a page with text of its own is copied as it is
            optimize=0,  # the scan's images as they are: no recompression
            image_dpi=None if ctx.kind is InputKind.pdf else _image_dpi(ctx.source),
            title=_image_title(ctx.source) if ctx.kind is InputKind.image else None,
            jobs=min(4, os.cpu_count() or 1),  # threads: a page is now cheap, the graft and checks run side by side
            use_threads=True,
            progress_bar=False,
            quiet=True,
        )
        with replaying(pages):
            try:
                code = ocrmypdf.ocr(options)
            except ocrmypdf.exceptions.ExitCodeException as e:
                raise SearchablePdfError(ctx.source, f"the searchable PDF could not be written: {e}") from e
        if code != ocrmypdf.ExitCode.ok:
            raise SearchablePdfError(ctx.source, f"the searchable PDF could not be written (OCRmyPDF exit {code})")
        with pikepdf.open(output, allow_overwriting_input=True) as pdf:
            with pdf.open_metadata(set_pikepdf_as_editor=False) as metadata:  # XMP and document info, in step
                metadata["pdf:Producer"] = f"khplan {version('khplan')} (OCRmyPDF {ocrmypdf.__version__})"
            pdf.save(output)
        return output.read_bytes()


def _image_dpi(path: Path) -> int:
    from PIL import Image

    with Image.open(path) as image:
        return round(declared_dpi(image) or DEFAULT_IMAGE_DPI)


def _image_title(path: Path) -> str | None:
    """The title a TIFF carries (DocumentName, else ImageDescription), kept as the PDF's title."""
    from PIL import Image

    with Image.open(path) as image:
        tags = getattr(image, "tag_v2", None)
        if tags is None:
            return None
        for tag in TIFF_TITLE_TAGS:
            value = tags.get(tag)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None
