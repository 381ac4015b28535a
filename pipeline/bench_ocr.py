"""``make bench-ocr``: khplan's OCR stage against plain ``tesseract -l vie`` on plans never seen.

Generated plans (held-out corpus text under gazetteer issuers, see
:mod:`pipeline.synthetic`) are rendered as scans in three qualities. Every
page goes through plain Tesseract (the command line, as a user would run it)
and through khplan's OCR stage; the table shows syllable accuracy and CER of
the body, how often the header's two columns come out as separate lines, and
what the stage costs in CPU time over plain Tesseract. A benchmark prints
figures; it never fails on them.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rich.console import Console
from rich.table import Table

from diacritics import restore
from diacritics.corpus import locate_corpus
from diacritics.orthography import fold
from diacritics.scoring import syllable_accuracy
from pipeline.ocr import PAGE_SEGMENTATION_MODE, TesseractEngine
from pipeline.scans import render_scan
from pipeline.synthetic import SyntheticPlan, generate_plans

DPI = 300
LINE_MATCH = 90
"""Fuzzy ratio for 'this OCR line is that header line' (a misread letter is not a merged column)."""
_SPACES = re.compile(r"\s+")


@dataclass
class Score:
    """Sums over the pages of one quality, for one reader."""

    accuracy: list[float] = field(default_factory=list)
    cer: list[float] = field(default_factory=list)
    header_intact: list[bool] = field(default_factory=list)
    cpu_seconds: float = 0.0

    def mean(self, values: list) -> float:
        return sum(values) / len(values) if values else float("nan")


def _cpu() -> float:
    """CPU seconds of this process and its finished children: robust to other load on the machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def plain_tesseract(png: Path) -> str:
    result = subprocess.run(
        ["tesseract", str(png), "stdout", "-l", "vie", "--psm", str(PAGE_SEGMENTATION_MODE), "--dpi", str(DPI)],
        capture_output=True, text=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return result.stdout


def body_of(text: str) -> str:
    """The text after the type line: what both readers must get right word for word."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if fold(line.strip()).lower() == "ke hoach":
            return "\n".join(lines[i + 1 :])
    return text


def header_intact(text: str, plan: SyntheticPlan) -> bool:
    """Issuer, motto, number and place-date each on a line of their own."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return all(any(fuzz.ratio(want, line) >= LINE_MATCH for line in lines) for want in plan.header)


def character_error_rate(reference: str, hypothesis: str) -> float:
    reference, hypothesis = _SPACES.sub(" ", reference).strip(), _SPACES.sub(" ", hypothesis).strip()
    return Levenshtein.distance(reference, hypothesis) / max(len(reference), 1)


def _score(score: Score, plan: SyntheticPlan, text: str) -> None:
    reference = body_of(plan.text)
    body = body_of(text)
    score.accuracy.append(syllable_accuracy(reference, body))
    score.cer.append(character_error_rate(reference, body))
    score.header_intact.append(header_intact(text, plan))


def run_quality(quality: str, plans: list[SyntheticPlan], workdir: Path) -> tuple[dict[str, Score], list[Path]]:
    scores = {name: Score() for name in ("tesseract", "khplan", "khplan+restore")}
    engine = TesseractEngine("vie")
    pngs: list[Path] = []
    for n, plan in enumerate(plans):
        files = []
        for p, page in enumerate(render_scan(plan.text, quality, seed=n)):
            path = workdir / f"{quality}-{n:03d}-{p}.png"
            page.save(path, dpi=(DPI, DPI))
            files.append(path)
        pngs.extend(files)
        started = _cpu()
        plain = "\n".join(plain_tesseract(path) for path in files)
        scores["tesseract"].cpu_seconds += _cpu() - started
        started = _cpu()
        ours = "\n".join(engine.read_page(_load(path), p + 1).text for p, path in enumerate(files))
        scores["khplan"].cpu_seconds += _cpu() - started
        _score(scores["tesseract"], plan, plain)
        _score(scores["khplan"], plan, ours)
        _score(scores["khplan+restore"], plan, restore(ours).text)
    return scores, pngs


def _load(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image


def pages_per_minute(pngs: list[Path], jobs: int) -> float:
    engine = TesseractEngine("vie")
    started = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda item: engine.read_page(_load(item[1]), item[0]), enumerate(pngs, 1)))
    return len(pngs) / (time.perf_counter() - started) * 60


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench_ocr", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the law corpus (default: ../shared/corpus/vlc)")
    parser.add_argument("--documents", type=int, default=8, help="generated plans per quality")
    parser.add_argument("--qualities", default="clean,fair,poor")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    corpus = locate_corpus(args.corpus)
    if corpus is None:
        parser.error("the corpus is not here; pass --corpus DIR (../shared/corpus/vlc)")
    console = Console()
    plans = generate_plans(args.documents, corpus, seed=args.seed)
    table = Table(title=f"OCR on {len(plans)} generated plans per quality (held-out text, never seen)")
    for column in ("quality", "reader", "syllables right", "CER", "header columns intact", "CPU s", "CPU vs tesseract"):
        table.add_column(column, justify="right" if column not in ("quality", "reader") else "left")
    speed_pages: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="khplan-bench-ocr-") as tmp:
        for quality in args.qualities.split(","):
            with console.status(f"OCR of {quality} scans"):
                scores, pngs = run_quality(quality, plans, Path(tmp))
            if quality == "fair":
                speed_pages = pngs
            base = scores["tesseract"].cpu_seconds
            for reader, score in scores.items():
                cpu = score.cpu_seconds if reader != "khplan+restore" else None
                table.add_row(
                    quality, reader, f"{score.mean(score.accuracy):.2%}", f"{score.mean(score.cer):.2%}",
                    f"{sum(score.header_intact)}/{len(score.header_intact)}",
                    f"{cpu:.1f}" if cpu is not None else "",
                    f"{cpu / base:.3f}x" if cpu is not None and base else "",
                )
            table.add_section()
        console.print(table)
        if speed_pages:
            with console.status("pages per minute"):
                one, two = pages_per_minute(speed_pages, 1), pages_per_minute(speed_pages, 2)
            speed = Table(title=f"khplan OCR throughput on {len(speed_pages)} fair pages (wall clock)")
            for column in ("jobs", "pages/min", "speed-up"):
                speed.add_column(column, justify="right")
            speed.add_row("1", f"{one:.1f}", "1.00x")
            speed.add_row("2", f"{two:.1f}", f"{two / one:.2f}x")
            console.print(speed)
            console.print(f"cores available: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
