"""The training corpus (../shared/corpus/vlc) and its fixed three-way split.

Every model trained here and every benchmark that claims a number on
"text never seen" must agree on which laws are which, so the split is a
pure function of the file name, the first byte of the SHA-1 of the name
modulo 10:

- 3: **held out** (19 laws, about 8% of the text): only benchmarks read them;
- 2: **development** (16 laws, about 5%): decoder settings are tuned on them,
  so no language model or channel may be trained on them either (a model
  tuned on text it memorised trusts itself too much);
- the rest: **training**.

None of the laws the plans lean on most (Thi đua, khen thưởng; Cán bộ,
công chức; Tổ chức chính quyền địa phương) falls outside training.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

DEFAULT_CORPUS = Path("../shared/corpus/vlc")
HELD_OUT_RESIDUE = 3
DEV_RESIDUE = 2
MODULUS = 10
SPLITS = ("train", "dev", "held-out")


class CorpusNotFoundError(FileNotFoundError):
    """The law corpus is needed (training, benchmarks) but is not where it was looked for."""


def split_of(name: str) -> str:
    """``train``, ``dev`` or ``held-out`` for the law in file ``name``."""
    residue = hashlib.sha1(name.encode("utf-8")).digest()[0] % MODULUS
    return "held-out" if residue == HELD_OUT_RESIDUE else "dev" if residue == DEV_RESIDUE else "train"


def is_held_out(name: str) -> bool:
    """True for the laws only benchmarks may read."""
    return split_of(name) == "held-out"


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


def corpus_files(corpus: Path | str | None = None, *, held_out: bool = False, split: str | None = None) -> list[Path]:
    """The laws of one split, sorted by name: training by default, ``held_out=True`` for the benchmarks'."""
    split = split or ("held-out" if held_out else "train")
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    folder = locate_corpus(corpus)
    return [p for p in sorted(folder.glob("*.txt")) if split_of(p.name) == split]


def iter_lines(files: Iterable[Path]) -> Iterator[str]:
    """Non-empty lines, NFC, stripped: one paragraph of a law per line."""
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                line = unicodedata.normalize("NFC", line).strip()
                if line and "\ufffd" not in line:
                    yield line
