"""``make bench-ingest``: throughput of ``khplan ingest`` with 1 and 2 jobs, and what orchestration costs.

A 50-document archive is built once (cached in ``build/bench-ingest``) from
generated plans (:mod:`pipeline.synthetic`: held-out corpus text under
gazetteer issuers): some rendered as scanned PDFs, the rest as legacy OCR
text, i.e. the rendered scan read by Tesseract ``eng``, which loses the
diacritics the way old OCR software did. Each measurement runs in a fresh
process on a fresh output folder (no page cache, no warm model):

- ``loop``: a plain Python loop over ``process_document`` writing the same
  files, one document at a time, one page at a time;
- ``flow``: the Prefect ingest flow with ``--jobs 1`` and ``--jobs 2``,
  timed end to end as ``khplan ingest`` runs it (the temporary Prefect
  API's start-up included).

Both are timed from before their imports.

Overhead is ``flow`` with one job against ``loop``; speed-up is one job
against two. This machine's speed drifts from minute to minute by as much
as the overhead being measured (one benchmark's loop took 72 s in one round,
104 s in another), so the runs are interleaved in rounds
and each ratio is taken within a round (every other round runs in reverse
order), then its median over the rounds; the best runs' ratio is printed too,
since noise only ever adds time. A benchmark prints figures; it never fails on them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table

BENCH_DIR = Path("build/bench-ingest")
"""The cached archives and the output folders of the runs."""


def build_archive(folder: Path, corpus: Path, documents: int, scans: int, seed: int) -> list[Path]:
    """``documents`` generated plans: the first ``scans`` as scanned PDFs, the others as legacy OCR text."""
    from khplan.pipeline.reading.ocr import TesseractEngine
    from tools.synth.plans import generate_plans
    from tools.synth.scans import render_scan, save_pages

    folder.mkdir(parents=True, exist_ok=True)
    plans = generate_plans(documents, corpus, seed=seed)
    legacy = TesseractEngine(lang="eng")

    def build(index: int) -> Path:
        plan = plans[index]
        target = folder / (f"{plan.name}.pdf" if index < scans else f"{plan.name}.legacy-ocr.txt")
        if target.exists():
            return target
        pages = render_scan(plan.text, "fair", seed=seed + index)
        if index < scans:
            save_pages(pages, target)
        else:
            text = "\n".join(legacy.read_page(page, n).text for n, page in enumerate(pages, start=1))
            target.write_text(text, encoding="utf-8")
        return target

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(build, range(documents)))


def measure_loop(archive: Path, out: Path) -> dict:
    """The stages in a plain loop, the outputs an ingest writes (records, texts, searchable PDFs); imports timed too."""
    started = time.perf_counter()
    from khplan.pipeline.context import Options
    from khplan.pipeline.ingest.discovery import discover_inputs
    from khplan.pipeline.ingest.output_folder import OutputArchive
    from khplan.pipeline.run import process_document

    output = OutputArchive(out)
    output.prepare()
    options = Options(jobs=1, searchable_pdf=True)
    documents = pages = 0
    document_seconds = 0.0
    for source in discover_inputs([archive]):
        document_started = time.perf_counter()
        result = process_document(source, options)
        output.write_document(result.record, result.text, result.searchable_pdf())
        documents, pages = documents + 1, pages + len(result.pages)
        document_seconds += time.perf_counter() - document_started
    return {
        "documents": documents,
        "pages": pages,
        "seconds": time.perf_counter() - started,
        "document_seconds": document_seconds,
    }


def measure_flow(archive: Path, out: Path, jobs: int) -> dict:
    """What ``khplan ingest`` does, in its order: the temporary API starts before the flows import."""
    started = time.perf_counter()
    from khplan.pipeline.ingest.prefect_api import prefect_api
    from khplan.pipeline.ingest.prefect_settings import configure_prefect

    configure_prefect()
    with prefect_api(wait=False):
        from khplan.pipeline.context import Options
        from khplan.pipeline.ingest.flows import run_ingest

        report = run_ingest([archive], out, Options(jobs=jobs, searchable_pdf=True))
    return {
        "documents": report.count("done"),
        "pages": report.pages,
        "quarantined": report.count("quarantined"),
        "seconds": time.perf_counter() - started,
        "flow_seconds": report.seconds,
        "document_seconds": sum(o.seconds for o in report.outcomes if o.status == "done"),
    }


RUNS = (("plain loop", "loop", 1), ("flow, 1 job", "flow", 1), ("flow, 2 jobs", "flow", 2))
"""Label, kind and jobs of each measurement."""


def _median_run(figures: list[dict]) -> dict:
    """The run of median wall time (one real run, so its figures belong together)."""
    return sorted(figures, key=lambda f: f["seconds"])[(len(figures) - 1) // 2]


def round_table(measured: dict[str, list[dict]]) -> Table:
    """Every run's seconds by round, with the two ratios taken within the round."""
    table = Table(title="seconds per round")
    for column in ("round", *measured, "flow 1 job / loop", "1 job / 2 jobs"):
        table.add_column(column, justify="right")
    loops, ones, twos = measured.values()
    for number, (loop, one, two) in enumerate(zip(loops, ones, twos, strict=False), start=1):
        table.add_row(
            str(number),
            *(f"{run['seconds']:.1f}" for run in (loop, one, two)),
            f"{one['seconds'] / loop['seconds'] - 1:+.1%}",
            f"{one['seconds'] / two['seconds']:.2f}x",
        )
    return table


def _measure_in_fresh_process(kind: str, archive: Path, out: Path, jobs: int) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.bench.ingest",
            "--measure",
            kind,
            "--jobs",
            str(jobs),
            "--archive",
            str(archive),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the law corpus (default: ../shared/corpus/vlc)")
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--scans", type=int, default=20, help="how many of the documents are scanned PDFs")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=5, help="rounds of the three runs; the table shows medians")
    parser.add_argument("--measure", choices=["loop", "flow"], help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:  # one measurement, in this fresh process
        figures = (
            measure_loop(args.archive, args.out)
            if args.measure == "loop"
            else measure_flow(args.archive, args.out, args.jobs)
        )
        print(json.dumps(figures))
        return 0

    from tools.corpus import locate_corpus

    try:
        corpus = locate_corpus(args.corpus)
    except FileNotFoundError:
        corpus = None
    if corpus is None:
        parser.error("the corpus is not here; pass --corpus DIR (../shared/corpus/vlc)")
    console = Console(width=max(120, Console().width))
    archive = BENCH_DIR / f"archive-{args.seed}-{args.documents}-{args.scans}"
    with console.status("building the archive (once; cached)"):
        build_archive(archive, corpus, args.documents, args.scans, args.seed)
    work = BENCH_DIR / "runs"
    measured: dict[str, list[dict]] = {label: [] for label, _, _ in RUNS}
    for round_no in range(1, args.repeat + 1):  # interleaved, every other round in reverse: drift hits every kind alike
        for label, kind, jobs in RUNS if round_no % 2 else reversed(RUNS):
            out = work / f"{kind}-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            with console.status(f"{label} (round {round_no} of {args.repeat})"):
                measured[label].append(_measure_in_fresh_process(kind, archive, out, jobs))
    runs = {label: _median_run(figures) for label, figures in measured.items()}
    table = Table(
        title=f"ingest of {args.documents} generated plans ({args.scans} scanned PDFs, "
        f"{args.documents - args.scans} legacy OCR texts), median of {args.repeat}"
    )
    for column in ("run", "documents", "pages", "seconds", "range", "documents/min", "pages/min"):
        table.add_column(column, justify="right" if column != "run" else "left")
    for label, figures in runs.items():
        minutes = figures["seconds"] / 60
        spread = [f["seconds"] for f in measured[label]]
        table.add_row(
            label,
            str(figures["documents"]),
            str(figures["pages"]),
            f"{figures['seconds']:.1f}",
            f"{min(spread):.1f}–{max(spread):.1f}",
            f"{figures['documents'] / minutes:.1f}",
            f"{figures['pages'] / minutes:.1f}",
        )
    console.print(table)
    console.print(round_table(measured))
    loops, ones, twos = (measured[label] for label, _, _ in RUNS)
    overheads = [one["seconds"] / loop["seconds"] - 1 for loop, one in zip(loops, ones, strict=False)]
    speedups = [one["seconds"] / two["seconds"] for one, two in zip(ones, twos, strict=False)]
    best = min(o["seconds"] for o in ones) / min(lp["seconds"] for lp in loops) - 1
    flow_one = runs["flow, 1 job"]
    console.print(
        f"orchestration overhead (flow, 1 job, vs plain loop): {statistics.median(overheads):+.1%} median of "
        f"the rounds' ratios ({min(overheads):+.1%} to {max(overheads):+.1%}); best run against best run "
        f"{best:+.1%}"
    )
    console.print(
        f"in the median flow run: {flow_one['seconds'] - flow_one['flow_seconds']:.1f} s outside the flow "
        f"body; in the body, the documents took {flow_one['document_seconds']:.1f} s of "
        f"{flow_one['flow_seconds']:.1f} s in their worker (median loop: "
        f"{runs['plain loop']['document_seconds']:.1f} s)"
    )
    console.print(
        f"speed-up with 2 jobs: {statistics.median(speedups):.2f}x median of the rounds' ratios "
        f"({min(speedups):.2f}x to {max(speedups):.2f}x)"
    )
    console.print(f"cores available: {len(os.sched_getaffinity(0))}; load average now: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
