"""A ``process_document`` that misbehaves on cue, for the ingest flow's failure paths.

The file name says what happens: ``crash-once`` kills the worker process on
the first attempt (a transient failure), ``hang`` never finishes, ``bug``
raises an unexpected error every time, ``reject-once`` is not a plan the
first time only. Every attempt is counted in a hidden file next to the input
(discovery skips hidden files), so a test can tell how often it was tried.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from khplan.pipeline.errors import NotAPlanError
from khplan.pipeline.run import DocumentResult, process_document


def attempts_file(source: Path) -> Path:
    return source.parent / f".{source.name}.attempts"


def attempts(source: Path) -> int:
    try:
        return len(attempts_file(source).read_text().splitlines())
    except FileNotFoundError:
        return 0


def unreliable_process(source: Path, options, engine=None, sha256=None, pages=None) -> DocumentResult:
    with open(attempts_file(source), "a") as log:
        log.write(f"{os.getpid()} pages={'cached' if pages is not None else 'read'}\n")
    name = source.name
    if "crash-once" in name and attempts(source) == 1:
        os._exit(9)  # the worker dies as if the OOM killer took it
    if "hang" in name:
        time.sleep(3600)
    if "bug" in name:
        raise ValueError("an extractor bug")
    if "reject-once" in name and attempts(source) == 1:
        raise NotAPlanError(source, "not a plan, this time")
    return process_document(source, options, engine, sha256, pages)
