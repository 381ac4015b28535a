"""Scan → OCR → restore → extract, for real: gold text rendered as a 300 dpi scan, read by Tesseract."""

from __future__ import annotations

import json

import pytest

from tools.synth.scans import render_scan, save_pages

pytestmark = pytest.mark.slow

HEADER_FIELDS = ("doc_type", "number", "issue_date", "place", "title")


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_header_fields_of_a_scanned_plan(prefix, seeds, tmp_path, khplan):
    seed = seeds[prefix]
    scan = save_pages(render_scan(seed.gold_text, "fair", seed=int(prefix)), tmp_path / f"{prefix}.pdf")

    result = khplan("extract", scan, "--json")

    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert {field: record[field] for field in HEADER_FIELDS} == {field: seed.fields[field] for field in HEADER_FIELDS}
    assert record["issuer"] == seed.fields["issuer"]
    assert record["provenance"]["method"] == "ocr"
    assert record["provenance"]["pages"] >= 2
