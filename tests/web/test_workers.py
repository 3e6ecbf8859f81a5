"""serve --workers: each worker listens on a socket of its own (SO_REUSEPORT), so that the kernel spreads the
connections over them; a port in use is still refused; the garbage collector is frozen after start-up; and an
idle kept-alive connection outlives the pools of common clients."""

from __future__ import annotations

import gc
import pickle
import socket

import pytest

from samenwerkwijzer.web import _app
from samenwerkwijzer.web._db import WebError

pytestmark = pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="SO_REUSEPORT (Linux, BSD)")


def test_each_worker_binds_a_socket_of_its_own_to_the_same_port():
    sockets = _app._listening_sockets("127.0.0.1", 0, 2)
    try:
        assert isinstance(sockets, _app.ReusePortSockets)
        (mine,) = sockets
        port = mine.getsockname()[1]
        # What a worker gets when the supervisor's list is unpickled there: a new socket on the same port.
        worker = pickle.loads(pickle.dumps(sockets))
        (theirs,) = worker
        try:
            assert theirs.fileno() != mine.fileno()
            assert theirs.getsockname() == ("127.0.0.1", port)
            assert theirs.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
        finally:
            theirs.close()
    finally:
        mine.close()


def test_a_port_in_use_is_refused_with_workers_too_even_by_another_samenwerkwijzer():
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        with pytest.raises(WebError, match="al in gebruik"):
            _app._listening_sockets("127.0.0.1", other.getsockname()[1], 2)
    (first,) = _app._listening_sockets("127.0.0.1", 0, 2)
    try:
        first.listen()
        with pytest.raises(WebError, match="al in gebruik"):
            _app._listening_sockets("127.0.0.1", first.getsockname()[1], 2)
    finally:
        first.close()


def test_one_process_keeps_the_one_socket():
    (sock,) = _app._listening_sockets("127.0.0.1", 0, 1)
    with sock:
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 0


def test_a_worker_freezes_what_start_up_made(monkeypatch, tmp_path):
    monkeypatch.setenv("SAMENWERKWIJZER_WEB_DATABASE", f"sqlite:///{tmp_path / 'w.db'}")
    monkeypatch.setenv("SAMENWERKWIJZER_WEB_REQUIRE_LOGIN", "0")
    try:
        _app.worker_app()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_an_idle_connection_is_kept_longer_than_common_clients_keep_it():
    assert _app.KEEP_ALIVE_SECONDS > 15  # httpx keeps an idle connection 5 s, aiohttp 15 s
