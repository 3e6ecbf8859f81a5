"""How ``serve --workers 2`` splits persistent connections: ``python bench/web_split.py [--rounds 5]
[--connections 20] [--python PYTHON]``.

Starts the server, waits until both workers listen (or, with the balanced accept, have claimed their slot in
the table of connections), opens the connections (each sends one health request, so that
it has been accepted), then counts each worker's established connections from /proc and prints the split per
round. It needs no load and no CPU to spare, so it says what the accept does even on a machine other work loads
(where the throughput of two workers against one says more about the machine). Linux only.
"""

from __future__ import annotations

import argparse
import glob
import http.client
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sockets_of(pid: int) -> set[str]:
    found = set()
    for fd in glob.glob(f"/proc/{pid}/fd/*"):
        try:
            match = re.match(r"socket:\[(\d+)\]", os.readlink(fd))
        except OSError:
            continue
        if match:
            found.add(match.group(1))
    return found


def _on_port(port: int, state: str) -> set[str]:
    """The socket inodes on local ``port`` in ``state`` (01 established, 0A listening)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text(encoding="ascii").splitlines()[1:]:
            fields = line.split()
            if fields[3] == state and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    return inodes


def _table_of(pid: int) -> str | None:
    """The connection table a worker was started with (its environment), if any. The bench reads the table
    itself instead of calling ``ConnectionTable.path_of`` and ``counts``: ``--python`` may run a version that
    has neither."""
    try:
        environment = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for entry in environment:
        if entry.startswith(b"SAMENWERKWIJZER_WEB_CONNECTIONS="):
            return entry.split(b"=", 1)[1].decode()
    return None


def _claimed(path: str) -> list[int]:
    """The process ids holding a slot in the table (pairs of 64-bit integers: process id, connections)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    cells = struct.unpack(f"{len(data) // 8}q", data)
    return [pid for pid in cells[0::2] if pid]


def split(python: str, connections: int) -> list[int]:
    port = _free_port()
    folder = tempfile.mkdtemp()
    command = [python, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        [*command, "--database", f"sqlite:///{folder}/web.db"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 180
        while True:  # both workers listening (with a socket of their own, or the shared one inherited)
            children = [int(p) for p in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]
            listening = _on_port(port, "0A")
            workers = [p for p in children if _sockets_of(p) & listening]
            table = next(filter(None, map(_table_of, children)), None)
            # A version with a table of the workers' connections (web/_server.py's ConnectionTable): both workers
            # accepting once both have claimed their slot; they hold the shared socket from their start.
            if len(workers) >= 2 and (table is None or len(_claimed(table)) >= 2):
                break
            if time.monotonic() > deadline:
                raise SystemExit("the workers did not start within three minutes")
            time.sleep(0.2)
        time.sleep(1)
        opened = []
        for _ in range(connections):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.connect()
            opened.append(conn)
        for conn in opened:
            conn.request("GET", "/api/v1/health")
            conn.getresponse().read()
        established = _on_port(port, "01")
        counts = sorted((len(_sockets_of(p) & established) for p in workers), reverse=True)
        for conn in opened:
            conn.close()
        return counts
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--python", default=sys.executable, help="the interpreter of the version to measure")
    args = parser.parse_args()
    for _ in range(args.rounds):
        counts = split(args.python, args.connections)
        print(f"connections per worker: {' / '.join(map(str, counts))}; busiest {counts[0] / sum(counts):.0%}")


if __name__ == "__main__":
    main()
