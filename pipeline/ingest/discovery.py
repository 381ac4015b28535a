"""Find the files of an archive: every file under the given paths, each once, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def discover_inputs(sources: Iterable[Path], exclude: Iterable[Path] = ()) -> Iterator[Path]:
    """Files named directly, and every file under named folders (hidden ones skipped).

    Unsupported files are yielded too: the batch quarantines them with a
    reason, so an archivist sees every file accounted for. ``exclude`` keeps
    an output folder inside the source tree from being ingested.
    """
    excluded = {Path(p).resolve() for p in exclude}
    seen: set[Path] = set()
    for source in sources:
        source = Path(source)
        if source.is_dir():
            candidates = _walk(source, excluded)
        else:
            candidates = iter([source])
        for path in candidates:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: Path, excluded: set[Path]) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (root_path / d).resolve() not in excluded)
        for name in sorted(files):
            if not name.startswith("."):
                yield root_path / name
