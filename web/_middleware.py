"""The middlewares every answer passes: the client's address from a trusted reverse proxy, the Host check
against DNS rebinding, the security headers; and what they share (is an address the loopback, a Host header's
name, networks of proxies)."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from fastapi.responses import PlainTextResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._db import WebError
from ._security import HEADERS


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without its port, in lower case (``[::1]:8000`` gives ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def networks(addresses: Iterable[str]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Addresses and networks (``10.0.0.5``, ``10.0.0.0/24``) as networks; a Dutch error for a wrong one."""
    found = []
    for address in addresses:
        try:
            found.append(ipaddress.ip_network(address.strip(), strict=False))
        except ValueError:
            raise WebError(f"{address!r} is geen IP-adres of netwerk van een proxy") from None
    return tuple(found)


def _in(address: str, trusted: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


class ProxyHeaders:
    """The client's address and scheme as a trusted reverse proxy reports them (``X-Forwarded-For``, the
    nearest address that is not itself a trusted proxy; ``X-Forwarded-Proto``); from anyone else the headers
    are ignored, so that a local process cannot pose as many addresses to the login limit."""

    def __init__(self, app: ASGIApp, trusted: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> None:
        self.app = app
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.trusted and scope.get("client") and _in(scope["client"][0], self.trusted):
            headers = dict(scope["headers"])
            proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                scope["scheme"] = proto
            chain = [a.strip() for a in headers.get(b"x-forwarded-for", b"").decode("latin-1").split(",") if a.strip()]
            while chain and _in(chain[-1], self.trusted):
                chain.pop()
            if chain:
                scope["client"] = (chain[-1], 0)
        await self.app(scope, receive, send)


class HostCheck:
    """Answers 400 to a request whose Host header names neither the loopback nor an allowed name."""

    def __init__(self, app: ASGIApp, allowed: set[str]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            header = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
            name = host_name(header)
            if not (is_loopback(name) or name in self.allowed):
                response = PlainTextResponse(
                    "Samenwerkwijzer antwoordt niet op dit adres. Open het via het adres dat de server noemt.",
                    status_code=400,
                )
                secure(response.headers, scope["path"], scope.get("scheme") == "https")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """The security headers on every answer, and ``no-store`` on a respondent's and a measurement's pages
    (a plain ASGI middleware, like :class:`._auth.SessionMiddleware`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                secure(MutableHeaders(scope=message), path, https)
            await send(message)

        await self.app(scope, receive, send_with_headers)


HSTS = "max-age=31536000"


def secure(headers: MutableHeaders, path: str, https: bool = False) -> None:
    """The security headers an answer lacks, ``no-store`` on a respondent's and a measurement's pages, and
    Strict-Transport-Security on an answer over HTTPS."""
    for name, value in HEADERS.items():
        headers.setdefault(name, value)
    if https:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if path.startswith(("/r/", "/s/", "/delen/", "/metingen/")):
        headers.setdefault("Cache-Control", "no-store")


__all__ = [
    "HSTS",
    "HostCheck",
    "ProxyHeaders",
    "SecurityHeaders",
    "host_name",
    "is_loopback",
    "networks",
    "secure",
]
