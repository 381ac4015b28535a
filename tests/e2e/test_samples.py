"""The bundled samples `make demo` ingests still produce their records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


def test_demo_samples_ingest_to_three_records(tmp_path, own_api_env):
    """As ``make demo`` runs it: no Prefect server configured, so the ingest starts its temporary API."""
    result = subprocess.run(
        [sys.executable, "-m", "khplan.pipeline", "ingest", str(SAMPLES), "--out", str(tmp_path), "-v"],
        capture_output=True,
        text=True,
        env=own_api_env,
        timeout=600,
    )

    assert result.returncode == 0, result.stderr
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "records").glob("*.json")]
    assert sorted((r["number"], r["issuer"]["province"]) for r in records) == [
        ("40/KH-UBND", "Quảng Ninh"),
        ("44/KH-UBND", "Sóc Trăng"),
        ("69/KH-UBND", "Bình Định"),
    ]
    assert not (tmp_path / "quarantine.jsonl").exists()
    assert "View at" not in result.stderr  # no link to a temporary Prefect API that is gone once the ingest ends
    assert "restoring diacritics, legacy channel" in result.stderr  # -v says what was decided
    assert not list(tmp_path.glob(".khplan-tmp.*"))
