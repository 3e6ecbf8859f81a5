"""What every web test of a process shares."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashes() -> Iterator[None]:
    """Passwords hashed and checked in the test process with argon2id at its lowest cost: the same hashing and
    checking, without a fifth of a second of CPU per password (some twenty-five of them over these files, module
    fixtures' accounts included). Servers in their own processes keep the real cost, and
    test_accounts_are_argon2_hashed_and_the_command_creates_them (tests/web/test_security.py) checks it here."""
    from argon2 import PasswordHasher

    from samenwerkwijzer.web import _security

    real = _security._HASHER
    _security._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    _security._HASHER = real
