"""A compiled engine as bytes and back: its rules and its Rete network, so that a new process need not compile them.

Compiling the shipped rules into Experta's network (some 430 rule variants, the alpha and beta parts, the index)
takes a command-line run some 50 ms; reading the same network back from a pickle about a quarter of that (writing
it, once per cache key, about as much as compiling). Experta's objects do not pickle as they are, and this module
says how each one that does not is made again:

- the tuples with a constructor of their own (``Rule``, ``NOT``, the field constraints ``L`` and ``P``, the
  checks, the network's ``ChildNode``): made with ``tuple.__new__`` from their items, their attributes set after;
- the network's nodes: made without their constructor, their attributes set one by one (:func:`_set_attributes`);
- the check functions Experta makes inside ``FeatureCheck`` (``equal_literal`` and its kin, no free variables):
  by the kind of constraint they test, taken from Experta itself when read back;
- the conflict-set nodes' marking wrappers (``_speedups._marking``): made again from what they close over;
- the facts (patterns): a dictionary filled directly, their values frozen as they were (Experta's ``__setitem__``
  freezes each value again, a third of reading the network back);
- what the engine holds from outside (the engine object itself, its knowledge base, the rules' actions): by
  name, which the caller gives and resolves; each is resolved once, then shared as pickle shares any object.

Anything else that does not pickle makes :func:`dump` fail, and the caller then keeps compiling: nothing is
written that could not be read back the same. Only a pristine engine is dumped (compiled, never run). Reading
back takes from modules only what an engine is made of (``_MODULES``, ``_NAMES``): an entry that names anything
else is refused.
"""

from __future__ import annotations

import functools
import io
import pickle
import types
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from . import _speedups
from ._experta import Fact, FeatureCheck, L, P, Rule

#: The kinds of field constraint whose check function can be written by reference (their function's code).
_CHECK_SAMPLES: dict[str, Callable[[], Any]] = {"L": lambda: L(""), "P": lambda: P(bool)}


@functools.cache
def _check_functions() -> dict[str, Callable[..., Any]]:
    """Experta's check function per kind of constraint (a new function object for each check it makes, the same
    code in each)."""
    return {kind: FeatureCheck.get_check_function(sample()).check for kind, sample in _CHECK_SAMPLES.items()}


def _check_function(kind: str) -> Callable[..., Any]:
    return _check_functions()[kind]


def _new_tuple(cls: type[tuple[Any, ...]], items: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple.__new__(cls, items)


def _new_fact(cls: type[Fact], items: dict[Any, Any]) -> Fact:
    fact = dict.__new__(cls)
    dict.update(fact, items)
    return fact


def _new_object(cls: Any) -> Any:
    return cls.__new__(cls)


def _set_attributes(obj: Any, state: dict[str, Any]) -> None:
    """An object's attributes set one by one, as its constructor set them: pickle's own way (``__dict__.update``)
    gives the object a dictionary of its own, and reading its attributes is then slower (CPython 3.11 keeps an
    instance's attributes beside it until its ``__dict__`` is asked for): a run on the same network read back the
    other way took 7 % longer."""
    for name, value in state.items():
        setattr(obj, name, value)


def _update_attributes(obj: Any, state: dict[str, Any]) -> None:
    """The attributes of a rule, a pattern or a check (read rarely, unlike a node's): in one update."""
    obj.__dict__.update(state)


def _state(obj: Any) -> dict[str, Any] | None:
    state = getattr(obj, "__dict__", None)
    if not state:
        return None
    state = dict(state)
    # A fact keeps its hash once asked (Experta's Fact.__hash__ stores ``_hash``), and a string's hash differs from one
    # process to the next: a stored hash read back by another process would be stale (suite5 found 857 of 866), and
    # every dictionary and set that holds the fact would look it up under the wrong hash. It is computed again there.
    if isinstance(obj, Fact):
        state.pop("_hash", None)
    if isinstance(obj, Rule):
        # The engine the rule was last read through (Experta sets both on every read): the caller's to set again.
        state.update({name: None for name in _RULE_ENGINE if name in state})
    return state


#: A rule's attributes that hold the engine it was last read through.
_RULE_ENGINE = ("_wrapped_self", "ke")


#: Classes whose plain instances are written attribute by attribute (:func:`_set_attributes`).
_OWN_MODULES = ("experta.", "samenwerkwijzer.reasoning.")


_MARKING_CODE = _speedups._marking(None, 0, set()).__code__

#: What reading the entry may take from modules: Experta's classes and functions, those of the modules that make a
#: compiled engine, and these few of the standard library's (a bound method's ``getattr``, ``partial``, the
#: comparisons, the rules' signatures). Anything else makes the entry unreadable (compiled again), so that an entry
#: can build nothing else.
_MODULES = ("experta.",)
_OWN = frozenset({__name__, _speedups.__name__, f"{__package__}._rete_index", "samenwerkwijzer.reasoning._engine"})
_NAMES = frozenset(
    {
        ("builtins", "getattr"),
        ("functools", "partial"),
        ("_operator", "gt"),
        ("_operator", "le"),
        ("operator", "gt"),
        ("operator", "le"),
        ("collections", "Counter"),
        ("inspect", "Signature"),
        ("inspect", "Parameter"),
        ("inspect", "_ParameterKind"),
        ("inspect", "_empty"),
    }
)


class _Pickler(pickle.Pickler):
    def __init__(self, handle: io.BytesIO, references: Callable[[Any], Hashable | None]) -> None:
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._references = references
        self._check_kinds = {f.__code__: kind for kind, f in _check_functions().items()}

    def reducer_override(self, obj: Any) -> Any:
        # Called once per object (pickle's memo answers the object's later occurrences), before its own reduction.
        name = self._references(obj)
        if name is not None:
            return _resolve_marker, (name,)
        cls: Any = type(obj)
        if cls is types.FunctionType:
            code = obj.__code__
            if code in self._check_kinds:
                return _check_function, (self._check_kinds[code],)
            if code is _MARKING_CODE:
                cells = dict(zip(code.co_freevars, (c.cell_contents for c in obj.__closure__), strict=True))
                return _speedups._marking, (cells["activate"], cells["place"], cells["marked"])
            return NotImplemented
        if isinstance(obj, tuple) and cls.__module__.startswith("experta.") and cls.__new__ is not tuple.__new__:
            return _new_tuple, (cls, tuple(obj)), _state(obj), None, None, _update_attributes
        if isinstance(obj, Fact):
            return _new_fact, (cls, dict(obj)), _state(obj), None, None, _update_attributes
        if (
            cls.__module__.startswith(_OWN_MODULES)
            and cls.__reduce_ex__ is object.__reduce_ex__
            and not isinstance(obj, (type, tuple, list, dict, set))
            and hasattr(obj, "__dict__")
        ):
            return _new_object, (cls,), _state(obj), None, None, _set_attributes
        return NotImplemented


def _resolve_marker(name: Any) -> Any:
    """Stands for the caller's ``resolve`` in the pickle: read back, it is the caller's (:class:`_Unpickler`)."""
    raise pickle.UnpicklingError("a reference read without its resolver")


class _Unpickler(pickle.Unpickler):
    def __init__(self, handle: io.BytesIO, resolve: Callable[[Any], Any]) -> None:
        super().__init__(handle)
        self._resolve = resolve

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == _resolve_marker.__name__:
            return self._resolve
        if module.startswith(_MODULES) or module in _OWN or (module, name) in _NAMES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"the compiled engine's entry names {module}.{name}")


def dump(parts: Iterable[Any], references: Callable[[Any], Hashable | None]) -> bytes:
    """``parts`` pickled one after the other, sharing what they share; ``references(x)`` names an object to be
    written by reference, to be resolved by name when read back (None: the object is written itself)."""
    handle = io.BytesIO()
    pickler = _Pickler(handle, references)
    for part in parts:
        pickler.dump(part)
    return handle.getvalue()


class Reader:
    """Reads back what :func:`dump` wrote, one part at a time (:meth:`next`), so that the objects a later part
    refers to by name can be made from an earlier part; ``resolve(name)`` gives back each object written by
    reference (once per object)."""

    def __init__(self, data: bytes, resolve: Callable[[Any], Any]) -> None:
        self._unpickler = _Unpickler(io.BytesIO(data), resolve)

    def next(self) -> Any:
        return self._unpickler.load()


__all__ = ["Reader", "dump"]
