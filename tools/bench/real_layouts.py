"""Header fields of the real documents as other sites would print them: ``python -m tools.bench.real_layouts``.

The same real documents and gold as :mod:`tools.bench.real`, their text
re-laid the ways legal-document sites and PDF exports lay it: the whole page
run onto one line (a site that lost its line breaks), every line but a
table's wrapped at forty letters (a narrow column, a PDF's text layer), blank
lines dropped, a title in capitals printed in sentence case. A rule that
holds only for the layout the development documents happen to have loses
fields here; the words are the same (case aside), so every field lost is the
layout's doing. Scored as :func:`tools.bench.real.same`;
prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from rich.console import Console

from tools.bench.real import PARTS, Board, load, pages_of, record_of

WRAP = 40
"""Letters a narrow site's line holds."""


def flattened(text: str) -> str:
    """The whole page on one line, its words single-spaced."""
    return " ".join(text.split())


def wrapped(text: str, width: int = WRAP) -> str:
    """Each line longer than ``width`` broken at its last space before it; a table's row (``|``) stays whole, since a
    narrow site wraps each cell in its own column."""
    out: list[str] = []
    for line in text.splitlines():
        while len(line) > width and "|" not in line:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)


def without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip())


def title_in_small_letters(text: str) -> str:
    """A trích yếu printed in capitals, printed in sentence case instead (as many sites give it). Its lines are where
    the extractor finds them in the published text: a title it misplaces there is left as it was."""
    from khplan.extractors.matching import fold_key
    from khplan.extractors.structure import find_layout, split_lines

    title = find_layout(split_lines(text, fold_key(text))).title
    if not title:
        return text
    start, end = title[0].start, title[-1].end
    printed = text[start:end]
    if printed != printed.upper():
        return text
    return text[:start] + printed[:1] + printed[1:].lower() + text[end:]


LAYOUTS: dict[str, Callable[[str], str]] = {
    "as published": lambda text: text,
    "one line": flattened,
    f"wrapped at {WRAP}": wrapped,
    "no blank lines": without_blank_lines,
    "title in small letters": title_in_small_letters,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default=",".join(PARTS), help="dev, heldout or both (comma-separated)")
    args = parser.parse_args(argv)
    console = Console(width=140)
    for part in args.parts.split(","):
        documents = load([part])
        board = Board()
        with console.status(f"{part}: {len(documents)} documents × {len(LAYOUTS)} layouts"):
            for doc in documents:
                for name, lay_out in LAYOUTS.items():
                    board.score(doc, name, record_of(pages_of("text", lay_out(doc.text))))
        console.print(board.table(part, list(LAYOUTS), len(documents)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
