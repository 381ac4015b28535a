"""The record contract: committed schema in step with the models; gold records valid."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from khplan.schemas import PlanRecord
from khplan.schemas.export import SCHEMA_FILE, render_schema


def test_committed_schema_matches_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), "run `make schema` and commit the result"


def _as_gold(value, gold):
    """``value`` with only the keys ``gold`` has (fields added to the contract since the gold was written)."""
    if isinstance(gold, dict):
        return {k: _as_gold(value[k], g) for k, g in gold.items()}
    if isinstance(gold, list):
        return [_as_gold(v, g) for v, g in zip(value, gold, strict=True)]
    return value


def test_gold_records_validate(seed):
    record = PlanRecord.model_validate(seed.fields)
    gold = {k: v for k, v in seed.fields.items() if k not in {"provenance", "warnings"}}
    assert _as_gold(record.model_dump(mode="json"), gold) == gold


def test_the_schema_requires_what_every_record_has():
    """``{}`` used to validate against the published schema: it must not."""
    import json

    import jsonschema

    schema = json.loads(render_schema())
    with pytest.raises(jsonschema.ValidationError, match="'schema_version' is a required property"):
        jsonschema.validate({}, schema)
    for field in ("schema_version", "provenance", "warnings", "awards", "deadlines", "legal_bases"):
        assert field in schema["required"]
    assert "issuer_successor" not in schema["required"]  # left out when unknown
    assert schema["$defs"]["ReviewWarning"]["properties"]["code"]["$ref"] == "#/$defs/WarningCode"
    jsonschema.validate(json.loads(PlanRecord().model_dump_json()), schema)


def test_a_warning_code_outside_the_list_is_refused():
    with pytest.raises(ValidationError, match="code"):
        PlanRecord.model_validate({"warnings": [{"code": "something_odd", "message": "?"}]})


def test_every_warning_code_the_extractors_use_is_in_the_list():
    import re
    from pathlib import Path

    import khplan.extractors
    from khplan.schemas.plan import WarningCode

    used = set()
    for path in Path(khplan.extractors.__file__).parent.glob("*.py"):
        used |= set(re.findall(r"\bwarn\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert used and used <= {code.value for code in WarningCode}, used - {code.value for code in WarningCode}


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


def test_every_record_khplan_writes_validates_against_the_published_schema(seed, tmp_path):
    import json

    import jsonschema

    from khplan.pipeline.context import Options
    from khplan.pipeline.run import process_document

    source = tmp_path / f"{seed.name}.txt"
    source.write_text(seed.input_text, encoding="utf-8")
    record = process_document(source, Options(jobs=1)).record
    jsonschema.validate(json.loads(record.model_dump_json()), json.loads(render_schema()))
