"""What the ingest's cache keys change with, and what they ignore."""

from __future__ import annotations

import shutil

from khplan.diacritics.model import model_path
from khplan.pipeline.cache_keys import READING_MODULES, RECORD_MODULES, reading_key, record_key
from khplan.pipeline.context import Options


def test_tooling_is_in_neither_key():
    assert not [name for name in READING_MODULES + RECORD_MODULES if name.startswith("tools")]


def test_the_options_that_change_the_pages_change_both_keys():
    base = Options(jobs=1)
    for changed in (
        Options(jobs=1, lang="vie+eng"),
        Options(jobs=1, preprocess=("normalise",)),
        Options(jobs=1, dpi=200),
        Options(jobs=1, ocr_engine="fakes.engines:RecordingEngine"),
    ):
        assert reading_key(changed) != reading_key(base)
        assert record_key(changed) != record_key(base)


def test_the_restore_mode_changes_the_record_key_only():
    base, never = Options(jobs=1), Options(jobs=1, restore="never")
    assert reading_key(never) == reading_key(base)
    assert record_key(never) != record_key(base)


def test_options_that_change_no_output_change_no_key():
    assert record_key(Options(jobs=1)) == record_key(Options(jobs=2, page_timeout=10.0))


def test_keys_fit_the_catalog_column():
    assert len(record_key(Options())) <= 64 and len(reading_key(Options())) <= 64


def test_another_model_is_another_record_key(tmp_path, monkeypatch):
    copy = tmp_path / "model.npz"
    shutil.copy(model_path(), copy)
    shipped = record_key(Options())
    monkeypatch.setenv("KHPLAN_RESTORER_MODEL", str(copy))
    assert record_key(Options()) == shipped  # same bytes, another path: same model
    with open(copy, "ab") as handle:
        handle.write(b"\0")
    assert record_key(Options()) != shipped
