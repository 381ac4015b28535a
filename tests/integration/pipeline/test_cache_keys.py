"""The cache keys cover exactly the code that decides what they key.

Each check runs in a fresh interpreter, so ``sys.modules`` holds what the
call imported and nothing a test imported before.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from unit.pipeline.test_legacy_encodings import TCVN3_MOTTO, TCVN3_PLAN

from khplan.pipeline.cache_keys import READING_MODULES, RECORD_MODULES, module_file, source_fingerprint
from tools.synth.scans import render_scan, save_pages

SEED = Path(__file__).parents[2] / "fixtures" / "seeds" / "001_bc94cfae2ebd58ab.txt"

PROBE = """
import json, sys
from pathlib import Path
from khplan.pipeline.context import Options
call, paths = sys.argv[1], sys.argv[2:]
options = Options(jobs=1)
if call == "read":
    from khplan.pipeline.reading.document import read_document
    for path in paths:
        read_document(Path(path), options)
else:
    from khplan.pipeline.run import process_document
    for path in paths:
        process_document(Path(path), options)
print(json.dumps(sorted(name for name in sys.modules if name.startswith("khplan."))))
"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """One input of every kind a document is read from: text, TCVN3 text, Word, scanned PDF, image."""
    folder = tmp_path_factory.mktemp("inputs")
    text = SEED.read_text(encoding="utf-8")
    (folder / "plan.txt").write_text(text, encoding="utf-8")
    (folder / "tcvn3.txt").write_bytes(f"{TCVN3_MOTTO}\r\n{TCVN3_PLAN}\r\n".encode("latin-1"))
    word = docx.Document()
    for line in text.splitlines()[:40]:
        word.add_paragraph(line)
    word.save(folder / "plan.docx")
    header = "\n".join(text.splitlines()[:12]) + "\n"
    save_pages(render_scan(header, "clean"), folder / "scan.pdf")
    save_pages(render_scan(header, "clean"), folder / "scan.png")
    return sorted(folder.iterdir())


def _loaded(call: str, paths: list[Path]) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, call, *map(str, paths)], capture_output=True, text=True, timeout=600, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_reading_a_document_imports_only_what_the_page_cache_key_covers(inputs):
    loaded = _loaded("read", inputs)
    assert loaded - set(READING_MODULES) == set()
    assert "khplan.pipeline.reading.legacy_encodings" in loaded and "khplan.pipeline.reading.ocr" in loaded


def test_making_a_record_imports_only_what_the_record_key_covers(inputs):
    loaded = _loaded("record", [path for path in inputs if path.suffix != ".png" and path.name != "tcvn3.txt"])
    assert loaded - set(READING_MODULES + RECORD_MODULES) == set()
    assert "khplan.extractors.awards" in loaded and "khplan.diacritics.restorer" in loaded


def test_every_module_named_in_a_key_exists_and_none_twice():
    names = READING_MODULES + RECORD_MODULES
    assert len(set(names)) == len(names)
    for name in names:
        assert module_file(name).exists()


def test_a_changed_module_changes_the_fingerprint(tmp_path, monkeypatch):
    """The fingerprint reads the modules' bytes: an edit is a new key (checked on a copy, never the real file)."""
    import khplan.pipeline.cache_keys as keys

    copy = tmp_path / "legacy_encodings.py"
    shutil.copy(module_file("khplan.pipeline.reading.legacy_encodings"), copy)
    before = source_fingerprint(READING_MODULES)
    original = keys.module_file
    monkeypatch.setattr(keys, "module_file", lambda name: copy if name.endswith("legacy_encodings") else original(name))
    assert source_fingerprint(READING_MODULES) == before
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# a fix\n", encoding="utf-8")
    assert source_fingerprint(READING_MODULES) != before
