"""The garbage collector paused while the package imports.

Importing builds some fifty pydantic model classes and their validators: tens
of thousands of objects that live as long as the process, so the collections
they trigger free nothing and only walk them. ``__init__`` imports this module
first and calls :func:`resume` after its last import; a host that had turned
the collector off keeps it off.
"""

from __future__ import annotations

import gc

_was_enabled = gc.isenabled()
gc.disable()


def resume() -> None:
    if _was_enabled:
        gc.enable()
