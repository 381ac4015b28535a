"""Who may use the review app, and what its pages may do.

- On loopback (the default) only requests addressed to the app's own
  loopback names are served: a page elsewhere that points a DNS name at
  127.0.0.1 (DNS rebinding) is refused by its Host header.
- On any other address a token is required, printed when the app starts:
  given once in the address (``?token=…``) it becomes a cookie the browser
  sends only to this app (HttpOnly, SameSite=Strict).
- Every write must come from the app's own pages: the browser's ``Origin``
  (or, without one, ``Sec-Fetch-Site: same-origin``) must match, and the body
  must be JSON, which no cross-site form can send.
- Every response forbids scripts, styles and frames from anywhere but the
  app itself, and the browser from guessing content types.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

TOKEN_COOKIE = "khplan_review_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Guard:
    """The checks every request passes, as one HTTP middleware."""

    allowed_hosts: frozenset[str] | None
    """``Host`` header values served (host:port); None to serve any (then a token guards the app)."""
    token: str | None

    @classmethod
    def for_address(cls, host: str, port: int, token: str | None) -> Guard:
        if is_loopback(host):
            names = {host, "127.0.0.1", "localhost", "[::1]"}
            return cls(frozenset(f"{name}:{port}" for name in names), token)
        return cls(None, token)

    async def __call__(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await self._check(request) or await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    async def _check(self, request: Request) -> Response | None:
        host = request.headers.get("host", "")
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            return PlainTextResponse("khplan review: unknown host name\n", status_code=421)
        if self.token is not None:
            given = request.query_params.get("token")
            if given is not None and secrets.compare_digest(given, self.token) and request.method in SAFE_METHODS:
                # remember it in a cookie and drop it from the address bar (and from the history)
                rest = {k: v for k, v in request.query_params.items() if k != "token"}
                target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
                redirect = RedirectResponse(target, status_code=303)
                redirect.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict", path="/")
                return redirect
            cookie = request.cookies.get(TOKEN_COOKIE, "")
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
            if not (secrets.compare_digest(cookie, self.token) or secrets.compare_digest(bearer, self.token)):
                return PlainTextResponse(
                    "khplan review: open the address with the token printed when the app started\n", status_code=401
                )
        if request.method not in SAFE_METHODS:
            return self._check_write(request, host)
        return None

    @staticmethod
    def _check_write(request: Request, host: str) -> Response | None:
        origin = request.headers.get("origin")
        if origin is not None:
            if origin not in (f"http://{host}", f"https://{host}"):
                return JSONResponse({"error": "refused: the request comes from another site"}, status_code=403)
        elif request.headers.get("sec-fetch-site") != "same-origin":
            return JSONResponse({"error": "refused: a write must come from the review page"}, status_code=403)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "refused: a write sends JSON"}, status_code=415)
        return None
