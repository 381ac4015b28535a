"""The Prefect API an ingest reports to: the server the user configured, else a temporary one, started first.

Prefect's own ephemeral mode starts its temporary server when the first flow
runs: it imports the whole server application in the calling process (over
3 s here) only to launch a subprocess that imports it again, and the flow
waits for both. :class:`TemporaryApi` launches the same server (Prefect's
``create_app`` under uvicorn, UI off, as ephemeral mode does) as the very
first thing an ingest does, from the standard library alone, so its start-up
runs while khplan and Prefect's client import and the worker processes load
their models. The flow only waits for whatever start-up is left.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path


def _startup_timeout() -> float:
    """Prefect's own limit for its temporary server (:mod:`pipeline.prefect_settings` sets it)."""
    return float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"))


_SERVER_ENVIRONMENT = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
"""What Prefect's ephemeral mode sets for its server: no UI, the services of an ephemeral server only."""


class ApiStartError(RuntimeError):
    """The temporary server did not start; the message carries what it printed."""


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryApi:
    """A Prefect server on a free loopback port for the length of one ingest."""

    def __init__(self, attempts: int = 3) -> None:
        self.attempts = attempts
        self.port = 0
        self.process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()
        self._ready = False

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> None:
        """Launch the server and return at once; :meth:`wait_ready` waits for it."""
        self.port = _free_port()
        spec = find_spec("prefect")  # found, not imported
        if spec is None or spec.origin is None:
            raise ApiStartError("Prefect is not installed")
        prefect_dir = Path(spec.origin).parent
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--app-dir",
                str(prefect_dir.parent),
                "--factory",
                "prefect.server.api.server:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "error",
                "--lifespan",
                "on",
            ],
            env={**os.environ, **_SERVER_ENVIRONMENT},
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )

    def wait_ready(self) -> None:
        """Block until the server answers its health check; a lost port race starts it again elsewhere."""
        timeout = _startup_timeout()
        deadline = time.monotonic() + timeout
        attempts = self.attempts
        while not self._ready:
            assert self.process is not None, "start() first"
            if self.process.poll() is not None:
                attempts -= 1
                if attempts <= 0 or b"address already in use" not in self._output().lower():
                    raise ApiStartError(
                        f"the temporary Prefect API exited with code {self.process.returncode}: "
                        f"{self._output().decode(errors='replace').strip()[-2000:]}"
                    )
                self.start()
            elif time.monotonic() > deadline:
                self.stop()
                raise ApiStartError(f"the temporary Prefect API did not answer within {timeout:g} s")
            self._ready = self._healthy()
            if not self._ready:
                time.sleep(0.05)

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def _output(self) -> bytes:
        self._log.seek(0)
        return self._log.read()

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        self._ready = False
        self._log.close()


_TEMPORARY_API_SETTINGS = {"flows.heartbeat_frequency": None, "client.csrf_support_enabled": False}
"""No flow-run heartbeats to a server that lives as long as the run: they would tell no one of a crash,
and the flow's end waits up to a second for the heartbeat thread to notice it should stop. No CSRF
token either: the temporary server does not protect against CSRF (Prefect's default), and the client
would first ask for one and be refused."""


def _wait_for(server: TemporaryApi) -> None:
    """Wait for the server, doing meanwhile what the flow's first call would do after it answers.

    That is importing FastAPI's JSON encoder (Prefect serialises a flow's
    parameters with it): half a second that would otherwise follow the wait.
    """
    importlib.import_module("fastapi.encoders")

    server.wait_ready()


_current: list[TemporaryApi] = []
"""The temporary API of the ingest running in this process, if it started one."""


def _configured_api_url() -> str | None:
    """The server the user (or a test harness) set; before Prefect is imported, only the environment can say."""
    if "prefect.settings" in sys.modules:
        from prefect.settings import PREFECT_API_URL

        return PREFECT_API_URL.value() or None
    return os.environ.get("PREFECT_API_URL") or None


@contextlib.contextmanager
def prefect_api(wait: bool = True) -> Iterator[str | None]:
    """Flows inside report to the configured Prefect server, else to a temporary one started now.

    Enter it with ``wait=False`` before importing the flows: the server boots
    while the caller imports; a nested ``prefect_api()`` around the flow
    shares that server and waits for what is left of its start-up. Dask
    workers get its address through Prefect's settings, so a cluster's
    workers all report to it instead of each starting a temporary API.
    Yields the temporary server's API address, None for a configured server.
    """
    if _current:
        if wait:
            _wait_for(_current[-1])
        yield _current[-1].api_url
        return
    server = None if _configured_api_url() else TemporaryApi()
    if server is not None:
        server.start()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if server is not None and PREFECT_API_URL.value():  # a Prefect profile names a server: use that one
        server.stop()
        server = None
    if server is None:
        yield None
        return
    _current.append(server)
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url, **_TEMPORARY_API_SETTINGS}):
            if wait:
                _wait_for(server)
            yield server.api_url
            _deliver_pending_reports()
    finally:
        _current.pop()
        server.stop()


def _deliver_pending_reports(timeout: float = 5.0) -> None:
    """Send the logs and events Prefect still holds to the server before it stops (as Prefect's test harness does)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout)
