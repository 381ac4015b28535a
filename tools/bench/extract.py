"""``make bench-extract``: per-field scores of the extractors on the seeds and on documents never seen.

Inputs, per seed (gold in ``tests/fixtures/seeds/*.fields.json``):

- ``text``: the gold/clean text;
- ``legacy+restore``: the seed's legacy OCR (000, 003) through the restorer;
- ``<quality>/vie`` and ``<quality>/eng+restore``: the gold text rendered as a
  scan of that quality (:mod:`pipeline.scans`), read by Tesseract in that
  language and, for ``eng``, restored — as the pipeline does.

And generated plans (:mod:`pipeline.synthetic`, held-out corpus text under
gazetteer issuers), whose header fields are known, as typed text with the
header merged and read column by column, and optionally as ``vie`` scans.

And complete generated plans (:func:`pipeline.synthetic.generate_full_plans`),
whose every field is known, in two phrasing families: ``development`` (the
phrasings rules are tuned on) and ``evaluation`` (held out — the figures
issue 5's targets are judged by). Each as typed text, and a few as scans of
each quality read by ``vie`` and by ``eng`` then restored. Beside the
scored keys, the attributes the keys leave out are checked on matched pairs
(awards' conferrer, recipient_group and condition; deadlines' kind, to and
action): right/total over the pairs where gold or prediction has a value.

Scores (issue 5): scalars exact after normalisation (title and names by fuzzy
ratio ≥ 90); lists by F1 — legal bases by number, awards by (form, subject,
cadence, quota, rank_limit), deadlines by date or month-day, targets,
criteria and recipients by fuzzy text ≥ 80. OCR output is cached under
``build/bench-extract`` so a rerun only re-extracts. A benchmark prints
figures; it never fails on them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from khplan.extractors import DocumentText, extract_record
from khplan.extractors.matching import squash
from khplan.pipeline.ingest.corrections import SCALARS as CORRECTABLE

SEEDS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "seeds"
CACHE = Path("build/bench-extract")
SCALARS = tuple(path for path in CORRECTABLE if path != "period.text")
"""The record's single-valued fields, as a reviewer may correct them; the gold holds no period text."""
FUZZY_SCALARS = {"title", "issuer.name", "issuer.parent", "signer.name"}
LISTS = ("legal_bases", "awards", "deadlines", "targets", "criteria", "recipients")
HEADER = tuple(path for path in SCALARS if not path.startswith(("signer.", "period.")))
"""The header's fields: type, number, date, place, title and issuer."""
NAME_RATIO = 90
TEXT_RATIO = 80


def value_at(record: dict, path: str) -> Any:
    """The value at a dotted path of a record as JSON (``issuer.name``); None where any step is missing."""
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def scalar_right(path: str, got, want) -> bool:
    """Exact after normalisation; titles and names by fuzzy ratio ≥ 90."""
    if path in FUZZY_SCALARS and got and want:
        return fuzz.ratio(" ".join(str(got).split()).lower(), " ".join(str(want).split()).lower()) >= NAME_RATIO
    return got == want


def _key(kind: str, item) -> object:
    if kind == "legal_bases":
        return item.get("number") or (item.get("kind"), None)
    if kind == "awards":
        return tuple(item.get(k) for k in ("form", "subject", "cadence", "quota", "rank_limit"))
    if kind == "deadlines":
        return item.get("date") or item.get("month_day")
    text = item if isinstance(item, str) else item.get("text", "")
    return squash(text)


ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "awards": ("conferrer", "recipient_group", "condition"),
    "deadlines": ("kind", "to", "action"),
}
"""What a matched award or deadline is checked on besides its key."""
EXACT_ATTRIBUTES = {"kind"}


def attribute_right(name: str, got, want) -> bool:
    """Exact for kinds; texts by fuzzy ratio ≥ 80 (names: 90); actions by token-set ratio ≥ 80, a paraphrase's test."""
    if got is None or want is None:
        return got == want
    if name in EXACT_ATTRIBUTES:
        return got == want
    a, b = squash(str(got)), squash(str(want))
    if name == "action":
        return fuzz.token_set_ratio(a, b) >= TEXT_RATIO
    return fuzz.ratio(a, b) >= (NAME_RATIO if name == "conferrer" else TEXT_RATIO)


def matched_pairs(kind: str, got: list, want: list) -> list[tuple[dict, dict]]:
    """(predicted, gold) pairs with equal keys, each item used once, in gold order."""
    pairs, free = [], list(got)
    for gold in want:
        key = _key(kind, gold)
        match = next((g for g in free if _key(kind, g) == key), None)
        if match is not None:
            free.remove(match)
            pairs.append((match, gold))
    return pairs


def list_counts(kind: str, got: list, want: list) -> tuple[int, int, int]:
    """(true positives, predicted, gold): keys matched as multisets, texts greedily by fuzzy ratio ≥ 80."""
    got_keys, want_keys = [_key(kind, g) for g in got], [_key(kind, w) for w in want]
    if kind in {"targets", "criteria", "recipients"}:
        unmatched, tp = list(want_keys), 0
        for g in got_keys:
            best = max(range(len(unmatched)), key=lambda i: fuzz.ratio(str(g), str(unmatched[i])), default=None)
            if best is not None and fuzz.ratio(str(g), str(unmatched[best])) >= TEXT_RATIO:
                unmatched.pop(best)
                tp += 1
        return tp, len(got_keys), len(want_keys)
    tp = sum((Counter(got_keys) & Counter(want_keys)).values())
    return tp, len(got_keys), len(want_keys)


WARNED_WRONG = "low_ocr_confidence: wrong/warned"
"""Of the scalar fields warned about, how many were wrong: whether a warning is worth a reviewer's look."""
WRONG_WARNED = "wrong scalars: warned/wrong"
"""Of the wrong scalar fields, how many carried the warning."""


@dataclass
class Tally:
    """Scores of one field over the documents of one input kind."""

    right: int = 0
    total: int = 0
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def cell(self, is_list: bool) -> str:
        if is_list:
            if not self.gold and not self.predicted:
                return "–"
            p = self.tp / self.predicted if self.predicted else 0.0
            r = self.tp / self.gold if self.gold else 0.0
            return f"{2 * p * r / (p + r) if p + r else 0.0:.2f}"
        return f"{self.right}/{self.total}" if self.total else "–"


@dataclass
class Board:
    """Tallies by (input kind, field)."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    kinds: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, kind: str, record: dict, gold: dict, fields: Iterable[str]) -> None:
        if kind not in self.kinds:
            self.kinds.append(kind)
        for path in fields:
            tally = self.tallies[(kind, path)]
            if path in LISTS:
                got, want = record.get(path) or [], gold.get(path) or []
                tp, predicted, gold_n = list_counts(path, got, want)
                tally.tp, tally.predicted, tally.gold = tally.tp + tp, tally.predicted + predicted, tally.gold + gold_n
                for name in ATTRIBUTES.get(path, ()):
                    attribute = self.tallies[(kind, f"{path}.{name}")]
                    for g, w in matched_pairs(path, got, want):
                        if g.get(name) is not None or w.get(name) is not None:
                            attribute.total += 1
                            attribute.right += attribute_right(name, g.get(name), w.get(name))
            else:
                right = scalar_right(path, value_at(record, path), value_at(gold, path))
                tally.total += 1
                tally.right += right
                warned = any(
                    w.get("code") == "low_ocr_confidence" and w.get("field") == path for w in record.get("warnings", [])
                )
                if warned:
                    flagged = self.tallies[(kind, WARNED_WRONG)]
                    flagged.total, flagged.right = flagged.total + 1, flagged.right + (not right)
                if not right and value_at(gold, path) is not None:
                    caught = self.tallies[(kind, WRONG_WARNED)]
                    caught.total, caught.right = caught.total + 1, caught.right + warned
                if path in HEADER:
                    pooled = self.tallies[(kind, "header (pooled)")]
                    pooled.total += 1
                    pooled.right += right

    def table(self, title: str) -> Table:
        table = Table(title=title)
        table.add_column("field")
        for kind in self.kinds:
            table.add_column(kind, justify="right")
        rows = [
            *SCALARS,
            "header (pooled)",
            *(r for path in LISTS for r in (path, *(f"{path}.{a}" for a in ATTRIBUTES.get(path, ())))),
            WARNED_WRONG,
            WRONG_WARNED,
        ]
        for path in rows:
            if any((kind, path) in self.tallies for kind in self.kinds):
                label = path + (" (F1)" if path in LISTS else "")
                table.add_row(
                    label,
                    *[
                        self.tallies[(kind, path)].cell(path in LISTS) if (kind, path) in self.tallies else "–"
                        for kind in self.kinds
                    ],
                )
        table.add_row("seconds / doc", *[f"{self.seconds[k]:.2f}" for k in self.kinds])
        return table


def _seed_gold() -> dict[str, tuple[dict, str, str | None]]:
    out = {}
    for fields_path in sorted(SEEDS.glob("*.fields.json")):
        stem = fields_path.name.removesuffix(".fields.json")
        gold = json.loads(fields_path.read_text(encoding="utf-8"))
        clean = SEEDS / f"{stem}.gold.txt"
        text = (clean if clean.exists() else SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        legacy = SEEDS / f"{stem}.ocr.txt"
        out[stem[:3]] = (gold, text, legacy.read_text(encoding="utf-8") if legacy.exists() else None)
    return out


def _cached(key: str, make: Callable[[], DocumentText]) -> DocumentText:
    """The OCR'd document of ``key``, from the cache when it has the words too (older entries are redone).

    The key includes the reading version: a new OCR stage reads the scans again.
    """
    from khplan.pipeline.cache_keys import reading_version

    path = CACHE / f"{hashlib.sha256(f'{reading_version()}|{key}'.encode()).hexdigest()[:16]}.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        if "words" in data:
            return DocumentText(data["text"], tuple(data["pages"]), tuple(data["words"]))
    document = make()
    CACHE.mkdir(parents=True, exist_ok=True)
    payload = {
        "text": document.text,
        "pages": [list(p) for p in document.pages],
        "words": [list(w) for w in document.words],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return document


def scan_text(text: str, quality: str, lang: str, seed: int) -> DocumentText:
    """The text as the pipeline gets it from a rendered scan: OCR'd page by page, restored where it lost its marks."""
    from khplan.pipeline.context import DocContext, InputKind, Options
    from khplan.pipeline.reading.ocr import TesseractEngine
    from khplan.pipeline.reading.pages import BlankPage, read_page_image
    from khplan.pipeline.stages import restore_text
    from tools.synth.scans import render_scan

    engine = TesseractEngine(lang)
    options = Options(jobs=1, restore="auto")
    read = (
        read_page_image(image, n, options.preprocess, engine)
        for n, image in enumerate(render_scan(text, quality, seed=seed), 1)
    )
    pages = [page for page in read if not isinstance(page, BlankPage)]
    ctx = DocContext(source=Path("bench.pdf"), kind=InputKind.pdf, sha256="0" * 64, options=options)
    return restore_text(ctx, pages).document


def _timed(board: Board, kind: str, document, count: int = 1) -> dict:
    start = time.perf_counter()
    record = extract_record(document).model_dump(mode="json")
    board.seconds[kind] += (time.perf_counter() - start) / count
    return record


def restorer_ready(console: Console) -> bool:
    """Whether the diacritics model is in place; the restored columns are left out (and said so) if not."""
    from khplan.diacritics import restore

    try:
        restore("Uy ban nhan dan")
    except Exception as error:  # any failure of another stage only narrows the benchmark
        console.print(f"[yellow]restorer unavailable ({error}); columns that need it are left out[/yellow]")
        return False
    return True


def bench_seeds(qualities: list[str], langs: list[str], restored: bool) -> Board:
    board = Board()
    fields = (*SCALARS, *LISTS)
    seeds = _seed_gold()
    for prefix, (gold, text, legacy) in seeds.items():
        board.add("text", _timed(board, "text", text, len(seeds)), gold, fields)
        if legacy is not None:
            board.add("legacy raw", _timed(board, "legacy raw", legacy, 2), gold, fields)
            if restored:
                from khplan.diacritics import restore

                board.add("legacy+restore", _timed(board, "legacy+restore", restore(legacy).text, 2), gold, fields)
        for quality in qualities:
            for lang in langs:
                if lang != "vie" and not restored:
                    continue
                kind = f"{quality}/{lang}" + ("+restore" if lang == "eng" else "")
                document = _cached(
                    f"{prefix}|{quality}|{lang}",
                    partial(scan_text, text, quality, lang, int(prefix)),
                )
                board.add(kind, _timed(board, kind, document, len(seeds)), gold, fields)
    return board


def bench_generated(count: int, corpus: Path | None, scans: int, quality: str) -> Board:
    from tools.corpus import locate_corpus
    from tools.synth.plans import generate_plans

    board = Board()
    plans = generate_plans(count, locate_corpus(corpus))
    for plan in plans:
        gold = plan.fields
        columns = "\n".join(plan.header) + "\n" + plan.text.split("\n", 3)[3]
        board.add("typed", _timed(board, "typed", plan.text, len(plans)), gold, HEADER)
        board.add("columns", _timed(board, "columns", columns, len(plans)), gold, HEADER)
    for plan in plans[:scans]:
        document = _cached(f"{plan.name}|{quality}|vie", partial(scan_text, plan.text, quality, "vie", 0))
        board.add(f"{quality}/vie", _timed(board, f"{quality}/vie", document, scans), plan.fields, HEADER)
    return board


def bench_full(count: int, scans: int, qualities: list[str], langs: list[str], restored: bool) -> tuple[Board, Board]:
    """Complete generated plans of both families.

    Typed (``count`` each), and ``scans`` each per quality and language.
    """
    from tools.synth.plan_bodies import FAMILIES
    from tools.synth.plans import generate_full_plans

    typed, scanned = Board(), Board()
    fields = (*SCALARS, *LISTS)
    for family in FAMILIES:
        plans = generate_full_plans(count, family=family)
        for plan in plans:
            typed.add(family, _timed(typed, family, plan.text, len(plans)), plan.fields, fields)
        for quality in qualities:
            for lang in langs:
                if lang != "vie" and not restored:
                    continue
                kind = f"{family[:3]} {quality}/{lang}" + ("+restore" if lang == "eng" else "")
                for n, plan in enumerate(plans[:scans]):
                    document = _cached(
                        f"{plan.name}|{quality}|{lang}|printed",
                        partial(scan_text, plan.printed, quality, lang, n),
                    )
                    scanned.add(kind, _timed(scanned, kind, document, scans), plan.fields, fields)
    return typed, scanned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.extract", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--qualities", default="fair", help="scan qualities for the seeds, comma-separated (clean, fair, poor, archive)"
    )
    parser.add_argument("--langs", default="vie,eng", help="Tesseract languages for the seeds' scans")
    parser.add_argument("--generated", type=int, default=200, help="generated plans (header fields)")
    parser.add_argument("--generated-scans", type=int, default=0, help="of which rendered and OCR'd with vie")
    parser.add_argument("--full", type=int, default=60, help="complete generated plans per phrasing family (typed)")
    parser.add_argument(
        "--full-scans", type=int, default=2, help="of which rendered as scans, per quality and language"
    )
    parser.add_argument("--full-qualities", default="fair,poor", help="scan qualities for the complete plans")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    console = Console(width=max(150, Console().width))  # nine columns of scores; a pipe would wrap them at 80
    restored = restorer_ready(console)
    seeds = bench_seeds(
        [q for q in args.qualities.split(",") if q], [lang for lang in args.langs.split(",") if lang], restored
    )
    console.print(seeds.table("Seeds (development data): right/total for scalars, F1 for lists"))
    if args.generated:
        generated = bench_generated(
            args.generated, args.corpus, args.generated_scans, args.qualities.split(",")[0] or "fair"
        )
        console.print(generated.table(f"{args.generated} generated plans never seen: header fields right/total"))
    if args.full:
        typed, scanned = bench_full(
            args.full,
            args.full_scans,
            [q for q in args.full_qualities.split(",") if q],
            [lang for lang in args.langs.split(",") if lang],
            restored,
        )
        console.print(
            typed.table(f"{args.full} complete generated plans per family, typed: development vs evaluation (held out)")
        )
        if scanned.kinds:
            console.print(scanned.table(f"{args.full_scans} of them per family as scans (dev vs eval)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
