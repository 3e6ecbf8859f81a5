"""The server: :func:`serve` binds the socket itself (a port in use is a Dutch sentence), runs uvicorn in one
process or several workers (sharing the socket and its connections evenly, each ending with its supervisor), and reads
requests with time limits on headers and body (:class:`HeaderTimeoutProtocol`)."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import json
import os
import signal
import socket
import sys
import threading
import webbrowser
from typing import Any

from fastapi import FastAPI
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from ._app import create_app
from ._balanced_accept import (
    _CONNECTIONS_VARIABLE,
    PATIENCE_VARIABLE,
    BalancedAccept,
    ConnectionTable,
    balancing_loop,
)
from ._db import Database, WebError
from ._middleware import is_loopback
from ._settings import ServerSettings


def bound_socket(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a port in use is a Dutch sentence, not uvicorn's traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise WebError(
                f"poort {port} op {host} is al in gebruik, misschien door een Samenwerkwijzer die nog draait. "
                "Stop die, of kies een andere poort met --port"
            ) from None
        raise WebError(f"kan niet luisteren op {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def _listening_sockets(host: str, port: int, workers: int) -> list[socket.socket]:
    """The socket :func:`serve` hands uvicorn: bound here (:func:`bound_socket`), so that a port in use is
    refused with a Dutch sentence. With workers it is shared by all of them: they take turns to accept from
    it (:class:`BalancedAccept`)."""
    return [bound_socket(host, port)]


def freeze_start_up() -> None:
    """Move everything start-up made (modules, models, the compiled rules) out of the garbage collector's
    reach: a collection of the oldest generation then walks only what requests made, not the some hundred
    thousand objects of the application (pauses of tens of milliseconds under load before)."""
    gc.collect()
    gc.freeze()


def serve(
    database: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = True,
    workers: int = 1,
    hosting: ServerSettings | None = None,
) -> None:  # pragma: no cover - runs until stopped; tests start it as a process
    """Run the application until stopped; ``workers`` server processes share the port (and the database)."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    hosting = hosting or ServerSettings()
    hosting.check(host)
    db = Database(database)  # migrated here, once, before any worker starts
    require_login = not is_loopback(host)
    app = create_app(db, require_login=require_login, settings=hosting)
    # After the accounts and settings are checked (a missing account is said even when the port is in use);
    # a port in use is a Dutch sentence, not uvicorn's traceback. The workers share it (BalancedAccept).
    sockets = _listening_sockets(host, port, workers)
    scheme = "https" if hosting.tls_certificate else "http"
    url = hosting.public_url or f"{scheme}://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    print(f"Samenwerkwijzer draait op {url} (stoppen: Ctrl+C)", flush=True)
    options: dict[str, Any] = {
        "log_level": "warning",
        "proxy_headers": False,  # ProxyHeaders reads them, from the trusted proxies only
        "server_header": False,
        "http": HeaderTimeoutProtocol,
        # Longer than the pools of common clients keep an idle connection (httpx 5 s, aiohttp 15 s): the client
        # closes it first, so that it never sends a request on a connection the server is closing.
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "ssl_certfile": hosting.tls_certificate,
        "ssl_keyfile": hosting.tls_key,
    }
    if workers == 1:
        freeze_start_up()
        uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=sockets)
        return
    db.dispose()
    os.environ[_DATABASE_VARIABLE] = database
    os.environ[_LOGIN_VARIABLE] = "1" if require_login else "0"
    os.environ[_SETTINGS_VARIABLE] = json.dumps({"hosting": hosting.to_data(), "supervisor": os.getpid()})
    table = ConnectionTable.create(workers)
    os.environ[_CONNECTIONS_VARIABLE] = table.path
    loop = f"{__name__}:balancing_loop"  # a loop factory (uvicorn >= 0.36)
    config = uvicorn.Config(f"{__name__}:worker_app", factory=True, workers=workers, loop=loop, **options)
    try:
        Multiprocess(config, sockets=sockets).run()
    finally:
        table.close()
        with contextlib.suppress(OSError):
            os.unlink(table.path)


# How long an idle kept-alive connection stays open (seconds); see serve().
KEEP_ALIVE_SECONDS = 20

# How serve() hands its settings to the worker processes uvicorn starts.
_DATABASE_VARIABLE = "SAMENWERKWIJZER_WEB_DATABASE"
_LOGIN_VARIABLE = "SAMENWERKWIJZER_WEB_REQUIRE_LOGIN"
_SETTINGS_VARIABLE = "SAMENWERKWIJZER_WEB_SETTINGS"
HEADER_TIMEOUT_VARIABLE = "SAMENWERKWIJZER_HEADER_TIMEOUT"


def worker_app() -> FastAPI:
    """The application in a worker process of :func:`serve`. Logins are required unless the setting says
    exactly "0" (the loopback); the database address (it may hold a password) is taken out of the
    environment, so that the programs the worker starts (LibreOffice, Graphviz) do not inherit it.

    The worker ends with its supervisor: the kernel sends it SIGTERM when the supervisor dies, even by
    kill -9, so that no orphaned worker keeps serving the port."""
    settings = json.loads(os.environ.get(_SETTINGS_VARIABLE) or "{}")
    supervisor = settings.get("supervisor")
    if supervisor is not None:
        _die_with_parent(int(supervisor))
    database = os.environ.pop(_DATABASE_VARIABLE)
    given: dict[str, Any] = settings.get("hosting", {})
    hosting = ServerSettings.from_data(given)
    app = create_app(Database(database), require_login=os.environ.get(_LOGIN_VARIABLE) != "0", settings=hosting)
    freeze_start_up()
    return app


def _die_with_parent(supervisor: int) -> None:
    """SIGTERM to this process when its parent ends (Linux); and at once if it has ended already."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != supervisor:
        os.kill(os.getpid(), signal.SIGTERM)


class HeaderTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's HTTP protocol, with time limits on reading a request: a client that opens a connection and sends
    its headers a byte at a time (slowloris) is cut off after the header timeout, and one that sends its body a
    byte at a time after the body timeout (six times as long: a case file may come over a slow line)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None
        self._header_seconds = float(os.environ.get(HEADER_TIMEOUT_VARIABLE) or 10)
        self._body_seconds = 6 * self._header_seconds

    def _arm(self, seconds: float | None = None) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(seconds or self._header_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        self._arm(self._body_seconds)  # the body, if any, must come in time too
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


__all__ = [
    "HEADER_TIMEOUT_VARIABLE",
    "KEEP_ALIVE_SECONDS",
    "PATIENCE_VARIABLE",
    "BalancedAccept",
    "ConnectionTable",
    "HeaderTimeoutProtocol",
    "balancing_loop",
    "bound_socket",
    "freeze_start_up",
    "serve",
    "worker_app",
]
