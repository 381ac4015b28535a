"""The real documents of ``tests/fixtures/real`` as restoration data: their text stripped, and printed, scanned and
read by an engine without Vietnamese.

Each document is the beginning of a real plan, decision or report as a
public site gives it. Restoration is judged on three versions of it:

- **stripped**: the whole text without its marks (what an ASCII export leaves);
- **legacy OCR**: the body (from the type line on, at most a page) printed as a
  fair scan and read by Tesseract ``eng`` — an engine that knows no
  Vietnamese, as the engines that OCR'd the archives knew none;
- **intact**: the text as it is, which restoration must leave alone.

Documents whose gold says the site mangled them (``"damaged": true``) are left
out: their text is no Vietnamese to score against. The held-back part is
only ever scored (``tests/fixtures/real/README.md``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from khplan.diacritics.orthography import fold
from tools.synth.scans import split_header_line
from tools.training.ocr_samples import CACHE_DIR, OcrSample, PageSpec, available_families, read_specs

REAL = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real"
PARTS = ("dev", "heldout")
BODY_WORDS = 320
"""Words of body text printed: one page at 13 pt, whatever the document's length."""
_RULE = re.compile(r"^[\s|\-_=*.…]*$")
_TYPE_LINE = re.compile(
    r"^(ke hoach|quyet dinh|huong dan|thong bao|bao cao|chi thi|nghi quyet|to trinh|chuong trinh|de an|"
    r"phuong an|quy che|quy dinh|cong van|ket luan|chi dao)\b"
)


@dataclass(frozen=True)
class RealDocument:
    id: str
    part: str
    text: str
    """The text as the site gives it, rule and separator lines (``-------``, ``|``) dropped."""
    url: str

    @property
    def body(self) -> str:
        """From the type line on (the whole text when there is none), at most :data:`BODY_WORDS` words."""
        lines = self.text.splitlines()
        start = next((n for n, line in enumerate(lines) if _TYPE_LINE.match(fold(line.strip()))), 0)
        out: list[str] = []
        words = 0
        for line in lines[start:]:
            if words + len(line.split()) > BODY_WORDS and out:
                break
            out.append(line)
            words += len(line.split())
        return "\n".join(out)


def load_documents(part: str, *, real: Path = REAL) -> list[RealDocument]:
    """The usable documents of one part (``dev`` or ``heldout``), by id."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}")
    documents = []
    for gold_path in sorted((real / part).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("damaged"):
            continue
        raw = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        text = "\n".join(line.rstrip() for line in raw.splitlines() if not _RULE.match(line))
        documents.append(RealDocument(gold["id"], part, text, gold["url"]))
    return documents


def fixture_urls(*, real: Path = REAL) -> dict[str, tuple[str, str]]:
    """Normalised URL of every real document (damaged ones too) -> its part and id."""
    out = {}
    for path in sorted(real.glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[url_key(gold["url"])] = (path.parent.name, gold["id"])
    return out


def fixture_texts(*, real: Path = REAL) -> dict[tuple[str, str], str]:
    """(part, id) -> text of every real document, damaged ones too."""
    return {(path.parent.name, path.stem): path.read_text(encoding="utf-8") for path in sorted(real.glob("*/*.txt"))}


def url_key(url: str) -> str:
    """The URL as ``../shared/real/README.md`` normalises it."""
    return re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")


def _page_spec(document: RealDocument, lang: str, quality: str) -> PageSpec:
    digest = int(hashlib.sha256(f"{document.part}/{document.id}".encode()).hexdigest(), 16)
    families = available_families()
    return PageSpec(
        f"real-{document.part}-{document.id}",
        lang,
        quality,
        families[digest % len(families)],
        13.0,
        digest % 2**31,
        document.body,
    )


PRINTED_LINE = 80
"""Characters a printed line holds at the benches' 13 pt on A4: a header column longer than that runs off the page."""


def fits_the_page(document: RealDocument) -> bool:
    """Whether the scan shows the whole body: the printer lays a header line out as two unwrapped columns
    (``tools.synth.scans``), and a site's page flattened into one such line (``HỘI ĐỒNG NHÂN DÂN CỘNG HÒA … VIỆT NAM
    THÀNH PHỐ HÀ NỘI Độc lập …``, a thousand characters) prints its first few words only: scored against the
    whole text, its reading would count the words the page never showed as restoration's errors."""
    for line in document.body.splitlines():
        columns = split_header_line(line)
        if columns is not None and max(len(column) for column in columns) > PRINTED_LINE:
            return False
    return True


def legacy_ocr(
    documents: list[RealDocument], *, quality: str = "fair", jobs: int = 2, cache_dir: Path = CACHE_DIR
) -> list[OcrSample]:
    """Each document's body printed as a ``quality`` scan and read by Tesseract ``eng`` (cached)."""
    return read_specs([_page_spec(d, "eng", quality) for d in documents], jobs=jobs, cache_dir=cache_dir)


def main() -> int:
    """``python -m tools.bench.real_documents``: OCR every real document's body now, so benchmarks find it cached."""
    for part in PARTS:
        samples = legacy_ocr(load_documents(part))
        print(f"{part}: {len(samples)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
