"""Find the files of an archive: every file under the given paths, each once, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path


def discover_inputs(sources: Iterable[Path], skip: Callable[[Path], bool] = lambda path: False) -> Iterator[Path]:
    """Files named directly, and every file under named folders (hidden ones skipped).

    Unsupported files are yielded too: the batch quarantines them with a
    reason, so an archivist sees every file accounted for. ``skip`` leaves
    out paths that are not inputs (the ingest's own output folder, when it
    lies inside a source). Paths are told apart by where they really lead
    (``os.path.realpath``, which stops at a symlink loop instead of raising):
    a loop is yielded like any file, and triage says what it is.
    """
    seen: set[str] = set()
    for source in sources:
        source = Path(source)
        candidates = _walk(source, skip) if source.is_dir() else iter([source])
        for path in candidates:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: Path, skip: Callable[[Path], bool]) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):  # symlinked folders are not followed: no loop through them
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not skip(root_path / d))
        for name in sorted(files):
            if not name.startswith(".") and not skip(root_path / name):
                yield root_path / name
