"""Page images for the review, rendered on the server once and kept in ``OUT/review/pages``.

A page is drawn from the document's searchable PDF in the output folder, or
else from its source scan (a path the catalog lists for it, used only while
its bytes still hash to the document's sha256). Nothing but these renderings
is served: the browser never names a file.
"""

from __future__ import annotations

import io
import threading
from functools import lru_cache
from pathlib import Path

import pdf2image
from PIL import Image

from khplan.pipeline.context import file_sha256
from khplan.pipeline.ingest.output_folder import OutputArchive, write_atomic
from khplan.pipeline.reading.images import load_image_page
from khplan.pipeline.reading.inputs import identify

DISPLAY_WIDTH = 1200
"""Pixels across a page as the review shows it: enough to read 10 pt print on an A4 scan."""
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


class NoPageImage(LookupError):
    """Neither a searchable PDF nor a source scan of the document can be rendered."""


@lru_cache(maxsize=1024)
def _hashes_to(path: str, size: int, mtime_ns: int) -> str:
    return file_sha256(Path(path))


class PageImages:
    def __init__(self, archive: OutputArchive) -> None:
        self.archive = archive
        self.folder = archive.root / "review" / "pages"
        self._lock = threading.Lock()

    def path(self, sha256: str, page: int) -> Path:
        return self.folder / sha256 / f"{page}.png"

    def png(self, sha256: str, page: int, sources: list[str]) -> Path:
        """The page's PNG, rendered now if it was not before."""
        target = self.path(sha256, page)
        if target.exists():
            return target
        with self._lock:  # one rendering at a time: poppler is heavy, and a page asked twice is drawn once
            if not target.exists():
                write_atomic(target, self._render(sha256, page, sources))
        return target

    def _render(self, sha256: str, page: int, sources: list[str]) -> bytes:
        searchable = self.archive.pdf_path(sha256)
        if searchable.exists():
            image = _pdf_page(searchable, page)
        else:
            source = self._source_scan(sha256, sources)
            image = _pdf_page(source, page) if source.suffix.lower() == ".pdf" else load_image_page(source, page)
        if image.width > DISPLAY_WIDTH:
            image = image.resize(
                (DISPLAY_WIDTH, round(image.height * DISPLAY_WIDTH / image.width)), Image.Resampling.LANCZOS
            )
        buffer = io.BytesIO()
        image.convert("L").save(buffer, "PNG", optimize=True)
        return buffer.getvalue()

    def _source_scan(self, sha256: str, sources: list[str]) -> Path:
        for name in sources:
            path = Path(name)
            try:
                stat = path.stat()
                if not path.is_file() or path.suffix.lower() not in IMAGE_SUFFIXES | {".pdf"}:
                    continue
                identify(path)
                if _hashes_to(str(path.resolve()), stat.st_size, stat.st_mtime_ns) == sha256:
                    return path
            except Exception:  # a moved, changed or unreadable source is simply not used
                continue
        raise NoPageImage(f"{sha256}: no searchable PDF in the output folder and no source scan with these bytes")


def _pdf_page(path: Path, page: int) -> Image.Image:
    images = pdf2image.convert_from_path(
        str(path), first_page=page, last_page=page, size=(DISPLAY_WIDTH, None), grayscale=True, timeout=120
    )
    if not images:
        raise NoPageImage(f"{path}: page {page} cannot be rendered")
    return images[0]
