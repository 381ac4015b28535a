"""Write the committed JSON Schema of the plan record: ``python -m khplan.schemas.export``.

The committed file lets downstream tools pin the contract without installing
khplan; ``tests/unit/schemas/test_schema.py`` fails when it drifts from the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from khplan.schemas.plan import SCHEMA_VERSION, PlanRecord

SCHEMA_FILE = Path(__file__).with_name("plan_record.schema.json")


def plan_record_schema() -> dict:
    """The JSON Schema of :class:`PlanRecord`, with its identity filled in."""
    schema = PlanRecord.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://khplan.org/schemas/plan-record/{SCHEMA_VERSION}.json"
    return schema


def render_schema() -> str:
    return json.dumps(plan_record_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_FILE.write_text(render_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
