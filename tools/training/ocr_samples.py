"""OCR'd pages of known text: what the restorer's channel learns from and is judged on.

Legacy OCR does not just drop diacritics, it turns them into other letters
and digits (``Số`` -> ``S6``, ``của`` -> ``ctia``, ``năm`` -> ``nim``), and
which ones depends on the engine, the font and the scan. The only way to
learn those confusions with their odds is to print text whose every letter
is known, scan it (:mod:`pipeline.scans`), read it with the real Tesseract,
and line the OCR tokens up with the printed ones. Run on the training laws
this gives the channel's training data; run on the held-out laws it gives
the legacy-OCR (``eng``) and post-OCR-correction (``vie``) rows of
``make bench-restore``.

Every page is a pure function of the seed, its index and the corpus, so the
first 20 pages of a 150-page run are the 20 pages of a 20-page run, and the
same seed gives the same page images to ``eng`` and ``vie`` (their numbers
compare page for page). Each OCR'd page is cached as JSON under a key of
everything that decides it, so a rerun only plans its pages again (seconds,
not minutes) and an interrupted ``make model`` resumes.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import hashlib
import inspect
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np
import PIL
from PIL import ImageFont
from rapidfuzz.distance import Indel, Levenshtein
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from khplan.diacritics.orthography import fold
from khplan.diacritics.scoring import syllable_errors
from tools.corpus import corpus_files, iter_lines
from tools.synth import scans
from tools.synth.scans import (
    QUALITIES,
    SERIF_FAMILIES,
    find_font,
    render_pages,
    render_scan,
    split_header_line,
    strip_markdown,
)

CACHE_DIR = Path("build/ocr-samples")
CACHE_VERSION = 1
"""Bump when the way a page is composed or read changes, so old cache entries stop matching."""
LANGS = ("eng", "vie")
DPI = 300
PAGE_SEGMENTATION_MODE = 3
"""Tesseract's fully automatic segmentation, as ``khplan ocr`` and a user's plain ``tesseract`` run use."""

QUALITY_WEIGHTS = {"clean": 2, "fair": 4, "poor": 2, "archive": 2}
"""Most archive scans are fair; clean, poor and black-and-white ones each a fifth of the pages."""
SIZES_PT = (12.5, 13.0, 13.5, 14.0)
"""ND30 prescribes 13-14 pt; offices print a little smaller too."""

Reader = Literal["tesseract", "khplan"]
"""``tesseract``: plain Tesseract on the raw page, as the engines that made an archive's legacy OCR read it;
``khplan``: khplan's own reading stage (preprocessing, Tesseract's TSV, column layout), what production restores."""


@dataclass(frozen=True)
class PageStyle:
    """How varied a run's pages are: which scan qualities, at which odds, and which print sizes."""

    qualities: dict[str, int]
    sizes_pt: tuple[float, ...]


STYLES = {
    "plain": PageStyle(QUALITY_WEIGHTS, SIZES_PT),
    # Archives hold what decades of offices printed and copied: small and large type, copies of copies
    # (toner spread, black and white), pages fed askew. The legacy channel learns from these.
    "archive": PageStyle(
        {"clean": 1, "fair": 3, "poor": 2, "archive": 2, "photocopy": 2, "skewed": 1},
        (11.5, 12.0, 12.5, 13.0, 13.5, 14.0),
    ),
}
PRINTED_LINES = (30, 45)
"""A page's passage fills this many printed lines (wrapped), or the page, whichever is less."""
TITLE_SHARE = 0.3
"""Pages that open like a plan: a bold type line and title, where capitals are misread most."""
UPPER_CASE_RATES = (0.0, 0.5, 1.0)
"""Per page, the share of heading lines printed in capitals (plans write ``I. MỤC ĐÍCH, YÊU CẦU``)."""
HEADING_WORDS = 12
"""Lines this short without a final full stop are headings (``Chương II``, ``Điều 5. Phạm vi``)."""
TITLE_SEARCH = 60
"""How many lines after a page's start may be searched for a short line to serve as its title."""
TYPE_LINES = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "HƯỚNG DẪN", "THÔNG BÁO", "BÁO CÁO", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "QUY CHẾ")
"""Type lines (tên loại) of ND30 documents; the renderer lays the lines after one out as a bold title."""
LONG_HEADER_WORDS = 12
"""A page may not open on a line this long that the renderer would put in a header column unwrapped."""

# Alignment between two anchors: a pair scores its similarity less PAIR_COST,
# a token left unpaired costs SKIP_COST. A 1:1 pair is taken when its
# similarity beats PAIR_COST - 2 * SKIP_COST; a merge (split) beats pairing
# one of its tokens and skipping the other when its similarity is more than
# MERGE_COST - SKIP_COST below that pair's.
PAIR_COST = 0.45
SKIP_COST = 0.2
MERGE_COST = 0.1
LENGTH_WEIGHT = 0.25
"""Share of a pair's similarity that comes from equal length: ``ở`` -> ``6`` shares no letter but is one glyph."""
MAX_GAP_CELLS = 250_000
"""Gaps bigger than this (n gold x m OCR tokens) are left unaligned: a misread column, not substitutions."""
DUBIOUS_SIMILARITY = 0.5
"""Pairs less alike than this (folded) are counted as possibly wrong in the summary."""

PairKind = Literal["1:1", "merged", "split"]


@dataclass(frozen=True)
class OcrSample:
    """One printed page of corpus text and what Tesseract read on its scan."""

    name: str
    """``<page index>-<law>-L<first corpus line, 1-based>``: where the passage comes from."""
    lang: str
    """Tesseract language: ``eng`` is legacy OCR, ``vie`` what post-OCR correction gets."""
    quality: str
    """Scan quality, a key of :data:`pipeline.scans.QUALITIES`."""
    family: str
    """Serif font family the page was printed in."""
    size_pt: float
    gold: str
    """The printed text, one corpus line (or heading) per line, as on the page."""
    ocr: str
    """The page's text as ``tesseract ... txt`` prints it (form feed dropped)."""
    confidence: float | None
    """Mean word confidence (0-100) from Tesseract's TSV; None when it read no word."""
    seconds: float = 0.0
    """Wall time to render and OCR the page when it was made (not when read from the cache)."""


@dataclass(frozen=True)
class PageSpec:
    """Everything that decides one sample: the passage and how it is printed and scanned."""

    name: str
    lang: str
    quality: str
    family: str
    size_pt: float
    scan_seed: int
    gold: str
    reader: Reader = "tesseract"

    def cache_key(self) -> str:
        """SHA-256 of the spec and of what else changes the output: renderer, fonts, Tesseract and its model."""
        payload = {
            "version": CACHE_VERSION,
            "spec": dataclasses.asdict(self),
            "degradation": dataclasses.asdict(QUALITIES[self.quality]),
            "dpi": DPI,
            "psm": PAGE_SEGMENTATION_MODE,
            "renderer": _renderer_fingerprint(self.family),
            "engine": _engine_fingerprint(self.lang),
            "reader": _reader_fingerprint(self.reader),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class TokenPair(NamedTuple):
    """A printed token and what OCR made of it."""

    gold: str
    """Printed whitespace token(s); several joined by a space when OCR ``merged`` them."""
    ocr: str
    """OCR whitespace token(s); several joined by a space when OCR ``split`` one."""
    kind: PairKind = "1:1"


# --------------------------------------------------------------------------- alignment


def token_similarity(gold: str, ocr: str) -> float:
    """How alike two tokens look, 0-1: folded character overlap, plus a little for equal length."""
    return _similarity(fold(gold), fold(ocr))


def _similarity(a: str, b: str) -> float:
    """:func:`token_similarity` of two folded tokens."""
    length = 1 - abs(len(a) - len(b)) / max(len(a), len(b), 1)
    return (1 - LENGTH_WEIGHT) * Indel.normalized_similarity(a, b) + LENGTH_WEIGHT * length


class TokenSpan(NamedTuple):
    """Token indices of one pair: gold[g0:g1] read as ocr[o0:o1]."""

    g0: int
    g1: int
    o0: int
    o1: int


def _align_gap(gold: Sequence[str], ocr: Sequence[str], g_offset: int, o_offset: int) -> list[TokenSpan]:
    """Best pairing of the tokens between two anchors: 1:1 pairs, merges, splits or nothing."""
    n, m = len(gold), len(ocr)
    if not n or not m or n * m > MAX_GAP_CELLS:
        return []
    g, o = [fold(t) for t in gold], [fold(t) for t in ocr]
    neg = -math.inf
    score = [[neg] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, move = neg, (0, 0)
            if i and score[i - 1][j] - SKIP_COST > best:
                best, move = score[i - 1][j] - SKIP_COST, (1, 0)
            if j and score[i][j - 1] - SKIP_COST > best:
                best, move = score[i][j - 1] - SKIP_COST, (0, 1)
            if i and j and (s := score[i - 1][j - 1] + _similarity(g[i - 1], o[j - 1]) - PAIR_COST) > best:
                best, move = s, (1, 1)
            if (
                i >= 2
                and j
                and (s := score[i - 2][j - 1] + _similarity(g[i - 2] + g[i - 1], o[j - 1]) - PAIR_COST - MERGE_COST)
                > best
            ):
                best, move = s, (2, 1)
            if (
                i
                and j >= 2
                and (s := score[i - 1][j - 2] + _similarity(g[i - 1], o[j - 2] + o[j - 1]) - PAIR_COST - MERGE_COST)
                > best
            ):
                best, move = s, (1, 2)
            score[i][j], step[i][j] = best, move
    spans: list[TokenSpan] = []
    i, j = n, m
    while i or j:
        di, dj = step[i][j]
        if di and dj:
            spans.append(TokenSpan(g_offset + i - di, g_offset + i, o_offset + j - dj, o_offset + j))
        i, j = i - di, j - dj
    return spans[::-1]


def align_spans(gold: Sequence[str], ocr: Sequence[str]) -> list[TokenSpan]:
    """:func:`align_tokens` as token index ranges, for callers that need positions (lines, boxes)."""
    opcodes = Levenshtein.opcodes([fold(t) for t in gold], [fold(t) for t in ocr])
    spans: list[TokenSpan] = []
    gap: tuple[int, int] | None = None
    for op in opcodes:
        if op.tag != "equal":
            gap = gap or (op.src_start, op.dest_start)
            continue
        if gap:
            spans += _align_gap(gold[gap[0] : op.src_start], ocr[gap[1] : op.dest_start], *gap)
            gap = None
        spans += [
            TokenSpan(i, i + 1, op.dest_start + k, op.dest_start + k + 1)
            for k, i in enumerate(range(op.src_start, op.src_end))
        ]
    if gap:
        spans += _align_gap(gold[gap[0] :], ocr[gap[1] :], *gap)
    return spans


def align_tokens(gold: str, ocr: str) -> list[TokenPair]:
    """The OCR tokens that stand for printed tokens, in printed order.

    Printed lines wrap differently from corpus lines and Tesseract may read
    blocks in another order, so the whole page is aligned as one token
    sequence: tokens equal once folded (``Chính`` = ``Chinh``) are the
    anchors of an edit-distance alignment, and the tokens between two
    anchors are paired by how alike they look (``của`` ~ ``ctia``), with
    merges (``nước giai`` -> ``nuécgiai``) and splits allowed. Tokens with
    no counterpart (a lost word, stamp junk) are left out. Tokens are raw
    whitespace tokens, punctuation attached.

    >>> align_tokens("Số: 69 của Chính phủ", "S6: 69 ctia Chinh pht")
    ... # doctest: +NORMALIZE_WHITESPACE
    [TokenPair(gold='Số:', ocr='S6:', kind='1:1'), TokenPair(gold='69', ocr='69', kind='1:1'),
     TokenPair(gold='của', ocr='ctia', kind='1:1'), TokenPair(gold='Chính', ocr='Chinh', kind='1:1'),
     TokenPair(gold='phủ', ocr='pht', kind='1:1')]
    """
    gold_tokens, ocr_tokens = gold.split(), ocr.split()
    pairs = []
    for span in align_spans(gold_tokens, ocr_tokens):
        kind: PairKind = "merged" if span.g1 - span.g0 > 1 else "split" if span.o1 - span.o0 > 1 else "1:1"
        pairs.append(TokenPair(" ".join(gold_tokens[span.g0 : span.g1]), " ".join(ocr_tokens[span.o0 : span.o1]), kind))
    return pairs


def aligned_share(gold: str, pairs: Iterable[TokenPair]) -> float:
    """Share of the printed tokens that have an OCR counterpart."""
    total = len(gold.split())
    covered = sum(len(p.gold.split()) for p in pairs)
    return covered / total if total else 1.0


def char_confusions(pairs: Iterable[TokenPair]) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """(printed chars -> OCR string counts, printed char counts) over 1:1 pairs.

    An insertion or deletion is kept with the edits beside it, so ``của`` ->
    ``ctia`` counts ``ủ`` -> ``ti`` once rather than a substitution and an
    insertion; a run of edits as long on both sides is counted letter by
    letter (``đị`` -> ``di`` is ``đ`` -> ``d`` and ``ị`` -> ``i``); a letter
    OCR added between two kept ones counts under ``""``.
    """
    confusions: Counter[tuple[str, str]] = Counter()
    printed: Counter[str] = Counter()

    def count(gold: str, ocr: str) -> None:
        if len(gold) == len(ocr):
            confusions.update((g, o) for g, o in zip(gold, ocr, strict=False) if g != o)
        else:
            confusions[(gold, ocr)] += 1

    for pair in pairs:
        if pair.kind != "1:1":
            continue
        printed.update(pair.gold)
        chunk: list[int] | None = None  # gold start, gold end, ocr start, ocr end
        for op in Levenshtein.opcodes(pair.gold, pair.ocr):
            if op.tag == "equal":
                if chunk:
                    count(pair.gold[chunk[0] : chunk[1]], pair.ocr[chunk[2] : chunk[3]])
                    chunk = None
            elif chunk:
                chunk[1], chunk[3] = op.src_end, op.dest_end
            else:
                chunk = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        if chunk:
            count(pair.gold[chunk[0] : chunk[1]], pair.ocr[chunk[2] : chunk[3]])
    return confusions, printed


# --------------------------------------------------------------------------- pages


@functools.cache
def available_families() -> tuple[str, ...]:
    """The serif families the renderer can print both regular and bold in on this machine."""
    families = []
    for family in SERIF_FAMILIES:
        try:
            find_font("Regular", family), find_font("Bold", family)
        except FileNotFoundError:
            continue
        families.append(family)
    if not families:
        raise FileNotFoundError("no serif font with Vietnamese glyphs found; install Debian's fonts-liberation2")
    return tuple(families)


@functools.cache
def _renderer_fingerprint(family: str) -> dict[str, str]:
    """What changes the pixels besides the spec: renderer source, font files, Pillow and numpy."""
    fonts = [find_font(style, family) for style in ("Regular", "Bold")]
    return {
        "scans": hashlib.sha256(Path(scans.__file__).read_bytes()).hexdigest(),
        "fonts": " ".join(f"{p.name}:{p.stat().st_size}" for p in fonts),
        "pillow": PIL.__version__,
        "numpy": np.__version__,
    }


@functools.cache
def _engine_fingerprint(lang: str) -> dict[str, str]:
    """Tesseract's version and the SHA-256 of the language model it reads."""
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=True).stdout
    listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=True).stdout
    folder = re.search(r'"(.+?)"', listing)
    model = Path(folder.group(1)) / f"{lang}.traineddata" if folder else None
    if model is None or not model.exists():
        raise FileNotFoundError(f"Tesseract language data for {lang!r} not found (Debian: tesseract-ocr-{lang})")
    return {"tesseract": version.splitlines()[0], "model": hashlib.sha256(model.read_bytes()).hexdigest()}


PAGE_READING_MODULES = (
    "khplan.pipeline.reading.layout",
    "khplan.pipeline.reading.ocr",
    "khplan.pipeline.reading.pages",
    "khplan.pipeline.reading.preprocess",
)
"""What decides the text khplan's reader gives a page image (the rest of the reading stage never sees it)."""


@functools.cache
def _reader_fingerprint(reader: str) -> str:
    """For khplan's reader, the bytes of the reading stage's modules: a change there reads the pages again."""
    if reader == "tesseract":
        return reader
    from khplan.pipeline.cache_keys import source_fingerprint

    return source_fingerprint(PAGE_READING_MODULES)


@dataclass(frozen=True)
class Law:
    """One corpus file as the pages print it: its name and non-empty lines, markdown marks dropped."""

    name: str
    lines: tuple[str, ...]


def load_laws(files: Iterable[Path]) -> list[Law]:
    """The laws to print passages of; files without a usable line are left out."""
    laws = [Law(Path(f).stem, tuple(strip_markdown(line) for line in iter_lines([Path(f)]))) for f in files]
    return [law for law in laws if law.lines]


def _is_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_WORDS and not line.endswith((".", ";", ":", ","))


def _is_title(line: str) -> bool:
    return _is_heading(line) and len(line.split()) >= 3 and not line.isupper()


def _opens_page_safely(line: str) -> bool:
    """False for a long line the renderer would lay out as an unwrapped header column (off the page)."""
    if len(line.split()) <= LONG_HEADER_WORDS:
        return True
    folded = fold(line)
    return not (split_header_line(line) or folded.startswith(("so:", "so ")) or ", ngay " in folded)


def _printed_lines(line: str, font: ImageFont.FreeTypeFont, width: float) -> float:
    """Lines one passage line takes when wrapped at ``width`` pixels (a blank line half, as printed)."""
    if not line.strip():
        return 0.5
    count, current = 1, ""
    for word in line.split():
        trial = f"{current} {word}" if current else word
        if current and font.getlength(trial) > width:
            count, current = count + 1, word
        else:
            current = trial
    return count


@functools.cache
def _text_width(size_pt: float, family: str) -> tuple[ImageFont.FreeTypeFont, float]:
    """The regular font at print size and the printable width, both in pixels at DPI."""
    top, right, bottom, left = inspect.signature(render_pages).parameters["margins_mm"].default
    font = ImageFont.truetype(str(find_font("Regular", family)), round(size_pt / 72 * DPI))
    width = (scans.A4_MM[0] - right - left) / scans.MM_PER_INCH * DPI
    return font, width


def _pages(lines: Sequence[str], size_pt: float, family: str) -> int:
    return len(render_pages("\n".join(lines), dpi=DPI, size_pt=size_pt, family=family))


@functools.cache
def _page_capacity(size_pt: float, family: str) -> int:
    """How many printed lines fit on one page, found by rendering (the renderer owns the geometry)."""
    low, high = 1, 200  # fits, does not fit
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if _pages(["x"] * middle, size_pt, family) == 1 else (low, middle)
    return low


def plan_page(
    laws: Sequence[Law], index: int, *, seed: int, lang: str, reader: Reader = "tesseract", style: str = "plain"
) -> PageSpec:
    """The ``index``-th page (0-based) of a run: passage, font, size, quality and scan seed."""
    rng = random.Random(f"ocr-samples:{seed}:{index}")
    family = rng.choice(available_families())
    size_pt = rng.choice(STYLES[style].sizes_pt)
    qualities = STYLES[style].qualities
    quality = rng.choices(list(qualities), weights=list(qualities.values()))[0]
    scan_seed = rng.randrange(2**31)
    capacity = _page_capacity(size_pt, family)
    target = min(rng.randint(*PRINTED_LINES), capacity)
    upper_rate = rng.choice(UPPER_CASE_RATES)
    with_title = rng.random() < TITLE_SHARE
    law = rng.choices(laws, weights=[len(law.lines) for law in laws])[0]
    start = rng.randrange(len(law.lines))
    while start < len(law.lines) - 1 and not _opens_page_safely(law.lines[start]):
        start += 1

    first = start
    lines: list[str] = []
    if with_title:  # the next short line is the title (trích yếu), the passage goes on after it
        title = next(
            (n for n in range(start, min(start + TITLE_SEARCH, len(law.lines))) if _is_title(law.lines[n])), None
        )
        if title is not None:
            first, start = title, title + 1
            lines += [rng.choice(TYPE_LINES), law.lines[title].upper() if rng.random() < 0.5 else law.lines[title], ""]
    font, width = _text_width(size_pt, family)
    printed = sum(_printed_lines(line, font, width) for line in lines)
    for line in law.lines[start:]:
        if _is_heading(line) and rng.random() < upper_rate:
            line = line.upper()
        height = _printed_lines(line, font, width)
        if lines and printed + height > target:
            break
        lines.append(line)
        printed += height
    # The estimate wraps as the renderer does; near a full page, let the renderer have the last word.
    while len(lines) > 1 and printed > capacity - 2 and _pages(lines, size_pt, family) > 1:
        printed -= _printed_lines(lines.pop(), font, width)
    name = f"{index:04d}-{law.name}-L{first + 1}"
    return PageSpec(name, lang, quality, family, size_pt, scan_seed, "\n".join(lines).strip("\n"), reader)


def _tesseract(image_path: Path, lang: str) -> tuple[str, float | None]:
    """Text and mean word confidence from one Tesseract run (``txt`` and ``tsv`` outputs)."""
    base = image_path.with_suffix("")
    subprocess.run(
        [
            "tesseract",
            str(image_path),
            str(base),
            "-l",
            lang,
            "--psm",
            str(PAGE_SEGMENTATION_MODE),
            "--dpi",
            str(DPI),
            "txt",
            "tsv",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    text = base.with_suffix(".txt").read_text(encoding="utf-8").rstrip("\f")
    confidences = []
    for row in base.with_suffix(".tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) == 12 and cells[0] == "5" and cells[11].strip() and float(cells[10]) >= 0:
            confidences.append(float(cells[10]))
    return text, (sum(confidences) / len(confidences) if confidences else None)


def _khplan_reader(page: PIL.Image.Image, lang: str) -> tuple[str, float | None]:
    """The page as khplan's reading stage gives it: preprocessed, read by Tesseract, rebuilt column by column."""
    from khplan.pipeline.context import PREPROCESS_STEPS
    from khplan.pipeline.reading.ocr import TesseractEngine
    from khplan.pipeline.reading.pages import BlankPage, read_page_image

    page.info["dpi"] = (DPI, DPI)
    read = read_page_image(page, 1, PREPROCESS_STEPS, TesseractEngine(lang))
    if isinstance(read, BlankPage):
        return "", None
    return read.text, read.confidence


def read_page(spec: PageSpec) -> OcrSample:
    """Print, scan and OCR one page."""
    started = time.perf_counter()
    (page,) = render_scan(
        spec.gold, spec.quality, seed=spec.scan_seed, dpi=DPI, size_pt=spec.size_pt, family=spec.family
    )
    if spec.reader == "khplan":
        text, confidence = _khplan_reader(page, spec.lang)
    else:
        with tempfile.TemporaryDirectory(prefix="khplan-ocr-sample-") as work:
            image_path = Path(work) / "page.png"
            page.save(image_path, dpi=(DPI, DPI))
            text, confidence = _tesseract(image_path, spec.lang)
    return OcrSample(
        spec.name,
        spec.lang,
        spec.quality,
        spec.family,
        spec.size_pt,
        spec.gold,
        text,
        confidence,
        round(time.perf_counter() - started, 3),
    )


def _cached(spec: PageSpec, cache_dir: Path) -> OcrSample:
    path = cache_dir / spec.lang / f"{spec.cache_key()}.json"
    if path.exists():
        return OcrSample(**json.loads(path.read_text(encoding="utf-8")))
    sample = read_page(spec)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(dataclasses.asdict(sample), ensure_ascii=False), encoding="utf-8")
    partial.replace(path)  # a killed run leaves no half-written sample
    return sample


def ocr_samples(
    files: Iterable[Path],
    *,
    lang: str,
    pages: int,
    seed: int = 0,
    jobs: int = 2,
    cache_dir: Path = CACHE_DIR,
    progress: bool = True,
    reader: Reader = "tesseract",
    style: str = "plain",
) -> list[OcrSample]:
    """``pages`` OCR'd pages of passages from ``files``, the same ones for the same seed and corpus.

    Pages are rendered and read ``jobs`` at a time (Tesseract limited to one
    thread each); pages already in ``cache_dir`` are not redone.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    laws = load_laws(files)
    if not laws:
        raise ValueError("no corpus text to print: the file list is empty")
    specs = [plan_page(laws, n, seed=seed, lang=lang, reader=reader, style=style) for n in range(pages)]
    return read_specs(specs, jobs=jobs, cache_dir=cache_dir, progress=progress)


def read_specs(
    specs: Sequence[PageSpec], *, jobs: int = 2, cache_dir: Path = CACHE_DIR, progress: bool = True
) -> list[OcrSample]:
    """Render, scan and read every page of ``specs`` (``jobs`` at a time), from the cache where it has them."""
    samples: list[OcrSample | None] = [None] * len(specs)
    lang = ",".join(sorted({spec.lang for spec in specs}))
    columns = (TextColumn(f"OCR {lang}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with (
        Progress(*columns, console=Console(stderr=True), disable=not progress) as bar,
        ThreadPoolExecutor(max(1, jobs)) as pool,
    ):
        task = bar.add_task("pages", total=len(specs))
        futures = {pool.submit(_cached, spec, Path(cache_dir)): n for n, spec in enumerate(specs)}
        for future in as_completed(futures):
            samples[futures[future]] = future.result()
            bar.advance(task)
    return [s for s in samples if s is not None]


# --------------------------------------------------------------------------- command line


def _character_errors(gold: str, ocr: str) -> tuple[int, int]:
    """(character edit distance, gold characters) with runs of whitespace as one space."""
    a, b = " ".join(gold.split()), " ".join(ocr.split())
    return Levenshtein.distance(a, b), len(a)


def summary_table(samples: Sequence[OcrSample], wall_seconds: float) -> Table:
    """Per quality: pages, tokens, aligned share, dubious pairs, syllable accuracy, CER, s/page."""
    table = Table(title=f"OCR samples ({wall_seconds:.0f} s wall)")
    for header in (
        "lang",
        "quality",
        "pages",
        "gold tokens",
        "aligned",
        "dubious pairs",
        "syllable acc.",
        "CER",
        "mean conf.",
        "s/page",
    ):
        table.add_column(header, justify="left" if header in ("lang", "quality") else "right")
    groups: dict[tuple[str, str], list[OcrSample]] = {}
    for sample in samples:
        groups.setdefault((sample.lang, sample.quality), []).append(sample)
        groups.setdefault((sample.lang, "all"), []).append(sample)
    for (lang, quality), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] == "all", kv[0][1])):
        tokens = covered = dubious = pairs_total = syl_err = syl_total = chr_err = chr_total = 0
        for sample in group:
            pairs = align_tokens(sample.gold, sample.ocr)
            tokens += len(sample.gold.split())
            covered += sum(len(p.gold.split()) for p in pairs)
            pairs_total += len(pairs)
            dubious += sum(token_similarity(p.gold, p.ocr) < DUBIOUS_SIMILARITY for p in pairs)
            e, t = syllable_errors(sample.ocr, sample.gold)
            syl_err, syl_total = syl_err + e, syl_total + t
            e, t = _character_errors(sample.gold, sample.ocr)
            chr_err, chr_total = chr_err + e, chr_total + t
        confidences = [s.confidence for s in group if s.confidence is not None]
        table.add_row(
            lang,
            quality,
            str(len(group)),
            str(tokens),
            f"{covered / max(tokens, 1):.1%}",
            f"{dubious / max(pairs_total, 1):.1%}",
            f"{max(0.0, 1 - syl_err / max(syl_total, 1)):.1%}",
            f"{chr_err / max(chr_total, 1):.1%}",
            f"{sum(confidences) / max(len(confidences), 1):.1f}",
            f"{sum(s.seconds for s in group) / len(group):.1f}",
            end_section=quality == "all",
        )
    return table


def confusion_table(samples: Sequence[OcrSample], top: int) -> Table:
    """The ``top`` most frequent (printed chars -> OCR string) confusions and their rate."""
    confusions, printed = char_confusions(p for s in samples for p in align_tokens(s.gold, s.ocr))
    table = Table(title=f"{top} most frequent confusions (1:1 pairs)")
    for header in ("printed", "OCR", "count", "of printed"):
        table.add_column(header, justify="right" if header in ("count", "of printed") else "left")
    for (gold, ocr), count in confusions.most_common(top):
        rate = f"{count / printed[gold]:.1%}" if len(gold) == 1 and printed[gold] else ""
        table.add_row(repr(gold), repr(ocr), str(count), rate)
    return table


def pair_counts(samples: Iterable[OcrSample]) -> Counter[TokenPair]:
    """How often each (printed, OCR, kind) pair occurs over the samples."""
    return Counter(p for s in samples for p in align_tokens(s.gold, s.ocr))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tools.training.ocr_samples --lang eng --pages 20 --out FILE.jsonl``: make OCR samples."""
    parser = argparse.ArgumentParser(prog="python -m tools.training.ocr_samples", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="law corpus folder (default: ../shared/corpus/vlc)")
    parser.add_argument("--lang", choices=LANGS, required=True, help="eng: legacy OCR; vie: Tesseract's Vietnamese")
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument(
        "--held-out", action="store_true", help="print the held-out laws (benchmark data), not the training ones"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="pages OCR'd at once (default 2)")
    parser.add_argument("--cache-dir", type=Path, default=CACHE_DIR)
    parser.add_argument(
        "--out", type=Path, required=True, help="JSON lines: one sample (or, with --pairs, one pair) a line"
    )
    parser.add_argument("--pairs", action="store_true", help="write token pairs with their counts instead of samples")
    parser.add_argument(
        "--confusions", type=int, default=0, metavar="N", help="also print the N most frequent character confusions"
    )
    args = parser.parse_args(argv)

    console = Console()
    missing = sorted(set(SERIF_FAMILIES) - set(available_families()))
    if missing:
        console.print(
            f"[yellow]not printing in {', '.join(missing)}: the renderer cannot load its regular or bold face[/]"
        )
    started = time.perf_counter()
    samples = ocr_samples(
        corpus_files(args.corpus, held_out=args.held_out),
        lang=args.lang,
        pages=args.pages,
        seed=args.seed,
        jobs=args.jobs,
        cache_dir=args.cache_dir,
    )
    wall = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        if args.pairs:
            for pair, count in pair_counts(samples).most_common():
                out.write(json.dumps({**pair._asdict(), "count": count}, ensure_ascii=False) + "\n")
        else:
            for sample in samples:
                out.write(json.dumps(dataclasses.asdict(sample), ensure_ascii=False) + "\n")
    console.print(summary_table(samples, wall))
    if args.confusions:
        console.print(confusion_table(samples, args.confusions))
    console.print(f"{args.out}: {len(samples)} {'samples' if not args.pairs else 'pages of pairs'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
