"""``make bench-pdf``: time and size of searchable PDFs — ``khplan ocr --pdf`` against ``ocrmypdf -l vie``.

The same scans go through both (rendered from held-out law text as
generated plans: a bilevel Group 4 TIFF of several pages, as archive scanners
write them, and a greyscale scanned PDF); each command runs in a fresh
process, timed by the wall clock, in alternating order over the rounds, and
the output's size and PDF/A status are read back. ``--khplan`` times
another khplan executable as well (an older checkout's, say).

    python -m tools.bench.searchable --corpus ../shared/corpus/vlc [--rounds 3] [--khplan OTHER/.venv/bin/khplan]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import TiffImagePlugin
from rich.console import Console
from rich.table import Table

from tools.corpus import locate_corpus
from tools.synth.plans import generate_plans
from tools.synth.scans import render_scan, save_pages


def _bilevel_tiff(pages: list, path: Path) -> Path:
    bilevel = [page.point(lambda v: 255 if v > 160 else 0).convert("1") for page in pages]
    info = TiffImagePlugin.ImageFileDirectory_v2()
    bilevel[0].save(
        path, "TIFF", save_all=True, append_images=bilevel[1:], compression="group4", dpi=(300, 300), tiffinfo=info
    )
    return path


def make_scans(corpus: Path, folder: Path, pages: int) -> list[Path]:
    """A bilevel multi-page TIFF and a greyscale scanned PDF of ``pages`` pages each."""
    (plan,) = generate_plans(1, corpus, seed=11)
    text = (plan.text + "\n") * 3
    images = render_scan(text, "fair", seed=11)[:pages]
    return [_bilevel_tiff(images, folder / "scan-g4.tif"), save_pages(images, folder / "scan.pdf")]


def _run(command: list[str], cwd: Path) -> float:
    """Wall-clock seconds of ``command``, run from ``cwd`` (not this checkout, whose folders would shadow another's)."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started


def _pdfa(path: Path) -> str:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return pdf.open_metadata().pdfa_status or "no"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--khplan", type=Path, action="append", default=[], help="another khplan to time too")
    args = parser.parse_args(argv)
    here = Path(sys.executable).parent
    tools = {"khplan ocr --pdf": [str(here / "khplan"), "ocr", "{in}", "--pdf", "{out}"]}
    for other in args.khplan:
        tools[f"{other} ocr --pdf"] = [str(other), "ocr", "{in}", "--pdf", "{out}"]
    tools["ocrmypdf -l vie"] = [str(here / "ocrmypdf"), "-l", "vie", "--output-type", "pdfa-2", "{in}", "{out}"]
    console = Console(width=max(120, Console().width))
    with tempfile.TemporaryDirectory(prefix="khplan-bench-pdf-") as work:
        folder = Path(work)
        scans = make_scans(locate_corpus(args.corpus), folder, args.pages)
        seconds: dict[tuple[str, str], list[float]] = {}
        results: dict[tuple[str, str], Path] = {}
        for round_no in range(args.rounds):
            order = list(tools.items()) if round_no % 2 == 0 else list(reversed(tools.items()))
            for scan in scans:
                for name, template in order:
                    out = folder / f"{scan.stem}-round{round_no}-{list(tools).index(name)}.pdf"
                    command = [part.replace("{in}", str(scan)).replace("{out}", str(out)) for part in template]
                    seconds.setdefault((scan.name, name), []).append(_run(command, folder))
                    results[(scan.name, name)] = out
        table = Table(title=f"Searchable PDFs of {args.pages}-page scans, median of {args.rounds} rounds")
        for column in ("scan", "input size", "tool", "seconds", "output size", "PDF/A"):
            table.add_column(column, justify="left" if column in ("scan", "tool") else "right")
        for scan in scans:
            for name in tools:
                out = results[(scan.name, name)]
                table.add_row(
                    scan.name,
                    f"{scan.stat().st_size / 1024:,.0f} KB",
                    name,
                    f"{statistics.median(seconds[(scan.name, name)]):.1f}",
                    f"{out.stat().st_size / 1024:,.0f} KB",
                    _pdfa(out),
                )
        console.print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
