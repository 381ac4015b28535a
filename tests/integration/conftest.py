"""Fixtures of the ingest tests: archives of seed variants, an isolated Prefect, a throwaway PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def prefect_harness(prefect_server):
    """Flows run in-process, reporting to the session's throwaway Prefect server (as with PREFECT_API_URL set)."""
    from khplan.pipeline.ingest.prefect_settings import configure_prefect

    configure_prefect()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: prefect_server}):
        yield


def _postgres_bindir() -> Path | None:
    """The newest installed PostgreSQL's programs (Debian keeps them out of PATH)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if candidates:
        return candidates[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL cluster in a temporary folder, on a unix socket only, stopped at the end of the session.

    ``KHPLAN_TEST_POSTGRES_URL`` points at an existing server instead. Without
    PostgreSQL installed the tests skip, unless ``KHPLAN_REQUIRE_POSTGRES`` is
    set (``make test`` installs it and sets that): CI never skips them.
    """
    if url := os.environ.get("KHPLAN_TEST_POSTGRES_URL"):
        yield url
        return
    bindir = _postgres_bindir()
    if bindir is None:
        if os.environ.get("KHPLAN_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is not installed (Debian: postgresql); `make test` installs it")
        pytest.skip("PostgreSQL is not installed (Debian: postgresql)")
    root = Path(tempfile.mkdtemp(prefix="khplan-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to Debian's postgres user
        shutil.chown(root, "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    data = root / "data"

    def pg(*args: str | Path) -> None:
        subprocess.run([*as_owner, *map(str, args)], check=True, capture_output=True, timeout=120)

    pg(bindir / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync")
    pg(
        bindir / "pg_ctl",
        "-D",
        data,
        "-l",
        root / "server.log",
        "-w",
        "-t",
        "60",
        "-o",
        f"-k {root} -c listen_addresses='' -c fsync=off -c full_page_writes=off",
        "start",
    )
    try:
        yield f"postgresql://postgres@/postgres?host={root}"
    finally:
        pg(bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog_url(request, tmp_path) -> str:
    """A fresh, empty catalog database: a SQLite file, or a new database on the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'catalog.sqlite'}"
        return
    import psycopg

    server = request.getfixturevalue("postgres_server")
    name = f"khplan_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, query = server.partition("?")
    yield f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
