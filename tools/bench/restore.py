"""``make bench-restore``: syllable accuracy of the restorer on text it never saw, with pyvi beside it.

Sets (all but the seeds from the held-out laws, which no model was trained on):

1. the development seeds 000 and 003 (legacy OCR) against their gold;
2. held-out text with its diacritics stripped;
3. held-out text rendered as scans and read by Tesseract ``eng`` (legacy OCR);
4. the same pages read by Tesseract ``vie`` (post-OCR correction);
5. clean held-out text (how much correct text the restorer damages).

A benchmark prints figures and appends them to tests/benchmarks/history.jsonl;
it never fails on them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from khplan.diacritics.orthography import strip_diacritics
from khplan.diacritics.scoring import syllable_errors
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
    errors = total = 0
    started = time.perf_counter()
    outputs = [system(text) for text in bench.inputs]
    seconds = time.perf_counter() - started
    for output, gold in zip(outputs, bench.golds, strict=False):
        e, n = syllable_errors(output, gold)
        errors, total = errors + e, total + n
    return Result(1 - errors / total if total else float("nan"), total, seconds)


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.restore", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--lines", type=int, default=HELD_OUT_LINES, help="held-out lines for the text sets")
    parser.add_argument("--ocr-pages", type=int, default=OCR_PAGES, help="held-out pages per OCR engine (0: skip)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--model", type=Path, default=None, help="a model file other than the shipped one")
    args = parser.parse_args(argv)
    console = Console(width=max(130, Console().width))

    started = time.perf_counter()
    from khplan.diacritics.model import load_model

    if args.model:
        os.environ["KHPLAN_RESTORER_MODEL"] = str(args.model)
    load_model()
    load_seconds = time.perf_counter() - started
    from khplan.diacritics import restore

    sets = seed_sets() + held_out_sets(locate_corpus(args.corpus), args.lines, args.ocr_pages, args.jobs)
    systems: dict[str, Callable[[str], str]] = {"input as is": lambda t: t, "khplan": lambda t: restore(t).text}
    if baseline := pyvi_system():
        systems["pyvi add_accents"] = baseline
    table = Table(title=f"Syllable accuracy (model loaded in {load_seconds:.2f} s)")
    table.add_column("set", no_wrap=True)
    table.add_column("syllables", justify="right")
    for name in systems:
        table.add_column(name, justify="right")
    table.add_column("khplan syll/s", justify="right")
    record = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "load_seconds": round(load_seconds, 3)}
    for bench in sets:
        results = {name: run(system, bench) for name, system in systems.items()}
        ours = results["khplan"]
        table.add_row(
            bench.name,
            f"{ours.syllables:,}",
            *(f"{100 * r.accuracy:.2f}%" for r in results.values()),
            f"{ours.syllables / ours.seconds:,.0f}" if ours.seconds else "—",
        )
        record[bench.name] = {name: round(r.accuracy, 5) for name, r in results.items()} | {
            "syllables_per_second": round(ours.syllables / ours.seconds) if ours.seconds else None
        }
    console.print(table)
    if "pyvi add_accents" not in systems:
        console.print("[dim]pyvi not installed: `pip install pyvi` to see the baseline[/dim]")
    HISTORY.parent.mkdir(parents=True, exist_ok=True)
    with open(HISTORY, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
