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
import ctypes
import importlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

from khplan.pipeline.ingest.prefect_settings import default_prefect_home


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


WORKDIR_PREFIX = "khplan-prefect-"
"""Each temporary server keeps its database in its own folder, removed when the server stops."""
TEMPLATE_NAME = "khplan-api-template-{version}.db"
"""An empty, migrated Prefect database, kept in Prefect's home: copying it spares each run the migrations."""


class TemporaryApi:
    """A Prefect server on a free loopback port for the length of one ingest, with a database of its own.

    Nothing of a run is kept: the database lives in a private temporary folder
    (mode 0700) removed when the server stops, and is a copy of an empty,
    migrated template (made from the first server's database, before any run),
    so the server boots without running Prefect's migrations. The server dies
    with the process that started it (``PR_SET_PDEATHSIG``), even under
    ``kill -9``; folders and servers left by an older run killed before this
    existed are cleared when the next one starts.
    """

    def __init__(self, attempts: int = 3) -> None:
        self.attempts = attempts
        self.port = 0
        self.process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()
        self._ready = False
        self.workdir: Path | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @property
    def database(self) -> Path:
        """The run's own Prefect database (removed with the server)."""
        assert self.workdir is not None, "start() first"
        return self.workdir / "prefect.db"

    def start(self) -> None:
        """Launch the server and return at once; :meth:`wait_ready` waits for it."""
        self.port = _free_port()
        spec = find_spec("prefect")  # found, not imported
        if spec is None or spec.origin is None:
            raise ApiStartError("Prefect is not installed")
        prefect_dir = Path(spec.origin).parent
        if self.workdir is None:
            clear_stale_servers()
            self.workdir = Path(tempfile.mkdtemp(prefix=WORKDIR_PREFIX))  # 0700
            (self.workdir / "owner.pid").write_text(str(os.getpid()))
            template = _template_path()
            if template.exists():
                shutil.copyfile(template, self.database)
                self.database.chmod(0o600)
        environment = {
            **os.environ,
            **_SERVER_ENVIRONMENT,
            "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{self.database}",
        }
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
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            preexec_fn=_die_with_parent,
        )
        (self.workdir / "server.pid").write_text(str(self.process.pid))

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
        _save_template(self.database)

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
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, between fork and exec
    """Ask Linux to stop the server when the process that started it dies (``PR_SET_PDEATHSIG``)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass  # not Linux: clear_stale_servers() cleans up after a killed run instead


PR_SET_PDEATHSIG = 1


def _template_path() -> Path:
    from importlib.metadata import version

    home = Path(os.environ.get("PREFECT_HOME") or default_prefect_home()).expanduser()
    return home / TEMPLATE_NAME.format(version=version("prefect"))


def _save_template(database: Path) -> None:
    """Keep the freshly migrated, still empty database as the template for the next servers."""
    template = _template_path()
    if template.exists() or not database.exists():
        return
    template.parent.mkdir(parents=True, exist_ok=True)
    partial = template.with_name(f".khplan-tmp.{template.name}.{os.getpid()}")
    try:
        with sqlite3.connect(database) as source, sqlite3.connect(partial) as copy:
            source.backup(copy)  # consistent while the server holds the file open
        partial.chmod(0o600)
        os.replace(partial, template)
    except (sqlite3.Error, OSError):
        partial.unlink(missing_ok=True)  # no template: the next server migrates, as this one did


def clear_stale_servers() -> None:
    """Remove the folders, and stop the servers, that runs killed before they could clean up left behind."""
    for workdir in Path(tempfile.gettempdir()).glob(f"{WORKDIR_PREFIX}*"):
        try:
            owner = int((workdir / "owner.pid").read_text())
        except (OSError, ValueError):
            continue  # not finished starting, or not ours
        if _alive(owner):
            continue
        try:
            server = int((workdir / "server.pid").read_text())
            if _alive(server) and b"prefect.server.api.server" in Path(f"/proc/{server}/cmdline").read_bytes():
                os.kill(server, signal.SIGTERM)
        except (OSError, ValueError):
            pass
        shutil.rmtree(workdir, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_TEMPORARY_API_SETTINGS = {"flows.heartbeat_frequency": None, "client.csrf_support_enabled": False, "ui_url": ""}
"""No flow-run heartbeats to a server that lives as long as the run: they would tell no one of a crash,
and the flow's end waits up to a second for the heartbeat thread to notice it should stop. No CSRF
token either: the temporary server does not protect against CSRF (Prefect's default), and the client
would first ask for one and be refused. No UI address: the temporary server has no UI, and is gone once the
ingest ends, so Prefect's "View at …" link would lead nowhere."""


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
