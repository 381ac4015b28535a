"""The temporary Prefect API an ingest starts for itself: it answers, it gets out of the way, it says why it failed."""

from __future__ import annotations

import socket
import sys
import urllib.request

import pytest

from khplan.pipeline.ingest import prefect_api as api_module
from khplan.pipeline.ingest.prefect_api import ApiStartError, TemporaryApi, prefect_api


def _health(api_url: str) -> int:
    with urllib.request.urlopen(f"{api_url}/health", timeout=5) as response:
        return response.status


@pytest.fixture
def isolated_home(tmp_path, monkeypatch):
    """The server's database goes to a throwaway Prefect home (no template: the first start migrates, which a
    loaded test machine may take minutes over)."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    monkeypatch.setenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
    (tmp_path / "prefect-home").mkdir()


def test_temporary_api_moves_off_a_port_taken_meanwhile_and_answers_until_stopped(isolated_home, monkeypatch):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    ports = iter([taken.getsockname()[1]])
    free_port = api_module._free_port
    monkeypatch.setattr(api_module, "_free_port", lambda: next(ports, None) or free_port())
    server = TemporaryApi()
    server.start()
    try:
        server.wait_ready()
        assert server.port != taken.getsockname()[1]
        assert _health(server.api_url) == 200
    finally:
        url = server.api_url
        server.stop()
        taken.close()
    with pytest.raises(OSError):
        _health(url)


def test_a_server_that_cannot_start_says_so(isolated_home, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")
    server = TemporaryApi()
    server.start()
    with pytest.raises(ApiStartError, match="exited with code 1"):
        server.wait_ready()
    server.stop()


def test_a_configured_server_is_used_and_none_started(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    started = []
    monkeypatch.setattr(TemporaryApi, "start", lambda self: started.append(self))
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        with prefect_api() as temporary:
            assert temporary is None
    assert started == []


def test_a_run_keeps_nothing_the_database_is_the_runs_own_and_private(isolated_home):
    first = TemporaryApi()
    first.start()
    first.wait_ready()
    workdir, template = first.workdir, api_module._template_path()
    assert workdir is not None and first.database.exists()
    assert oct(workdir.stat().st_mode & 0o777) == "0o700"
    assert template.exists() and oct(template.stat().st_mode & 0o777) == "0o600"  # empty and migrated
    first.stop()
    assert not workdir.exists()

    second = TemporaryApi()  # starts from the template: no migrations
    second.start()
    second.wait_ready()
    assert _health(second.api_url) == 200
    second.stop()


def test_the_server_dies_with_the_process_that_started_it(isolated_home, tmp_path):
    """kill -9 of an ingest left its temporary API running, reparented to init; now the kernel stops it."""
    import json
    import os
    import signal
    import subprocess
    import time

    script = (
        "import json, sys\n"
        "from khplan.pipeline.ingest.prefect_api import TemporaryApi\n"
        "server = TemporaryApi(); server.start(); server.wait_ready()\n"
        "print(json.dumps([server.process.pid, str(server.workdir)]), flush=True)\n"
        "import time; time.sleep(600)\n"
    )
    starter = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    server_pid, workdir = json.loads(starter.stdout.readline())
    os.kill(starter.pid, signal.SIGKILL)
    starter.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and api_module._alive(server_pid):
        time.sleep(0.1)
        try:
            os.waitpid(server_pid, os.WNOHANG)
        except ChildProcessError:
            pass
    assert not api_module._alive(server_pid) or open(f"/proc/{server_pid}/stat").read().split()[2] == "Z"
    api_module.clear_stale_servers()  # and the folder it left is cleared by the next start
    assert not os.path.exists(workdir)
