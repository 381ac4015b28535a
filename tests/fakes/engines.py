"""OCR engines that stand in for Tesseract (OCRmyPDF's habit: fake the engine, not the world).

They are plugins like any other (``Options(ocr_engine="fakes.engines:…")``),
so they run wherever the real engine would: in the ingest's worker processes
too. :class:`UnreliableEngine` reads the text of a page from a hidden file
beside the scan and misbehaves on cue, the scan's file name saying how:
``crash-once`` kills its worker process on the first attempt (a transient
failure), ``hang`` never finishes, ``bug`` raises an unexpected error every
time, ``reject-once`` reads no plan the first time only. Every attempt is
counted in a hidden file next to the input (discovery skips hidden files),
so a test can tell how often the document was read.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from khplan.pipeline.context import DocContext, PageText
from khplan.pipeline.errors import OcrEngineError
from khplan.schemas import Box, OcrWord


def text_file(scan: Path) -> Path:
    return scan.parent / f".{scan.name}.text"


def attempts_file(scan: Path) -> Path:
    return scan.parent / f".{scan.name}.attempts"


def attempts(scan: Path) -> int:
    """How many times the engine was asked to read ``scan``'s page."""
    try:
        return len(attempts_file(scan).read_text().splitlines())
    except FileNotFoundError:
        return 0


def write_scan(path: Path, text: str) -> Path:
    """A one-page 'scan' (a small PNG with some ink) whose page the engines below read as ``text``.

    Scans of different texts differ in their bytes (a mark placed by the text's hash), as real scans would:
    the ingest tells documents apart by their bytes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("L", (400, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 360, 80), fill=0)
    mark = int(hashlib.sha256(text.encode()).hexdigest()[:6], 16)
    draw.rectangle((40 + mark % 300, 150, 50 + mark % 300, 160 + mark // 300 % 100), fill=0)
    image.save(path, dpi=(300, 300))
    text_file(path).write_text(text, encoding="utf-8")
    return path


class UnreliableEngine:
    """Reads the page's text from beside the scan; fails on cue (see the module docstring)."""

    def __init__(self, ctx: DocContext) -> None:
        self.source = ctx.source

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        with open(attempts_file(self.source), "a") as log:
            log.write(f"{os.getpid()}\n")
        name = self.source.name
        if "crash-once" in name and attempts(self.source) == 1:
            os._exit(9)  # the worker dies as if the OOM killer took it
        if "hang" in name:
            time.sleep(3600)
        if "bug" in name:
            raise ValueError("an engine bug")
        if "reject-once" in name and attempts(self.source) == 1:
            return PageText(page_no, "Thực đơn: cơm, canh chua, cá kho.", "ocr", 90.0)
        return PageText(page_no, text_file(self.source).read_text(encoding="utf-8"), "ocr", 90.0)


class RecordingEngine:
    """Notes the image it got and answers one known word (module level, so it pickles to a worker)."""

    WORD = OcrWord("Số", Box(400, 600, 120, 50), 90.0, 1, 0, 2)

    def __init__(self, ctx: DocContext | None = None) -> None:
        self.seen: list[tuple[tuple[int, int], object]] = []

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        self.seen.append((image.size, image.info.get("dpi")))
        return PageText(page_no, "Số", "ocr", 90.0, (self.WORD._replace(page=page_no),))


class RefusingEngine:
    """Fails the test if any page reaches it."""

    def __init__(self, ctx: DocContext | None = None) -> None:
        pass

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        raise AssertionError(f"page {page_no} should not have been OCR'd")


class CrashingEngine:
    """Fails every page the way a broken Tesseract does."""

    def __init__(self, ctx: DocContext | None = None) -> None:
        pass

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        raise OcrEngineError(None, f"page {page_no}: Tesseract failed: segmentation fault")


class WorkerKiller:
    """Kills the worker process the moment it arrives there (unpickling it calls ``os._exit``)."""

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        raise AssertionError("never reached: the worker died unpickling the engine")

    def __reduce__(self):
        return (os._exit, (9,))


class SquareFindingEngine:
    """Its one word is the largest blob of ink on the image it got (a black square)."""

    def __init__(self, ctx: DocContext | None = None) -> None:
        pass

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        box = Box(*largest_blob(np.asarray(image)))
        return PageText(page_no, "■", "ocr", 90.0, (OcrWord("■", box, 90.0, page_no, 0, 1),))


def largest_blob(pixels: np.ndarray) -> tuple[int, int, int, int]:
    """Left, top, width, height of the largest connected patch of ink."""
    _, _, stats, _ = cv2.connectedComponentsWithStats((pixels < 128).astype(np.uint8), connectivity=8)
    left, top, width, height, _ = stats[1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))]
    return int(left), int(top), int(width), int(height)
