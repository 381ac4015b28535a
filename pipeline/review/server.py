"""``khplan review``: the app on one address, loopback unless told otherwise, until Ctrl+C.

The socket is bound before anything is printed, so the address shown (with
the port the system chose for ``--port 0``) is the one that answers.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Callable
from pathlib import Path

import uvicorn

from khplan.pipeline.review.app import ReviewConfig, create_app
from khplan.pipeline.review.security import Guard, is_loopback, new_token


def default_reviewer() -> str:
    """Who is correcting: the operating system's user name."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (a container without /etc/passwd entry)
        return "unknown"


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def serve(
    out: Path,
    host: str,
    port: int,
    *,
    reviewer: str,
    catalog_url: str | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the review of ``out`` until interrupted; away from loopback, only to holders of a new token."""
    token = None if is_loopback(host) else new_token()
    sock = bind(host, port)
    port = sock.getsockname()[1]
    guard = Guard.for_address(host, port, token)
    app = create_app(ReviewConfig(Path(out), reviewer, catalog_url), guard)
    shown = f"[{host.strip('[]')}]" if ":" in host.strip("[]") else host
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    announce(f"khplan review: {address} (reviewing as {reviewer}; Ctrl+C to stop)")
    if token:
        announce("khplan review: not on loopback: the token in that address is required; keep it to yourself")
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
