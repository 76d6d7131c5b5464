"""Shared fixtures: no test may reach the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DE = ROOT / "sample_articles" / "article-de-putin-kim-beijing.txt"


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any real connection attempt (loopback included: tests inject fakes)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkBlocked("tests must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


_REAL_CONNECT = socket.socket.connect
_REAL_CONNECT_EX = socket.socket.connect_ex
_REAL_CREATE_CONNECTION = socket.create_connection
_REAL_GETADDRINFO = socket.getaddrinfo
LOOPBACK = ("127.0.0.1", "::1", "localhost")


@pytest.fixture
def loopback(no_network: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Opt in to connections to this machine's loopback address only (a test's own HTTP
    server); any other host is not found (as DNS would say), nothing leaves the machine."""

    def host_of(address: object) -> object:
        return address[0] if isinstance(address, tuple) and address else address

    def connect(self: socket.socket, address: object) -> None:
        if host_of(address) not in LOOPBACK:
            raise NetworkBlocked("tests must not touch the network")
        _REAL_CONNECT(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        if host_of(address) not in LOOPBACK:
            raise NetworkBlocked("tests must not touch the network")
        return _REAL_CONNECT_EX(self, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in LOOPBACK:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return _REAL_GETADDRINFO(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", _REAL_CREATE_CONNECTION)
    yield
