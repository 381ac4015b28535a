"""The record contract: committed schema in step with the models; gold records valid."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from khplan.schemas import PlanRecord
from khplan.schemas.export import SCHEMA_FILE, render_schema


def test_committed_schema_matches_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), "run `make schema` and commit the result"


def test_gold_records_validate(seed):
    record = PlanRecord.model_validate(seed.fields)
    assert record.model_dump(mode="json", exclude={"provenance", "warnings"}) == {
        k: v for k, v in seed.fields.items() if k not in {"provenance", "warnings"}
    }


def test_number_loses_inner_spaces_and_text_is_nfc():
    record = PlanRecord(number="69 /KH-UBND", title="Pha\u0301t \n đô\u0323ng")
    assert record.number == "69/KH-UBND"
    assert record.title == "Phát động"


def test_unknown_field_is_rejected():
    with pytest.raises(ValidationError, match="extra_field"):
        PlanRecord.model_validate({"extra_field": 1})


def test_bad_month_day_is_rejected():
    with pytest.raises(ValidationError, match="month_day"):
        PlanRecord.model_validate({"deadlines": [{"kind": "submission", "month_day": "1-31"}]})
