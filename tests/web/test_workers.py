"""serve --workers: the workers share one listening socket and take turns to accept from it, so that persistent
connections split evenly over them (a table of each worker's open connections in shared memory); a port in use
is still refused; the garbage collector is frozen after start-up; and an idle kept-alive connection outlives the
pools of common clients."""

from __future__ import annotations

import gc
import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samenwerkwijzer.web import _server
from samenwerkwijzer.web._db import WebError

from ..webkit import free_port, stop_in_time

LINUX_PROC = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads processes and sockets from /proc")


def test_a_port_in_use_is_refused_with_workers_too():
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        with pytest.raises(WebError, match="al in gebruik"):
            _server._listening_sockets("127.0.0.1", other.getsockname()[1], 2)


def test_the_workers_share_one_socket_without_reuse_port():
    (sock,) = _server._listening_sockets("127.0.0.1", 0, 2)
    with sock:
        if hasattr(socket, "SO_REUSEPORT"):
            assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 0
        assert sock.get_inheritable()


def test_a_worker_may_accept_only_while_it_holds_no_more_connections_than_any_other(tmp_path):
    table = _server.ConnectionTable.create(2, folder=str(tmp_path))
    other = _server.ConnectionTable(table.path)  # a second worker's view of the same table
    try:
        assert table.claim() and table.mine == 0
        assert table.may_accept()  # alone: always
        with _other_process() as pid:
            other.mine = 1
            other._cells[2] = pid  # the second worker's slot, as its claim writes it
            assert table.may_accept() and other.may_accept()
            table.opened()
            assert not table.may_accept() and other.may_accept()
            other.opened()
            assert table.may_accept() and other.may_accept()
            other.opened()
            other.opened()
            assert table.may_accept() and not other.may_accept()
            table.closed()
            assert table.counts() == {os.getpid(): 0, pid: 3}
        # The second worker has ended: its count no longer holds the first back.
        table.forget_ended()
        assert table.counts() == {os.getpid(): 0}
    finally:
        other.close()
        table.release()
        table.close()


def test_with_connections_waiting_each_worker_takes_its_share_at_once(tmp_path):
    table = _server.ConnectionTable.create(2, folder=str(tmp_path))
    try:
        assert table.claim()
        with _other_process() as pid:
            table._cells[2] = pid  # a second worker, holding no connection yet
            for held in range(10):  # twenty waiting: ten are this worker's, without waiting for the other's turn
                assert table.may_accept(waiting=20 - held), held
                table.opened()
            assert not table.may_accept(waiting=10)
            assert not table.may_accept()  # nothing known to wait: no more than the other holds
            table._cells[3] = 9  # the other has taken nine, one waits: its share
            assert not table.may_accept(waiting=1)
            table._cells[3] = 10
            assert table.may_accept(waiting=1)  # twenty-one: eleven may go to either
    finally:
        table.release()
        table.close()


def test_a_new_worker_takes_over_the_slot_of_one_that_ended(tmp_path):
    table = _server.ConnectionTable.create(1, folder=str(tmp_path))
    try:
        with _other_process() as first, _other_process() as second:
            table._cells[0], table._cells[1], table._cells[2], table._cells[3] = first, 7, second, 0
        assert table.claim() and table.mine == 0
        assert table.counts() == {os.getpid(): 0, second: 0}
        table.opened()
        assert not table.may_accept()  # the ended one's count still counts until it is forgotten
        table.forget_ended()
        assert table.may_accept() and table.counts() == {os.getpid(): 1}
        table.release()
        assert table.counts() == {}
    finally:
        table.close()


class _other_process:
    """A process that has started and, after the block, ended (and been reaped): a worker that came and went."""

    def __enter__(self) -> int:
        self.process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        return self.process.pid

    def __exit__(self, *exc: object) -> None:
        self.process.kill()
        self.process.wait()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _established_sockets(pid: int, port: int) -> int:
    """How many of the server's established connections on ``port`` the process ``pid`` holds."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text(encoding="ascii").splitlines()[1:]:
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    held = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            match = re.match(r"socket:\[(\d+)\]", os.readlink(fd))
        except OSError:
            continue
        held += bool(match and match.group(1) in inodes)
    return held


@LINUX_PROC
def test_twenty_persistent_connections_split_ten_and_ten_over_two_workers(tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port)]
    command += ["--workers", "2", "--database", f"sqlite:///{tmp_path / 'web.db'}"]
    # A loaded machine must not let a worker take more than its share after waiting (see PATIENCE_VARIABLE).
    environment = os.environ | {_server.PATIENCE_VARIABLE: "60"}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
    opened: list[http.client.HTTPConnection] = []
    try:
        # Both workers accepting: each has claimed its slot in the table (as its server starts).
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else "server ended"
            assert time.monotonic() < deadline, "the two workers did not start"
            children = _children(server.pid)  # the workers, and multiprocessing's resource tracker
            path = next(filter(None, map(_server.ConnectionTable.path_of, children)), None)
            if path and Path(path).exists():
                table = _server.ConnectionTable(path)
                try:
                    workers = list(table.counts())
                finally:
                    table.close()
                if len(workers) == 2 and set(workers) <= set(children):
                    break
            time.sleep(0.1)
        for _ in range(20):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.connect()
            opened.append(conn)
        for conn in opened:  # each connection answered, so accepted by a worker
            conn.request("GET", "/api/v1/health")
            assert conn.getresponse().read()
        assert sorted(_established_sockets(p, port) for p in workers) == [10, 10]
        # Connections closed are counted off: the next ones go to the worker that holds fewer.
        for conn in opened[:4]:
            conn.close()
        table = _server.ConnectionTable(path)
        try:
            deadline = time.monotonic() + 30
            while sum(table.counts().values()) > 16 and time.monotonic() < deadline:
                time.sleep(0.05)
            held = sorted(table.counts().values())
        finally:
            table.close()
        assert sum(held) == 16
        for conn in opened[:4]:
            conn.connect()
            conn.request("GET", "/api/v1/health")
            assert conn.getresponse().read()
        assert sorted(_established_sockets(p, port) for p in workers) == [10, 10], held
    finally:
        for conn in opened:
            conn.close()
        stop_in_time(server)
    assert not Path(path).exists(), "the supervisor removes the table when it stops"


def test_a_worker_freezes_what_start_up_made(monkeypatch, tmp_path):
    monkeypatch.setenv("SAMENWERKWIJZER_WEB_DATABASE", f"sqlite:///{tmp_path / 'w.db'}")
    monkeypatch.setenv("SAMENWERKWIJZER_WEB_REQUIRE_LOGIN", "0")
    try:
        _server.worker_app()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_an_idle_connection_is_kept_longer_than_common_clients_keep_it():
    assert _server.KEEP_ALIVE_SECONDS > 15  # httpx keeps an idle connection 5 s, aiohttp 15 s
