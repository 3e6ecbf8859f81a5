"""The garbage collector paused while the package's modules import.

Importing builds some fifty pydantic model classes and their validators: tens
of thousands of objects that live as long as the process, so the collections
they trigger free nothing and only walk them. The package root loads its
names on first use inside :func:`paused`; a host that had turned the
collector off keeps it off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


__all__ = ["paused"]
