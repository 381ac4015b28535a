"""``make bench-restore``: syllable accuracy of the restorer on real documents, and on laws it never saw.

The first table is real administrative documents (:mod:`tools.bench.real_documents`),
each restored as a document of its own:

1. the development seeds 000 and 003 (real legacy OCR) against their hand-restored gold;
2. the real development documents and the held-back ones (never trained or tuned on),
   each **stripped** of its marks, **printed as a fair scan and read by Tesseract eng**
   (legacy OCR, from the type line on; not the few whose page the printer cannot show whole:
   :func:`tools.bench.real_documents.fits_the_page`), and **intact** (the share of syllables
   restoration changed there is its damage);

with, for khplan, the share of output words that are no Vietnamese syllable
(words that were no syllable in the gold either, foreign words and words run
together, are not counted; compared by their folded form).

The second table is the held-out laws, as contiguous passages: stripped, rendered
as scans and read by Tesseract ``eng`` and ``vie``, and clean (damage).

Baselines beside khplan: pyvi's ``add_accents``, and underthesea's
``restore_diacritics`` when the installed underthesea has it (9.5 does not).
A benchmark prints figures and appends them to tests/benchmarks/history.jsonl;
it never fails on them.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from khplan.diacritics.name_lists import FAMILY, GIVEN, MIDDLE
from khplan.diacritics.names import unit_names
from khplan.diacritics.orthography import fold, strip_diacritics
from khplan.diacritics.scoring import syllable_errors
from khplan.diacritics.syllables import normalize_syllable, viet74k_syllables
from khplan.diacritics.tokens import Kind, tokenize
from tools.bench.real_documents import fits_the_page, legacy_ocr, load_documents
from tools.corpus import corpus_files, iter_lines, locate_corpus

SEEDS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "seeds"
HISTORY = Path(__file__).resolve().parents[2] / "tests" / "benchmarks" / "history.jsonl"
HELD_OUT_LINES = 3000
PASSAGE_LINES = 100
OCR_PAGES = 25


@dataclass(frozen=True)
class BenchSet:
    name: str
    inputs: list[str]
    golds: list[str]


@dataclass
class Result:
    accuracy: float
    syllables: int
    seconds: float
    """CPU seconds the system took (one core: restoration is single-threaded)."""
    foreign: float = 0.0
    """Share of output words that are no Vietnamese syllable, beyond those the gold has."""


@functools.cache
def vietnamese_syllables() -> frozenset[str]:
    """What counts as Vietnamese output: Viet74K's syllables, and the words of unit names and personal names."""
    names = {w for name in unit_names() for w in name}
    people = {normalize_syllable(w) for table in (FAMILY, MIDDLE, GIVEN) for w in table}
    return frozenset(viet74k_syllables() | names | people)


def foreign_words(text: str) -> Counter[str]:
    """Words of ``text`` (OCR's digits and symbols inside them included) that are no Vietnamese syllable.

    Counted by their folded form, so that a word the gold itself holds as no syllable (two words run
    together, "Ủyban"; a foreign word) is not counted against restoration when it is output unmarked.
    A dash printed against a word ("-có", "hoá-") is punctuation, not part of it. Two letters and a slash
    ("b/c" báo cáo, "t/h") are an abbreviation, which restoration leaves as printed, whatever OCR made of it.
    """
    known = vietnamese_syllables()
    return Counter(
        fold(normal)
        for line in text.split("\n")
        for token in tokenize(line)
        if token.kind is Kind.word
        and not _SLASH_ABBREVIATION.fullmatch(token.text)
        and (normal := normalize_syllable(token.text.strip("-–"))) not in known
    )


_SLASH_ABBREVIATION = re.compile(r"[^\W\d_]/[^\W\d_]")


def word_count(text: str) -> int:
    return sum(1 for line in text.split("\n") for token in tokenize(line) if token.kind is Kind.word)


def real_sets(jobs: int) -> list[BenchSet]:
    """The real documents, development and held-back, stripped, as legacy OCR, and intact."""
    sets = []
    for part, label in (("dev", "real dev"), ("heldout", "real held-back")):
        documents = load_documents(part)
        pages = legacy_ocr([d for d in documents if fits_the_page(d)], jobs=jobs)
        texts = [d.text for d in documents]
        sets += [
            BenchSet(f"{label}, stripped", [strip_diacritics(t) for t in texts], texts),
            BenchSet(f"{label}, legacy OCR (eng, fair scan)", [p.ocr for p in pages], [p.gold for p in pages]),
            BenchSet(f"{label}, intact (damage)", texts, texts),
        ]
    return sets


def seed_sets() -> list[BenchSet]:
    sets = []
    for prefix in ("000", "003"):
        (ocr,) = SEEDS.glob(f"{prefix}_*.ocr.txt")
        gold = ocr.with_name(ocr.name.replace(".ocr.txt", ".gold.txt"))
        sets.append(
            BenchSet(
                f"seed {prefix} (legacy OCR)", [ocr.read_text(encoding="utf-8")], [gold.read_text(encoding="utf-8")]
            )
        )
    return sets


def passages(files: Sequence[Path], lines: int, length: int = PASSAGE_LINES, seed: int = 7) -> str:
    """``lines`` lines of held-out text as contiguous passages, as documents run (lists keep their order)."""
    rng = random.Random(seed)
    laws = [list(iter_lines([f])) for f in files]
    out: list[str] = []
    while len(out) < lines:
        law = rng.choices(laws, weights=[len(law) for law in laws])[0]
        start = rng.randrange(max(1, len(law) - length))
        out.extend(law[start : start + min(length, lines - len(out))])
    return "\n".join(out)


def held_out_sets(corpus: Path, lines: int, ocr_pages: int, jobs: int, seed: int = 7) -> list[BenchSet]:
    held_out = corpus_files(corpus, held_out=True)
    text = passages(held_out, lines, seed=seed)
    sets = [
        BenchSet("held-out, stripped", [strip_diacritics(text)], [text]),
        BenchSet("held-out, clean (damage)", [text], [text]),
    ]
    if ocr_pages:
        from tools.training.ocr_samples import ocr_samples

        for lang, label in (("eng", "legacy OCR, eng"), ("vie", "Tesseract vie")):
            pages = ocr_samples(held_out, lang=lang, pages=ocr_pages, seed=seed, jobs=jobs)
            sets.insert(-1, BenchSet(f"held-out, {label}", [p.ocr for p in pages], [p.gold for p in pages]))
            for quality in sorted({p.quality for p in pages}):
                some = [p for p in pages if p.quality == quality]
                sets.insert(-1, BenchSet(f"  {label}, {quality} scans", [p.ocr for p in some], [p.gold for p in some]))
    return sets


def run(system: Callable[[str], str], bench: BenchSet) -> Result:
    errors = total = foreign = words = 0
    # CPU time of this process, not the wall clock: on a shared machine the wall clock measures the neighbours
    started = time.process_time()
    outputs = [system(text) for text in bench.inputs]
    seconds = time.process_time() - started
    for output, gold in zip(outputs, bench.golds, strict=False):
        e, n = syllable_errors(output, gold)
        errors, total = errors + e, total + n
        foreign += sum((foreign_words(output) - foreign_words(gold)).values())
        words += word_count(output)
    return Result(1 - errors / total if total else float("nan"), total, seconds, foreign / words if words else 0.0)


def pyvi_system() -> Callable[[str], str] | None:
    """pyvi's ``add_accents`` (line by line, as it takes sentences), or None when pyvi is not installed."""
    try:
        from pyvi.ViUtils import add_accents
    except ImportError:
        return None

    def restore(text: str) -> str:
        out = []
        for line in text.split("\n"):
            try:
                out.append(str(add_accents(line)))
            except Exception:  # pyvi fails on OCR junk; count the line as not restored
                out.append(line)
        return "\n".join(out)

    return restore


def underthesea_system() -> Callable[[str], str] | None:
    """underthesea's ``restore_diacritics``, line by line, when the installed release has it."""
    try:
        from underthesea import restore_diacritics
    except ImportError:
        return None
    return lambda text: "\n".join(str(restore_diacritics(line)) if line.strip() else line for line in text.split("\n"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.restore", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--lines", type=int, default=HELD_OUT_LINES, help="held-out lines for the text sets")
    parser.add_argument("--ocr-pages", type=int, default=OCR_PAGES, help="held-out pages per OCR engine (0: skip)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--model", type=Path, default=None, help="a model file other than the shipped one")
    args = parser.parse_args(argv)
    console = Console(width=max(130, Console().width))

    started, wall = time.process_time(), time.perf_counter()
    from khplan.diacritics.model import load_model, model_path

    if args.model:
        os.environ["KHPLAN_RESTORER_MODEL"] = str(args.model)
    load_model()
    load_seconds, load_wall = time.process_time() - started, time.perf_counter() - wall
    model_file = model_path()
    model_mb = model_file.stat().st_size / 1e6
    console.print(
        f"model {model_file.name}: {model_mb:.1f} MB, loaded (imports included) in {load_seconds:.2f} CPU-s, "
        f"{load_wall:.2f} s wall"
    )
    from khplan.diacritics import restore

    systems: dict[str, Callable[[str], str]] = {"input as is": lambda t: t, "khplan": lambda t: restore(t).text}
    for name, baseline in (("pyvi add_accents", pyvi_system()), ("underthesea", underthesea_system())):
        if baseline:
            systems[name] = baseline
    record = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": model_file.name,
        "model_mb": round(model_mb, 2),
        "load_seconds": round(load_seconds, 3),
        "load_wall_seconds": round(load_wall, 3),
    }
    tables = (
        ("Real documents (each restored as a document)", seed_sets() + real_sets(args.jobs)),
        (
            "Held-out laws (contiguous passages)",
            held_out_sets(locate_corpus(args.corpus), args.lines, args.ocr_pages, args.jobs),
        ),
    )
    for title, sets in tables:
        table = Table(title=f"{title}: syllable accuracy (model loaded in {load_seconds:.2f} CPU-s)")
        table.add_column("set", no_wrap=True)
        table.add_column("docs", justify="right")
        table.add_column("syllables", justify="right")
        for name in systems:
            table.add_column(name, justify="right")
        table.add_column("khplan non-Vietnamese out", justify="right")
        table.add_column("khplan syll/CPU-s", justify="right")
        for bench in sets:
            results = {name: run(system, bench) for name, system in systems.items()}
            ours = results["khplan"]
            table.add_row(
                bench.name,
                str(len(bench.inputs)),
                f"{ours.syllables:,}",
                *(f"{100 * r.accuracy:.2f}%" for r in results.values()),
                f"{100 * ours.foreign:.3f}%",
                f"{ours.syllables / ours.seconds:,.0f}" if ours.seconds else "—",
            )
            record[bench.name] = {name: round(r.accuracy, 5) for name, r in results.items()} | {
                "syllables_per_second": round(ours.syllables / ours.seconds) if ours.seconds else None,
                "non_vietnamese": round(ours.foreign, 6),
            }
        console.print(table)
    missing = [n for n in ("pyvi add_accents", "underthesea") if n not in systems]
    if missing:
        console.print(
            f"[dim]not compared: {', '.join(missing)} (pyvi: `pip install pyvi`; underthesea: its "
            "installed release has no restore_diacritics)[/dim]"
        )
    HISTORY.parent.mkdir(parents=True, exist_ok=True)
    with open(HISTORY, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
