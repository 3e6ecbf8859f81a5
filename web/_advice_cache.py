"""Recent diagnoses of this server process, by what they depend on: the case, the date and who asked.

A diagnosis is a pure function of the case and the reference date (the knowledge is fixed for the life of
the process), and integrators and pages ask for the same case again and again: the advice, then its letter,
its explanation, a what-if back to where it was. The cache keeps the advice as JSON text, which no caller
can change; a caller that needs the model gets a fresh one parsed from that text.

Bounded in entries and in bytes. The key is the SHA-256 of the scope (an API key's hash, so that one
integrator cannot learn from the timing whether another sent the same case), the reference date and the
case's canonical JSON: equal keys mean equal inputs, so a hit returns exactly what a new diagnosis would.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections import OrderedDict
from datetime import date

from samenwerkwijzer import Advice, Case, diagnose

MAX_ENTRIES = 256
MAX_BYTES = 32 * 1024 * 1024


class AdviceCache:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[bytes, str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def advice_json(self, case: Case, scope: str = "", *, today: date | None = None) -> str:
        """The advice for ``case`` as JSON text (``Advice.model_dump_json(indent=2)``)."""
        reference = case.assessed_on or today or date.today()
        key = _key(case, scope, reference)
        text = self._get(key)
        if text is None:
            # Outside the lock: the engine serialises runs itself, and a miss must not hold up the hits.
            text = diagnose(case, today=reference).model_dump_json(indent=2)
            self._store(key, text)
        return text

    def cached_json(self, case: Case, scope: str = "", *, today: date | None = None) -> str | None:
        """The advice's JSON text if it is in the cache, else None (nothing is diagnosed)."""
        return self._get(_key(case, scope, case.assessed_on or today or date.today()), count_miss=False)

    def _get(self, key: bytes, *, count_miss: bool = True) -> str | None:
        with self._lock:
            text = self._entries.get(key)
            if text is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            elif count_miss:
                self.misses += 1
            return text

    def advice(self, case: Case, scope: str = "", *, today: date | None = None) -> Advice:
        """The advice for ``case``, a model of its own."""
        return Advice.model_validate_json(self.advice_json(case, scope, today=today))

    def _store(self, key: bytes, text: str) -> None:
        size = sys.getsizeof(text)  # what the interpreter holds: curly quotes make it two bytes a character
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = text
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, old = self._entries.popitem(last=False)
                self._bytes -= sys.getsizeof(old)

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Forget every advice (after a deletion: what was deleted is not kept in memory either)."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0


def _key(case: Case, scope: str, reference: date) -> bytes:
    digest = hashlib.sha256()
    for part in (scope, reference.isoformat()):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(case.model_dump_json().encode())
    return digest.digest()


__all__ = ["MAX_BYTES", "MAX_ENTRIES", "AdviceCache"]
