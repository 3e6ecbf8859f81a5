"""The balanced accept of ``serve --workers``: the workers share one listening socket and a small table of
their open connections; a worker accepts while it holds no more than its share, so connections spread evenly
over the workers (a hash of addresses, ``SO_REUSEPORT``, split twenty connections 12/8 or worse). Split out of
``_server.py``."""

from __future__ import annotations

import asyncio
import fcntl
import functools
import mmap
import os
import select
import socket
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["PATIENCE_VARIABLE", "BalancedAccept", "ConnectionTable", "balancing_loop"]

_CONNECTIONS_VARIABLE = "SAMENWERKWIJZER_WEB_CONNECTIONS"  # the path of the workers' ConnectionTable
# Seconds a worker holding more than its share waits with a connection pending before it takes it anyway
# (BalancedAccept.PATIENCE unless set; the tests set it long, so that a loaded machine cannot tip the split).
PATIENCE_VARIABLE = "SAMENWERKWIJZER_ACCEPT_PATIENCE"


class ConnectionTable:
    """How many connections each worker of :func:`serve` holds open: a small file mapped into the memory of
    every worker (``/dev/shm``), one slot per worker of two 64-bit integers, its process id and its count.
    A worker writes only its own count; reading the others' needs no lock (aligned 8-byte words). Slots are
    claimed under a file lock, and the slot of a worker that has ended is taken over by its replacement."""

    SLOT_WORDS = 2

    def __init__(self, path: str) -> None:
        self.path = path
        fd = os.open(path, os.O_RDWR)
        try:
            size = os.fstat(fd).st_size
            self._map = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        self._cells = memoryview(self._map).cast("q")
        self.slots = size // (8 * self.SLOT_WORDS)
        self.mine = -1

    @staticmethod
    def path_of(pid: int) -> str | None:
        """The table the process ``pid`` was started with (its environment), if it is a worker (Linux)."""
        try:
            environment = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            return None
        prefix = f"{_CONNECTIONS_VARIABLE}=".encode()
        return next((e[len(prefix) :].decode() for e in environment if e.startswith(prefix)), None)

    @classmethod
    def create(cls, workers: int, folder: str | None = None) -> ConnectionTable:
        """A new table with room for ``workers`` workers and as many replacements (made before the workers)."""
        if folder is None and os.path.isdir("/dev/shm"):
            folder = "/dev/shm"
        fd, path = tempfile.mkstemp(prefix="samenwerkwijzer-connections-", dir=folder)
        try:
            os.ftruncate(fd, 2 * workers * 8 * cls.SLOT_WORDS)
        finally:
            os.close(fd)
        return cls(path)

    def claim(self) -> bool:
        """Take a free slot (or the slot of a worker that has ended) for this process, its count 0."""
        pid = os.getpid()
        with open(self.path, "rb") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            for slot in range(self.slots):
                holder = self._cells[slot * self.SLOT_WORDS]
                if holder in (0, pid) or not _alive(holder):
                    self._cells[slot * self.SLOT_WORDS + 1] = 0
                    self._cells[slot * self.SLOT_WORDS] = pid
                    self.mine = slot
                    return True
        return False

    def release(self) -> None:
        """Give this process's slot back (a worker that stops)."""
        if self.mine >= 0:
            self._cells[self.mine * self.SLOT_WORDS + 1] = 0
            self._cells[self.mine * self.SLOT_WORDS] = 0
            self.mine = -1

    def forget_ended(self) -> None:
        """Free the slots of workers that have ended (their counts would hold the others back)."""
        for slot in range(self.slots):
            holder = self._cells[slot * self.SLOT_WORDS]
            if holder and slot != self.mine and not _alive(holder):
                self._cells[slot * self.SLOT_WORDS] = 0

    def opened(self) -> None:
        self._cells[self.mine * self.SLOT_WORDS + 1] += 1

    def closed(self) -> None:
        self._cells[self.mine * self.SLOT_WORDS + 1] -= 1

    def counts(self) -> dict[int, int]:
        """The open connections of every worker holding a slot, by process id."""
        cells = self._cells
        return {
            cells[s * self.SLOT_WORDS]: cells[s * self.SLOT_WORDS + 1]
            for s in range(self.slots)
            if cells[s * self.SLOT_WORDS]
        }

    def may_accept(self, waiting: int = 0) -> bool:
        """Whether this worker may take the next connection. With ``waiting`` connections known to wait, while
        it holds fewer than its share of all (open and waiting, spread evenly, rounded up): each worker then
        takes its share at once, without waiting for the others' turns. Otherwise while it holds no more
        connections than any other."""
        cells, words, mine = self._cells, self.SLOT_WORDS, self.mine
        if mine < 0:
            return True
        held = cells[mine * words + 1]
        others = [cells[slot * words + 1] for slot in range(self.slots) if slot != mine and cells[slot * words]]
        if waiting > 0 and others:
            total = held + sum(others) + waiting
            return held < -(-total // (len(others) + 1))
        return all(held <= count for count in others)

    def close(self) -> None:
        self._cells.release()
        self._map.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's process has the number now
        return False
    return True


class BalancedAccept:
    """A worker's accepting on the listening socket all workers share, in place of the server asyncio (or
    uvloop) makes for it: one connection at a time, and only while this worker holds fewer than its share of
    the open and waiting connections (Linux tells how many wait), or, when that is not known, no more than any
    other (:class:`ConnectionTable`); otherwise it stops reading the socket and looks again every few
    milliseconds, so that the other takes the next. Twenty persistent connections so split ten and ten;
    the kernel's hash of ``SO_REUSEPORT`` gave twelve and eight or worse, and a shared socket read by every
    worker's loop gave most of them to whichever woke first (asyncio accepts every waiting connection at
    once). A worker left waiting ``PATIENCE`` seconds with a connection pending takes it anyway (the
    other may be busy, stuck or gone). Offers what uvicorn uses of a server: ``close`` and ``wait_closed``."""

    POLL = 0.005
    PATIENCE = 0.5

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        sock: socket.socket,
        protocol_factory: Callable[[], asyncio.BaseProtocol],
        table: ConnectionTable,
        ssl: Any = None,
    ) -> None:
        self._loop = loop
        self._sock = sock
        self._factory = protocol_factory
        self._table = table
        self._ssl = ssl
        self._reading = False
        self._closed = False
        self._timer: asyncio.TimerHandle | None = None
        self._waiting_since = 0.0
        self._patience = float(os.environ.get(PATIENCE_VARIABLE) or self.PATIENCE)
        sock.setblocking(False)
        self._read()

    def _read(self) -> None:
        self._reading = True
        self._loop.add_reader(self._sock.fileno(), self._ready)

    def _ready(self) -> None:
        # As many as this worker may take now: a busy loop comes back here only after the requests it has read.
        while self._table.may_accept(self._waiting()) and self._accept():
            pass
        if not self._table.may_accept(self._waiting()):
            self._pause()

    def _waiting(self) -> int:
        """How many connections wait to be accepted (Linux: the listening socket's TCP_INFO); 0 when unknown."""
        try:
            info = self._sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 32)
        except (OSError, AttributeError):  # pragma: no cover - not Linux
            return 0
        return int(struct.unpack_from("I", info, _TCP_INFO_UNACKED)[0])

    def _accept(self) -> bool:
        """Take one waiting connection; False when none waits (or none can be taken now)."""
        try:
            conn, _ = self._sock.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return False
        except OSError:  # out of file descriptors and the like: try again at the next look
            self._pause()
            return False
        self._table.opened()
        self._loop.create_task(self._adopt(conn))
        return True

    async def _adopt(self, conn: socket.socket) -> None:
        try:
            await self._loop.connect_accepted_socket(self._counted, conn, ssl=self._ssl)
        except Exception:  # a failed TLS handshake: the connection is gone
            self._table.closed()
            conn.close()

    def _counted(self) -> asyncio.BaseProtocol:
        """The server's protocol, its end of the connection counted off in the table."""
        protocol = self._factory()
        lost = protocol.connection_lost
        table = self._table

        def connection_lost(exc: Exception | None) -> None:
            table.closed()
            lost(exc)

        protocol.connection_lost = connection_lost  # type: ignore[method-assign]
        return protocol

    def _pause(self) -> None:
        if self._reading:
            self._loop.remove_reader(self._sock.fileno())
            self._reading = False
            self._waiting_since = self._loop.time()
            self._timer = self._loop.call_later(self.POLL, self._look)

    def _look(self) -> None:
        self._timer = None
        if self._closed:
            return
        if self._table.may_accept(self._waiting()):
            self._read()
            self._ready()
            return
        if self._loop.time() - self._waiting_since > self._patience and _pending(self._sock):
            self._table.forget_ended()
            self._accept()
            self._waiting_since = self._loop.time()
        self._timer = self._loop.call_later(self.POLL, self._look)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._reading:
            self._loop.remove_reader(self._sock.fileno())
            self._reading = False
        if self._timer is not None:
            self._timer.cancel()
        self._table.release()

    async def wait_closed(self) -> None:
        return None


# For a listening socket, Linux gives the number of connections waiting to be accepted in tcp_info's
# tcpi_unacked: a 32-bit field after eight one-byte fields and four 32-bit ones.
_TCP_INFO_UNACKED = 24


def _pending(sock: socket.socket) -> bool:
    """Whether a connection waits on the listening ``sock``."""
    return bool(select.select([sock], [], [], 0)[0])


class _BalancingLoop:
    """An event loop whose ``create_server`` on a socket given accepts through :class:`BalancedAccept` when
    :func:`serve` made a :class:`ConnectionTable` for its workers (mixed into uvloop's or asyncio's loop)."""

    async def create_server(self, protocol_factory: Any, *args: Any, **kwargs: Any) -> Any:
        sock = kwargs.get("sock")
        path = os.environ.get(_CONNECTIONS_VARIABLE)
        if sock is not None and path and not args:
            try:
                table = ConnectionTable(path)
            except OSError:
                table = None
            if table is not None and table.claim():
                sock.listen(kwargs.get("backlog", 100))
                return BalancedAccept(self, sock, protocol_factory, table, ssl=kwargs.get("ssl"))  # type: ignore[arg-type]
        return await super().create_server(protocol_factory, *args, **kwargs)  # type: ignore[misc]


def balancing_loop() -> asyncio.AbstractEventLoop:
    """uvicorn's ``loop`` setting for :func:`serve`'s workers (a loop factory): uvloop's loop (asyncio's
    without it) that accepts through :class:`BalancedAccept`."""
    return _balancing_loop_class()()


@functools.cache
def _balancing_loop_class() -> type[asyncio.AbstractEventLoop]:
    base: type[asyncio.AbstractEventLoop]
    try:
        import uvloop

        base = uvloop.Loop
    except ImportError:  # pragma: no cover - uvloop is a dependency except on Windows
        base = asyncio.SelectorEventLoop
    return type("BalancingLoop", (_BalancingLoop, base), {})
