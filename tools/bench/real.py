"""``make bench-real``: the headline benchmark: header fields of real documents, by every route a document takes.

The documents are ``tests/fixtures/real`` (beginnings of real documents from
public legal-document sites, with hand-checked gold), scored separately on
``dev/`` (what rules are written against) and ``heldout/`` (never looked at
while writing rules; this benchmark only counts it). Each goes through the
pipeline's own stages (:func:`khplan.pipeline.stages.restore_text`, then
extraction) by four routes:

- ``text``: the text as published;
- ``stripped``: the text with every diacritic removed, which the pipeline
  then restores;
- ``fair/vie``, ``poor/vie``: the text laid out as printed
  (:mod:`tools.synth.printed`), rendered as a fair and a poor scan
  (:mod:`tools.synth.scans`) and read by khplan's reading stage (Tesseract
  ``vie``, column split, preprocessing);
- ``fair/eng``, ``poor/eng``: the same scans read by plain ``tesseract -l eng``
  (what archives of legacy OCR hold: marks lost, columns merged), restored.

And the real seeds 000 and 003 (real legacy OCR of whole thi đua plans) as
full records: every contract field, from the legacy OCR text.

How a field is compared (:func:`same`) — strict, a value a reviewer would
call wrong is wrong:

- every text is first NFC, tone placement unified (``hoà`` = ``hòa``),
  spaces collapsed, dashes unified, case ignored;
- ``doc_type``, ``issuer.name``, ``issuer.parent``: then exactly equal;
- ``number``: exactly equal with spaces removed (``Đ`` ≠ ``D``);
- ``issue_date``, ``issuer.level``: exactly equal;
- ``place``: exactly equal, ``TP.`` read as ``Thành phố``;
- ``issuer.province``: exactly equal, a leading ``Tỉnh`` / ``Thành phố`` dropped
  (``Thành phố Hồ Chí Minh`` = ``Hồ Chí Minh``);
- ``title``: punctuation and quotes dropped too, then a fuzzy ratio ≥ 95
  (rapidfuzz ``ratio``): a slipped letter or two passes, a wrong or missing
  word in a title of ten words does not.

A field is *silently wrong* when it is wrong, not null, and the record
carries no warning naming it (or the group it belongs to, ``issuer``). OCR is
cached under ``build/bench-real`` (keyed by the reading code and Tesseract's
release, the renderer's code and the text), so a rerun only restores and
extracts. A benchmark prints figures; it never fails on them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from tools.bench.extract import HEADER, value_at

REAL = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real"
SEEDS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "seeds"
CACHE = Path("build/bench-real")
PARTS = ("dev", "heldout")
TEXT_ROUTES = ("text", "stripped")
SCAN_ROUTES = ("fair/vie", "poor/vie", "fair/eng", "poor/eng")
ROUTES = TEXT_ROUTES + SCAN_ROUTES
TITLE_RATIO = 95
REAL_SEEDS = ("000", "003")


# --- comparing ---------------------------------------------------------------

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


def normal(value: object) -> str:
    """NFC, tone placement unified, dashes unified, spaces collapsed (also around dashes), case folded."""
    from khplan.diacritics.orthography import normalize_tone_placement

    text = normalize_tone_placement(unicodedata.normalize("NFC", str(value))).translate(_DASHES)
    text = re.sub(r"\s*-\s*", " - ", text)
    return " ".join(text.split()).casefold()


def _place(value: object) -> str:
    return re.sub(r"^tx\.?\s*", "thị xã ", re.sub(r"^tp\.?\s*", "thành phố ", normal(value)))


def _province(value: object) -> str:
    return re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", normal(value))


def _title(value: object) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", normal(value)).split())


def same(path: str, got: object, want: object) -> bool:
    """Whether an extracted header field is right (the rules in the module's docstring)."""
    if got is None or want is None:
        return got is None and want is None
    if path == "number":
        return re.sub(r"\s+", "", normal(got)) == re.sub(r"\s+", "", normal(want))
    if path == "place":
        return _place(got) == _place(want)
    if path == "issuer.province":
        return _province(got) == _province(want)
    if path == "title":
        return fuzz.ratio(_title(got), _title(want)) >= TITLE_RATIO
    if path in {"issue_date", "issuer.level"}:
        return str(got) == str(want)
    return normal(got) == normal(want)


def warned(record: dict, path: str) -> bool:
    """Whether a warning names the field (or its group: ``issuer`` for ``issuer.name``)."""
    names = {path, path.split(".")[0]}
    return any(w.get("field") in names for w in record.get("warnings", []))


# --- the documents -----------------------------------------------------------


@dataclass(frozen=True)
class RealDocument:
    id: str
    part: str
    text: str
    gold: dict


def load(parts: Iterable[str]) -> list[RealDocument]:
    documents = []
    for part in parts:
        for path in sorted((REAL / part).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = path.with_suffix(".txt").read_text(encoding="utf-8")
            documents.append(RealDocument(gold["id"], part, text, gold))
    return documents


# --- the routes --------------------------------------------------------------


def _renderer_fingerprint() -> str:
    sources = [Path(__file__).parents[1] / "synth" / name for name in ("printed.py", "scans.py")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:12]


def _cache_path(route: str, text: str) -> Path:
    """Keyed by what the reading depends on: khplan's reading code for its own OCR, only Tesseract and its data for
    the plain ``eng`` reading (so a change to khplan's reader does not read the legacy scans again)."""
    from khplan.pipeline.cache_keys import reading_key, tesseract_key
    from khplan.pipeline.context import Options

    quality, lang = route.split("/")
    reader = reading_key(Options(lang=lang, jobs=1)) + "|khplan" if lang == "vie" else tesseract_key(lang) + "|plain"
    key = f"{reader}|{_renderer_fingerprint()}|{quality}|{text}"
    return CACHE / f"{hashlib.sha256(key.encode()).hexdigest()[:20]}.json"


def _plain_tesseract(image, lang: str) -> str:
    """What a plain ``tesseract IMAGE stdout -l eng`` gives: legacy OCR, columns merged line by line."""
    with tempfile.TemporaryDirectory(prefix="bench-real-") as work:
        png = Path(work) / "page.png"
        image.save(png, dpi=(300, 300))
        done = subprocess.run(
            ["tesseract", str(png), "stdout", "-l", lang, "--psm", "3", "--dpi", "300"],
            capture_output=True,
            text=True,
            check=True,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
        )
    return done.stdout.replace("\f", "").rstrip("\n")


def read_scan(job: tuple[str, str, str, int]) -> str:
    """Render one document as a scan, read it by the route's reader, cache the page texts; return the cache path."""
    route, text, path, seed = job
    from khplan.pipeline.context import PREPROCESS_STEPS
    from khplan.pipeline.reading.ocr import TesseractEngine
    from khplan.pipeline.reading.pages import BlankPage, read_page_image
    from tools.synth.printed import render_printed

    quality, lang = route.split("/")
    pages: list[dict] = []
    for number, image in enumerate(render_printed(text, quality, seed=seed), 1):
        if lang == "vie":
            page = read_page_image(image, number, PREPROCESS_STEPS, TesseractEngine(lang))
            if isinstance(page, BlankPage):
                continue
            pages.append(
                {"page_no": number, "text": page.text, "method": "ocr", "words": [list(w) for w in page.words]}
            )
        else:
            pages.append({"page_no": number, "text": _plain_tesseract(image, lang), "method": "text", "words": []})
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return path


def as_printed(text: str) -> str:
    """The document a scan shows: a page copied from the web prints without the site's markup (``<b>``, entities)."""
    from khplan.pipeline.reading.inputs import text_as_read

    return text_as_read(text)


def ocr_all(documents: Sequence[RealDocument], routes: Sequence[str], jobs: int, console: Console) -> None:
    """OCR every (document, scan route) not in the cache yet, ``jobs`` at a time."""
    printed = {doc.id: as_printed(doc.text) for doc in documents}
    todo = [
        (route, printed[doc.id], str(path), int(doc.id))
        for route in routes
        if route in SCAN_ROUTES
        for doc in documents
        if not (path := _cache_path(route, printed[doc.id])).exists()
    ]
    if not todo:
        return
    console.print(f"OCR of {len(todo)} scans not cached yet ({jobs} at a time) …")
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for n, _ in enumerate(pool.map(read_scan, todo), 1):
            if n % 25 == 0:
                console.print(f"  {n}/{len(todo)} in {time.perf_counter() - started:.0f} s")


def pages_of(route: str, text: str) -> list:
    """The page texts the route gives the record stages."""
    from khplan.diacritics.orthography import strip_diacritics
    from khplan.pipeline.context import PageText
    from khplan.pipeline.reading.inputs import text_as_read

    if route in ("text", "stripped"):  # a text file as khplan's reader reads it
        read = text_as_read(text)
        return [PageText(1, read if route == "text" else strip_diacritics(read), "text")]
    data = json.loads(_cache_path(route, as_printed(text)).read_text(encoding="utf-8"))
    return [PageText(p["page_no"], p["text"], p["method"], None, tuple(_word(w) for w in p["words"])) for p in data]


def _word(data: list) -> Any:
    from khplan.schemas import Box, OcrWord

    text, box, *rest = data
    return OcrWord(text, Box(*box), *rest)


def record_of(pages: list) -> dict:
    """The record the pipeline's record stages make of these pages (restored where they lost their marks)."""
    from khplan.pipeline.context import DocContext, InputKind, Options
    from khplan.pipeline.errors import NotAPlanError
    from khplan.pipeline.stages import extract_fields, restore_text
    from khplan.schemas import PlanRecord

    ctx = DocContext(source=Path("bench.txt"), kind=InputKind.text, sha256="0" * 64, options=Options(jobs=1))
    try:
        return extract_fields(ctx, restore_text(ctx, pages)).model_dump(mode="json")
    except NotAPlanError:  # nothing of a header found: every field null
        return PlanRecord().model_dump(mode="json")


# --- scoring -----------------------------------------------------------------


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    silent: int = 0
    needless: int = 0
    """Right, yet warned about: what the warnings cost a reviewer."""

    def add(self, right: bool, silent: bool, needless: bool = False) -> None:
        self.right += right
        self.total += 1
        self.silent += silent
        self.needless += needless


@dataclass
class Miss:
    id: str
    route: str
    path: str
    got: object
    want: object
    warned: bool


@dataclass
class Board:
    tallies: dict[tuple[str, str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[Miss] = field(default_factory=list)
    ways: dict[tuple[str, str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    """(part, field, how it was found) → how often a value found that way is right: the precision of each way."""

    def score(self, doc: RealDocument, route: str, record: dict) -> None:
        for path in HEADER:
            got, want = value_at(record, path), value_at(doc.gold, path)
            right = same(path, got, want)
            flagged = warned(record, path)
            silent = not right and got is not None and not flagged
            needless = right and flagged and got is not None  # "not found" beside a null is no false alarm
            self.tallies[(doc.part, route, path)].add(right, silent, needless)
            self.tallies[(doc.part, route, "all")].add(right, silent, needless)
            if got is not None:
                how = value_at(record, "provenance.found_by").get(path) or "-"
                self.ways[(doc.part, path, how)].add(right, silent, needless)
            if not right:
                self.misses.append(Miss(doc.id, route, path, got, want, warned(record, path)))

    def ways_table(self, part: str) -> Table:
        """Each field by each way it is found: how often right, how often wrong with no warning."""
        table = Table(title=f"{part}: header fields by how they were found (provenance.found_by), every route")
        for column in ("field", "found by", "values", "right", "wrong, not warned", "right, warned"):
            table.add_column(column, justify="left" if column in {"field", "found by"} else "right")
        for (where, path, how), tally in sorted(self.ways.items()):
            if where == part:
                table.add_row(
                    path,
                    how,
                    str(tally.total),
                    f"{tally.right / tally.total:.3f}",
                    str(tally.silent),
                    str(tally.needless),
                )
        return table

    def table(self, part: str, routes: Sequence[str], count: int) -> Table:
        table = Table(title=f"{part}: {count} real documents — header fields right (share)")
        table.add_column("field")
        for route in routes:
            table.add_column(route, justify="right")
        for path in (*HEADER, "all"):
            cells = []
            for route in routes:
                tally = self.tallies.get((part, route, path))
                cells.append(f"{tally.right / tally.total:.3f}" if tally and tally.total else "–")
            table.add_row("header fields, all" if path == "all" else path, *cells)
        silent = []
        for route in routes:
            tally = self.tallies.get((part, route, "all"))
            silent.append(f"{tally.silent / tally.total:.1%} ({tally.silent})" if tally and tally.total else "–")
        table.add_row("wrong and not warned", *silent)
        needless = []
        for route in routes:
            tally = self.tallies.get((part, route, "all"))
            needless.append(f"{tally.needless / tally.total:.1%}" if tally and tally.total else "–")
        table.add_row("right yet warned", *needless)
        return table


# --- the real seeds ----------------------------------------------------------


def seed_scores(restored: bool) -> list[tuple[str, float, dict[str, float]]]:
    """Each real legacy-OCR seed's record against its gold: every contract field, 1/0 or F1 for lists."""
    from tools.bench.extract import LISTS, SCALARS, list_counts, scalar_right

    out = []
    for prefix in REAL_SEEDS:
        gold_path = next(SEEDS.glob(f"{prefix}_*.fields.json"))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        legacy = gold_path.with_name(gold_path.name.replace(".fields.json", ".ocr.txt")).read_text(encoding="utf-8")
        from khplan.pipeline.context import PageText

        record = record_of([PageText(1, legacy, "text")])
        fields: dict[str, float] = {}
        for path in SCALARS:
            got, want = value_at(record, path), value_at(gold, path)
            fields[path] = float(same(path, got, want) if path in HEADER else scalar_right(path, got, want))
        for path in LISTS:
            tp, predicted, gold_n = list_counts(path, record.get(path) or [], gold.get(path) or [])
            if not predicted and not gold_n:
                fields[path] = 1.0
            else:
                p, r = (tp / predicted if predicted else 0.0), (tp / gold_n if gold_n else 0.0)
                fields[path] = 2 * p * r / (p + r) if p + r else 0.0
        out.append((prefix, sum(fields.values()) / len(fields), fields))
    return out


def seeds_table(scores: list[tuple[str, float, dict[str, float]]]) -> Table:
    table = Table(title="Real seeds, legacy OCR restored: full records (every contract field; lists by F1)")
    table.add_column("field")
    for prefix, _, _ in scores:
        table.add_column(prefix, justify="right")
    for path in scores[0][2]:
        table.add_row(path, *[f"{fields[path]:.2f}" for _, _, fields in scores])
    table.add_row("record (mean of the fields)", *[f"{total:.3f}" for _, total, _ in scores])
    return table


# --- the command -------------------------------------------------------------


def _split(value: str) -> list[str]:
    return [v for v in value.split(",") if v]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.real", description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default=",".join(PARTS), help="dev, heldout or both")
    parser.add_argument("--routes", default=",".join(ROUTES), help=f"comma-separated, of: {', '.join(ROUTES)}")
    parser.add_argument("--jobs", type=int, default=2, help="scans OCR'd at once (only what the cache lacks)")
    parser.add_argument("--no-seeds", action="store_true", help="leave out the real seeds' full records")
    parser.add_argument(
        "--misses", action="store_true", help="list every wrong field of the development part (never the held-back)"
    )
    parser.add_argument(
        "--ways", action="store_true", help="how often a field is right by the way it was found (development part)"
    )
    parser.add_argument("--only", default="", help="document ids to run, comma-separated (development part only)")
    parser.add_argument(
        "--by-level", action="store_true", help="each part by the gold issuer's level too (aggregates only)"
    )
    args = parser.parse_args(argv)
    parts, routes = _split(args.parts), _split(args.routes)
    console = Console(width=max(150, Console().width))
    command = "python -m tools.bench.real " + " ".join(argv if argv is not None else sys.argv[1:])
    console.print(f"[bold]{command.strip()}[/bold] — {dt.datetime.now().isoformat(timespec='minutes')}")
    documents = load(parts)
    if args.only:
        wanted = set(_split(args.only))
        documents = [d for d in documents if d.id in wanted and d.part == "dev"]
    ocr_all(documents, routes, args.jobs, console)
    board, levels = Board(), Board()
    started = time.perf_counter()
    for doc in documents:
        for route in routes:
            record = record_of(pages_of(route, doc.text))
            board.score(doc, route, record)
            if args.by_level:
                levels.score(dataclasses.replace(doc, part=f"{doc.part}, {level_of(doc)}"), route, record)
    for part in parts:
        count = sum(d.part == part for d in documents)
        if count:
            console.print(board.table(part, routes, count))
    console.print(
        f"extraction of {len(documents)} documents by {len(routes)} routes: {time.perf_counter() - started:.0f} s"
    )
    if args.by_level:
        console.print(levels_table(levels, documents, routes))
    if args.ways:
        console.print(board.ways_table("dev"))
    if args.misses:
        _print_misses(console, [m for m in board.misses if any(d.id == m.id and d.part == "dev" for d in documents)])
    if not args.no_seeds:
        console.print(seeds_table(seed_scores(restored=True)))
    return 0


def level_of(doc: RealDocument) -> str:
    return str((doc.gold.get("issuer") or {}).get("level") or "no level")


def levels_table(levels: Board, documents: Sequence[RealDocument], routes: Sequence[str]) -> Table:
    """Header fields right, and wrong and not warned, by part and the gold issuer's level: where the weak levels are."""
    table = Table(title="header fields right by the issuer's level (wrong and not warned)")
    for column in ("part, level", "documents", *routes):
        table.add_column(column, justify="left" if column == "part, level" else "right")
    counts: dict[str, int] = defaultdict(int)
    for doc in documents:
        counts[f"{doc.part}, {level_of(doc)}"] += 1
    for key in sorted(counts):
        cells = []
        for route in routes:
            tally = levels.tallies[(key, route, "all")]
            cells.append(f"{tally.right / tally.total:.3f} ({tally.silent / tally.total:.1%})")
        table.add_row(key, str(counts[key]), *cells)
    return table


def _print_misses(console: Console, misses: list[Miss]) -> None:
    for miss in sorted(misses, key=lambda m: (m.path, m.id, m.route)):
        flag = "warned" if miss.warned else "SILENT" if miss.got is not None else "null"
        console.print(
            f"{miss.id} {miss.route:9} {miss.path:16} {flag:6} got={miss.got!r}  want={miss.want!r}", soft_wrap=True
        )


if __name__ == "__main__":
    raise SystemExit(main())
