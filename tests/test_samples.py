"""The bundled samples `make demo` ingests still produce their records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).parents[1] / "data" / "samples"


def test_demo_samples_ingest_to_three_records(tmp_path, khplan):
    result = khplan("ingest", SAMPLES, "--out", tmp_path)

    assert result.returncode == 0, result.stderr
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "records").glob("*.json")]
    assert sorted((r["number"], r["issuer"]["province"]) for r in records) == [
        ("40/KH-UBND", "Quảng Ninh"),
        ("44/KH-UBND", "Sóc Trăng"),
        ("69/KH-UBND", "Bình Định"),
    ]
    assert not (tmp_path / "quarantine.jsonl").exists()
