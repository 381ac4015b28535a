"""The training corpus (../shared/corpus/vlc) and its fixed held-out split.

Every model trained here and every benchmark that claims a number on
"text never seen" must agree on which laws are held out, so the split is a
pure function of the file name: a law is held out when the first byte of
the SHA-1 of its name is 3 modulo 10 (19 of the 208 laws, about 8% of the
text). None of the laws the plans lean on most (Thi đua, khen thưởng; Cán
bộ, công chức; Tổ chức chính quyền địa phương) falls in it.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

DEFAULT_CORPUS = Path("../shared/corpus/vlc")
HELD_OUT_RESIDUE = 3
HELD_OUT_MODULUS = 10


class CorpusNotFoundError(FileNotFoundError):
    """The law corpus is needed (training, benchmarks) but is not where it was looked for."""


def is_held_out(name: str) -> bool:
    """True for the laws no model may be trained on."""
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % HELD_OUT_MODULUS == HELD_OUT_RESIDUE


def locate_corpus(path: Path | str | None = None) -> Path:
    """The corpus folder: ``path``, else ``$KHPLAN_CORPUS``, else ../shared/corpus/vlc beside the checkout."""
    candidates = [Path(path)] if path else []
    if env := os.environ.get("KHPLAN_CORPUS"):
        candidates.append(Path(env))
    repo = Path(__file__).resolve().parents[1]
    candidates += [DEFAULT_CORPUS, repo.parent / "shared" / "corpus" / "vlc"]
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise CorpusNotFoundError(
        f"law corpus not found (looked in {', '.join(map(str, candidates))}); pass --corpus or set KHPLAN_CORPUS"
    )


def corpus_files(corpus: Path | str | None = None, *, held_out: bool = False) -> list[Path]:
    """The training laws (default) or the held-out ones, sorted by name."""
    folder = locate_corpus(corpus)
    return [p for p in sorted(folder.glob("*.txt")) if is_held_out(p.name) == held_out]


def iter_lines(files: Iterable[Path]) -> Iterator[str]:
    """Non-empty lines, NFC, stripped: one paragraph of a law per line."""
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                line = unicodedata.normalize("NFC", line).strip()
                if line and "\ufffd" not in line:
                    yield line
