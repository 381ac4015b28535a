"""A plain ``pip install`` of khplan works: one ``khplan`` package, the model inside it, the command on PATH.

The wheel is built from this tree and installed (without dependencies) into a
fresh virtualenv whose dependencies come from the development environment's
site-packages (added as a plain path: its ``.pth`` files, the editable
install's finder among them, are not processed). The command then runs from
a folder outside the source tree, so nothing can be imported from it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "data" / "samples" / "quang-ninh-40-KH-UBND-2024.legacy-ocr.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("khplan-*.whl")
    return built


def test_the_wheel_holds_one_package_and_the_model_and_no_tooling(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.startswith("khplan-")}
    assert top_level == {"khplan"}
    assert any(name.startswith("khplan/data/models/") and name.endswith(".npz") for name in names)
    assert "khplan/schemas/plan_record.schema.json" in names
    assert not any(part in name for name in names for part in ("tools/", "tests/", "samples/"))


def test_installed_khplan_extracts_a_sample_outside_the_source_tree(wheel, tmp_path, cli_env):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    with zipfile.ZipFile(wheel) as archive:  # what pip does with a pure-Python wheel, minus the network
        archive.extractall(site)
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    entry = env_dir / "bin" / "khplan"
    entry.write_text(f"#!{python}\nimport sys\nfrom khplan.pipeline.cli import main\nsys.exit(main())\n")
    entry.chmod(0o755)
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()

    result = subprocess.run(
        [str(entry), "extract", str(SAMPLE), "--json"],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={**cli_env, "PYTHONPATH": ""},
        timeout=600,
    )

    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["number"] == "40/KH-UBND"
    assert record["issuer"]["province"] == "Quảng Ninh"
    where = subprocess.run(
        [str(python), "-c", "import khplan.diacritics.model as m; print(m.model_path())"],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
        check=True,
    ).stdout.strip()
    assert where.startswith(str(site)) and Path(where).exists()
