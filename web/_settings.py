"""How a server is reached and what it promises (:class:`ServerSettings`), as ``serve`` was given them."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from ._cases import MIN_RESPONDENTS, RETENTION_DAYS
from ._db import WebError
from ._middleware import is_loopback, networks
from ._session import MAX_PARTICIPANTS


@dataclass(frozen=True)
class ServerSettings:
    """How a server is reached: its public address, the reverse proxies in front of it, its own TLS; and what
    it promises the respondents (the fewest whose answers are shown, whom to ask about their data, how long it
    is kept) and how it sends invitations.

    ``public_url`` (``https://samenwerken.example.nl``) is the address partners open: every link the pages
    make uses it, and its host is one the server answers to. ``trusted_proxies`` are the addresses whose
    ``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed. ``tls_certificate`` and ``tls_key`` make the
    server speak HTTPS itself."""

    public_url: str | None = None
    trusted_proxies: tuple[str, ...] = ()
    tls_certificate: str | None = None
    tls_key: str | None = None
    insecure_http: bool = False
    min_respondents: int = MIN_RESPONDENTS
    privacy_contact: str | None = None
    retention_days: int = RETENTION_DAYS
    smtp_url: str | None = None
    session_participants: int = MAX_PARTICIPANTS
    lessons: str | None = None  # the classroom's stories (serve --lessons); None: examples/ where it starts

    def check(self, host: str) -> None:
        """Refuse what would send passwords and links in clear text, or cannot work (a Dutch WebError)."""
        if self.public_url is not None:
            parsed = urlsplit(self.public_url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                example = "https://samenwerken.example.nl"
                raise WebError(f"--public-url is een volledig adres, zoals {example}, niet {self.public_url!r}")
            if parsed.scheme == "http" and not self.insecure_http and not is_loopback(parsed.hostname):
                raise WebError("--public-url begint met https://; een adres met http:// kan alleen met --insecure-http")
        if (self.tls_certificate is None) != (self.tls_key is None):
            raise WebError("geef --tls-certificate en --tls-key samen")
        for path in (self.tls_certificate, self.tls_key):
            if path is not None and not os.path.isfile(path):
                raise WebError(f"het bestand {path} bestaat niet")
        networks(self.trusted_proxies)
        tls = self.tls_certificate is not None
        if not is_loopback(host) and not tls and not self.trusted_proxies and not self.insecure_http:
            raise WebError(
                f"op {host} zouden wachtwoorden en links onversleuteld over het netwerk gaan. Gebruik HTTPS: "
                "--tls-certificate en --tls-key, of een reverse proxy met --trusted-proxy ADRES (zie README, "
                "'Hosting for partners'); of zeg met --insecure-http dat het zo moet"
            )

    def to_data(self) -> dict[str, Any]:
        """The settings as JSON data, for the worker processes ``serve --workers`` starts."""
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ServerSettings:
        """The settings a worker was handed (:meth:`to_data`): every field, so that none is lost on the way."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "trusted_proxies" in values:
            values["trusted_proxies"] = tuple(values["trusted_proxies"])
        return cls(**values)

    @property
    def allowed_hosts(self) -> tuple[str, ...] | None:
        if self.public_url is None:
            return None
        return (urlsplit(self.public_url).netloc,)


__all__ = ["ServerSettings"]
