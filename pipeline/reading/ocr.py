"""The OCR engine: Tesseract through pytesseract, one page image in, one PageText out.

Engines sit behind :class:`OcrEngine` so tests can substitute one that
crashes or hangs; :class:`TesseractEngine` is the real one. Each call reads
words with boxes and confidences (TSV), so fields extracted later can point
at the page and box their evidence came from.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Protocol

import pytesseract
from PIL import Image
from pytesseract.pytesseract import file_to_dict, run_tesseract

from khplan.pipeline.context import PageText
from khplan.pipeline.errors import MissingDependencyError, OcrEngineError
from khplan.pipeline.reading.images import declared_dpi
from khplan.pipeline.reading.layout import Line, read_in_columns
from khplan.schemas import Box, OcrWord

# Parallelism comes from running pages side by side; a Tesseract that also
# spawns OpenMP threads per page only fights them for the cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

PAGE_SEGMENTATION_MODE = 3
"""Tesseract's fully automatic page segmentation: finds columns and blocks.

Chosen by measurement on generated plans (``python -m tools.bench.ocr
--psm N``): ``--psm 4`` (one column of variable sizes) reads fair scans alike
and poor ones ~2.5 points worse; ``--psm 6`` (one uniform block) spent over a
minute of CPU on single pages, and was stopped.
"""


class OcrEngine(Protocol):
    def check(self) -> None:
        """Raise MissingDependencyError when the engine cannot run here."""

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        """Text and word boxes of one page image (``page_no`` 1-based)."""


@cache
def _installed_languages() -> frozenset[str]:
    try:
        pytesseract.get_tesseract_version()
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError, subprocess.CalledProcessError) as e:
        raise MissingDependencyError(None, "tesseract is not installed (Debian: tesseract-ocr)") from e


class TesseractEngine:
    """Tesseract ``vie`` (LSTM), words and boxes from its TSV.

    The searchable PDF's text layer is made from these words later
    (:mod:`khplan.pipeline.reading.searchable`): one recognition serves both.
    """

    def __init__(self, lang: str = "vie", timeout: float = 180.0, psm: int = PAGE_SEGMENTATION_MODE) -> None:
        self.lang = lang
        self.timeout = timeout
        self.psm = psm

    def check(self) -> None:
        missing = set(self.lang.split("+")) - _installed_languages()
        if missing:
            packages = " ".join(f"tesseract-ocr-{name}" for name in sorted(missing))
            raise MissingDependencyError(
                None, f"Tesseract language data missing: {', '.join(sorted(missing))} (Debian: {packages})"
            )

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        config = f"--psm {self.psm} -c tessedit_create_tsv=1"
        if dpi := declared_dpi(image):
            config += f" --dpi {dpi}"
        try:
            with tempfile.TemporaryDirectory(prefix="khplan-ocr-") as work:
                base = Path(work) / "page"
                # Uncompressed greyscale BMP: a PNG of a noisy 300 dpi page costs ~0.7 s of zlib for
                # nothing, and Leptonica reads PGM so slowly that Tesseract takes ~10% longer on it.
                (image if image.mode == "L" else image.convert("L")).save(f"{base}.bmp")
                run_tesseract(f"{base}.bmp", str(base), "tsv", self.lang, config, timeout=self.timeout)
                tsv = Path(f"{base}.tsv").read_text(encoding="utf-8")
        except RuntimeError as e:  # pytesseract signals its timeout this way
            raise OcrEngineError(None, f"page {page_no}: Tesseract gave no answer within {self.timeout:g} s") from e
        except pytesseract.TesseractError as e:
            raise OcrEngineError(None, f"page {page_no}: Tesseract failed: {e.message or e}") from e
        return page_from_tsv(file_to_dict(tsv, "\t", -1), page_no)


def page_from_tsv(data: dict[str, list], page_no: int) -> PageText:
    """Rebuild the page's text from Tesseract's words, keeping each word's offset.

    Lines are joined with ``\\n`` and paragraphs and blocks with a blank line,
    as Tesseract's own text output does; two-column zones (header, signature)
    are read column by column (:mod:`pipeline.layout`).
    """
    lines: dict[tuple[int, int, int], Line] = {}
    for i, raw in enumerate(data["text"]):
        text = (raw or "").strip()
        if int(data["level"][i]) != 5 or not text:
            continue
        block, paragraph = int(data["block_num"][i]), int(data["par_num"][i])
        key = (block, paragraph, int(data["line_num"][i]))
        box = Box(*(int(data[k][i]) for k in ("left", "top", "width", "height")))
        word = OcrWord(text, box, float(data["conf"][i]), page_no)
        lines.setdefault(key, Line([], (block, paragraph))).words.append(word)
    parts: list[str] = []
    words: list[OcrWord] = []
    length = 0
    previous: Line | None = None
    for line in read_in_columns(list(lines.values())):
        if previous is not None:
            separator = "\n" if line.paragraph == previous.paragraph else "\n\n"
            parts.append(separator)
            length += len(separator)
        previous = line
        for n, word in enumerate(line.words):
            if n:
                parts.append(" ")
                length += 1
            words.append(word._replace(start=length, end=length + len(word.text)))
            parts.append(word.text)
            length += len(word.text)
    confidences = [w.confidence for w in words if w.confidence >= 0]
    mean = sum(confidences) / len(confidences) if confidences else None
    return PageText(page_no, "".join(parts), "ocr", mean, tuple(words))
