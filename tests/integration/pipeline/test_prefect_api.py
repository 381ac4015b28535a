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
    """The server's database goes to a throwaway Prefect home."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
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
