"""Page preprocessing: small named steps between a page image and Tesseract.

Each step is a function over a :class:`PageImage`, registered by name with
:func:`page_step`; :data:`DEFAULT_STEPS` lists the ones ``make bench-ocr``
showed to help (``python -m tools.bench.ocr --steps …`` measures any other
chain). OpenCV does the pixel work, single-threaded, because pages already
run side by side in processes.

What the benchmark showed (generated plans, 300 dpi, ``make bench-ocr``):

- ``denoise`` (3x3 median) is the step that matters on grainy pages: on poor
  scans it takes syllable accuracy from ~88% to ~98% and cuts Tesseract's time
  five fold, because Tesseract no longer reads scanner grain as letters; a
  nearly empty noisy page took it a minute without the filter. On pages with
  little grain it costs: −0.2 pt and +10% of Tesseract's time on fair scans,
  −0.7 pt on bilevel archive scans (−6 pt on speckled ones). So the step
  measures the page's grain (:func:`page_grain`) and filters only above
  :data:`GRAIN_THRESHOLD`. A 5x5 median blurs the marks and loses ~1.2 pt.
- ``binarise`` (adaptive Gaussian threshold) and Otsu both lose accuracy:
  Tesseract's LSTM reads the greyscale strokes better than any threshold we
  give it. Not in the default chain.
- ``despeckle`` (dropping tiny connected components) only matters on a
  binarised page, and so goes with it.
- ``deskew`` (projection profile, ±3°) finds the angle within 0.1°, but
  Tesseract already copes with the ±1.5° of the poor scans: no gain. Kept
  for archives with worse skew, not in the default chain.
- ``normalise`` brings every page to 300 dpi, the resolution Tesseract's
  models and the benchmark assume; a no-op on 300 dpi scans.

Blank pages are found on the page as it came in (:func:`is_blank`), before any step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np
from PIL import Image

from khplan.pipeline.context import PREPROCESS_STEPS
from khplan.pipeline.reading.images import declared_dpi

cv2.setNumThreads(1)  # one page per process; OpenCV's own threads would only fight the other pages

TARGET_DPI = 300
"""Resolution Tesseract's models are trained near, and that pages are brought to."""
MEDIAN_KERNEL = 3
"""Pixels; removes scanner specks and noise without eating the dot below ``ạ`` (~6 px at 300 dpi)."""
GRAIN_THRESHOLD = 5.0
"""Mean grey levels a 3x3 median moves the background by, above which ``denoise`` filters the page.

Measured on scans rendered between fair and poor quality (Tesseract ``vie``,
syllables right without / with the median): grain 3.1 → 99.8% / 99.7%,
4.2 → 99.6% / 99.5%, 5.5 → 99.3% / 99.1%, 6.9 → 95.1% / 98.5%, 7.8 → 88.3% /
97.9%; bilevel scans measure 0.5-2.5 and only lose by it. The threshold sits
below the break because filtering a page that did not need it costs a few
tenths of a point, while not filtering one that did costs several points.
"""
BACKGROUND_LEVEL = 200
"""Grey levels (after the median) lighter than this are paper, where grain is measured: strokes have real edges."""
ADAPTIVE_BLOCK, ADAPTIVE_OFFSET = 61, 8
"""Neighbourhood (px) and offset (grey levels) of the adaptive threshold."""
SPECK_PIXELS = 6
"""Connected components smaller than this (at 300 dpi) are specks, not marks."""
MAX_SKEW_DEGREES, SKEW_STEP_DEGREES = 3.0, 0.1
MIN_SKEW_DEGREES = 0.2
"""Smaller angles are left alone: rotating resamples every pixel for nothing."""
SKEW_SCALE = 0.25
"""The skew search runs on a quarter-size page: as exact, 16 times cheaper."""
BLANK_SCALE = 0.25
BLANK_INK_CONTRAST = 60
"""Grey levels darker than the page's background (at quarter size, where noise averages out) that count as ink."""
BLANK_INK_SHARE = 0.0002
"""A page with less ink than this share of its area is blank (one short line is ~0.08%, a page number ~0.005%)."""
BLANK_MARGIN = 0.04
"""Share of each edge ignored by the blank check: scanner shadows and punch holes live there."""


@dataclass(frozen=True)
class PageImage:
    """A page on its way to Tesseract: greyscale pixels (0 = ink) and their resolution."""

    pixels: np.ndarray
    dpi: int
    scale: float = 1.0
    """How many of these pixels one pixel of the original page became (word boxes are scaled back by it)."""
    skew_degrees: float = 0.0
    """The rotation ``deskew`` applied, counter-clockwise."""
    applied: tuple[str, ...] = ()
    """The steps that changed the page (a step may find nothing to do: ``denoise`` on a clean page)."""

    def original_box(self, left: int, top: int, width: int, height: int) -> tuple[int, int, int, int]:
        """A box on these pixels, on the page as it came in: rotation undone, then resampling.

        Uniform scaling and rotation about the page centre commute, so the
        order the steps ran in does not matter.
        """
        corners = np.array(
            [[left, top], [left + width, top], [left, top + height], [left + width, top + height]], dtype=float
        )
        if self.skew_degrees:
            rows, columns = self.pixels.shape
            rotation = cv2.getRotationMatrix2D((columns / 2, rows / 2), self.skew_degrees, 1.0)
            inverse = cv2.invertAffineTransform(rotation)
            corners = corners @ inverse[:, :2].T + inverse[:, 2]
        corners /= self.scale
        (x0, y0), (x1, y1) = corners.min(axis=0), corners.max(axis=0)
        return round(x0), round(y0), round(x1 - x0), round(y1 - y0)

    def to_image(self) -> Image.Image:
        image = Image.fromarray(self.pixels, mode="L")
        image.info["dpi"] = (self.dpi, self.dpi)
        return image


PageStep = Callable[[PageImage], PageImage]
PAGE_STEPS: dict[str, PageStep] = {}
"""Every step by name, in the order the names are registered."""

DEFAULT_STEPS: tuple[str, ...] = PREPROCESS_STEPS
"""The chain ``make bench-ocr`` showed to help (see the module docstring); ``Options.preprocess`` defaults to it."""


def page_step(name: str) -> Callable[[PageStep], PageStep]:
    """Register a preprocessing step under ``name``."""

    def register(step: PageStep) -> PageStep:
        PAGE_STEPS[name] = step
        return step

    return register


def page_image(image: Image.Image, fallback_dpi: int = TARGET_DPI) -> PageImage:
    """The page as 8-bit greyscale pixels; bilevel and colour scans alike."""
    grey = image if image.mode == "L" else image.convert("L")
    return PageImage(np.asarray(grey, dtype=np.uint8), declared_dpi(image) or fallback_dpi)


def check_steps(steps: Sequence[str]) -> tuple[str, ...]:
    """The step names, checked before any page is read."""
    unknown = [name for name in steps if name not in PAGE_STEPS]
    if unknown:
        raise ValueError(f"unknown step(s) {', '.join(unknown)}; known: {', '.join(PAGE_STEPS)}")
    return tuple(steps)


def prepare_page(image: Image.Image, steps: Sequence[str] = DEFAULT_STEPS) -> PageImage:
    """Run the named steps over one page image, in order."""
    page = page_image(image)
    for name in steps:
        result = PAGE_STEPS[name](page)
        page = result if result is page else replace(result, applied=(*page.applied, name))
    return page


@page_step("normalise")
def normalise(page: PageImage) -> PageImage:
    """Resample to 300 dpi: Tesseract reads 200 dpi office scans better larger, 600 dpi ones as well smaller."""
    if page.dpi == TARGET_DPI:
        return page
    factor = TARGET_DPI / page.dpi
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    pixels = cv2.resize(page.pixels, None, fx=factor, fy=factor, interpolation=interpolation)
    return replace(page, pixels=pixels, dpi=TARGET_DPI, scale=page.scale * factor)


def page_grain(pixels: np.ndarray, median: np.ndarray) -> float:
    """How far the paper's pixels sit from their 3x3 median, in grey levels: scanner grain, not ink."""
    paper = median > BACKGROUND_LEVEL
    if not paper.any():
        return 0.0
    return float(cv2.absdiff(pixels, median)[paper].mean())


def median_filtered(page: PageImage) -> PageImage:
    """3x3 median: grain and specks go, strokes and diacritics stay."""
    return replace(page, pixels=cv2.medianBlur(page.pixels, MEDIAN_KERNEL))


@page_step("denoise")
def denoise(page: PageImage) -> PageImage:
    """The median on a grainy page; a page with little grain passes as it is (see the module docstring)."""
    filtered = median_filtered(page)
    if page_grain(page.pixels, filtered.pixels) < GRAIN_THRESHOLD:
        return page
    return filtered


@page_step("binarise")
def binarise(page: PageImage) -> PageImage:
    """Adaptive threshold, for pages whose background brightness varies (shadows, stains)."""
    pixels = cv2.adaptiveThreshold(
        page.pixels, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, ADAPTIVE_BLOCK, ADAPTIVE_OFFSET
    )
    return replace(page, pixels=pixels)


@page_step("despeckle")
def despeckle(page: PageImage) -> PageImage:
    """Whiten ink components too small to be a mark (on a binarised page)."""
    ink = (page.pixels < 128).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < SPECK_PIXELS * (page.dpi / TARGET_DPI) ** 2
    small[0] = False  # the background
    pixels = page.pixels.copy()
    pixels[small[labels]] = 255
    return replace(page, pixels=pixels)


def skew_angle(pixels: np.ndarray) -> float:
    """The rotation (degrees, counter-clockwise) that makes the text lines horizontal.

    Projection profiles: rotated the right way, rows of text and the gaps
    between them alternate sharply, so the row sums vary the most.
    """
    small = cv2.resize(pixels, None, fx=SKEW_SCALE, fy=SKEW_SCALE, interpolation=cv2.INTER_AREA)
    ink = (small < np.median(small) - BLANK_INK_CONTRAST).astype(np.float32)
    height, width = ink.shape
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, SKEW_STEP_DEGREES):
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), float(angle), 1.0)
        rows = cv2.warpAffine(ink, matrix, (width, height), flags=cv2.INTER_NEAREST).sum(axis=1)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


@page_step("deskew")
def deskew(page: PageImage) -> PageImage:
    """Rotate the page so its lines are level, when they are off by more than :data:`MIN_SKEW_DEGREES`."""
    angle = skew_angle(page.pixels)
    if abs(angle) < MIN_SKEW_DEGREES:
        return page
    height, width = page.pixels.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    pixels = cv2.warpAffine(page.pixels, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)
    return replace(page, pixels=pixels, skew_degrees=page.skew_degrees + angle)


def ink_share(image: Image.Image) -> float:
    """Share of the page (margins aside) covered by ink, measured at quarter size where noise averages out."""
    pixels = page_image(image).pixels
    small = cv2.resize(pixels, None, fx=BLANK_SCALE, fy=BLANK_SCALE, interpolation=cv2.INTER_AREA)
    height, width = small.shape
    dy, dx = int(height * BLANK_MARGIN), int(width * BLANK_MARGIN)
    inner = small[dy : height - dy, dx : width - dx]
    if inner.size == 0:
        return 0.0
    background = float(np.median(inner))
    return float(np.count_nonzero(inner < background - BLANK_INK_CONTRAST)) / inner.size


def is_blank(image: Image.Image) -> bool:
    """True for a page with no text on it: an empty sheet, however noisy its scan."""
    return ink_share(image) < BLANK_INK_SHARE
