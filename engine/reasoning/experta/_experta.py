"""Import Experta without its two side effects on the host process.

1. ``pip install experta`` pins ``frozendict==1.2``, whose class statement uses
   ``collections.Mapping`` (removed in Python 3.10). No installer can override a
   dependency's exact pin from our metadata, so instead the alias is provided
   only for the duration of that import and removed again. frozendict 2.x (for
   integrators who override the pin) imports without it.
2. ``experta.engine`` calls ``logging.basicConfig()`` at import time, which
   installs a handler on the host application's root logger. We undo exactly
   the handlers that import added.
3. Experta's watchers (``experta.watchers.MATCH`` and friends) log every match
   at DEBUG: a host that logs at DEBUG would get some two thousand records
   per diagnosis and a much slower one. The ``experta`` logger is set to
   WARNING, unless the host set a level on it before; the root logger is
   never touched, and a host can still turn a watcher on with
   ``experta.watchers.watch()``.

Importing in any order works: a host that imported Experta itself (having
provided the alias, or with frozendict 2.x) shares that module; a host whose
own ``import experta`` failed on the missing alias leaves nothing behind
that stops this import. Should the import fail anyway, the error says why
in one paragraph (an :class:`ImportError`) instead of an AttributeError.

Every module of this package imports Experta through here, never directly.
"""

from __future__ import annotations

import collections
import collections.abc
import logging
import threading

_import_lock = threading.Lock()


def _import_error(exc: Exception) -> ImportError:
    return ImportError(
        f"samenwerkwijzer cannot import Experta ({type(exc).__name__}: {exc}). Experta 1.9 needs "
        "frozendict (pip install 'frozendict==1.2' 'experta==1.9.4', or frozendict 2.x); if your "
        "application imports experta or frozendict itself, import samenwerkwijzer first."
    )


def _import_experta() -> None:
    root = logging.getLogger()
    with _import_lock:
        handlers_before = list(root.handlers)
        added_alias = not hasattr(collections, "Mapping")
        if added_alias:
            collections.Mapping = collections.abc.Mapping  # type: ignore[attr-defined]
        try:
            import experta  # noqa: F401
        except Exception as exc:
            raise _import_error(exc) from exc
        finally:
            if added_alias:
                del collections.Mapping  # type: ignore[attr-defined]
            for handler in list(root.handlers):
                if handler not in handlers_before:
                    root.removeHandler(handler)
        quiet = logging.getLogger("experta")
        if quiet.level == logging.NOTSET:
            quiet.setLevel(logging.WARNING)


_import_experta()

try:
    # experta/__init__.py swallows an ImportError of its own modules (frozendict
    # missing), leaving a package without these names.
    from experta import AS, NOT, OR, Fact, KnowledgeEngine, P, Rule
    from experta import __version__ as EXPERTA_VERSION
    from experta.fact import InitialFact
    from experta.fieldconstraint import ANDFC, NOTFC, ORFC, L
    from experta.matchers import ReteMatcher
    from experta.matchers.rete.check import FeatureCheck, SameContextCheck
    from experta.matchers.rete.mixins import ChildNode, NoMemory
    from experta.matchers.rete.nodes import (
        BusNode,
        ConflictSetNode,
        FeatureTesterNode,
        NotNode,
        OrdinaryMatchNode,
    )
    from experta.matchers.rete.token import Token
    from experta.matchers.rete.utils import prepare_rule, wire_rule
    from experta.strategies import DepthStrategy
except ImportError as _exc:
    raise _import_error(_exc) from _exc

__all__ = [
    "ANDFC",
    "AS",
    "NOT",
    "NOTFC",
    "OR",
    "ORFC",
    "BusNode",
    "ChildNode",
    "ConflictSetNode",
    "DepthStrategy",
    "EXPERTA_VERSION",
    "Fact",
    "FeatureCheck",
    "FeatureTesterNode",
    "InitialFact",
    "KnowledgeEngine",
    "L",
    "NoMemory",
    "NotNode",
    "OrdinaryMatchNode",
    "P",
    "ReteMatcher",
    "SameContextCheck",
    "Rule",
    "prepare_rule",
    "Token",
    "wire_rule",
]
