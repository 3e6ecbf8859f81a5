"""Passwords, tokens, CSRF and the security headers.

Cookies and links carry random tokens; the database keeps only their SHA-256, so a copy of the
database opens neither a session nor a questionnaire.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so both take as long. Made on first use, not at
    import: every server process and test worker imports this module, and an argon2 hash costs a tenth of a second."""
    return _HASHER.hash("geen-gebruiker")


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'"
)
# The letter preview is the library's self-contained HTML page (its own style block); it runs no script.
LETTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox"
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "no-referrer",  # a questionnaire's link is its key: never pass it on
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def now() -> datetime:
    """The time as the tables keep it: UTC, without a zone (SQLite keeps none)."""
    return datetime.now(UTC).replace(tzinfo=None)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def signed(secret: str, value: str) -> str:
    """A form token bound to ``value`` (a respondent's link), for pages without a session."""
    return hmac.new(secret.encode("ascii"), value.encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


__all__ = [
    "CSP",
    "HEADERS",
    "LETTER_CSP",
    "digest",
    "hash_password",
    "new_token",
    "now",
    "same",
    "signed",
    "verify_password",
]
