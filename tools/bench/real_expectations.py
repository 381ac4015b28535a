"""Record which header fields khplan gets right today on each development document: the regression net's baseline.

``python -m tools.bench.real_expectations`` writes
``tests/fixtures/real/dev_expected.json`` — for each document of
``tests/fixtures/real/dev``, the header fields extracted right from the text
as published (compared as :func:`tools.bench.real.same` compares them).
``tests/unit/test_real_regressions.py`` fails when one of them goes wrong.
Rerun it after a change that gets more fields right, and commit the file:
it records what works, it is not a target to tune on, and it never names
the held-back part.
"""

from __future__ import annotations

import json
import sys

from tools.bench.real import HEADER, REAL, load, pages_of, record_of, same, value_at

EXPECTED = REAL / "dev_expected.json"


def right_fields(text: str, gold: dict) -> list[str]:
    """The header fields of the record of ``text`` that match ``gold``."""
    record = record_of(pages_of("text", text))
    return [path for path in HEADER if same(path, value_at(record, path), value_at(gold, path))]


def main() -> int:
    expected = {doc.id: right_fields(doc.text, doc.gold) for doc in load(["dev"])}
    EXPECTED.write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    total = sum(len(fields) for fields in expected.values())
    print(f"{EXPECTED}: {total} of {len(expected) * len(HEADER)} header fields right on {len(expected)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
