"""One document through all stages, in order. The CLI and the ingest's workers both call this."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from khplan.pipeline.context import DocContext, Options, PageProgress, PageText
from khplan.pipeline.reading.document import open_document, read_pages
from khplan.pipeline.reading.searchable import searchable_pdf
from khplan.pipeline.stages import RestoredText, extract_fields, restore_text
from khplan.schemas import PlanRecord


@dataclass(frozen=True)
class DocumentResult:
    """Everything one document produced: its record and the text the record came from."""

    ctx: DocContext
    pages: list[PageText]
    restored: RestoredText
    record: PlanRecord

    @property
    def text(self) -> str:
        return self.restored.document.text

    def searchable_pdf(self) -> bytes | None:
        """The searchable PDF of a scanned document (any page OCR'd), else None."""
        if not any(page.method == "ocr" for page in self.pages):
            return None
        return searchable_pdf(self.ctx, self.pages)


def process_document(
    source: Path,
    options: Options,
    sha256: str | None = None,
    pages: list[PageText] | None = None,
    progress: PageProgress | None = None,
) -> DocumentResult:
    """Identify → read/OCR → restore → extract; ``pages`` (cached by an earlier ingest) skips the reading."""
    ctx = open_document(source, options, sha256)
    if pages is None:
        pages = read_pages(ctx, progress)
    elif progress is not None:
        progress.start(len(pages))
        progress.advance(len(pages))
    restored = restore_text(ctx, pages)
    return DocumentResult(ctx, pages, restored, extract_fields(ctx, restored))
