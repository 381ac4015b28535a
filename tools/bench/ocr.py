"""``make bench-ocr``: khplan's OCR stage against plain ``tesseract -l vie`` on plans never seen.

Generated plans (held-out corpus text under gazetteer issuers, see
:mod:`pipeline.synthetic`) are rendered as scans in three qualities. Every
page goes through plain Tesseract (the command line, as a user would run it)
and through khplan's OCR stage as ``ingest`` runs it (blank check,
preprocessing, Tesseract, column-aware layout: :func:`pipeline.pages.read_page`).
The tables show syllable accuracy and CER of the body, how often the header's
columns come out as lines of their own, the stage's CPU time over plain
Tesseract's, pages per minute with 1 and 2 worker processes, and peak memory
on a long PDF. ``--chains`` compares preprocessing chains, ``--psm`` page
segmentation modes. A benchmark prints figures; it never fails on them.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pypdf
from PIL import Image
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rich.console import Console
from rich.table import Table

from khplan.diacritics import restore
from khplan.diacritics.orthography import fold
from khplan.diacritics.scoring import syllable_accuracy
from khplan.pipeline.context import DocContext, InputKind, Options
from khplan.pipeline.reading.document import read_pages
from khplan.pipeline.reading.ocr import PAGE_SEGMENTATION_MODE, TesseractEngine
from khplan.pipeline.reading.pages import BlankPage, PageJob, read_all, read_page
from khplan.pipeline.reading.preprocess import DEFAULT_STEPS, check_steps
from tools.corpus import locate_corpus
from tools.synth.plans import SyntheticPlan, generate_plans
from tools.synth.scans import render_scan

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


def plain_tesseract(png: Path, psm: int) -> str:
    result = subprocess.run(
        ["tesseract", str(png), "stdout", "-l", "vie", "--psm", str(psm), "--dpi", str(DPI)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
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


@dataclass(frozen=True)
class Setup:
    """What the stage is run with: preprocessing chain and page segmentation mode."""

    steps: tuple[str, ...] = DEFAULT_STEPS
    psm: int = PAGE_SEGMENTATION_MODE

    def job(self, png: Path) -> PageJob:
        options = Options(jobs=1, preprocess=self.steps)
        return PageJob(png, InputKind.image, 1, options, TesseractEngine("vie", psm=self.psm))


def khplan_text(job: PageJob) -> str:
    page = read_page(job)
    return "" if isinstance(page, BlankPage) else page.text


def render_quality(quality: str, plans: list[SyntheticPlan], workdir: Path) -> list[list[Path]]:
    """Each plan's pages as 300 dpi PNGs, the same ones for every reader."""
    documents = []
    for n, plan in enumerate(plans):
        files = []
        for p, page in enumerate(render_scan(plan.text, quality, seed=n)):
            path = workdir / f"{quality}-{n:03d}-{p}.png"
            page.save(path, dpi=(DPI, DPI))
            files.append(path)
        documents.append(files)
    return documents


def run_quality(
    plans: list[SyntheticPlan], documents: list[list[Path]], setup: Setup, *, plain: bool = True
) -> dict[str, Score]:
    scores = {name: Score() for name in (("tesseract",) if plain else ()) + ("khplan", "khplan+restore")}
    for plan, files in zip(plans, documents, strict=False):
        if plain:
            started = _cpu()
            text = "\n".join(plain_tesseract(path, setup.psm) for path in files)
            scores["tesseract"].cpu_seconds += _cpu() - started
            _score(scores["tesseract"], plan, text)
        started = _cpu()
        ours = "\n".join(khplan_text(setup.job(path)) for path in files)
        scores["khplan"].cpu_seconds += _cpu() - started
        _score(scores["khplan"], plan, ours)
        _score(scores["khplan+restore"], plan, restore(ours).text)
    return scores


def pages_per_minute(pngs: list[Path], workers: int, setup: Setup) -> float:
    """Wall-clock pages per minute of the stage's page reader with ``workers`` processes."""
    jobs = [setup.job(png) for png in pngs]
    read_all(jobs[: max(workers, 2)], workers)  # start the worker processes outside the timing
    started = time.perf_counter()
    read_all(jobs, workers)
    return len(pngs) / (time.perf_counter() - started) * 60


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def long_pdf(page_png: Path, pages: int, path: Path) -> Path:
    """A ``pages``-page scanned PDF whose pages all show one scan (one image object, a small file)."""
    single = path.with_suffix(".one.pdf")
    with Image.open(page_png) as image:
        image.save(single, resolution=DPI)
    page = pypdf.PdfReader(single).pages[0]
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_page(page)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def memory_on_long_pdfs(page_png: Path, sizes: list[int], workdir: Path, jobs: int) -> list[tuple[int, float, float]]:
    """(pages, wall seconds, peak MB of the process tree) of the whole OCR stage on PDFs of each size."""
    rows = []
    for pages in sizes:
        pdf = long_pdf(page_png, pages, workdir / f"long-{pages}.pdf")
        ctx = DocContext(pdf, InputKind.pdf, "0" * 64, Options(jobs=jobs))
        started = time.perf_counter()
        with TreeMemory() as memory:
            read = read_pages(ctx)
        assert len(read) == pages, f"{len(read)} of {pages} pages read"
        rows.append((pages, time.perf_counter() - started, memory.peak / 2**20))
    return rows


def _chains(spec: str) -> list[tuple[str, ...]]:
    """``none;normalise,denoise;…`` as step chains."""
    chains = []
    for chain in spec.split(";"):
        names = tuple(name for name in chain.split(",") if name and name != "none")
        chains.append(check_steps(names))
    return chains


def _table(title: str, columns: tuple[str, ...], left: int = 2) -> Table:
    table = Table(title=title)
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i < left else "right")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.ocr", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the law corpus (default: ../shared/corpus/vlc)")
    parser.add_argument("--documents", type=int, default=8, help="generated plans per quality")
    parser.add_argument("--qualities", default="clean,fair,poor")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--steps", default=",".join(DEFAULT_STEPS), help="preprocessing chain of the stage ('none' for none)"
    )
    parser.add_argument("--psm", type=int, default=PAGE_SEGMENTATION_MODE, help="Tesseract page segmentation mode")
    parser.add_argument("--chains", help="compare preprocessing chains instead, e.g. 'none;normalise,denoise;deskew'")
    parser.add_argument("--long-pdf", default="30,300", help="page counts of the memory run ('' to skip)")
    parser.add_argument(
        "--speed", action=argparse.BooleanOptionalAction, default=True, help="pages/min with 1 and 2 jobs"
    )
    args = parser.parse_args(argv)
    corpus = locate_corpus(args.corpus)
    if corpus is None:
        parser.error("the corpus is not here; pass --corpus DIR (../shared/corpus/vlc)")
    console = Console(width=None if Console().is_terminal else 130)
    plans = generate_plans(args.documents, corpus, seed=args.seed)
    qualities = args.qualities.split(",")
    setup = Setup(_chains(args.steps)[0], args.psm)
    with tempfile.TemporaryDirectory(prefix="khplan-bench-ocr-") as tmp:
        rendered = {}
        for quality in qualities:
            with console.status(f"rendering {quality} scans"):
                rendered[quality] = render_quality(quality, plans, Path(tmp))
        if args.chains:
            compare_chains(console, plans, rendered, _chains(args.chains), args.psm)
            return 0
        table = _table(
            f"OCR on {len(plans)} generated plans per quality (held-out text, never seen); "
            f"stage: steps {','.join(setup.steps) or 'none'}, psm {setup.psm}",
            ("quality", "reader", "syllables right", "CER", "header lines intact", "CPU s", "CPU vs tesseract"),
        )
        for quality in qualities:
            with console.status(f"OCR of {quality} scans"):
                scores = run_quality(plans, rendered[quality], setup)
            base = scores["tesseract"].cpu_seconds
            for reader, score in scores.items():
                cpu = score.cpu_seconds if reader != "khplan+restore" else None
                table.add_row(
                    quality,
                    reader,
                    f"{score.mean(score.accuracy):.2%}",
                    f"{score.mean(score.cer):.2%}",
                    f"{sum(score.header_intact)}/{len(score.header_intact)}",
                    f"{cpu:.1f}" if cpu is not None else "",
                    f"{cpu / base:.3f}x" if cpu is not None and base else "",
                )
            table.add_section()
        console.print(table)
        fair_pages = [png for files in rendered.get("fair", next(iter(rendered.values()))) for png in files]
        if args.speed:
            with console.status("pages per minute"):
                one, two = pages_per_minute(fair_pages, 1, setup), pages_per_minute(fair_pages, 2, setup)
            speed = _table(
                f"OCR stage throughput on {len(fair_pages)} pages (wall clock)", ("jobs", "pages/min", "speed-up"), 0
            )
            speed.add_row("1", f"{one:.1f}", "1.00x")
            speed.add_row("2", f"{two:.1f}", f"{two / one:.2f}x")
            console.print(speed)
        if args.long_pdf:
            sizes = [int(n) for n in args.long_pdf.split(",")]
            with console.status(f"memory on PDFs of {args.long_pdf} pages"):
                rows = memory_on_long_pdfs(fair_pages[0], sizes, Path(tmp), jobs=2)
            memory = _table(
                "Whole OCR stage on long scanned PDFs, 2 jobs", ("pages", "wall s", "peak RSS, all processes"), 0
            )
            for pages, seconds, peak in rows:
                memory.add_row(str(pages), f"{seconds:.0f}", f"{peak:.0f} MB")
            console.print(memory)
        console.print(f"cores available: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()[0]:.2f}")
    return 0


def compare_chains(
    console: Console,
    plans: list[SyntheticPlan],
    rendered: dict[str, list[list[Path]]],
    chains: list[tuple[str, ...]],
    psm: int,
) -> None:
    """One row per quality and chain: what each preprocessing chain does to accuracy and time."""
    table = _table(
        f"Preprocessing chains on {len(plans)} generated plans per quality (psm {psm})",
        ("quality", "chain", "syllables right", "CER", "header lines intact", "CPU s"),
    )
    for quality, documents in rendered.items():
        for chain in chains:
            with console.status(f"{quality}: {','.join(chain) or 'none'}"):
                score = run_quality(plans, documents, Setup(chain, psm), plain=False)["khplan"]
            table.add_row(
                quality,
                ",".join(chain) or "none",
                f"{score.mean(score.accuracy):.2%}",
                f"{score.mean(score.cer):.2%}",
                f"{sum(score.header_intact)}/{len(score.header_intact)}",
                f"{score.cpu_seconds:.1f}",
            )
        table.add_section()
    console.print(table)


if __name__ == "__main__":
    raise SystemExit(main())
