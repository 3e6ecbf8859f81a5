"""Import Experta without its two side effects on the host process.

1. ``pip install experta`` pins ``frozendict==1.2``, whose class statement uses
   ``collections.Mapping`` (removed in Python 3.10). No installer can override a
   dependency's exact pin from our metadata, so instead the alias is provided
   only for the duration of that import and removed again. frozendict 2.x (for
   integrators who override the pin) imports without it.
2. ``experta.engine`` calls ``logging.basicConfig()`` at import time, which
   installs a handler on the host application's root logger. We undo exactly
   the handlers that import added.

Every module of this package imports Experta through here, never directly.
"""

from __future__ import annotations

import collections
import collections.abc
import logging
import threading

_import_lock = threading.Lock()


def _import_experta() -> None:
    root = logging.getLogger()
    with _import_lock:
        handlers_before = list(root.handlers)
        added_alias = not hasattr(collections, "Mapping")
        if added_alias:
            collections.Mapping = collections.abc.Mapping  # type: ignore[attr-defined]
        try:
            import experta  # noqa: F401
        finally:
            if added_alias:
                del collections.Mapping  # type: ignore[attr-defined]
            for handler in list(root.handlers):
                if handler not in handlers_before:
                    root.removeHandler(handler)


_import_experta()

from experta import AS, NOT, Fact, KnowledgeEngine, P, Rule  # noqa: E402

__all__ = ["AS", "NOT", "P", "Fact", "KnowledgeEngine", "Rule"]
