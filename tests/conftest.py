"""Shared fixtures: the seed documents, scans rendered from them, an isolated Prefect."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"


@dataclass(frozen=True)
class Seed:
    """One development document: its inputs and its gold."""

    name: str
    input_text: str
    """The text as our users hold it: legacy OCR for 000/003, clean markdown for 001."""
    gold_text: str
    """Hand-restored text (for 001, the clean text itself)."""
    fields: dict


def _load_seed(prefix: str) -> Seed:
    (fields_path,) = SEEDS.glob(f"{prefix}_*.fields.json")
    stem = fields_path.name.removesuffix(".fields.json")
    gold = SEEDS / f"{stem}.gold.txt"
    ocr = SEEDS / f"{stem}.ocr.txt"
    clean = SEEDS / f"{stem}.txt"
    fields = json.loads(fields_path.read_text(encoding="utf-8"))
    fields.pop("notes", None)
    if gold.exists():
        return Seed(stem, ocr.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8"), fields)
    text = clean.read_text(encoding="utf-8")
    return Seed(stem, text, text, fields)


SEED_PREFIXES = ("000", "001", "003")


@pytest.fixture(scope="session", params=SEED_PREFIXES)
def seed(request) -> Seed:
    return _load_seed(request.param)


@pytest.fixture(scope="session")
def seeds() -> dict[str, Seed]:
    return {prefix: _load_seed(prefix) for prefix in SEED_PREFIXES}


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """Environment for ``khplan`` subprocesses: a throwaway Prefect home, nothing shared with the user's."""
    env = dict(os.environ)
    env["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    env["COLUMNS"] = "200"
    return env


@pytest.fixture(scope="session")
def prefect_api_server(tmp_path_factory):
    """One Prefect API for the test session (khplan's own temporary server, on a free loopback port, with a
    throwaway database): the flows of the integration tests and the ingests of the end-to-end ones report to it,
    instead of each starting one."""
    from khplan.pipeline.ingest.prefect_api import TemporaryApi

    home = tmp_path_factory.mktemp("prefect-server-home")
    previous = os.environ.get("PREFECT_HOME")
    os.environ["PREFECT_HOME"] = str(home)  # the server's home (its database template) is the session's own
    server = TemporaryApi()
    try:
        server.start()
    finally:
        if previous is None:
            del os.environ["PREFECT_HOME"]
        else:
            os.environ["PREFECT_HOME"] = previous
    server.wait_ready()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def prefect_server(prefect_api_server) -> str:
    """The session's Prefect API address."""
    return prefect_api_server.api_url


@dataclass(frozen=True)
class CliResult:
    """What a run of the command line printed and returned."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def khplan(cli_env):
    """Run the real ``khplan`` command line in a subprocess, as a user would (e2e tests)."""

    def run(*args: str | Path, stdin: str | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "khplan.pipeline", *map(str, args)],
            input=stdin,
            capture_output=True,
            text=True,
            env=cli_env,
            timeout=timeout,
        )

    return run


@pytest.fixture
def cli():
    """Run ``khplan``'s command line in this process (click's runner): what a command prints and exits with,
    without a new interpreter importing spaCy for every case."""
    from click.testing import CliRunner

    from khplan.pipeline.cli import main

    def run(*args: str | Path, stdin: str | None = None) -> CliResult:
        runner = CliRunner(env={"COLUMNS": "200"})
        result = runner.invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run
