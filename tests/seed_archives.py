"""Archives of seed variants: many distinct documents from the three seeds, for ingest tests (no Tesseract)."""

from __future__ import annotations

import re
from pathlib import Path

NUMBER_LINE = re.compile(r"(?m)^(\S+: )(\d+)( ?/KH-UBND)")


def plan_variant(text: str, number: int) -> str:
    """The seed's text with its own number replaced: another document, with another record."""
    variant, replaced = NUMBER_LINE.subn(lambda m: f"{m.group(1)}{number}{m.group(3)}", text, count=1)
    assert replaced, "the seed has no number line"
    return variant


def write_variants(folder: Path, seeds, numbers: list[int], prefix: str = "plan") -> dict[str, Path]:
    """One text file per number, cycling through the seeds' input texts (legacy OCR and clean markdown)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [seeds["000"].input_text, seeds["001"].input_text, seeds["003"].input_text]
    written = {}
    for i, number in enumerate(numbers):
        path = folder / f"{prefix}-{number:03d}.txt"
        path.write_text(plan_variant(texts[i % len(texts)], number), encoding="utf-8")
        written[f"{number}/KH-UBND"] = path
    return written


def write_scan_variants(folder: Path, seeds, numbers: list[int], prefix: str = "plan") -> dict[str, Path]:
    """As :func:`write_variants`, but as one-page scans that :class:`fakes.engines.UnreliableEngine` reads."""
    from fakes.engines import write_scan

    texts = [seeds["000"].input_text, seeds["001"].input_text, seeds["003"].input_text]
    written = {}
    for i, number in enumerate(numbers):
        path = write_scan(folder / f"{prefix}-{number:03d}.png", plan_variant(texts[i % len(texts)], number))
        written[f"{number}/KH-UBND"] = path
    return written
